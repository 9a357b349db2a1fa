//! Stage 3, `choose`: facts become chart specs, plain data that serialises to the documented
//! JSON (see README: "The JSON").
//!
//! - `group`: which figures make one chart (a list, parts of a whole, one sentence of parallel
//!   clauses, parallel statements, a time series, a two-way group), each of one unit and one
//!   kind (a level, a change on the year, a change on the period), with a [`Confidence`].
//! - `table`: a table's columns as charts, and its cells as facts.
//! - `words`: bar labels cut to the part that varies, titles, and the checks that keep clause
//!   fragments off a chart face or a card.
//! - Here: the spec types, the key-figure cards, and [`select`], which marks the confident
//!   charts drawn up to the post's cap; the rest stay candidates (`drawn: false`).
//! - A figure is charted only as the text states it: ranges and unitless counts are left out.

use serde::{Deserialize, Serialize};

use crate::extract::{Fact, Value};
use crate::format;
use crate::post::Post;

mod group;
mod lines;
mod pairs;
mod table;
mod words;
pub use table::table_facts;

use group::*;
use words::*;

/// What kind of chart a spec draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    Bar,
    Hbar,
    Line,
    Pie,
    Kpi,
}

/// One chart: what `render` draws and what the CLI prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    pub kind: ChartKind,
    pub title: String,
    /// The unit shared by every point; `None` when points carry their own (KPI cards).
    #[serde(default)]
    pub unit: Option<String>,
    pub points: Vec<Point>,
    /// Where the figures come from (`中国劳动保障报`), when the post says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Language of the post (`zh`, `en`…), for number formatting and the text alternative.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// How plainly the text states this chart, 0 to 1 (see [`Confidence`]).
    #[serde(default = "sure")]
    pub confidence: f64,
    /// False for a candidate held back: not confident enough, or past the post's cap. It stays
    /// in the API and the CLI JSON for an editor to see; the widget does not draw it.
    #[serde(default = "drawn_by_default")]
    pub drawn: bool,
    /// The paragraph (block) of the post the figures come from, the last one when they span
    /// several: a rendered article's chart goes right after it.
    /// (Not read back from JS: drawing does not need it, and reading a `usize` from JS costs
    /// the BigInt conversions in the wasm.)
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    pub block: Option<usize>,
}

fn sure() -> f64 {
    Confidence::STRONG
}
fn drawn_by_default() -> bool {
    true
}

/// How plainly the text states a chart.
pub struct Confidence;

impl Confidence {
    /// A 、-list, a table or parts of a stated whole: one unit, written as one enumeration.
    pub const STRONG: f64 = 0.9;
    /// Lists of the same measure side by side, or one sentence of parallel clauses
    /// (`甲涨1%，乙跌2%，丙涨3%`).
    pub const MEDIUM: f64 = 0.6;
    /// A table's first column, when the headline names none of its columns.
    pub const TABLE: f64 = 0.85;
    /// Another column of a table: plainly stated, but not what the story is about. Kept as a
    /// candidate for an editor, not drawn.
    pub const TABLE_COLUMN: f64 = 0.45;
    /// Parallel statements in separate sentences that name the same measure.
    pub const LOOSE: f64 = 0.5;
    /// Figures gathered across sentences that share only a unit: never drawn by default.
    pub const WEAK: f64 = 0.3;
    /// Below this a chart is a candidate, not drawn.
    pub const DRAWN: f64 = 0.5;
}

fn default_lang() -> String {
    "zh".into()
}

/// One bar, slice, line point or card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub label: String,
    pub value: f64,
    #[serde(default = "one")]
    pub scale: f64,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    #[serde(default = "plus")]
    pub sign: i8,
    /// The second way a two-way chart varies (`2022年` beside `2023年` for each region): the
    /// legend of a grouped bar chart, or the line a point is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

fn one() -> f64 {
    1.0
}
fn plus() -> i8 {
    1
}

impl Point {
    fn from_fact(fact: &Fact) -> Point {
        Point {
            // Markdown emphasis a label kept (`**韩国综合指数`) is not a word.
            label: fact.label.trim_matches(['*', '_', ' ']).to_string(),
            value: fact.value.headline(),
            scale: fact.scale,
            unit: fact.unit.clone(),
            qualifier: fact.qualifier.clone(),
            sign: fact.sign,
            group: None,
        }
    }

    /// The label as a reader names the point: `甲区·2023年` when it is in a group.
    pub fn full_label(&self) -> String {
        match &self.group {
            Some(group) => format!("{}·{group}", self.label),
            None => self.label.clone(),
        }
    }

    /// The value times its scale.
    pub fn magnitude(&self) -> f64 {
        self.value * self.scale
    }

    /// The magnitude with its direction: a fall the verb states (`下降1.9%`, sign -1) is
    /// negative, so it is drawn below the zero line.
    pub fn signed_magnitude(&self) -> f64 {
        if self.sign < 0 {
            -self.magnitude().abs()
        } else {
            self.magnitude()
        }
    }

    /// The figure with its hedge and direction, as a reader should hear it (`约15%`, `下降1.9%`):
    /// the direction is said unless the label already says it (`零售额下降`).
    pub fn stated(&self, chart_unit: Option<&str>, lang: &str) -> String {
        let qualifier = self.qualifier.as_deref().unwrap_or("");
        let said = ["下降", "减少", "下跌", "回落", "降低", "下滑"]
            .iter()
            .any(|w| self.label.contains(w));
        let sign = match (self.sign < 0 && !said, format::is_chinese(lang)) {
            (false, _) => "",
            (true, true) => "下降",
            (true, false) => "down ",
        };
        format!("{sign}{qualifier}{}", self.figure(chart_unit, lang))
    }

    /// The figure in the short form a chart face shows (`7.06万人次`, `70.6K`).
    pub fn shown(&self, chart_unit: Option<&str>, lang: &str) -> String {
        let unit = self.unit.as_deref().or(chart_unit);
        format::compact(self.value, self.scale, unit, lang)
    }

    /// The figure as the text gave it, in the chart's language (`2147.9万元`).
    pub fn figure(&self, chart_unit: Option<&str>, lang: &str) -> String {
        let unit = self.unit.as_deref().or(chart_unit);
        format::figure(self.value, self.scale, unit, lang)
    }
}

/// The longest label (in characters) a chart of two figures shows: `赞成` / `反对`,
/// `一般债券` / `专项债券`.
const MAX_PAIR_LABEL: usize = 8;

/// The widest label of a pair's bar: eight Han characters; English words run longer for the
/// same name (`administrative costs`).
fn pair_label_limit(label: &str) -> usize {
    if label.is_ascii() {
        MAX_PAIR_LABEL * 3
    } else {
        MAX_PAIR_LABEL * 2
    }
}

/// At most this many KPI cards in one group: more is no longer a headline.
const MAX_KPI_CARDS: usize = 4;
/// More points than this, or labels longer than this (in wide characters), go horizontal.
const MAX_VERTICAL_BARS: usize = 6;
const MAX_VERTICAL_LABEL: usize = 6;

/// Picks the charts for a post's facts, with the default cap.
pub fn choose(post: &Post, facts: &[Fact]) -> Vec<ChartSpec> {
    choose_with(post, facts, None)
}

/// Picks the charts for a post's facts: every candidate, the confident ones up to `max`
/// comparison charts (default: [`default_cap`]) marked drawn.
pub fn choose_with(post: &Post, facts: &[Fact], max: Option<usize>) -> Vec<ChartSpec> {
    let lang = post.lang();
    let source = source_line(post);
    let mut charts = Vec::new();
    let mut in_series = vec![false; facts.len()];

    // Each paragraph's characters, once: figures' places are character offsets.
    let texts: Vec<Vec<char>> = post
        .paragraphs
        .iter()
        .map(|p| p.text.chars().collect())
        .collect();
    // Lists written as lines first: their shape says plainly which figures go together. Then a
    // figure and the earlier one it is set against (`from $99 to $108`). Then the rest, grouped.
    let mut found = lines::line_lists(post, &texts, facts);
    let in_lines = members_of(&found, facts.len());
    found.extend(pairs::then_and_now(&texts, facts, &in_lines));
    let all_series = group_series(post, &texts, facts, found);
    for series in all_series {
        // A held-back guess does not keep its figures from the key-figure cards.
        if series.confidence >= Confidence::DRAWN {
            for &k in &series.members {
                in_series[k] = true;
            }
        }
        let first = &facts[series.members[0]];
        let mut points: Vec<Point> = match &series.periods {
            Some(periods) => series
                .members
                .iter()
                .zip(periods)
                .map(|(&k, period)| Point {
                    label: period.clone(),
                    ..Point::from_fact(&facts[k])
                })
                .collect(),
            None => series
                .members
                .iter()
                .map(|&k| Point::from_fact(&facts[k]))
                .collect(),
        };
        if let Some(labels) = &series.labels {
            for (point, label) in points.iter_mut().zip(labels) {
                point.label = label.clone();
            }
        }
        // The words on the bars are the part that varies; what they share names the chart.
        let face = if series.periods.is_some() || series.labels.is_some() {
            Face::default()
        } else if let Some(groups) = &series.groups {
            for (point, group) in points.iter_mut().zip(groups) {
                point.group = Some(group.clone());
            }
            face_labels_two_way(&mut points)
        } else {
            face_labels(&mut points)
        };
        let mut confidence = series.confidence;
        // A bar whose words are a clause, or none, is not an editor's chart. Nor are two
        // long-named figures (more often a clause and its aside than a pair), or counts only
        // written in words (`两部门`, `三部委`: names more than data).
        let members = &series.members;
        let in_words = members
            .iter()
            .all(|&k| !facts[k].text.chars().any(|c| c.is_ascii_digit()));
        // Two statements apart are as often a total and its part as a comparison: only a
        // list, or one statement of two parallel sentences, pairs two figures.
        let long_pair = points.len() == 2
            && (series.confidence < Confidence::MEDIUM
                || points
                    .iter()
                    .any(|p| display_width(&p.label) > pair_label_limit(&p.label)));
        // Two bars of one name cannot be told apart.
        let same_names =
            !crate::all_distinct(&points.iter().map(Point::full_label).collect::<Vec<_>>());
        // `LME期铜跌1.93%报8750.5美元/吨`: where each price ended after its move is context
        // for the moves; prices of different things are no comparison. Levels a change ends
        // at are charted when they are rates (yields) or counted in the change's own unit.
        let context_levels = members.iter().all(|&k| {
            k > 0 && {
                let (move_, level) = (&facts[k - 1], &facts[k]);
                let rate = matches!(level.unit.as_deref(), Some("%" | "‰"));
                move_.place.paragraph == level.place.paragraph
                    && move_.place.sentence == level.place.sentence
                    && move_.place.end + 3 >= level.place.start
                    && kind_of(move_) != Kind::Level
                    && move_.unit != level.unit
                    && !rate
            }
        });
        if points.iter().any(|p| !is_face_label(&p.label))
            || in_words
            || long_pair
            || same_names
            || context_levels
        {
            confidence = confidence.min(Confidence::WEAK);
        }
        let long_labels = points
            .iter()
            .any(|p| display_width(&p.label) > MAX_VERTICAL_LABEL * 2);
        let kind = if series.periods.is_some() {
            ChartKind::Line
        } else if series.whole.is_some() {
            ChartKind::Pie
        } else if points.len() > MAX_VERTICAL_BARS || long_labels {
            ChartKind::Hbar
        } else {
            ChartKind::Bar
        };
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        // A two-way chart's periods are its groups, not its title.
        let period = leading_period(&post.paragraphs[first.place.paragraph].text)
            .filter(|_| series.groups.is_none())
            .unwrap_or_default();
        // What all labels share, or all but one (a stray label should not cost the title).
        // (A kind of thing the names share, `一般债券` / `专项债券`, is no title.)
        // (When the labels gave up a measure, what the names still share is a kind of thing
        // or a word's tail, `型企业` of 大型企业 / 小微型企业: the measure names the chart.)
        let shared = shared_measure(&labels)
            .filter(|m| {
                face.measure.is_none()
                    || (is_measure_noun(m)
                        && crate::extract::MEASURES.iter().any(|n| m.ends_with(n)))
            })
            .or_else(|| {
                (0..labels.len())
                    .filter(|_| labels.len() >= 4)
                    .filter_map(|skip| {
                        let rest: Vec<&str> = labels
                            .iter()
                            .enumerate()
                            .filter(|(k, _)| *k != skip)
                            .map(|(_, l)| *l)
                            .collect();
                        shared_measure(&rest)
                    })
                    // Only a measure (`累计完成货运量`), never a word's tail (`级工` of
                    // 初级工 / 中级工 / 高级工 beside 技师).
                    .filter(|m| crate::extract::MEASURES.iter().any(|n| m.ends_with(n)))
                    .max_by_key(|m| m.chars().count())
            });
        let shared = shared.or(face.measure.clone());
        let mut title = match shared {
            // (`2023年汽车销量，…丰田销量…`: the opening names the measure already.)
            Some(measure) if !period.is_empty() && period.ends_with(measure.as_str()) => {
                period.clone()
            }
            Some(measure) if !measure.starts_with(&period) => format!("{period}{measure}"),
            Some(measure) => measure,
            None => {
                // (When the bars carry the figures' own labels, the first label is a bar, not
                // the chart's measure.)
                let bars_named = series.labels.is_none() && series.periods.is_none();
                let first = if bars_named && !format::is_chinese(&lang) {
                    &Fact {
                        label: String::new(),
                        ..first.clone()
                    }
                } else {
                    first
                };
                series_title(post, &texts, first, &lang, face.change.is_some(), &period)
            }
        };
        if let Some(change) = &face.change {
            if !title.ends_with(change.as_str()) {
                title.push_str(change);
            }
        }
        if let Some(whole) = series.whole.filter(|&w| !facts[w].label.is_empty()) {
            title = facts[whole].label.clone();
        }
        if series.periods.is_some() {
            // A time series is titled by what it measures (`销量`), or by the post's short title
            // when that names it (`新能源汽车销量`).
            // (Without the period the first label opens on: `一月份订单数` measures `订单数`.)
            let label = first.label.as_str();
            let opening = crate::extract::leading_period_of(label).unwrap_or_default();
            let measure = &label[opening.len()..].to_string();
            title = match &post.front_matter.title {
                Some(t) if t.contains(measure.as_str()) && t.chars().count() <= 16 => t.clone(),
                _ if !measure.is_empty() => measure.clone(),
                _ => title,
            };
        }
        if let Some(stated) = &series.title {
            title = stated.clone();
        }
        charts.push(ChartSpec {
            kind,
            title,
            unit: first.unit.clone(),
            points,
            source: source.clone(),
            lang: lang.clone(),
            confidence,
            drawn: true,
            block: series
                .members
                .iter()
                .map(|&k| facts[k].place.paragraph)
                .max(),
        });
    }

    // Tables are data: one chart a column of figures, up to four a table drawn beside the
    // text's charts.
    let table_charts = table::charts(post, &lang, &source);
    let tables_drawn = table_charts
        .iter()
        .filter(|c| c.confidence >= Confidence::DRAWN)
        .count()
        .min(post.tables.len() * 4);
    charts.extend(table_charts);

    // A table's cells are charted by column, never as key-figure cards: its rows are read as
    // paragraphs too, and a row's first figure is no key figure of the story.
    for table in &post.tables {
        let rows = table.paragraph..table.paragraph + table.rows.len() + 1;
        for (k, fact) in facts.iter().enumerate() {
            if rows.contains(&fact.place.paragraph) {
                in_series[k] = true;
            }
        }
    }
    let mut cards = key_figures(facts, &in_series);
    // An English card's words are read less surely than Chinese ones: only the figures the
    // headline speaks of are key figures (`Revenue` of `Apple News: Revenue Up 12%`).
    // (A post with no headline keeps its cards: nothing to read them against.)
    if !format::is_chinese(&lang) && post.front_matter.title.is_some() {
        let headline = post
            .front_matter
            .title
            .as_deref()
            .unwrap_or("")
            .to_ascii_lowercase();
        let named = |label: &str| {
            label
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() >= 4)
                .any(|w| headline.contains(&w.to_ascii_lowercase()))
        };
        cards.retain(|&k| named(&facts[k].label));
    }
    if !cards.is_empty() {
        let title = post.front_matter.title.clone().unwrap_or_else(|| {
            if format::is_chinese(&lang) {
                "要点".into()
            } else {
                "Key figures".into()
            }
        });
        charts.push(ChartSpec {
            kind: ChartKind::Kpi,
            title,
            unit: None,
            points: cards.iter().map(|&k| card_point(&facts[k])).collect(),
            source,
            lang,
            confidence: Confidence::STRONG,
            drawn: true,
            block: cards.first().map(|&k| facts[k].place.paragraph),
        });
    }
    let cap = default_cap(post) + tables_drawn;
    select(&mut charts, max.unwrap_or(cap.min(MAX_SERIES_CHARTS)));
    charts
}

/// A key figure's card. An English change says its direction on the card, as the text's verb
/// did (`Employment up` 54,000): the label alone would read as a level.
fn card_point(fact: &Fact) -> Point {
    let mut point = Point::from_fact(fact);
    let moved = fact.change.as_deref() == Some("change");
    if moved && point.label.is_ascii() && !point.label.is_empty() {
        let direction = if fact.sign < 0 { "down" } else { "up" };
        let last = point
            .label
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if ![
            "up", "down", "rise", "fall", "gain", "drop", "change", "growth",
        ]
        .contains(&last.as_str())
        {
            point.label = format!("{} {direction}", point.label);
        }
    }
    point
}

/// About three comparisons for a story of a few paragraphs; for a long briefing, about one
/// a section (headings, else every two paragraphs), at most 24.
pub fn default_cap(post: &Post) -> usize {
    let paragraphs = post.paragraphs.len();
    let headings = post.paragraphs.iter().filter(|p| p.heading).count();
    // A briefing's numbered items are sections too, a list each: a chart a few paragraphs.
    let sections = headings.max(paragraphs / 2);
    let floor: usize = 3;
    sections.clamp(floor, MAX_SERIES_CHARTS)
}

/// The text often says again what a table shows (`国有控股企业实现利润23638.1亿元…` under the
/// table of it): a chart whose every figure is in a more confident chart is that chart again,
/// in other words. Found through an index of figures to charts, not pair by pair.
fn hold_back_restatements(charts: &mut [ChartSpec]) {
    let comparison: Vec<usize> = (0..charts.len())
        .filter(|&k| charts[k].kind != ChartKind::Kpi && charts[k].points.len() >= 2)
        .collect();
    // A figure is its signed magnitude in its unit.
    let figure_of = |chart: &ChartSpec, p: &Point| -> u64 {
        let unit = p.unit.as_deref().or(chart.unit.as_deref()).unwrap_or("");
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in unit.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h ^ p.signed_magnitude().to_bits()
    };
    // (figure, chart, point) sorted by figure: the charts holding each figure, side by side.
    let mut index: Vec<(u64, usize, usize)> = comparison
        .iter()
        .flat_map(|&k| {
            let chart = &charts[k];
            chart
                .points
                .iter()
                .enumerate()
                .map(move |(i, p)| (figure_of(chart, p), k, i))
        })
        .collect();
    let mut order: Vec<usize> = (0..index.len()).collect();
    crate::sort_indices(&mut order, &|a, b| index[a].cmp(&index[b]));
    index = order.iter().map(|&i| index[i]).collect();
    index.dedup();
    let holders = |figure: u64| -> &[(u64, usize, usize)] {
        let from = index.partition_point(|(f, _, _)| *f < figure);
        let to = index.partition_point(|(f, _, _)| *f <= figure);
        &index[from..to]
    };
    // The same figure of the same thing: one label holds the other (`国有控股企业实现利润`,
    // `国有控股企业`); equal numbers of different things are not a restatement.
    let same_thing = |a: &Point, b: &Point| {
        let (x, y) = (a.full_label(), b.full_label());
        !x.is_empty() && !y.is_empty() && (x.contains(y.as_str()) || y.contains(x.as_str()))
    };
    let stronger = |a: &ChartSpec, b: &ChartSpec, ka: usize, kb: usize| {
        a.confidence > b.confidence
            || (a.confidence == b.confidence && ka < kb && a.points.len() > b.points.len())
    };
    let mut copies = Vec::new();
    for &k in &comparison {
        let chart = &charts[k];
        let first = figure_of(chart, &chart.points[0]);
        // Only the charts holding the first figure can hold them all; a figure shared by very
        // many charts (1%) is no evidence, and asking it would be quadratic.
        let candidates = holders(first);
        if candidates.len() > 32 {
            continue;
        }
        let again = candidates.iter().any(|&(_, other, _)| {
            other != k
                && stronger(&charts[other], chart, other, k)
                && chart.points.iter().all(|p| {
                    holders(figure_of(chart, p))
                        .iter()
                        .any(|&(_, c, i)| c == other && same_thing(p, &charts[other].points[i]))
                })
        });
        if again {
            copies.push(k);
        }
    }
    for k in copies {
        charts[k].confidence = charts[k].confidence.min(Confidence::WEAK);
    }
}

/// Marks what the widget draws: confident comparison charts, the most confident and largest
/// first, up to `max`, and the key-figure cards (none when `max` is 0); the rest stay as
/// candidates. The order stays the text's. Called again with a page's own cap
/// (`data-postchart-max`).
pub fn select(charts: &mut [ChartSpec], max: usize) {
    select_with(charts, max, &|_| true);
}

/// Like [`select`], among the charts `allowed` keeps (an editor's exclusions are never drawn;
/// the next confident chart takes the place).
pub fn select_with(charts: &mut [ChartSpec], max: usize, allowed: &dyn Fn(usize) -> bool) {
    // The same figures found twice (two passes over one sentence) are one chart: the later
    // copy stays a candidate only. Found by a signature and one sort, not by comparing every
    // pair (a long post has thousands of candidates).
    let signature = |c: &ChartSpec| -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut mix = |bytes: &[u8]| {
            for &b in bytes {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        for p in &c.points {
            mix(p.label.as_bytes());
            mix(p.group.as_deref().unwrap_or("").as_bytes());
            mix(&p.signed_magnitude().to_bits().to_le_bytes());
        }
        h
    };
    let signatures: Vec<u64> = charts.iter().map(signature).collect();
    let mut by_signature: Vec<usize> = (0..charts.len())
        .filter(|&k| charts[k].kind != ChartKind::Kpi)
        .collect();
    crate::sort_indices(&mut by_signature, &|a, b| {
        signatures[a].cmp(&signatures[b]).then(a.cmp(&b))
    });
    let same = |a: &ChartSpec, b: &ChartSpec| {
        a.points.len() == b.points.len()
            && a.points.iter().zip(&b.points).all(|(p, q)| {
                p.label == q.label
                    && p.group == q.group
                    && p.signed_magnitude() == q.signed_magnitude()
            })
    };
    for pair in by_signature.windows(2) {
        let (first, copy) = (pair[0], pair[1]);
        if signatures[first] == signatures[copy] && same(&charts[first], &charts[copy]) {
            charts[copy].confidence = charts[copy].confidence.min(Confidence::WEAK);
        }
    }
    hold_back_restatements(charts);
    let mut order: Vec<usize> = (0..charts.len())
        .filter(|&k| charts[k].kind != ChartKind::Kpi)
        .collect();
    let rank = |k: usize| (charts[k].confidence, charts[k].points.len());
    crate::sort_indices(&mut order, &|a, b| {
        rank(b)
            .partial_cmp(&rank(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut kept = 0;
    for k in order {
        let confident = charts[k].confidence >= Confidence::DRAWN;
        charts[k].drawn = confident && kept < max && allowed(k);
        if charts[k].drawn {
            kept += 1;
        }
    }
    for (k, chart) in charts.iter_mut().enumerate() {
        if chart.kind == ChartKind::Kpi {
            chart.drawn = max > 0 && chart.confidence >= Confidence::DRAWN && allowed(k);
        }
    }
}

/// `时隔20年`, `连续6个月`: a stretch of time is the story's setting, not its key figure,
/// unless the label measures time (`平均发行期限`, `工期`).
fn is_span_of_time(fact: &Fact) -> bool {
    let time_unit = matches!(
        fact.unit.as_deref(),
        Some(
            "年" | "个月"
                | "月"
                | "天"
                | "日"
                | "小时"
                | "周"
                | "分钟"
                | "years"
                | "months"
                | "days"
        )
    );
    const TIME_MEASURES: &[&str] = &[
        "期限",
        "年限",
        "工期",
        "时长",
        "天数",
        "周期",
        "寿命",
        "回收期",
    ];
    time_unit && !TIME_MEASURES.iter().any(|m| fact.label.ends_with(m))
}

/// The lede's figures (the first paragraph with any), one per unit, then stated changes in
/// per cent from anywhere, up to [`MAX_KPI_CARDS`].
fn key_figures(facts: &[Fact], in_series: &[bool]) -> Vec<usize> {
    let free = |k: usize| {
        !in_series[k]
            && chartable(&facts[k])
            && facts[k].magnitude() != 0.0
            && is_card_label(facts[k].label.trim_matches(['*', '_', ' ']))
            && !is_span_of_time(&facts[k])
    };
    let mut cards: Vec<usize> = Vec::new();
    let mut units_seen: Vec<&str> = Vec::new();
    if let Some(lede) = facts.first().map(|f| f.place.paragraph) {
        for (k, fact) in facts.iter().enumerate() {
            if fact.place.paragraph != lede || !free(k) {
                continue;
            }
            let unit = fact.unit.as_deref().unwrap_or("");
            // A second figure in the same unit right after the first is usually its part
            // (70639人次, of which 补贴性培训32498人次).
            if units_seen.contains(&unit) {
                continue;
            }
            units_seen.push(unit);
            cards.push(k);
        }
    }
    for (k, fact) in facts.iter().enumerate() {
        if cards.len() >= MAX_KPI_CARDS {
            break;
        }
        if !cards.contains(&k) && free(k) && is_change(fact) {
            cards.push(k);
        }
    }
    cards.truncate(MAX_KPI_CARDS);
    cards
}

/// `（文章来源：中国劳动保障报）`, `来源：新华社`: the last such line in the post.
fn source_line(post: &Post) -> Option<String> {
    source_in_text(post).or_else(|| post.front_matter.source.clone())
}

/// A `来源：…` line near the end of the text.
fn source_in_text(post: &Post) -> Option<String> {
    post.paragraphs.iter().rev().find_map(|p| {
        let text = p.text.trim();
        if text.chars().count() > 60 {
            return None;
        }
        let pos = text.find("来源：").or_else(|| text.find("来源:"))?;
        let after = &text[pos..];
        let name = after
            .split_once(['：', ':'])
            .map(|(_, name)| name)?
            .trim_end_matches(['）', ')', '。', ' '])
            .trim();
        (!name.is_empty()).then(|| name.to_string())
    })
}

/// Width in half-width columns: CJK characters count two.
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

impl ChartSpec {
    /// The chart's data as a reader would tabulate it: (label, figure as stated) per point, the
    /// figure never rounded (`2147.9万元`, `约15%`, `下降1.9%`).
    pub fn table_rows(&self) -> Vec<(String, String)> {
        self.points
            .iter()
            .map(|p| (p.full_label(), p.stated(self.unit.as_deref(), &self.lang)))
            .collect()
    }
}

/// The most points one chart draws; a spec with more is drawn capped, and says so.
pub const MAX_DRAWN_POINTS: usize = 50;

impl ChartSpec {
    /// The distinct groups of a two-way chart, in order; empty for a one-way chart.
    pub fn groups(&self) -> Vec<&str> {
        let mut groups: Vec<&str> = Vec::new();
        for g in self.points.iter().filter_map(|p| p.group.as_deref()) {
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        groups
    }

    /// The note a capped chart shows (`显示前50项，共10000项`), if it has more points than it draws.
    pub fn cap_note(&self) -> Option<String> {
        let n = self.points.len();
        (n > MAX_DRAWN_POINTS).then(|| {
            if format::is_chinese(&self.lang) {
                format!("显示前{MAX_DRAWN_POINTS}项，共{n}项")
            } else {
                format!("Showing the first {MAX_DRAWN_POINTS} of {n}")
            }
        })
    }

    /// The text alternative of the chart, in its language: kind, title, every point with its
    /// value and unit (exactly as stated, never rounded), and the source.
    pub fn describe(&self) -> String {
        let zh = format::is_chinese(&self.lang);
        let kind = match (self.kind, zh) {
            (ChartKind::Bar, true) => "柱状图",
            (ChartKind::Hbar, true) => "条形图",
            (ChartKind::Line, true) => "折线图",
            (ChartKind::Pie, true) => "饼图",
            (ChartKind::Kpi, true) => "关键数字",
            (ChartKind::Bar, false) => "Bar chart",
            (ChartKind::Hbar, false) => "Horizontal bar chart",
            (ChartKind::Line, false) => "Line chart",
            (ChartKind::Pie, false) => "Pie chart",
            (ChartKind::Kpi, false) => "Key figures",
        };
        let items: Vec<String> = self
            .points
            .iter()
            .take(MAX_DRAWN_POINTS)
            .map(|p| {
                let stated = p.stated(self.unit.as_deref(), &self.lang);
                if zh {
                    format!("{} {stated}", p.full_label())
                } else {
                    format!("{}: {stated}", p.full_label())
                }
            })
            .collect();
        let (colon, sep, stop) = if zh {
            ("：", "；", "。")
        } else {
            (": ", "; ", ". ")
        };
        let mut text = format!("{kind}{colon}{}{stop}{}{stop}", self.title, items.join(sep));
        if let Some(note) = self.cap_note() {
            text.push_str(&note);
            text.push_str(stop);
        }
        if let Some(source) = &self.source {
            text.push_str(if zh { "来源：" } else { "Source: " });
            text.push_str(source);
            text.push_str(stop);
        }
        text.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn charts(source: &str) -> Vec<ChartSpec> {
        let post = Post::parse(source);
        choose(&post, &extract(&post))
    }

    #[test]
    fn periods_the_labels_share_are_not_the_title() {
        let got = charts(
            "---\ntitle: 2023年各季度新增城镇就业\n---\n2023年，全市新增城镇就业人数逐季增加：一季度3.1万人，二季度3.6万人，三季度4.0万人，四季度4.4万人。",
        );
        assert_eq!(got[0].title, "2023年各季度新增城镇就业");
        assert_eq!(got[0].points.len(), 4);
    }

    #[test]
    fn an_enumeration_becomes_a_bar_chart() {
        let got = charts("2021年，该市新增初中级工4948人、高级工2542人、技师402人。");
        assert_eq!(got.len(), 1);
        let bar = &got[0];
        assert_eq!(bar.kind, ChartKind::Bar);
        assert_eq!(bar.title, "2021年新增人数");
        assert_eq!(bar.unit.as_deref(), Some("人"));
        let labels: Vec<&str> = bar.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, vec!["初中级工", "高级工", "技师"]);
    }

    #[test]
    fn many_items_go_horizontal() {
        let got = charts("销量：甲1台、乙2台、丙3台、丁4台、戊5台、己6台、庚7台。");
        assert_eq!(got[0].kind, ChartKind::Hbar);
        assert_eq!(got[0].points.len(), 7);
    }

    #[test]
    fn mixed_units_never_share_a_chart() {
        let got = charts("甲企业100人、乙企业20家。");
        assert!(got.iter().all(|c| c.kind != ChartKind::Bar));
    }

    #[test]
    fn a_single_figure_is_a_card_not_a_bar() {
        let got = charts("---\ntitle: 标题\n---\n全年接待游客300万人次。");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, ChartKind::Kpi);
        assert_eq!(got[0].title, "标题");
        assert_eq!(got[0].points[0].magnitude(), 3e6);
    }

    #[test]
    fn ranges_are_not_charted() {
        assert!(charts("票价20-450元。").is_empty());
    }

    #[test]
    fn no_numbers_no_charts() {
        assert!(charts("没有数字的文章。").is_empty());
        assert!(charts("").is_empty());
    }

    #[test]
    fn source_line_and_description() {
        let got = charts("新增高级工2542人、技师402人。\n\n（文章来源：中国劳动保障报）");
        assert_eq!(got[0].source.as_deref(), Some("中国劳动保障报"));
        assert_eq!(
            got[0].describe(),
            "柱状图：新增人数。高级工 2542人；技师 402人。来源：中国劳动保障报。"
        );
        // Without a 来源 line, the header's source, else its author (a mirror's outlet).
        for (header, want) in [
            ("author: 财联社", "财联社"),
            ("source: 国家统计局\nauthor: 张三", "国家统计局"),
            ("author: 张三\nsource: 国家统计局", "国家统计局"),
        ] {
            let got = charts(&format!(
                "---\n{header}\n---\n新增高级工2542人、技师402人。"
            ));
            assert_eq!(got[0].source.as_deref(), Some(want));
        }
    }

    #[test]
    fn english_description() {
        let spec = ChartSpec {
            kind: ChartKind::Bar,
            title: "Jobs".into(),
            unit: Some("$".into()),
            points: vec![Point {
                label: "A".into(),
                value: 21.5,
                scale: 1e6,
                unit: None,
                qualifier: Some("about ".into()),
                sign: 1,
                group: None,
            }],
            source: None,
            confidence: 0.9,
            drawn: true,
            block: None,
            lang: "en".into(),
        };
        assert_eq!(spec.describe(), "Bar chart: Jobs. A: about $21.5M.");
    }
}

#[cfg(test)]
mod grouping_tests {
    use super::*;
    use crate::extract::extract;

    fn charts(source: &str) -> Vec<ChartSpec> {
        let post = Post::parse(source);
        choose(&post, &extract(&post))
    }

    #[test]
    fn an_english_list_moved_by_one_verb_is_one_chart() {
        let got = charts("---\ntitle: Jobs by state\nlang: en\n---\n\nOhio, Texas and Utah added 12,000, 9,500 and 7,100 jobs respectively.\n");
        let bars: Vec<(&str, f64)> = got[0]
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.value))
            .collect();
        assert_eq!(
            bars,
            [("Ohio", 12000.0), ("Texas", 9500.0), ("Utah", 7100.0)]
        );
    }

    #[test]
    fn an_english_chart_is_titled_by_its_measure_and_an_aside_is_no_list() {
        let got = charts("---\ntitle: Prices\nlang: en\n---\n\nThe 12-month inflation rate for food was 4.9% in October, up from 4.5% in September.\n");
        assert_eq!(got[0].title, "12-month inflation rate for food");
        let got = charts("---\ntitle: t\nlang: en\n---\n\nClaims have been below 300,000, a level seen in healthy markets, for 54 weeks.\n");
        assert!(got.iter().all(|c| c.kind == ChartKind::Kpi), "{got:#?}");
    }

    #[test]
    fn an_english_card_of_a_change_says_its_direction() {
        let got = charts("---\ntitle: Jobs up 54,000 in May\nlang: en\n---\n\nJobs up 54,000 in May, the agency said.\n");
        let card = got.iter().find(|c| c.kind == ChartKind::Kpi).unwrap();
        assert_eq!(card.points[0].label, "Jobs up");
        assert_eq!(card.points[0].value, 54000.0);
    }

    fn points(chart: &ChartSpec) -> Vec<(String, f64)> {
        chart
            .points
            .iter()
            .map(|p| (p.label.clone(), p.magnitude()))
            .collect()
    }

    #[test]
    fn changes_of_a_whole_and_its_parts_are_one_chart_of_one_kind() {
        let drawn = |text: &str| -> Vec<Vec<(String, f64)>> {
            charts(text)
                .iter()
                .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
                .map(|c| {
                    c.points
                        .iter()
                        .map(|p| (p.label.clone(), p.signed_magnitude()))
                        .collect()
                })
                .collect()
        };
        // A move with no base stated takes the base of the moves around it.
        let got = drawn(
            "甲类总额2800亿元，同比增长7.3%；其中出口1300亿元，增长23.2%；进口1500亿元，下降4%。",
        );
        assert!(
            got.contains(&vec![
                ("甲类总额".to_string(), 7.3),
                ("出口".to_string(), 23.2),
                ("进口".to_string(), -4.0)
            ]),
            "{got:?}"
        );
        // A two-year average and a change on a named year are other measures than the change.
        let got = drawn("与2019年同期相比，总额下降9%，两年平均下降4.6%，其中出口增长21.5%，两年平均增长10.2%；进口下降25.9%，两年平均下降13.9%。");
        assert!(
            got.iter()
                .all(|c| c.iter().all(|(_, v)| ![-4.6, 10.2, -13.9].contains(v))
                    || c.iter().all(|(_, v)| [-4.6, 10.2, -13.9].contains(v))),
            "{got:?}"
        );
        // Two measures stated alike stay apart.
        let got = drawn(
            "8月份，业务收入完成1020亿元，同比增长15.0%；业务总量完成1111亿元，同比增长21.9%。",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_name_keeps_the_character_that_ends_it() {
        let got = charts("甲商行、乙商行、丙银行的资产规模分别为3214亿元、2890亿元、2581亿元。");
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["甲商行", "乙商行", "丙银行"]);
        // A kind of thing stays in the name; an ordinal or a modifier alone is no name.
        let got = charts("第一产业增加值25亿元、第二产业增加值40亿元、第三产业增加值60亿元。");
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["第一产业", "第二产业", "第三产业"]);
        let got = charts("大型企业PMI为50.3%、中型企业PMI为51.2%、小型企业PMI为48.2%。");
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["大型企业", "中型企业", "小型企业"]);
    }

    #[test]
    fn a_bare_measure_takes_the_subject_its_statement_named() {
        let got = charts("分区域看，甲地区商品房销售面积150万平方米，同比增长74.3%；销售额228亿元，增长102%。乙地区商品房销售面积96万平方米，增长68.9%；销售额72亿元，增长93.1%。丙地区商品房销售面积100万平方米，增长47.1%；销售额74亿元，增长57.2%。");
        let sales = got
            .iter()
            .find(|c| c.unit.as_deref() == Some("元") && c.kind != ChartKind::Kpi)
            .expect("a chart of sales");
        let labels: Vec<&str> = sales.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["甲地区", "乙地区", "丙地区"]);
        assert_eq!(sales.title, "商品房销售额");
        // An aside's subject (a change) is not carried to the next figure.
        let facts = extract(&Post::from_text(
            "其中出口208亿元，增长21.1%，运输服务出口增幅高达107.5%；进口223亿元，增长1.6%。",
        ));
        let import = facts
            .iter()
            .find(|f| f.value.headline() == 223.0)
            .expect("imports");
        assert_eq!(import.label, "进口");
    }

    #[test]
    fn two_respectively_lists_of_one_statement_are_one_chart() {
        let got = charts("甲转债、乙转债、丙转债分别涨17.2%、8.69%、7.51%；丁转债、科达转债、戊转债分别跌20%、4.74%、3.53%。");
        let chart = got
            .iter()
            .find(|c| c.drawn && c.kind != ChartKind::Kpi)
            .expect("drawn");
        let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
        // (`科达转债` is a name; 转债 is the kind of thing, kept in each.)
        assert_eq!(
            labels,
            ["甲转债", "乙转债", "丙转债", "丁转债", "科达转债", "戊转债"]
        );
        assert!(is_face_label("科达"));
        assert!(!is_face_label("撤回率达"));
        // Conjunctions, pronouns and a done verb make clauses.
        assert!(!is_face_label("而人口只占"));
        assert!(!is_face_label("那么你另外"));
        assert!(!is_face_label("需求消费了全世界总生产"));
    }

    #[test]
    fn an_aside_in_a_sentence_is_not_its_figure() {
        let got = charts("7月份，服务进出口总额4319亿元，同比增长10.1%，环比下降1.7%；其中出口2088亿元，同比增长21.1%，环比下降3.6%，运输服务出口增幅高达107.5%；进口2231亿元，同比增长1.6%，环比增长0.2%。");
        let titles: Vec<(&str, Vec<f64>)> = got
            .iter()
            .filter(|c| c.kind != ChartKind::Kpi && c.unit.as_deref() == Some("%"))
            .map(|c| {
                (
                    c.title.as_str(),
                    c.points.iter().map(Point::signed_magnitude).collect(),
                )
            })
            .collect();
        assert!(
            titles.contains(&("7月份同比增速", vec![10.1, 21.1, 1.6])),
            "{titles:?}"
        );
        assert!(
            titles.contains(&("7月份环比变化", vec![-1.7, -3.6, 0.2])),
            "{titles:?}"
        );
    }

    #[test]
    fn a_move_is_never_cut_in_half_and_a_shared_measure_leaves_the_bars() {
        let got = charts("钢厂上调废钢采购价10家、钢厂下调废钢采购价34家。");
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["上调", "下调"]);
        let got = charts("其中业绩预增61家、业绩略增22家、业绩扭亏19家。");
        let labels: Vec<&str> = got[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["预增", "略增", "扭亏"]);
        // A place every bar shares stays when what is left is no measure.
        let got = charts("中国银行增长5%、中国石油增长3%、中国移动增长4%。");
        assert!(got[0].points[0].label.starts_with("中国"), "{got:?}");
    }

    #[test]
    fn parallel_clauses_of_different_measures_are_no_series() {
        let drawn = |text: &str| {
            charts(text)
                .into_iter()
                .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
                .count()
        };
        assert_eq!(
            drawn("市场成交956亿元，甲资金净买入116亿元，乙公司获净买入11亿元。"),
            0
        );
        assert_eq!(
            drawn("港口换装率达90%，铁路进港率达80%，干线进港率达100%。"),
            0
        );
        // One measure for three subjects stays a chart.
        assert_eq!(
            drawn("甲市失业率为5.1%，乙市失业率为4.2%，丙市失业率为3.9%。"),
            1
        );
    }

    #[test]
    fn the_other_side_of_a_list_of_moves_goes_on_with_it() {
        let got = charts("热门股多数上涨，甲科技涨43.3%，乙教育涨18.7%，丙数据涨9.9%；跌幅方面，丁医学跌11.7%，戊车业跌7.6%。");
        let drawn: Vec<Vec<(String, f64)>> = got
            .iter()
            .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
            .map(points)
            .collect();
        assert_eq!(drawn.len(), 1, "{drawn:?}");
        assert_eq!(drawn[0].len(), 5);
        assert!(got[0].points[3].sign < 0);
    }

    #[test]
    fn a_chart_the_text_restates_from_a_table_is_drawn_once() {
        let got = charts(
            "<table><tr><td>地区</td><td>营业收入（亿元）</td></tr><tr><td>甲区</td><td>120</td></tr>\
             <tr><td>乙区</td><td>95</td></tr><tr><td>丙区</td><td>60</td></tr></table>\n\n\
             甲区营业收入120亿元，乙区营业收入95亿元，丙区营业收入60亿元。",
        );
        let drawn: Vec<&ChartSpec> = got
            .iter()
            .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
            .collect();
        assert_eq!(drawn.len(), 1, "{got:?}");
        // Equal numbers of different things are not a restatement.
        let got =
            charts("新增企业甲区12家、乙区8家、丙区5家。\n\n新开门店丁区12家、戊区8家、己区5家。");
        let drawn = got.iter().filter(|c| c.drawn && c.kind != ChartKind::Kpi);
        assert_eq!(drawn.count(), 2, "{got:?}");
    }

    #[test]
    fn parts_that_add_up_to_a_stated_whole_are_a_pie() {
        let got = charts("1-7月，全国发行地方政府债券39979亿元。其中，发行一般债券18583亿元，发行专项债券21396亿元。");
        let pie = got
            .iter()
            .find(|c| c.kind == ChartKind::Pie)
            .expect("a pie");
        assert_eq!(pie.points.len(), 2);
        assert_eq!(pie.points[0].magnitude(), 1.8583e12);
    }

    #[test]
    fn parts_that_do_not_add_up_are_no_pie() {
        let got = charts("全年发行债券39979亿元。其中，发行一般债券100亿元，发行专项债券200亿元。");
        assert!(got.iter().all(|c| c.kind != ChartKind::Pie));
    }

    #[test]
    fn the_same_measure_over_years_is_a_line() {
        let got = charts("2019年销量100万辆，2020年销量120万辆，2021年销量150万辆。");
        let line = got
            .iter()
            .find(|c| c.kind == ChartKind::Line)
            .expect("a line");
        let labels: Vec<&str> = line.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, vec!["2019年", "2020年", "2021年"]);
        assert_eq!(line.title, "销量");
    }

    #[test]
    fn parallel_lines_of_a_page_are_one_comparison() {
        let got = charts(
            "铁路累计完成货运量27亿吨\n\n公路累计完成货运量218.8亿吨\n\n水路累计完成货运量46.2亿吨",
        );
        let bar = got
            .iter()
            .find(|c| c.points.len() == 3)
            .expect("one chart of three");
        assert_eq!(bar.points[1].label, "公路");
        assert_eq!(bar.title, "累计完成货运量");
    }

    #[test]
    fn restated_expectations_stay_out_of_the_comparison() {
        let got = charts("1年期利率为3.85%，预期为3.85%；5年期以上利率为4.65%，预期为4.65%。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        assert_eq!(
            points(chart).iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![3.85, 4.65]
        );
    }

    #[test]
    fn a_long_briefing_gets_its_biggest_comparisons() {
        let paragraphs: Vec<String> = (1..=20)
            .map(|k| {
                // Neighbouring lists in different units, so that none merge.
                let unit = ["家", "人", "台", "辆"][k % 4];
                let items: Vec<String> = (0..(k % 5 + 2))
                    .map(|i| format!("第{k}组项目{i}有{}{unit}", i + 1))
                    .collect();
                format!("{}。", items.join("、"))
            })
            .collect();
        let got = charts(&paragraphs.join("\n\n"));
        let comparisons: Vec<&ChartSpec> =
            got.iter().filter(|c| c.kind != ChartKind::Kpi).collect();
        // Every list stays a candidate; the cap (one per 2 paragraphs: 10) are drawn.
        assert_eq!(comparisons.len(), 20);
        let drawn: Vec<&&ChartSpec> = comparisons.iter().filter(|c| c.drawn).collect();
        assert_eq!(drawn.len(), 10);
        // The biggest lists are the ones drawn: the four of 6 items, the four of 5, two of 4.
        assert_eq!(drawn.iter().filter(|c| c.points.len() == 6).count(), 4);
        assert!(drawn.iter().all(|c| c.points.len() >= 4));
        let post = Post::parse(&paragraphs.join("\n\n"));
        let all = choose_with(&post, &extract(&post), Some(8));
        assert_eq!(
            all.iter()
                .filter(|c| c.drawn && c.kind != ChartKind::Kpi)
                .count(),
            8
        );
    }

    #[test]
    fn one_sentence_of_parallel_clauses_is_a_diverging_chart() {
        let got = charts("周一收盘，甲指数跌0.6%，乙指数涨0.8%，丙指数跌1.1%。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        assert!(chart.drawn);
        assert_eq!(chart.confidence, Confidence::MEDIUM);
        let faces: Vec<(&str, i8)> = chart
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.sign))
            .collect();
        assert_eq!(faces, [("甲指数", -1), ("乙指数", 1), ("丙指数", -1)]);
        assert!(chart.title.ends_with("涨跌幅"), "{}", chart.title);
    }

    #[test]
    fn changes_on_the_year_and_on_the_month_are_two_charts() {
        let got = charts(
            "前三季度，甲厂产量同比增长5%，乙厂产量同比增长8%，丙厂产量同比增长3%；甲厂产量环比增长1%，乙厂产量环比增长2%，丙厂产量环比增长4%。",
        );
        let comparisons: Vec<Vec<f64>> = got
            .iter()
            .filter(|c| c.kind != ChartKind::Kpi)
            .map(|c| c.points.iter().map(|p| p.value).collect())
            .collect();
        assert_eq!(comparisons, [vec![5.0, 8.0, 3.0], vec![1.0, 2.0, 4.0]]);
    }

    #[test]
    fn figures_that_share_only_a_unit_are_held_back() {
        let got = charts("公司去年营收12亿元。新建工厂花了3亿元。研发又投入1亿元。");
        assert!(got
            .iter()
            .filter(|c| c.kind != ChartKind::Kpi)
            .all(|c| !c.drawn && c.confidence < Confidence::DRAWN));
    }

    #[test]
    fn bars_carry_the_part_that_varies_and_the_title_the_measure() {
        let got = charts(
            "今年甲省新能源汽车销量12万辆；乙省新能源汽车销量9万辆；丙省新能源汽车销量7万辆。",
        );
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["甲省", "乙省", "丙省"]);
        assert!(chart.title.contains("新能源汽车销量"), "{}", chart.title);
    }

    #[test]
    fn a_clause_is_not_a_bar_label() {
        assert!(!is_face_label("是2021年全年招标量"));
        assert!(!is_face_label("/日至"));
        assert!(!is_face_label("以上"));
        assert!(is_face_label("比亚迪"));
        assert!(is_face_label("以色列"));
    }

    #[test]
    fn key_figure_cards_name_their_measure() {
        assert!(is_card_label("职业技能培训"));
        assert!(!is_card_label("撤回率达"));
        assert!(!is_card_label("上年末分别高2.5和"));
        assert!(!is_card_label("提升至"));
        assert!(!is_card_label("这场"));
        assert!(!is_card_label("排名较上月末提升"));
        assert!(!is_card_label("低于上月"));
        assert!(!is_card_label("企业原煤产量合计"));
        assert!(!is_card_label("比年初同比增长"));
        assert!(!is_card_label("同期为下降"));
        assert!(!is_card_label("降幅"));
        assert!(is_card_label("存款余额同比增长"));
        assert!(!is_card_label("按年增长"));
        assert!(!is_card_label("会有"));
        assert!(!is_card_label("剩余"));
        assert!(is_face_label("全社会"));
        // A stretch of time sets the story; it is not its key figure.
        let got = charts("时隔20年，该市再次举办博览会，吸引观众120万人次。");
        let cards = got
            .iter()
            .find(|c| c.kind == ChartKind::Kpi)
            .expect("cards");
        assert!(
            cards.points.iter().all(|p| p.unit.as_deref() != Some("年")),
            "{cards:?}"
        );
        assert!(cards.points.iter().any(|p| p.value == 120.0));
    }

    #[test]
    fn the_same_subjects_for_two_periods_are_one_two_way_chart() {
        // A sentence each, in one statement.
        let got = charts(
            "10月，甲市粗钢产量同比下降23.3%，生铁产量同比下降19.4%；1-10月，粗钢产量同比下降0.7%，生铁产量同比下降3.2%。",
        );
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .unwrap_or_else(|| panic!("a comparison: {got:?}"));
        assert_eq!(chart.groups(), ["10月", "1-10月"]);
        assert!(chart.points.iter().all(|p| p.sign == -1));
        // Statements apart, a level and a change each: the changes join; the levels of a
        // month and of the year so far stay apart (the month's bars would vanish).
        let got = charts(
            "1-10月甲产量8770万吨，同比下降0.7%；乙产量7340万吨，同比下降3.2%。其中，10月甲、乙产量分别为715万吨、630万吨，同比分别下降23.3%、19.4%。",
        );
        let two_way: Vec<&ChartSpec> = got.iter().filter(|c| !c.groups().is_empty()).collect();
        assert_eq!(two_way.len(), 1, "{got:?}");
        assert_eq!(two_way[0].unit.as_deref(), Some("%"));
        assert_eq!(two_way[0].groups(), ["1-10月", "10月"]);
    }

    #[test]
    fn a_title_says_what_is_compared_once() {
        let titles = |text: &str| -> Vec<String> {
            charts(text)
                .into_iter()
                .filter(|c| c.kind != ChartKind::Kpi)
                .map(|c| c.title)
                .collect()
        };
        // The opening names the measure; a lead that says it compares is no unit word.
        assert_eq!(
            titles("2023年汽车销量，甲牌销量300万辆，乙牌销量250万辆，丙牌销量150万辆。"),
            ["2023年汽车销量"]
        );
        assert_eq!(
            titles("各科平均成绩对比，语文为82.5分，英语为78.9分，地理为85.2分。"),
            ["各科平均成绩"]
        );
        // `月度` is no date.
        assert_eq!(
            titles("各部门月度支出情况，甲部支出30万元，乙部支出20万元，丙部支出50万元。"),
            ["支出"]
        );
    }

    #[test]
    fn english_says_when_after_the_figure() {
        let got = charts(
            "---\ntitle: t\nlang: en\n---\n\nThe city's jobless rate was 8.5% in March 2009, 10.4% in January and 10% in March 2010.\n",
        );
        let line = got
            .iter()
            .find(|c| c.kind == ChartKind::Line)
            .unwrap_or_else(|| panic!("a line: {got:?}"));
        let labels: Vec<&str> = line.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["March 2009", "January", "March 2010"]);
    }

    #[test]
    fn parts_that_add_up_to_a_named_total_are_its_parts() {
        let got = charts(
            "年末，甲行业资产总计140.5亿元，同比增长9.8%；负债合计80.3亿元，增长9.1%；所有者权益合计60.2亿元，增长10.8%。",
        );
        let pie = got
            .iter()
            .find(|c| c.kind == ChartKind::Pie)
            .unwrap_or_else(|| panic!("a pie: {got:?}"));
        let labels: Vec<&str> = pie.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["负债", "所有者权益"]);
        // Shares of 100% add up by chance: no whole among them.
        let got = charts("员工中本科50%，硕士30%，博士10%，其他10%。");
        assert!(
            got.iter()
                .all(|c| c.kind != ChartKind::Pie || c.points.len() == 4),
            "{got:?}"
        );
    }

    #[test]
    fn a_market_s_sectors_are_one_chart_and_peer_groups_two() {
        // A market's close, then its sectors a sentence each: one chart of the market.
        let got = charts(
            "商品期货收盘普遍上涨，甲油涨3.1%，乙油涨1.2%，丙气跌0.5%。金属全线上涨，甲铜涨2.9%，乙锌涨1.4%，丙铝涨1.1%。谷物多数上涨，甲麦涨1.3%，乙豆涨1.2%，丙米涨1.1%。",
        );
        let comparisons: Vec<&ChartSpec> =
            got.iter().filter(|c| c.kind != ChartKind::Kpi).collect();
        assert_eq!(comparisons.len(), 1, "{got:?}");
        assert_eq!(comparisons[0].points.len(), 9);
        // Two peer groups of shares, with no market's close: a chart each.
        let got = charts(
            "热门概念股多数上涨，甲科技涨4.3%，乙医药涨1.9%，丙能源涨1.7%。汽车股集体上涨，甲汽车涨3.0%，乙汽车涨3.8%，丙汽车涨4.5%。",
        );
        let comparisons = got.iter().filter(|c| c.kind != ChartKind::Kpi).count();
        assert_eq!(comparisons, 2, "{got:?}");
    }

    #[test]
    fn an_index_is_not_one_of_the_shares_before_it() {
        let got = charts("甲公司涨3.2%，乙公司涨3.1%，领涨大盘。丙公司涨3.0%。综合指数涨1%。");
        for chart in got.iter().filter(|c| c.kind != ChartKind::Kpi) {
            let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
            assert!(!labels.iter().any(|l| l.contains("指数")), "{labels:?}");
        }
    }

    #[test]
    fn parallel_clauses_state_the_base_once() {
        // The base goes with every clause of the same move, so the three are one chart; the
        // names keep their kind (大型企业), and the title is the measure, not a tail they share.
        let got = charts("甲市工业总产值同比增长9.6%。其中，大型企业产值同比增长9.4%，中型企业产值增长11.2%，小微型企业产值增长8.7%。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["大型企业", "中型企业", "小微型企业"]);
        assert!(chart.title.starts_with("产值"), "{}", chart.title);
        assert!(chart.confidence >= Confidence::MEDIUM);
    }

    #[test]
    fn one_measure_for_two_periods_is_a_two_way_chart() {
        let got = charts(
            "7月，债券平均发行期限11.6年，其中一般债券6.8年、专项债券14.5年。\n\n1-7月，债券平均发行期限10.6年，其中一般债券7.8年、专项债券13.0年。",
        );
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        let points: Vec<String> = chart.points.iter().map(Point::full_label).collect();
        // (债券 is the kind of thing: it stays in the name.)
        assert_eq!(
            points,
            [
                "一般债券·7月",
                "专项债券·7月",
                "一般债券·1-7月",
                "专项债券·1-7月"
            ]
        );
        assert_eq!(chart.groups(), ["7月", "1-7月"]);
        assert_eq!(chart.title, "平均发行期限");
        assert!(
            chart.describe().contains("一般债券·1-7月 7.8年"),
            "{}",
            chart.describe()
        );
    }

    #[test]
    fn a_title_names_what_the_bars_share_not_the_sentence() {
        let got = charts("1、周三美国三大股指全线收跌，甲指跌0.6%，乙指数跌0.8%，丙指跌1.1%。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a chart");
        assert_eq!(chart.title, "周三美国三大股指涨跌幅");
        // No lead: the period, what the labels share, the move; never a bare unit word.
        let got = charts("7月，甲指数涨0.6%，乙指数跌0.8%，丙指数涨1.1%。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a chart");
        assert_eq!(chart.title, "7月指数涨跌幅");
    }

    #[test]
    fn statements_that_each_open_on_a_period_are_a_time_series() {
        let got = charts("一月份订单数10万单。二月份增至12万单。三月份回落至11万单。");
        let line = got
            .iter()
            .find(|c| c.kind == ChartKind::Line)
            .expect("a line");
        assert!(line.drawn);
        let labels: Vec<&str> = line.points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["一月份", "二月份", "三月份"]);
    }

    #[test]
    fn english_fragments_are_no_labels() {
        for fragment in [
            "and paid about",
            "in revenue and",
            "have died of COV",
            "to",
            "Airbags in",
        ] {
            assert!(!is_face_label(fragment), "{fragment}");
        }
        for name in ["Retail sales", "Ohio", "Net income", "Q2 revenue"] {
            assert!(is_face_label(name), "{name}");
        }
        assert!(!is_card_label("本文已被查看"));
    }

    #[test]
    fn a_measure_after_de_leaves_the_bar_label() {
        let got = charts("8月，甲车卖出12515辆、乙车的销量8700辆、丙车的销量2000辆。");
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a chart");
        let labels: Vec<&str> = chart.points.iter().map(|p| p.label.as_str()).collect();
        assert!(
            labels.contains(&"乙车") && labels.contains(&"丙车"),
            "{labels:?}"
        );
    }

    #[test]
    fn bars_of_one_name_are_held_back() {
        let mut spec = charts("甲企业利润增长5%、乙企业利润增长8%。").remove(0);
        assert!(spec.drawn);
        spec.points[1].label = spec.points[0].label.clone();
        let mut again = vec![spec.clone(), spec];
        select(&mut again, 3);
        // A second copy of the same figures is a candidate only.
        assert!(again[0].drawn && !again[1].drawn);
    }

    #[test]
    fn periods_of_every_form_make_a_line() {
        for (text, labels) in [
            (
                "周一，甲店销量120件。周二，甲店销量150件。周三，甲店销量90件。",
                vec!["周一", "周二", "周三"],
            ),
            (
                "一季度营收3.1亿元，二季度营收3.6亿元，三季度营收4.0亿元。",
                vec!["一季度", "二季度", "三季度"],
            ),
            (
                "1月份出口120亿元；2月份出口98亿元；3月份出口131亿元。",
                vec!["1月份", "2月份", "3月份"],
            ),
        ] {
            let got = charts(text);
            let line = got
                .iter()
                .find(|c| c.kind == ChartKind::Line)
                .unwrap_or_else(|| panic!("a line for {text}: {got:?}"));
            let got: Vec<&str> = line.points.iter().map(|p| p.label.as_str()).collect();
            assert_eq!(got, labels, "{text}");
        }
        // A dateline beside years is not a series.
        let got = charts(
            "12月8日消息，公司2020年负债8.96亿元，2021年9月30日负债3.54亿元，总资产11亿元。",
        );
        assert!(got.iter().all(|c| c.kind != ChartKind::Line));
    }

    #[test]
    fn a_long_list_is_charted_in_parts() {
        let items: Vec<String> = (1..=30).map(|k| format!("地区{k}有{k}家")).collect();
        let got = charts(&format!("{}。", items.join("、")));
        assert!(got.iter().all(|c| c.points.len() <= MAX_SERIES_POINTS));
        assert!(got.iter().filter(|c| c.kind != ChartKind::Kpi).count() >= 2);
    }
}
