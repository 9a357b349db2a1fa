//! Raw HTML inside a post reduced to text: tags dropped, entities decoded, block boundaries
//! kept, `<script>`/`<style>` content ignored.
//!
//! pulldown-cmark hands raw HTML over in pieces (a block per run of lines, an inline tag at a
//! time), so the reader is a small state machine fed piece by piece. It never builds a tree:
//! depth costs nothing, and the work is linear in the input.

/// Receives text and paragraph breaks from the HTML reader, and the shape of its tables.
pub trait TextSink {
    fn text(&mut self, text: &str);
    fn block_break(&mut self);
    /// A table's structure, beside its text: `<table>`, `<tr>`, `<td>`/`<th>` with their
    /// spans, `<caption>`.
    fn table(&mut self, _mark: TableMark) {}
}

/// Where a table's parts open and close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableMark {
    Start,
    End,
    Row,
    Cell { colspan: usize, rowspan: usize },
    CellEnd,
    Caption,
    CaptionEnd,
}

/// `colspan="2"` in a tag's attributes: the number, at least 1 and at most 64.
fn span(raw: &str, name: &str) -> usize {
    let lower = raw.to_ascii_lowercase();
    lower
        .find(name)
        .map(|pos| {
            lower[pos + name.len()..]
                .trim_start_matches([' ', '=', '"', '\''])
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .and_then(|digits| digits.parse().ok())
        .unwrap_or(1)
        .clamp(1, 64)
}

#[derive(Debug, Default)]
pub struct HtmlText {
    state: State,
    /// The tag being read (name, attributes), up to a bound.
    tag: String,
    /// Inside `<script>` or `<style>`: the closing tag that ends the skip.
    skip_until: Option<&'static str>,
    /// A partial `&entity;` carried across pieces.
    entity: String,
}

#[derive(Debug, Default, PartialEq, Clone, Copy)]
enum State {
    #[default]
    Text,
    Tag,
    Comment,
}

/// Tags longer than this are not kept whole: only their name matters.
const TAG_KEEP: usize = 64;

impl HtmlText {
    pub fn feed(&mut self, html: &str, sink: &mut impl TextSink) {
        let mut text_start: Option<usize> = None;
        for (i, c) in html.char_indices() {
            match self.state {
                State::Text => {
                    if c == '<' {
                        if let Some(s) = text_start.take() {
                            self.emit(&html[s..i], sink);
                        }
                        self.state = State::Tag;
                        self.tag.clear();
                    } else if text_start.is_none() {
                        text_start = Some(i);
                    }
                }
                State::Tag => {
                    if c == '>' {
                        self.state = State::Text;
                        self.close_tag(sink);
                    } else {
                        if self.tag.len() < TAG_KEEP {
                            self.tag.push(c);
                        }
                        if self.tag == "!--" {
                            self.state = State::Comment;
                            self.tag.clear();
                        }
                    }
                }
                State::Comment => {
                    // Track the last two characters to spot `-->`.
                    if c == '>' && self.tag.ends_with("--") {
                        self.state = State::Text;
                        self.tag.clear();
                    } else {
                        if self.tag.len() >= 2 {
                            self.tag.remove(0);
                        }
                        self.tag.push(c);
                    }
                }
            }
        }
        if let Some(s) = text_start {
            self.emit(&html[s..], sink);
        }
    }

    /// Flushes a dangling entity at the end of the document.
    pub fn finish(&mut self, sink: &mut impl TextSink) {
        if !self.entity.is_empty() && self.skip_until.is_none() {
            sink.text(&std::mem::take(&mut self.entity));
        }
        self.entity.clear();
    }

    fn emit(&mut self, text: &str, sink: &mut impl TextSink) {
        if self.skip_until.is_some() {
            return;
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if !self.entity.is_empty() {
                if c == ';' {
                    self.entity.push(c);
                    match decode_entity(&self.entity) {
                        Some(d) => out.push(d),
                        None => out.push_str(&self.entity),
                    }
                    self.entity.clear();
                    continue;
                }
                if (c.is_ascii_alphanumeric() || c == '#') && self.entity.len() < 12 {
                    self.entity.push(c);
                    continue;
                }
                out.push_str(&std::mem::take(&mut self.entity));
            }
            if c == '&' {
                self.entity.push(c);
            } else {
                out.push(c);
            }
        }
        if !out.is_empty() {
            sink.text(&out);
        }
    }

    fn close_tag(&mut self, sink: &mut impl TextSink) {
        let raw = self.tag.trim();
        let closing = raw.starts_with('/');
        let name: String = raw
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some(end) = self.skip_until {
            if closing && name == end {
                self.skip_until = None;
            }
            return;
        }
        if !closing && !raw.ends_with('/') {
            self.skip_until = match name.as_str() {
                "script" => Some("script"),
                "style" => Some("style"),
                "template" => Some("template"),
                // Preformatted text is code on a page (`ages = ['30岁以下', …]`), as a
                // Markdown code block is: not the story's prose.
                "pre" => Some("pre"),
                _ => None,
            };
        }
        match (name.as_str(), closing) {
            ("table", false) => sink.table(TableMark::Start),
            ("table", true) => sink.table(TableMark::End),
            ("tr", false) => sink.table(TableMark::Row),
            ("td" | "th", false) => sink.table(TableMark::Cell {
                colspan: span(raw, "colspan"),
                rowspan: span(raw, "rowspan"),
            }),
            ("td" | "th", true) => sink.table(TableMark::CellEnd),
            ("caption", false) => sink.table(TableMark::Caption),
            ("caption", true) => sink.table(TableMark::CaptionEnd),
            _ => {}
        }
        if is_block(&name) {
            sink.block_break();
        }
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "hr"
            | "pre"
            | "dd"
            | "dt"
    )
}

/// Decodes `&name;`, `&#NN;` and `&#xHH;` (the named ones news HTML uses).
fn decode_entity(entity: &str) -> Option<char> {
    let body = entity.strip_prefix('&')?.strip_suffix(';')?;
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "middot" => '·',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "yen" => '¥',
        "times" => '×',
        "permil" => '‰',
        "deg" => '°',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect(Vec<String>);
    impl TextSink for Collect {
        fn text(&mut self, t: &str) {
            match self.0.last_mut() {
                Some(last) => last.push_str(t),
                None => self.0.push(t.to_string()),
            }
        }
        fn block_break(&mut self) {
            if self.0.last().is_some_and(|l| !l.is_empty()) {
                self.0.push(String::new());
            }
        }
    }

    fn read(pieces: &[&str]) -> Vec<String> {
        let mut reader = HtmlText::default();
        let mut sink = Collect::default();
        for p in pieces {
            reader.feed(p, &mut sink);
        }
        reader.finish(&mut sink);
        sink.0.retain(|s| !s.is_empty());
        sink.0
    }

    #[test]
    fn paragraphs_entities_and_skipped_scripts() {
        let got = read(&[
            "<p>A&amp;B &#20154;&#x4eba;</p><script>var x = '<p>99人</p>';</script>",
            "<style>p{width:100px}</style><p class=\"x\">新<a href=\"/1\">产业</a>园 5&nbsp;家</p>",
        ]);
        assert_eq!(got, vec!["A&B 人人", "新产业园 5\u{a0}家"]);
    }

    #[test]
    fn preformatted_code_is_not_prose() {
        let got = read(&[
            "<p>新增12家</p><pre><code>ages = ['30岁以下', '60岁以上']</code></pre><p>3人</p>",
        ]);
        assert_eq!(got, vec!["新增12家", "3人"]);
    }

    #[test]
    fn pieces_split_inside_tags_and_entities() {
        assert_eq!(read(&["<p>4&am", "p;5</", "p><p>x</p>"]), vec!["4&5", "x"]);
    }

    #[test]
    fn comments_and_unknown_entities() {
        assert_eq!(
            read(&["a<!-- <p>12人</p> -->b &bogus; &"]),
            vec!["ab &bogus; &"]
        );
    }

    #[test]
    fn deep_nesting_is_linear() {
        let deep = "<div>".repeat(100_000) + "3家" + &"</div>".repeat(100_000);
        assert_eq!(read(&[&deep]), vec!["3家"]);
    }
}
