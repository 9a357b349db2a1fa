//! Stage 1, `post`: a post source (front matter + Markdown or raw HTML body) becomes its header
//! fields and a list of plain-text paragraphs.

pub mod front_matter;
mod html;
#[cfg(feature = "markdown")]
mod markdown;
mod plain;
pub(crate) mod values;

use serde::Serialize;

pub use front_matter::FrontMatter;
use html::{HtmlText, TableMark, TextSink};

/// A parsed post: what the later stages read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Post {
    pub front_matter: FrontMatter,
    pub paragraphs: Vec<Paragraph>,
    /// The post's tables, cell by cell (their text is in `paragraphs` too, a row a paragraph).
    pub tables: Vec<Table>,
}

/// A table as written: rows of cells with their spans.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Table {
    pub caption: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The paragraph the table starts at (its first row, or its caption).
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

/// Most tables one post keeps, and most cells one table: beyond that a page is not a story.
const MAX_TABLES: usize = 64;
const MAX_CELLS: usize = 20_000;

/// One block of text, with inline markup removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub text: String,
    pub heading: bool,
}

impl Post {
    /// Parses a whole post source: optional front matter, then a Markdown body that may hold raw
    /// HTML blocks (as many Jekyll mirrors of news sites do).
    pub fn parse(source: &str) -> Post {
        let (front_matter, body) = front_matter::split(source);
        let (paragraphs, tables) = read_body(body);
        Post {
            front_matter: front_matter.unwrap_or_default(),
            paragraphs,
            tables,
        }
    }

    /// Builds a post from text already rendered on a page (an `<article>`'s text): paragraphs
    /// are separated by line breaks; there is no markup to read.
    pub fn from_text(text: &str) -> Post {
        let mut paragraphs = Vec::new();
        let mut tables: Vec<Table> = Vec::new();
        let mut open_table = false;
        for line in text.split('\n') {
            // A rendered table's text (`innerText`) has its cells apart by tabs.
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            let row = cells.len() >= 2 && tables.len() < MAX_TABLES;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if row {
                if !open_table {
                    tables.push(Table {
                        paragraph: paragraphs.len(),
                        ..Table::default()
                    });
                    open_table = true;
                }
                let table = tables.last_mut().expect("opened above");
                table.rows.push(
                    cells
                        .iter()
                        .map(|text| Cell {
                            text: text.to_string(),
                            colspan: 1,
                            rowspan: 1,
                        })
                        .collect(),
                );
            } else {
                open_table = false;
            }
            paragraphs.push(Paragraph {
                text: cells.join(" ").trim().to_string(),
                heading: false,
            });
        }
        Post {
            front_matter: FrontMatter::default(),
            paragraphs,
            tables,
        }
    }

    /// The post's language: the header's `lang` if it names one, else a guess from the text
    /// (`zh` when it holds Han characters, `en` otherwise).
    pub fn lang(&self) -> String {
        if let Some(lang) = &self.front_matter.lang {
            return lang.clone();
        }
        if self.text_script().han > 0 {
            "zh"
        } else {
            "en"
        }
        .to_string()
    }

    /// Takes the language of the page the post sits in (`<html lang>`, the nearest `lang`
    /// attribute) when the header names none, unless the text plainly says otherwise: many
    /// Chinese sites keep a theme's `lang="en"`, and an English page may quote a Chinese post.
    pub fn adopt_page_lang(&mut self, page_lang: &str) {
        let page_lang = page_lang.trim();
        if self.front_matter.lang.is_some() || page_lang.is_empty() {
            return;
        }
        let script = self.text_script();
        // A Han character is about a word; an English word is about five letters.
        let (han_words, latin_words) = (script.han, script.latin / 5);
        let page_zh = crate::format::is_chinese(page_lang);
        let contradicted = if page_zh {
            latin_words >= 4 * han_words.max(1)
        } else {
            han_words >= 4 * latin_words.max(1)
        };
        if !contradicted {
            self.front_matter.lang = Some(page_lang.to_string());
        }
    }

    /// Han characters and Latin letters in the first 2000 characters of text.
    fn text_script(&self) -> TextScript {
        let mut script = TextScript::default();
        for c in self
            .paragraphs
            .iter()
            .flat_map(|p| p.text.chars())
            .take(2000)
        {
            if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                script.han += 1;
            } else if c.is_ascii_alphabetic() {
                script.latin += 1;
            }
        }
        script
    }
}

#[derive(Default)]
struct TextScript {
    han: usize,
    latin: usize,
}

#[derive(Default)]
struct ParagraphSink {
    paragraphs: Vec<Paragraph>,
    current: String,
    heading: bool,
    tables: Vec<Table>,
    /// Inside a table (nested ones are read as part of it), a cell, a caption.
    table_depth: usize,
    in_cell: bool,
    in_caption: bool,
    cells: usize,
}

impl ParagraphSink {
    /// The paragraphs and tables read, once the body has ended.
    fn finish(mut self, mut html: HtmlText) -> (Vec<Paragraph>, Vec<Table>) {
        html.finish(&mut self);
        self.block_break();
        let mut tables = self.tables;
        tables.retain(|t| t.rows.len() >= 2);
        for table in &mut tables {
            table.caption = table.caption.as_deref().map(collapse_spaces);
            for cell in table.rows.iter_mut().flatten() {
                cell.text = collapse_spaces(&cell.text);
            }
        }
        (self.paragraphs, tables)
    }

    fn open_table(&mut self) -> Option<&mut Table> {
        (self.table_depth > 0)
            .then(|| self.tables.last_mut())
            .flatten()
    }
}

impl TextSink for ParagraphSink {
    fn text(&mut self, text: &str) {
        self.current.push_str(text);
        let (in_cell, in_caption) = (self.in_cell, self.in_caption);
        if let Some(table) = self.open_table() {
            if in_caption {
                table.caption.get_or_insert_with(String::new).push_str(text);
            } else if in_cell {
                if let Some(cell) = table.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.text.push_str(text);
                }
            }
        }
    }
    fn table(&mut self, mark: TableMark) {
        match mark {
            TableMark::Start => {
                self.table_depth += 1;
                if self.table_depth == 1 && self.tables.len() < MAX_TABLES {
                    let paragraph =
                        self.paragraphs.len() + usize::from(!self.current.trim().is_empty());
                    self.tables.push(Table {
                        paragraph,
                        ..Table::default()
                    });
                    self.cells = 0;
                } else if self.table_depth == 1 {
                    // Past the limit: read as text only.
                    self.table_depth = usize::MAX / 2;
                }
            }
            TableMark::End => {
                self.table_depth = self.table_depth.saturating_sub(1);
                if self.table_depth >= usize::MAX / 4 {
                    self.table_depth = 0;
                }
                self.in_cell = false;
            }
            TableMark::Row => {
                if let Some(table) = self.open_table() {
                    table.rows.push(Vec::new());
                }
            }
            TableMark::Cell { colspan, rowspan } => {
                self.cells += 1;
                let room = self.cells <= MAX_CELLS;
                if let Some(table) = self.open_table().filter(|_| room) {
                    if table.rows.is_empty() {
                        table.rows.push(Vec::new());
                    }
                    let row = table.rows.last_mut().expect("pushed above");
                    row.push(Cell {
                        text: String::new(),
                        colspan,
                        rowspan,
                    });
                    self.in_cell = true;
                }
            }
            TableMark::CellEnd => {
                self.in_cell = false;
                // Cells of one row stay apart in the paragraph text too.
                self.current.push(' ');
            }
            TableMark::Caption => self.in_caption = true,
            TableMark::CaptionEnd => self.in_caption = false,
        }
    }
    fn block_break(&mut self) {
        let text = collapse_spaces(&self.current);
        if !text.is_empty() {
            self.paragraphs.push(Paragraph {
                text,
                heading: self.heading,
            });
        }
        self.current.clear();
    }
}

/// A body's paragraphs and tables: a body with Markdown through pulldown-cmark in the full build;
/// the rest through the plain reader, which in the lean build reads Markdown syntax as text
/// (`analyze` does not give it a Markdown body there: see [`body_needs_markdown`]).
/// The full build reads a body that needs no Markdown the lean way too, so that both builds give
/// the same post for it by construction.
fn read_body(body: &str) -> (Vec<Paragraph>, Vec<Table>) {
    #[cfg(feature = "markdown")]
    if plain::needs_markdown(body) {
        return markdown::paragraphs(body);
    }
    plain::paragraphs(body)
}

/// Whether a post source's body has Markdown syntax, which only the full build reads (block
/// syntax, emphasis, links, code, entities, or HTML the two readers could read apart).
pub fn body_needs_markdown(source: &str) -> bool {
    plain::needs_markdown(front_matter::split(source).1)
}

/// Folds runs of white space (from HTML source indentation and soft breaks) into one space,
/// and drops white space next to CJK text, where it never separates words.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            let prev_wide = out.chars().next_back().is_some_and(is_wide);
            if !(prev_wide || is_wide(c)) {
                out.push(' ');
            }
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Han, kana, full-width forms and CJK punctuation: scripts written without spaces.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(post: &Post) -> Vec<&str> {
        post.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn markdown_body() {
        let post = Post::parse(
            "---\ntitle: t\n---\n# 标题\n\n第一段 **加粗** 10家\n换行。\n\n- 项目 3个\n- B\n\n```\ncode 99人\n```\n",
        );
        assert_eq!(
            texts(&post),
            vec!["标题", "第一段加粗10家换行。", "项目3个", "B"]
        );
        assert!(post.paragraphs[0].heading);
        assert!(!post.paragraphs[1].heading);
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn html_body_like_the_seed() {
        let post = Post::parse(
            "---\ntitle: x\n---\n<p>组织开展培训70639人次，惠及企业347家。</p>\n <p>第二段</p><p class=\"em_media\">（文章来源：报）</p>\n\n<http://example.com/a?infoCode=NW2022>\n\n[返回](//example.com/x.html)",
        );
        assert_eq!(
            texts(&post),
            vec![
                "组织开展培训70639人次，惠及企业347家。",
                "第二段",
                "（文章来源：报）",
                "返回"
            ]
        );
    }

    #[cfg(feature = "markdown")]
    #[test]
    fn indented_html_is_html_and_indented_code_stays_code() {
        let post = Post::parse(
            "---\ntitle: t\n---\n\n\t\t<p><img src=\"a.jpg\">Voters cast 12 million ballots.</p>\n\n<p>Then 3 more.</p>\n\n    let rows = 99;\n",
        );
        assert_eq!(
            texts(&post),
            vec!["Voters cast 12 million ballots.", "Then 3 more."]
        );
    }

    #[test]
    fn english_soft_breaks_keep_a_space() {
        let post = Post::parse("Sales rose\nto 5 million.");
        assert_eq!(texts(&post), vec!["Sales rose to 5 million."]);
        assert_eq!(post.lang(), "en");
    }

    #[test]
    fn page_language_unless_the_text_says_otherwise() {
        let mut mixed = Post::from_text("The group of 高级工 grew by 2542 people this year.");
        mixed.adopt_page_lang("en-GB");
        assert_eq!(mixed.lang(), "en-GB");
        // A theme's lang="en" on a Chinese site does not make a Chinese post English.
        let mut chinese = Post::from_text("2021年，全市新增高级工2542人、技师402人。");
        chinese.adopt_page_lang("en");
        assert_eq!(chinese.lang(), "zh");
        chinese.adopt_page_lang("zh-Hant");
        assert_eq!(chinese.lang(), "zh-Hant");
        let mut english = Post::from_text("The city trained 70,639 workers in 2021.");
        english.adopt_page_lang("zh-CN");
        assert_eq!(english.lang(), "en");
        // The header's own language wins over the page.
        let mut declared = Post::parse("---\nlang: zh-CN\n---\nThe 高级工 group grew.");
        declared.adopt_page_lang("en");
        assert_eq!(declared.lang(), "zh-CN");
    }

    #[test]
    fn language_from_header_or_text() {
        assert_eq!(Post::parse("---\nlang: en-GB\n---\n中文").lang(), "en-GB");
        assert_eq!(Post::parse("中文 5%").lang(), "zh");
    }

    #[test]
    fn plain_text_of_an_article() {
        let post = Post::from_text("  第一段 3家\n\n\n第二段\n");
        assert_eq!(texts(&post), vec!["第一段 3家", "第二段"]);
    }

    #[test]
    fn empty_and_header_only() {
        assert!(Post::parse("").paragraphs.is_empty());
        assert!(Post::parse("---\ntitle: a\n---\n").paragraphs.is_empty());
    }
}
