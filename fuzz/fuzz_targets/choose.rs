//! Choosing charts: whatever the post, every chart has points with one unit and finite values.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(analysis) = postchart::analyze(&text) {
        for chart in &analysis.charts {
            assert!(!chart.points.is_empty());
            assert!(chart.points.iter().all(|p| p.magnitude().is_finite()));
            if chart.kind != postchart::ChartKind::Kpi {
                assert!(chart.points.windows(2).all(|w| w[0].unit == w[1].unit));
            }
            let _ = chart.describe();
        }
    }
});
