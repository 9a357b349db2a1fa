//! The unit and scale lexicons: what may follow a number in news text.

/// Scale words after a number: `2147.9万`, `1.2万亿`, `3千`, `5 million`.
/// Longest first, so that 万亿 wins over 万.
const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("十亿", 1e9),
    ("千万", 1e7),
    ("百万", 1e6),
    ("十万", 1e5),
    ("亿", 1e8),
    ("億", 1e8),
    ("万", 1e4),
    ("萬", 1e4),
    ("千", 1e3),
];

const ENGLISH_SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    // (`2.50 Billion`, as a headline or a release writes it.)
    ("Trillion", 1e12),
    ("Billion", 1e9),
    ("Million", 1e6),
    ("Thousand", 1e3),
    ("hundred", 1e2),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tln", 1e12),
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("lkhs", 1e5),
    ("crores", 1e7),
    ("crore", 1e7),
    ("tn", 1e12),
    ("K", 1e3),
    ("k", 1e3),
    ("b", 1e9),
    ("M", 1e6),
    ("B", 1e9),
];

/// Units as written after a number, mapped to the unit reported. Longest first within a
/// shared prefix is ensured by [`read_unit`] trying longer matches first.
const UNITS: &[(&str, &str)] = &[
    // Percentages and changes.
    ("个百分点", "个百分点"),
    ("百分点", "个百分点"),
    ("个基点", "个基点"),
    ("基点", "个基点"),
    ("%", "%"),
    ("％", "%"),
    ("‰", "‰"),
    ("倍", "倍"),
    // Money.
    ("美元", "美元"),
    ("港元", "港元"),
    ("港币", "港元"),
    ("欧元", "欧元"),
    ("日元", "日元"),
    ("英镑", "英镑"),
    ("韩元", "韩元"),
    ("卢布", "卢布"),
    ("元人民币", "元"),
    ("块钱", "元"),
    ("元", "元"),
    // People and counts.
    ("人次", "人次"),
    ("人", "人"),
    ("名", "名"),
    ("位", "位"),
    ("户", "户"),
    ("家", "家"),
    ("个月", "个月"),
    ("个", "个"),
    ("项", "项"),
    ("件", "件"),
    ("批次", "批次"),
    ("次", "次"),
    ("期", "期"),
    ("届", "届"),
    ("场", "场"),
    ("批", "批"),
    ("所", "所"),
    ("台", "台"),
    ("辆", "辆"),
    ("架", "架"),
    ("艘", "艘"),
    ("套", "套"),
    ("例", "例"),
    ("座", "座"),
    ("条", "条"),
    ("款", "款"),
    ("只", "只"),
    ("头", "头"),
    ("张", "张"),
    ("份", "份"),
    ("篇", "篇"),
    ("部", "部"),
    ("支", "支"),
    ("种", "种"),
    ("类", "类"),
    ("起", "起"),
    ("宗", "宗"),
    ("笔", "笔"),
    ("单", "单"),
    ("股", "股"),
    ("手", "手"),
    ("岁", "岁"),
    // Time spans (a year number followed by 年 is a date, decided by the caller).
    ("年", "年"),
    ("周", "周"),
    ("天", "天"),
    ("小时", "小时"),
    // Measures.
    ("千瓦时", "千瓦时"),
    ("千瓦", "千瓦"),
    ("兆瓦", "兆瓦"),
    ("吉瓦", "吉瓦"),
    ("度电", "千瓦时"),
    ("载重吨", "载重吨"),
    ("吨", "吨"),
    ("桶", "桶"),
    ("盎司", "盎司"),
    ("票", "票"),
    ("辆次", "辆次"),
    ("架次", "架次"),
    ("人民币", "元"),
    ("公斤", "公斤"),
    ("千克", "公斤"),
    ("克", "克"),
    ("斤", "斤"),
    ("摄氏度", "℃"),
    ("摄氏°", "℃"),
    ("华氏度", "℉"),
    ("华氏°", "℉"),
    ("度", "°"),
    ("°", "°"),
    ("天大", "日龄"),
    ("周大", "周龄"),
    ("个月大", "月龄"),
    ("℃", "℃"),
    ("°C", "℃"),
    ("℉", "℉"),
    ("°F", "℉"),
    ("英里", "英里"),
    ("英尺", "英尺"),
    ("英寸", "英寸"),
    ("英吋", "英寸"),
    ("厘米", "厘米"),
    ("公分", "厘米"),
    ("毫米", "毫米"),
    ("周岁", "岁"),
    ("美分", "美分"),
    ("美圆", "美元"),
    ("瑞士法郎", "法郎"),
    ("法郎", "法郎"),
    ("新台币", "新台币"),
    ("台币", "新台币"),
    ("奈拉", "奈拉"),
    ("比特币", "比特币"),
    ("个比特币", "比特币"),
    ("卢比", "卢比"),
    ("澳元", "澳元"),
    ("加元", "加元"),
    ("公尺", "米"),
    ("呎", "英尺"),
    ("吋", "英寸"),
    ("赫兹", "赫兹"),
    ("微克", "微克"),
    ("毫克", "毫克"),
    ("美金", "美元"),
    ("平方公里", "平方公里"),
    ("平方千米", "平方公里"),
    ("平方米", "平方米"),
    ("平米", "平方米"),
    ("立方米", "立方米"),
    ("公里", "公里"),
    ("千米", "公里"),
    ("米", "米"),
    ("公顷", "公顷"),
    ("亩", "亩"),
    ("升", "升"),
    ("标箱", "标箱"),
    ("TEU", "标箱"),
    ("GWh", "GWh"),
    ("GWH", "GWh"),
    ("MWh", "MWh"),
    ("MWH", "MWh"),
    ("kWh", "千瓦时"),
    ("GW", "GW"),
    ("MW", "MW"),
    ("km", "公里"),
    ("kg", "公斤"),
    ("cm", "厘米"),
    ("mm", "毫米"),
    ("m", "米"),
    ("USD", "$"),
    ("usd", "$"),
    ("EUR", "欧元"),
    ("GBP", "英镑"),
    ("BTC", "比特币"),
    ("$", "$"),
    ("€", "欧元"),
    ("£", "英镑"),
    ("₡", "科朗"),
    ("₾", "拉里"),
    ("₭", "基普"),
    ("₿", "比特币"),
];

const ENGLISH_UNITS: &[(&str, &str)] = &[
    ("percentage points", "个百分点"),
    ("percentage point", "个百分点"),
    ("pp", "个百分点"),
    ("basis points", "个基点"),
    ("percent", "%"),
    ("per cent", "%"),
    ("people", "people"),
    ("persons", "people"),
    ("workers", "workers"),
    ("jobs", "jobs"),
    ("companies", "companies"),
    ("firms", "companies"),
    ("tons", "tons"),
    ("tonnes", "tons"),
    ("chinese yuan", "元"),
    ("yuan", "元"),
    ("rmb", "元"),
    ("satoshis", "聪"),
    ("turkish lira", "里拉"),
    ("lira", "里拉"),
    ("pesetas", "比塞塔"),
    ("finnish markka", "马克"),
    ("markka", "马克"),
    ("marks", "马克"),
    ("us dollars", "$"),
    ("us dollar", "$"),
    ("dollars", "$"),
    ("dollar", "$"),
    ("cents", "美分"),
    ("cent", "美分"),
    ("pence", "便士"),
    ("pounds", "英镑"),
    ("euros", "欧元"),
    ("euro", "欧元"),
    ("yen", "日元"),
    ("francs", "法郎"),
    ("swiss francs", "法郎"),
    ("rupees", "卢比"),
    ("guilders", "荷兰盾"),
    ("dutch guilders", "荷兰盾"),
    ("australian dollars", "澳元"),
    ("canadian dollars", "加元"),
    ("feet", "英尺"),
    ("foot", "英尺"),
    ("inches", "英寸"),
    ("inch", "英寸"),
    ("miles", "英里"),
    ("mile", "英里"),
    ("kilometers", "公里"),
    ("kilometres", "公里"),
    ("meters", "米"),
    ("metres", "米"),
    ("units", "units"),
    ("vehicles", "vehicles"),
    ("cars", "cars"),
];

/// Currency signs written before a number: `$5`, `¥30`, `US$2`, `HK$1`.
const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "$"),
    ("HK$", "港元"),
    ("$", "$"),
    ("¥", "元"),
    ("￥", "元"),
    ("€", "欧元"),
    ("£", "英镑"),
    ("USD", "$"),
    ("EUR", "欧元"),
    ("GBP", "英镑"),
    ("JPY", "日元"),
    ("HKD", "港元"),
    ("₿", "比特币"),
    ("RMB", "元"),
    ("CNY", "元"),
    ("人民币", "元"),
    ("港币", "港元"),
];

fn starts_with_at(chars: &[char], i: usize, word: &str) -> bool {
    (i..)
        .zip(word.chars())
        .all(|(k, w)| chars.get(k) == Some(&w))
}

/// The longest word of `table` at `i`, looked up through `index` (the table's rows by first
/// character): units are asked at every figure, and scanning the whole lexicon each time was
/// most of the extraction time.
fn longest<T: Copy>(
    chars: &[char],
    i: usize,
    table: &[(&str, T)],
    index: &FirstChars,
) -> Option<(T, usize)> {
    let first = *chars.get(i)?;
    index
        .rows(table, first)
        .iter()
        .filter(|&&(_, row, _)| starts_with_at(chars, i, table[row as usize].0))
        .map(|&(_, row, len)| (table[row as usize].1, len as usize))
        .max_by_key(|(_, len)| *len)
}

/// A lexicon's rows grouped by the first character of their word, built on first use:
/// (first character, row, length of the word in characters).
struct FirstChars(std::sync::OnceLock<Vec<(char, u16, u16)>>);

impl FirstChars {
    const fn new() -> FirstChars {
        FirstChars(std::sync::OnceLock::new())
    }

    /// The rows of `table` whose word starts with `c`.
    fn rows<T>(&self, table: &[(&str, T)], c: char) -> &[(char, u16, u16)] {
        let index = self.0.get_or_init(|| {
            let first = |row: usize| table[row].0.chars().next().unwrap_or('\0');
            let mut rows: Vec<usize> = (0..table.len()).collect();
            crate::sort_indices(&mut rows, &|a, b| first(a).cmp(&first(b)));
            rows.into_iter()
                .map(|row| (first(row), row as u16, table[row].0.chars().count() as u16))
                .collect()
        });
        let from = index.partition_point(|(first, _, _)| *first < c);
        let rest = &index[from..];
        let to = rest.iter().take_while(|(first, _, _)| *first == c).count();
        &rest[..to]
    }
}

static SCALES_INDEX: FirstChars = FirstChars::new();
static ENGLISH_SCALES_INDEX: FirstChars = FirstChars::new();
static PER_INDEX: FirstChars = FirstChars::new();
static UNITS_INDEX: FirstChars = FirstChars::new();
static ENGLISH_UNITS_INDEX: FirstChars = FirstChars::new();

/// A scale word at `i` (after an optional space for English words): (factor, chars consumed).
pub fn read_scale(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if let Some(found) = longest(chars, i, SCALES, &SCALES_INDEX) {
        return Some(found);
    }
    let space = usize::from(chars.get(i) == Some(&' '));
    // 30 MUSD, 120 MEUR: a million of a currency code.
    if chars.get(i + space) == Some(&'M')
        && ["USD", "EUR", "GBP"].iter().any(|code| {
            (1..=3).all(|k| chars.get(i + space + k) == code.chars().nth(k - 1).as_ref())
        })
    {
        return Some((1e6, space + 1));
    }
    let (factor, len) = longest(chars, i + space, ENGLISH_SCALES, &ENGLISH_SCALES_INDEX)?;
    // An English scale word must end there: `5 Million`, not `5 Mbps`.
    let after = chars.get(i + space + len);
    if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // Single letters only directly after the digits (5M), but for a thousand (2.33 k).
    if len == 1 && space == 1 && !matches!(chars.get(i + space), Some('k' | 'K')) {
        return None;
    }
    Some((factor, space + len))
}

/// What may follow `/` in a compound unit (`元/瓦`, `美元/桶`, `元/W`).
const PER: &[(&str, &str)] = &[
    ("平方米", "平方米"),
    ("千瓦时", "千瓦时"),
    ("吨", "吨"),
    ("瓦", "瓦"),
    ("W", "W"),
    ("桶", "桶"),
    ("股", "股"),
    ("克", "克"),
    ("斤", "斤"),
    ("公斤", "公斤"),
    ("kg", "kg"),
    ("盎司", "盎司"),
    ("人", "人"),
    ("月", "月"),
    ("年", "年"),
    ("天", "天"),
    ("次", "次"),
    ("台", "台"),
    ("辆", "辆"),
    ("亩", "亩"),
    ("度", "度"),
    ("千克", "千克"),
    ("小时", "小时"),
];

/// A unit, or a compound unit per something (`元/瓦`), at `i`: (unit, chars consumed).
pub fn read_unit_per(chars: &[char], i: usize) -> Option<(String, usize)> {
    let (unit, len) = read_unit(chars, i)?;
    if chars.get(i + len) == Some(&'/') {
        if let Some((per, per_len)) = longest(chars, i + len + 1, PER, &PER_INDEX) {
            if !chars
                .get(i + len + 1 + per_len)
                .is_some_and(|c| c.is_ascii_alphabetic())
            {
                return Some((format!("{unit}/{per}"), len + 1 + per_len));
            }
        }
    }
    Some((unit.to_string(), len))
}

/// A unit at `i`: (reported unit, chars consumed).
pub fn read_unit(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    // `数学为82.5分`: a score. 分 opens many words (分钟, 分之, 分别, 分析, 分公司…): only alone.
    if chars.get(i) == Some(&'分') {
        // (After digits only: `十分激动` is "very", `万分` "utterly".)
        let digits = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .is_some_and(|c| c.is_ascii_digit() || *c == ' ');
        let word = !digits
            || chars.get(i + 1).is_some_and(|c| {
                "钟之别析布成行局会子店红配期批摊享散级拆类化担流段秒数值位厘米".contains(*c)
            });
        return (!word).then_some(("分", 1));
    }
    if let Some((unit, len)) = longest(chars, i, UNITS, &UNITS_INDEX) {
        // Latin units must end at a word boundary: `5 kg`, not `5 kgs`… or `GWhx`.
        let latin = chars[i].is_ascii_alphabetic();
        if !(latin && chars.get(i + len).is_some_and(|c| c.is_ascii_alphabetic())) {
            return Some((unit, len));
        }
    }
    let space = usize::from(chars.get(i) == Some(&' '));
    let (unit, len) = longest(chars, i + space, ENGLISH_UNITS, &ENGLISH_UNITS_INDEX)?;
    if chars
        .get(i + space + len)
        .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    Some((unit, space + len))
}

/// A currency sign ending right before `i`: (unit, chars it takes).
/// A one-character counting word (`起`, `个`, `次`) rather than a currency or a measure.
pub fn is_counting_word(unit: &str) -> bool {
    matches!(unit, "起" | "个" | "次" | "件" | "份" | "项" | "笔" | "款")
}

pub fn currency_before(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    // Asked before every number: most numbers follow no currency sign at all.
    let last = *chars.get(i.checked_sub(1)?)?;
    if !matches!(
        last,
        '$' | '¥' | '￥' | '€' | '£' | '₿' | '币' | 'D' | 'R' | 'P' | 'Y' | 'B'
    ) {
        return None;
    }
    CURRENCY_PREFIXES
        .iter()
        .filter_map(|(sign, unit)| {
            let n = sign.chars().count();
            let start = i.checked_sub(n)?;
            starts_with_at(chars, start, sign).then_some((*unit, n))
        })
        .max_by_key(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn every_currency_prefix_ends_in_a_listed_character() {
        for (sign, _) in CURRENCY_PREFIXES {
            let text: Vec<char> = format!("{sign}5").chars().collect();
            let at = text.len() - 1;
            assert!(currency_before(&text, at).is_some(), "{sign}");
        }
    }

    #[test]
    fn longest_unit_wins() {
        assert_eq!(read_unit(&chars("人次，"), 0), Some(("人次", 2)));
        assert_eq!(read_unit(&chars("个百分点"), 0), Some(("个百分点", 4)));
        assert_eq!(read_unit(&chars("个月"), 0), Some(("个月", 2)));
        assert_eq!(read_unit(&chars(" people."), 0), Some(("people", 7)));
        assert_eq!(read_unit(&chars("kgs"), 0), None);
    }

    #[test]
    fn scales() {
        assert_eq!(read_scale(&chars("万亿元"), 0), Some((1e12, 2)));
        assert_eq!(read_scale(&chars("万元"), 0), Some((1e4, 1)));
        assert_eq!(read_scale(&chars(" million"), 0), Some((1e6, 8)));
        assert_eq!(read_scale(&chars("M "), 0), Some((1e6, 1)));
        assert_eq!(read_scale(&chars(" M"), 0), None);
        assert_eq!(read_scale(&chars("Mbps"), 0), None);
    }

    #[test]
    fn currency_signs() {
        assert_eq!(currency_before(&chars("US$5"), 3), Some(("$", 3)));
        assert_eq!(currency_before(&chars("约¥5"), 2), Some(("元", 1)));
        assert_eq!(currency_before(&chars("5"), 0), None);
    }
}
