//! Bodies read without a Markdown reader: blocks apart by blank lines, each one HTML (a line
//! that opens a block-level tag starts it, as in CommonMark) or a plain paragraph. The lean
//! build reads only these. A body with anything a Markdown reader would read otherwise (block
//! or inline syntax, entities, escapes, hard breaks, HTML whose block could end elsewhere) is
//! said to need Markdown, and the full build reads it with pulldown-cmark. On every body that
//! needs none, both readers give the same paragraphs and tables (tested on the corpora).

use super::html::{HtmlText, TextSink};
use super::{Paragraph, ParagraphSink, Table};

/// Tags that open an HTML block in CommonMark whatever follows them on the line (its "type 6"),
/// and that a blank line closes. The common ones: a rarer tag sends the body to Markdown.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Html,
    Text,
    Markdown,
}

/// Whether the body has a block only a Markdown reader reads as it should.
pub(super) fn needs_markdown(body: &str) -> bool {
    // A lone carriage return ends a line in CommonMark; form feeds and NULs are read specially.
    if body.contains(['\0', '\u{b}', '\u{c}']) || body.replace("\r\n", "\n").contains('\r') {
        return true;
    }
    blocks(body).any(|block| kind(block) == Block::Markdown)
}

/// The body's paragraphs and tables, as pulldown-cmark and our HTML reader give them for a body
/// that needs no Markdown. (Given one that does, its Markdown is read as text.)
pub(super) fn paragraphs(body: &str) -> (Vec<Paragraph>, Vec<Table>) {
    let mut sink = ParagraphSink::default();
    let mut html = HtmlText::default();
    for block in blocks(body) {
        sink.block_break();
        if kind(block) == Block::Html {
            for line in block.split_inclusive('\n') {
                html.feed(line, &mut sink);
            }
        } else {
            for (n, line) in block.lines().enumerate() {
                if n > 0 {
                    sink.text(" ");
                }
                match inline_text(line) {
                    Some(text) => sink.text(text.trim()),
                    None => sink.text(line.trim()),
                }
            }
        }
        sink.block_break();
        sink.heading = false;
    }
    sink.finish(html)
}

/// The body's blocks: runs of lines that are not blank, each with its line ends.
fn blocks(body: &str) -> impl Iterator<Item = &str> {
    let mut rest = body;
    std::iter::from_fn(move || {
        // Past blank lines.
        loop {
            let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
            if rest.is_empty() || !is_blank(&rest[..line_end]) {
                break;
            }
            rest = &rest[line_end..];
        }
        if rest.is_empty() {
            return None;
        }
        // A comment runs to the line that closes it, across blank lines.
        if rest.trim_start_matches(' ').starts_with("<!--") {
            let open = rest.find("<!--").unwrap_or(0) + 4;
            let end = rest[open..].find("-->").map_or(rest.len(), |close| {
                let close = open + close;
                rest[close..]
                    .find('\n')
                    .map_or(rest.len(), |i| close + i + 1)
            });
            let (block, after) = rest.split_at(end);
            rest = after;
            return Some(block);
        }
        let mut end = 0;
        while end < rest.len() {
            let line_end = rest[end..].find('\n').map_or(rest.len(), |i| end + i + 1);
            if is_blank(&rest[end..line_end]) {
                break;
            }
            end = line_end;
        }
        let (block, after) = rest.split_at(end);
        rest = after;
        Some(block)
    })
}

fn is_blank(line: &str) -> bool {
    line.trim_matches([' ', '\t', '\r', '\n']).is_empty()
}

fn kind(block: &str) -> Block {
    let first = block.lines().next().unwrap_or("");
    let bare = first.trim_start_matches(' ');
    // Four spaces or a tab: code (or HTML pasted with its indentation, which the full reader
    // reads as HTML by a rule of its own).
    if first.len() - bare.len() >= 4 || bare.starts_with('\t') {
        return Block::Markdown;
    }
    if bare.starts_with("<!--") || opens_html_block(bare) {
        return Block::Html;
    }
    if block.lines().all(is_plain_line) {
        Block::Text
    } else {
        Block::Markdown
    }
}

/// `<div …`, `</p>`: a block tag that opens an HTML block and runs to the next blank line.
fn opens_html_block(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_len);
    let ends_name = after.is_empty()
        || after.starts_with([' ', '\t', '\r', '\n', '>'])
        || after.starts_with("/>");
    ends_name && BLOCK_TAGS.iter().any(|tag| tag.eq_ignore_ascii_case(name))
}

/// A line of a plain paragraph: no block marker at its start, no inline syntax, no hard break.
fn is_plain_line(line: &str) -> bool {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // Two trailing spaces are a hard break.
    if line.ends_with("  ") {
        return false;
    }
    let bare = line.trim_start_matches([' ', '\t']);
    if bare.starts_with(['#', '>', '-', '+', '=', ':']) || ordered_item(bare) {
        return false;
    }
    inline_text(line).is_some()
}

/// A line's text as a Markdown reader gives it: autolinks left out, an inline link's text kept
/// without its destination; `None` for any other inline syntax.
fn inline_text(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(['*', '_', '`', '[', ']', '\\', '&', '|', '~', '<', '!']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(len) = autolink_len(rest) {
            rest = &rest[len..];
        } else if let Some((text, len)) = inline_link(rest) {
            out.push_str(text);
            rest = &rest[len..];
        } else if rest.starts_with('!') && !rest.starts_with("![") {
            out.push('!');
            rest = &rest[1..];
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some(out)
}

/// `[text](destination)` with plain text and a destination without spaces, brackets or
/// parentheses: the text and the length of the whole.
fn inline_link(text: &str) -> Option<(&str, usize)> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    let plain_label = !label.trim().is_empty()
        && !label.contains(['*', '_', '`', '[', '\\', '&', '|', '~', '<', '!', '>']);
    let destination = inner[close + 1..].strip_prefix('(')?;
    let end = destination.find(')')?;
    let plain_destination = !destination[..end].contains(|c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '(' | '<' | '>' | '\\' | '"' | '\'')
    });
    (plain_label && plain_destination).then_some((label, 1 + close + 2 + end + 1))
}

/// The length of the URI autolink `text` starts with: `<`, a scheme of 2 to 32 characters, `:`,
/// anything but spaces and angle brackets, `>`.
fn autolink_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let colon = inner.find(':')?;
    let scheme = &inner[..colon];
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    if !scheme_ok {
        return None;
    }
    let end = inner.find(|c: char| c == '>' || c == '<' || c.is_whitespace() || c.is_control())?;
    (inner.as_bytes()[end] == b'>' && end > colon).then_some(end + 2)
}

/// `1. ` or `2) `: an ordered list item.
fn ordered_item(line: &str) -> bool {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &line[digits..];
    (1..=9).contains(&digits)
        && after.starts_with(['.', ')'])
        && (after.len() == 1 || after[1..].starts_with([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_plain_paragraphs_need_no_markdown() {
        let body = "<p>甲市销售额12亿元。</p>\n<p>乙市8亿元。</p>\n\n第三段，增长5%。\n下一行。\n\n<DIV class=\"x\">\n**raw** in HTML\n</div>\n";
        assert!(!needs_markdown(body));
        let (paragraphs, _) = paragraphs(body);
        let texts: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "甲市销售额12亿元。",
                "乙市8亿元。",
                "第三段，增长5%。下一行。",
                "**raw** in HTML"
            ]
        );
    }

    #[test]
    fn markdown_syntax_needs_markdown() {
        for body in [
            "# 标题\n\n正文",
            "正文\n\n- 甲 3人\n- 乙 2人",
            "1. first\n2. second",
            "| 地区 | 金额 |\n| --- | --- |\n| 甲 | 1 |",
            "收入**增长**了",
            "见![图](https://example.com/a.png)",
            "见[报告][1]",
            "见[报告](<https://example.com>)",
            "见[**报告**](https://example.com)",
            "AT&amp;T",
            "行末硬换行  \n下一行",
            "标题\n===",
            "> 引用",
            "    缩进的代码",
            "<span>inline</span> start",
            "<mailto@example.com> text",
            "<script>\n\nlet a = 1;\n</script>",
            "text\n<div>interrupts</div>",
            "a\rb",
            // A word that is a tag's name is no tag.
            "Details of the fares:\n- adult: $3",
        ] {
            assert!(needs_markdown(body), "{body:?}");
        }
        // Autolinks and comments are left out by both readers.
        let body = "正文12亿元。\n\n<https://example.com/a,1.html>\n\n<!-- 广告\n\n位 -->\n尾段 <http://x.cn/b> 3人";
        assert!(!needs_markdown(body));
        let texts: Vec<String> = paragraphs(body).0.into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["正文12亿元。", "尾段3人"]);
        // A link keeps its text, as the Markdown reader gives it.
        let body = "<p>正文</p>\n\n[返回首页](//example.com/)｜[返回](//example.com/a.html) 真棒!";
        assert!(!needs_markdown(body));
        let texts: Vec<String> = paragraphs(body).0.into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["正文", "返回首页｜返回真棒!"]);
        // Not a list: a year, a decimal at a line's start.
        assert!(!needs_markdown("2023年增长3.5%。\n3.5%的增长"));
    }

    /// Every post of the corpora whose body needs no Markdown reads the same without
    /// pulldown-cmark (skipped where `../shared` is not beside the repository).
    #[cfg(feature = "markdown")]
    #[test]
    fn the_plain_reader_reads_as_pulldown_cmark_does_on_the_corpora() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let mut dirs = vec![
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/hugo/content/posts"),
        ];
        for dir in [
            "seed",
            "corpus/posts",
            "corpus-sites/posts",
            "corpus-en/posts",
            "trial-posts",
        ] {
            dirs.push(shared.join(dir));
        }
        if let Ok(peers) = std::fs::read_dir(shared.join("peers-charts")) {
            dirs.extend(peers.flatten().map(|e| e.path().join("posts")));
        }
        let (mut plain, mut markdown) = (0, 0);
        let mut files: Vec<std::path::PathBuf> = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "md" || e == "html" || e == "txt")
                {
                    files.push(path);
                }
            }
        }
        for path in files {
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            let body = crate::post::front_matter::split(&source).1;
            if needs_markdown(body) {
                markdown += 1;
                continue;
            }
            plain += 1;
            assert_eq!(
                paragraphs(body),
                crate::post::markdown::paragraphs(body),
                "{}",
                path.display()
            );
        }
        eprintln!("bodies read plain: {plain}; needing Markdown: {markdown}");
    }
}
