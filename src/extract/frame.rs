//! What each figure measures, in the parts an editor reads: `subject` (who or what),
//! `measure` (what is measured), `period` (when) and `change` (what a change is compared
//! with; none for a level). Read off the figure's label, with a period the sentence leaves
//! out carried over from the paragraph's opening (`7月，…`) or the heading above it.

use super::Fact;

/// Comparison bases, longest first: what a change is measured against.
const BASES: &[&str] = &[
    "低于上年同期",
    "高于上年同期",
    "低于去年同期",
    "高于去年同期",
    "比去年同期",
    "较去年同期",
    "比上年同期",
    "较上年同期",
    "同比",
    "环比",
    // Hong Kong and Taiwan usage: on the year, on the quarter, on the month.
    "按年",
    "按季",
    "按月",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比上月",
    "较上月",
    "低于上月",
    "高于上月",
    "比年初",
    "较年初",
    "year over year",
    "from a year earlier",
    "year-on-year",
];

/// Words that say a move, at the end of a label (`销量增长`, `道指跌`).
const MOVES: &[&str] = &[
    "增长", "下降", "增加", "减少", "上涨", "下跌", "上升", "回落", "提高", "降低", "收涨", "收跌",
    "涨幅", "跌幅", "增速", "增幅", "涨", "跌", "增", "降",
];

/// Nouns that name a measure at the end of a label: what is left before them is the subject
/// (`宁德时代` + `装车量`, `铁路` + `累计完成货运量`). Longest first.
pub const MEASURES: &[&str] = &[
    "社会消费品零售总额",
    "地区生产总值",
    "进出口总值",
    "进出口总额",
    "营业收入",
    "利润总额",
    "净利润",
    "增加值",
    "生产总值",
    "货运量",
    "客运量",
    "成交额",
    "成交量",
    "装车量",
    "零售额",
    "销售额",
    "销售面积",
    "面积",
    "营收",
    "利润",
    "收入",
    "销量",
    "产量",
    "产值",
    "余额",
    "限额",
    "规模",
    "占比",
    "比重",
    "价格",
    "利率",
    "收益率",
    "投资",
    "进出口",
    "出口",
    "进口",
    "GDP",
    "人数",
];

/// Fills `subject`, `measure`, `period` and `change` of each fact; `lead_period(p)` is the
/// period paragraph `p` opens with, if any.
// (`dyn`: one copy of this code for every caller.)
pub fn fill(facts: &mut [Fact], lead_period: &dyn Fn(usize) -> Option<String>) {
    // The paragraph's opening period, read once a paragraph.
    let mut opening: Option<(usize, Option<String>)> = None;
    for k in 0..facts.len() {
        let (before, rest) = facts.split_at_mut(k);
        let fact = &mut rest[0];
        // Read on slices of the label: only what is kept is built (this runs for every figure).
        let label = fact.label.trim();
        let period = leading_period_of(label);
        let core = match &period {
            Some(p) => label[p.len()..].trim_start_matches(['，', ' ']),
            None => label,
        };
        // (The label's own period, else the one its sentence opens with, set when it was read,
        // else the paragraph's.)
        fact.period = period.or_else(|| fact.period.take()).or_else(|| {
            let paragraph = fact.place.paragraph;
            match &opening {
                Some((p, period)) if *p == paragraph => period.clone(),
                _ => {
                    let period = lead_period(paragraph);
                    opening = Some((paragraph, period.clone()));
                    period
                }
            }
        });
        // Most labels name no base: one pass for the bases' first characters before any
        // substring search (a searcher for every word and figure doubled the extraction's time).
        let based = core
            .match_indices(['比', '较', '同', '环', '按', '低', '高', 'y', 'f'])
            .find_map(|(pos, _)| {
                BASES
                    .iter()
                    .find(|base| core[pos..].starts_with(**base))
                    .map(|base| (*base, pos))
            });
        // Without the base (`销量同比增长` -> `销量增长`), and without the move at the end.
        let (head, tail) = match based {
            Some((base, pos)) => (&core[..pos], &core[pos + base.len()..]),
            None => (core, ""),
        };
        let (head, tail, moved) = if tail.is_empty() {
            let (rest, moved) = strip_move(head);
            (rest, "", moved)
        } else {
            let (rest, moved) = strip_move(tail);
            (head, rest, moved)
        };
        fact.change = match based {
            // (`低于上月` is compared with 上月: `较上月`.)
            Some((base, _)) => Some(
                match base.strip_prefix("低于").or(base.strip_prefix("高于")) {
                    Some(rest) => format!("较{rest}"),
                    None => base.to_string(),
                },
            ),
            // A move with no stated base: compared with the reading before.
            None if (moved || fact.sign < 0) && is_change_unit(fact) => Some(
                if fact.label.is_ascii() {
                    "change"
                } else {
                    "变动"
                }
                .to_string(),
            ),
            None => fact.change.take(),
        };
        let core = if tail.is_empty() {
            std::borrow::Cow::Borrowed(head.trim())
        } else {
            std::borrow::Cow::Owned(format!("{head}{tail}").trim().to_string())
        };
        // The measure the label ends with; what is before it is the subject. `累计完成`,
        // `新增` belong to the measure (`累计完成货运量`), not the subject.
        let last = core.as_bytes().last();
        let found = MEASURES
            .iter()
            .filter(|m| m.as_bytes().last() == last)
            .find(|m| core.ends_with(**m))
            .map(|m| {
                let mut cut = core.len() - m.len();
                while let Some(verb) = MEASURE_VERBS.iter().find(|v| core[..cut].ends_with(**v)) {
                    cut -= verb.len();
                }
                cut
            });
        let (subject, measure) = match found {
            Some(cut) => (Some(&core[..cut]), &core[cut..]),
            None => (None, &core[..]),
        };
        fact.subject = subject.filter(|s| !s.trim().is_empty()).map(str::to_string);
        fact.measure = (!measure.is_empty()).then(|| measure.to_string());
        // `东部地区商品房销售面积…；销售额22807亿元`: a bare measure in the same statement is
        // of the subject just named.
        // (The subject of the level last stated: a change's aside, `运输服务出口增幅107.5%`,
        // names no subject for what follows.)
        let last_level = before
            .iter()
            .rev()
            .take_while(|p| {
                p.place.paragraph == fact.place.paragraph
                    && p.place.statement == fact.place.statement
            })
            .find(|p| p.change.is_none());
        if let Some(previous) = last_level {
            // (`销售额`, or `销售额增长` for its change.)
            let bare = fact.subject.is_none()
                && fact
                    .measure
                    .as_deref()
                    .is_some_and(|m| MEASURES.contains(&m) && fact.label.starts_with(m));
            let same_statement = previous.place.paragraph == fact.place.paragraph
                && previous.place.statement == fact.place.statement;
            if let (true, true, Some(subject)) = (bare, same_statement, previous.subject.clone()) {
                fact.label = format!("{subject}{}", fact.label.trim());
                fact.subject = Some(subject);
            }
        }
        // `铁路…货运量27亿吨，同比增长8.2%` (label `铁路同比增长`): the change is of the
        // measure just stated for that subject.
        if let Some(previous) = before.last() {
            let same_subject = fact.subject.is_none()
                && previous.subject.is_some()
                && fact.measure == previous.subject;
            if same_subject && fact.change.is_some() {
                fact.subject = previous.subject.clone();
                fact.measure = previous.measure.clone();
            }
        }
        // `大型企业产值同比增长9.4%，中型企业产值增长11.2%`: parallel clauses state the base
        // once; a clause of the same measure and move goes on with it.
        let unbased = fact
            .change
            .as_deref()
            .is_some_and(|c| c == "变动" || c == "change");
        if let (true, Some(previous)) = (unbased, before.last()) {
            let same_clause_pattern = previous.place.paragraph == fact.place.paragraph
                && previous.place.sentence == fact.place.sentence
                && previous.unit == fact.unit
                && previous.measure.is_some()
                && previous.measure == fact.measure
                && previous
                    .change
                    .as_deref()
                    .is_some_and(|c| c != "变动" && c != "change")
                && move_word(&previous.label).is_some()
                && move_word(&previous.label) == move_word(&fact.label);
            if same_clause_pattern {
                fact.change = previous.change.clone();
            }
        }
    }
}

/// The move a label ends with (`增长` of `中型企业产值增长`).
fn move_word(label: &str) -> Option<&'static str> {
    let label = label.trim();
    MOVES.iter().copied().find(|w| label.ends_with(w))
}

/// `销量增长` -> (`销量`, true): the move a label ends with, cut off.
fn strip_move(text: &str) -> (&str, bool) {
    let last = text.as_bytes().last();
    match MOVES
        .iter()
        .filter(|word| word.as_bytes().last() == last)
        .find_map(|word| text.strip_suffix(word))
    {
        Some(rest) => (rest, true),
        None => (text, false),
    }
}

/// Verbs and modifiers that open a measure (`累计完成货运量`, `新增就业人数`).
const MEASURE_VERBS: &[&str] = &[
    "累计", "完成", "实现", "新增", "新设", "全年", "平均", "发行",
];

fn is_change_unit(fact: &Fact) -> bool {
    matches!(
        fact.unit.as_deref(),
        Some("%" | "个百分点" | "个基点" | "bp" | "‰" | "倍" | "percentage points")
    ) || fact.sign < 0
}

/// A period a label starts with: `2021年`, `1-7月`, `11月`, `一季度`, `上半年`, `前11个月`,
/// `Q2`, `FY2023`.
pub fn leading_period_of(label: &str) -> Option<String> {
    // Read on byte offsets, without building anything unless a period is there: it is asked
    // of every figure's label.
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let first = label.chars().next()?;
    // English writes its periods in words and bare years (`March 2010`, `Q2`, `2021`).
    if first.is_ascii_alphanumeric() && !label.contains('年') && !label.contains('月') {
        if let Some(period) = super::english_prose::leading_period(label) {
            return Some(period);
        }
    }
    // `周一`, `星期五`
    for week in ["星期", "周"] {
        if let Some(day) = label.strip_prefix(week).and_then(|r| r.chars().next()) {
            if "一二三四五六日天".contains(day) {
                return Some(format!("{week}{day}"));
            }
        }
    }
    if !(numeral(first) || matches!(first, '前' | '上' | '下' | '全' | '年' | '月' | 'Q' | 'q'))
    {
        return None;
    }
    let mut i = if first == '前' { first.len_utf8() } else { 0 };
    let mut end = 0;
    loop {
        let start = i;
        while let Some(c) = label[i..].chars().next().filter(|&c| numeral(c)) {
            i += c.len_utf8();
        }
        if i == start {
            break;
        }
        let rest = &label[i..];
        // `前11个月` is a period; `1个月` alone is a length of time (a tenor, a term).
        let counted = |w: &str| w.starts_with('个') && first != '前';
        match ["个季度", "季度", "个月", "月份", "年", "月", "日"]
            .iter()
            .find(|w| rest.starts_with(**w))
            .filter(|w| !counted(w))
        {
            Some(w) => {
                i += w.len();
                end = i;
                // `1-7月`, `2021年1-7月`
                if let Some(c) = label[i..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '-' | '—' | '至'))
                {
                    i += c.len_utf8();
                }
            }
            None => match rest.chars().next().filter(|c| matches!(c, '-' | '—')) {
                Some(c) => i += c.len_utf8(),
                None => break,
            },
        }
    }
    // (`2018年底`, `7月末`: after the year or month, 底, 末 and 初 say which end of it.)
    for half in [
        "上半年",
        "下半年",
        "全年",
        "年初",
        "年末",
        "年底",
        "月末",
        "月底",
        "底",
        "末",
        "初",
    ] {
        if label[end..].starts_with(half) {
            end += half.len();
        }
    }
    if end == 0 {
        let bytes = label.as_bytes();
        let quarter =
            matches!(bytes.first(), Some(b'Q' | b'q')) && matches!(bytes.get(1), Some(b'1'..=b'4'));
        return quarter.then(|| label[..2].to_string());
    }
    Some(label[..end].to_string())
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    /// (subject, measure, period, change) of a figure.
    type Frame = (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn frame(text: &str) -> Vec<Frame> {
        extract_text(text)
            .into_iter()
            .map(|f| (f.subject, f.measure, f.period, f.change))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn subject_measure_period_and_change_of_a_figure() {
        assert_eq!(
            frame("1-7月铁路累计完成货运量27亿吨，同比增长8.2%。"),
            [
                (s("铁路"), s("累计完成货运量"), s("1-7月"), None),
                (s("铁路"), s("累计完成货运量"), s("1-7月"), s("同比")),
            ]
        );
    }

    #[test]
    fn below_the_reading_before_is_a_fall_on_it() {
        let got = extract_text("新订单指数为49.6%，低于上月1.3个百分点。");
        assert_eq!(got[1].label, "新订单指数低于上月");
        assert_eq!(got[1].sign, -1);
        assert_eq!(got[1].change.as_deref(), Some("较上月"));
        // A bound is no change.
        let got = extract_text("失业率低于5.5%。");
        assert_eq!(got[0].sign, 1);
    }

    #[test]
    fn a_base_stated_once_goes_with_the_parallel_clauses() {
        let got = frame("大型企业产值同比增长9.4%，中型企业产值增长11.2%；乙市股价上涨3%。");
        let changes: Vec<Option<String>> = got.into_iter().map(|f| f.3).collect();
        // Another measure and move (`股价上涨`) keeps its own reading.
        assert_eq!(changes, [s("同比"), s("同比"), s("变动")]);
    }

    #[test]
    fn a_level_has_no_change_and_a_bare_move_is_a_change() {
        let got = frame("今年甲市销量12万辆，乙指数跌0.6%。");
        assert_eq!(got[0].3, None);
        assert_eq!(got[1].3, s("变动"));
        // 按年 is 同比 as Hong Kong and Taiwan write it.
        let got = frame("零售额按年下跌3.9%。");
        assert_eq!(got[0].3, s("按年"));
    }

    #[test]
    fn periods_of_every_common_form() {
        use super::leading_period_of as p;
        assert_eq!(p("2021年新设个体工商户"), s("2021年"));
        assert_eq!(p("1-7月全社会"), s("1-7月"));
        assert_eq!(p("一季度地区生产总值"), s("一季度"));
        assert_eq!(p("前11个月累计"), s("前11个月"));
        assert_eq!(p("2021年上半年营收"), s("2021年上半年"));
        assert_eq!(p("Q2 revenue"), s("Q2"));
        assert_eq!(p("周一销量"), s("周一"));
        assert_eq!(p("1月份"), s("1月份"));
        assert_eq!(p("高级工"), None);
    }
}
