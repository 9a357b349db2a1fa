//! Rendering to SVG in memory: the drawn text and shapes are checked, not eyeballed.

use super::*;
use crate::choose::Point;

fn seed_bar() -> ChartSpec {
    let points = [
        ("初中级工", 4948.0),
        ("高级工", 2542.0),
        ("技师", 402.0),
        ("高级技师", 136.0),
    ]
    .into_iter()
    .map(|(label, value)| Point {
        label: label.into(),
        value,
        scale: 1.0,
        unit: Some("人".into()),
        qualifier: None,
        sign: 1,
        group: None,
    })
    .collect();
    ChartSpec {
        kind: ChartKind::Bar,
        title: "2021年新增人数".into(),
        unit: Some("人".into()),
        points,
        source: Some("中国劳动保障报".into()),
        confidence: 0.9,
        drawn: true,
        block: None,
        lang: "zh".into(),
    }
}

fn svg(spec: &ChartSpec, w: u32, h: u32, ratio: f64) -> String {
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (w, h));
        let options = RenderOptions {
            pixel_ratio: ratio,
            ..RenderOptions::default()
        };
        render(spec, backend, &options).unwrap();
    }
    out
}

/// The SVG backend writes each text on its own line.
fn drawn(svg: &str, text: &str) -> bool {
    svg.contains(&format!("\n{text}\n"))
}

/// Heights of the filled rectangles in the bar colour, left to right.
fn bar_heights(svg: &str) -> Vec<f64> {
    let colour = "fill=\"#1F6FC5\"";
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(colour))
        .map(|l| {
            let attr = |name: &str| -> f64 {
                let start = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            attr("height")
        })
        .collect()
}

#[test]
fn bar_chart_draws_labels_values_and_proportional_bars() {
    let out = svg(&seed_bar(), 640, 400, 1.0);
    for text in [
        "初中级工",
        "高级工",
        "技师",
        "高级技师",
        "4948",
        "2542",
        "402",
        "136",
        "2021年新增人数",
        "单位：人",
        "来源：中国劳动保障报",
    ] {
        assert!(drawn(&out, text), "{text} drawn");
    }
    let heights = bar_heights(&out);
    assert_eq!(heights.len(), 4);
    // Bars are proportional to the values (within a pixel of rounding).
    let unit = heights[0] / 4948.0;
    for (h, v) in heights.iter().zip([4948.0, 2542.0, 402.0, 136.0]) {
        assert!((h - v * unit).abs() <= 1.0, "{h} ~ {v}");
    }
}

#[test]
fn pixel_ratio_scales_geometry_and_fonts() {
    let one = bar_heights(&svg(&seed_bar(), 640, 400, 1.0));
    let two = bar_heights(&svg(&seed_bar(), 1280, 800, 2.0));
    for (a, b) in one.iter().zip(&two) {
        assert!((a * 2.0 - b).abs() <= 2.0, "{a} x2 ~ {b}");
    }
    // The SVG backend writes sizes in points (px / 1.24): an 18 px title at ratio 2 is 29.03 pt.
    assert!(svg(&seed_bar(), 1280, 800, 2.0).contains("font-size=\"29.03"));
}

#[test]
fn horizontal_bars_and_cards() {
    let mut spec = seed_bar();
    spec.kind = ChartKind::Hbar;
    let out = svg(&spec, 600, 300, 1.0);
    assert_eq!(bar_heights(&out).len(), 4);
    assert!(drawn(&out, "高级技师"));

    spec.kind = ChartKind::Kpi;
    spec.unit = None;
    spec.points[0].label = "职业技能培训".into();
    spec.points[0].unit = Some("人次".into());
    let out = svg(&spec, 700, 200, 1.0);
    assert!(drawn(&out, "职业技能培训"));
    // The figure big, its unit word beside it in smaller type.
    assert!(drawn(&out, "4948") && drawn(&out, "人次"), "{out}");

    // Long plain figures are short on the card face, in each language's way.
    spec.points[0].value = 70639.0;
    let out = svg(&spec, 700, 200, 1.0);
    assert!(drawn(&out, "7.06万"), "{out}");
    spec.lang = "en".into();
    spec.points[0].unit = Some("trainees".into());
    spec.points[1].value = 21.479;
    spec.points[1].scale = 1e6;
    spec.points[1].unit = Some("$".into());
    let out = svg(&spec, 700, 200, 1.0);
    assert!(drawn(&out, "70.6K") && drawn(&out, "trainees"), "{out}");
    assert!(drawn(&out, "$21.5M"), "{out}");
}

#[test]
fn english_unit_lines_name_the_shared_scale_in_words() {
    let mut spec = seed_bar();
    spec.lang = "en".into();
    spec.unit = Some("$".into());
    for p in &mut spec.points {
        p.scale = 1e9;
        p.unit = Some("$".into());
    }
    let out = svg(&spec, 600, 300, 1.0);
    assert!(drawn(&out, "Unit: $ billion"), "{out}");
    assert!(drawn(&out, "4,948"), "{out}");
    // 万 has no English word: each bar carries its own short figure instead.
    for p in &mut spec.points {
        p.scale = 1e4;
    }
    let out = svg(&spec, 600, 300, 1.0);
    assert!(drawn(&out, "Unit: $"), "{out}");
    assert!(drawn(&out, "49.5M"), "{out}");
}

#[test]
fn columns_whose_labels_do_not_fit_become_rows_on_a_phone() {
    let mut spec = seed_bar();
    spec.lang = "en".into();
    for (p, label) in
        spec.points
            .iter_mut()
            .zip(["Junior", "Senior", "Technician", "Senior technician"])
    {
        p.label = label.into();
    }
    let regions = |w: u32| {
        let h = chart_height(&spec, w as f64) as u32;
        let mut out = String::new();
        render_regions(
            &spec,
            SVGBackend::with_string(&mut out, (w, h)),
            &RenderOptions::default(),
        )
        .unwrap()
    };
    // Wide: four columns side by side. Phone: "Technician" would be cut, so four rows.
    let wide = regions(800);
    assert!(wide.windows(2).all(|r| r[0].y == r[1].y && r[0].x < r[1].x));
    let phone = regions(320);
    assert!(phone
        .windows(2)
        .all(|r| r[0].x == r[1].x && r[0].y < r[1].y));
    assert!(chart_height(&spec, 320.0) > 34.0 * 4.0);
    // Chinese labels break between characters and stay columns.
    assert!(crate::render::layout::columns_fit(&seed_bar(), 320.0));
}

#[test]
fn figures_on_one_chart_share_their_decimals() {
    let mut spec = seed_bar();
    for (p, v) in spec.points.iter_mut().zip([3.1, 3.6, 4.0, 4.4]) {
        p.value = v;
    }
    let out = svg(&spec, 600, 300, 1.0);
    assert!(drawn(&out, "4.0") && drawn(&out, "3.6"), "{out}");
}

#[test]
fn empty_and_non_finite_specs_are_errors() {
    let mut spec = seed_bar();
    spec.points[1].value = f64::NAN;
    let mut out = String::new();
    let err = render(
        &spec,
        SVGBackend::with_string(&mut out, (100, 100)),
        &RenderOptions::default(),
    );
    assert!(matches!(err, Err(Error::InvalidChart(_))));
    spec.points.clear();
    let err = render(
        &spec,
        SVGBackend::with_string(&mut out, (100, 100)),
        &RenderOptions::default(),
    );
    assert!(matches!(err, Err(Error::InvalidChart(_))));
}

#[test]
fn tiny_canvas_does_not_panic() {
    let _ = svg(&seed_bar(), 1, 1, 1.0);
    let mut spec = seed_bar();
    spec.kind = ChartKind::Hbar;
    let _ = svg(&spec, 2, 2, 3.0);
    spec.kind = ChartKind::Kpi;
    let _ = svg(&spec, 2, 2, 0.0);
}

#[test]
fn line_charts_join_points_in_order() {
    let mut spec = seed_bar();
    spec.kind = ChartKind::Line;
    let out = svg(&spec, 640, 400, 1.0);
    let line = out
        .lines()
        .find(|l| l.starts_with("<polyline") && l.contains("#1F6FC5"))
        .expect("a line");
    let points = line
        .split("points=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let ys: Vec<i32> = points
        .split_whitespace()
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(ys.len(), 4);
    // Higher values sit higher (smaller y): 4948 > 2542 > 402 > 136.
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    assert_eq!(out.matches("<circle").count(), 4);
    assert!(drawn(&out, "初中级工") && drawn(&out, "4948"));
}

#[test]
fn pies_are_donuts_with_a_legend_of_shares() {
    let mut spec = seed_bar();
    spec.kind = ChartKind::Pie;
    let out = svg(&spec, 640, 300, 1.0);
    assert_eq!(out.matches("<polygon").count(), 4);
    // 4948 of 8028 is 61.6%.
    assert!(drawn(&out, "初中级工 4948人 (61.6%)"), "{out}");
    // Percentages of the whole are their own shares.
    let mut shares = spec.clone();
    shares.unit = Some("%".into());
    for (p, v) in shares.points.iter_mut().zip([40.5, 30.0, 20.0, 9.5]) {
        p.value = v;
        p.unit = Some("%".into());
    }
    let out = svg(&shares, 640, 300, 1.0);
    assert!(drawn(&out, "初中级工 40.5%"), "{out}");
    assert!(!out.contains("(40.5%)"), "{out}");
    // Negative parts cannot be slices: drawn as bars instead.
    spec.points[1].value = -5.0;
    let out = svg(&spec, 640, 300, 1.0);
    assert_eq!(out.matches("<polygon").count(), 0);
}

#[test]
fn mixed_scales_write_each_figure_with_its_own_scale_word() {
    let mut spec = seed_bar();
    spec.unit = Some("元".into());
    spec.points[0].value = 114.31;
    spec.points[0].scale = 1e12;
    spec.points[1].value = 66128.9;
    spec.points[1].scale = 1e8;
    let out = svg(&spec, 640, 400, 1.0);
    assert!(drawn(&out, "114.31万亿"), "{out}");
    assert!(drawn(&out, "66128.9亿"));
}

#[test]
fn every_drawn_point_has_a_region_for_pointing() {
    for kind in [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::Line,
        ChartKind::Pie,
        ChartKind::Kpi,
    ] {
        let mut spec = seed_bar();
        spec.kind = kind;
        let mut out = String::new();
        let regions = render_regions(
            &spec,
            SVGBackend::with_string(&mut out, (640, 400)),
            &RenderOptions::default(),
        )
        .unwrap();
        let indexes: Vec<usize> = regions.iter().map(|r| r.index).collect();
        assert_eq!(indexes, vec![0, 1, 2, 3], "{kind:?}");
        // Regions do not overlap along the reading direction.
        for w in regions.windows(2) {
            let apart = w[0].x + w[0].w <= w[1].x + 0.5
                || w[0].y + w[0].h <= w[1].y + 0.5
                || w[1].y > w[0].y;
            assert!(apart, "{kind:?}: {w:?}");
        }
    }
}

/// `美元指数跌0.4%，欧元涨1.2%，日元跌1.8%`: a chart of changes with falls.
fn moves() -> ChartSpec {
    let points = [("美元指数", 0.4, -1), ("欧元", 1.2, 1), ("日元", 1.8, -1)]
        .into_iter()
        .map(|(label, value, sign)| Point {
            label: label.into(),
            value,
            scale: 1.0,
            unit: Some("%".into()),
            qualifier: None,
            sign,
            group: None,
        })
        .collect();
    ChartSpec {
        kind: ChartKind::Bar,
        title: "主要货币涨跌幅".into(),
        unit: Some("%".into()),
        points,
        source: None,
        confidence: 0.9,
        drawn: true,
        block: None,
        lang: "zh".into(),
    }
}

/// Every filled rectangle of a colour: (x, y, width, height).
fn rects(svg: &str, colour: &str) -> Vec<[f64; 4]> {
    let fill = format!("fill=\"{colour}\"");
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&fill))
        .map(|l| {
            let attr = |name: &str| -> f64 {
                let start = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            [attr("x"), attr("y"), attr("width"), attr("height")]
        })
        .collect()
}

#[test]
fn falls_are_drawn_below_the_zero_line_with_a_signed_figure() {
    let out = svg(&moves(), 640, 400, 1.0);
    let rises = rects(&out, "#1F6FC5");
    let falls = rects(&out, "#B3261E");
    assert_eq!((rises.len(), falls.len()), (1, 2), "{out}");
    // The rise ends where the falls begin: the zero line.
    let zero = rises[0][1] + rises[0][3];
    for fall in &falls {
        assert!(
            (fall[1] - zero).abs() <= 1.0,
            "a fall starts at zero: {fall:?} vs {zero}"
        );
        assert!(fall[3] > 1.0);
    }
    // Proportional: 1.8 is 4.5 times 0.4, both drawn downwards.
    assert!((falls[1][3] / falls[0][3] - 4.5).abs() < 0.2);
    for text in ["−0.4", "1.2", "−1.8"] {
        assert!(drawn(&out, text), "{text} drawn");
    }
    // Horizontal: falls run left of the zero line.
    let mut spec = moves();
    spec.kind = ChartKind::Hbar;
    let out = svg(&spec, 640, 300, 1.0);
    let rise = rects(&out, "#1F6FC5")[0];
    for fall in rects(&out, "#B3261E") {
        assert!(
            (fall[0] + fall[2] - rise[0]).abs() <= 1.0,
            "{fall:?} ends at {rise:?}"
        );
    }
    assert!(drawn(&out, "−1.8"));
}

#[test]
fn a_fall_is_never_a_pie_slice() {
    let mut spec = moves();
    spec.kind = ChartKind::Pie;
    let out = svg(&spec, 640, 400, 1.0);
    assert!(!rects(&out, "#B3261E").is_empty(), "drawn as bars instead");
}

/// `甲区`, `乙区`, `丙区` in `2022年` and `2023年`: a two-way chart.
fn two_way() -> ChartSpec {
    let mut spec = moves();
    spec.title = "各区销量".into();
    spec.unit = Some("万辆".into());
    spec.points = [
        ("甲区", "2022年", 12.0, 1),
        ("甲区", "2023年", 15.0, 1),
        ("乙区", "2022年", 9.0, 1),
        ("乙区", "2023年", 6.0, 1),
        ("丙区", "2022年", 7.0, 1),
        ("丙区", "2023年", 2.0, -1),
    ]
    .into_iter()
    .map(|(label, group, value, sign)| Point {
        label: label.into(),
        value,
        scale: 1.0,
        unit: Some("万辆".into()),
        qualifier: None,
        sign,
        group: Some(group.into()),
    })
    .collect();
    spec
}

#[test]
fn two_way_figures_are_grouped_bars_with_a_legend() {
    let out = svg(&two_way(), 640, 400, 1.0);
    // One colour a group: the first three bars of 2022, the next of 2023.
    let first = rects(&out, "#1F6FC5");
    let second = rects(&out, "#E08A1E");
    // Each group: 3 bars and its legend swatch.
    assert_eq!((first.len(), second.len()), (4, 4), "{out}");
    for text in ["甲区", "乙区", "丙区", "2022年", "2023年", "−2"] {
        assert!(drawn(&out, text), "{text} drawn");
    }
    // Side by side within a band: 甲区 2022 left of 甲区 2023.
    let bars = |r: &Vec<[f64; 4]>| -> Vec<[f64; 4]> {
        r.iter().filter(|b| b[2] > 12.0).copied().collect()
    };
    let (a, b) = (bars(&first), bars(&second));
    assert!(a[0][0] < b[0][0] && b[0][0] < a[1][0]);
    // The fall (丙区 2023) hangs below the zero line the rises stand on.
    let zero = a[0][1] + a[0][3];
    assert!((b[2][1] - zero).abs() <= 1.0, "{:?} from {zero}", b[2]);
    // The text alternative names both ways.
    assert!(two_way().describe().contains("丙区·2023年 下降2万辆"));
}

#[test]
fn two_way_figures_over_periods_are_a_line_each() {
    let mut spec = two_way();
    spec.kind = ChartKind::Line;
    for p in &mut spec.points {
        std::mem::swap(&mut p.label, p.group.as_mut().unwrap());
    }
    let out = svg(&spec, 640, 400, 1.0);
    // One line a region, each in its group's colour.
    for colour in ["#1F6FC5", "#E08A1E", "#2A9D63"] {
        let lines = out
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(colour))
            .count();
        assert_eq!(lines, 1, "{colour}");
    }
    for text in ["甲区", "乙区", "丙区", "2022年", "2023年"] {
        assert!(drawn(&out, text), "{text} drawn");
    }
}
