//! Numbers as a reader sees them: `2147.9万元`, `4,948 people`, `$21.5M`, never float noise.

/// Formats a plain number with at most `max_decimals` decimals and no float noise; thousands
/// separated by commas when `grouped`.
pub fn number(v: f64, max_decimals: usize, grouped: bool) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "–".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    if v.abs() >= 1e15 {
        return scientific(v);
    }
    // 12 significant digits are more than any stated figure has, and fewer than float noise.
    let magnitude_digits = if v == 0.0 {
        1
    } else {
        (v.abs().log10().floor() as i64 + 1).max(1)
    };
    let decimals = (12 - magnitude_digits).clamp(0, max_decimals as i64) as usize;
    let mut text = decimal(v, decimals);
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if text == "-0" {
        text = "0".into();
    }
    if grouped {
        text = group_thousands(&text);
    }
    text
}

/// `v` with exactly `decimals` decimals (`4.0` beside `3.1`), thousands grouped when `grouped`.
pub fn fixed(v: f64, decimals: usize, grouped: bool) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return number(v, decimals, grouped);
    }
    let mut text = decimal(v, decimals);
    if text
        .trim_start_matches('-')
        .trim_matches(['0', '.'])
        .is_empty()
    {
        text = text.trim_start_matches('-').to_string();
    }
    if grouped {
        text = group_thousands(&text);
    }
    text
}

/// `v` (finite, below 1e15 in size) with exactly `decimals` decimals (at most 15), rounded as
/// `format!("{:.*}", decimals, v)` rounds its exact binary value. Our own, because the standard
/// float printers cost the wasm 16 KB (`npm run bench:size`); integer arithmetic on the
/// float's mantissa and exponent gives the same digits.
fn decimal(v: f64, decimals: usize) -> String {
    let decimals = decimals.min(15);
    let bits = v.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // v = mantissa × 2^power exactly.
    let (mantissa, power) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    let scaled = u128::from(mantissa) * 10u128.pow(decimals as u32);
    let units = if power >= 0 {
        scaled << power
    } else if -power >= 127 {
        0 // below half a unit of the last decimal (scaled < 2^104)
    } else {
        let shift = -power as u32;
        let whole = scaled >> shift;
        let rest = scaled & ((1u128 << shift) - 1);
        let half = 1u128 << (shift - 1);
        // Half-way rounds to even, as the standard printer does.
        if rest > half || (rest == half && whole & 1 == 1) {
            whole + 1
        } else {
            whole
        }
    };
    let digits = units.to_string();
    let mut out = String::with_capacity(digits.len() + 3);
    if negative {
        out.push('-');
    }
    if decimals == 0 {
        out.push_str(&digits);
        return out;
    }
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (int, frac) = padded.split_at(padded.len() - decimals);
    out.push_str(int);
    out.push('.');
    out.push_str(frac);
    out
}

/// A figure of 1e15 or more in size: `1.5e15`, four significant decimals at most.
fn scientific(v: f64) -> String {
    let mut exponent = v.abs().log10().floor() as i32;
    let mut mantissa = v / 10f64.powi(exponent);
    if mantissa.abs() >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let mut text = decimal(mantissa, 4);
    text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    format!("{text}e{exponent}")
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// The Chinese scale word for a factor (`1e4` -> `万`).
pub fn chinese_scale_word(scale: f64) -> Option<&'static str> {
    Some(match scale {
        1e3 => "千",
        1e4 => "万",
        1e5 => "十万",
        1e6 => "百万",
        1e7 => "千万",
        1e8 => "亿",
        1e9 => "十亿",
        1e10 => "百亿",
        1e11 => "千亿",
        1e12 => "万亿",
        _ => return None,
    })
}

/// The English word for a scale a unit line can name (`1e9` -> `billion`).
pub fn english_scale_word(scale: f64) -> Option<&'static str> {
    Some(match scale {
        1e3 => "thousand",
        1e6 => "million",
        1e9 => "billion",
        1e12 => "trillion",
        _ => return None,
    })
}

/// True for a language tag of Chinese (`zh`, `zh-CN`, `zh-Hant`…).
/// A label as a title or a heading in sentence case: its first letter capitalised (`gap` ->
/// `Gap`). ASCII only: the Unicode case tables would cost the download more than they serve.
pub fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

pub fn is_chinese(lang: &str) -> bool {
    lang.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh"))
}

/// A figure with its scale word and unit, as written in the post's language:
/// `2147.9万元`, `15%`, `4948人`; in English `70,639`, `$21.5M`, `15%`.
pub fn figure(value: f64, scale: f64, unit: Option<&str>, lang: &str) -> String {
    let unit = unit.unwrap_or("");
    if is_chinese(lang) {
        let (value, word) = match chinese_scale_word(scale) {
            Some(word) => (value, word),
            None => (value * scale, ""),
        };
        return match unit {
            "$" => format!("{}{word}美元", number(value, 10, false)),
            _ => format!("{}{word}{unit}", number(value, 10, false)),
        };
    }
    let magnitude = value * scale;
    let (shown, suffix) = english_short(magnitude, scale);
    match unit {
        "$" => format!("${shown}{suffix}"),
        "%" | "‰" => format!("{shown}{suffix}{unit}"),
        "" => format!("{shown}{suffix}"),
        _ => format!("{shown}{suffix} {unit}"),
    }
}

/// English short scale: only for figures the text itself gave with a scale word.
fn english_short(magnitude: f64, scale: f64) -> (String, &'static str) {
    if scale > 1.0 {
        for (factor, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
            if magnitude.abs() >= factor {
                return (number(magnitude / factor, 10, true), suffix);
            }
        }
    }
    (number(magnitude, 10, true), "")
}

/// A figure in the short form a chart face uses, where space is tight (cards, bar ends, legends):
/// a figure the text gave with a scale word stays as written (`2147.9万元`, `$21.5M`); a long
/// plain number is cut to three significant digits (`7.06万人次`, `70.6K`). The exact figure is
/// in the tooltip, the text alternative and the data table.
pub fn compact(value: f64, scale: f64, unit: Option<&str>, lang: &str) -> String {
    compact_from(value, scale, unit, lang, 1e4)
}

/// Like [`compact`], shortening plain numbers only from `from` up (bars have room for
/// `52,360`; a card's big figure does not).
pub fn compact_from(value: f64, scale: f64, unit: Option<&str>, lang: &str, from: f64) -> String {
    let magnitude = value * scale;
    if !magnitude.is_finite() || magnitude.abs() < from.max(1e4) {
        return figure(value, scale, unit, lang);
    }
    if is_chinese(lang) {
        if scale > 1.0 && chinese_scale_word(scale).is_some() {
            return figure(value, scale, unit, lang);
        }
        let (factor, word) = if magnitude.abs() >= 1e12 {
            (1e12, "万亿")
        } else if magnitude.abs() >= 1e8 {
            (1e8, "亿")
        } else {
            (1e4, "万")
        };
        let shown = significant(magnitude / factor, 3);
        return match unit.unwrap_or("") {
            "$" => format!("{shown}{word}美元"),
            unit => format!("{shown}{word}{unit}"),
        };
    }
    let (factor, suffix) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        .into_iter()
        .find(|(factor, _)| magnitude.abs() >= *factor)
        .unwrap_or((1.0, ""));
    let shown = format!("{}{suffix}", significant(magnitude / factor, 3));
    match unit.unwrap_or("") {
        "$" if shown.starts_with('-') => format!("-${}", &shown[1..]),
        "$" => format!("${shown}"),
        "" => shown,
        "%" | "‰" => format!("{shown}{}", unit.unwrap_or("")),
        unit => format!("{shown} {unit}"),
    }
}

/// [`compact`] split into the number (with a currency or percent sign, which belong to it) and
/// the unit word after it, so that a card can draw the unit smaller: (`7.06万`, `人次`),
/// (`$21.5M`, ``), (`70.6K`, `trainees`).
pub fn compact_parts(value: f64, scale: f64, unit: Option<&str>, lang: &str) -> (String, String) {
    let whole = compact(value, scale, unit, lang);
    let sign_unit = match unit {
        None | Some("%" | "‰") => true,
        Some("$") => !is_chinese(lang),
        Some(_) => false,
    };
    if sign_unit {
        return (whole, String::new());
    }
    let number = compact(value, scale, None, lang);
    match whole.strip_prefix(number.as_str()) {
        Some(rest) => (number, rest.trim_start().to_string()),
        None => (whole, String::new()),
    }
}

/// `v` rounded to `digits` significant digits in its integer part and decimals (`7.0639` ->
/// `7.06`, `123.4` -> `123`, `1234.5` -> `1235`).
fn significant(v: f64, digits: i64) -> String {
    let int_digits = if v == 0.0 {
        1
    } else {
        (v.abs().log10().floor() as i64 + 1).max(1)
    };
    number(v, (digits - int_digits).max(0) as usize, true)
}

/// A short axis tick: `7.1万`, `70.6K`.
pub fn tick(v: f64, lang: &str) -> String {
    let a = v.abs();
    if is_chinese(lang) {
        if a >= 1e8 {
            return format!("{}亿", number(v / 1e8, 2, false));
        }
        if a >= 1e4 {
            return format!("{}万", number(v / 1e4, 2, false));
        }
        return number(v, 2, false);
    }
    // Below ten thousand a tick is written out (`5,000`), as the bars' own figures are.
    if a >= 1e4 {
        for (factor, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] {
            if a >= factor {
                return format!("{}{suffix}", number(v / factor, 2, false));
            }
        }
    }
    number(v, 2, true)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn our_decimals_are_the_standard_printers_digits() {
        // Ties, values just around them, integers, tiny and large values, negative zero.
        let mut values = vec![
            0.0,
            -0.0,
            0.125,
            0.375,
            2.5,
            3.5,
            -2.5,
            1.005,
            2.675,
            0.045,
            1e-300,
            5e-324,
            999_999_999_999_999.9,
            123_456_789.125,
            0.1,
            0.2,
            0.3,
            4948.0,
            2147.9,
            1.15,
            1.25,
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let magnitude = (seed % 30) as i32 - 15;
            let v = (seed >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi(magnitude);
            values.push(if seed & 1 == 1 { -v } else { v });
            // Decimal fractions as a text states them, and their halves.
            let cents = (seed % 1_000_000) as f64 / 1000.0;
            values.push(cents);
            values.push(cents + 0.0005);
        }
        for v in values {
            for decimals in 0..=6 {
                assert_eq!(
                    decimal(v, decimals),
                    format!("{v:.decimals$}"),
                    "{v:e} {decimals}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn no_float_noise() {
        assert_eq!(number(0.1 + 0.2, 6, false), "0.3");
        assert_eq!(number(2147.9, 4, false), "2147.9");
        assert_eq!(number(-0.0, 2, false), "0");
        assert_eq!(number(70639.0, 2, true), "70,639");
        assert_eq!(number(-1234567.5, 2, true), "-1,234,567.5");
        assert_eq!(number(f64::NAN, 2, true), "–");
        assert_eq!(fixed(4.0, 1, false), "4.0");
        assert_eq!(fixed(1234.5, 2, true), "1,234.50");
        assert_eq!(fixed(-0.0001, 1, false), "0.0");
        assert_eq!(fixed(0.1 + 0.2, 2, false), "0.30");
    }

    #[test]
    fn figures_by_language() {
        assert_eq!(figure(2147.9, 1e4, Some("元"), "zh"), "2147.9万元");
        assert_eq!(figure(1.2, 1e12, Some("元"), "zh-CN"), "1.2万亿元");
        assert_eq!(figure(4948.0, 1.0, Some("人"), "zh"), "4948人");
        assert_eq!(figure(70639.0, 1.0, None, "en"), "70,639");
        assert_eq!(figure(21.5, 1e6, Some("$"), "en"), "$21.5M");
        assert_eq!(figure(15.0, 1.0, Some("%"), "en"), "15%");
        assert_eq!(figure(4948.0, 1.0, Some("workers"), "en"), "4,948 workers");
    }

    #[test]
    fn compact_figures_by_language() {
        assert_eq!(compact(70639.0, 1.0, Some("人次"), "zh"), "7.06万人次");
        assert_eq!(compact(2147.9, 1e4, Some("元"), "zh"), "2147.9万元");
        assert_eq!(compact(1.2, 1e12, Some("元"), "zh"), "1.2万亿元");
        assert_eq!(compact(123_456_789.0, 1.0, Some("元"), "zh"), "1.23亿元");
        assert_eq!(compact(4948.0, 1.0, Some("人"), "zh"), "4948人");
        assert_eq!(compact(70639.0, 1.0, None, "en"), "70.6K");
        assert_eq!(compact(2147.9, 1e4, Some("$"), "en"), "$21.5M");
        assert_eq!(compact(21.5, 1e6, Some("$"), "en"), "$21.5M");
        assert_eq!(compact(-21.5, 1e6, Some("$"), "en"), "-$21.5M");
        assert_eq!(compact(4948.0, 1.0, Some("workers"), "en"), "4,948 workers");
        assert_eq!(
            compact(1_234_500.0, 1.0, Some("people"), "en"),
            "1.23M people"
        );
        assert_eq!(compact(150_000.0, 1.0, None, "en"), "150K");
        assert_eq!(compact(15.0, 1.0, Some("%"), "en"), "15%");
        assert_eq!(compact(0.1 + 0.2, 1.0, Some("%"), "zh"), "0.3%");
        assert_eq!(compact_from(52360.0, 1.0, None, "en", 1e6), "52,360");
        assert_eq!(compact_from(1_234_500.0, 1.0, None, "zh", 1e6), "123万");
        assert_eq!(
            compact_parts(70639.0, 1.0, Some("人次"), "zh"),
            ("7.06万".into(), "人次".into())
        );
        assert_eq!(
            compact_parts(70639.0, 1.0, Some("trainees"), "en"),
            ("70.6K".into(), "trainees".into())
        );
        assert_eq!(
            compact_parts(21.5, 1e6, Some("$"), "zh"),
            ("21.5百万".into(), "美元".into())
        );
    }

    #[test]
    fn ticks() {
        assert_eq!(tick(70639.0, "zh"), "7.06万");
        assert_eq!(tick(70639.0, "en"), "70.64K");
        assert_eq!(tick(500.0, "zh"), "500");
        assert_eq!(tick(5000.0, "en"), "5,000");
    }
}
