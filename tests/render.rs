//! `postchart render`: SVG and PNG for each drawn chart, a manifest, a bad file named while
//! the rest go on, and an unchanged post skipped on the next run (posts of our own).

use serde_json::Value as Json;

fn run(dir: &std::path::Path, files: &[&std::path::Path]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_postchart"))
        .arg("render")
        .arg("--out")
        .arg(dir.join("out"))
        .arg("--social")
        .args(files)
        .output()
        .unwrap()
}

#[test]
fn render_writes_charts_and_a_manifest_and_skips_what_is_unchanged() {
    let dir = std::env::temp_dir().join(format!("postchart-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("sales.md");
    std::fs::write(
        &good,
        "---\ntitle: 三市经营\n---\n甲市销售额12亿元，乙市8亿元，丙市5亿元。\n",
    )
    .unwrap();
    let missing = dir.join("missing.md");
    let out = run(&dir, &[&good, &missing]);
    // A bad file is reported by name; the others are drawn; the exit code says it failed.
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.md"), "{stderr}");
    let manifest: Json =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out/manifest.json")).unwrap())
            .unwrap();
    let post = &manifest["posts"][0];
    assert_eq!(post["title"], "三市经营");
    let chart = &post["charts"][0];
    assert_eq!(chart["figures"][0]["label"], "甲市");
    for key in ["svg", "png"] {
        let name = chart[key].as_str().unwrap();
        let bytes = std::fs::read(dir.join("out").join(name)).unwrap();
        assert!(bytes.len() > 100, "{name}");
    }
    let png = std::fs::read(dir.join("out").join(chart["png"].as_str().unwrap())).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(post["picture"], "sales.png");
    assert!(dir.join("out/sales.png").exists());
    let card = std::fs::read(dir.join("out").join(post["social"].as_str().unwrap())).unwrap();
    assert_eq!(&card[1..4], b"PNG");
    // Unchanged: skipped, and the manifest keeps it.
    let again = run(&dir, &[&good]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("unchanged"));
    let manifest: Json =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["posts"][0]["charts"], post["charts"]);
    std::fs::remove_dir_all(&dir).ok();
}
