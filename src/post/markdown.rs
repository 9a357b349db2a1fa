//! Markdown bodies, read by pulldown-cmark: only in the full build (the `markdown` feature).
//! Raw HTML in them goes to our own HTML reader, as in the lean build.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::html::{HtmlText, TableMark, TextSink};
use super::{Paragraph, ParagraphSink, Table};

/// A Markdown body (with raw HTML blocks in it) as paragraphs and tables.
pub(super) fn paragraphs(body: &str) -> (Vec<Paragraph>, Vec<Table>) {
    let mut sink = ParagraphSink::default();
    let mut html = HtmlText::default();
    // Autolinks, images and code carry URLs, ids and code, not a story's figures.
    let mut skip_depth = 0usize;
    // An indented block that opens on a tag is a page's HTML pasted with its indentation (the
    // mirrors of CMS pages do this), not code: it is read as HTML.
    let mut indented: Option<String> = None;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) if skip_depth == 0 => {
                indented = Some(String::new());
                skip_depth = 1;
            }
            Event::Text(text) if skip_depth == 1 && indented.is_some() => {
                if let Some(code) = indented.as_mut() {
                    code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) if skip_depth == 1 && indented.is_some() => {
                skip_depth = 0;
                let code = indented.take().unwrap_or_default();
                let mut rest = code.trim_start().chars();
                if rest.next() == Some('<') && rest.next().is_some_and(|c| c.is_ascii_alphabetic())
                {
                    sink.block_break();
                    html.feed(&code, &mut sink);
                    sink.block_break();
                }
            }
            Event::Start(tag) => {
                let skip = matches!(
                    tag,
                    Tag::CodeBlock(_)
                        | Tag::Image { .. }
                        | Tag::Link {
                            link_type: LinkType::Autolink | LinkType::Email,
                            ..
                        }
                );
                if skip || skip_depth > 0 {
                    skip_depth += 1;
                    continue;
                }
                match tag {
                    Tag::Table(_) => sink.table(TableMark::Start),
                    Tag::TableHead | Tag::TableRow => {
                        sink.block_break();
                        sink.table(TableMark::Row)
                    }
                    Tag::TableCell => sink.table(TableMark::Cell {
                        colspan: 1,
                        rowspan: 1,
                    }),
                    _ => {}
                }
                if let Tag::Heading { .. } = tag {
                    sink.block_break();
                    sink.heading = true;
                } else if is_block_tag(&tag) {
                    sink.block_break();
                }
            }
            Event::End(end) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                if is_block_end(&end) {
                    sink.block_break();
                    sink.heading = false;
                } else if matches!(end, TagEnd::TableCell) {
                    sink.table(TableMark::CellEnd);
                }
                if matches!(end, TagEnd::Table) {
                    sink.table(TableMark::End);
                }
            }
            _ if skip_depth > 0 => {}
            Event::Text(text) => sink.text(&text),
            Event::Code(_) => {}
            Event::SoftBreak => sink.text(" "),
            Event::HardBreak | Event::Rule => sink.block_break(),
            Event::Html(raw) | Event::InlineHtml(raw) => html.feed(&raw, &mut sink),
            _ => {}
        }
    }
    sink.finish(html)
}

fn is_block_tag(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::List(_)
            | Tag::TableRow
            | Tag::TableHead
            | Tag::HtmlBlock
    )
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::List(_)
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::HtmlBlock
    )
}
