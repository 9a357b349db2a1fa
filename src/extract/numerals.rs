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
    let mut text = String::new();
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
    if digits == 0 {
        return None;
    }
    let mut decimal = false;
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
    let value: f64 = text.parse().ok()?;
    value.is_finite().then_some(Numeral {
        value,
        len: j - i,
        kind: NumeralKind::Arabic { digits, decimal },
    })
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

fn chinese_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_unit(c).is_some()
}

/// Reads a Chinese numeral starting at `i`: `十二`, `两千三百`, `一千二百三十四万五千`, `三万五`
/// (colloquial: the last digit counts in the next lower place), `三点五`, `二零二一`.
///
/// A numeral must open with a digit or 十: a bare 万, 百 or 千 is a word (万家灯火, 百姓).
pub fn read_chinese(chars: &[char], i: usize) -> Option<Numeral> {
    let first = *chars.get(i)?;
    if chinese_digit(first).is_none() && !matches!(first, '十' | '拾') {
        return None;
    }
    let mut j = i;
    let mut only_digits = true;
    let mut yi_part = 0.0f64;
    let mut wan_part = 0.0f64;
    let mut section = 0.0f64;
    let mut number: Option<f64> = None;
    let mut last_unit: Option<f64> = None;
    let mut zero_seen = false;
    let mut digit_run = String::new();
    while let Some(&c) = chars.get(j) {
        if let Some(d) = chinese_digit(c) {
            if number.is_some_and(|n| n != 0.0) && !only_digits {
                break; // two digits in a row after a place word: 三五 in 二十三五… is not one number
            }
            if number.is_some() && only_digits {
                digit_run.push(char::from_digit(d, 10)?);
                number = Some(number.unwrap_or(0.0) * 10.0 + d as f64);
            } else {
                digit_run.push(char::from_digit(d, 10)?);
                number = Some(d as f64);
            }
            if d == 0 {
                zero_seen = true;
            }
            j += 1;
        } else if let Some(unit) = chinese_unit(c) {
            if only_digits && digit_run.len() > 1 {
                break; // 二零二一万: a digit-by-digit run takes no place words
            }
            only_digits = false;
            match unit {
                1e4 => {
                    let n = section + number.unwrap_or(0.0);
                    wan_part = if n == 0.0 { 1.0 } else { n };
                    section = 0.0;
                }
                1e8 => {
                    let n = wan_part * 1e4 + section + number.unwrap_or(0.0);
                    yi_part += if n == 0.0 { 1.0 } else { n };
                    wan_part = 0.0;
                    section = 0.0;
                }
                u => {
                    if let Some(prev) = last_unit {
                        if prev < 1e4 && u >= prev && number.is_none() {
                            break; // 十百: not a numeral
                        }
                    }
                    section += number.unwrap_or(1.0) * u;
                }
            }
            number = None;
            zero_seen = false;
            last_unit = Some(unit);
            j += 1;
        } else if c == '点' && chars.get(j + 1).and_then(|c| chinese_digit(*c)).is_some() {
            // Decimal part: digits after 点 are read one by one.
            let whole = yi_part * 1e8 + wan_part * 1e4 + section + number.unwrap_or(0.0);
            let mut frac = String::from("0.");
            let mut k = j + 1;
            while let Some(d) = chars.get(k).and_then(|c| chinese_digit(*c)) {
                frac.push(char::from_digit(d, 10)?);
                k += 1;
            }
            let value = whole + frac.parse::<f64>().ok()?;
            // 三点五万: a place word after the decimal scales the whole.
            let (value, k) = match chars.get(k).and_then(|c| chinese_unit(*c)) {
                Some(u) if u >= 1e4 => (value * u, k + 1),
                _ => (value, k),
            };
            return Some(Numeral {
                value,
                len: k - i,
                kind: NumeralKind::Chinese {
                    single: false,
                    first,
                },
            });
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    if only_digits {
        let len = j - i;
        return Some(Numeral {
            value: number.unwrap_or(0.0),
            len,
            kind: if len > 1 {
                NumeralKind::ChineseDigits
            } else {
                NumeralKind::Chinese {
                    single: true,
                    first,
                }
            },
        });
    }
    let mut tail = number.unwrap_or(0.0);
    // 三万五 = 35000, 两千三 = 2300: a last digit right after a place word (no 零 between)
    // stands one place lower.
    if let (Some(unit), Some(_)) = (last_unit, number) {
        if !zero_seen && unit > 10.0 {
            tail *= unit / 10.0;
        }
    }
    let value = yi_part * 1e8 + wan_part * 1e4 + section + tail;
    Some(Numeral {
        value,
        len: j - i,
        kind: NumeralKind::Chinese {
            single: false,
            first,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
