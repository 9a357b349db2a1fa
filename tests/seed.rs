//! The reference post: its 20 facts exactly, its charts, and the CLI's JSON for it.

use postchart::{analyze, ChartKind, Value};
use serde_json::Value as Json;

const SEED: &str = include_str!("fixtures/seed.md");

#[test]
fn seed_facts_are_the_twenty_a_data_editor_lists() {
    let labels: Json = serde_json::from_str(include_str!("fixtures/seed_labels.json")).unwrap();
    let gold = labels[0]["facts"].as_array().unwrap();
    let facts = analyze(SEED).unwrap().facts;
    assert_eq!(facts.len(), 20, "{facts:#?}");
    // The labels file lists them in reading order, as the extractor finds them.
    for (fact, want) in facts.iter().zip(gold) {
        let magnitude = want["value"].as_f64().unwrap() * want["scale"].as_f64().unwrap();
        assert_eq!(fact.magnitude(), magnitude, "{}", fact.text);
        assert_eq!(fact.unit.as_deref(), want["unit"].as_str(), "{}", fact.text);
        assert_eq!(
            fact.qualifier.as_deref(),
            want["qualifier"].as_str(),
            "{}",
            fact.text
        );
        assert_eq!(fact.sign, 1);
    }
    let labels: Vec<&str> = facts.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "职业技能培训",
            "补贴性培训",
            "培训补贴资金",
            "惠及企业",
            "补贴",
            "岗位技能提升培训",
            "南疆就业人员培训",
            "餐饮企业",
            "选手",
            "岗位练兵",
            "职业技能竞赛",
            "走访企业",
            "政策宣讲活动",
            "克拉玛依市技能等级评价机构",
            "评价工种",
            "初中级工",
            "高级工",
            "技师",
            "高级技师",
            "总量较去年增长",
        ]
    );
    assert_eq!(facts[2].value, Value::One(2147.9));
    assert_eq!(facts[2].scale, 1e4);
}

#[test]
fn seed_charts_are_the_skill_bars_and_the_training_cards() {
    let charts = analyze(SEED).unwrap().charts;
    assert_eq!(charts.len(), 2);
    let bar = &charts[0];
    assert_eq!(bar.kind, ChartKind::Bar);
    assert_eq!(bar.title, "2021年新增人数");
    assert_eq!(bar.unit.as_deref(), Some("人"));
    assert_eq!(bar.source.as_deref(), Some("中国劳动保障报"));
    let points: Vec<(&str, f64)> = bar
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.magnitude()))
        .collect();
    assert_eq!(
        points,
        vec![
            ("初中级工", 4948.0),
            ("高级工", 2542.0),
            ("技师", 402.0),
            ("高级技师", 136.0)
        ]
    );

    let kpi = &charts[1];
    assert_eq!(kpi.kind, ChartKind::Kpi);
    let cards: Vec<String> = kpi
        .points
        .iter()
        .map(|p| p.figure(None, &kpi.lang))
        .collect();
    assert_eq!(cards, vec!["70639人次", "2147.9万元", "347家", "15%"]);
}

#[test]
fn cli_prints_one_json_line_per_file_in_the_scored_format() {
    let dir = std::env::temp_dir().join(format!("postchart-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("post.md");
    std::fs::write(&path, SEED).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_postchart"))
        .arg("extract")
        .arg(&path)
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let record: Json = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(record["title"], "建培训高地 植技能沃土");
    assert_eq!(record["date"], "2022-02-24 14:19:38 +0800");
    assert!(record["file"].as_str().unwrap().ends_with("post.md"));
    let fact = &record["facts"][2];
    let mut keys: Vec<&str> = fact
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        vec![
            "change",
            "label",
            "measure",
            "period",
            "qualifier",
            "scale",
            "sign",
            "subject",
            "text",
            "unit",
            "value"
        ]
    );
    assert_eq!(fact["value"], 2147.9);
    assert_eq!(fact["scale"], 10000.0);
    assert_eq!(fact["unit"], "元");
    assert_eq!(fact["sign"], 1);
    assert_eq!(fact["qualifier"], Json::Null);
    let chart = &record["charts"][0];
    assert_eq!(chart["kind"], "bar");
    assert_eq!(chart["unit"], "人");
    assert_eq!(chart["points"][0]["label"], "初中级工");
    assert_eq!(chart["points"][0]["value"], 4948.0);
    assert_eq!(chart["points"][0]["scale"], 1.0);
}

#[test]
fn cli_plain_mode_reads_cases_from_stdin() {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_postchart"))
        .args(["extract", "--plain"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "{\"id\": \"a\", \"input\": \"增长15%\"}\n\n{\"id\": 7, \"input\": \"无\"}\n"
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Json> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["facts"][0]["unit"], "%");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["facts"], Json::Array(vec![]));
}

#[test]
fn the_seed_needs_no_markdown_reader() {
    // Its body is HTML, an autolink and two inline links: the widget's lean build reads it.
    assert!(!postchart::post::body_needs_markdown(SEED));
}
