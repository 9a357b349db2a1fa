//! The command line's dispatch: each subcommand is a module of `src/bin/postchart/`; wrong
//! arguments print the usage and exit 2, for every subcommand.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_postchart"))
        .args(args)
        .output()
        .expect("postchart runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn wrong_arguments_print_the_usage_and_exit_2() {
    for args in [
        &[][..],
        &["chart"][..],
        &["extract"][..],
        &["paragraphs"][..],
        &["preview"][..],
        &["render", "--jobs"][..],
        &["render", "--colour", "x.md"][..],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        for command in ["extract", "paragraphs", "preview", "render"] {
            assert!(
                stderr.contains(&format!("postchart {command}")),
                "{args:?}: {stderr}"
            );
        }
    }
}

#[test]
fn paragraphs_are_the_text_the_reader_reads() {
    let dir = std::env::temp_dir().join(format!("postchart-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let post = dir.join("a.md");
    std::fs::write(
        &post,
        "---\ntitle: 甲\n---\n\n甲市销售额12亿元。\n\n<p>乙市8亿元。</p>\n",
    )
    .unwrap();
    let (code, stdout, _) = run(&["paragraphs", post.to_str().unwrap()]);
    assert_eq!(code, 0);
    let line: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(
        line["paragraphs"],
        serde_json::json!(["甲市销售额12亿元。", "乙市8亿元。"])
    );
    std::fs::remove_dir_all(&dir).ok();
}
