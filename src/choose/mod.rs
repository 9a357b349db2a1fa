//! Stage 3, `choose`: facts become chart specs, plain data that serialises to the documented
//! JSON (see README: "Chart JSON").
//!
//! - Figures of one enumeration (joined by 、/和/及 in one sentence, same unit, two or more)
//!   become a bar chart, horizontal when there are many or the labels are long.
//! - Isolated key figures (the lede's, one per unit, and stated changes) become KPI cards,
//!   grouped in one chart.
//! - A figure is charted only as the text states it: ranges and unitless counts are left out.

use serde::{Deserialize, Serialize};

use crate::extract::{Fact, Value};
use crate::format;
use crate::post::Post;

mod table;
pub use table::table_facts;

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
    let all_series = group_series(post, &texts, facts);
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
        // list pairs two figures.
        let long_pair = points.len() == 2
            && (series.confidence < Confidence::STRONG
                || points
                    .iter()
                    .any(|p| p.label.chars().count() > MAX_PAIR_LABEL));
        // Two bars of one name cannot be told apart.
        let same_names =
            !crate::all_distinct(&points.iter().map(Point::full_label).collect::<Vec<_>>());
        if points.iter().any(|p| !is_face_label(&p.label)) || in_words || long_pair || same_names {
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
        let shared = shared_measure(&labels).or_else(|| {
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
                .max_by_key(|m| m.chars().count())
        });
        let shared = shared.or(face.measure.clone());
        let mut title = match shared {
            Some(measure) if !measure.starts_with(&period) => format!("{period}{measure}"),
            Some(measure) => measure,
            None => series_title(post, &texts, first, &lang, face.change.is_some(), &period),
        };
        if let Some(change) = &face.change {
            if !title.ends_with(change.as_str()) {
                title.push_str(change);
            }
        }
        if let Some(whole) = series.whole {
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

    let cards = key_figures(facts, &in_series);
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
            points: cards.iter().map(|&k| Point::from_fact(&facts[k])).collect(),
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

/// About three comparisons for a story of a few paragraphs; for a long briefing, about one
/// a section (headings, else every two paragraphs), at most [`MAX_SERIES_CHARTS`].
pub fn default_cap(post: &Post) -> usize {
    let paragraphs = post.paragraphs.len();
    let headings = post.paragraphs.iter().filter(|p| p.heading).count();
    // A briefing's numbered items are sections too, a list each: a chart a few paragraphs.
    let sections = headings.max(paragraphs / 2);
    let floor: usize = 3;
    sections.clamp(floor, MAX_SERIES_CHARTS)
}

/// Marks what the widget draws: confident comparison charts, the most confident and largest
/// first, up to `max`, and the key-figure cards (none when `max` is 0); the rest stay as
/// candidates. The order stays the text's. Called again with a page's own cap
/// (`data-postchart-max`).
pub fn select(charts: &mut [ChartSpec], max: usize) {
    // The same figures found twice (two passes over one sentence) are one chart: the later
    // copy stays a candidate only.
    for k in 1..charts.len() {
        let figures = |c: &ChartSpec| -> Vec<(String, u64)> {
            c.points
                .iter()
                .map(|p| (p.full_label(), p.signed_magnitude().to_bits()))
                .collect()
        };
        let mine = figures(&charts[k]);
        if charts[..k]
            .iter()
            .any(|c| c.kind != ChartKind::Kpi && figures(c) == mine)
        {
            charts[k].confidence = charts[k].confidence.min(Confidence::WEAK);
        }
    }
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
        charts[k].drawn = confident && kept < max;
        if charts[k].drawn {
            kept += 1;
        }
    }
    for chart in charts.iter_mut().filter(|c| c.kind == ChartKind::Kpi) {
        chart.drawn = max > 0 && chart.confidence >= Confidence::DRAWN;
    }
}

/// What the labels of one chart shared and lost: the measure (`动力电池装车量`) and the move
/// (`同比增长`), for the title.
#[derive(Default)]
struct Face {
    measure: Option<String>,
    change: Option<String>,
}

/// Words a bar's label ends with that say the move, not the subject (`道指跌` -> `道指`).
const MOVE_SUFFIXES: &[&str] = &[
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比上涨",
    "同比下跌",
    "按年增长",
    "按年下跌",
    "按年上升",
    "按年下降",
    "环比增长",
    "环比下降",
    "同比增",
    "同比降",
    "环比增",
    "环比降",
    "增长",
    "下降",
    "增加",
    "减少",
    "上涨",
    "下跌",
    "上升",
    "回落",
    "收涨",
    "收跌",
    "涨幅",
    "跌幅",
    "持平",
    "涨",
    "跌",
    "增",
    "降",
];

/// Words a bar's label starts with that belong to the sentence, not the subject.
const LEAD_WORDS: &[&str] = &[
    "其中", "包括", "用于", "给予", "实现", "完成", "此外", "同时", "分别", "全市", "全区", "全省",
    "发行", "新增", "累计",
];

/// Cuts the labels of one chart down to the part that varies: the move each ends with, then
/// the measure they all end with, then sentence words at the start. A label is kept whole
/// when cutting would leave it empty.
fn face_labels(points: &mut [Point]) -> Face {
    let mut face = Face::default();
    if points.len() < 2 {
        return face;
    }
    // `奔驰E级的销量` beside `奥迪A6L`: the measure after `的` belongs to the title.
    for p in points.iter_mut() {
        if let Some((name, what)) = p.label.rsplit_once('的') {
            let measure = crate::extract::MEASURES.iter().any(|m| what.ends_with(m));
            if measure && name.chars().count() >= 2 {
                if face.measure.is_none() {
                    face.measure = Some(what.to_string());
                }
                p.label = name.to_string();
            }
        }
    }
    let cut = |label: &str, words: &[&str]| -> Option<(String, String)> {
        words.iter().find_map(|w| {
            label
                .strip_suffix(w)
                .filter(|rest| rest.chars().count() >= 1)
                .map(|rest| (rest.to_string(), w.to_string()))
        })
    };
    // The move: cut only when every label ends on one.
    let moves: Vec<Option<(String, String)>> = points
        .iter()
        .map(|p| cut(&p.label, MOVE_SUFFIXES))
        .collect();
    if moves.iter().all(Option::is_some) {
        let words: Vec<String> = moves.iter().flatten().map(|(_, w)| w.clone()).collect();
        for (p, (rest, _)) in points.iter_mut().zip(moves.into_iter().flatten()) {
            p.label = rest;
        }
        let on_year = words
            .iter()
            .all(|w| w.starts_with("同比") || w.starts_with("按年"));
        face.change = Some(
            if words.iter().any(|w| w.contains('涨') || w.contains('跌')) {
                "涨跌幅"
            } else if on_year {
                "同比增速"
            } else {
                "变化"
            }
            .to_string(),
        );
    }
    // The shared measure, when what is left of each label still names something.
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    // Only a measure leaves the labels (`动力电池装车量`); a kind of thing is part of each
    // name (`德国DAX指数`, `大豆期货`, `山西焦煤集团`).
    if let Some(shared) = shared_measure(&labels).filter(|m| is_measure_noun(m)) {
        // `甲省新能源汽车销量`, `乙省…`: the shared end is `省新能源汽车销量`, but the subject
        // keeps its `省`; the measure gives up characters until every subject has two.
        let chars: Vec<char> = shared.chars().collect();
        for skip in 0..chars.len().saturating_sub(1) {
            let measure: String = chars[skip..].iter().collect();
            let rests: Vec<String> = points
                .iter()
                .map(|p| {
                    p.label
                        .strip_suffix(measure.as_str())
                        .unwrap_or(&p.label)
                        .trim_end_matches(['的', '之'])
                        .to_string()
                })
                .collect();
            if rests.iter().all(|r| r.chars().count() >= 2) && crate::all_distinct(&rests) {
                for (p, rest) in points.iter_mut().zip(rests) {
                    p.label = rest;
                }
                face.measure = Some(measure);
                break;
            }
        }
    }
    for p in points.iter_mut() {
        if let Some(rest) = LEAD_WORDS
            .iter()
            .find_map(|w| p.label.strip_prefix(w).filter(|r| r.chars().count() >= 2))
        {
            p.label = rest.to_string();
        }
    }
    face
}

/// A shared label end that names what is measured, not only how it was stated (`完成`,
/// `累计`, `达到`).
fn names_a_measure(shared: &str) -> bool {
    const VERBS: &[&str] = &["完成", "实现", "累计", "达到", "预计", "共计", "合计", "约"];
    !VERBS.iter().any(|v| shared.ends_with(v))
}

/// Every label ends on the same move word and what is left tells them apart (`铁路同比增长`,
/// `公路同比增长`; `恒指跌`, `阿里巴巴跌`): statements of one pattern.
fn same_move(labels: &[&str]) -> bool {
    let rests: Vec<(&str, &str)> = labels
        .iter()
        .filter_map(|l| {
            MOVE_SUFFIXES
                .iter()
                .find_map(|w| l.strip_suffix(w).filter(|r| !r.is_empty()).map(|r| (r, *w)))
        })
        .collect();
    fn pattern(w: &str) -> &str {
        if w.contains('涨') || w.contains('跌') {
            "涨跌"
        } else {
            w
        }
    }
    rests.len() == labels.len()
        && rests.iter().all(|(_, w)| pattern(w) == pattern(rests[0].1))
        && crate::all_distinct(&rests.iter().map(|(r, _)| r.to_string()).collect::<Vec<_>>())
}

/// A shared label end that can leave the labels: not a kind of thing that is part of each
/// name (`德国DAX指数`, `大豆期货`, `山西焦煤集团`, `一般债券`).
fn is_measure_noun(shared: &str) -> bool {
    const KINDS: &[&str] = &["指数", "期货", "集团", "银行", "债券", "债务", "合约"];
    !KINDS.contains(&shared)
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

/// A key figure's label names its measure (`职业技能培训`, `撤回率`): not a clause, not a
/// stray of a list (`分别高2.5和`), not a figure's lead-in (`撤回率达`, `提升至`).
fn is_card_label(label: &str) -> bool {
    const LEAD_INS: &[&str] = &[
        "达", "至", "分别", "约", "超", "近", "逾", "共", "突破", "仅", "低至", "高达", "预测",
        "显示", "监测", "合计", "共计",
    ];
    is_face_label(label)
        && label.chars().count() >= 2
        && !label.contains("每")
        && !label.chars().any(|c| c.is_ascii_digit())
        && !label.contains("分别")
        // A rank (`排名较上月末提升3位`) is not a figure of the story.
        && !["排名", "排在", "位居", "位列"].iter().any(|w| label.contains(w))
        && !LEAD_INS.iter().any(|w| label.ends_with(w))
        // The page about itself (`本文已被查看`), or the writer speaking (`让我想起`): not a
        // figure of the story.
        && !["本文", "我们", "你们", "让我", "我的"].iter().any(|w| label.contains(w))
}

/// English words that open or close a clause rather than name a thing: a label that starts
/// or ends with one (`and paid about`, `in revenue and`, `have died of`) is a fragment.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "from", "with",
    "than", "as", "about", "around", "over", "under", "up", "down", "nearly", "almost", "some",
    "more", "less", "least", "most", "only", "just", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "which", "that", "who", "while", "it", "its", "the",
    "this", "these", "those", "their", "his", "her", "rose", "fell", "grew", "paid", "said",
];

/// An English label whose first or last word is a function word or a bare verb.
fn english_fragment(label: &str) -> bool {
    if !label.is_ascii() {
        return false;
    }
    let mut words = label.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
    let words: Vec<&str> = words.by_ref().filter(|w| !w.is_empty()).collect();
    let function = |w: &&str| ENGLISH_FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str());
    words.first().is_some_and(function) || words.last().is_some_and(function) || words.len() > 6
}

/// [`face_labels`] for a two-way chart: the labels repeat across groups, so the cut is found
/// on the distinct labels and made on all.
fn face_labels_two_way(points: &mut [Point]) -> Face {
    let mut distinct: Vec<Point> = Vec::new();
    for p in points.iter() {
        if !distinct.iter().any(|d| d.label == p.label) {
            distinct.push(p.clone());
        }
    }
    let before: Vec<String> = distinct.iter().map(|p| p.label.clone()).collect();
    let face = face_labels(&mut distinct);
    for p in points.iter_mut() {
        if let Some(k) = before.iter().position(|l| *l == p.label) {
            p.label = distinct[k].label.clone();
        }
    }
    face
}

/// A label a chart face can show: some words, not a clause (`是2021年全年招标量`) or a
/// fragment of one (`/日至`, `以上`).
fn is_face_label(label: &str) -> bool {
    let n = label.chars().count();
    const CLAUSE_STARTS: &[&str] = &[
        "/", "、", "，", ",", "的", "至", "以上", "以下", "较", "比上", "比去", "比前", "为", "是",
        "和", "及", "或", "时隔", "但", "低于", "高于", "少于", "多于", "）", ")", "(", "（", "這",
        "这", "短短", "我們", "我们",
    ];
    // `江西某新区出台` (28条): a clause that stops at its verb.
    const CLAUSE_ENDS: &[&str] = &[
        "出台",
        "发布",
        "印发",
        "开展",
        "推出",
        "宣布",
        "披露",
        "表示",
        "显示",
        "达成",
        "联合",
        "部署",
        "拿出",
        "报告",
        "至",
        "于",
        "达",
        "也",
        "了",
        "的",
        "将",
        "將",
        "是",
        "这场",
        "這場",
        "共计",
        "一段",
        "多了",
        "时间里",
        "（",
        "(",
        "）",
        ")",
    ];
    // A modifier alone (`平均`, `累计`) names no subject.
    const MODIFIERS: &[&str] = &[
        "平均", "年均", "累计", "同比", "环比", "合计", "其中", "共计",
    ];
    let starts_badly = CLAUSE_STARTS.iter().any(|w| label.starts_with(w))
        || english_fragment(label)
        || MODIFIERS.contains(&label)
        || CLAUSE_ENDS.iter().any(|w| label.ends_with(w))
        || (n == 1 && "前后约近超达共为是有在的了和及与或等其他至以较比每".contains(label));
    // `规模由上月`, `截至2021年9月30日总负债`, `公司预计总资产`: a clause, not a name.
    let clause = ["，", ",", "。", "；", "由", "截至", "预计", "“", "”"]
        .iter()
        .any(|c| label.contains(c));
    (1..=16).contains(&n) && !starts_badly && !clause
}

/// A fact that can stand in a chart: a single stated value with a unit.
fn chartable(fact: &Fact) -> bool {
    matches!(fact.value, Value::One(v) if v.is_finite())
        && fact.unit.is_some()
        && fact.scale.is_finite()
}

/// A group of facts charted together.
struct Series {
    members: Vec<usize>,
    /// Years labelling a time series, one per member, in order.
    periods: Option<Vec<String>>,
    /// The stated total the members are parts of, when they add up to it.
    whole: Option<usize>,
    /// Point labels when the facts' own labels do not tell them apart.
    labels: Option<Vec<String>>,
    /// The period each member is of, when the same measure is given for two or more periods
    /// (`7月…`, `1-7月…`): a two-way chart.
    groups: Option<Vec<String>>,
    /// How plainly the text states the group ([`Confidence`]).
    confidence: f64,
}

/// `利率为3.85%，预期为3.85%，上月为3.85%`: the expectation and the previous reading, equal
/// to the figure itself, are context for it rather than more data.
fn restates_previous(facts: &[Fact], k: usize) -> bool {
    let fact = &facts[k];
    let baseline = ["预期", "上月", "前值", "预测", "上期"]
        .iter()
        .any(|w| fact.label.ends_with(w));
    baseline
        && facts[..k]
            .iter()
            .rev()
            .find(|f| f.unit == fact.unit)
            .is_some_and(|f| f.magnitude() == fact.magnitude())
}

/// Two statements in separate sentences naming the same kind of thing (`非正常专利申请`,
/// `恶意商标注册申请`): a comparison even without a list mark.
fn parallel(a: &Fact, b: &Fact) -> bool {
    let separate = a.place.paragraph != b.place.paragraph || a.place.sentence != b.place.sentence;
    let common = a
        .label
        .chars()
        .rev()
        .zip(b.label.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let shorter = a.label.chars().count().min(b.label.chars().count());
    separate && common >= 2 && common < shorter
}

fn distinct(labels: &[String]) -> bool {
    crate::all_distinct(labels) && labels.iter().all(|l| !l.is_empty())
}

/// The measure noun a label ends with (`平均发行期限` -> `期限`), or "".
fn measure_of(label: &str) -> &'static str {
    const MEASURES: &[&str] = &[
        "期限", "年限", "利率", "增速", "增幅", "占比", "比重", "余额", "限额", "价格",
    ];
    MEASURES
        .iter()
        .find(|m| label.ends_with(**m))
        .copied()
        .unwrap_or("")
}

/// A paragraph's opening time phrase (`7月，…`, `1-7月，…`, `截至2021年7月末，…`).
fn leading_period(paragraph: &str) -> Option<String> {
    let head: String = paragraph
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .take(16)
        .take_while(|c| *c != '，' && *c != ',')
        .collect();
    let n = head.chars().count();
    let dated = head.contains('月') || head.contains('年') || head.contains("季度");
    (dated && (2..=12).contains(&n)).then(|| head.trim_start_matches("截至").to_string())
}

/// The most comparison charts one post gets (KPI cards come on top).
const MAX_SERIES_CHARTS: usize = 12;

/// More points than this in one group is no longer one comparison; it is split by sentence.
const MAX_SERIES_POINTS: usize = 12;

/// Groups comparable facts: within a paragraph, those with the same unit and the same kind of
/// measure (a level or a change), two or more with distinct labels.
fn group_series(post: &Post, texts: &[Vec<char>], facts: &[Fact]) -> Vec<Series> {
    let usable = |k: usize| chartable(&facts[k]) && !facts[k].label.is_empty();
    let mut taken = vec![false; facts.len()];
    let mut out = Vec::new();
    // Parts of a stated whole first: `总量X，其中A…，B…`, when the parts add up to X.
    for (t, total) in facts.iter().enumerate() {
        if !usable(t) {
            continue;
        }
        let text = &texts[total.place.paragraph];
        let later: Vec<usize> = (t + 1..facts.len())
            .take_while(|&n| facts[n].place.paragraph == total.place.paragraph)
            .take(MAX_SERIES_POINTS * 2)
            .filter(|&n| usable(n) && !taken[n] && facts[n].unit == total.unit)
            .collect();
        let Some(&first_part) = later.first() else {
            continue;
        };
        let between: String = text
            .get(total.place.end..facts[first_part].place.start)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        if !between.contains("其中") {
            continue;
        }
        // The parts are the figures after 其中 until they add up to the whole.
        let whole = total.magnitude();
        let mut sum = 0.0;
        let mut parts = Vec::new();
        for &n in &later {
            sum += facts[n].magnitude();
            parts.push(n);
            if sum >= whole * 0.98 {
                break;
            }
        }
        if parts.len() >= 2 && (sum - whole).abs() <= whole.abs() * 0.02 {
            for &n in &parts {
                taken[n] = true;
            }
            out.push(Series {
                members: parts,
                periods: None,
                whole: Some(t),
                labels: None,
                groups: None,
                confidence: Confidence::STRONG,
            });
        }
    }
    // Then lists: figures the text enumerates together (A、B和C, 分别…).
    let mut lists: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < facts.len() {
        if taken[k] {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < facts.len()
            && facts[end].place.listed_with_previous
            && facts[end].unit == facts[k].unit
            && facts[end].place.paragraph == facts[k].place.paragraph
        {
            end += 1;
        }
        let run: Vec<usize> = (k..end).filter(|&n| usable(n)).collect();
        // A level and a change, or a change on the year and on the month, are not one list.
        for part in split_by_kind(facts, run) {
            // A list longer than a chart can show is charted in parts.
            for chunk in part.chunks(MAX_SERIES_POINTS) {
                if chunk.len() >= 2 {
                    lists.push(chunk.to_vec());
                }
            }
        }
        k = end;
    }
    // Lists of the same measure side by side (`同比分别增长26%和50%…；累计…分别增长8%及5%`)
    // are one comparison.
    let mut merged: Vec<(Vec<usize>, f64)> = Vec::new();
    for run in lists {
        if let Some((last, confidence)) = merged.last_mut() {
            let (a, b) = (&facts[*last.last().expect("non-empty")], &facts[run[0]]);
            let close = a.place.paragraph + 1 >= b.place.paragraph;
            if close
                && a.unit == b.unit
                && kind_of(a) == kind_of(b)
                && last.len() + run.len() <= MAX_SERIES_POINTS
            {
                let mut joined = last.clone();
                joined.extend(&run);
                if shape(post, texts, facts, joined.clone(), Confidence::MEDIUM).is_some() {
                    *last = joined;
                    *confidence = Confidence::MEDIUM;
                    continue;
                }
            }
        }
        merged.push((run, Confidence::STRONG));
    }
    for (run, confidence) in merged {
        if let Some(series) = shape(post, texts, facts, run, confidence) {
            for &n in &series.members {
                taken[n] = true;
            }
            out.push(series);
        }
    }
    // Then one sentence of parallel clauses (`道指跌0.6%，标普500指数跌0.8%，纳指跌1.1%`):
    // the same unit and kind of figure, each clause its own subject.
    let mut k = 0;
    while k < facts.len() {
        let place = (facts[k].place.paragraph, facts[k].place.sentence);
        let end = (k..facts.len())
            .find(|&n| (facts[n].place.paragraph, facts[n].place.sentence) != place)
            .unwrap_or(facts.len());
        let free: Vec<usize> = (k..end)
            .filter(|&n| !taken[n] && usable(n) && !restates_previous(facts, n))
            .collect();
        let mut by_kind: Vec<Vec<usize>> = Vec::new();
        for n in free {
            match by_kind.iter_mut().find(|g| {
                facts[g[0]].unit == facts[n].unit && kind_of(&facts[g[0]]) == kind_of(&facts[n])
            }) {
                Some(group) => group.push(n),
                None => by_kind.push(vec![n]),
            }
        }
        for group in by_kind.into_iter().filter(|g| g.len() >= 3) {
            for chunk in group.chunks(MAX_SERIES_POINTS) {
                if chunk.len() < 2 {
                    continue;
                }
                if let Some(series) = shape(post, texts, facts, chunk.to_vec(), Confidence::MEDIUM)
                {
                    for &n in &series.members {
                        taken[n] = true;
                    }
                    out.push(series);
                }
            }
        }
        k = end;
    }
    // Then parallel statements: the same unit and kind of measure in neighbouring paragraphs
    // (铁路…27亿吨；公路…218.8亿吨；…).
    let mut groups: Vec<(String, bool, Vec<usize>)> = Vec::new();
    for (k, fact) in facts.iter().enumerate() {
        if taken[k] || !usable(k) || restates_previous(facts, k) {
            continue;
        }
        // Same unit, same kind (a level or a change) and the same measure noun (期限, 利率…).
        let unit = format!(
            "{}|{}",
            fact.unit.as_deref().unwrap_or(""),
            measure_of(&fact.label)
        );
        let change = kind_of(fact) != Kind::Level;
        let open = groups
            .iter_mut()
            .rev()
            .find(|g| g.0 == unit && g.1 == change);
        match open {
            Some(group)
                if facts[*group.2.last().expect("non-empty")].place.paragraph + 2
                    >= fact.place.paragraph =>
            {
                group.2.push(k)
            }
            _ => groups.push((unit, change, vec![k])),
        }
    }
    for (_, _, members) in groups {
        for group in split_by_kind(facts, members) {
            for part in split_long(facts, group) {
                // Statements that name one measure (`铁路累计完成货运量`, `公路累计完成货运量`)
                // are a parallel pattern; figures that only share a unit are a guess.
                let labels: Vec<&str> = part.iter().map(|&n| facts[n].label.as_str()).collect();
                // Two statements apart are as often a total and its part as a comparison.
                let named = shared_measure(&labels).is_some_and(|m| names_a_measure(&m))
                    || same_move(&labels);
                let confidence = if part.len() >= 3 && named {
                    Confidence::LOOSE
                } else {
                    Confidence::WEAK
                };
                if let Some(series) = shape(post, texts, facts, part, confidence) {
                    out.push(series);
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    crate::sort_indices(&mut order, &|a, b| {
        out[a].members[0].cmp(&out[b].members[0])
    });
    let mut slots: Vec<Option<Series>> = out.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| slots[k].take()).collect()
}

/// What kind of figure a fact is: a level, or a change and what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Level,
    /// A change on the same period a year before (同比).
    OnYear,
    /// A change on the period before (环比).
    OnPeriod,
    /// A change with no stated base (`增长5%`, `跌0.6%`).
    Change,
}

fn kind_of(fact: &Fact) -> Kind {
    let label = fact.label.as_str();
    let base = fact.change.as_deref().unwrap_or("");
    let has = |w: &str| label.contains(w) || base.contains(w);
    if has("环比") || has("上月") || has("按季") || has("按月") {
        Kind::OnPeriod
    } else if has("同比") || has("上年") || has("去年") || has("按年") {
        Kind::OnYear
    } else if is_change(fact) || fact.sign < 0 || fact.change.is_some() || moved(fact) {
        Kind::Change
    } else {
        Kind::Level
    }
}

/// `道指跌`, `欧元涨`, `存款增加`: a label that ends on a move is a change. One-character
/// moves count only for rates (`新增` 12万人 is a level).
fn moved(fact: &Fact) -> bool {
    const MOVES: &[&str] = &[
        "增长", "下降", "增加", "减少", "上涨", "下跌", "上升", "回落", "提高", "降低", "涨幅",
        "跌幅", "增速", "增幅", "持平",
    ];
    const SHORT_MOVES: &[&str] = &["涨", "跌", "增", "降", "升"];
    let label = fact.label.as_str();
    let rate = matches!(
        fact.unit.as_deref(),
        Some("%" | "个百分点" | "个基点" | "bp" | "‰")
    );
    MOVES.iter().any(|w| label.ends_with(w))
        || (rate && SHORT_MOVES.iter().any(|w| label.ends_with(w)))
}

/// Splits facts into runs of one kind; a change with no stated base joins the changes beside
/// it whatever their base (`同比增长5%和8%`).
fn split_by_kind(facts: &[Fact], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut parts: Vec<(Kind, Vec<usize>)> = Vec::new();
    for k in members {
        let kind = kind_of(&facts[k]);
        let fits = |part: &(Kind, Vec<usize>)| {
            part.0 == kind
                || (part.0 != Kind::Level && kind == Kind::Change)
                || (part.0 == Kind::Change && kind != Kind::Level)
        };
        match parts.iter_mut().find(|p| fits(p)) {
            Some(part) => {
                if part.0 == Kind::Change {
                    part.0 = kind;
                }
                part.1.push(k)
            }
            None => parts.push((kind, vec![k])),
        }
    }
    parts.into_iter().map(|(_, p)| p).collect()
}

/// One label holds the other (`上调` and `钢厂上调废钢采购价`): the same figure told twice.
fn labels_overlap(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.contains(b) || b.contains(a) {
        return true;
    }
    // `铁路预计` and `铁路预计今天`, `钢厂上调废钢采购价` and `上调调废钢采购价`: most of the
    // shorter label's characters are in the longer one.
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let shared = short.chars().filter(|c| long.contains(*c)).count();
    shared * 4 >= short.chars().count() * 3
}

/// Most points in a chart built from statements that are not one list: more is a wall of bars.
const MAX_LOOSE_POINTS: usize = 6;

/// Splits a group at sentence boundaries into parts of at most [`MAX_LOOSE_POINTS`], keeping
/// each sentence's figures together.
fn split_long(facts: &[Fact], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    for k in members {
        let place = (facts[k].place.paragraph, facts[k].place.sentence);
        match blocks.last_mut() {
            Some(block)
                if (
                    facts[block[0]].place.paragraph,
                    facts[block[0]].place.sentence,
                ) == place =>
            {
                block.push(k)
            }
            _ => blocks.push(vec![k]),
        }
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for block in blocks {
        match parts.last_mut() {
            Some(part) if part.len() + block.len() <= MAX_LOOSE_POINTS => part.extend(block),
            _ => parts.push(block),
        }
    }
    parts.retain(|p| p.len() <= MAX_SERIES_POINTS);
    parts
}

/// Decides what a group is: a time series, parts of a whole, or a plain comparison.
fn shape(
    post: &Post,
    texts: &[Vec<char>],
    facts: &[Fact],
    mut members: Vec<usize>,
    confidence: f64,
) -> Option<Series> {
    // The same figure said twice (title and body, `上调…10家` and `10家钢厂上调`) is one point.
    let mut kept: Vec<usize> = Vec::new();
    for k in members {
        let restated = kept.iter().any(|&j| {
            facts[j].magnitude() == facts[k].magnitude()
                && facts[j].sign == facts[k].sign
                && (facts[j].label == facts[k].label
                    || labels_overlap(&facts[j].label, &facts[k].label))
        });
        if !restated {
            kept.push(k);
        }
    }
    members = kept;
    if members.len() < 2 {
        return None;
    }
    // A time series: each figure has its own year.
    let periods: Vec<Option<String>> = members
        .iter()
        .map(|&k| period_before(&texts[facts[k].place.paragraph], facts, k))
        .collect();
    if members.len() >= 3 && periods.iter().all(Option::is_some) {
        let years: Vec<String> = periods.into_iter().flatten().collect();
        if crate::all_distinct(&years) {
            // Each figure with its own year, and the labels ending on one measure (`销量`):
            // a time series stated as one.
            let tails: Vec<Vec<char>> = members
                .iter()
                .map(|&k| facts[k].label.chars().rev().take(2).collect())
                .collect();
            let confidence =
                if tails.len() >= 3 && tails.iter().all(|t| t.len() == 2 && *t == tails[0]) {
                    confidence.max(Confidence::LOOSE)
                } else {
                    confidence
                };
            let mut order: Vec<usize> = (0..members.len()).collect();
            crate::sort_indices(&mut order, &|a, b| years[a].cmp(&years[b]));
            let members = order.iter().map(|&i| members[i]).collect();
            let years = order.iter().map(|&i| years[i].clone()).collect();
            return Some(Series {
                members,
                periods: Some(years),
                whole: None,
                labels: None,
                groups: None,
                confidence,
            });
        }
    }
    // Statements apart that each open on their own period (`一月份订单数10万单。二月份12万单。
    // 三月份回落至11万单。`): a time series, labelled by the periods.
    if confidence <= Confidence::WEAK && members.len() >= 3 {
        let periods: Option<Vec<String>> = members
            .iter()
            .map(|&k| crate::extract::leading_period_of(&facts[k].label))
            .collect();
        if let Some(periods) = periods.filter(|p| crate::all_distinct(p)) {
            return Some(Series {
                members,
                periods: Some(periods),
                whole: None,
                labels: None,
                groups: None,
                confidence: Confidence::LOOSE,
            });
        }
    }
    // Two figures make a comparison only when the text lists them together (A、B); apart,
    // two figures in one unit are as often a total and its part (70639人次, 补贴性培训32498人次).
    if members.len() == 2
        && !facts[members[1]].place.listed_with_previous
        && !parallel(&facts[members[0]], &facts[members[1]])
    {
        return None;
    }
    let labels: Vec<String> = members.iter().map(|&k| facts[k].label.clone()).collect();
    if distinct(&labels) {
        return Some(Series {
            members,
            periods: None,
            whole: None,
            labels: None,
            groups: None,
            confidence,
        });
    }
    // The same measure for two periods (7月…, 1-7月…): the period is the second way the
    // figures vary, a group each.
    let periods: Vec<Option<String>> = members
        .iter()
        .map(|&k| leading_period(&post.paragraphs[facts[k].place.paragraph].text))
        .collect();
    let dated: Vec<String> = members
        .iter()
        .zip(&periods)
        .map(|(&k, period)| match period {
            Some(period) => format!("{period} {}", facts[k].label),
            None => facts[k].label.clone(),
        })
        .collect();
    let groups: Option<Vec<String>> = periods.iter().cloned().collect();
    if let Some(groups) = groups.filter(|g| !crate::all_distinct(g)) {
        return distinct(&dated).then_some(Series {
            members,
            periods: None,
            whole: None,
            labels: None,
            groups: Some(groups),
            confidence,
        });
    }
    distinct(&dated).then_some(Series {
        members,
        periods: None,
        whole: None,
        labels: Some(dated),
        groups: None,
        confidence,
    })
}

/// The year a figure is stated for: `2019年…X` with the year after the previous figure.
fn period_before(chars: &[char], facts: &[Fact], k: usize) -> Option<String> {
    let start = facts[k].place.start;
    let from = if k > 0 && facts[k - 1].place.paragraph == facts[k].place.paragraph {
        facts[k - 1].place.end
    } else {
        0
    };
    let window = chars.get(from..start)?;
    let mut found = None;
    for i in 0..window.len().saturating_sub(4) {
        let digits = &window[i..i + 4];
        if digits.iter().all(|c| c.is_ascii_digit())
            && window.get(i + 4) == Some(&'年')
            && !window
                .get(i.wrapping_sub(1))
                .is_some_and(|c| c.is_ascii_digit())
        {
            found = Some(format!("{}年", digits.iter().collect::<String>()));
        }
    }
    found
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

fn is_change(fact: &Fact) -> bool {
    let change_unit = matches!(fact.unit.as_deref(), Some("%" | "个百分点" | "倍"));
    const VERBS: &[&str] = &[
        "增长", "增加", "提高", "提升", "上涨", "上升", "下降", "减少", "下跌", "回落", "降低",
    ];
    change_unit && VERBS.iter().any(|v| fact.label.contains(v))
}

/// A title for an enumeration: the words before its first label in the sentence
/// (`2021年，该市新增`…) with what the unit counts (`人数`).
/// What the points' labels share at their end (`铁路累计完成货运量`, `公路累计完成货运量` ->
/// `累计完成货运量`), when that names a measure and not just a change.
fn shared_measure(labels: &[&str]) -> Option<String> {
    let first: Vec<char> = labels.first()?.chars().collect();
    let mut common = first.len();
    for label in &labels[1..] {
        let n = label
            .chars()
            .rev()
            .zip(first.iter().rev())
            .take_while(|(a, b)| a == *b)
            .count();
        common = common.min(n);
    }
    let suffix: String = first[first.len() - common..].iter().collect();
    let suffix = suffix.trim_start_matches(['的', '之']).to_string();
    const CHANGE_ONLY: &[&str] = &[
        "增长",
        "下降",
        "同比增长",
        "同比下降",
        "增",
        "降",
        "上涨",
        "下跌",
    ];
    // What is left once the change word goes must still name something (`业增长` does not).
    let noun = CHANGE_ONLY
        .iter()
        .fold(suffix.as_str(), |s, w| s.strip_suffix(w).unwrap_or(s));
    // Labels that share a period word (`一季度`…`四季度`, `1月`…) are periods, not a measure.
    const PERIODS: &[&str] = &["季度", "月份", "半年", "年度", "月", "年", "周", "日"];
    let vague = CHANGE_ONLY.contains(&suffix.as_str())
        || PERIODS.contains(&suffix.as_str())
        || suffix.chars().count() < 2
        || (noun != suffix && noun.chars().count() < 2);
    let longer = labels
        .iter()
        .filter(|l| l.chars().count() > suffix.chars().count())
        .count();
    (!vague && longer >= 2).then_some(suffix)
}

/// A title from the words before the first figure (`2021年，该市新增` -> `2021年新增人数`;
/// `1、周三美国三大股指全线收跌，道指跌0.6%` -> `周三美国三大股指`, the caller adding the move).
/// For a chart of changes (`change`) no unit word is added; with no lead, a chart of changes is
/// titled by its period alone (the caller adds `涨跌幅`), anything else by the post's title.
fn series_title(
    post: &Post,
    texts: &[Vec<char>],
    first: &Fact,
    lang: &str,
    change: bool,
    period: &str,
) -> String {
    // The sentence up to the figure, read back at most 64 characters (linear on long text).
    let chars = &texts[first.place.paragraph];
    let end = first.place.start.min(chars.len());
    let window = end.saturating_sub(64);
    let from = chars[window..end]
        .iter()
        .rposition(|c| matches!(c, '。' | '！' | '？' | '；'))
        .map_or(window, |p| window + p + 1);
    let sentence: String = chars[from..end].iter().collect();
    let lead = sentence
        .find(first.label.as_str())
        .filter(|_| !first.label.is_empty())
        .map_or("", |pos| &sentence[..pos]);
    // A list's numbering (`1、`, `（一）`) and Markdown emphasis are not words.
    let lead = lead.trim_start();
    let numbered = lead
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['、', '.', '．']);
    let lead = numbered.unwrap_or(lead);
    let mut lead: String = lead
        .chars()
        .filter(|c| !matches!(c, '，' | '、' | ',' | ' ' | '“' | '”' | '*'))
        .collect();
    for opening in [
        "据海关统计",
        "数据显示",
        "截至收盘",
        "截至发稿",
        "据统计",
        "截至",
    ] {
        if let Some(rest) = lead.strip_prefix(opening) {
            lead = rest.to_string();
        }
    }
    // What the sentence says of the figures after the subject (`全线收跌`, `集体收涨`,
    // `数据显示`) is the move or the source, not the title.
    for tail in [
        "全线",
        "集体",
        "普遍",
        "多数",
        "涨跌不一",
        "收涨",
        "收跌",
        "收盘",
        "上涨",
        "下跌",
        "走高",
        "走低",
        "显示",
    ] {
        if let Some(pos) = lead.find(tail).filter(|&p| p > 0) {
            lead.truncate(pos);
        }
    }

    for subject in [
        "该市", "该县", "该区", "该省", "全市", "全省", "全国", "其中", "同时", "此外",
    ] {
        lead = lead.replace(subject, "");
    }
    // `原标题：…`, `主要行业利润情况如下：…`, `【…】`: only what follows the last colon counts.
    if let Some(pos) = lead.rfind(['：', ':', '】']) {
        lead = lead[pos..].chars().skip(1).collect();
    }
    // A lead that is a run of figures or a long clause names nothing: leave it out.
    let digits = lead.chars().filter(|c| c.is_ascii_digit()).count();
    let year_only = digits == 4 && lead.contains('年');
    if lead.chars().count() > 12
        || (digits > 0 && !year_only && !lead.contains('月'))
        || lead.contains('%')
    {
        lead.clear();
    }
    if !format::is_chinese(lang) {
        return if lead.trim().is_empty() {
            post.front_matter.title.clone().unwrap_or_default()
        } else {
            lead.trim().to_string()
        };
    }
    let measure = match first.unit.as_deref() {
        Some("人" | "名" | "位" | "人次") => "人数",
        Some("元" | "美元" | "港元" | "欧元" | "日元" | "英镑" | "$") => "金额",
        Some("%" | "‰") => "比例",
        Some("个百分点") => "变化",
        _ => "数量",
    };
    match (lead.is_empty(), change) {
        (true, true) => period.to_string(),
        (true, false) => post
            .front_matter
            .title
            .clone()
            .unwrap_or_else(|| measure.to_string()),
        (false, true) => lead,
        (false, false) => format!("{lead}{measure}"),
    }
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

    fn points(chart: &ChartSpec) -> Vec<(String, f64)> {
        chart
            .points
            .iter()
            .map(|p| (p.label.clone(), p.magnitude()))
            .collect()
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
    fn one_measure_for_two_periods_is_a_two_way_chart() {
        let got = charts(
            "7月，债券平均发行期限11.6年，其中一般债券6.8年、专项债券14.5年。\n\n1-7月，债券平均发行期限10.6年，其中一般债券7.8年、专项债券13.0年。",
        );
        let chart = got
            .iter()
            .find(|c| c.kind != ChartKind::Kpi)
            .expect("a comparison");
        let points: Vec<String> = chart.points.iter().map(Point::full_label).collect();
        assert_eq!(points, ["一般·7月", "专项·7月", "一般·1-7月", "专项·1-7月"]);
        assert_eq!(chart.groups(), ["7月", "1-7月"]);
        assert_eq!(chart.title, "债券平均发行期限");
        assert!(
            chart.describe().contains("一般·1-7月 7.8年"),
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
    fn a_long_list_is_charted_in_parts() {
        let items: Vec<String> = (1..=30).map(|k| format!("地区{k}有{k}家")).collect();
        let got = charts(&format!("{}。", items.join("、")));
        assert!(got.iter().all(|c| c.points.len() <= MAX_SERIES_POINTS));
        assert!(got.iter().filter(|c| c.kind != ChartKind::Kpi).count() >= 2);
    }
}
