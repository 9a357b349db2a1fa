//! One character in, one character out: the forms a matcher sees. Traditional and variant
//! numerals become simplified, full-width digits and signs half-width. Because the mapping keeps
//! every index, a figure's source text is still cut from the original characters.

use super::traditional;

pub fn normalize(chars: &[char]) -> Vec<char> {
    chars.iter().map(|&c| fold_fast(c)).collect()
}

/// A filter over characters of `64 * N` bits: false for most characters outside its set,
/// true for every one in it (2048 bits let about 96 in 100 others through a set of 90). Asked
/// of every character of a post before a large `match` or a table search, it keeps extraction
/// from spending its time on characters that match nothing.
pub struct CharFilter<const N: usize = 32>([u64; N]);

impl<const N: usize> CharFilter<N> {
    pub const fn of(chars: &[char]) -> CharFilter<N> {
        let mut bits = [0u64; N];
        let mut k = 0;
        while k < chars.len() {
            let h = CharFilter::<N>::hash(chars[k] as u32);
            bits[h / 64] |= 1 << (h % 64);
            k += 1;
        }
        CharFilter(bits)
    }

    const fn of_units(units: &[u16]) -> CharFilter<N> {
        let mut bits = [0u64; N];
        let mut k = 0;
        while k < units.len() {
            let h = CharFilter::<N>::hash(units[k] as u32);
            bits[h / 64] |= 1 << (h % 64);
            k += 1;
        }
        CharFilter(bits)
    }

    /// A filter that lets through every character either filter does.
    pub const fn union(self, other: CharFilter<N>) -> CharFilter<N> {
        let mut bits = self.0;
        let mut k = 0;
        while k < bits.len() {
            bits[k] |= other.0[k];
            k += 1;
        }
        CharFilter(bits)
    }

    const fn hash(c: u32) -> usize {
        // The top bits of a multiplicative hash, as many as the filter has bit positions.
        let bits = (N as u32 * 64).trailing_zeros();
        (c.wrapping_mul(0x9e37_79b1) >> (32 - bits)) as usize
    }

    #[inline]
    pub fn might_contain(&self, c: char) -> bool {
        let h = CharFilter::<N>::hash(c as u32);
        (self.0[h / 64] >> (h % 64)) & 1 == 1
    }
}

/// The characters outside the full-width block that [`fold`] changes besides the traditional
/// ones.
const FOLDED: CharFilter = CharFilter::of(&[
    '\u{a0}', '\u{2002}', '\u{2003}', '\u{2009}', '\u{202f}', '　',
]);

/// The traditional characters of [`traditional::TRADITIONAL`] (8192 bits: about 9 in 100
/// other characters get through to the table search).
const TRADITIONAL_FILTER: CharFilter<128> = CharFilter::of_units(&traditional::TRADITIONAL);

#[inline]
fn fold_fast(c: char) -> char {
    if c.is_ascii()
        || (!('\u{ff00}'..='\u{ffef}').contains(&c)
            && !FOLDED.might_contain(c)
            && !TRADITIONAL_FILTER.might_contain(c))
    {
        return c;
    }
    fold(c)
}

fn fold(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xfee0).unwrap_or(c)
        }
        '％' => '%',
        '．' => '.',
        '＋' => '+',
        '－' => '-',
        '～' => '~',
        '／' => '/',
        '＄' => '$',
        '　' => ' ',
        '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{202f}' => ' ',
        _ => simplified(c).unwrap_or(c),
    }
}

/// The simplified form of a traditional character in the table.
fn simplified(c: char) -> Option<char> {
    let k = table_index(c)?;
    char::from_u32(u32::from(traditional::SIMPLIFIED[k]))
}

fn table_index(c: char) -> Option<usize> {
    let unit = u16::try_from(c as u32).ok()?;
    traditional::TRADITIONAL.binary_search(&unit).ok()
}

/// Frequent characters that only simplified text writes (这, 们, 个…), to tell the scripts
/// apart.
const SIMPLIFIED_ONLY: &[char] = &[
    '这', '们', '个', '国', '时', '说', '为', '会', '来', '对', '发', '过', '还', '实', '现', '经',
    '业', '产', '动', '当', '点', '机', '从', '区', '体', '关', '进', '种', '样', '与',
];
const SIMPLIFIED_ONLY_FILTER: CharFilter = CharFilter::of(SIMPLIFIED_ONLY);

/// Puts a traditional post's words back in its own script: extraction reads folded text, so
/// labels, units and titles come out simplified, and a reader of `失業率` must not see `失业率`.
/// Built from the post's own characters: each simplified character goes back to the form the
/// post wrote it in, and only in a post that is mostly traditional.
pub struct Script {
    /// (simplified, traditional), sorted by the simplified character.
    back: Vec<(char, char)>,
}

impl Script {
    /// Reads which script the texts are in; `None` for simplified (or no Chinese) text.
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Script> {
        let mut counts = vec![0usize; traditional::TRADITIONAL.len()];
        let (mut traditional, mut simplified_only) = (0usize, 0usize);
        for text in texts {
            for c in text.chars() {
                if c.is_ascii() {
                    continue;
                }
                if TRADITIONAL_FILTER.might_contain(c) {
                    if let Some(k) = table_index(c) {
                        traditional += 1;
                        counts[k] += 1;
                        continue;
                    }
                }
                if SIMPLIFIED_ONLY_FILTER.might_contain(c) && SIMPLIFIED_ONLY.contains(&c) {
                    simplified_only += 1;
                }
            }
        }
        if traditional <= simplified_only || traditional < 3 {
            return None;
        }
        // The most frequent traditional form of each simplified character (里: 裡 or 裏).
        let mut back: Vec<(char, char, usize)> = Vec::new();
        for (k, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
            let pair = (
                char::from_u32(u32::from(traditional::SIMPLIFIED[k])),
                char::from_u32(u32::from(traditional::TRADITIONAL[k])),
            );
            let (Some(s), Some(t)) = pair else { continue };
            match back.iter_mut().find(|(a, _, _)| *a == s) {
                Some(entry) if entry.2 < n => *entry = (s, t, n),
                Some(_) => {}
                None => back.push((s, t, n)),
            }
        }
        let mut order: Vec<usize> = (0..back.len()).collect();
        crate::sort_indices(&mut order, &|a, b| back[a].0.cmp(&back[b].0));
        Some(Script {
            back: order.iter().map(|&k| (back[k].0, back[k].1)).collect(),
        })
    }

    fn traditional_of(&self, c: char) -> Option<char> {
        let k = self.back.binary_search_by(|(s, _)| s.cmp(&c)).ok()?;
        Some(self.back[k].1)
    }

    /// `text` with each simplified character the post wrote in traditional form put back.
    pub fn restore(&self, text: &mut String) {
        if text.is_ascii() || !text.chars().any(|c| self.traditional_of(c).is_some()) {
            return;
        }
        *text = text
            .chars()
            .map(|c| self.traditional_of(c).unwrap_or(c))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_folds_every_character_as_the_match_does() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(fold_fast(c), fold(c), "{c:?}");
        }
    }

    #[test]
    fn keeps_length_and_folds_forms() {
        let text: Vec<char> = "２．４個百分點，壹萬".chars().collect();
        let n = normalize(&text);
        assert_eq!(n.len(), text.len());
        assert_eq!(n.iter().collect::<String>(), "2.4个百分点，壹万");
    }
}
