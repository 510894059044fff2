//! Snapshot tests: the `clean` example's output on each sample, plain and `--json`.
//! Snapshots live in `snapshots/`; review changes with `cargo insta review`.

mod common;

use std::process::Command;

use common::{example_binary, fixtures};

fn run_example(args: &[&str]) -> String {
    let out = Command::new(example_binary())
        .args(args)
        .output()
        .expect("run the clean example");
    assert!(
        out.status.success(),
        "clean {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn snapshot(name: &str, kind: &str, output: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(format!("{name}.{kind}"), output);
    });
}

#[test]
fn samples_plain_and_json() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, _) in fixtures() {
        let path = dir.join(format!("{name}.txt"));
        let path = path.to_str().expect("UTF-8 path");
        snapshot(&name, "text", &run_example(&[path]));
        snapshot(&name, "json", &run_example(&["--json", path]));
    }
}

#[test]
fn tokenized_sample_detokenized() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/003_6cbcda8180d4ee58.txt");
    let path = path.to_str().expect("UTF-8 path");
    snapshot(
        "003_6cbcda8180d4ee58",
        "detokenized",
        &run_example(&["--detokenize", path]),
    );
}

#[test]
fn samples_lose_what_an_editor_would_remove() {
    let by_name: std::collections::HashMap<_, _> = fixtures().into_iter().collect();
    let a000 = deboiler::clean(&by_name["000_8563a662d781e25b"]);
    assert_eq!(
        a000.title.as_deref(),
        Some("Lavrov denies Russian influence over US election")
    );
    assert!(
        a000.body
            .starts_with("Moscow (CNN)–Russian Foreign Minister")
    );
    assert!(a000.body.ends_with("that I prefer not to comment.”"));
    assert_eq!(a000.metadata.captions.len(), 1);
    // The contributor line is a credit, like a byline: kept aside, not lost.
    assert!(
        a000.metadata
            .credits
            .iter()
            .any(|c| c.ends_with("contributed to this report."))
    );
    for gone in [
        "Leave a Reply",
        "AP Photo",
        "WARNING",
        "commenting",
        "Connecting to",
    ] {
        assert!(!a000.body.contains(gone), "000 still has {gone:?}");
    }

    let a002 = deboiler::clean(&by_name["002_16f6a29ea987d3dd"]);
    assert!(
        a002.title
            .as_deref()
            .is_some_and(|t| t.ends_with("says Sergei Lavrov"))
    );
    assert_eq!(
        a002.metadata.published.as_deref(),
        Some("Saturday, September 23, 2017 03:18 AM")
    );
    for gone in [
        "First Published",
        "Related Tags",
        "Download the",
        "US presidential polls",
    ] {
        assert!(!a002.body.contains(gone), "002 still has {gone:?}");
    }
    assert!(
        a002.body
            .ends_with("a deep chill in ties between Washington and Moscow.")
    );

    let a003 = deboiler::clean(&by_name["003_6cbcda8180d4ee58"]);
    assert_eq!(a003.title, None);
    assert!(!a003.body.contains("READ MORE"));
    assert!(
        a003.body
            .contains("a single proof . \" Last Friday ’s announcement")
    );
    assert_eq!(a003.paragraphs.len(), 1);
}
