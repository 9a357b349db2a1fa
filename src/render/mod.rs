//! Stage 4, `render`: a [`ChartSpec`] drawn with plotters onto any `DrawingBackend`: an HTML
//! canvas in the browser, SVG or a bitmap in native tests.
//!
//! Layout is computed here in CSS pixels and multiplied by [`RenderOptions::pixel_ratio`], so
//! the same chart is crisp at any device pixel ratio. Text widths are estimated from character
//! classes (CJK one em, Latin about half) rather than measured: measuring through the DOM is
//! what breaks plotters under a strict CSP, and an estimate keeps native and browser layouts
//! identical.

mod layout;
mod theme;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::choose::{ChartKind, ChartSpec};
use crate::error::Error;
use crate::format;
pub use layout::{chart_height, text_width};
pub use theme::Theme;

/// How to draw: device pixel ratio, colours and fonts.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Device pixels per CSS pixel (`window.devicePixelRatio`).
    pub pixel_ratio: f64,
    pub theme: Theme,
    /// A CSS font-family list; CJK fonts first so that Chinese labels use real glyphs.
    pub font_family: String,
}

/// The default font stack: common CJK UI fonts on each platform, then the generic family.
pub const DEFAULT_FONT_FAMILY: &str = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", sans-serif";

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            pixel_ratio: 1.0,
            theme: Theme::light(),
            font_family: DEFAULT_FONT_FAMILY.to_string(),
        }
    }
}

/// Draws `spec` onto `backend`, filling the whole backend area.
pub fn render<DB: DrawingBackend>(
    spec: &ChartSpec,
    backend: DB,
    options: &RenderOptions,
) -> Result<(), Error> {
    render_regions(spec, backend, options).map(|_| ())
}

/// Where a drawn point can be pointed at, in CSS pixels: for tooltips and keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Region {
    /// The point's index in the spec.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Like [`render`], and returns the region of every drawn point, in drawing order.
pub fn render_regions<DB: DrawingBackend>(
    spec: &ChartSpec,
    backend: DB,
    options: &RenderOptions,
) -> Result<Vec<Region>, Error> {
    validate(spec)?;
    // More points than a chart can show: draw the first ones and say so under the title.
    let note = spec.cap_note();
    let capped;
    let spec = if note.is_some() {
        capped = ChartSpec {
            points: spec.points[..crate::choose::MAX_DRAWN_POINTS].to_vec(),
            ..spec.clone()
        };
        &capped
    } else {
        spec
    };
    let root = backend.into_drawing_area();
    let mut painter = Painter::new(&root, options);
    painter.note = note;
    painter.fill_background()?;
    let two_way = !spec.groups().is_empty();
    match spec.kind {
        // Two-way figures: bars side by side per category, or a line per group.
        ChartKind::Bar | ChartKind::Hbar if two_way => painter.grouped_bars(spec)?,
        ChartKind::Line if two_way => painter.grouped_lines(spec)?,
        // Columns whose labels do not fit under them at this width are drawn as rows.
        ChartKind::Bar if !layout::columns_fit(spec, painter.width) => {
            painter.horizontal_bars(spec)?
        }
        ChartKind::Bar => painter.vertical_bars(spec)?,
        ChartKind::Line => painter.line_chart(spec)?,
        // A pie only for parts that are all positive; anything else is drawn as bars.
        ChartKind::Pie if spec.points.iter().all(|p| p.signed_magnitude() > 0.0) => {
            painter.pie(spec)?
        }
        ChartKind::Pie => painter.vertical_bars(spec)?,
        ChartKind::Hbar => painter.horizontal_bars(spec)?,
        ChartKind::Kpi => painter.cards(spec)?,
    }
    root.present().map_err(drawing_error)?;
    Ok(painter.regions.into_inner())
}

fn validate(spec: &ChartSpec) -> Result<(), Error> {
    if spec.points.is_empty() {
        return Err(Error::InvalidChart("no points".into()));
    }
    if let Some(p) = spec.points.iter().find(|p| !p.magnitude().is_finite()) {
        return Err(Error::InvalidChart(format!(
            "value of {:?} is not a finite number",
            p.label
        )));
    }
    Ok(())
}

fn drawing_error<E: std::fmt::Debug>(e: E) -> Error {
    Error::Drawing(format!("{e:?}"))
}

/// Draws text and shapes in CSS pixel coordinates.
struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    ratio: f64,
    /// Size in CSS pixels.
    width: f64,
    height: f64,
    theme: &'a Theme,
    family: &'a str,
    /// Said under the title when the chart draws fewer points than its spec has.
    note: Option<String>,
    /// Where each drawn point is, collected while drawing.
    regions: std::cell::RefCell<Vec<Region>>,
}

#[derive(Clone, Copy)]
enum Weight {
    Normal,
    Bold,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    fn new(area: &'a DrawingArea<DB, Shift>, options: &'a RenderOptions) -> Self {
        let ratio = if options.pixel_ratio.is_finite() && options.pixel_ratio > 0.0 {
            options.pixel_ratio.min(8.0)
        } else {
            1.0
        };
        let (w, h) = area.dim_in_pixel();
        Painter {
            area,
            ratio,
            width: w as f64 / ratio,
            height: h as f64 / ratio,
            theme: &options.theme,
            family: &options.font_family,
            note: None,
            regions: std::cell::RefCell::new(Vec::new()),
        }
    }

    fn px(&self, v: f64) -> i32 {
        (v * self.ratio).round() as i32
    }

    fn region(&self, index: usize, x: f64, y: f64, w: f64, h: f64) {
        let (w, h) = (w.max(1.0), h.max(1.0));
        self.regions.borrow_mut().push(Region { index, x, y, w, h });
    }

    fn fill_background(&mut self) -> Result<(), Error> {
        self.area
            .fill(&self.theme.background)
            .map_err(drawing_error)
    }

    fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), Error> {
        let shape = Rectangle::new(
            [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
            color.filled(),
        );
        self.area.draw(&shape).map_err(drawing_error)
    }

    fn line(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: RGBColor,
        width: f64,
    ) -> Result<(), Error> {
        let style = ShapeStyle::from(&color).stroke_width(self.px(width).max(1) as u32);
        let path = PathElement::new(
            vec![(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
            style,
        );
        self.area.draw(&path).map_err(drawing_error)
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        weight: Weight,
        color: RGBColor,
        anchor: (HPos, VPos),
    ) -> Result<(), Error> {
        if text.is_empty() {
            return Ok(());
        }
        let style = match weight {
            Weight::Normal => FontStyle::Normal,
            Weight::Bold => FontStyle::Bold,
        };
        let font = FontDesc::new(FontFamily::Name(self.family), size * self.ratio, style);
        let text_style = TextStyle::from(font)
            .color(&color)
            .pos(Pos::new(anchor.0, anchor.1));
        self.area
            .draw(&Text::new(
                text.to_string(),
                (self.px(x), self.px(y)),
                text_style,
            ))
            .map_err(drawing_error)
    }

    /// Title, unit line; returns the y where the plot may start.
    fn header(&self, spec: &ChartSpec, subtitle: Option<String>) -> Result<f64, Error> {
        let pad = layout::PAD;
        let lines = layout::title_lines(&spec.title, self.width);
        for (k, line) in lines.iter().enumerate() {
            self.text(
                line,
                pad,
                pad + k as f64 * layout::TITLE_SIZE * 1.3,
                layout::TITLE_SIZE,
                Weight::Bold,
                self.theme.text,
                (HPos::Left, VPos::Top),
            )?;
        }
        let mut y = pad
            + layout::TITLE_SIZE * 1.4
            + lines.len().saturating_sub(1) as f64 * layout::TITLE_SIZE * 1.3;
        if let Some(sub) = subtitle {
            self.text(
                &sub,
                pad,
                y,
                layout::SMALL_SIZE,
                Weight::Normal,
                self.theme.muted,
                (HPos::Left, VPos::Top),
            )?;
            y += layout::SMALL_SIZE * 1.6;
        }
        Ok(y + 8.0)
    }

    /// The source line at the bottom; returns the y above it.
    fn footer(&self, spec: &ChartSpec) -> Result<f64, Error> {
        let pad = layout::PAD;
        let bottom = self.height - pad * 0.75;
        match &spec.source {
            Some(source) => {
                let prefix = if format::is_chinese(&spec.lang) {
                    "来源："
                } else {
                    "Source: "
                };
                let line = layout::fit(
                    &format!("{prefix}{source}"),
                    self.width - 2.0 * pad,
                    layout::SMALL_SIZE,
                );
                self.text(
                    &line,
                    pad,
                    bottom,
                    layout::SMALL_SIZE,
                    Weight::Normal,
                    self.theme.muted,
                    (HPos::Left, VPos::Bottom),
                )?;
                Ok(bottom - layout::SMALL_SIZE * 1.8)
            }
            None => Ok(bottom),
        }
    }

    fn unit_line(&self, spec: &ChartSpec) -> Option<String> {
        let unit_line = self.unit_only(spec);
        match (unit_line, &self.note) {
            (Some(line), Some(note)) => Some(format!("{line} · {note}")),
            (line, note) => line.or_else(|| note.clone()),
        }
    }

    fn unit_only(&self, spec: &ChartSpec) -> Option<String> {
        let unit = spec.unit.as_deref()?;
        let scale = common_scale(spec);
        if format::is_chinese(&spec.lang) {
            // figure() renders `1万元`; the unit line wants `万元`.
            let shown = format::figure(1.0, scale, Some(unit), &spec.lang);
            return Some(format!("单位：{}", shown.trim_start_matches('1')));
        }
        let word = format::english_scale_word(scale);
        Some(match (unit, word) {
            (unit, None) => format!("Unit: {unit}"),
            ("$" | "%" | "‰", Some(word)) => format!("Unit: {unit} {word}"),
            (unit, Some(word)) => format!("Unit: {word} {unit}"),
        })
    }

    /// Header, footer, a value axis from zero with gridlines and ticks: the frame that bars and
    /// lines share. `label_h` is the room kept under the plot for category labels.
    fn value_plot(&self, spec: &ChartSpec, label_h: f64) -> Result<ValuePlot, Error> {
        let top = self.header(spec, self.unit_line(spec))?;
        let bottom_limit = self.footer(spec)?;
        let axis = layout::Axis::new(spec.points.iter().map(|p| p.signed_magnitude()), 5);
        // Ticks count in the scale the unit line names (`25` under 单位：万亿元).
        let scale = common_scale(spec);
        let tick_text = |t: f64| format::tick(t / scale, &spec.lang);
        let tick_w = axis
            .ticks
            .iter()
            .map(|t| text_width(&tick_text(*t), layout::SMALL_SIZE))
            .fold(0.0, f64::max);
        let left = layout::PAD + tick_w + 8.0;
        let right = self.width - layout::PAD;
        // Room above the highest point for its value label.
        let plot_top = top + layout::VALUE_SIZE * 1.5;
        let bottom = (bottom_limit - label_h).max(plot_top + 10.0);
        let plot = ValuePlot {
            left,
            right,
            top: plot_top,
            bottom,
            axis,
        };
        for t in &plot.axis.ticks {
            let y = plot.y_of(*t);
            self.line(left, y, right, y, self.theme.grid, 1.0)?;
            self.text(
                &tick_text(*t),
                left - 6.0,
                y,
                layout::SMALL_SIZE,
                Weight::Normal,
                self.theme.muted,
                (HPos::Right, VPos::Center),
            )?;
        }
        Ok(plot)
    }

    fn vertical_bars(&self, spec: &ChartSpec) -> Result<(), Error> {
        let n = spec.points.len();
        // Two lines for category labels under the bars.
        let label_lines = 2usize;
        let plot = self.value_plot(spec, layout::LABEL_SIZE * 1.3 * label_lines as f64 + 8.0)?;
        let (left, right, plot_bottom) = (plot.left, plot.right, plot.bottom);
        let y_of = |v: f64| plot.y_of(v);
        let band = (right - left) / n as f64;
        let bar_w = (band * 0.62).min(96.0);
        let values = ValueFormat::of(spec).hedged(spec);
        // One size for every figure, small enough that neighbours never touch.
        let value_size = values
            .iter()
            .map(|v| layout::fit_size(v, band - 4.0, layout::VALUE_SIZE, 9.0))
            .fold(layout::VALUE_SIZE, f64::min);
        for (k, (p, value)) in spec.points.iter().zip(&values).enumerate() {
            let cx = left + band * (k as f64 + 0.5);
            self.region(
                k,
                left + band * k as f64,
                plot.top - layout::VALUE_SIZE * 1.5,
                band,
                plot_bottom - plot.top + layout::VALUE_SIZE * 1.5 + 8.0,
            );
            let (y0, y1) = (y_of(0.0), y_of(p.signed_magnitude()));
            let color = self.bar_color(p);
            self.rect(
                cx - bar_w / 2.0,
                y0.min(y1),
                cx + bar_w / 2.0,
                y0.max(y1),
                color,
            )?;
            self.bar_end_value(value, cx, y1, p.signed_magnitude() >= 0.0, 4.0, value_size)?;
            self.column_label(&p.label, cx, plot_bottom + 8.0, band - 4.0, label_lines)?;
        }
        let zero = y_of(0.0);
        self.line(left, zero, right, zero, self.theme.axis, 1.0)
    }

    /// A bar's figure at its end: above a rise, below a fall, `gap` px away.
    fn bar_end_value(
        &self,
        value: &str,
        x: f64,
        end: f64,
        rises: bool,
        gap: f64,
        size: f64,
    ) -> Result<(), Error> {
        let (y, vpos) = if rises {
            (end - gap, VPos::Bottom)
        } else {
            (end + gap, VPos::Top)
        };
        self.text(
            value,
            x,
            y,
            size,
            Weight::Bold,
            self.theme.text,
            (HPos::Center, vpos),
        )
    }

    /// A column's label under the plot, centred, wrapped on up to `lines` lines.
    fn column_label(
        &self,
        label: &str,
        cx: f64,
        top: f64,
        width: f64,
        lines: usize,
    ) -> Result<(), Error> {
        for (n, line) in layout::wrap(label, width, layout::LABEL_SIZE, lines)
            .iter()
            .enumerate()
        {
            self.text(
                line,
                cx,
                top + n as f64 * layout::LABEL_SIZE * 1.3,
                layout::LABEL_SIZE,
                Weight::Normal,
                self.theme.text,
                (HPos::Center, VPos::Top),
            )?;
        }
        Ok(())
    }

    fn polyline(&self, points: &[(f64, f64)], color: RGBColor, width: f64) -> Result<(), Error> {
        let style = ShapeStyle::from(&color).stroke_width(self.px(width).max(1) as u32);
        let path: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| (self.px(x), self.px(y)))
            .collect();
        self.area
            .draw(&PathElement::new(path, style))
            .map_err(drawing_error)
    }

    fn dot(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), Error> {
        let circle = Circle::new((self.px(x), self.px(y)), self.px(r).max(1), color.filled());
        self.area.draw(&circle).map_err(drawing_error)
    }

    /// A time series: points in order on a value axis, joined by a line, each value labelled.
    /// The categories (labels, in order) and groups of a two-way chart, and each point's place
    /// in them.
    fn two_way(spec: &ChartSpec) -> (Vec<&str>, Vec<&str>, Vec<(usize, usize)>) {
        let mut labels: Vec<&str> = Vec::new();
        for p in &spec.points {
            if !labels.contains(&p.label.as_str()) {
                labels.push(&p.label);
            }
        }
        let groups = spec.groups();
        let at = spec
            .points
            .iter()
            .map(|p| {
                let c = labels.iter().position(|l| *l == p.label).unwrap_or(0);
                let g = p
                    .group
                    .as_deref()
                    .and_then(|g| groups.iter().position(|x| *x == g))
                    .unwrap_or(0);
                (c, g)
            })
            .collect();
        (labels, groups, at)
    }

    fn group_color(&self, g: usize) -> RGBColor {
        self.theme.series[g % self.theme.series.len()]
    }

    /// A row of colour swatches and group names, at `y`; returns its height.
    fn legend(&self, groups: &[&str], y: f64) -> Result<f64, Error> {
        let mut x = layout::PAD;
        let mut row = 0.0;
        let line = layout::LABEL_SIZE * 1.6;
        for (g, name) in groups.iter().enumerate() {
            let w = 14.0 + text_width(name, layout::LABEL_SIZE) + 14.0;
            if x + w > self.width - layout::PAD && x > layout::PAD {
                x = layout::PAD;
                row += line;
            }
            let top = y + row + 2.0;
            self.rect(x, top, x + 10.0, top + 10.0, self.group_color(g))?;
            self.text(
                name,
                x + 14.0,
                top + 5.0,
                layout::LABEL_SIZE,
                Weight::Normal,
                self.theme.text,
                (HPos::Left, VPos::Center),
            )?;
            x += w;
        }
        Ok(row + line)
    }

    /// Two-way figures as bars side by side: one band per label, one bar per group in the
    /// group's colour, a legend under the labels. Falls go below the zero line.
    fn grouped_bars(&self, spec: &ChartSpec) -> Result<(), Error> {
        let (labels, groups, at) = Self::two_way(spec);
        let legend_h = layout::LABEL_SIZE * 1.6 * 2.0;
        let plot = self.value_plot(spec, layout::LABEL_SIZE * 1.3 * 2.0 + 12.0 + legend_h)?;
        let band = (plot.right - plot.left) / labels.len().max(1) as f64;
        let inner = band * 0.8;
        let bar_w = inner / groups.len().max(1) as f64;
        let values = ValueFormat::of(spec).hedged(spec);
        let value_size = values
            .iter()
            .map(|v| layout::fit_size(v, bar_w + 6.0, layout::SMALL_SIZE, 8.0))
            .fold(layout::SMALL_SIZE, f64::min);
        for (k, ((p, value), &(c, g))) in spec.points.iter().zip(&values).zip(&at).enumerate() {
            let x0 = plot.left + band * c as f64 + (band - inner) / 2.0 + bar_w * g as f64;
            let (y0, y1) = (plot.y_of(0.0), plot.y_of(p.signed_magnitude()));
            self.region(k, x0, plot.top, bar_w, plot.bottom - plot.top);
            self.rect(
                x0 + 1.0,
                y0.min(y1),
                x0 + bar_w - 1.0,
                y0.max(y1),
                self.group_color(g),
            )?;
            let rises = p.signed_magnitude() >= 0.0;
            self.bar_end_value(value, x0 + bar_w / 2.0, y1, rises, 3.0, value_size)?;
        }
        for (c, label) in labels.iter().enumerate() {
            let cx = plot.left + band * (c as f64 + 0.5);
            self.column_label(label, cx, plot.bottom + 8.0, band - 4.0, 2)?;
        }
        self.legend(&groups, plot.bottom + 12.0 + layout::LABEL_SIZE * 2.6)?;
        let zero = plot.y_of(0.0);
        self.line(plot.left, zero, plot.right, zero, self.theme.axis, 1.0)
    }

    /// Two-way figures over periods: a line per group across the labels, with a legend.
    fn grouped_lines(&self, spec: &ChartSpec) -> Result<(), Error> {
        let (labels, groups, at) = Self::two_way(spec);
        let legend_h = layout::LABEL_SIZE * 1.6 * 2.0;
        let plot = self.value_plot(spec, layout::LABEL_SIZE * 1.3 + 12.0 + legend_h)?;
        let band = (plot.right - plot.left) / labels.len().max(1) as f64;
        let x_of = |c: usize| plot.left + band * (c as f64 + 0.5);
        for g in 0..groups.len() {
            let line: Vec<(usize, f64, f64)> = spec
                .points
                .iter()
                .zip(&at)
                .enumerate()
                .filter(|(_, (_, &(_, pg)))| pg == g)
                .map(|(k, (p, &(c, _)))| (k, x_of(c), plot.y_of(p.signed_magnitude())))
                .collect();
            // In the labels' order (one sort for the crate: see `sort_indices`).
            let mut order: Vec<usize> = (0..line.len()).collect();
            crate::sort_indices(&mut order, &|a, b| line[a].1.total_cmp(&line[b].1));
            let line: Vec<(usize, f64, f64)> = order.iter().map(|&i| line[i]).collect();
            let path: Vec<(f64, f64)> = line.iter().map(|&(_, x, y)| (x, y)).collect();
            self.polyline(&path, self.group_color(g), 2.5)?;
            for &(k, x, y) in &line {
                self.dot(x, y, 3.5, self.group_color(g))?;
                self.region(k, x - band / 2.0, plot.top, band, plot.bottom - plot.top);
            }
        }
        for (c, label) in labels.iter().enumerate() {
            let text = layout::fit(label, band - 4.0, layout::LABEL_SIZE);
            self.text(
                &text,
                x_of(c),
                plot.bottom + 8.0,
                layout::LABEL_SIZE,
                Weight::Normal,
                self.theme.text,
                (HPos::Center, VPos::Top),
            )?;
        }
        self.legend(&groups, plot.bottom + 12.0 + layout::LABEL_SIZE * 1.3)?;
        self.line(
            plot.left,
            plot.bottom,
            plot.right,
            plot.bottom,
            self.theme.axis,
            1.0,
        )
    }

    fn line_chart(&self, spec: &ChartSpec) -> Result<(), Error> {
        let n = spec.points.len();
        let plot = self.value_plot(spec, layout::LABEL_SIZE * 1.3 + 8.0)?;
        let (left, right, plot_bottom) = (plot.left, plot.right, plot.bottom);
        let y_of = |v: f64| plot.y_of(v);
        let band = (right - left) / n as f64;
        let values = ValueFormat::of(spec);
        let at: Vec<(f64, f64)> = spec
            .points
            .iter()
            .enumerate()
            .map(|(k, p)| (left + band * (k as f64 + 0.5), y_of(p.signed_magnitude())))
            .collect();
        self.polyline(&at, self.theme.series[0], 2.5)?;
        // Label every point when the widest label and figure fit its band, else every k-th.
        let widest = spec
            .points
            .iter()
            .map(|p| {
                let value = text_width(&values.text(p), layout::VALUE_SIZE);
                value.max(text_width(&p.label, layout::LABEL_SIZE))
            })
            .fold(0.0, f64::max);
        let step = ((widest + 8.0) / band).ceil().max(1.0) as usize;
        for (k, (p, &(x, y))) in spec.points.iter().zip(&at).enumerate() {
            self.dot(x, y, 4.0, self.theme.series[0])?;
            self.region(k, x - band / 2.0, plot.top, band, plot_bottom - plot.top);
            // Counted from the last point: the latest figure is always labelled.
            if (n - 1 - k) % step == 0 {
                let value = values.text(p);
                self.text(
                    &value,
                    x,
                    y - 8.0,
                    layout::VALUE_SIZE,
                    Weight::Bold,
                    self.theme.text,
                    (HPos::Center, VPos::Bottom),
                )?;
                let label = layout::fit(&p.label, band * step as f64 - 4.0, layout::LABEL_SIZE);
                self.text(
                    &label,
                    x,
                    plot_bottom + 8.0,
                    layout::LABEL_SIZE,
                    Weight::Normal,
                    self.theme.text,
                    (HPos::Center, VPos::Top),
                )?;
            }
        }
        self.line(left, plot_bottom, right, plot_bottom, self.theme.axis, 1.0)
    }

    /// Parts of a whole: a donut, largest share first as written, with a legend of label,
    /// figure and share.
    fn pie(&self, spec: &ChartSpec) -> Result<(), Error> {
        let top = self.header(spec, self.unit_line(spec))?;
        let bottom = self.footer(spec)?;
        let total: f64 = spec.points.iter().map(|p| p.magnitude()).sum();
        let height = (bottom - top).max(20.0);
        // Legend beside the donut when there is room, else under it.
        let side = self.width >= 480.0;
        let legend_h = spec.points.len() as f64 * layout::LABEL_SIZE * 1.8;
        let diameter = if side {
            height.min(self.width * 0.45)
        } else {
            // As chart_height planned: the donut 0.6 of the width, the legend under it.
            (self.width * 0.6)
                .min(self.width - 2.0 * layout::PAD)
                .min(height - legend_h - 16.0)
                .max(8.0)
        };
        let r = (diameter / 2.0 - 4.0).max(4.0);
        let (cx, cy) = (layout::PAD + diameter / 2.0, top + diameter / 2.0);
        let mut angle = -std::f64::consts::FRAC_PI_2;
        for (k, p) in spec.points.iter().enumerate() {
            let sweep = p.magnitude() / total * std::f64::consts::TAU;
            let color = self.theme.series[k % self.theme.series.len()];
            let steps = ((sweep / std::f64::consts::TAU) * 120.0).ceil().max(2.0) as usize;
            let inner = r * 0.55;
            let mut ring: Vec<(i32, i32)> = (0..=steps)
                .map(|s| {
                    let a = angle + sweep * s as f64 / steps as f64;
                    (self.px(cx + r * a.cos()), self.px(cy + r * a.sin()))
                })
                .collect();
            ring.extend((0..=steps).rev().map(|s| {
                let a = angle + sweep * s as f64 / steps as f64;
                (self.px(cx + inner * a.cos()), self.px(cy + inner * a.sin()))
            }));
            self.area
                .draw(&Polygon::new(ring, color.filled()))
                .map_err(drawing_error)?;
            angle += sweep;
        }
        // A thin gap in the background colour between slices, so neighbours stay apart.
        if spec.points.len() > 1 {
            let mut edge = -std::f64::consts::FRAC_PI_2;
            for p in &spec.points {
                let (inner, outer) = (r * 0.55 - 1.0, r + 1.0);
                self.line(
                    cx + inner * edge.cos(),
                    cy + inner * edge.sin(),
                    cx + outer * edge.cos(),
                    cy + outer * edge.sin(),
                    self.theme.background,
                    1.5,
                )?;
                edge += p.magnitude() / total * std::f64::consts::TAU;
            }
        }
        let (lx, mut ly) = if side {
            (cx + r + 28.0, top + 4.0)
        } else {
            (layout::PAD, top + diameter + 12.0)
        };
        let legend_w = self.width - lx - layout::PAD;
        // Percentages that make up 100 already are the shares: do not say them twice.
        let are_shares = spec.unit.as_deref() == Some("%") && (total - 100.0).abs() < 0.5;
        for (k, p) in spec.points.iter().enumerate() {
            let color = self.theme.series[k % self.theme.series.len()];
            self.rect(lx, ly + 2.0, lx + 12.0, ly + 14.0, color)?;
            self.region(k, lx, ly, legend_w, layout::LABEL_SIZE * 1.8);
            let figure = p.shown(spec.unit.as_deref(), &spec.lang);
            let line = if are_shares {
                format!("{} {figure}", p.label)
            } else {
                let share = format::number(p.magnitude() / total * 100.0, 1, false);
                format!("{} {figure} ({share}%)", p.label)
            };
            let line = layout::fit(&line, legend_w - 20.0, layout::LABEL_SIZE);
            self.text(
                &line,
                lx + 20.0,
                ly + 8.0,
                layout::LABEL_SIZE,
                Weight::Normal,
                self.theme.text,
                (HPos::Left, VPos::Center),
            )?;
            ly += layout::LABEL_SIZE * 1.8;
        }
        Ok(())
    }

    fn horizontal_bars(&self, spec: &ChartSpec) -> Result<(), Error> {
        let top = self.header(spec, self.unit_line(spec))?;
        let bottom = self.footer(spec)?;
        let n = spec.points.len();
        let row = ((bottom - top) / n as f64).clamp(12.0, 40.0);
        let label_w = spec
            .points
            .iter()
            .map(|p| text_width(&p.label, layout::LABEL_SIZE))
            .fold(0.0, f64::max)
            .min(self.width * 0.38);
        let left = layout::PAD + label_w + 8.0;
        let values = ValueFormat::of(spec).hedged(spec);
        let value_w = values
            .iter()
            .map(|v| text_width(v, layout::VALUE_SIZE))
            .fold(0.0, f64::max);
        let right = self.width - layout::PAD - value_w - 6.0;
        let axis = layout::Axis::new(spec.points.iter().map(|p| p.signed_magnitude()), 4);
        let x_of = |v: f64| left + axis.fraction(v) * (right - left).max(1.0);
        for (k, (p, value)) in spec.points.iter().zip(&values).enumerate() {
            let y = top + row * k as f64;
            self.region(k, layout::PAD, y, self.width - 2.0 * layout::PAD, row);
            let bar_h = row * 0.64;
            let (x0, x1) = (x_of(0.0), x_of(p.signed_magnitude()));
            self.rect(x0.min(x1), y, x0.max(x1), y + bar_h, self.bar_color(p))?;
            let label = layout::fit(&p.label, label_w, layout::LABEL_SIZE);
            self.text(
                &label,
                left - 8.0,
                y + bar_h / 2.0,
                layout::LABEL_SIZE,
                Weight::Normal,
                self.theme.text,
                (HPos::Right, VPos::Center),
            )?;
            // A fall's figure stands at the end of its bar too: left of a bar drawn leftwards.
            let (vx, hpos) = if x1 < x0 {
                (x1 - 6.0, HPos::Right)
            } else {
                (x1 + 6.0, HPos::Left)
            };
            self.text(
                value,
                vx,
                y + bar_h / 2.0,
                layout::VALUE_SIZE,
                Weight::Bold,
                self.theme.text,
                (hpos, VPos::Center),
            )?;
        }
        let zero = x_of(0.0);
        self.line(
            zero,
            top - 4.0,
            zero,
            top + row * n as f64 - row * 0.36 + 4.0,
            self.theme.axis,
            1.0,
        )
    }

    /// A fall in the negative colour; its place below the zero line and its signed figure
    /// tell it apart without colour.
    fn bar_color(&self, p: &crate::choose::Point) -> RGBColor {
        if p.signed_magnitude() < 0.0 {
            self.theme.negative
        } else {
            self.theme.series[0]
        }
    }

    fn cards(&self, spec: &ChartSpec) -> Result<(), Error> {
        let top = self.header(spec, self.note.clone())?;
        let bottom = self.footer(spec)?;
        let grid = layout::CardGrid::new(spec.points.len(), self.width);
        for (k, p) in spec.points.iter().enumerate() {
            let (x, y, w) = grid.cell(k, top);
            self.region(k, x, y, w, layout::CARD_HEIGHT);
            if y + layout::CARD_HEIGHT > bottom + 1.0 {
                break;
            }
            self.rect(x, y, x + w, y + layout::CARD_HEIGHT, self.theme.card)?;
            self.rect(x, y, x + 4.0, y + layout::CARD_HEIGHT, self.theme.series[0])?;
            let inner = w - 28.0;
            // The label on up to two lines; the figure big, its unit word smaller beside it.
            for (line_no, line) in layout::wrap(&p.label, inner, layout::LABEL_SIZE, 2)
                .iter()
                .enumerate()
            {
                self.text(
                    line,
                    x + 16.0,
                    y + 12.0 + line_no as f64 * layout::LABEL_SIZE * 1.3,
                    layout::LABEL_SIZE,
                    Weight::Normal,
                    self.theme.muted,
                    (HPos::Left, VPos::Top),
                )?;
            }
            let arrow = match (p.sign, p.unit.as_deref()) {
                (s, Some("%" | "个百分点" | "倍")) if s < 0 => "▼ ",
                (_, Some("%" | "个百分点" | "倍")) if is_change_label(&p.label) => "▲ ",
                _ => "",
            };
            let unit = p.unit.as_deref().or(spec.unit.as_deref());
            let (number, unit_word) = format::compact_parts(p.value, p.scale, unit, &spec.lang);
            let number = format!("{arrow}{}{number}", p.qualifier.as_deref().unwrap_or(""));
            // The unit word at half the figure's size; both shrink together to fit the card.
            let per_px = text_width(&number, 1.0) + text_width(&unit_word, 0.5);
            let size = if per_px > 0.0 {
                ((inner - 4.0) / per_px).clamp(14.0, layout::KPI_SIZE)
            } else {
                layout::KPI_SIZE
            };
            let unit_size = (size * 0.5).max(11.0);
            let color = if p.sign < 0 {
                self.theme.negative
            } else {
                self.theme.accent
            };
            let baseline = y + layout::CARD_HEIGHT - 14.0;
            self.text(
                &number,
                x + 16.0,
                baseline,
                size,
                Weight::Bold,
                color,
                (HPos::Left, VPos::Bottom),
            )?;
            self.text(
                &unit_word,
                x + 16.0 + text_width(&number, size) + 4.0,
                baseline - size * 0.08,
                unit_size,
                Weight::Normal,
                color,
                (HPos::Left, VPos::Bottom),
            )?;
        }
        Ok(())
    }
}

/// The area values are plotted in, in CSS pixels, with its axis.
struct ValuePlot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    axis: layout::Axis,
}

impl ValuePlot {
    fn y_of(&self, v: f64) -> f64 {
        self.bottom - self.axis.fraction(v) * (self.bottom - self.top)
    }
}

fn is_change_label(label: &str) -> bool {
    ["增长", "增加", "提高", "提升", "上涨", "上升"]
        .iter()
        .any(|v| label.contains(v))
}

/// How the figures on bars and points are written, decided once per chart.
struct ValueFormat<'a> {
    /// The scale the unit line names; points in it are written without a scale word.
    shared_scale: f64,
    /// Decimals for every point in the shared scale (`3.1`, `4.0`, `4.4`), as many as the most
    /// precise figure the text gave, at most 3.
    decimals: usize,
    lang: &'a str,
}

impl<'a> ValueFormat<'a> {
    fn of(spec: &'a ChartSpec) -> ValueFormat<'a> {
        let shared_scale = common_scale(spec);
        let decimals = spec
            .points
            .iter()
            .map(|p| {
                let text = format::number(p.value, 3, false);
                text.split_once('.').map_or(0, |(_, frac)| frac.len())
            })
            .max()
            .unwrap_or(0);
        ValueFormat {
            shared_scale,
            decimals,
            lang: &spec.lang,
        }
    }

    /// Every point's figure with its hedge (`约15`), as written at the end of its bar.
    fn hedged(&self, spec: &ChartSpec) -> Vec<String> {
        spec.points
            .iter()
            .map(|p| format!("{}{}", p.qualifier.as_deref().unwrap_or(""), self.text(p)))
            .collect()
    }

    /// The number written on a bar or point: in the shared scale the unit line names (`2147.9`
    /// under 单位：万元), or with its own scale word when the points' scales differ
    /// (`114.31万亿`); plain numbers from a million up short (`123万`, `1.23M`).
    fn text(&self, p: &crate::choose::Point) -> String {
        let in_shared = p.scale == self.shared_scale;
        let value = p.value.abs();
        // A fall is written with a true minus sign (`−1.83`), as the bar below zero shows it.
        let minus = if p.signed_magnitude() < 0.0 {
            "\u{2212}"
        } else {
            ""
        };
        let digits = if in_shared && (self.shared_scale > 1.0 || p.magnitude().abs() < 1e6) {
            let grouped = !format::is_chinese(self.lang);
            format::fixed(value, self.decimals, grouped)
        } else {
            format::compact_from(value, p.scale, None, self.lang, 1e6)
        };
        format!("{minus}{digits}")
    }
}

/// The scale all points share and the unit line can name (万元 in Chinese, `$ billion` in
/// English), else 1: the figures then carry their own scale.
fn common_scale(spec: &ChartSpec) -> f64 {
    let first = spec.points.first().map_or(1.0, |p| p.scale);
    let nameable = first == 1.0
        || if format::is_chinese(&spec.lang) {
            format::chinese_scale_word(first).is_some()
        } else {
            format::english_scale_word(first).is_some()
        };
    if nameable && spec.points.iter().all(|p| p.scale == first) {
        first
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests;
