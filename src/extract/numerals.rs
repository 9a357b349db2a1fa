//! Numerals: Arabic (with separators, full-width digits, decimals) and Chinese (positional,
//! financial, digit by digit), each read from a position in a paragraph's characters.

/// A numeral read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Numeral {
    pub value: f64,
    /// Characters consumed.
    pub len: usize,
    pub kind: NumeralKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumeralKind {
    Arabic {
        digits: usize,
        decimal: bool,
    },
    /// Positional Chinese (`十二`, `两千三百`); `single` when it is one digit character alone.
    Chinese {
        single: bool,
        first: char,
    },
    /// Digit by digit (`二零二一`): only ever a year or a code.
    ChineseDigits,
    /// English number words (`three hundred and two`).
    English,
}

pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads `70639`, `70,639`, `2147.9`, `４９４８` starting at `i`.
pub fn read_arabic(chars: &[char], i: usize) -> Option<Numeral> {
    let mut j = i;
    let mut text = DecimalText::default();
    let mut digits = 0usize;
    while j < chars.len() {
        if let Some(d) = arabic_digit(chars[j]) {
            text.push(char::from_digit(d, 10)?);
            digits += 1;
            j += 1;
        } else if chars[j] == ','
            && digits > 0
            && (j + 3 < chars.len() + 1)
            && (1..=3).all(|k| chars.get(j + k).and_then(|c| arabic_digit(*c)).is_some())
            && chars.get(j + 4).and_then(|c| arabic_digit(*c)).is_none()
        {
            // A thousands separator: exactly three digits follow.
            j += 1;
        } else {
            break;
        }
    }
    let mut decimal = false;
    if digits == 0 {
        // .5: a decimal without its leading zero.
        if !(matches!(chars.get(j), Some('.'))
            && chars.get(j + 1).and_then(|c| arabic_digit(*c)).is_some())
        {
            return None;
        }
        text.push('0');
    }
    if matches!(chars.get(j), Some('.') | Some('．'))
        && chars.get(j + 1).and_then(|c| arabic_digit(*c)).is_some()
    {
        decimal = true;
        text.push('.');
        j += 1;
        while let Some(d) = chars.get(j).and_then(|c| arabic_digit(*c)) {
            text.push(char::from_digit(d, 10)?);
            j += 1;
        }
    }
    // 1.5e3, -127.32e13, 2.789e-1: an exponent, when nothing alphanumeric follows it.
    if matches!(chars.get(j), Some('e' | 'E')) {
        let sign = usize::from(matches!(chars.get(j + 1), Some('-' | '+')));
        let mut k = j + 1 + sign;
        let exp_start = k;
        while chars.get(k).and_then(|c| arabic_digit(*c)).is_some() {
            k += 1;
        }
        if k > exp_start
            && k - exp_start <= 3
            && !chars.get(k).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            text.push('e');
            text.extend(chars[j + 1..k].iter().map(|c| match arabic_digit(*c) {
                Some(d) => char::from_digit(d, 10).unwrap_or('0'),
                None => *c,
            }));
            j = k;
            decimal = true;
        }
    }
    let value: f64 = text.as_str()?.parse().ok()?;
    value.is_finite().then_some(Numeral {
        value,
        len: j - i,
        kind: NumeralKind::Arabic { digits, decimal },
    })
}

/// The ASCII text of a numeral, kept on the stack: one is built for every number in a post.
/// Longer numerals than it holds are not figures anyone charts; they read as nothing.
struct DecimalText {
    bytes: [u8; 64],
    len: usize,
    overflow: bool,
}

impl Default for DecimalText {
    fn default() -> Self {
        DecimalText {
            bytes: [0; 64],
            len: 0,
            overflow: false,
        }
    }
}

impl DecimalText {
    fn push(&mut self, c: char) {
        match (u8::try_from(c), self.bytes.get_mut(self.len)) {
            (Ok(b), Some(slot)) if b.is_ascii() => {
                *slot = b;
                self.len += 1;
            }
            _ => self.overflow = true,
        }
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(&self.bytes[..self.len]).ok()
    }
}

impl Extend<char> for DecimalText {
    fn extend<T: IntoIterator<Item = char>>(&mut self, chars: T) {
        chars.into_iter().for_each(|c| self.push(c));
    }
}

pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '貳' | '贰' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_place(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// Every character [`is_chinese_numeral_char`] accepts, for its quick first test.
pub const NUMERALS: crate::extract::normalize::CharFilter =
    crate::extract::normalize::CharFilter::of(&[
        '零', '〇', '一', '壹', '幺', '二', '两', '貳', '贰', '兩', '三', '叁', '參', '四', '肆',
        '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰',
        '千', '仟', '万', '亿', '兆', '廿', '卅', '卌',
    ]);

pub fn is_chinese_numeral_char(c: char) -> bool {
    NUMERALS.might_contain(c)
        && (chinese_digit(c).is_some()
            || chinese_place(c).is_some()
            || matches!(c, '廿' | '卅' | '卌'))
}

/// Financial numerals (大写): written for amounts, and as ordinary words when alone
/// (队伍, 拾到, 肆意, 陆地).
pub fn is_financial(c: char) -> bool {
    "壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

/// A place word at `j`: 十 百 千 万 亿 兆, and the doubled forms 万万 (1e8) and 万亿 (1e12).
/// 兆 before 瓦, 赫, 帕, 字 or 比 is the metric prefix of a unit, not 10^12.
fn place_at(chars: &[char], j: usize) -> Option<(f64, usize)> {
    let c = *chars.get(j)?;
    let value = chinese_place(c)?;
    if c == '兆'
        && chars
            .get(j + 1)
            .is_some_and(|n| "瓦赫帕字比焦".contains(*n))
    {
        return None;
    }
    if value == 1e4 {
        match chars.get(j + 1) {
            Some('亿') => return Some((1e12, 2)),
            Some('万') => return Some((1e8, 2)),
            _ => {}
        }
    }
    Some((value, 1))
}

/// Where the next token starts after `j`, skipping the spaces that some texts put between
/// numeral characters (`一百 五 十 二`), if a numeral token follows them.
fn next_token(chars: &[char], j: usize) -> usize {
    let mut k = j;
    while chars.get(k) == Some(&' ') {
        k += 1;
    }
    if k > j
        && chars
            .get(k)
            .is_some_and(|c| is_chinese_numeral_char(*c) || *c == '点')
    {
        k
    } else {
        j
    }
}

/// A numeral read positionally: Chinese digits and place words, Arabic digit groups in place of
/// Chinese digits (`5亿1万4千6百`, `2147.9万`), 点 decimals, colloquial tails (`三万五`).
///
/// `trailing` is set when the numeral is a smaller number times one final large place word
/// (`2147.9万`, `两千三百万`, `1.2万亿`): (that number, the place value), so that callers can
/// keep the scale word apart as the text wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct Positional {
    pub value: f64,
    pub len: usize,
    pub kind: NumeralKind,
    pub trailing: Option<(f64, f64)>,
}

/// Reads a numeral at `i`. `unit_len(j)` tells how long a unit starting at `j` is, so that a
/// place word that begins a unit (`千米`, `千瓦`) is left to the unit.
pub fn read_positional(
    chars: &[char],
    i: usize,
    unit_len: &dyn Fn(usize) -> usize,
) -> Option<Positional> {
    let first = *chars.get(i)?;
    let starts_arabic = arabic_digit(first).is_some() || first == '.';
    if !starts_arabic
        && chinese_digit(first).is_none()
        && !matches!(first, '十' | '拾' | '廿' | '卅' | '卌' | '.')
    {
        return None; // a bare 万, 百 or 千 is a word (万家灯火, 百姓)
    }
    let mut big = 0.0f64; // the part at or above 1e4, already multiplied out
    let mut section = 0.0f64; // the part below 1e4
    let mut number: Option<f64> = None;
    let mut number_is_single_chinese = false;
    let mut last_place: Option<f64> = None;
    let mut last_big: Option<f64> = None;
    let mut zero_seen = false;
    let mut only_digits = true;
    let mut digit_run = 0usize;
    let mut tokens = 0usize;
    let mut arabic_kind: Option<NumeralKind> = None;
    let mut trailing: Option<(f64, f64)> = None;
    let mut j = i;
    let mut end = i;
    while let Some(&c) = chars.get(j) {
        if let Some(n) = (arabic_digit(c).is_some() || (c == '.' && j == i))
            .then(|| read_arabic(chars, j))
            .flatten()
        {
            if number.is_some_and(|n| n != 0.0 || only_digits) {
                break; // two numbers in a row: 3 5 (but 1千零20)
            }
            number = Some(n.value);
            number_is_single_chinese = false;
            if tokens == 0 {
                arabic_kind = Some(n.kind);
            }
            j += n.len;
        } else if c == '两' && j > i && !place_at(chars, j + 1).is_some_and(|(p, _)| p >= 100.0) {
            // 两 after a numeral is the weight (三十两, 二两), unless a place word follows (两百).
            break;
        } else if let Some(d) = chinese_digit(c) {
            if !only_digits && number.is_some_and(|n| n != 0.0) {
                break; // 二十三五: a second digit after a place word's digit
            }
            if only_digits && number.is_some() {
                number = Some(number.unwrap_or(0.0) * 10.0 + d as f64);
                digit_run += 1;
            } else {
                number = Some(d as f64);
                digit_run = 1;
            }
            number_is_single_chinese = true;
            if d == 0 {
                zero_seen = true;
            }
            j += 1;
        } else if let Some(tens) = match c {
            '廿' => Some(20.0),
            '卅' => Some(30.0),
            '卌' => Some(40.0),
            _ => None,
        } {
            if number.is_some_and(|n| n != 0.0) {
                break;
            }
            section += tens;
            only_digits = false;
            number = None;
            number_is_single_chinese = false;
            last_place = Some(10.0);
            j += 1;
        } else if let Some((place, len)) = place_at(chars, j) {
            if only_digits && digit_run > 1 {
                // 二零二一万 takes no place word; 二三十 (twenty or thirty) is no number at all.
                return None;
            }
            if number.is_some() && arabic_kind.is_some() && unit_len(j) > len {
                break; // 5千米: the unit 千米
            }
            if place < 1e4 {
                if let Some(prev) = last_place {
                    if prev < 1e4 && place >= prev && number.is_none() {
                        break; // 十百: not a numeral
                    }
                }
                // 十 alone or after 零 (一万零十二) counts one ten.
                let count = number.filter(|n| *n != 0.0).unwrap_or(1.0);
                section += count * place;
            } else {
                let head = section + number.unwrap_or(0.0);
                let head = if head == 0.0 && big == 0.0 { 1.0 } else { head };
                trailing = (big == 0.0).then_some((head, place));
                if big != 0.0 && head == 0.0 {
                    big *= place; // 十万亿 read as 十万 then 亿
                } else if big != 0.0 && last_big.is_some_and(|p| p > place) {
                    big += head * place;
                } else {
                    big = (big + head) * place;
                }
                section = 0.0;
                last_big = Some(place);
            }
            only_digits = false;
            number = None;
            number_is_single_chinese = false;
            zero_seen = false;
            last_place = Some(place);
            j += len;
        } else {
            break;
        }
        tokens += 1;
        end = j;
        j = next_token(chars, j);
    }
    if end == i {
        return None;
    }
    if trailing.is_some() && (number.is_some() || section != 0.0) {
        trailing = None; // something followed the last large place word
    }
    // 三万五 = 35000, 两千三 = 2300: a last single digit right after a place word (no 零
    // between) stands one place lower.
    let mut tail = number.unwrap_or(0.0);
    if let (Some(place), true) = (last_place, number_is_single_chinese) {
        if !zero_seen && place > 10.0 {
            tail *= place / 10.0;
        }
    }
    let mut value = big + section + tail;
    let mut len = end - i;
    // Decimals after 点: digits one by one (三点五, 一千六点五, 四百 点 五).
    let point = next_token(chars, end);
    if chars.get(point) == Some(&'点') {
        let mut k = next_token(chars, point + 1);
        let mut frac = String::from("0.");
        while let Some(d) = chars
            .get(k)
            .and_then(|c| chinese_digit(*c).or_else(|| arabic_digit(*c)))
        {
            frac.push(char::from_digit(d, 10)?);
            k += 1;
            let next = next_token(chars, k);
            if chars.get(next).and_then(|c| chinese_digit(*c)).is_some() {
                k = next;
            }
        }
        if frac.len() > 2 {
            value += frac.parse::<f64>().ok()?;
            len = k - i;
            trailing = None;
            // 三点五万: a large place word after the decimals scales the whole.
            if let Some((place, plen)) = place_at(chars, k).filter(|(p, _)| *p >= 1e4) {
                trailing = Some((value, place));
                value *= place;
                len += plen;
            }
        }
    }
    let kind = if let (Some(kind), None, true) = (arabic_kind, last_place, trailing.is_none()) {
        kind
    } else if only_digits && digit_run > 1 && last_place.is_none() {
        NumeralKind::ChineseDigits
    } else if only_digits && tokens == 1 && !starts_arabic {
        NumeralKind::Chinese {
            single: true,
            first,
        }
    } else {
        NumeralKind::Chinese {
            single: false,
            first,
        }
    };
    value.is_finite().then_some(Positional {
        value,
        len,
        kind,
        trailing,
    })
}

/// Reads a Chinese numeral starting at `i` (see [`read_positional`]).
#[cfg(test)]
pub fn read_chinese(chars: &[char], i: usize) -> Option<Numeral> {
    if arabic_digit(*chars.get(i)?).is_some() {
        return None;
    }
    let p = read_positional(chars, i, &|_| 0)?;
    Some(Numeral {
        value: p.value,
        len: p.len,
        kind: p.kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_numeral_filter_lets_every_numeral_through() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let exact = chinese_digit(c).is_some()
                || chinese_place(c).is_some()
                || matches!(c, '廿' | '卅' | '卌');
            assert_eq!(is_chinese_numeral_char(c), exact, "{c:?}");
        }
    }

    fn cn(s: &str) -> f64 {
        let chars: Vec<char> = s.chars().collect();
        let n = read_chinese(&chars, 0).unwrap();
        assert_eq!(n.len, chars.len(), "{s} read whole");
        n.value
    }

    fn ar(s: &str) -> (f64, usize) {
        let chars: Vec<char> = s.chars().collect();
        let n = read_arabic(&chars, 0).unwrap();
        (n.value, n.len)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn("十二"), 12.0);
        assert_eq!(cn("十"), 10.0);
        assert_eq!(cn("二十"), 20.0);
        assert_eq!(cn("两千三百"), 2300.0);
        assert_eq!(cn("一千二百三十四万五千"), 12_345_000.0);
        assert_eq!(cn("三万五"), 35_000.0);
        assert_eq!(cn("两千三"), 2300.0);
        assert_eq!(cn("一百零五"), 105.0);
        assert_eq!(cn("壹仟"), 1000.0);
        assert_eq!(cn("一万亿"), 1e12);
        assert_eq!(cn("三亿五千万"), 3.5e8);
        assert_eq!(cn("三点五"), 3.5);
        assert_eq!(cn("二零二一"), 2021.0);
    }

    #[test]
    fn bare_place_word_is_not_a_numeral() {
        let chars: Vec<char> = "万家".chars().collect();
        assert!(read_chinese(&chars, 0).is_none());
    }

    #[test]
    fn arabic_numerals() {
        assert_eq!(ar("70639人"), (70639.0, 5));
        assert_eq!(ar("70,639人"), (70639.0, 6));
        assert_eq!(ar("2147.9万"), (2147.9, 6));
        assert_eq!(ar("４９４８"), (4948.0, 4));
        // A comma not followed by exactly three digits is punctuation.
        assert_eq!(ar("12,34"), (12.0, 2));
        assert_eq!(ar("5."), (5.0, 1));
    }
}
