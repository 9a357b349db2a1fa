//! Labels, qualifiers and direction: the words around a figure.
//!
//! A label is the phrase a figure measures. News Chinese puts it before the number
//! (`高级工2542人`) or, after a counting unit, right after it (`20家餐饮企业`); the scanner
//! looks at both and trims the verbs and hedges that are not part of the measure.

pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '…')
}

/// Marks that end the phrase a label can come from.
pub fn is_clause_break(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            '，' | '、'
                | '：'
                | ','
                | ':'
                | '（'
                | '）'
                | '('
                | ')'
                | '【'
                | '】'
                | '《'
                | '》'
                | '\n'
        )
}

/// The text between two figures joins them as one list (`4948人、高级工2542人`).
pub fn is_list_join(between: &[char]) -> bool {
    let text: String = between.iter().collect();
    let listed = text.contains('、')
        || text.starts_with('和')
        || text.starts_with('及')
        || text.starts_with('与')
        || text.starts_with(", ")
        || text.starts_with(" and ");
    listed && !text.chars().any(|c| is_sentence_end(c) || c == '，')
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
pub fn approx_infix(chars: &[char], j: usize) -> Option<&'static str> {
    match chars.get(j) {
        Some('多') => Some("多"),
        Some('余') => Some("余"),
        _ => None,
    }
}

/// Verbs of decrease that end the text before a figure (`同比下降` 96%).
const DECREASE: &[&str] = &[
    "下降", "减少", "下跌", "回落", "降低", "下滑", "缩小", "缩减", "收窄", "跌", "降", "减",
];

pub fn states_decrease(before: &[char]) -> bool {
    let text: String = before.iter().collect();
    let text = strip_suffixes(text.trim_end(), &["了", "约", "近", "超", "逾"]);
    let text = text.trim_end_matches(|c: char| QUALIFIERS_BEFORE.iter().any(|q| q.ends_with(c)));
    DECREASE.iter().any(|verb| text.ends_with(verb)) && !text.ends_with("降至")
}

/// Words trimmed off the end of a preceding label: link verbs and hedges.
const TRAILING: &[&str] = &[
    "最高可获得",
    "可获得",
    "获得",
    "增长至",
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
    "累计",
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
];

/// Words that start a clause rather than a noun after a unit (`十二年在全市…`, `15%的`).
const NOT_A_NOUN_START: &[&str] = &[
    "在", "的", "以", "为", "是", "比", "较", "同比", "环比", "左右", "以上", "以下", "增长",
    "下降", "了", "和", "与", "及", "或", "至", "到", "等", "之", "上", "下", "中", "内", "后",
    "前", "时", "间", "来", "起", "用", "被", "将", "已", "可", "也", "都", "就", "才", "又", "再",
    "还", "并",
];

/// The label of a figure whose text runs from `start` to `unit_end`, with `context_start`
/// the start of its clause (or the end of the figure before it).
pub fn find(chars: &[char], context_start: usize, start: usize, unit_end: usize) -> String {
    let following = following_phrase(chars, unit_end);
    if let Some(noun) = following
        .as_deref()
        .filter(|p| !starts_with_any(p, NOT_A_NOUN_START))
    {
        if noun.chars().count() >= 2 {
            return noun.to_string();
        }
    }
    let before: String = chars[context_start.min(start)..start].iter().collect();
    let label = clean_preceding(&before);
    if !label.is_empty() {
        return label;
    }
    // Nothing before (`连续十二年在全市范围内广泛开展岗位练兵`): take the object that follows.
    following.map(|p| clean_following(&p)).unwrap_or_default()
}

fn following_phrase(chars: &[char], from: usize) -> Option<String> {
    let mut phrase = String::new();
    for &c in chars.iter().skip(from).take(24) {
        if is_clause_break(c) || c.is_ascii_digit() || c == '的' || c == ' ' {
            break;
        }
        phrase.push(c);
    }
    // `“推进职业技能评价”政策宣讲活动`: the noun is after the quoted name.
    if let Some(pos) = phrase.rfind(['”', '」', '"', '’']) {
        let tail = &phrase[pos + phrase[pos..].chars().next().map_or(1, char::len_utf8)..];
        if !tail.is_empty() {
            phrase = tail.to_string();
        }
    }
    let phrase = phrase
        .trim_matches(|c: char| "“”「」\"'‘’ ".contains(c))
        .to_string();
    (!phrase.is_empty()).then_some(phrase)
}

fn clean_preceding(before: &str) -> String {
    let mut text = before
        .trim()
        .trim_matches(|c: char| "“”「」\"'‘’ ".contains(c));
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
            return r;
        }
    }
    text
}

fn starts_with_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.starts_with(w))
}

fn strip_suffixes<'a>(text: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .find_map(|w| text.strip_suffix(w))
        .unwrap_or(text)
}

fn strip_prefixes<'a>(text: &'a str, words: &[&str]) -> &'a str {
    words
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .unwrap_or(text)
}
