//! The editor's settings in front matter, as the CLI prints their effect: off, a cap, kinds,
//! exclusions, picks and new titles (posts of our own).

use serde_json::Value as Json;

const BODY: &str = "甲市销售额12亿元，乙市8亿元，丙市5亿元。\n\n甲市利润1.2亿元，乙市0.9亿元，丙市0.4亿元。\n\n全市2021年产量100万吨，2022年120万吨，2023年150万吨。\n";

/// Runs `postchart extract` on a post with this header; (the JSON line, stderr).
fn extract(header: &str) -> (Json, String) {
    let dir = std::env::temp_dir().join(format!(
        "postchart-settings-{}-{}",
        std::process::id(),
        header.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("post.md");
    std::fs::write(&path, format!("{header}\n{BODY}")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_postchart"))
        .arg("extract")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    (
        serde_json::from_str(line.trim()).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// (kind, title, drawn) of each chart, in candidate order.
fn charts(record: &Json) -> Vec<(String, String, bool)> {
    record["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["title"].as_str().unwrap().to_string(),
                c["drawn"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn drawn(record: &Json) -> Vec<String> {
    charts(record)
        .into_iter()
        .filter(|c| c.2 && c.0 != "kpi")
        .map(|c| c.1)
        .collect()
}

#[test]
fn by_default_three_comparisons_are_drawn() {
    let (record, stderr) = extract("---\ntitle: 三市经营\n---\n");
    assert_eq!(drawn(&record).len(), 3, "{:?}", charts(&record));
    assert!(record.get("settings").is_none());
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn off_cap_and_kinds() {
    let (record, _) = extract("---\ntitle: t\npostchart: false\n---\n");
    assert!(charts(&record).iter().all(|c| !c.2));
    let (record, _) = extract("+++\ntitle = \"t\"\n[postchart]\nmax = 1\n+++\n");
    assert_eq!(drawn(&record).len(), 1);
    let (record, _) = extract("---\ntitle: t\npostchart:\n  kinds: [line]\n---\n");
    let kinds: Vec<String> = charts(&record)
        .into_iter()
        .filter(|c| c.2)
        .map(|c| c.0)
        .collect();
    assert_eq!(kinds, ["line"]);
}

#[test]
fn exclude_pick_and_retitle() {
    let (all, _) = extract("---\ntitle: t\n---\n");
    let titles: Vec<String> = charts(&all).into_iter().map(|c| c.1).collect();
    // A chart left out by its title; the others stay.
    let header = format!(
        "---\ntitle: t\npostchart:\n  exclude:\n    - {}\n---\n",
        titles[0]
    );
    let (record, _) = extract(&header);
    assert!(!drawn(&record).contains(&titles[0]));
    assert_eq!(drawn(&record).len(), 2);
    // A figure left out by its label: its chart keeps the others.
    let (record, _) = extract("---\ntitle: t\npostchart:\n  exclude: [丙市]\n---\n");
    let points = record["charts"][0]["points"].as_array().unwrap().len();
    assert_eq!(points, 2);
    // Only the picked chart, by its number, with a new title.
    let (record, _) =
        extract("---\ntitle: t\npostchart:\n  only: [1]\n  titles:\n    1: 各市利润\n---\n");
    assert_eq!(drawn(&record), ["各市利润"]);
    assert_eq!(charts(&record)[1].1, "各市利润");
    // A chart left out by the title the editor gave it.
    let (record, _) = extract(
        "---
title: t
postchart:
  titles:
    1: 各市利润
  exclude: [各市利润]
---
",
    );
    assert!(!drawn(&record).contains(&"各市利润".to_string()));
    assert_eq!(drawn(&record).len(), 2);
}

#[test]
fn bad_settings_are_named_and_the_rest_applies() {
    let (record, stderr) =
        extract("---\ntitle: t\npostchart:\n  max: two\n  kinds: [bar, donut]\n---\n");
    assert!(stderr.contains("max `two`"), "{stderr}");
    assert!(stderr.contains("donut"), "{stderr}");
    assert_eq!(record["warnings"].as_array().unwrap().len(), 2);
    let kinds: Vec<String> = charts(&record)
        .into_iter()
        .filter(|c| c.2 && c.0 != "kpi")
        .map(|c| c.0)
        .collect();
    assert!(
        !kinds.is_empty() && kinds.iter().all(|k| k == "bar"),
        "{kinds:?}"
    );
}
