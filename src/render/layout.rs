//! Sizes, text fitting and axes, in CSS pixels.

use crate::choose::{ChartKind, ChartSpec};

pub const PAD: f64 = 16.0;
pub const TITLE_SIZE: f64 = 18.0;
pub const SMALL_SIZE: f64 = 12.0;
pub const LABEL_SIZE: f64 = 13.0;
pub const VALUE_SIZE: f64 = 13.0;
pub const KPI_SIZE: f64 = 30.0;
pub const CARD_HEIGHT: f64 = 92.0;
const CARD_MIN_WIDTH: f64 = 130.0;
const CARD_GAP: f64 = 12.0;

/// Estimated width of `text` at `size` px: wide (CJK, full-width) characters are one em,
/// digits and Latin letters a little over half.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            c if crate::choose::display_width(c.encode_utf8(&mut [0; 4])) == 2 => 1.0,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '|' | '!' | '\'' | ' ' => 0.3,
            'm' | 'w' | 'M' | 'W' | '%' => 0.85,
            _ => 0.6,
        })
        .sum::<f64>()
        * size
}

/// `text` cut with an ellipsis to fit `width`.
pub fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// The largest size from `max` down to `min` at which `text` fits `width`.
pub fn fit_size(text: &str, width: f64, max: f64, min: f64) -> f64 {
    let w = text_width(text, max);
    if w <= width || w == 0.0 {
        return max;
    }
    (max * width / w).max(min)
}

/// `text` wrapped to at most `lines` lines of `width`, the last one cut with an ellipsis. Lines
/// break between wide (CJK) characters and between words; a word wider than a line is cut.
pub fn wrap(text: &str, width: f64, size: f64, lines: usize) -> Vec<String> {
    let mut units: std::collections::VecDeque<String> = break_units(text).into();
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    while let Some(unit) = units.pop_front() {
        let candidate = format!("{line}{unit}");
        if text_width(candidate.trim_end(), size) <= width {
            line = candidate;
            continue;
        }
        if out.len() + 1 == lines {
            let rest: String = std::iter::once(unit).chain(units).collect();
            out.push(fit(format!("{line}{rest}").trim(), width, size));
            return out;
        }
        if line.trim().is_empty() {
            // One word wider than a line: as much of it as fits, the rest on the next line.
            let mut head = String::new();
            let mut chars = unit.chars();
            for c in chars.by_ref() {
                head.push(c);
                if text_width(&head, size) > width && head.chars().count() > 1 {
                    head.pop();
                    units.push_front(std::iter::once(c).chain(chars).collect());
                    break;
                }
            }
            out.push(head.trim_end().to_string());
            continue;
        }
        out.push(line.trim_end().to_string());
        line = unit.trim_start().to_string();
    }
    if !line.trim().is_empty() {
        out.push(line.trim_end().to_string());
    }
    out
}

/// The pieces a line may break between: each wide character, and each run of other characters
/// with the spaces after it.
fn break_units(text: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let wide = crate::choose::display_width(c.encode_utf8(&mut [0; 4])) == 2;
        if wide {
            if !word.is_empty() {
                units.push(std::mem::take(&mut word));
            }
            units.push(c.to_string());
        } else if c == ' ' {
            word.push(c);
            units.push(std::mem::take(&mut word));
        } else {
            if word.ends_with(' ') {
                units.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        units.push(word);
    }
    units
}

/// Whether every label fits under its column in two lines at `width` without cutting a word:
/// if not, the chart is drawn as horizontal bars. The band is estimated from the width alone
/// so that drawing and [`chart_height`] agree.
pub fn columns_fit(spec: &ChartSpec, width: f64) -> bool {
    let band = (width - 2.0 * PAD - 48.0) / spec.points.len().max(1) as f64 - 4.0;
    spec.points.iter().all(|p| {
        let lines = wrap(&p.label, band, LABEL_SIZE, 3);
        lines.len() <= 2
            && !lines.iter().any(|l| l.ends_with('…'))
            && break_units(&p.label)
                .iter()
                .all(|unit| text_width(unit.trim_end(), LABEL_SIZE) <= band)
    })
}

/// How many lines the title takes at a chart width (at most two; the second is cut).
pub fn title_lines(title: &str, width: f64) -> Vec<String> {
    wrap(title, (width - 2.0 * PAD).max(TITLE_SIZE), TITLE_SIZE, 2)
}

/// A value axis from zero (or the lowest negative value) to a round number above the highest.
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<f64>,
}

impl Axis {
    pub fn new(values: impl Iterator<Item = f64>, target_ticks: usize) -> Axis {
        let (mut lo, mut hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi - lo <= 0.0 || !(hi - lo).is_finite() {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / target_ticks.max(1) as f64);
        lo = (lo / step).floor() * step;
        hi = (hi / step).ceil() * step;
        let count = ((hi - lo) / step).round() as usize;
        let ticks = (0..=count.min(20)).map(|k| lo + step * k as f64).collect();
        Axis {
            min: lo,
            max: hi,
            ticks,
        }
    }

    /// Where `v` falls between the axis ends, 0 to 1.
    pub fn fraction(&self, v: f64) -> f64 {
        ((v - self.min) / (self.max - self.min)).clamp(0.0, 1.0)
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let m = raw / power;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 2.5 {
        2.5
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// KPI cards laid out in rows.
pub struct CardGrid {
    columns: usize,
    card_width: f64,
}

impl CardGrid {
    pub fn new(count: usize, width: f64) -> CardGrid {
        let inner = (width - 2.0 * PAD).max(CARD_MIN_WIDTH);
        let fit = ((inner + CARD_GAP) / (CARD_MIN_WIDTH + CARD_GAP))
            .floor()
            .max(1.0) as usize;
        let columns = fit.min(count.max(1));
        let card_width = (inner - CARD_GAP * (columns - 1) as f64) / columns as f64;
        CardGrid {
            columns,
            card_width,
        }
    }

    pub fn rows(&self, count: usize) -> usize {
        count.div_ceil(self.columns)
    }

    /// (x, y, width) of card `k` below `top`.
    pub fn cell(&self, k: usize, top: f64) -> (f64, f64, f64) {
        let (row, col) = (k / self.columns, k % self.columns);
        (
            PAD + col as f64 * (self.card_width + CARD_GAP),
            top + row as f64 * (CARD_HEIGHT + CARD_GAP),
            self.card_width,
        )
    }
}

/// The height (CSS px) a chart wants at a given width: what the page sizes its canvas to.
pub fn chart_height(spec: &ChartSpec, width: f64) -> f64 {
    let width = if width.is_finite() {
        width.max(1.0)
    } else {
        600.0
    };
    // A title wider than the chart takes a second line.
    let title_extra = (title_lines(&spec.title, width).len().max(1) - 1) as f64 * TITLE_SIZE * 1.3;
    let header = PAD + TITLE_SIZE * 1.4 + SMALL_SIZE * 1.6 + 8.0;
    let footer = PAD
        + if spec.source.is_some() {
            SMALL_SIZE * 1.8
        } else {
            0.0
        };
    let n = spec.points.len().max(1);
    let h = match spec.kind {
        ChartKind::Kpi => {
            let rows = CardGrid::new(n, width).rows(n) as f64;
            PAD + TITLE_SIZE * 1.4 + 8.0 + rows * (CARD_HEIGHT + CARD_GAP) + footer
        }
        // Two-way charts are drawn as grouped columns or lines, at the plot's height.
        ChartKind::Hbar | ChartKind::Bar if !spec.groups().is_empty() => {
            (width * 0.62).clamp(280.0, 440.0)
        }
        ChartKind::Hbar => header + n as f64 * 34.0 + footer,
        ChartKind::Bar if !columns_fit(spec, width) => header + n as f64 * 34.0 + footer,
        ChartKind::Pie if width < 480.0 => {
            header + width * 0.6 + 16.0 + n as f64 * LABEL_SIZE * 1.8 + footer
        }
        ChartKind::Pie => header + (n as f64 * LABEL_SIZE * 1.8).max(220.0) + footer,
        _ => (width * 0.62).clamp(260.0, 420.0),
    };
    (h + title_extra).min(4000.0).round()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_is_round_and_starts_at_zero() {
        let axis = Axis::new([4948.0, 2542.0, 402.0, 136.0].into_iter(), 5);
        assert_eq!((axis.min, axis.max), (0.0, 5000.0));
        assert_eq!(
            axis.ticks,
            vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0]
        );
        let negative = Axis::new([-3.0, 7.0].into_iter(), 5);
        assert_eq!((negative.min, negative.max), (-4.0, 8.0));
        let flat = Axis::new([0.0, 0.0].into_iter(), 5);
        assert_eq!((flat.min, flat.max), (0.0, 1.0));
    }

    #[test]
    fn text_fits_and_wraps() {
        assert_eq!(text_width("技师", 10.0), 20.0);
        assert_eq!(fit("岗前培训岗位技能提升培训", 60.0, 10.0), "岗前培训岗…");
        assert_eq!(
            wrap("岗前培训岗位技能提升", 40.0, 10.0, 2),
            vec!["岗前培训", "岗位技…"]
        );
        assert_eq!(wrap("技师", 40.0, 10.0, 2), vec!["技师"]);
        // Latin text breaks between words; a word wider than a line is cut.
        assert_eq!(
            wrap("Senior technician", 60.0, 10.0, 2),
            vec!["Senior", "technician"]
        );
        assert_eq!(
            wrap("New urban jobs by district, 2022", 160.0, 10.0, 2),
            vec!["New urban jobs by district,", "2022"]
        );
        assert_eq!(wrap("Technicians", 40.0, 10.0, 3), vec!["Technic", "ians"]);
        assert_eq!(wrap("a b c d e f g h", 20.0, 10.0, 2), vec!["a b", "c …"]);
    }

    #[test]
    fn cards_fill_rows() {
        let grid = CardGrid::new(4, 700.0);
        assert_eq!(grid.rows(4), 1);
        let phone = CardGrid::new(4, 320.0);
        assert_eq!(phone.rows(4), 2);
    }
}
