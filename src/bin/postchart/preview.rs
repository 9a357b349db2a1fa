//! `postchart preview FILE… [--out DIR]`: one self-contained HTML page per post for an editor.
//! Every candidate chart is drawn (inline SVG, from the same drawing code as the widget), with
//! its number, confidence, whether the widget draws it and why not, the text it comes from,
//! and the front-matter lines that keep, drop or retitle it. The page has no script and no
//! style sheet: it opens from disk under `default-src 'none'`.

use crate::render::escape;
use std::path::Path;
use std::process::ExitCode;

use postchart::choose::{ChartKind, ChartSpec, Confidence};
use postchart::Analysis;

/// The command line: flags, then the posts.
pub fn command(rest: &[String]) -> ExitCode {
    // `--out DIR` (default `preview/`), then the posts.
    let mut out = std::path::PathBuf::from("preview");
    let mut paths = Vec::new();
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => match args.next() {
                Some(dir) => out = dir.into(),
                None => {
                    return crate::usage();
                }
            },
            _ => paths.push(arg.clone()),
        }
    }
    if paths.is_empty() {
        return crate::usage();
    }
    run(&paths, &out)
}

pub fn run(paths: &[String], out_dir: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out_dir) {
        eprintln!("{}: {e}", out_dir.display());
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    let names = crate::page_names(paths);
    for (path, unique) in paths.iter().zip(&names) {
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                postchart::analyze(&String::from_utf8_lossy(&bytes)).map_err(|e| e.to_string())
            });
        match result {
            Ok(analysis) => {
                for warning in &analysis.warnings {
                    eprintln!("{path}: {warning}");
                }
                let target = out_dir.join(format!("{unique}.html"));
                match std::fs::write(&target, page(path, &analysis)) {
                    Ok(()) => println!("{}", target.display()),
                    Err(e) => {
                        eprintln!("{}: {e}", target.display());
                        failed = true;
                    }
                }
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The preview page of one post.
pub fn page(path: &str, analysis: &Analysis) -> String {
    let title = analysis
        .post
        .front_matter
        .title
        .clone()
        .unwrap_or_else(|| path.to_string());
    let drawn = analysis.charts.iter().filter(|c| c.drawn).count();
    let mut html = String::new();
    html.push_str("<!doctype html>\n<html lang=\"");
    html.push_str(&escape(&analysis.post.lang()));
    html.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n");
    html.push_str(&format!(
        "<title>postchart preview: {}</title>\n</head>\n<body>\n",
        escape(&title)
    ));
    html.push_str(&format!(
        "<h1>{}</h1>\n<p>{} · {} candidate charts, {} drawn by the widget.</p>\n",
        escape(&title),
        escape(path),
        analysis.charts.len(),
        drawn
    ));
    if !analysis.settings.is_default() {
        let settings = serde_json::to_string(&analysis.settings).unwrap_or_default();
        html.push_str(&format!(
            "<p>Settings in force: <code>{}</code></p>\n",
            escape(&settings)
        ));
    }
    for warning in &analysis.warnings {
        html.push_str(&format!("<p><strong>{}</strong></p>\n", escape(warning)));
    }
    if analysis.charts.is_empty() {
        html.push_str("<p>No figures to chart.</p>\n");
    }
    for (k, chart) in analysis.charts.iter().enumerate() {
        html.push_str(&section(k, chart, analysis));
    }
    html.push_str("</body>\n</html>\n");
    html
}

fn section(k: usize, chart: &ChartSpec, analysis: &Analysis) -> String {
    let mut html = String::new();
    let state = if chart.drawn {
        "drawn by the widget".to_string()
    } else if chart.confidence < Confidence::DRAWN {
        format!(
            "held back: confidence {:.2} is below {:.2}",
            chart.confidence,
            Confidence::DRAWN
        )
    } else {
        "held back: past the post's cap, a copy of another chart, or left out by the settings"
            .to_string()
    };
    html.push_str(&format!(
        "<section>\n<h2>#{k} {}</h2>\n<p>{} · confidence {:.2} · {}</p>\n",
        escape(&chart.title),
        kind_name(chart.kind),
        chart.confidence,
        escape(&state)
    ));
    html.push_str(&svg(chart));
    html.push('\n');
    html.push_str(&format!(
        "<p>Text alternative: {}</p>\n",
        escape(&chart.describe())
    ));
    if let Some(text) = chart
        .block
        .and_then(|b| analysis.post.paragraphs.get(b))
        .map(|p| p.text.as_str())
    {
        html.push_str(&format!("<blockquote>{}</blockquote>\n", escape(text)));
    }
    let keep = if chart.drawn {
        format!("only: [{k}]")
    } else {
        format!("only: [{k}]   # draws it although it is held back")
    };
    html.push_str(&format!(
        "<p>Front matter to keep only this chart, to drop it, or to retitle it:</p>\n<pre>postchart:\n  {}\n\npostchart:\n  exclude: [{}]\n\npostchart:\n  titles:\n    {k}: {}</pre>\n</section>\n",
        escape(&keep),
        escape(&yaml_item(&chart.title)),
        escape(&yaml_item(&chart.title)),
    ));
    html
}

/// The chart drawn as SVG at the widget's width, by the same code as `render`'s.
fn svg(chart: &ChartSpec) -> String {
    // A preview draws every candidate, held back or not.
    let spec = ChartSpec {
        drawn: true,
        ..chart.clone()
    };
    crate::render::chart_svg(&spec, crate::render::WIDTH)
        .unwrap_or_else(|e| format!("<p>Not drawn: {}</p>", escape(&e)))
}

fn kind_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "bar",
        ChartKind::Hbar => "hbar",
        ChartKind::Line => "line",
        ChartKind::Pie => "pie",
        ChartKind::Kpi => "kpi",
    }
}

/// A title as a YAML list item or value: quoted when YAML would read it otherwise.
fn yaml_item(title: &str) -> String {
    let plain = !title.is_empty()
        && !title.contains([':', '#', ',', '[', ']', '{', '}', '"', '\''])
        && !title.starts_with(['-', '*', '&', '!', '|', '>', '%', '@', '`', ' ']);
    if plain {
        title.to_string()
    } else {
        format!("\"{}\"", title.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_shows_every_candidate_with_its_front_matter_lines_and_no_script() {
        let source = "---\ntitle: 三市<经营>\n---\n甲市销售额12亿元，乙市8亿元，丙市5亿元。\n\n公司去年营收12亿元。新建工厂花了3亿元。研发又投入1亿元。\n";
        let analysis = postchart::analyze(source).unwrap();
        let html = page("post.md", &analysis);
        assert!(html.contains("<h1>三市&lt;经营&gt;</h1>"));
        assert!(!html.contains("<script"));
        assert!(html.contains("default-src 'none'"));
        for (k, chart) in analysis.charts.iter().enumerate() {
            assert!(html.contains(&format!("<h2>#{k} ")), "chart {k}");
            assert!(html.contains(&format!("only: [{k}]")));
            if !chart.drawn {
                assert!(html.contains("held back"));
            }
        }
        assert_eq!(html.matches("<svg").count(), analysis.charts.len());
        assert!(html.contains("<blockquote>甲市销售额12亿元，乙市8亿元，丙市5亿元。</blockquote>"));
        // Page text and an editor's title never become markup, in the page or the SVG.
        let hostile = "---\ntitle: t\npostchart:\n  titles:\n    0: \"<script>x()</script><img src=x>\"\n---\n甲市<b>销售额</b>12亿元，乙市8亿元，丙市5亿元。\n";
        let html = page("post.md", &postchart::analyze(hostile).unwrap());
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
    }
}
