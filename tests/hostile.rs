//! Hostile and broken input: each ends in a chart, no chart or a clear error, never a panic.
//! (Time stays linear: `npm run eval` probes 50 KB against 5 MB, and the fuzz targets run it.)

use plotters::prelude::SVGBackend;
use postchart::render::{render, RenderOptions};
use postchart::{analyze, ChartKind, ChartSpec, Error, Point};

fn draw(spec: &ChartSpec) -> Result<String, Error> {
    let mut svg = String::new();
    render(
        spec,
        SVGBackend::with_string(&mut svg, (640, 400)),
        &RenderOptions::default(),
    )?;
    Ok(svg)
}

fn spec(kind: ChartKind, values: &[f64]) -> ChartSpec {
    ChartSpec {
        kind,
        title: "测试".into(),
        unit: Some("人".into()),
        points: values
            .iter()
            .enumerate()
            .map(|(k, &value)| Point {
                label: format!("项目{k}"),
                value,
                scale: 1.0,
                unit: None,
                qualifier: None,
                sign: 1,
                group: None,
            })
            .collect(),
        source: None,
        confidence: 0.9,
        drawn: true,
        block: None,
        lang: "zh".into(),
    }
}

#[test]
fn broken_posts_end_quietly() {
    for source in [
        "",
        "---\ntitle: 只有标题\n---\n",
        "---\ntitle: 没有结束\n正文100人",
        "---\ntitle: [unclosed\n: : :\n---\n正文",
        "+++\ntitle = \n[[[\n+++\n正文",
        "\u{feff}\n\n---\n---\n",
    ] {
        let analysis = analyze(source).expect("text is analysed");
        assert!(analysis.charts.len() <= 1, "{source:?}");
    }
}

#[test]
fn deeply_nested_html_and_huge_posts() {
    let deep = "<div>".repeat(100_000) + "新增高级工2542人、技师402人" + &"</div>".repeat(100_000);
    let analysis = analyze(&deep).unwrap();
    assert_eq!(analysis.facts.len(), 2);
    let big = "<p>本段没有统计。</p>\n".repeat(400_000); // ~10 MB
    assert!(big.len() > 10_000_000);
    assert!(analyze(&big).unwrap().charts.is_empty());
    // (Distinct figures: one figure said again is one fact.)
    let many: String = (1..=100_000).map(|k| format!("甲地区{k}家、")).collect();
    let analysis = analyze(&many).unwrap();
    assert_eq!(analysis.facts.len(), 100_000);
    let again = "甲地区3家、".repeat(100_000);
    assert_eq!(analyze(&again).unwrap().facts.len(), 1);
    assert!(analysis.charts.iter().all(|c| c.points.len() <= 50));
}

#[test]
fn extreme_numbers() {
    for text in [
        "增长1e308%",
        "共NaN人",
        "-0家",
        "共1234567890123456789012345678901234567890人",
        "9".repeat(400).as_str(),
    ] {
        let analysis = analyze(text).unwrap();
        for fact in &analysis.facts {
            assert!(fact.magnitude().is_finite(), "{text}: {fact:?}");
        }
        for chart in &analysis.charts {
            let _ = draw(chart);
        }
    }
}

#[test]
fn awkward_values_draw_or_fail_clearly() {
    for kind in [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::Pie,
        ChartKind::Line,
        ChartKind::Kpi,
    ] {
        for values in [
            &[0.0, 0.0][..],
            &[-5.0, 3.0],
            &[7.0, 7.0, 7.0],
            &[1.0],
            &[1e308, 1e308],
            &[-0.0, 1e-300],
        ] {
            draw(&spec(kind, values)).unwrap_or_else(|e| panic!("{kind:?} {values:?}: {e}"));
        }
        let err = draw(&spec(kind, &[1.0, f64::NAN])).unwrap_err();
        assert!(matches!(err, Error::InvalidChart(_)));
        assert!(matches!(
            draw(&spec(kind, &[])),
            Err(Error::InvalidChart(_))
        ));
    }
}

#[test]
fn ten_thousand_points_are_capped_and_say_so() {
    let values: Vec<f64> = (0..10_000).map(f64::from).collect();
    let chart = spec(ChartKind::Hbar, &values);
    let svg = draw(&chart).unwrap();
    assert!(svg.contains("显示前50项，共10000项"));
    assert!(chart.describe().ends_with("显示前50项，共10000项。"));
    assert!(!chart.describe().contains("项目50 "));
}

#[test]
fn strange_text_in_labels() {
    let long = "很".repeat(5_000);
    for label in [
        long.as_str(),
        "مرحبا بالعالم",
        "📈🚀👩‍👩‍👧",
        "e\u{301}\u{302}\u{303}",
        "\u{202e}反转",
        "<img src=x onerror=alert(1)>",
    ] {
        let mut chart = spec(ChartKind::Bar, &[1.0, 2.0]);
        chart.points[0].label = label.to_string();
        chart.title = label.to_string();
        let svg = draw(&chart).unwrap();
        // SVG output escapes markup: the label is text, never an element.
        assert!(!svg.contains("<img"));
    }
}

#[test]
fn binary_data_is_refused_clearly() {
    let binary: String = (0u32..4096)
        .map(|k| char::from_u32(k % 256).unwrap_or('?'))
        .collect();
    assert_eq!(analyze(&binary), Err(Error::NotText));
    let replaced = "\u{fffd}".repeat(100) + "新增2542人";
    assert_eq!(analyze(&replaced), Err(Error::NotText));
    // Two lone surrogates in a sentence are not binary data.
    let analysis = analyze("\u{fffd}新增高级工2542人、技师402人\u{fffd}").unwrap();
    assert_eq!(analysis.charts[0].points.len(), 2);
}

#[test]
fn text_alternatives_never_round() {
    let analysis = analyze("甲地区产值3.14159265亿元、乙地区产值2.71828182亿元。").unwrap();
    let text = analysis.charts[0].describe();
    assert!(
        text.contains("3.14159265亿元") && text.contains("2.71828182亿元"),
        "{text}"
    );
}

#[test]
fn a_chart_never_mixes_units() {
    let analysis = analyze("甲企业100人、乙企业20家、丙企业5亿元。").unwrap();
    for chart in analysis.charts.iter().filter(|c| c.kind != ChartKind::Kpi) {
        let units: Vec<_> = chart.points.iter().map(|p| p.unit.clone()).collect();
        assert!(units.windows(2).all(|w| w[0] == w[1]), "{chart:?}");
    }
}
