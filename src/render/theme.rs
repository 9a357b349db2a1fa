//! Colours. The defaults keep text at WCAG AA contrast on their background.

use plotters::style::RGBColor;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub card: RGBColor,
    pub accent: RGBColor,
    pub negative: RGBColor,
    pub series: Vec<RGBColor>,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            text: RGBColor(0x1f, 0x23, 0x28),
            muted: RGBColor(0x59, 0x63, 0x6e),
            grid: RGBColor(0xe3, 0xe6, 0xea),
            axis: RGBColor(0x6e, 0x77, 0x81),
            card: RGBColor(0xf3, 0xf5, 0xf8),
            accent: RGBColor(0x0b, 0x5c, 0xad),
            negative: RGBColor(0xb3, 0x26, 0x1e),
            // Slices of a pie, in order: distinguishable, and none pale against white.
            series: vec![
                RGBColor(0x1f, 0x6f, 0xc5),
                RGBColor(0xe0, 0x8a, 0x1e),
                RGBColor(0x2a, 0x9d, 0x63),
                RGBColor(0xc2, 0x3b, 0x5a),
                RGBColor(0x7a, 0x4f, 0xc9),
                RGBColor(0x12, 0x95, 0x9e),
                RGBColor(0x8c, 0x6d, 0x2c),
                RGBColor(0x6e, 0x77, 0x81),
            ],
        }
    }

    pub fn dark() -> Theme {
        Theme {
            background: RGBColor(0x16, 0x1b, 0x22),
            text: RGBColor(0xe6, 0xed, 0xf3),
            muted: RGBColor(0xa0, 0xab, 0xb8),
            grid: RGBColor(0x30, 0x36, 0x3d),
            axis: RGBColor(0x8b, 0x94, 0x9e),
            card: RGBColor(0x21, 0x28, 0x30),
            accent: RGBColor(0x6c, 0xb6, 0xff),
            negative: RGBColor(0xff, 0x7b, 0x72),
            series: vec![
                RGBColor(0x4c, 0x9a, 0xeb),
                RGBColor(0xf0, 0xa5, 0x3c),
                RGBColor(0x3f, 0xb9, 0x50),
                RGBColor(0xf0, 0x6b, 0x8a),
                RGBColor(0xa8, 0x8b, 0xfa),
                RGBColor(0x39, 0xc5, 0xcf),
                RGBColor(0xd2, 0xa8, 0x5c),
                RGBColor(0xa0, 0xab, 0xb8),
            ],
        }
    }

    /// Parses `#rrggbb` (or `#rgb`) for colours given by the page.
    pub fn parse_color(text: &str) -> Option<RGBColor> {
        let hex = text.trim().strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(RGBColor(r * 17, g * 17, b * 17)),
            [r1, r0, g1, g0, b1, b0] => Some(RGBColor(r1 * 16 + r0, g1 * 16 + g0, b1 * 16 + b0)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio between two colours.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let luminance = |c: RGBColor| {
            let channel = |v: u8| {
                let v = v as f64 / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
        };
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_meets_wcag_aa_in_both_themes() {
        for theme in [Theme::light(), Theme::dark()] {
            for surface in [theme.background, theme.card] {
                // Body text and the muted labels, ticks and source line: 4.5:1.
                assert!(contrast(theme.text, surface) >= 4.5);
                assert!(contrast(theme.muted, surface) >= 4.5, "{theme:?}");
                // Card figures are large bold text: 3:1 (they reach 4.5:1 here too).
                assert!(contrast(theme.accent, surface) >= 4.5, "{theme:?}");
                assert!(contrast(theme.negative, surface) >= 4.5, "{theme:?}");
            }
            // Bars and slices are graphics next to the background: 3:1 for the first colour.
            assert!(
                contrast(theme.series[0], theme.background) >= 3.0,
                "{theme:?}"
            );
        }
    }

    #[test]
    fn parses_page_colours() {
        assert_eq!(
            Theme::parse_color("#0b5cad"),
            Some(RGBColor(0x0b, 0x5c, 0xad))
        );
        assert_eq!(Theme::parse_color(" #fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(Theme::parse_color("red"), None);
        assert_eq!(Theme::parse_color("#12345"), None);
    }
}
