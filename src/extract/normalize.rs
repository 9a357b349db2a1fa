//! One character in, one character out: the forms a matcher sees. Traditional and variant
//! numerals become simplified, full-width digits and signs half-width. Because the mapping keeps
//! every index, a figure's source text is still cut from the original characters.

pub fn normalize(chars: &[char]) -> Vec<char> {
    chars.iter().map(|&c| fold(c)).collect()
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
        '點' => '点',
        '萬' => '万',
        '億' => '亿',
        '兩' => '两',
        '個' => '个',
        '貳' => '贰',
        '參' => '叁',
        '陸' => '陆',
        '負' => '负',
        '幾' => '几',
        '圓' => '元',
        '華' => '华',
        '攝' => '摄',
        '與' => '与',
        '於' => '于',
        '約' => '约',
        '達' => '达',
        '餘' => '余',
        '計' => '计',
        '噸' => '吨',
        '際' => '际',
        '間' => '间',
        '歲' => '岁',
        '週' => '周',
        '張' => '张',
        '條' => '条',
        '輛' => '辆',
        '項' => '项',
        '場' => '场',
        '釐' => '厘',
        '裡' | '裏' => '里',
        '長' => '长',
        '漲' => '涨',
        '減' => '减',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_length_and_folds_forms() {
        let text: Vec<char> = "２．４個百分點，壹萬".chars().collect();
        let n = normalize(&text);
        assert_eq!(n.len(), text.len());
        assert_eq!(n.iter().collect::<String>(), "2.4个百分点，壹万");
    }
}
