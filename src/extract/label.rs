//! Labels, qualifiers and direction: the words around a figure.
//!
//! A label is the phrase a figure measures. News Chinese puts it before the number
//! (`高级工2542人`) or, after a counting unit, right after it (`20家餐饮企业`); the scanner
//! looks at both and trims the verbs and hedges that are not part of the measure.

use std::borrow::Cow;

pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…')
}

/// Marks that end the phrase a label can come from.
pub fn is_clause_break(c: char) -> bool {
    // Brackets are not breaks: `利率（LPR）为3.85%` keeps its label; asides are dropped later.
    is_sentence_end(c)
        || matches!(
            c,
            '，' | '、' | '：' | ',' | ':' | '【' | '】' | '《' | '》' | '\n'
        )
}

/// The text between two figures joins them as one list (`4948人、高级工2542人`).
pub fn is_list_join(between: &[char]) -> bool {
    // Read on the characters: asked between every two figures, over text of any length.
    let starts = |word: &str| {
        let mut rest = between.iter();
        word.chars().all(|w| rest.next() == Some(&w))
    };
    // (English: the next figure follows within a few words, `12,000, 9,500 and 7,100 jobs`,
    // `38%, about 40%`; `300,000, a threshold associated with …, for 54 weeks` is an aside.)
    let english = (starts(", ") || starts(" and "))
        && between
            .split(|c| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .count()
            <= 3;
    let listed = between.contains(&'、')
        || matches!(between.first(), Some('和' | '及' | '与'))
        || starts("以及")
        || english;
    // (`lost $1.6bn and it had $2.5bn`: a new clause, its own subject and verb, is no list.)
    let clause = english && {
        let text: String = between.iter().collect();
        text.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "it" | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                        | "had"
                        | "has"
                        | "have"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "will"
                        | "would"
                        | "then"
                        | "but"
                )
            })
    };
    listed && !clause && !between.iter().any(|&c| is_sentence_end(c) || c == '，')
}

/// Hedges and bounds written before a number, longest first.
const QUALIFIERS_BEFORE: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "超过",
    "突破",
    "接近",
    "累计",
    "最高",
    "最低",
    "高达",
    "多达",
    "至少",
    "不足",
    "不到",
    "将近",
    "大约",
    "约合",
    "逾",
    "超",
    "近",
    "约",
    "仅",
];

/// Hedges written after a figure.
const QUALIFIERS_AFTER: &[&str] = &["以上", "以下", "左右", "上下", "有余", "多", "余"];

/// A hedge right before the figure: (hedge, its length). A hedge separated from the figure by
/// a link verb (`最高可获得6000元`) still counts, with length 0: the figure's text stays as is.
pub fn qualifier_before(chars: &[char], start: usize) -> Option<(&'static str, usize)> {
    let ends_with = |end: usize, word: &str| {
        // The last character first: it rules out nearly every word at once.
        // (Not `str::ends_with(char)`: that encodes the char and calls memcmp, per word.)
        let last = word.chars().next_back();
        if end == 0 || last != chars.get(end - 1).copied() {
            return false;
        }
        let n = word.chars().count();
        end.checked_sub(n)
            .is_some_and(|s| chars[s..end].iter().copied().eq(word.chars()))
    };
    if let Some(q) = QUALIFIERS_BEFORE.iter().find(|q| ends_with(start, q)) {
        return Some((q, q.chars().count()));
    }
    const LINKS: &[&str] = &[
        "可获得",
        "可获",
        "获得",
        "可达",
        "达到",
        "达",
        "为",
        "可",
        "有",
    ];
    let link = LINKS.iter().find(|l| ends_with(start, l))?;
    let before_link = start - link.chars().count();
    QUALIFIERS_BEFORE
        .iter()
        .find(|q| ends_with(before_link, q))
        .map(|q| (*q, 0))
}

pub fn qualifier_after(chars: &[char], end: usize) -> Option<(&'static str, usize)> {
    QUALIFIERS_AFTER.iter().find_map(|q| {
        let n = q.chars().count();
        let slice = chars.get(end..end + n)?;
        // 多 and 余 after a whole figure start words (多家, 余额): only the two-character hedges.
        (n > 1 && slice.iter().copied().eq(q.chars())).then_some((*q, n))
    })
}

/// 多 or 余 between a number and its scale or unit (`6300多万`, `10余家`).
pub fn approx_infix(chars: &[char], j: usize) -> Option<(&'static str, usize)> {
    // `十 余 万` is spaced now and then.
    let mut k = j;
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    let word = match chars.get(k) {
        Some('多') => "多",
        Some('余') => "余",
        Some('几') => "几",
        _ => return None,
    };
    k += 1;
    while chars.get(k) == Some(&' ') && chars.get(k + 1).is_some_and(|c| "万亿千百".contains(*c))
    {
        k += 1;
    }
    Some((word, k - j))
}

/// Verbs of decrease that end the text before a figure (`同比下降` 96%).
const DECREASE: &[&str] = &[
    "下降", "减少", "下跌", "回落", "降低", "下滑", "缩小", "缩减", "收窄", "下调", "调降", "跌",
    "降", "减",
];

/// `低于上月1.3个百分点`: below the reading it is compared with, by so much (`低于50%` alone
/// is a bound, not a fall). Asked only where 低于 is among the last characters.
const BELOW_BASES: &[&str] = &[
    "上月",
    "上年同期",
    "去年同期",
    "上年",
    "去年",
    "上期",
    "上季",
    "前值",
    "上周",
    "同期",
];

/// Compared as a `char`: `str::ends_with(char)` encodes the char and calls memcmp, per word.
fn last_char(word: &str) -> Option<char> {
    word.chars().next_back()
}

/// `下降了约` before a figure says it fell. Read on the characters, without building the text:
/// it is asked before every figure.
pub fn states_decrease(before: &[char]) -> bool {
    let mut end = before.len();
    while end > 0 && before[end - 1].is_whitespace() {
        end -= 1;
    }
    // `降到4.5%`, `下调至4.95%`: where a fall ended is a level, not the fall (到 and 至 are
    // not hedges here, though 不到 is one).
    if end >= 2 && matches!(before[end - 1], '到' | '至') {
        let verb = before[end - 2];
        if matches!(verb, '降' | '跌' | '减' | '落' | '调' | '少' | '低' | '滑') {
            return false;
        }
    }
    if end > 0 && matches!(before[end - 1], '了' | '约' | '近' | '超' | '逾') {
        end -= 1;
    }
    while end > 0
        && QUALIFIERS_BEFORE
            .iter()
            .any(|q| last_char(q) == Some(before[end - 1]))
    {
        end -= 1;
    }
    let text = &before[..end];
    let tail = &text[text.len().saturating_sub(7)..];
    if let Some(p) = tail.windows(2).position(|w| w == ['低', '于']) {
        let base = &tail[p + 2..];
        if BELOW_BASES
            .iter()
            .any(|b| base.iter().copied().eq(b.chars()))
        {
            return true;
        }
    }
    DECREASE.iter().any(|verb| {
        let n = verb.chars().count();
        n <= text.len() && text[text.len() - n..].iter().copied().eq(verb.chars())
    })
}

/// Words trimmed off the end of a preceding label: link verbs and hedges.
const TRAILING: &[&str] = &[
    "最高可获得",
    "可获得",
    "获得",
    "增长至",
    "降到",
    "升到",
    "增到",
    "下调至",
    "下调到",
    "上调至",
    "上调到",
    "增加至",
    "提高至",
    "提升至",
    "下降至",
    "减少至",
    "扩大至",
    "增至",
    "升至",
    "降至",
    "减至",
    "达到",
    "共计",
    "合计",
    "总计",
    "累计",
    "分别为",
    "分别",
    "约为",
    "超过",
    "突破",
    "接近",
    "高达",
    "多达",
    "连续",
    "快速",
    "已经",
    "已",
    "达",
    "为",
    "是",
    "有",
    "共",
    "约",
    "近",
    "逾",
    "超",
    "了",
    "的",
    "等",
    "计",
    "仅",
    "再",
    "最高",
    "约人民币",
    "人民币",
    "均",
    "共有",
    "分别是",
];

/// Words trimmed off the start of a preceding label: connectives, "the city", plain verbs.
const LEADING: &[&str] = &[
    "组织开展",
    "广泛开展",
    "开展",
    "组织",
    "发放",
    "举办",
    "完成",
    "实现",
    "其中",
    "此外",
    "另外",
    "同时",
    "该市",
    "该县",
    "该区",
    "该省",
    "全市",
    "全县",
    "全区",
    "全省",
    "全国",
    "我国",
    "该公司",
    "去年",
    "今年",
    "当年",
    "目前",
    "截至目前",
    "共",
    "新增",
    "已",
    "在",
    "并",
    "还",
    "又",
    "和",
    "及",
    "与",
    "以及",
    "其",
    "预计",
    "预测",
];

/// Words that start a clause rather than a noun after a unit (`十二年在全市…`, `15%的`).
const NOT_A_NOUN_START: &[&str] = &[
    "在", "的", "以", "为", "是", "比", "较", "同比", "环比", "左右", "以上", "以下", "增长",
    "下降", "了", "和", "与", "及", "或", "至", "到", "等", "之", "上", "下", "中", "内", "后",
    "前", "时", "间", "来", "起", "用", "被", "将", "已", "可", "也", "都", "就", "才", "又", "再",
    "还", "并", "（", "(", "[",
];

/// The label of a figure whose text runs from `start` to `unit_end`, with `context_start`
/// the start of its clause (or the end of the figure before it).
pub fn find(
    chars: &[char],
    context_start: usize,
    start: usize,
    unit_end: usize,
    unit: Option<&str>,
) -> String {
    // A label is a phrase, not a page: only the last 64 characters before a figure are read,
    // which also keeps a paragraph without punctuation linear.
    let context_start = context_start.max(start.saturating_sub(64));
    // After a share or a change (15%的企业) the words that follow are rarely what it measures.
    let counting = !matches!(unit, Some("%" | "‰" | "个百分点" | "个基点" | "倍") | None);
    // The phrase after the figure: read now for a counting unit (its noun is the label), else
    // only if nothing before the figure names it.
    let counted = counting.then(|| following_phrase(chars, unit_end, true));
    if let Some(noun) = counted
        .as_ref()
        .and_then(|p| p.as_deref())
        .filter(|p| !starts_with_any(p, NOT_A_NOUN_START))
    {
        if noun.chars().count() >= 2 {
            return noun.to_string();
        }
    }
    let before = crate::extract::text_of(&chars[context_start.min(start)..start]);
    let label = clean_preceding(&before);
    if !label.is_empty() {
        return label;
    }
    // Nothing before (`连续十二年在全市范围内广泛开展岗位练兵`): take the object that follows.
    let following = counted.unwrap_or_else(|| following_phrase(chars, unit_end, false));
    let after = following.map(|p| clean_following(&p)).unwrap_or_default();
    if !after.is_empty() {
        return after;
    }
    // A headline that opens with its figure (`1.03亿户！我国登记在册个体工商户实现…`): the
    // subject of the next clause.
    let opens_paragraph = start <= 12
        && chars[..start]
            .iter()
            .filter(|c| !is_clause_break(**c))
            .count()
            <= 6;
    if !opens_paragraph {
        // `规模以上工业总产值突破万亿，达10051.6亿元`: the subject of the clause before.
        let clause_end = context_start.saturating_sub(1);
        let window = clause_end.saturating_sub(64);
        let clause_start = chars[window..clause_end]
            .iter()
            .rposition(|c| is_clause_break(*c))
            .map_or(window, |p| window + p + 1);
        if chars[clause_start..clause_end]
            .iter()
            .any(|c| c.is_ascii_digit())
        {
            return String::new();
        }
        let clause = crate::extract::text_of(&chars[clause_start..clause_end]);
        return clean_preceding(subject_of(&clause));
    }
    let next_clause: String = chars
        .iter()
        .skip(unit_end)
        .skip_while(|c| is_clause_break(**c) || **c == ' ')
        .take_while(|c| !is_clause_break(**c) && !c.is_ascii_digit())
        .take(16)
        .collect();
    strip_prefixes(subject_of(&next_clause), LEADING).to_string()
}

/// The words before a clause's main verb (`我国登记在册个体工商户实现历史性突破` -> the subject).
fn subject_of(clause: &str) -> &str {
    ["实现", "突破", "达到", "增长", "下降", "超过", "创"]
        .iter()
        .filter_map(|v| clause.find(v))
        .min()
        .map_or(clause, |p| &clause[..p])
}

fn following_phrase(chars: &[char], from: usize, noun_only: bool) -> Option<String> {
    // Cut on the characters, then built once: asked for most figures.
    let rest = chars.get(from..).unwrap_or_default();
    let mut len = 0;
    for (taken, &c) in rest.iter().take(24).enumerate() {
        // A noun phrase ends at a verb or a locative: 35个行业大类中有七成…
        // (与 in 参与 is part of the verb, not "and".)
        let stop_word = noun_only
            && taken >= 2
            && "中有是为在将已被和与及".contains(c)
            && !(c == '与' && rest[taken - 1] == '参');
        if is_clause_break(c) || c.is_ascii_digit() || c == '的' || stop_word || c == ' ' {
            break;
        }
        len += 1;
    }
    let mut phrase = &rest[..len];
    // `“推进职业技能评价”政策宣讲活动`: the noun is after the quoted name.
    if let Some(pos) = phrase
        .iter()
        .rposition(|c| matches!(c, '”' | '」' | '"' | '’'))
    {
        if pos + 1 < phrase.len() {
            phrase = &phrase[pos + 1..];
        }
    }
    let quote = |c: &char| "“”「」\"'‘’ ".contains(*c);
    while let [first, inner @ ..] = phrase {
        if !quote(first) {
            break;
        }
        phrase = inner;
    }
    while let [inner @ .., last] = phrase {
        if !quote(last) {
            break;
        }
        phrase = inner;
    }
    (!phrase.is_empty()).then(|| crate::extract::text_of(phrase))
}

fn clean_preceding(before: &str) -> String {
    let without_brackets = drop_bracketed(before);
    let without_when = drop_time_adverbial(&without_brackets);
    let mut text = without_when
        .trim()
        .trim_matches(|c: char| "“”「」\"'‘’ ".contains(c));
    // `集团…实现合同销售金额`: the measure is what follows the last reporting verb.
    // Only a long subject (a company's full name) is dropped; `铁路累计完成货运量` keeps 铁路.
    // (One pass for the verbs' first characters: most labels hold none of them.)
    let verbs: &[&str] = if text.contains(['实', '完', '录', '其']) {
        &["实现", "完成", "录得", "其中"]
    } else {
        &[]
    };
    for &verb in verbs {
        if let Some(pos) = text.rfind(verb) {
            let rest = &text[pos + verb.len()..];
            if rest.chars().count() >= 2 && (text[..pos].chars().count() > 10 || verb == "其中") {
                text = rest;
            }
        }
    }
    // `隔夜shibor报`, `LPR报`: 报 (is quoted at) after a name in Latin letters.
    // So after a measure's name: `汇率指数报`, `收益率报`, `价格报` (not 年报, 公报).
    if let Some(rest) = text.strip_suffix('报') {
        if rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '数' | '率' | '价' | '格'))
        {
            text = rest;
        }
    }
    loop {
        let shorter = strip_suffixes(text, TRAILING);
        let shorter = strip_prefixes(shorter, LEADING);
        let shorter = strip_leading_time(shorter);
        if shorter.len() == text.len() {
            break;
        }
        text = shorter;
    }
    text.to_string()
}

/// `新加坡在2024年6月将黄金储备`: a time adverbial inside a label (`在…将`, `在…`) says when,
/// not what; the label is `新加坡黄金储备` and the period is the fact's `period`.
fn drop_time_adverbial(text: &str) -> Cow<'_, str> {
    let Some(at) = text.find('在').filter(|&p| p > 0) else {
        return Cow::Borrowed(text);
    };
    let rest = &text[at + '在'.len_utf8()..];
    let Some(period) = crate::extract::leading_period_of(rest) else {
        return Cow::Borrowed(text);
    };
    let after = rest[period.len()..].trim_start_matches(['将', '把', '的']);
    if after.chars().count() < 2 {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{}{after}", &text[..at]))
}

fn clean_following(after: &str) -> String {
    let mut text = after;
    // A place phrase first: 在全市范围内…
    if let Some(rest) = text.strip_prefix('在') {
        if let Some(pos) = rest.find(['内', '中', '上', '里']) {
            if rest[..pos].chars().count() <= 8 {
                text = &rest[pos + 3..];
            }
        }
    }
    loop {
        let shorter = strip_prefixes(text, LEADING);
        if shorter.len() == text.len() {
            break;
        }
        text = shorter;
    }
    text.to_string()
}

/// Removes `（LPR）`-style asides, and an unclosed bracket's opening.
fn drop_bracketed(text: &str) -> Cow<'_, str> {
    // Asked of every label: a character test before the phrase search.
    const COMPARABLE: &str = "按可比价格计算";
    let text = if text.contains('按') && text.contains(COMPARABLE) {
        Cow::Owned(text.replace(COMPARABLE, ""))
    } else {
        Cow::Borrowed(text)
    };
    if !text.contains(['（', '(', '）', ')']) {
        return text;
    }
    let mut aside = String::new();
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '（' | '(' => {
                depth += 1;
                aside.clear();
            }
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                // An acronym in brackets (LPR, GDP) is the name readers know: keep it.
                if depth == 0
                    && (2..=6).contains(&aside.len())
                    && aside.chars().all(|a| a.is_ascii_uppercase())
                {
                    out.push_str(&aside);
                }
            }
            _ if depth == 0 => out.push(c),
            _ => aside.push(c),
        }
    }
    if depth > 0 {
        // `…（预计`: the figure sits inside an aside; keep what the aside says.
        if let Some(pos) = text.rfind(['（', '(']) {
            return Cow::Owned(text[pos..].trim_start_matches(['（', '(']).to_string());
        }
    }
    Cow::Owned(out)
}

/// Drops a leading `2021年` / `1-10月` time phrase.
fn strip_leading_time(text: &str) -> &str {
    let digits = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '-'))
        .map_or(text.len(), |(i, _)| i);
    if digits == 0 {
        return text;
    }
    let rest = &text[digits..];
    for unit in ["年", "月", "日"] {
        if let Some(r) = rest.strip_prefix(unit) {
            // 5年期 is a term (5年期LPR), not a date.
            if r.starts_with('期') {
                return text;
            }
            return r;
        }
    }
    text
}

// Labels are cleaned against word lists many times per fact: comparing the first (or last)
// character first keeps most words from a full comparison. (A first byte would not: most
// Chinese characters share one of a few lead bytes.)

fn first_char_matches(text: &str, word: &str) -> bool {
    let first = text.chars().next();
    first.is_some() && first == word.chars().next()
}

fn starts_with_any(text: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| first_char_matches(text, w) && text.starts_with(w))
}

fn strip_suffixes<'a>(text: &'a str, words: &[&str]) -> &'a str {
    let last = text.as_bytes().last();
    words
        .iter()
        .filter(|w| w.as_bytes().last() == last)
        .find_map(|w| text.strip_suffix(w).filter(|rest| keeps_a_word(w, rest)))
        .unwrap_or(text)
}

fn strip_prefixes<'a>(text: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .filter(|w| first_char_matches(text, w))
        .find_map(|w| text.strip_prefix(w).filter(|rest| keeps_a_word(w, rest)))
        .unwrap_or(text)
}

/// A one-character word (`为`, `其`) is cut off a label only when a word is left: `华为` and
/// `其他` are names, `利率为` is `利率`.
fn keeps_a_word(cut: &str, rest: &str) -> bool {
    let one_char = cut.chars().nth(1).is_none();
    if !one_char {
        return true;
    }
    // Nor is it cut out of a word it begins: 其他服务, 在校学生, 并购, 还款.
    const WORDS: &[&str] = &[
        "其他", "其它", "其余", "其次", "在校", "在建", "在职", "在岗", "在线", "在读", "在售",
        "在途", "在册", "在押", "共享", "共同", "并购", "还款", "与会", "和平", "及时",
    ];
    let starts_a_word = rest.chars().next().is_some_and(|next| {
        WORDS.iter().any(|w| {
            let mut pair = w.chars();
            cut.starts_with(pair.next().unwrap_or(' ')) && pair.next() == Some(next)
        })
    });
    !starts_a_word && (rest.chars().nth(1).is_some() || rest.is_ascii())
}

/// Verbs and adverbs that alone say how a figure moved, not what it measures.
const PREDICATE_ONLY: &[&str] = &[
    "同比",
    "环比",
    "分别",
    "增长",
    "下降",
    "上涨",
    "下跌",
    "增加",
    "减少",
    "提高",
    "回落",
    "上升",
    "降低",
    "增",
    "降",
    "涨",
    "跌",
    "按可比价格计算",
    "预期",
    "上月",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "年均",
    "累计",
    "达",
    "为",
    "占比",
    "占",
    "比重",
    "增速",
    "增幅",
    "涨幅",
    "跌幅",
    "份额",
    "前值",
    // `…为49.6%，低于上月1.3个百分点`: compared with the reading before.
    "低于",
    "高于",
    "较上月",
    "比上月",
];

fn is_predicate_only(label: &str) -> bool {
    let mut rest = label;
    while !rest.is_empty() {
        match PREDICATE_ONLY
            .iter()
            .filter(|w| first_char_matches(rest, w) && rest.starts_with(**w))
            .max_by_key(|w| w.len())
        {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

/// Labels that need the figures around them: the `分别` construction (`化工、汽车制造等产值分别
/// 增长22.8%、14.2%`: one subject per figure, in order), and a change stated after a level
/// (`第一产业增加值25.5亿元，增长0.9%`: the change belongs to the level's subject).
pub fn refine(facts: &mut [crate::extract::Fact], chars: &[char], english: bool) {
    let mut k = 0;
    let mut previous_run = 0..0;
    while k < facts.len() {
        let run_end = (k + 1..facts.len())
            .find(|&n| !facts[n].place.listed_with_previous)
            .unwrap_or(facts.len());
        let run = k..run_end;
        if run.len() >= 2 {
            let english_names = english
                .then(|| {
                    super::english_prose::respectively(
                        chars,
                        facts[k].place.start,
                        facts[run_end - 1].place.end,
                        run.len(),
                    )
                })
                .flatten();
            if let Some(names) = english_names {
                for (fact, name) in facts[run.clone()].iter_mut().zip(names) {
                    fact.label = name;
                }
                previous_run = run;
                k = run_end;
                continue;
            }
            let labels = list_after_list(facts, chars, previous_run.clone(), run.clone())
                .or_else(|| respectively(chars, facts[k].place.start, run.len()))
                .or_else(|| respectively_after(facts, chars, k, run.len()))
                .or_else(|| list_for_list(chars, facts[k].place.start, run.len()));
            if let Some(labels) = labels {
                // `…分别给A股带来约7100、3150亿元增量资金`: the noun after the list is what
                // every figure measures.
                let last_end = facts[run_end - 1].place.end;
                let noun = following_phrase(chars, last_end, true)
                    .filter(|p| p.chars().count() >= 2 && !starts_with_any(p, NOT_A_NOUN_START))
                    .unwrap_or_default();
                for (fact, label) in facts[run.clone()].iter_mut().zip(labels) {
                    fact.label = format!("{}{noun}", label.trim_end_matches(['约', '近', '超']));
                }
            }
        }
        previous_run = run;
        k = run_end;
    }
}

/// `A、B和C分别为11.4%、15.1%和6.8%，较上年同期提升1.1、1.6和0.3个百分点`: a list of as many
/// figures right after a list, in the same sentence, is of the same names; what comes between
/// says what it measures.
fn list_after_list(
    facts: &[crate::extract::Fact],
    chars: &[char],
    previous: std::ops::Range<usize>,
    run: std::ops::Range<usize>,
) -> Option<Vec<String>> {
    if previous.len() != run.len() || previous.end != run.start {
        return None;
    }
    let (last, first) = (&facts[previous.end - 1], &facts[run.start]);
    if last.place.paragraph != first.place.paragraph || last.place.sentence != first.place.sentence
    {
        return None;
    }
    let between = chars.get(last.place.end..first.place.start)?;
    // A new clause (`，较上年同期提升`), short, with no figure of its own.
    let clause = between.first().is_some_and(|&c| matches!(c, '，' | ','));
    if !clause || between.len() > 16 || between.iter().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let predicate: String = crate::extract::text_of(between)
        .replace("分别", "")
        .chars()
        .filter(|c| !is_clause_break(*c) && !c.is_whitespace())
        .collect();
    let predicate = strip_suffixes(&predicate, TRAILING).to_string();
    if predicate.chars().count() < 2 {
        return None;
    }
    let names: Vec<&str> = facts[previous]
        .iter()
        .map(|f| strip_suffixes(&f.label, TRAILING))
        .collect();
    names
        .iter()
        .all(|n| !n.is_empty())
        .then(|| names.iter().map(|n| format!("{n}{predicate}")).collect())
}

/// A change or a part stated after a level borrows what the level measures; across paragraphs
/// too, where a page sets each line apart (`铁路累计完成货运量27亿吨` / `同比增长8.2%`).
pub fn borrow_subjects(facts: &mut [crate::extract::Fact]) {
    for k in 1..facts.len() {
        let (before, rest) = facts.split_at_mut(k);
        let (prev, fact) = (&before[k - 1], &mut rest[0]);
        let same_paragraph = prev.place.paragraph == fact.place.paragraph;
        let next_line = prev.place.paragraph + 1 == fact.place.paragraph && fact.place.start <= 8;
        let same_sentence = same_paragraph
            && (prev.place.sentence == fact.place.sentence
                || prev.place.end + 2 >= fact.place.start)
            || next_line;
        if !same_sentence {
            continue;
        }
        // `X跌0.3个基点报3.921%`, `减少了11.9吨，降至228.9吨`: the level a change ends at is
        // the level of what changed, without the move.
        let ends_at = fact.label.is_empty() || LEVEL_AFTER_MOVE.contains(&fact.label.as_str());
        // `利率从5.05%下调至4.95%`: the figure after 从 is where it started, the one after 至
        // where it ended; both are levels of what the sentence names.
        let from = prev.label.strip_suffix('从').filter(|s| !s.is_empty());
        if ends_at && (ends_on_move(&prev.label) || from.is_some()) {
            fact.label = from
                .unwrap_or_else(|| without_move(&prev.label))
                .to_string();
        } else if fact.label.is_empty() {
            fact.label = prev.label.clone();
        } else if is_predicate_only(&fact.label) && !is_predicate_only(&prev.label) {
            let subject = strip_suffixes(&prev.label, TRAILING);
            // The subject ends where its own predicate starts (`隔夜shibor报` -> `隔夜shibor`).
            let cut = PREDICATE_ONLY
                .iter()
                .filter(|w| w.chars().count() >= 2)
                // 增加值 (value added) is a noun, not 增加.
                .filter_map(|w| {
                    subject
                        .find(w)
                        .filter(|&p| p > 0 && !subject[p + w.len()..].starts_with('值'))
                })
                .min()
                .unwrap_or(subject.len());
            let subject = &subject[..cut];
            fact.label = format!("{subject}{}", fact.label);
        } else if prev.unit == fact.unit
            && ends_with_measure(&prev.label)
            && !ends_with_measure(&fact.label)
            // (`营业收入…、净利润…`: a measure of its own is not a part.)
            && !crate::extract::MEASURES.iter().any(|m| fact.label.ends_with(m))
            && fact.label.chars().count() <= 6
            // (`一年期`: a tenor names its own term.)
            && !fact.label.ends_with('期')
        {
            // `平均发行期限10.6年，其中一般债券7.8年`: the part is measured as the whole was.
            // (`甲市销售额12亿元，乙市8亿元`: the measure is what follows the name of the same
            // kind, `甲市`, not the name too.)
            let kind = fact.label.chars().last();
            let after_name = prev
                .label
                .char_indices()
                .skip(1)
                .find(|&(_, c)| Some(c) == kind)
                .map(|(i, c)| &prev.label[i + c.len_utf8()..])
                .filter(|rest| !rest.is_empty() && rest.chars().count() <= 6);
            let n = prev.label.chars().count();
            let measure: String = match after_name {
                Some(rest) => rest.to_string(),
                None => prev.label.chars().skip(n.saturating_sub(6)).collect(),
            };
            fact.label = format!("{}{measure}", fact.label);
        }
    }
    // (The figure a change started from keeps its name without the 从.)
    for fact in facts.iter_mut() {
        if let Some(rest) = fact
            .label
            .strip_suffix('从')
            .filter(|r| r.chars().count() >= 2)
        {
            fact.label = rest.to_string();
        }
    }
}

/// The words that introduce where a change ended (`报3.921%`, `降至228.9吨`).
const LEVEL_AFTER_MOVE: &[&str] = &[
    "报", "至", "降至", "升至", "增至", "涨至", "跌至", "达到", "达", "收于", "收报", "到",
];

const MOVE_ENDS: &[&str] = &[
    "增长", "下降", "上涨", "下跌", "增加", "减少", "提高", "回落", "上升", "降低", "下调", "上调",
    "增", "降", "涨", "跌",
];

fn ends_on_move(label: &str) -> bool {
    let label = label.trim_end_matches('了');
    MOVE_ENDS.iter().any(|w| label.ends_with(w))
}

/// `英国10年期国债收益率跌` -> `英国10年期国债收益率`; `黄金储备同比增加了` -> `黄金储备`.
pub fn without_move(label: &str) -> &str {
    let mut rest = label.trim_end_matches('了');
    while let Some(shorter) = MOVE_ENDS
        .iter()
        .chain(&["同比", "环比"])
        .find_map(|w| rest.strip_suffix(w))
    {
        rest = shorter;
    }
    // (`期限也下调` -> `期限`: the adverb went with the move.)
    rest.trim_end_matches(['也', '均', '都', '已', '再'])
}

/// For a run of `count` listed figures starting at `start`, after `A、B和C…分别`, one label
/// per figure; `None` when the text is not that construction.
fn respectively(chars: &[char], start: usize, count: usize) -> Option<Vec<String>> {
    // The construction lives in the sentence: look back to its start, at most a few hundred
    // characters, so that long paragraphs stay linear.
    let window = start.saturating_sub(300);
    let from = chars[window..start]
        .iter()
        .rposition(|c| is_sentence_end(*c))
        .map_or(window, |p| window + p + 1);
    let head = crate::extract::text_of(&chars[from..start]);
    let pos = head.rfind("分别")?;
    // `出口船舶分别占完工量、新接订单量、手持订单量的92.8%、…`: the list follows 分别.
    let after = head[pos + "分别".len()..].trim_end_matches('的');
    let listed_after: Vec<&str> = after
        .split(['、', '和', '及', '与'])
        .filter(|s| !s.is_empty())
        .collect();
    let breaks = after.chars().any(|c| is_clause_break(c) && c != '、');
    if listed_after.len() == count && !breaks {
        let before = &head[..pos];
        let clause = before
            .rfind(|c: char| is_sentence_end(c) || matches!(c, '，' | '：' | ',' | ':' | '】'))
            .map_or(before, |p| {
                &before[p + before[p..].chars().next().map_or(1, char::len_utf8)..]
            });
        let subject = clean_preceding(clause);
        return Some(
            listed_after
                .iter()
                .map(|item| format!("{subject}{}", item.trim()))
                .collect(),
        );
    }
    let predicate: String = head[pos + "分别".len()..]
        .chars()
        .filter(|c| !"为是达".contains(*c))
        .collect();
    let before = &head[..pos];
    let clause_start = before
        .rfind(|c: char| is_sentence_end(c) || matches!(c, '，' | '：' | ',' | ':'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let mut subjects = &before[clause_start..];
    // `领域是文化服务、知识产权使用费，分别增长28.3%、23.9%`: 分别 opens its clause, and the
    // list it refers to is the clause before, after its lead-in (是, 为, 包括).
    if subjects.chars().count() <= 2 && clause_start > 0 {
        let sep = before[..clause_start]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let previous = &before[..clause_start - sep];
        let previous = previous
            .rfind(|c: char| is_sentence_end(c) || matches!(c, '，' | '：' | ',' | ':'))
            .map_or(previous, |p| {
                &previous[p + previous[p..].chars().next().map_or(1, char::len_utf8)..]
            });
        let listed = previous.contains('、') || previous.contains('和') || previous.contains('及');
        if listed {
            let lead = ["是", "为", "包括", "有"]
                .iter()
                .filter_map(|w| previous.rfind(w).map(|p| p + w.len()))
                .filter(|&p| !previous[..p].contains('、'))
                .max()
                .unwrap_or(0);
            subjects = &previous[lead..];
        }
    }
    let split =
        |marks: &[char]| -> Vec<&str> { subjects.split(marks).filter(|s| !s.is_empty()).collect() };
    let mut items = split(&['、']);
    if items.len() != count {
        items = split(&['、', '和', '及', '与']);
    }
    if items.len() != count {
        // `信息传输、软件和信息技术服务业，科学研究和技术服务业营业收入同比分别增长35.0%和19.1%`:
        // one subject per comma-separated part before 分别.
        let sentence_start = before.rfind(|c: char| is_sentence_end(c)).map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
        let parts: Vec<&str> = before[sentence_start..]
            .split(['，', ','])
            .filter(|p| !p.is_empty())
            .collect();
        let tail = parts.len().checked_sub(count)?;
        let chosen = &parts[tail..];
        if tail == 0
            || chosen
                .iter()
                .any(|p| p.chars().count() < 2 || p.chars().any(|c| c.is_ascii_digit()))
        {
            return None;
        }
        return Some(
            chosen
                .iter()
                .map(|p| format!("{}{predicate}", clean_preceding(p)))
                .collect(),
        );
    }
    // The last item carries what they share: `电气机械等重点行业产值` -> `电气机械`, `产值`.
    let last = items[count - 1];
    let (last_item, shared) = match last.find('等') {
        Some(p) => (
            &last[..p],
            last[p + '等'.len_utf8()..]
                .trim_start_matches("重点")
                .to_string(),
        ),
        None => match measure_after_list(&items) {
            Some((name, measure)) => (name, measure.to_string()),
            None => (last, String::new()),
        },
    };
    items[count - 1] = last_item;
    let first = clean_preceding(items[0]);
    items[0] = if first.is_empty() { items[0] } else { &first };
    Some(
        items
            .iter()
            .map(|item| format!("{}{shared}{predicate}", item.trim()))
            .collect(),
    )
}

/// `甲行、乙行、丙行的资产规模为3214亿元、2890亿元、2581亿元`: a list of as many names as the
/// list of figures after it, in order, with no 分别 written. The last name carries what they
/// share after its 的 (`的资产规模`).
fn list_for_list(chars: &[char], start: usize, count: usize) -> Option<Vec<String>> {
    let window = start.saturating_sub(120);
    let from = chars[window..start]
        .iter()
        .rposition(|c| is_sentence_end(*c) || matches!(c, '，' | '：' | ',' | ':'))
        .map_or(window, |p| window + p + 1);
    let head = crate::extract::text_of(&chars[from..start]);
    let head = head.trim_end();
    let head = ["为", "是", "达到", "达", "分别为"]
        .iter()
        .find_map(|w| head.strip_suffix(w))?;
    let mut items: Vec<&str> = head.split('、').collect();
    if items.len() != count || count < 2 {
        return None;
    }
    let last = items[count - 1];
    let (last_name, shared) = match last.find('的') {
        Some(p) => (&last[..p], &last[p + '的'.len_utf8()..]),
        None => measure_after_list(&items).unwrap_or((last, "")),
    };
    items[count - 1] = last_name;
    let mut first = clean_preceding(items[0]);
    // `第三梯队中稠州商行`: `…中` (among …) opens the list, it is not the first name.
    if let Some(p) = first.find('中') {
        let (before, after) = (&first[..p], &first[p + '中'.len_utf8()..]);
        if before.chars().count() >= 3 && after.chars().count() >= 2 {
            first = after.to_string();
        }
    }
    let names: Vec<String> = std::iter::once(first)
        .chain(items[1..].iter().map(|i| i.trim().to_string()))
        .collect();
    // Names, not clauses: short, and none holding a figure or a verb of its own.
    let plain = names.iter().all(|n| {
        let len = n.chars().count();
        (1..=12).contains(&len)
            && !n
                .chars()
                .any(|c| c.is_ascii_digit() || "为是的了".contains(c))
    });
    if !plain {
        return None;
    }
    Some(names.into_iter().map(|n| format!("{n}{shared}")).collect())
}

/// `粗钢、生铁产量分别为…`: a measure (or a share, `占全国份额`) written once after the last name of a list is every
/// name's (`生铁`, `产量`), when no other name states a measure of its own and the last is
/// more than the measure (`营业收入、净利润` are two measures).
fn measure_after_list<'a>(items: &[&'a str]) -> Option<(&'a str, &'a str)> {
    let (last, others) = items.split_last()?;
    let last = last.trim();
    // (`进出口、出口和进口占全国份额`: a share, 占…, is written once after the last name too.)
    let own = |item: &str| {
        crate::extract::MEASURES
            .iter()
            .any(|m| item.trim().ends_with(m))
    };
    // (`丙银行的资产规模`: what follows 的 is shared, as written.)
    if let Some(p) = last.find('的') {
        return (p > 0).then(|| (&last[..p], &last[p + '的'.len_utf8()..]));
    }
    let name = match crate::extract::MEASURES
        .iter()
        .find(|m| last.ends_with(**m))
    {
        Some(measure) if !others.iter().any(|i| own(i)) => &last[..last.len() - measure.len()],
        Some(_) => return None,
        None => {
            &last[..last
                .find('占')
                .filter(|_| !others.iter().any(|i| i.contains('占')))?]
        }
    };
    (!name.is_empty()).then(|| (name, &last[name.len()..]))
}

/// Nouns that name a measure (期限, 利率, 金额…) rather than a thing counted.
fn ends_with_measure(label: &str) -> bool {
    const MEASURES: &[&str] = &[
        "期限", "利率", "年限", "率", "额", "量", "值", "规模", "价格", "收入", "余额", "增速",
        "增幅", "占比", "比重", "产值", "均价", "价", "利润", "营收",
    ];
    MEASURES.iter().any(|m| label.ends_with(m))
}

/// `成交量为624.78百万手，成交额为47.90亿元，同比分别增长31.78%和44.46%`: the subjects of a
/// 分别 list are the figures just before it, one each, in the same sentence.
fn respectively_after(
    facts: &[crate::extract::Fact],
    chars: &[char],
    k: usize,
    count: usize,
) -> Option<Vec<String>> {
    // The subjects are the nearest earlier figures in another unit (levels before changes),
    // skipping an earlier 分别 list of changes.
    let unit = facts[k].unit.clone();
    let earlier: Vec<&crate::extract::Fact> = facts[..k]
        .iter()
        .rev()
        .take(count * 3)
        .filter(|f| f.unit != unit)
        .take(count)
        .collect();
    if earlier.len() < count {
        return None;
    }
    let earlier: Vec<&crate::extract::Fact> = earlier.into_iter().rev().collect();
    let run_start = facts[k].place.start;
    if earlier
        .iter()
        .any(|f| f.place.sentence != facts[k].place.sentence)
    {
        return None;
    }
    let last_before = facts[..k].last()?;
    let between: String = chars
        .get(last_before.place.end..run_start)?
        .iter()
        .collect();
    let pos = between.find("分别")?;
    let predicate: String = format!("{}{}", &between[..pos], &between[pos + "分别".len()..])
        .chars()
        .filter(|c| !is_clause_break(*c) && !"为是达".contains(*c))
        .collect();
    Some(
        earlier
            .iter()
            .map(|f| format!("{}{predicate}", strip_suffixes(&f.label, TRAILING)))
            .collect(),
    )
}
