//! English number words: `three hundred and two`, `twenty-one million`, `a dozen`,
//! `two thirds`, `one and a half`, `two hundred point zero three`.
//!
//! A small left-to-right reader over words: linear in its input, bounded by the words it
//! accepts, and silent (None) on anything it does not know.

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "thousand" => 1e3,
        "lakh" | "lkh" => 1e5,
        "million" => 1e6,
        "crore" | "krore" | "koti" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Denominators: `third`, `quarters`, `fifth`, `hundredth`, `twenty-first` (the last word).
fn ordinal_denominator(w: &str) -> Option<f64> {
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "fourth" | "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fifteenth" => 15.0,
        "twentieth" => 20.0,
        "hundredth" => 100.0,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        "first" => 1.0,
        "second" => 2.0,
        _ => return None,
    })
}

/// A denominator word (`thirds`, `millionths`): a fraction, not a counted noun.
pub(super) fn is_fraction_word(w: &str) -> bool {
    ordinal_denominator(w).is_some()
}

pub(super) fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some()
        || tens_word(w).is_some()
        || scale_word(w).is_some()
        || w == "hundred"
        || w == "dozen"
        || w == "dozens"
}

/// Words from `i`: (lower-cased word, start, end), separated by spaces or hyphens.
/// Whether the word at `i` is one a number can start with. Asked at every word of English
/// text, so read into a small buffer on the stack: no number word is longer than it.
fn can_start_number(chars: &[char], i: usize) -> bool {
    let mut word = [0u8; 12];
    let mut len = 0;
    for c in chars[i..].iter().take_while(|c| c.is_ascii_alphabetic()) {
        let Some(slot) = word.get_mut(len) else {
            return false;
        };
        *slot = c.to_ascii_lowercase() as u8;
        len += 1;
    }
    std::str::from_utf8(&word[..len]).is_ok_and(|w| {
        is_number_word(w)
            || matches!(w, "half" | "minus" | "negative")
            // (`a` opens a number only before one: `a third`, `a hundred`, `a dozen`; it is
            // the commonest word of English text, and the reading is not cheap.)
            || (matches!(w, "a" | "an") && next_word_counts(chars, i + len))
    })
}

/// Whether the word after the space at `i` is one a number goes on with (`a third`, `a
/// hundred`, `a twenty-first`).
fn next_word_counts(chars: &[char], i: usize) -> bool {
    if chars.get(i) != Some(&' ') {
        return false;
    }
    let mut word = [0u8; 12];
    let mut len = 0;
    for c in chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
    {
        let Some(slot) = word.get_mut(len) else {
            return false;
        };
        *slot = c.to_ascii_lowercase() as u8;
        len += 1;
    }
    std::str::from_utf8(&word[..len]).is_ok_and(|w| {
        is_number_word(w) || ordinal_denominator(w).is_some() || w.starts_with("dozen")
    })
}

fn words(chars: &[char], i: usize, limit: usize) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut k = i;
    while out.len() < limit {
        let start = k;
        while k < chars.len() && chars[k].is_ascii_alphabetic() {
            k += 1;
        }
        if k == start {
            break;
        }
        out.push((
            chars[start..k]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase(),
            start,
            k,
        ));
        // Separators: spaces and a hyphen (`sixty-one`, `fifty - two`).
        let mut j = k;
        while j < chars.len() && (chars[j] == ' ' || chars[j] == '-') {
            j += 1;
        }
        if j == k || j - k > 4 {
            break;
        }
        k = j;
    }
    out
}

/// Reads English number words at `i` (a word start): (value, characters taken).
pub fn read_english(chars: &[char], i: usize) -> Option<(f64, usize)> {
    if i > 0 && chars[i - 1].is_ascii_alphanumeric() || !can_start_number(chars, i) {
        return None;
    }
    // `this one`, `which one`: a pronoun, not a count.
    let word_before: String = chars[..i]
        .iter()
        .rev()
        .skip_while(|c| **c == ' ')
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .chars()
        .rev()
        .collect::<String>()
        .to_ascii_lowercase();
    let starts_with_one = chars[i..]
        .iter()
        .take(3)
        .collect::<String>()
        .eq_ignore_ascii_case("one")
        && !chars.get(i + 3).is_some_and(|c| c.is_ascii_alphabetic());
    if starts_with_one
        && matches!(
            word_before.as_str(),
            "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "any"
                | "the"
                | "no"
                | "another"
                | "one"
                | "someone"
        )
    {
        return None;
    }
    let tokens = words(chars, i, 24);
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut any = false;
    let mut end = i;
    let mut last_was_unit = false;
    let mut last_scale = 1.0f64;
    let mut k = 0;
    while k < tokens.len() {
        let (w, _, w_end) = &tokens[k];
        let next = tokens.get(k + 1).map(|t| t.0.as_str());
        if let Some(v) = unit_word(w) {
            if last_was_unit {
                // `one one hundred fifth`: a new number starts; try the fraction reading.
                if let Some(den) = denominator_at(&tokens, k) {
                    let value = (total + current) / den.0;
                    return Some((value, den.1 - i));
                }
                break;
            }
            current += v;
            last_was_unit = true;
        } else if let Some(v) = tens_word(w) {
            if last_was_unit {
                // `one twenty-fifth`, `three twenty firsts`: a numerator, then a compound ordinal.
                if let Some(den) = denominator_at(&tokens, k) {
                    return Some(((total + current) / den.0, den.1 - i));
                }
                break;
            }
            if current % 100.0 >= 10.0 {
                break;
            }
            current += v;
            last_was_unit = false;
        } else if w == "hundred" {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
            last_was_unit = false;
        } else if let Some(scale) = scale_word(w) {
            if current == 0.0 && total > 0.0 {
                total *= scale; // three thousand millions
            } else {
                total += if current == 0.0 {
                    scale
                } else {
                    current * scale
                };
            }
            current = 0.0;
            last_scale = scale;
            last_was_unit = false;
        } else if w == "dozen" || w == "dozens" {
            current = if current == 0.0 { 12.0 } else { current * 12.0 };
            last_was_unit = false;
        } else if (w == "a" || w == "an") && !any {
            // `a hundred`, `a dozen`, `a half`, `a fifth`
            match next {
                Some(n) if n == "hundred" || scale_word(n).is_some() || n.starts_with("dozen") => {}
                Some(n) if ordinal_denominator(n).is_some() => {
                    let den = ordinal_denominator(n)?;
                    // `a quarter million`
                    if let Some(scale) = tokens.get(k + 2).and_then(|t| scale_word(&t.0)) {
                        return Some((scale / den, tokens[k + 2].2 - i));
                    }
                    return Some((1.0 / den, tokens[k + 1].2 - i));
                }
                Some(_) => {
                    // `a twenty-first`
                    let (den, end) = denominator_at(&tokens, k + 1)?;
                    return Some((1.0 / den, end - i));
                }
                None => return None,
            }
            k += 1;
            any = true;
            end = tokens[k].2;
            if tokens[k].0 == "hundred" {
                current = 100.0;
            } else if let Some(scale) = scale_word(&tokens[k].0) {
                total += scale;
                current = 0.0;
            } else {
                current = 12.0;
            }
            k += 1;
            continue;
        } else if w == "half" && !any {
            // `half a dozen`, `half a million`, `half million`
            let (after_a, skip) = if next == Some("a") {
                (tokens.get(k + 2), 2)
            } else {
                (tokens.get(k + 1), 1)
            };
            if let Some(t) = after_a {
                if t.0.starts_with("dozen") {
                    return Some((6.0, t.2 - i));
                }
                if let Some(scale) = scale_word(&t.0) {
                    return Some((scale / 2.0, tokens[k + skip].2 - i));
                }
            }
            // `half of the plan`: a share (whether it is one is for the reader of the words
            // around it to say).
            return Some((0.5, tokens[k].2 - i));
        } else if (w == "minus" || w == "negative") && !any {
            // `minus five point five`, `negative one`
            let start = tokens.get(k + 1)?.1;
            let (value, len) = read_english(chars, start)?;
            return Some((-value, start + len - i));
        } else if w == "and" && any {
            // `one and a half`, `three and one fourth`, `six million and two thirds` (of a million)
            if let Some((fraction, end)) = fraction_at(&tokens, k + 1) {
                let of = if current == 0.0 && total > 0.0 {
                    last_scale
                } else {
                    1.0
                };
                return Some((total + current + fraction * of, end - i));
            }
            // `one hundred and six`
            if next.is_some_and(is_number_word) {
                k += 1;
                continue;
            }
            break;
        } else if w == "point" && any {
            // `two hundred point zero three`
            let mut digits = String::from("0.");
            let mut j = k + 1;
            while let Some(d) = tokens
                .get(j)
                .and_then(|t| unit_word(&t.0))
                .filter(|d| *d < 10.0)
            {
                digits.push(char::from_digit(d as u32, 10)?);
                end = tokens[j].2;
                j += 1;
            }
            if digits.len() > 2 {
                current += digits.parse::<f64>().ok()?;
            }
            break;
        } else if w == "over" && any {
            // `one over three`
            let (den, len) = read_english(chars, tokens.get(k + 1)?.1)?;
            if den != 0.0 {
                return Some(((total + current) / den, tokens[k + 1].1 + len - i));
            }
            break;
        } else if any {
            if let Some(den) =
                ordinal_denominator(w).filter(|_| w != "first" && w != "second" || last_was_unit)
            {
                // `two thirds`, `three quarters`: a numerator then its denominator.
                let numerator = total + current;
                if den > 1.0 && numerator > 0.0 && !(w == "second" || w == "first") {
                    // `three quarters billion`
                    if let Some(scale) = tokens.get(k + 1).and_then(|t| scale_word(&t.0)) {
                        return Some((numerator / den * scale, tokens[k + 1].2 - i));
                    }
                    return Some((numerator / den, w_end - i));
                }
            }
            break;
        } else {
            return None;
        }
        any = true;
        end = *w_end;
        k += 1;
    }
    (any && end > i).then(|| (total + current, end - i))
}

/// `a half`, `one fourth`, `two thirds` starting at token `k`: (value, end).
fn fraction_at(tokens: &[(String, usize, usize)], k: usize) -> Option<(f64, usize)> {
    let (w, _, _) = tokens.get(k)?;
    let numerator = if w == "a" || w == "an" {
        1.0
    } else {
        unit_word(w)?
    };
    let (den_word, _, end) = tokens.get(k + 1)?;
    let den = ordinal_denominator(den_word).filter(|d| *d > 2.0 || den_word.starts_with("hal"))?;
    Some((numerator / den, *end))
}

/// `one hundred fifth`, `twenty-first`: a compound ordinal starting at token `k`.
fn denominator_at(tokens: &[(String, usize, usize)], k: usize) -> Option<(f64, usize)> {
    let mut value = 0.0f64;
    let mut j = k;
    while let Some((w, _, end)) = tokens.get(j) {
        if let Some(den) = ordinal_denominator(w).filter(|_| j > k || tokens.len() > k) {
            let den = if den >= 100.0 {
                value.max(1.0) * den
            } else {
                value + den
            };
            return (j > k || den > 2.0).then_some((den, *end));
        }
        if let Some(v) = unit_word(w).or_else(|| tens_word(w)) {
            value += v;
        } else if w == "hundred" {
            value = value.max(1.0) * 100.0;
        } else if w != "and" {
            return None;
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<f64> {
        let chars: Vec<char> = s.chars().collect();
        read_english(&chars, 0).map(|(v, _)| v)
    }

    #[test]
    fn cardinals() {
        assert_eq!(read("three"), Some(3.0));
        assert_eq!(read("one hundred and sixty-one"), Some(161.0));
        assert_eq!(
            read("twenty-one trillion three hundred"),
            Some(21_000_000_000_300.0)
        );
        assert_eq!(read("two  thousand  and  two hundred"), Some(2200.0));
        assert_eq!(read("a dozen"), Some(12.0));
        assert_eq!(read("half a dozen"), Some(6.0));
        assert_eq!(read("two hundred point zero three"), Some(200.03));
        assert_eq!(read("fifty - two"), Some(52.0));
    }

    #[test]
    fn fractions() {
        assert_eq!(read("two thirds"), Some(2.0 / 3.0));
        assert_eq!(read("three quarters"), Some(0.75));
        assert_eq!(read("one and a half"), Some(1.5));
        assert_eq!(read("a fifth"), Some(0.2));
        assert_eq!(read("one over three"), Some(1.0 / 3.0));
    }

    #[test]
    fn words_that_are_not_numbers() {
        assert_eq!(read("a car"), None);
        assert_eq!(read("second place"), None);
        assert_eq!(read("anyone"), None);
    }
}
