//! postchart reads the figures in a news post and draws them as charts.
//!
//! The pipeline, one module per stage:
//! 1. [`post`]: front matter + Markdown/HTML body -> paragraphs of plain text;
//! 2. [`extract`]: paragraphs -> [`Fact`]s (value, scale, unit, label, qualifier);
//! 3. [`choose`]: facts -> [`ChartSpec`]s (plain data, serde);
//! 4. [`render`]: a chart spec -> any plotters `DrawingBackend` (canvas, SVG, bitmap).
//!
//! ```
//! let analysis = postchart::analyze("新增高级工2542人、技师402人。").unwrap();
//! assert_eq!(analysis.facts.len(), 2);
//! assert_eq!(analysis.charts[0].points[1].label, "技师");
//! ```

pub mod choose;
pub mod error;
pub mod extract;
pub mod format;
pub mod post;
pub mod render;
pub mod settings;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use choose::{ChartKind, ChartSpec, Point};
pub use error::Error;
pub use extract::{Fact, Value};
pub use post::Post;

/// Sorts indices by `order`, stably. Every sort in postchart goes through this one function:
/// each `sort_by` on another type or closure adds its own copy of the standard library's sort
/// (2-5 KB of wasm each; eight of them were 25 KB).
pub(crate) fn sort_indices(
    indices: &mut [usize],
    order: &dyn Fn(usize, usize) -> std::cmp::Ordering,
) {
    indices.sort_by(|&a, &b| order(a, b));
}

/// Whether `items` are all different, compared through [`sort_indices`].
pub(crate) fn all_distinct<T: Ord>(items: &[T]) -> bool {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &|a, b| items[a].cmp(&items[b]));
    order.windows(2).all(|w| items[w[0]] != items[w[1]])
}

/// The largest post source postchart reads (16 MiB); larger input is refused with
/// [`Error::TooLarge`] rather than read slowly.
pub const MAX_SOURCE_BYTES: usize = 16 * 1024 * 1024;

/// Everything postchart reads from one post.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub post: Post,
    pub facts: Vec<Fact>,
    pub charts: Vec<ChartSpec>,
    /// The editor's settings in force (front matter, then what the page says over it).
    pub settings: settings::Settings,
    /// Settings that could not be read, each named; the rest applied.
    pub warnings: Vec<String>,
}

/// How the source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceFormat {
    /// A post file: optional front matter, then Markdown (which may hold raw HTML).
    #[default]
    Post,
    /// Text already rendered on a page, one paragraph per line.
    Text,
}

/// Reads a post source (front matter + Markdown/HTML body) and returns its facts and charts.
pub fn analyze(source: &str) -> Result<Analysis, Error> {
    analyze_as(source, SourceFormat::Post)
}

/// Like [`analyze`], for either source format.
pub fn analyze_as(source: &str, format: SourceFormat) -> Result<Analysis, Error> {
    analyze_in(source, format, None, None)
}

/// Like [`analyze_as`], with what the page says of the post's language: `lang`
/// (`data-postchart-lang`) wins over the front matter and the text; `page_lang` (the nearest
/// `lang` attribute, usually `<html lang>`) counts when the front matter names none and the
/// text does not plainly say otherwise.
pub fn analyze_in(
    source: &str,
    format: SourceFormat,
    lang: Option<&str>,
    page_lang: Option<&str>,
) -> Result<Analysis, Error> {
    analyze_with(source, format, lang, page_lang, &[], &[])
}

/// Like [`analyze_in`], with the editor's settings from the page, as `(key, value)` text pairs
/// ([`settings::Settings::read`]): `page_settings` (an element's `data-postchart-*`
/// attributes) win over the front matter's, which win over `defaults` (a site's JS options).
pub fn analyze_with(
    source: &str,
    format: SourceFormat,
    lang: Option<&str>,
    page_lang: Option<&str>,
    page_settings: &[(String, String)],
    defaults: &[(String, String)],
) -> Result<Analysis, Error> {
    check_source(source)?;
    if !cfg!(feature = "markdown")
        && format == SourceFormat::Post
        && post::body_needs_markdown(source)
    {
        return Err(Error::NeedsMarkdown);
    }
    let mut post = match format {
        SourceFormat::Post => Post::parse(source),
        SourceFormat::Text => Post::from_text(source),
    };
    if let Some(lang) = lang.map(str::trim).filter(|l| !l.is_empty()) {
        post.front_matter.lang = Some(lang.to_string());
    }
    if let Some(page_lang) = page_lang {
        post.adopt_page_lang(page_lang);
    }
    let mut facts = extract::extract(&post);
    let charts = choose::choose(&post, &facts);
    // A table's figures are facts too (after the charts: cells are charted by column, never
    // as key-figure cards).
    let from_tables = choose::table_facts(&post, &facts);
    // A row of a table is read as a paragraph too; where the table reading has the cell, it
    // is the one to keep (it knows the header's scale: `Employment (thousands) | 21,135.5`).
    let in_a_table_row = |fact: &Fact| {
        post.tables
            .iter()
            .any(|t| (t.paragraph..t.paragraph + t.rows.len() + 1).contains(&fact.place.paragraph))
    };
    facts.retain(|f| {
        !(in_a_table_row(f)
            && from_tables
                .iter()
                .any(|t| t.value == f.value && t.sign == f.sign && t.text == f.text))
    });
    let from_text = facts.len();
    facts.extend(from_tables);
    // A figure said again (`$423 million` in the lede and in the third paragraph) is one fact,
    // at its first mention: the charts were drawn from every mention. In English it is the
    // same figure only when its words are alike too (`Rents rose 0.4%` after `shelter rose
    // 0.4%` is a new one); a table's cells all stand (a table repeats the prose on purpose).
    // (One sort of the figures, through the sort the crate already has: a post can hold a
    // hundred thousand of them, and a set type would add its code to the download.)
    let keys: Vec<(u64, i8, Option<&str>)> = facts
        .iter()
        .map(|f| (f.magnitude().to_bits(), f.sign, f.unit.as_deref()))
        .collect();
    let mut order: Vec<usize> = (0..facts.len()).collect();
    sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    let mut again = vec![false; facts.len()];
    let mut group: Vec<usize> = Vec::new();
    for &k in &order {
        // (Ranges are never the same figure said again.)
        if !matches!(facts[k].value, extract::Value::One(_)) || k >= from_text {
            continue;
        }
        if group.first().is_some_and(|&f| keys[f] != keys[k]) {
            group.clear();
        }
        again[k] = group
            .iter()
            .any(|&j| said_alike(&facts[j].label, &facts[k].label));
        group.push(k);
    }
    let mut k = 0;
    facts.retain(|_| {
        k += 1;
        !again[k - 1]
    });
    let mut charts = charts;
    in_the_posts_script(&post, &mut facts, &mut charts);
    let mut warnings = Vec::new();
    let mut read = |pairs: &[(String, String)]| {
        settings::Settings::read(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &mut warnings,
        )
    };
    let (written, page, site) = (
        read(&post.front_matter.postchart),
        read(page_settings),
        read(defaults),
    );
    let settings = page.over(written.over(site));
    settings.apply(&mut charts);
    Ok(Analysis {
        post,
        facts,
        charts,
        settings,
        warnings,
    })
}

/// Two labels of one figure that may be the same statement said again: one names nothing, one
/// holds the other, or they share a word of four letters or more. (Chinese labels of a
/// restatement are as often a new clause's words: the same figure is the same fact there.)
fn said_alike(a: &str, b: &str) -> bool {
    if a.is_empty()
        || b.is_empty()
        || a.contains(b)
        || b.contains(a)
        || !(a.is_ascii() && b.is_ascii())
    {
        return true;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= 4)
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let theirs = words(b);
    words(a).iter().any(|w| theirs.contains(w))
}

/// Extraction reads traditional characters folded to simplified ones; a traditional post gets
/// its words back as it wrote them (`失業率`, `個`), on chart faces too.
fn in_the_posts_script(post: &Post, facts: &mut [Fact], charts: &mut [ChartSpec]) {
    let texts = post
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(post.front_matter.title.as_deref());
    let Some(script) = extract::Script::of(texts) else {
        return;
    };
    let restore_all = |texts: [Option<&mut String>; 5]| {
        for text in texts.into_iter().flatten() {
            script.restore(text);
        }
    };
    for fact in facts.iter_mut() {
        restore_all([
            Some(&mut fact.label),
            fact.unit.as_mut(),
            fact.subject.as_mut(),
            fact.measure.as_mut(),
            fact.period.as_mut(),
        ]);
    }
    for chart in charts.iter_mut() {
        restore_all([
            Some(&mut chart.title),
            chart.unit.as_mut(),
            None,
            None,
            None,
        ]);
        for point in &mut chart.points {
            restore_all([
                Some(&mut point.label),
                point.unit.as_mut(),
                point.group.as_mut(),
                None,
                None,
            ]);
        }
    }
}

/// Refuses input that is too large or is not text.
fn check_source(source: &str) -> Result<(), Error> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Error::TooLarge {
            bytes: source.len(),
            limit: MAX_SOURCE_BYTES,
        });
    }
    // Binary data decoded as text: NUL bytes, replacement characters or control characters.
    let sample: Vec<char> = source.chars().take(65_536).collect();
    let odd = sample
        .iter()
        .filter(|&&c| c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
        .count();
    // A few replacement characters (lone surrogates from a JS string) do not make text binary.
    if sample.contains(&'\0') || (odd >= 8 && odd * 20 > sample.len()) {
        return Err(Error::NotText);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_body_is_read_by_the_full_build_and_refused_by_the_lean_one() {
        let source = "---\ntitle: t\n---\n\n## 分地区\n\n- 甲市销售额12亿元\n- 乙市8亿元\n";
        let html = "---\ntitle: t\n---\n\n<p>甲市销售额12亿元，乙市8亿元。</p>\n";
        assert!(post::body_needs_markdown(source));
        assert!(!post::body_needs_markdown(html));
        assert!(analyze(html).is_ok());
        if cfg!(feature = "markdown") {
            let analysis = analyze(source).expect("the full build reads Markdown");
            assert_eq!(analysis.facts.len(), 2);
        } else {
            assert_eq!(analyze(source).err(), Some(Error::NeedsMarkdown));
            // A rendered article's text is never Markdown.
            assert!(analyze_as("## 分地区\n甲市销售额12亿元", SourceFormat::Text).is_ok());
        }
    }

    #[test]
    fn a_figure_said_again_is_one_fact_at_its_first_mention() {
        let analysis =
            analyze("---\ntitle: t\n---\n\n甲市销售额12亿元，同比增长5%。\n\n全年销售额12亿元。\n")
                .expect("reads");
        let twelve: Vec<&str> = analysis
            .facts
            .iter()
            .filter(|f| f.value.headline() == 12.0)
            .map(|f| f.label.as_str())
            .collect();
        assert_eq!(twelve, ["甲市销售额"]);
        // In English, another measure with the same figure is another fact; the same measure
        // said again is not.
        let analysis = analyze(
            "---\ntitle: t\nlang: en\n---\n\nShelter rose 0.4% and rents rose 0.4% in May. Shelter, up 0.4%, led.\n",
        )
        .expect("reads");
        let labels: Vec<&str> = analysis
            .facts
            .iter()
            .filter(|f| f.value.headline() == 0.4)
            .map(|f| f.label.as_str())
            .collect();
        assert_eq!(labels, ["Shelter", "rents"]);
    }

    #[test]
    fn english_ranges_and_before_and_after() {
        let analysis = analyze(
            "---\ntitle: t\nlang: en\n---\n\nMargin will be between 38 percent and 38.5 percent. Workers are paid $200 to $300. The fare rose from $5.75 to $6.25.\n",
        )
        .expect("reads");
        let values: Vec<Value> = analysis.facts.iter().map(|f| f.value).collect();
        assert_eq!(
            values,
            [
                Value::Range(Some(38.0), Some(38.5)),
                Value::Range(Some(200.0), Some(300.0)),
                Value::One(5.75),
                Value::One(6.25)
            ]
        );
    }

    #[test]
    fn refuses_binary_and_oversized_input() {
        assert_eq!(analyze("PK\u{3}\u{4}\0\0\u{14}"), Err(Error::NotText));
        let big = "a".repeat(MAX_SOURCE_BYTES + 1);
        assert!(matches!(analyze(&big), Err(Error::TooLarge { .. })));
    }

    #[test]
    fn the_page_language_wins() {
        let analysis = analyze_in(
            "---\nlang: zh\n---\n新增高级工2542人、技师402人。",
            SourceFormat::Post,
            Some("en"),
            Some("zh-CN"),
        )
        .unwrap();
        assert!(analysis.charts[0].describe().starts_with("Bar chart:"));
        let analysis = analyze_in(
            "新增高级工2542人、技师402人。",
            SourceFormat::Post,
            Some(" "),
            None,
        )
        .unwrap();
        assert!(analysis.charts[0].describe().starts_with("柱状图："));
        // `<html lang>` decides for a post whose text mixes languages.
        let analysis = analyze_in(
            "Growth by skill level: 高级工 2542 people, 技师 402 people.",
            SourceFormat::Post,
            None,
            Some("zh-CN"),
        )
        .unwrap();
        assert_eq!(analysis.charts[0].lang, "zh-CN");
        assert!(analysis.charts[0].describe().starts_with("关键数字"));
    }

    #[test]
    fn a_traditional_post_keeps_its_script() {
        let analysis =
            analyze("去年共舉辦四場分享會、三場講座。本港失業率為6.2%，其他行業失業率為3.9%。")
                .unwrap();
        let facts: Vec<(&str, &str)> = analysis
            .facts
            .iter()
            .map(|f| (f.label.as_str(), f.unit.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            facts,
            [
                ("分享會", "場"),
                ("講座", "場"),
                ("本港失業率", "%"),
                ("其他行業失業率", "%")
            ]
        );
        // A simplified post quoting one traditional name stays simplified.
        let analysis = analyze("華語新聞：全市失业率为5.2%，这个月就业人数增加12万人。").unwrap();
        assert_eq!(analysis.facts[0].label, "失业率");
    }

    #[test]
    fn empty_and_front_matter_only_give_no_chart() {
        assert!(analyze("").unwrap().charts.is_empty());
        assert!(analyze("---\ntitle: x\n---\n").unwrap().charts.is_empty());
        // Unclosed front matter is body, which is Markdown (a rule and a line).
        match analyze("---\ntitle: [broken\n") {
            Ok(analysis) => assert!(analysis.charts.is_empty()),
            Err(e) => assert_eq!(e, Error::NeedsMarkdown),
        }
    }
}
