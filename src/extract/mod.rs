//! Stage 2, `extract`: the figures a data editor would chart, read from a post's paragraphs.
//!
//! Each paragraph is scanned once, left to right. At a numeral the scanner reads what a figure
//! is made of (qualifier, number, scale, unit, range) and decides whether it is a fact or
//! something that only looks like one (a date, a time, an ordinal, an id). A fact then gets the
//! phrase it measures as its label.

mod label;
mod numerals;
mod units;

use serde::{Serialize, Serializer};

use crate::post::Post;
use numerals::{arabic_digit, is_chinese_numeral_char, read_arabic, read_chinese, NumeralKind};

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
    /// Where the figure stands, for grouping (not part of the public JSON).
    #[serde(skip)]
    pub place: Place,
}

/// A figure's position in the post.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub paragraph: usize,
    pub sentence: usize,
    /// Joined to the figure before it by a list mark (、 和 及 与) within one clause chain.
    pub listed_with_previous: bool,
}

/// A single value or a range `[lo, hi]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    One(f64),
    Range(f64, f64),
}

impl Value {
    /// The value to draw: a range is drawn at its upper bound.
    pub fn headline(self) -> f64 {
        match self {
            Value::One(v) => v,
            Value::Range(_, hi) => hi,
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

impl Fact {
    /// The value times its scale (the magnitude compared across facts).
    pub fn magnitude(&self) -> f64 {
        self.value.headline() * self.scale
    }
}

/// Extracts the facts of every paragraph of a post, in reading order.
pub fn extract(post: &Post) -> Vec<Fact> {
    let mut facts = Vec::new();
    for (index, paragraph) in post.paragraphs.iter().enumerate() {
        facts.extend(extract_paragraph(&paragraph.text, index));
    }
    facts
}

/// Extracts the facts of one paragraph of plain text.
pub fn extract_text(text: &str) -> Vec<Fact> {
    extract_paragraph(text, 0)
}

/// A figure as read, before its label is found.
struct Mention {
    value: Value,
    scale: f64,
    unit: Option<&'static str>,
    qualifier: Option<&'static str>,
    start: usize,
    end: usize,
    /// Where the number itself starts and the unit ends (label context excludes qualifiers).
    number_start: usize,
    unit_end: usize,
}

enum Scan {
    Fact(Mention),
    /// Not a fact (date, id, ordinal, bare number): resume after it.
    Skip(usize),
}

fn extract_paragraph(text: &str, paragraph: usize) -> Vec<Fact> {
    let chars: Vec<char> = text.chars().collect();
    let mut facts: Vec<Fact> = Vec::new();
    let mut sentence = 0usize;
    let mut clause_start = 0usize;
    let mut previous_end: Option<usize> = None;
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if label::is_sentence_end(c) {
            sentence += 1;
        }
        if label::is_clause_break(c) {
            clause_start = i + 1;
        }
        let scan = if arabic_digit(c).is_some() && starts_number(&chars, i) {
            Some(scan_number(&chars, i, true))
        } else if is_chinese_numeral_char(c)
            && !i
                .checked_sub(1)
                .is_some_and(|p| is_chinese_numeral_char(chars[p]))
        {
            read_chinese(&chars, i).map(|_| scan_number(&chars, i, false))
        } else {
            None
        };
        match scan {
            Some(Scan::Fact(m)) => {
                let context_start = clause_start.max(previous_end.unwrap_or(0));
                let listed = previous_end.is_some_and(|p| label::is_list_join(&chars[p..m.start]));
                let text: String = chars[m.start..m.end].iter().collect();
                let sign = if label::states_decrease(&chars[clause_start.min(m.start)..m.start]) {
                    -1
                } else {
                    1
                };
                facts.push(Fact {
                    value: m.value,
                    scale: m.scale,
                    unit: m.unit.map(str::to_string),
                    label: label::find(&chars, context_start, m.start, m.unit_end),
                    qualifier: m.qualifier.map(str::to_string),
                    sign,
                    text,
                    place: Place {
                        paragraph,
                        sentence,
                        listed_with_previous: listed,
                    },
                });
                previous_end = Some(m.end);
                // Sentence and clause marks inside the figure (none expected) are not lost.
                i = m.end.max(m.number_start + 1);
            }
            Some(Scan::Skip(end)) => i = end.max(i + 1),
            None => i += 1,
        }
    }
    facts
}

/// An Arabic numeral starts here (not mid-token, not inside an id or a code).
fn starts_number(chars: &[char], i: usize) -> bool {
    match i.checked_sub(1).map(|p| chars[p]) {
        None => true,
        Some(p) => arabic_digit(p).is_none(),
    }
}

/// Characters that glue a number into an id, a URL, a file name, a time or a version.
fn is_token_glue(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '/' | '=' | '#' | '@' | '.' | ':' | '-' | '&' | '?')
}

fn skip_token(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && (is_token_glue(chars[i]) || arabic_digit(chars[i]).is_some()) {
        i += 1;
    }
    i
}

/// Reads the figure whose number starts at `i`.
fn scan_number(chars: &[char], i: usize, arabic: bool) -> Scan {
    let prev = i.checked_sub(1).map(|p| chars[p]);
    // Glued to letters or URL punctuation on the left: an id, a code, a version, a time.
    if arabic && prev.is_some_and(|p| is_token_glue(p) && !matches!(p, '-')) {
        return Scan::Skip(skip_token(chars, i));
    }
    if prev == Some('第') {
        let end = number_end(chars, i, arabic);
        return Scan::Skip(end);
    }
    let Some(first) = read_number(chars, i, arabic) else {
        return Scan::Skip(i + 1);
    };
    if first.is_date {
        return Scan::Skip(first.end);
    }
    if first.glued {
        return Scan::Skip(skip_token(chars, i));
    }
    let mut m = Mention {
        value: Value::One(first.value),
        scale: first.scale,
        unit: first.unit,
        qualifier: first.qualifier_after,
        start: i,
        end: first.end,
        number_start: i,
        unit_end: first.end,
    };
    // A range: `20-450元`, `5至10万元`, `6800万元–7500万元`, `50%~100%`.
    if let Some(&mark) = chars.get(first.end) {
        if matches!(mark, '-' | '~' | '～' | '至' | '到' | '—' | '–' | '－') {
            let mut b_start = first.end + 1;
            if mark == '—' && chars.get(b_start) == Some(&'—') {
                b_start += 1;
            }
            let b_arabic = chars.get(b_start).and_then(|c| arabic_digit(*c)).is_some();
            if let Some(second) = read_number(chars, b_start, b_arabic) {
                if second.is_date {
                    return Scan::Skip(second.end);
                }
                let same_unit = first.unit.is_none() || first.unit == second.unit;
                let same_scale = first.scale == 1.0 || first.scale == second.scale;
                if !second.glued && same_unit && same_scale && second.unit.is_some() {
                    // The unit and scale written once, after the second number, serve both.
                    let lo = if first.scale == 1.0 {
                        first.value
                    } else {
                        first.value * first.scale / second.scale
                    };
                    m.value = Value::Range(tidy(lo), second.value);
                    m.scale = second.scale;
                    m.unit = second.unit;
                    m.qualifier = m.qualifier.or(second.qualifier_after);
                    m.end = second.end;
                    m.unit_end = second.end;
                }
            }
        }
    }
    // A currency sign or 百分之 before the number.
    if let Some((unit, len)) = units::currency_before(chars, i) {
        if m.unit.is_none() || m.unit == Some(unit) {
            m.unit = Some(unit);
            m.start = i - len;
        }
    }
    if m.unit.is_none() && i >= 3 {
        let before: String = chars[i - 3..i].iter().collect();
        if before == "百分之" || before == "千分之" {
            m.unit = Some(if before == "百分之" { "%" } else { "‰" });
            m.start = i - 3;
        }
    }
    if m.unit.is_none() && m.scale == 1.0 {
        return Scan::Skip(m.end);
    }
    if let NumeralKind::Chinese {
        single: true,
        first,
    } = first.kind
    {
        // A lone 一 is an article far more often than a figure (一家糕点房, 一份答卷).
        if first == '一' || first == '壹' || first == '幺' {
            return Scan::Skip(m.end);
        }
    }
    if let Some((qualifier, len)) = label::qualifier_before(chars, m.start) {
        m.qualifier = m.qualifier.or(Some(qualifier));
        m.start -= len;
    }
    if let Some((qualifier, len)) = label::qualifier_after(chars, m.end) {
        m.qualifier = m.qualifier.or(Some(qualifier));
        m.end += len;
    }
    Scan::Fact(m)
}

fn number_end(chars: &[char], i: usize, arabic: bool) -> usize {
    let n = if arabic {
        read_arabic(chars, i)
    } else {
        read_chinese(chars, i)
    };
    i + n.map_or(1, |n| n.len)
}

/// A number with what directly follows it.
struct Reading {
    value: f64,
    scale: f64,
    unit: Option<&'static str>,
    qualifier_after: Option<&'static str>,
    end: usize,
    kind: NumeralKind,
    /// A date or a time: never a fact.
    is_date: bool,
    /// Runs into letters (`5G`, `A380`): a name, not a figure.
    glued: bool,
}

fn read_number(chars: &[char], i: usize, arabic: bool) -> Option<Reading> {
    let numeral = if arabic {
        read_arabic(chars, i)?
    } else {
        read_chinese(chars, i)?
    };
    let mut j = i + numeral.len;
    let mut r = Reading {
        value: numeral.value,
        scale: 1.0,
        unit: None,
        qualifier_after: None,
        end: j,
        kind: numeral.kind,
        is_date: false,
        glued: false,
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
    if let Some(q) = label::approx_infix(chars, j) {
        // 6300多万, 10余家
        r.qualifier_after = Some(q);
        j += 1;
    }
    let unit_len = units::read_unit(chars, j).map_or(0, |(_, len)| len);
    if let Some((factor, len)) = units::read_scale(chars, j) {
        // Place words after a Chinese numeral are already part of it; 千米 and 千瓦 are units.
        if arabic && len >= unit_len {
            r.scale = factor;
            j += len;
            if r.qualifier_after.is_none() {
                if let Some(q) = label::approx_infix(chars, j) {
                    r.qualifier_after = Some(q);
                    j += 1;
                }
            }
        }
    }
    if let Some((unit, len)) = units::read_unit(chars, j) {
        r.unit = Some(unit);
        j += len;
    }
    r.end = j;
    if r.unit == Some("年") && r.scale == 1.0 {
        let year = match numeral.kind {
            NumeralKind::Arabic {
                digits: 4,
                decimal: false,
            } => (1000.0..=2200.0).contains(&numeral.value),
            NumeralKind::ChineseDigits => true,
            _ => false,
        };
        if year {
            r.is_date = true;
        }
    }
    if matches!(numeral.kind, NumeralKind::ChineseDigits) && r.unit.is_none() {
        r.is_date = true; // 二零二一 without 年 is still no quantity
    }
    if r.unit.is_none() && r.scale == 1.0 {
        // 3月, 24日, 8号, 10时: calendar words after a bare number.
        if matches!(
            chars.get(j),
            Some('月' | '日' | '号' | '时' | '点' | '秒' | '季' | '旬')
        ) {
            r.is_date = true;
            r.end = j + 1;
        }
        // Letters right after the digits: 5G, 3D, A380's tail, 2nd.
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
