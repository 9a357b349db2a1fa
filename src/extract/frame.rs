//! What each figure measures, in the parts an editor reads: `subject` (who or what),
//! `measure` (what is measured), `period` (when) and `change` (what a change is compared
//! with; none for a level). Read off the figure's label, with a period the sentence leaves
//! out carried over from the paragraph's opening (`7月，…`) or the heading above it.

use super::Fact;

/// Comparison bases, longest first: what a change is measured against.
const BASES: &[&str] = &[
    "比去年同期",
    "较去年同期",
    "比上年同期",
    "较上年同期",
    "同比",
    "环比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "比上月",
    "较上月",
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
const MEASURES: &[&str] = &[
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
    "出口",
    "进口",
    "GDP",
    "人数",
];

/// Fills `subject`, `measure`, `period` and `change` of each fact; `lead_period(p)` is the
/// period paragraph `p` opens with, if any.
// (`dyn`: one copy of this code for every caller.)
pub fn fill(facts: &mut [Fact], lead_period: &dyn Fn(usize) -> Option<String>) {
    for k in 0..facts.len() {
        let (before, rest) = facts.split_at_mut(k);
        let fact = &mut rest[0];
        let mut core = fact.label.trim().to_string();
        let period = leading_period_of(&core);
        if let Some(p) = &period {
            core = core[p.len()..].trim_start_matches(['，', ' ']).to_string();
        }
        fact.period = period.or_else(|| lead_period(fact.place.paragraph));
        let mut change = None;
        for base in BASES {
            if let Some(pos) = core.find(base) {
                change = Some(base.to_string());
                core = format!("{}{}", &core[..pos], &core[pos + base.len()..]);
                break;
            }
        }
        let mut moved = false;
        for word in MOVES {
            if let Some(rest) = core.strip_suffix(word) {
                core = rest.to_string();
                moved = true;
                break;
            }
        }
        if change.is_none() && (moved || fact.sign < 0) && is_change_unit(fact) {
            // A move with no stated base: compared with the reading before.
            change = Some(
                if fact.label.is_ascii() {
                    "change"
                } else {
                    "变动"
                }
                .to_string(),
            );
        }
        fact.change = change;
        let core = core.trim().to_string();
        let (subject, measure) = match MEASURES.iter().find_map(|m| {
            core.rfind(m)
                .filter(|&pos| pos > 0)
                .map(|pos| (core[..pos].to_string(), core[pos..].to_string()))
        }) {
            Some((mut subject, mut measure)) => {
                // `累计完成`, `新增` belong to the measure (`累计完成货运量`), not the subject.
                while let Some(verb) = MEASURE_VERBS.iter().find(|v| subject.ends_with(**v)) {
                    subject.truncate(subject.len() - verb.len());
                    measure.insert_str(0, verb);
                }
                (Some(subject), measure)
            }
            None => (None, core),
        };
        fact.subject = subject.filter(|s| !s.trim().is_empty());
        fact.measure = (!measure.is_empty()).then_some(measure);
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
    let chars: Vec<char> = label.chars().collect();
    let mut i = 0;
    let mut end = 0;
    // `前11个月`, `前三季度`
    if chars.first() == Some(&'前') {
        i = 1;
    }
    loop {
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit() || "一二三四五六七八九十".contains(chars[i]))
        {
            i += 1;
        }
        if i == start {
            break;
        }
        let rest: String = chars[i..].iter().take(3).collect();
        let word = ["个季度", "季度", "个月", "月份", "年", "月", "日"]
            .iter()
            .find(|w| rest.starts_with(**w));
        match word {
            Some(w) => {
                i += w.chars().count();
                end = i;
                // `1-7月`, `2021年1-7月`
                if i < chars.len() && matches!(chars[i], '-' | '—' | '至') {
                    i += 1;
                }
            }
            None if i < chars.len() && matches!(chars[i], '-' | '—') => i += 1,
            None => break,
        }
    }
    for half in ["上半年", "下半年", "全年", "年初", "年末", "月末"] {
        if label[chars[..end].iter().collect::<String>().len()..].starts_with(half) {
            end += half.chars().count();
        }
    }
    if end == 0 {
        let upper = label.to_ascii_uppercase();
        let quarter =
            upper.starts_with('Q') && chars.get(1).is_some_and(|c| ('1'..='4').contains(c));
        if quarter {
            return Some(chars[..2].iter().collect());
        }
        return None;
    }
    Some(chars[..end].iter().collect())
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
    fn a_level_has_no_change_and_a_bare_move_is_a_change() {
        let got = frame("今年甲市销量12万辆，乙指数跌0.6%。");
        assert_eq!(got[0].3, None);
        assert_eq!(got[1].3, s("变动"));
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
        assert_eq!(p("高级工"), None);
    }
}
