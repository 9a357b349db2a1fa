//! Stage 2, `extract`: the figures a data editor would chart, read from a post's paragraphs.
//!
//! Each paragraph is scanned once, left to right. At a numeral the scanner reads what a figure
//! is made of (qualifier, number, scale, unit, range) and decides whether it is a fact or
//! something that only looks like one (a date, a time, an ordinal, an id). A fact then gets the
//! phrase it measures as its label.

mod english;
mod english_prose;
mod frame;
mod label;
pub(crate) mod list_line;
mod normalize;
pub use normalize::Script;
mod numerals;
mod traditional;
mod units;
pub use frame::{leading_period_of, MEASURES};
pub use label::is_sentence_end;

use serde::{Serialize, Serializer};

use crate::post::Post;
use numerals::{arabic_digit, is_chinese_numeral_char, read_arabic, NumeralKind};

/// One figure stated in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// The number as written, before `scale`.
    pub value: Value,
    /// What the written number is multiplied by: 万 = 1e4, 亿 = 1e8, million = 1e6, else 1.
    pub scale: f64,
    /// The unit without its scale word (`元` for `万元`); `None` for a bare scaled count.
    pub unit: Option<String>,
    /// The phrase the figure measures (`高级工`, `培训补贴资金`).
    pub label: String,
    /// A hedge or bound kept beside the value: 约, 近, 超过, 最高, 以上, …
    pub qualifier: Option<String>,
    /// -1 when the text states a decrease (`下降15%`), the value itself staying positive.
    pub sign: i8,
    /// The exact source text of the figure.
    pub text: String,
    /// Who or what the figure is about (`铁路`, `宁德时代`), when the label names it apart
    /// from the measure.
    pub subject: Option<String>,
    /// What is measured (`累计完成货运量`, `营业收入`, `占比`).
    pub measure: Option<String>,
    /// When (`2021年`, `1-7月`, `一季度`), from the label or the paragraph's opening.
    pub period: Option<String>,
    /// What a change is compared with (`同比`, `环比`, `较上年`; `变动` when a move names
    /// no base); `None` for a level.
    pub change: Option<String>,
    /// Where the figure stands, for grouping (not part of the public JSON).
    #[serde(skip)]
    pub place: Place,
}

/// A figure's position in the post.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub paragraph: usize,
    pub sentence: usize,
    /// Sentences split at ；too; a statement ends only at 。！？ (`粗钢产量X，同比下降a；生铁
    /// 产量Y，同比下降b。` is one statement of two parallel sentences).
    pub statement: usize,
    /// Joined to the figure before it by a list mark (、 和 及 与) within one clause chain.
    pub listed_with_previous: bool,
    /// Character offsets of the figure in its paragraph.
    pub start: usize,
    pub end: usize,
}

/// A single value or a range `[lo, hi]`; an open end (`大于50`: `[50, null]`) is `None`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    One(f64),
    Range(Option<f64>, Option<f64>),
}

impl Value {
    /// The value to draw: a range is drawn at its upper bound (its lower one when open above).
    pub fn headline(self) -> f64 {
        match self {
            Value::One(v) => v,
            Value::Range(lo, hi) => hi.or(lo).unwrap_or(f64::NAN),
        }
    }

    fn negate(self) -> Value {
        match self {
            Value::One(v) => Value::One(-v),
            Value::Range(lo, hi) => Value::Range(hi.map(|v| -v), lo.map(|v| -v)),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Value::One(v) => s.serialize_f64(v),
            Value::Range(lo, hi) => [lo, hi].serialize(s),
        }
    }
}

/// What to report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Report every number, also bare ones without unit or scale (`两百`, `1.5`): a number
    /// recognizer's view, used by `postchart extract --plain`. Off, only figures a chart can
    /// use are reported.
    pub every_number: bool,
}

/// What a fact measures, by its unit: how a recognizer's models (number, percent, currency,
/// dimension…) divide figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Percent,
    Currency,
    Temperature,
    Dimension,
    Age,
    /// Counted things (人, 家, 个…) and bare numbers.
    Count,
}

impl Fact {
    /// The kind of quantity, from the unit.
    pub fn category(&self) -> Category {
        let unit = self.unit.as_deref().unwrap_or("");
        let base = unit.split('/').next().unwrap_or(unit);
        match base {
            "%" | "‰" => Category::Percent,
            "元" | "美元" | "港元" | "欧元" | "日元" | "英镑" | "韩元" | "卢布" | "$" | "美分"
            | "便士" | "法郎" | "卢比" | "荷兰盾" | "澳元" | "加元" | "新台币" | "奈拉"
            | "比特币" | "科朗" | "拉里" | "基普" | "聪" | "里拉" | "比塞塔" | "马克" | "£"
            | "€" | "¥" | "HK$" | "A$" | "C$" | "cents" | "pence" | "francs" | "rupees"
            | "guilders" | "lira" | "marks" | "pesetas" | "satoshis" | "BTC" => Category::Currency,
            "℃" | "℉" | "°" => Category::Temperature,
            "岁" | "日龄" | "周龄" | "月龄" => Category::Age,
            "吨" | "载重吨" | "公斤" | "克" | "斤" | "米" | "公里" | "厘米" | "毫米" | "英里"
            | "英尺" | "英寸" | "平方米" | "平方公里" | "立方米" | "升" | "亩" | "公顷"
            | "千瓦" | "千瓦时" | "兆瓦" | "吉瓦" | "GWh" | "MWh" | "GW" | "MW" | "桶" | "盎司"
            | "tons" | "赫兹" | "微克" | "毫克" | "miles" | "feet" | "inches" | "kilometers"
            | "meters" => Category::Dimension,
            _ => Category::Count,
        }
    }

    /// The value times its scale (the magnitude compared across facts).
    pub fn magnitude(&self) -> f64 {
        self.value.headline() * self.scale
    }
}

/// Extracts the facts of every paragraph of a post, in reading order.
/// Extracts the facts of every paragraph of a post, in reading order.
pub fn extract(post: &Post) -> Vec<Fact> {
    let mut facts = Vec::new();
    // English rules only for an English post: a Chinese post's English line (a code, a quote,
    // a table row) is read the Chinese way.
    let english = !crate::format::is_chinese(&post.lang());
    for (index, paragraph) in post.paragraphs.iter().enumerate() {
        facts.extend(extract_paragraph(
            &paragraph.text,
            index,
            ExtractOptions::default(),
            english,
        ));
    }
    label::borrow_subjects(&mut facts);
    if english {
        name_list_lines(post, &mut facts);
    }
    frame::fill(&mut facts, &|p| {
        post.paragraphs
            .get(p)
            .and_then(|paragraph| opening_period(&paragraph.text))
    });
    facts
}

/// A list line's figures are named by its head (`Bronx: Obama 88% 300,327`); a figure that
/// opens the paragraph under a short heading (`PARKS AND TRAILS` / `$120 million:`), naming
/// nothing itself, is the heading's.
fn name_list_lines(post: &Post, facts: &mut [Fact]) {
    let mut k = 0;
    while k < facts.len() {
        let paragraph = facts[k].place.paragraph;
        let end = (k..facts.len())
            .find(|&n| facts[n].place.paragraph != paragraph)
            .unwrap_or(facts.len());
        let own: Vec<usize> = (k..end).collect();
        let text: Vec<char> = post.paragraphs[paragraph].text.chars().collect();
        let opens = text[..facts[k].place.start.min(text.len())]
            .iter()
            .all(|c| c.is_whitespace());
        let heading = paragraph
            .checked_sub(1)
            .filter(|&p| k == 0 || facts[k - 1].place.paragraph < p)
            .and_then(|p| heading_of(&post.paragraphs[p].text));
        if let (true, true, Some(heading)) = (opens, facts[k].label.is_empty(), heading) {
            facts[k].label = heading;
        }
        if let Some(line) = list_line::read_line(paragraph, &text, facts, &own) {
            for (&n, label) in line.figures.iter().zip(list_line::figure_labels(&line)) {
                facts[n].label = label;
            }
        }
        k = end;
    }
}

/// A paragraph that reads as a heading over what follows: a few words, no figure, no
/// sentence end; set in capitals, it is given in sentence case (`PARKS AND TRAILS` -> `Parks
/// and trails`).
pub(crate) fn heading_of(text: &str) -> Option<String> {
    let text = text.trim();
    let words = text.split_whitespace().count();
    let plain = (1..=8).contains(&words)
        && text.chars().count() <= 60
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(|c| c.is_ascii_digit())
        && !text.ends_with(['.', ':', '!', '?', ',', ';']);
    if !plain {
        return None;
    }
    if words == 1 || text.chars().any(|c| c.is_ascii_lowercase()) {
        return Some(text.to_string());
    }
    Some(crate::format::capitalised(&text.to_ascii_lowercase()))
}

/// The period a paragraph opens with (`7月，…`, `2021年，…`, `截至7月末，…`): figures after it
/// that name none of their own are of it.
fn opening_period(paragraph: &str) -> Option<String> {
    let head = paragraph.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let head = head.strip_prefix("截至").unwrap_or(head);
    // (Only the opening is read: `leading_period_of` stops at the first word that is not one.)
    let end = head
        .char_indices()
        .take(13)
        .find(|(_, c)| matches!(c, '，' | ',' | '。'))
        .map_or_else(
            || head.char_indices().nth(13).map_or(head.len(), |(i, _)| i),
            |(i, _)| i,
        );
    frame::leading_period_of(&head[..end])
}

/// Extracts the facts of one paragraph of plain text.
pub fn extract_text(text: &str) -> Vec<Fact> {
    extract_text_with(text, ExtractOptions::default())
}

/// Extracts from one paragraph of plain text with the given options.
pub fn extract_text_with(text: &str, options: ExtractOptions) -> Vec<Fact> {
    let mut facts = extract_paragraph(text, 0, options, true);
    label::borrow_subjects(&mut facts);
    frame::fill(&mut facts, &|_| opening_period(text));
    facts
}

/// A figure as read, before its label is found.
struct Mention {
    value: Value,
    scale: f64,
    unit: Option<String>,
    qualifier: Option<&'static str>,
    start: usize,
    end: usize,
    /// Where the unit ends: label context after the figure starts here.
    unit_end: usize,
}

enum Scan {
    Fact(Mention),
    /// Not a fact (date, id, ordinal, bare number): resume after it.
    Skip(usize),
}

/// Comparators that make an open range (`大于50` = `[50, null]`); longest first. News hedges
/// (超过, 以上, 多) are qualifiers instead: the value stays as stated.
const LOWER_BOUNDS: &[&str] = &[
    "大于或者等于",
    "大于或等于",
    "大于等于",
    "不小于",
    "不低于",
    "不少于",
    "大于",
    "多于",
    "≥",
    ">=",
];
const UPPER_BOUNDS: &[&str] = &[
    "小于或者等于",
    "小于或等于",
    "小于等于",
    "不大于",
    "不高于",
    "不多于",
    "小于",
    "少于",
    "≤",
    "<=",
];

fn extract_paragraph(
    text: &str,
    paragraph: usize,
    options: ExtractOptions,
    english_post: bool,
) -> Vec<Fact> {
    // At most one char per byte: reserved once instead of grown from `chars()`'s low guess.
    let mut original: Vec<char> = Vec::with_capacity(text.len());
    original.extend(text.chars());
    let mut chars = normalize::normalize(&original);
    // English prose: its own sentence ends, counted nouns, hedges and falls.
    let english = english_post && english_prose::is_english(&chars);
    if english {
        english_prose::mark_sentence_ends(&mut chars);
    }
    let chars = chars;
    let mut facts: Vec<Fact> = Vec::new();
    // Per fact: where to find its label later, for bare numbers (see below).
    let mut deferred: Vec<Option<(usize, usize, usize)>> = Vec::new();
    let mut sentence = 0usize;
    let mut statement = 0usize;
    let mut clause_start = 0usize;
    // Where the sentence began, and the period it opens with (`…；1-10月，粗钢…`), read once a
    // sentence when it has a figure.
    let mut sentence_start = 0usize;
    let mut sentence_period: Option<(usize, Option<String>)> = None;
    let mut previous_end: Option<usize> = None;
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i];
        // Most characters of a Chinese post end nothing and start nothing.
        if !c.is_ascii() && !SCAN_STOPS.might_contain(c) {
            i += 1;
            continue;
        }
        if label::is_sentence_end(c) {
            sentence += 1;
            statement += usize::from(ends_statement(c));
            sentence_start = i + 1;
        }
        if label::is_clause_break(c) {
            clause_start = i + 1;
        }
        // A URL's digits are ids: skip it whole.
        if (c == 'h'
            && (starts_with_at(&chars, i, "http://") || starts_with_at(&chars, i, "https://")))
            || (c == 'w' && starts_with_at(&chars, i, "www."))
        {
            while i < chars.len() && chars[i].is_ascii() && !chars[i].is_ascii_whitespace() {
                i += 1;
            }
            continue;
        }
        let scan = if starts_figure(&chars, i) {
            Some(scan_figure(&chars, i, options, english))
        } else {
            None
        };
        match scan {
            Some(Scan::Fact(m)) => {
                let context_start = clause_start.max(previous_end.unwrap_or(0)).min(m.start);
                let listed = previous_end
                    .is_some_and(|p| p <= m.start && label::is_list_join(&chars[p..m.start]));
                // Only the end of the clause can say a decrease: its last 24 characters.
                let clause = clause_start.min(m.start).max(m.start.saturating_sub(24));
                // (The words before the figure are read once for the move: its sign and
                // whether it is a change.)
                let moved = english
                    .then(|| english_prose::move_before(&chars[clause..m.start]))
                    .flatten();
                let fell = english
                    && (moved == Some(-1) || english_prose::decrease_after(&chars, m.unit_end));
                let mut sign = if fell || label::states_decrease(&chars[clause..m.start]) {
                    -1
                } else {
                    1
                };
                // `-0.4 pp`, `-12.5%`, `-79.5` in a change column: a written minus on a change
                // (or a bare figure) is a fall of so much, as the labels and charts read it.
                let change_unit = matches!(
                    m.unit.as_deref(),
                    None | Some("%" | "‰" | "个百分点" | "个基点" | "percentage points")
                );
                let mut m = m;
                if let Value::One(v) = m.value {
                    if v < 0.0 && change_unit && !options.every_number {
                        m.value = Value::One(-v);
                        sign = -1;
                    }
                }
                // A bare number is dropped at the end unless a listed figure lends it a unit:
                // its label is found only then.
                let bare = !options.every_number
                    && m.unit.is_none()
                    && m.scale == 1.0
                    && !(english && grouped_or_decimal(&chars[m.start..m.end]));
                deferred.push(bare.then_some((context_start, m.start, m.unit_end)));
                let label = if bare {
                    String::new()
                } else {
                    label_of(
                        english,
                        &chars,
                        context_start,
                        m.start,
                        m.unit_end,
                        m.unit.as_deref(),
                    )
                };
                let opening = match &sentence_period {
                    Some((s, period)) if *s == sentence => period.clone(),
                    _ => {
                        let head = &chars[sentence_start.min(m.start)..m.start];
                        let head = &head[..head.len().min(16)];
                        // (Built only where a period can open: most sentences open on a word.)
                        let may_open = head
                            .iter()
                            .find(|c| !c.is_whitespace() && **c != '\u{3000}')
                            .is_some_and(|&c| {
                                c.is_ascii_digit()
                                    || "一二三四五六七八九十前上下全年月Q周星截".contains(c)
                            });
                        let period = if may_open {
                            opening_period(&text_of(head))
                        } else {
                            None
                        };
                        sentence_period = Some((sentence, period.clone()));
                        period
                    }
                };
                facts.push(Fact {
                    value: m.value,
                    scale: m.scale,
                    unit: m.unit,
                    label,
                    qualifier: m.qualifier.map(str::to_string),
                    sign,
                    text: text_of(&original[m.start..m.end]),
                    subject: None,
                    measure: None,
                    // (English says when after the figure: `10.4% in January`.)
                    period: english
                        .then(|| english_prose::period_after(&chars, m.unit_end))
                        .flatten()
                        .or(opening),
                    // (English states a move in the verb the label leaves out: `Employment up
                    // 54,000` is a change; the frame keeps it when it reads no base.)
                    change: moved.map(|_| "change".to_string()),
                    place: Place {
                        paragraph,
                        sentence,
                        statement,
                        listed_with_previous: listed,
                        start: m.start,
                        end: m.end,
                    },
                });
                // Marks inside the figure still end sentences and clauses.
                for &inside in &chars[i + 1..m.end.max(i + 1)] {
                    if label::is_sentence_end(inside) {
                        sentence += 1;
                        statement += usize::from(ends_statement(inside));
                    }
                }
                previous_end = Some(m.end);
                i = m.end.max(i + 1);
            }
            Some(Scan::Skip(end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    share_list_units(&mut facts, |k| {
        deferred[k].map_or_else(String::new, |(context_start, start, unit_end)| {
            label_of(english, &chars, context_start, start, unit_end, None)
        })
    });
    if english {
        facts = english_ranges(facts, &chars);
        english_prose::objects_of_a_list(&mut facts, &chars);
    }
    label::refine(&mut facts, &chars, english);
    carry_direction(&mut facts);
    let mut facts = one_figure_for_each_listed_subject(facts, &chars);
    if english {
        for fact in &mut facts {
            if let Some(unit) = fact.unit.as_deref().and_then(english_prose::english_unit) {
                fact.unit = Some(unit.to_string());
            }
        }
    }
    if !options.every_number {
        facts.retain(|f| {
            f.unit.is_some()
                || f.scale != 1.0
                || (english
                    && (word_share(&chars, f)
                        || chars
                            .get(f.place.start..f.place.end)
                            .is_some_and(grouped_or_decimal)))
        });
        drop_unmeasured_spans(&mut facts, &chars);
        for fact in facts.iter_mut().filter(|f| f.unit.is_none()) {
            fact.unit = implied_unit(&chars, fact).map(str::to_string);
        }
    }
    facts
}

/// `between 38 percent and 38.5 percent`, `paid $200 to $300`: two figures of one unit that
/// bound one value are a range. `from $5.75 to $6.25` and `rose 12% to 15%` are a before and
/// an after, two figures.
fn english_ranges(facts: Vec<Fact>, chars: &[char]) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    for fact in facts {
        if let Some(last) = out.last_mut() {
            // (Only a short gap can join a range: most figures are far apart.)
            let gap = fact.place.start.saturating_sub(last.place.end);
            if !(4..=5).contains(&gap) {
                out.push(fact);
                continue;
            }
            let between: String = chars
                .get(last.place.end..fact.place.start)
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            let before: String = chars[last.place.start.saturating_sub(24)..last.place.start]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            let words: Vec<&str> = before.split_whitespace().collect();
            let lead = words.last().copied().unwrap_or("");
            let bounded = (between == " and " && lead == "between")
                || (between == " to "
                    && !words.iter().any(|w| {
                        matches!(
                            *w,
                            "from"
                                | "rose"
                                | "fell"
                                | "increased"
                                | "decreased"
                                | "grew"
                                | "jumped"
                                | "dropped"
                                | "declined"
                                | "up"
                                | "down"
                                | "rise"
                                | "fall"
                                | "climbed"
                                | "slipped"
                        )
                    }));
            let same = last.unit == fact.unit && last.scale == fact.scale && last.sign == fact.sign;
            if let (true, true, Value::One(lo), Value::One(hi)) =
                (bounded, same, last.value, fact.value)
            {
                if lo <= hi && last.place.sentence == fact.place.sentence {
                    last.value = Value::Range(Some(lo), Some(hi));
                    last.place.end = fact.place.end;
                    continue;
                }
            }
        }
        out.push(fact);
    }
    out
}

/// A figure's label, read the way its paragraph's language writes one.
fn label_of(
    english: bool,
    chars: &[char],
    context_start: usize,
    start: usize,
    unit_end: usize,
    unit: Option<&str>,
) -> String {
    if english {
        english_prose::label(chars, context_start, start, unit_end, unit)
    } else {
        label::find(chars, context_start, start, unit_end, unit)
    }
}

/// `38,560`, `21,135.5`, `+53.6`: a number written with a thousands mark or decimals.
/// A share written in words (`a third`, `three-quarters`): kept with no unit, as written.
fn word_share(chars: &[char], fact: &Fact) -> bool {
    fact.unit.is_none()
        && fact.scale == 1.0
        && matches!(fact.value, Value::One(v) if v > 0.0 && v < 1.0)
        && chars
            .get(fact.place.start..fact.place.end)
            .is_some_and(|text| !text.iter().any(char::is_ascii_digit))
}

fn grouped_or_decimal(text: &[char]) -> bool {
    text.windows(2)
        .any(|w| matches!(w[0], ',' | '.') && w[1].is_ascii_digit())
}

/// The unit a bare `万`/`亿` count leaves to its noun: `劳动人口为386.1万` counts people,
/// `250万在校硕士生` too, `罚没超30亿` is money. `None` when the words do not say.
fn implied_unit(chars: &[char], fact: &Fact) -> Option<&'static str> {
    if fact.scale == 1.0 || !matches!(fact.value, Value::One(_)) {
        return None;
    }
    let after: String = chars
        .get(fact.place.end..)
        .unwrap_or_default()
        .iter()
        .take(8)
        .take_while(|c| !label::is_clause_break(**c))
        .collect();
    let label = fact.label.as_str();
    let named = |words: &[&str]| {
        words
            .iter()
            .any(|w| label.ends_with(w) || label.ends_with(&format!("{w}为")) || after.contains(w))
    };
    const VISITS: &[&str] = &["人次"];
    const PEOPLE: &[&str] = &[
        "人口",
        "人数",
        "工人",
        "员工",
        "职工",
        "学生",
        "硕士生",
        "博士生",
        "硕士",
        "博士",
        "毕业生",
        "居民",
        "移民",
        "旅客",
        "游客",
        "患者",
        "劳动力",
        "就业",
        "失业",
        "民众",
        "群体",
        "人",
    ];
    const HOUSEHOLDS: &[&str] = &["住户", "户"];
    const MONEY: &[&str] = &[
        "资金",
        "金额",
        "罚没",
        "罚款",
        "营收",
        "收入",
        "利润",
        "投资",
        "融资",
        "贷款",
        "存款",
        "国债",
        "预算",
        "认购",
        "成交额",
        "市值",
        "补贴",
        "销售额",
        "资产",
        "负债",
        "支出",
        "财政",
        "产值",
        "总值",
        "经费",
        "奖金",
        "工资",
        "价款",
        "费用",
        "收益",
        "罚单",
        "增发",
    ];
    if named(VISITS) {
        Some("人次")
    } else if named(PEOPLE) {
        Some("人")
    } else if named(HOUSEHOLDS) {
        Some("户")
    } else if MONEY.iter().any(|w| label.contains(w) || after.contains(w)) {
        Some("元")
    } else {
        None
    }
}

/// `橡胶、丁二烯橡胶、LPG涨超1%`, `出口、进口均增长5%`: one figure stated for every subject of
/// the list before it, a fact each. Not for a group (`化工、汽车等行业`), a respectively list
/// (`分别`), nor items that hold figures or verbs of their own.
fn one_figure_for_each_listed_subject(facts: Vec<Fact>, chars: &[char]) -> Vec<Fact> {
    let mut out = Vec::with_capacity(facts.len());
    let mut previous_end = 0;
    for fact in facts {
        let start = fact.place.start;
        // (Only the 60 characters before the figure are read: linear in the paragraph.)
        let window = start.saturating_sub(60);
        let from = chars[window..start]
            .iter()
            .rposition(|c| label::is_clause_break(*c) && *c != '、')
            .map_or(window, |p| window + p + 1)
            .max(previous_end)
            .min(start);
        previous_end = fact.place.end;
        // (Most figures have no 、 before them: the text is built only for those that do.)
        if !chars[from..start].contains(&'、') {
            out.push(fact);
            continue;
        }
        let head = text_of(&chars[from..start]);
        let listed = !head.contains("分别") && !head.contains('等');
        let items: Vec<&str> = if listed {
            head.split('、').collect()
        } else {
            Vec::new()
        };
        let names = items.split_last().map_or(&[][..], |(_, names)| names);
        let plain = |name: &&str| {
            let n = name.chars().count();
            // (`20号胶` is a name; `1-7月` is a period.)
            (1..=12).contains(&n)
                && !name.chars().all(|c| c.is_ascii_digit())
                && leading_period_of(name).is_none()
                && !name.chars().any(|c| "%涨跌增降为是的了在".contains(c))
        };
        let own = label::without_move(&fact.label);
        let moved = fact.label[own.len()..]
            .trim_start_matches(['也', '均', '都', '已', '再'])
            .to_string();
        // `出口、进口均增长5%`: 均 (each) belongs to the list, not to the last name.
        let own = own.trim_end_matches('均').to_string();
        // The last name must be as plain as the others: `先进材料和生物医药四大产业创新集群`
        // is a group, and `电力、热力、燃气及水生产和供应业` one category (only its last part
        // names the kind, 业).
        let last_own = items.last().map_or("", |item| item.trim());
        let last_name = last_own.strip_suffix(moved.as_str()).unwrap_or(&own);
        let one_category = ['业', '类']
            .iter()
            .any(|c| last_name.ends_with(*c) && !names.iter().any(|n| n.ends_with(*c)));
        if names.is_empty()
            || !names.iter().all(plain)
            || !plain(&last_name)
            || one_category
            || moved.is_empty()
        {
            out.push(fact);
            continue;
        }
        for (n, name) in names.iter().enumerate() {
            let mut copy = fact.clone();
            copy.label = format!("{}{moved}", name.trim());
            copy.place.listed_with_previous = n > 0 || fact.place.listed_with_previous;
            out.push(copy);
        }
        let mut last = fact;
        last.label = format!("{own}{moved}");
        last.place.listed_with_previous = true;
        out.push(last);
    }
    out
}

/// The number at `start` is an index's reading or move: `指数报98.39`, `指数收于3050`, and
/// `指数报98.39，环比跌0.14` (a move of the index just read, within its sentence).
fn index_reading(chars: &[char], start: usize) -> bool {
    let from = start.saturating_sub(24);
    // (Asked of every bare number: most have no 指数 before them.)
    if !chars[from..start].contains(&'数') {
        return false;
    }
    let before = text_of(&chars[from..start]);
    let before = before.trim_end();
    if before.contains(['。', '；', ';'])
        && !before
            .rsplit(['。', '；', ';'])
            .next()
            .is_some_and(|s| s.contains("指数"))
    {
        return false;
    }
    const READS: &[&str] = &[
        "指数报",
        "指数为",
        "指数收于",
        "指数收报",
        "指数收",
        "指数达",
    ];
    const MOVES: &[&str] = &["涨", "跌", "上涨", "下跌", "上升", "下降", "升", "降"];
    let sentence = before.rsplit(['。', '；', ';']).next().unwrap_or(before);
    READS.iter().any(|w| sentence.ends_with(w))
        || (sentence.contains("指数")
            && MOVES.iter().any(|w| sentence.ends_with(w))
            && sentence.contains(['，', ',']))
}

fn ends_statement(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// A stretch of time (三年, 13天, 5个月) is a figure only where the text measures it: a term
/// (`平均发行期限11.6年`), a streak (`连续18个月`), a length (`历时40天`, `超过9个月`). Elsewhere
/// it says when something happened (`近五年`, `四个月后`, `这十年`), and a chart of it would
/// be a chart of the story's timeline.
fn drop_unmeasured_spans(facts: &mut Vec<Fact>, chars: &[char]) {
    const MEASURING: &[&str] = &[
        "连续",
        "持续",
        "长达",
        "历时",
        "为期",
        "经过",
        "用时",
        "耗时",
        "时长",
        "期限",
        "年限",
        "工期",
        "周期",
        "寿命",
        "年龄",
        "平均",
        "提前",
        "缩短",
        "延长",
        "提升",
        "超过",
        "达到",
        "最长",
        "最短",
        "累计",
        "仅用",
        "只用",
        "工龄",
        "刑期",
        "超",
        "天数",
        "周转",
        "回收期",
        "账期",
        "减少",
        "增加",
        "时间",
    ];
    // After the span, a word that makes it a point or stretch in time.
    const WHEN_AFTER: &[char] = &[
        '前', '后', '来', '内', '间', '里', '中', '代', '度', '底', '初', '末',
    ];
    // Before the span, a word that makes it the story's window (`近五年`, `过去十年`).
    const WINDOW_BEFORE: &[&str] = &["近", "过去", "未来", "最近", "这", "那", "头", "前"];
    let mut kept_span: Option<(usize, String)> = None;
    let mut keep = Vec::with_capacity(facts.len());
    for fact in facts.iter() {
        let span = matches!(
            fact.unit.as_deref(),
            Some("年" | "天" | "周" | "个月" | "小时" | "分钟" | "岁")
        ) && fact.scale == 1.0;
        if !span {
            keep.push(true);
            continue;
        }
        let (start, end) = (fact.place.start, fact.place.end);
        let window = start.saturating_sub(10);
        let from = chars[window..start]
            .iter()
            .rposition(|c| label::is_sentence_end(*c) || *c == '，' || *c == ',')
            .map_or(window, |p| window + p + 1);
        let before = text_of(&chars[from..start]);
        let figure = text_of(&chars[start..end]);
        let after = chars.get(end).copied();
        let windowed = WINDOW_BEFORE
            .iter()
            .any(|w| before.ends_with(w) || figure.starts_with(w));
        let when = after.is_some_and(|c| WHEN_AFTER.contains(&c));
        let measured = MEASURING.iter().any(|w| before.contains(w))
            || ["期限", "年限", "时长", "年龄", "天数", "回收期", "周转"]
                .iter()
                .any(|w| fact.label.contains(w))
            // `平均发行期限10.6年，其中一般债券7.8年`: the parts of a measured span.
            || kept_span.as_ref().is_some_and(|(sentence, unit)| {
                *sentence == fact.place.sentence && fact.unit.as_deref() == Some(unit)
            });
        let kept = measured && !windowed && !when;
        if kept {
            kept_span = Some((fact.place.sentence, fact.unit.clone().unwrap_or_default()));
        }
        keep.push(kept);
    }
    let mut k = 0;
    facts.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// A fall stated once covers the list it opens (`分别下降26%和50%`: both fell), and a change
/// whose label ends in a falling verb (`面积同比下降` 50%) is a fall: the direction lives in
/// the verb, wherever the list put it.
fn carry_direction(facts: &mut [Fact]) {
    for k in 0..facts.len() {
        // (`added 12,000, 9,500 and 7,100 jobs`: one verb moves every figure of its list.)
        if k > 0 && facts[k].place.listed_with_previous && facts[k].change.is_none() {
            facts[k].change = facts[k - 1].change.clone();
        }
        if facts[k].sign < 0 {
            continue;
        }
        let inherited = k > 0 && facts[k].place.listed_with_previous && facts[k - 1].sign < 0;
        let change = matches!(
            facts[k].unit.as_deref(),
            Some("%" | "个百分点" | "个基点" | "bp" | "‰")
        );
        // (The label's characters are read only for a change: this runs for every figure.)
        let falls = || {
            let label: Vec<char> = facts[k].label.chars().collect();
            label::states_decrease(&label)
        };
        if inherited || (change && falls()) {
            facts[k].sign = -1;
        }
    }
}

/// `约7100、3150、3000亿元`: bare numbers listed before a figure take its scale and unit.
/// `deferred_label(k)` finds the label of fact `k` when it was left for later.
fn share_list_units(facts: &mut [Fact], deferred_label: impl Fn(usize) -> String) {
    for k in (0..facts.len().saturating_sub(1)).rev() {
        let (head, tail) = facts.split_at_mut(k + 1);
        let (bare, next) = (&mut head[k], &tail[0]);
        let is_bare =
            bare.unit.is_none() && bare.scale == 1.0 && matches!(bare.value, Value::One(_));
        if is_bare && next.place.listed_with_previous && (next.unit.is_some() || next.scale != 1.0)
        {
            bare.unit = next.unit.clone();
            bare.scale = next.scale;
            if bare.label.is_empty() {
                bare.label = deferred_label(k);
            }
            if bare.label.is_empty() {
                bare.label = next.label.clone();
            }
        }
    }
}

/// The text of a run of characters, allocated once at its exact size (collecting `&char`s
/// grows a `String` step by step, which was a tenth of the extraction time).
pub(crate) fn text_of(chars: &[char]) -> String {
    let mut text = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    text.extend(chars);
    text
}

/// Every non-ASCII character at which the scan of a paragraph has something to do: marks that
/// end sentences and clauses, Chinese numerals and the other characters that can start a figure
/// (a test checks every character against [`starts_figure`] and the marks).
const SCAN_STOPS: normalize::CharFilter = numerals::NUMERALS.union(normalize::CharFilter::of(&[
    '。', '！', '？', '；', '…', '，', '、', '：', '【', '】', '《', '》', '负', '大', '不', '多',
    '≥', '小', '少', '≤', '½', '⅓', '⅔', '¼', '¾', '⅕', '⅖', '⅗', '⅘', '⅙', '⅚', '⅛', '⅜', '⅝',
    '⅞', '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '．',
]));

/// A figure can start at `i`: a digit, a Chinese numeral, a sign, a percent or comparator prefix.
fn starts_figure(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let after_numeral = prev.is_some_and(|p| {
        arabic_digit(p).is_some() || is_chinese_numeral_char(p) || p == '点' || p == '.'
    });
    if arabic_digit(c).is_some() {
        return !prev.is_some_and(|p| arabic_digit(p).is_some() || p == '.');
    }
    if c == '.' {
        return !after_numeral && chars.get(i + 1).and_then(|n| arabic_digit(*n)).is_some();
    }
    if after_numeral {
        return false;
    }
    if is_chinese_numeral_char(c) {
        return true;
    }
    if c.is_ascii_alphabetic() {
        if prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
            return false;
        }
        let signed = ["minus ", "negative "].iter().any(|w| {
            let n = w.len();
            chars.len() > i + n
                && chars[i..i + n]
                    .iter()
                    .zip(w.chars())
                    .all(|(c, w)| c.eq_ignore_ascii_case(&w))
                && arabic_digit(chars[i + n]).is_some()
        });
        return signed || english::read_english(chars, i).is_some();
    }
    if vulgar_fraction(c).is_some() {
        return true;
    }
    matches!(c, '负' | '-' | '+' | '百' | '千') || starts_a_bound(c)
}

/// The first characters of [`LOWER_BOUNDS`] and [`UPPER_BOUNDS`]: asked at nearly every
/// character of a post, so a `match`, not a scan of both lists (a test keeps them in step).
fn starts_a_bound(c: char) -> bool {
    matches!(c, '大' | '不' | '多' | '≥' | '>' | '小' | '少' | '≤' | '<')
}

/// ½, ¾, ⅔…: fractions written as one character.
fn vulgar_fraction(c: char) -> Option<f64> {
    // Asked of nearly every character: the two small blocks they live in first.
    if !matches!(c as u32, 0xbc..=0xbe | 0x2150..=0x215e) {
        return None;
    }
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Characters that glue a number into an id, a URL, a file name, a time or a version.
fn is_token_glue(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '/' | '=' | '#' | '@' | '.' | ':' | '-' | '&' | '?')
}

fn skip_token(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_token_glue(chars[i]) {
        i += 1;
    }
    i
}

fn starts_with_at(chars: &[char], i: usize, word: &str) -> bool {
    (i..)
        .zip(word.chars())
        .all(|(k, w)| chars.get(k) == Some(&w))
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i) == Some(&' ') {
        i += 1;
    }
    i
}

/// Reads the figure that starts at `i`.
fn scan_figure(chars: &[char], i: usize, options: ExtractOptions, english: bool) -> Scan {
    // An open range: 大于50, ≤100.
    let bounds: &[(&[&str], bool)] = if starts_a_bound(chars[i]) {
        &[(LOWER_BOUNDS, true), (UPPER_BOUNDS, false)]
    } else {
        &[]
    };
    for &(words, lower) in bounds {
        if let Some(word) = words.iter().find(|w| starts_with_at(chars, i, w)) {
            let at = skip_spaces(chars, i + word.chars().count());
            let Some(r) = read_signed(chars, at) else {
                return Scan::Skip(i + 1);
            };
            if r.is_date || r.glued {
                return Scan::Skip(r.end);
            }
            let mut value = if lower {
                Value::Range(Some(r.value), None)
            } else {
                Value::Range(None, Some(r.value))
            };
            let mut end = r.end;
            let mut unit = r.unit;
            // 大于10小于20, 大于100 并且小于300: the other bound close behind closes the range.
            let mut j = skip_spaces(chars, end);
            for joiner in ["并且", "并", "且", "而", "的同时", ","] {
                if starts_with_at(chars, j, joiner) {
                    j = skip_spaces(chars, j + joiner.chars().count());
                    break;
                }
            }
            let other = if lower { UPPER_BOUNDS } else { LOWER_BOUNDS };
            if let Some(word) = other.iter().find(|w| starts_with_at(chars, j, w)) {
                let at = skip_spaces(chars, j + word.chars().count());
                if let Some(r2) = read_signed(chars, at).filter(|r2| !r2.is_date && !r2.glued) {
                    let (lo, hi) = if lower {
                        (r.value, r2.value)
                    } else {
                        (r2.value, r.value)
                    };
                    if lo <= hi {
                        value = Value::Range(Some(lo), Some(hi));
                        end = r2.end;
                        unit = unit.or(r2.unit);
                    }
                }
            }
            if unit.is_none() && r.scale == 1.0 && !options.every_number {
                return Scan::Skip(end);
            }
            return Scan::Fact(Mention {
                value,
                scale: r.scale,
                unit,
                qualifier: None,
                start: i,
                end,
                unit_end: end,
            });
        }
    }
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let arabic = arabic_digit(chars[i]).is_some();
    // Glued to letters or URL punctuation on the left: an id, a code, a version, a time;
    // but a currency code (USD115) is a price.
    let priced = units::currency_before(chars, i).is_some();
    if arabic && !priced && prev.is_some_and(|p| is_token_glue(p) && !matches!(p, '-' | '+')) {
        return Scan::Skip(skip_token(chars, i));
    }
    // `R-211`, `F-35`, `COVID-19`: a letter, a hyphen and digits are a code.
    if arabic && prev == Some('-') && i >= 2 && chars[i - 2].is_ascii_alphabetic() {
        return Scan::Skip(skip_token(chars, i));
    }
    if prev == Some('第') {
        return Scan::Skip(read_signed(chars, i).map_or(i + 1, |r| r.end));
    }
    let Some(first) = read_signed(chars, i) else {
        return Scan::Skip(i + 1);
    };
    if first.is_date {
        return Scan::Skip(first.end);
    }
    if first.glued {
        return Scan::Skip(skip_token(chars, i));
    }
    // `6、北汽集团投资16亿元…`: a number opening a paragraph or sentence before 、 numbers the
    // item; it is not the first of a list of figures.
    if first.unit.is_none() && first.scale == 1.0 && chars.get(first.end) == Some(&'、') {
        let opens = chars[..i]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace() && !matches!(c, '*' | '#' | '>' | '_'))
            .map_or(true, |c| {
                label::is_sentence_end(*c) || matches!(c, '】' | '：' | ':')
            });
        if opens {
            return Scan::Skip(first.end);
        }
    }
    let mut m = Mention {
        value: Value::One(first.value),
        scale: first.scale,
        unit: first.unit.clone(),
        qualifier: first.qualifier_after,
        start: i,
        end: first.end,
        unit_end: first.end,
    };
    // Between: `10000与20000间`, `10和15之间`.
    if matches!(chars.get(first.end), Some('与' | '和')) {
        if let Some(second) = read_signed(chars, first.end + 1).filter(|s| !s.is_date && !s.glued) {
            let tail = if starts_with_at(chars, second.end, "之间") {
                2
            } else {
                usize::from(chars.get(second.end) == Some(&'间'))
            };
            if tail > 0 {
                let lo = if first.negative {
                    -first.value
                } else {
                    first.value
                };
                let hi = if second.negative {
                    -second.value
                } else {
                    second.value
                };
                if lo <= hi {
                    return Scan::Fact(Mention {
                        value: Value::Range(Some(lo), Some(hi)),
                        scale: first.scale,
                        unit: first.unit.clone().or(second.unit.clone()),
                        qualifier: None,
                        start: i,
                        end: second.end + tail,
                        unit_end: second.end + tail,
                    });
                }
            }
        }
    }
    // A range: `20-450元`, `5至10万元`, `6800万元–7500万元`, `50%~100%`, `一到五`. After a
    // move, 至 and 到 say where it ended (`上涨2.5万元/吨至885万元/吨`): two figures.
    // (Read only at a 至 or 到: this runs for every figure.)
    let moved_before = || {
        chars[i.saturating_sub(4)..i]
            .iter()
            .rev()
            .find(|c| !matches!(c, '约' | '近' | '超' | '了' | ' '))
            .is_some_and(|c| "涨跌增降长少加高低升落".contains(*c))
    };
    if let Some(&mark) = chars.get(first.end) {
        let to = matches!(mark, '至' | '到');
        if matches!(mark, '-' | '~' | '至' | '到' | '—' | '–') && !(to && moved_before()) {
            let mut b_start = first.end + 1;
            if mark == '—' && chars.get(b_start) == Some(&'—') {
                b_start += 1;
            }
            if let Some(second) = read_number(chars, b_start) {
                if second.is_date {
                    return Scan::Skip(second.end);
                }
                let same_unit = first.unit.is_none() || first.unit == second.unit;
                let same_scale = first.scale == 1.0 || first.scale == second.scale;
                let stated = second.unit.is_some() || second.scale != 1.0 || options.every_number;
                let lo_magnitude = first.value
                    * if first.scale == 1.0 {
                        second.scale
                    } else {
                        first.scale
                    };
                let ordered = lo_magnitude <= second.value * second.scale;
                if !second.glued && same_unit && same_scale && stated && ordered {
                    // The unit and scale written once, after the second number, serve both.
                    let lo = if first.scale == 1.0 {
                        first.value
                    } else {
                        first.value * first.scale / second.scale
                    };
                    m.value = Value::Range(Some(tidy(lo)), Some(second.value));
                    m.scale = second.scale;
                    m.unit = second.unit;
                    m.qualifier = m.qualifier.or(second.qualifier_after);
                    m.end = second.end;
                    m.unit_end = second.end;
                }
            }
        }
    }
    // 零下四摄氏度: below zero.
    let below_zero = i >= 2 && chars[i - 2] == '零' && chars[i - 1] == '下';
    if first.negative || below_zero {
        m.value = m.value.negate();
    }
    // 摄氏37度, 华氏温度100度: the scale named before the number.
    if matches!(m.unit.as_deref(), Some("°")) {
        let before = text_of(&chars[i.saturating_sub(4)..i]);
        if before.contains("华氏") {
            m.unit = Some("℉".into());
        } else if before.contains("摄氏") {
            m.unit = Some("℃".into());
        }
    }
    // A currency sign before the number: $5, ¥30, US$2.
    // `$ 5,000` is written with a space now and then.
    let sign_end = if first.number_start > 0 && chars[first.number_start - 1] == ' ' {
        first.number_start - 1
    } else {
        first.number_start
    };
    let currency = units::currency_before(chars, first.number_start)
        .map(|(unit, len)| (unit, first.number_start - len))
        .or_else(|| {
            units::currency_before(chars, sign_end).map(|(unit, len)| (unit, sign_end - len))
        });
    // `$850m`, `£60m`, and in English `3.7m sq ft`: a lone m after a currency sign, or glued to
    // an English figure's digits, is a million, not metres.
    let lone_m = m.unit.as_deref() == Some("米")
        && m.scale == 1.0
        && chars.get(m.unit_end.wrapping_sub(1)) == Some(&'m')
        && !chars
            .get(m.unit_end)
            .is_some_and(|c| c.is_ascii_alphabetic());
    let glued = chars
        .get(m.unit_end.wrapping_sub(2))
        .is_some_and(|c| c.is_ascii_digit());
    if lone_m && (currency.is_some() || (english && glued)) {
        m.unit = None;
        m.scale = 1e6;
    }
    if let Some((unit, start)) = currency {
        // `¥8699 起` (from ¥8699): the sign says what is counted; a word after it is not a
        // second unit.
        let counted_after = m
            .unit
            .as_deref()
            .is_some_and(|u| !u.contains('/') && units::is_counting_word(u));
        // (`sold $1 billion BTC`: English money named by its sign, then what it bought.)
        let bought_after = english
            && m.unit.is_some()
            && m.unit_end >= 4
            && chars[m.unit_end - 3..m.unit_end]
                .iter()
                .all(char::is_ascii_uppercase)
            && chars[m.unit_end - 4] == ' ';
        if m.unit.is_none() || m.unit.as_deref() == Some(unit) || counted_after || bought_after {
            m.unit = Some(unit.to_string());
            m.start = start.min(m.start);
        }
    }
    // `汇率指数报98.39，环比跌0.14`: an index is read in points.
    if m.unit.is_none() && m.scale == 1.0 && arabic && index_reading(chars, m.start) {
        m.unit = Some("点".to_string());
    }
    // `940 subway cars`, `2.9 murders per 100,000 people`: English names what it counts after
    // the figure.
    // (Not a year before its noun, `2026 budget`, nor `one economist`: a year and an article.)
    let year = matches!(m.value, Value::One(v) if v.fract() == 0.0 && (1800.0..=2100.0).contains(&v))
        && m.scale == 1.0
        && !chars[m.start..m.end].contains(&',');
    let article = matches!(m.value, Value::One(v) if v == 1.0) && !arabic;
    // A fraction in words is a share when it is said of something (`a third of those delays`)
    // or stands alone (`by more than half.`); before a noun it is an ordinal (`a third
    // month`).
    let word_fraction = english
        && chars[m.start..m.end]
            .iter()
            .all(|c| vulgar_fraction(*c).is_none())
        && !arabic
        && m.unit.is_none()
        && m.scale == 1.0
        && matches!(m.value, Value::One(v) if v > 0.0 && v < 1.0);
    if word_fraction && !options.every_number {
        // (`the first half of 2024` is a period.)
        let before: String = chars[m.start.saturating_sub(8)..m.start].iter().collect();
        let part_of_a_year = ["first ", "second ", "latter ", "other ", "back ", "front "]
            .iter()
            .any(|w| before.to_ascii_lowercase().ends_with(w));
        let of = starts_with_at(chars, m.end, " of ") && !part_of_a_year;
        let alone = chars.get(m.end).map_or(true, |&c| {
            label::is_sentence_end(c) || matches!(c, ',' | ';' | ')')
        });
        if !(of || alone) {
            return Scan::Skip(m.end);
        }
    }
    if english && m.unit.is_none() && !year && !article && !word_fraction {
        if let Some((unit, len)) = english_prose::noun_unit(chars, m.end) {
            m.unit = Some(unit);
            m.end += len;
            m.unit_end = m.end;
        }
    }
    if !options.every_number {
        // A bare number stays only as a list item that may share the unit after it
        // (约7100、3150、3000亿元); the rest are not figures.
        // (`1.1、1.6和0.3个百分点`: the last join is 和, 及 or 与 before a digit.)
        let listed = match chars.get(m.end) {
            // (`in March 2009, 10.4% in January`: a year is no list item.)
            _ if english && year => false,
            Some('、') => true,
            Some('和' | '及' | '与') => chars.get(m.end + 1).is_some_and(|c| c.is_ascii_digit()),
            // `12,000, 9,500 and 7,100 jobs`
            Some(',') if english => {
                chars.get(m.end + 1) == Some(&' ')
                    && chars.get(m.end + 2).is_some_and(|c| c.is_ascii_digit())
            }
            Some(' ') if english => [" and ", " or "].iter().any(|join| {
                let n = join.len();
                starts_with_at(chars, m.end, join)
                    && chars.get(m.end + n).is_some_and(|c| c.is_ascii_digit())
            }),
            _ => false,
        };
        // An English figure written with a thousands mark or decimals is a figure even bare
        // (`McCain 38,560`, `+53.6`); years and small counts alone are not.
        let written = english && grouped_or_decimal(&chars[m.start..m.end]);
        if m.unit.is_none() && m.scale == 1.0 && !(listed && arabic) && !written && !word_fraction {
            return Scan::Skip(m.end);
        }
        if let NumeralKind::Chinese {
            single: true,
            first: c,
        } = first.kind
        {
            // A lone 一 is an article far more often than a figure (一家糕点房, 一份答卷).
            if matches!(c, '一' | '壹' | '幺') && m.scale == 1.0 && m.unit.as_deref() != Some("%")
            {
                return Scan::Skip(m.end);
            }
            // Counting says 两 (两套房); a lone 二 before these words is an ordinal or a name
            // (二套房 a second home, 二手 second-hand, 二期 phase two, 二次 secondary).
            let ordinal = matches!(
                m.unit.as_deref(),
                Some("套" | "手" | "期" | "次" | "代" | "号")
            );
            if c == '二' && m.scale == 1.0 && ordinal {
                return Scan::Skip(m.end);
            }
        }
    }
    let hedge = if english {
        english_prose::qualifier_before(chars, m.start)
    } else {
        label::qualifier_before(chars, m.start)
    };
    if let Some((qualifier, len)) = hedge {
        m.qualifier = m.qualifier.or(Some(qualifier));
        m.start -= len;
    }
    if let Some((qualifier, len)) = label::qualifier_after(chars, m.end) {
        m.qualifier = m.qualifier.or(Some(qualifier));
        m.end += len;
    }
    Scan::Fact(m)
}

/// A number with what directly follows it.
struct Reading {
    value: f64,
    scale: f64,
    unit: Option<String>,
    qualifier_after: Option<&'static str>,
    /// Where the digits start (after a sign or a 百分之).
    number_start: usize,
    end: usize,
    kind: NumeralKind,
    negative: bool,
    /// A date or a time: never a fact.
    is_date: bool,
    /// Runs into letters (`5G`, `A380`): a name, not a figure.
    glued: bool,
    /// Written as a fraction (三分之二, 3/5).
    is_fraction: bool,
}

/// `百分之` at `i`, also spaced (`百 分 之`) or in financial form (`佰分之`): its length.
fn spaced_prefix(chars: &[char], i: usize, word: &str) -> Option<usize> {
    let mut k = i;
    for (n, w) in word.chars().enumerate() {
        if n > 0 {
            k = skip_spaces(chars, k);
        }
        let c = *chars.get(k)?;
        let same = c == w || (w == '百' && c == '佰') || (w == '千' && c == '仟');
        if !same {
            return None;
        }
        k += 1;
    }
    Some(k - i)
}

/// A number with an optional sign (`负`, `-`) or percent prefix (`百分之`, `千分之`).
fn read_signed(chars: &[char], i: usize) -> Option<Reading> {
    // 百分之五, 百分之负三点八; 千分之三 and 万分之四 in per cent (0.3%, 0.04%).
    for (prefix, divisor) in [
        ("百分之", 1.0),
        ("千分之", 10.0),
        ("万分之", 100.0),
        ("百万分之", 1e4),
    ] {
        if let Some(len) = spaced_prefix(chars, i, prefix) {
            let at = skip_spaces(chars, i + len);
            let mut r = read_signed(chars, at)?;
            if r.unit.is_some() {
                return None;
            }
            r.value = tidy(r.value * r.scale / divisor);
            r.scale = 1.0;
            r.unit = Some("%".to_string());
            return Some(r);
        }
    }
    // `minus 5`, `negative 1200000`
    let words: &[&str] = match chars.get(i) {
        Some('m' | 'M' | 'n' | 'N') => &["minus ", "negative "],
        _ => &[],
    };
    for word in words {
        let n = word.chars().count();
        let matches = chars.len() >= i + n
            && chars[i..i + n]
                .iter()
                .collect::<String>()
                .eq_ignore_ascii_case(word);
        if matches && chars.get(i + n).and_then(|c| arabic_digit(*c)).is_some() {
            let mut r = read_number(chars, i + n)?;
            r.negative = true;
            return Some(r);
        }
    }
    let (negative, at) = match chars.get(i) {
        Some('负') => (true, skip_spaces(chars, i + 1)),
        Some('-') => (true, skip_spaces(chars, i + 1)),
        Some('+') => (false, i + 1),
        _ => (false, i),
    };
    if at > i {
        // A sign only before a number, and not after one (`3-5` is a range).
        let before = i.checked_sub(1).map(|p| chars[p]);
        if before.is_some_and(|p| {
            p.is_ascii_alphanumeric() || arabic_digit(p).is_some() || is_chinese_numeral_char(p)
        }) {
            return None;
        }
    }
    let mut r = read_number(chars, at)?;
    r.negative = negative;
    Some(r)
}

fn read_number(chars: &[char], i: usize) -> Option<Reading> {
    let unit_len = |j: usize| units::read_unit(chars, j).map_or(0, |(_, len)| len);
    let positional = if let Some(v) = chars.get(i).and_then(|c| vulgar_fraction(*c)) {
        numerals::Positional {
            value: v,
            len: 1,
            kind: NumeralKind::English,
            trailing: None,
        }
    } else if chars.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        let (value, len) = english::read_english(chars, i)?;
        numerals::Positional {
            value,
            len,
            kind: NumeralKind::English,
            trailing: None,
        }
    } else {
        numerals::read_positional(chars, i, &unit_len)?
    };
    if matches!(positional.kind, NumeralKind::Chinese { single: true, .. }) {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let prev = i.checked_sub(1).map_or(' ', |p| chars[p]);
        // A lone financial numeral or a digit inside a common word is that word.
        let alone = |x: char| x == ' ' || label::is_clause_break(x);
        let word = (numerals::is_financial(c)
            && !"元圆角分点".contains(next)
            && prev != '负'
            && prev != '之'
            && !(alone(prev) && alone(next)))
            || match c {
                '一' => {
                    "切看些样起直定般旦致边面同律向再共味概贯举心意齐旁带道瞬时会刻番下"
                        .contains(next)
                        || "统唯万第".contains(prev)
                        || (prev == '之' && !(i >= 2 && chars[i - 2] == '分'))
                }
                '两' => "岸会极性者边".contains(next),
                '四' => "川处周海方肢".contains(next),
                '三' => "亚峡国".contains(next),
                '九' => "州泉".contains(next),
                '十' => "分足全".contains(next),
                '零' => next == '下' || next == '售' || next == '星',
                '万' | '千' | '百' => true,
                _ => false,
            };
        if word {
            return None;
        }
    }
    let mut numeral = numerals::Numeral {
        value: positional.value,
        len: positional.len,
        kind: positional.kind,
    };
    let arabic = matches!(numeral.kind, NumeralKind::Arabic { .. });
    let mut j = i + numeral.len;
    // A fraction: 三分之二, 4分之1, 五 分之 一, 负３分之负一百五十七.
    let fen = skip_spaces(chars, j);
    if chars.get(fen) == Some(&'分') && chars.get(skip_spaces(chars, fen + 1)) == Some(&'之') {
        let at = skip_spaces(chars, skip_spaces(chars, fen + 1) + 1);
        let negative = chars.get(at) == Some(&'负');
        let num_at = if negative {
            skip_spaces(chars, at + 1)
        } else {
            at
        };
        let fraction = numerals::read_positional(chars, num_at, &unit_len);
        if let Some(num) = fraction.filter(|_| numeral.value != 0.0) {
            numeral.value = num.value / numeral.value * if negative { -1.0 } else { 1.0 };
            numeral.kind = NumeralKind::Chinese {
                single: false,
                first: '分',
            };
            j = num_at + num.len;
        }
    }
    // 三百五又三分之一: a whole and a fraction.
    if let Some(&'又') = chars.get(skip_spaces(chars, j)) {
        let at = skip_spaces(chars, skip_spaces(chars, j) + 1);
        if let Some(fraction) = read_number(chars, at).filter(|f| f.is_fraction && f.unit.is_none())
        {
            numeral.value += fraction.value;
            numeral.kind = NumeralKind::Chinese {
                single: false,
                first: '又',
            };
            j = fraction.end;
        }
    }
    // 3/5, 16/5: an Arabic fraction (dates were ruled out above).
    let mut is_fraction = j > i + numeral.len;
    if arabic && chars.get(j) == Some(&'/') {
        if let Some(den) = chars
            .get(j + 1)
            .and_then(|c| arabic_digit(*c))
            .and_then(|_| read_arabic(chars, j + 1))
        {
            let after = chars.get(j + 1 + den.len);
            let plain = matches!(numeral.kind, NumeralKind::Arabic { decimal: false, .. })
                && matches!(den.kind, NumeralKind::Arabic { decimal: false, .. });
            if plain
                && den.value != 0.0
                && !after.is_some_and(|c| *c == '/' || c.is_ascii_alphanumeric())
            {
                numeral.value /= den.value;
                j += 1 + den.len;
                is_fraction = true;
            }
        }
    }
    // `2147.9万`: the number as written and its scale word, kept apart.
    let (value, scale) = match positional.trailing {
        Some((head, place)) if j == i + numeral.len => (head, place),
        _ => (numeral.value, 1.0),
    };
    let mut r = Reading {
        value,
        scale,
        unit: None,
        qualifier_after: None,
        number_start: i,
        end: j,
        kind: numeral.kind,
        negative: false,
        is_date: false,
        glued: false,
        is_fraction,
    };
    if let NumeralKind::Arabic { digits, decimal } = numeral.kind {
        // 2022-02-24, 2022/2/24, 2022.02.24, 14:19:38
        let next = chars.get(j).copied();
        if matches!(next, Some('-' | '/' | '.' | ':' | '：'))
            && chars.get(j + 1).and_then(|c| arabic_digit(*c)).is_some()
        {
            let is_time = matches!(next, Some(':' | '：')) && digits <= 2;
            let is_ymd = digits == 4 && !decimal && {
                let second = read_arabic(chars, j + 1).map_or(0, |n| n.len);
                matches!(chars.get(j + 1 + second), Some('-' | '/' | '.'))
            };
            if is_time || is_ymd {
                r.is_date = true;
                r.end = skip_token(chars, j);
                return Some(r);
            }
        }
    }
    if let Some((q, len)) = label::approx_infix(chars, j) {
        // 6300多万, 10余家, 十几万
        r.qualifier_after = Some(q);
        j += len;
    }
    let unit_here = unit_len(j);
    if let Some((factor, len)) = units::read_scale(chars, j).filter(|_| r.scale == 1.0) {
        // Place words are read with the numeral, but after 多/余/几 (十多万, 6300多万) and in
        // English (5 million); 千米 and 千瓦 are units.
        let after_hedge = r.qualifier_after.is_some();
        if (arabic || after_hedge) && len >= unit_here {
            r.scale = factor;
            j += len;
            if r.qualifier_after.is_none() {
                if let Some((q, len)) = label::approx_infix(chars, j) {
                    r.qualifier_after = Some(q);
                    j += len;
                }
            }
        }
    }
    // 一打 = 12, 五对 = 10: counting words that multiply.
    if r.scale == 1.0 && !arabic {
        let factor = match chars.get(j) {
            Some('打') => 12.0,
            Some('对' | '對' | '双' | '雙') => 2.0,
            _ => 1.0,
        };
        if factor > 1.0
            && !chars
                .get(j + 1)
                .is_some_and(|c| is_chinese_numeral_char(*c))
        {
            r.value *= factor;
            r.end = j + 1;
            return Some(r);
        }
    }
    // 九成 = 90%, 8.7折 = 87%: written as the number with scale 10 in per cent.
    let digit_run =
        matches!(numeral.kind, NumeralKind::ChineseDigits) || (arabic && r.value >= 10.0);
    if let Some((unit, factor, len)) =
        tenths_unit(chars, j, r.value, digit_run).filter(|_| r.scale == 1.0)
    {
        r.unit = Some(unit.to_string());
        if factor == 10.0 {
            r.scale = 10.0;
        } else {
            r.value = tidy(r.value * factor);
        }
        r.end = j + len;
        return Some(r);
    }
    let at_unit = skip_spaces(chars, j);
    if let Some((unit, len)) = units::read_unit_per(chars, at_unit) {
        r.unit = Some(unit);
        j = at_unit + len;
    }
    // 一吨半, 两米半, 五个半: and a half.
    if r.unit.is_some() && chars.get(j) == Some(&'半') {
        r.value += 0.5 / r.scale;
        j += 1;
    }
    // 壹拾壹元壹角壹分, 五元六角: jiao and fen after yuan add tenths and hundredths.
    if r.unit.as_deref() == Some("元") {
        for (word, part) in [("角", 0.1), ("毛", 0.1), ("分", 0.01)] {
            if let Some(n) = numerals::read_positional(chars, j, &|_| 0) {
                if starts_with_at(chars, j + n.len, word) && n.value < 10.0 {
                    r.value = tidy(r.value + n.value * part / r.scale);
                    j += n.len + 1;
                }
            }
        }
        if chars.get(j) == Some(&'整') {
            j += 1;
        }
    }
    r.end = j;
    if r.unit.as_deref() == Some("年") && r.scale == 1.0 {
        let year = match numeral.kind {
            NumeralKind::Arabic {
                digits: 4,
                decimal: false,
            } => (1000.0..=2200.0).contains(&numeral.value),
            NumeralKind::ChineseDigits => true,
            _ => false,
        };
        // 1年期, 5年期: a loan's term, a name rather than a figure.
        if year || chars.get(j) == Some(&'期') {
            r.is_date = true;
        }
    }
    // 7天shibor, 3个月SHIBOR, 10年期国债: a tenor names an instrument; it is not a figure.
    let span = matches!(
        r.unit.as_deref(),
        Some("天" | "个月" | "年" | "周" | "小时")
    );
    if span
        && chars
            .get(j)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '期')
    {
        r.is_date = true;
    }
    if matches!(numeral.kind, NumeralKind::ChineseDigits)
        && r.unit.is_some()
        && r.unit.as_deref() != Some("年")
    {
        // 二零二一 reads as digits only in years and codes.
        r.unit = None;
        r.end = i + numeral.len;
    }
    if r.unit.is_none() && r.scale == 1.0 {
        // 3月, 24日, 8号, 10时: calendar words after a bare number.
        if matches!(
            chars.get(j),
            Some('月' | '日' | '号' | '时' | '秒' | '季' | '旬')
        ) {
            r.is_date = true;
            r.end = j + 1;
        }
        // Letters right after the digits: 5G, 3D, 2nd.
        if arabic
            && chars
                .get(j)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
        {
            r.glued = true;
        }
    }
    Some(r)
}

/// 成 (tenths) or 折 (a price in tenths of the full one, or two digits: 75折 = 75%) after a
/// number: (unit, factor to per cent, characters taken).
fn tenths_unit(
    chars: &[char],
    j: usize,
    value: f64,
    digit_run: bool,
) -> Option<(&'static str, f64, usize)> {
    let at = skip_spaces(chars, j);
    let (c, half) = match (chars.get(at), chars.get(at + 1)) {
        (Some('成'), Some('半')) => ('成', 0.5),
        (Some(c), _) => (*c, 0.0),
        _ => return None,
    };
    let next = chars
        .get(at + 1 + usize::from(half > 0.0))
        .copied()
        .unwrap_or(' ');
    // 成为, 成立, 成本, 成交…; 折合, 折算, 折旧…: verbs and nouns, not a share.
    const AFTER_CHENG: &str = "为立本交员长就果绩熟都功效型品分份";
    const AFTER_ZHE: &str = "合算旧叠射腾返让现价";
    let len = at - j + 1 + usize::from(half > 0.0);
    match c {
        '成' if value > 0.0 && value <= 10.0 && !AFTER_CHENG.contains(next) => {
            Some(("%", 10.0 + half / value.max(1e-9) * 10.0, len))
        }
        '折' if AFTER_ZHE.contains(next) => None,
        '折' if value > 0.0 && value < 10.0 && !digit_run => Some(("%", 10.0, len)),
        '折' if (10.0..100.0).contains(&value) && value.fract() == 0.0 => Some(("%", 1.0, len)),
        _ => None,
    }
}

/// Removes binary noise from a computed bound (`0.30000000000000004` -> `0.3`).
fn tidy(v: f64) -> f64 {
    let rounded = (v * 1e9).round() / 1e9;
    if (rounded - v).abs() < 1e-9 * v.abs().max(1.0) {
        rounded
    } else {
        v
    }
}

#[cfg(test)]
mod tests;
