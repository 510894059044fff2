//! The `clean` example on good and bad input: one clear error line, exit code 1.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::example_binary;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(example_binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the clean example");
    if let Some(mut input) = child.stdin.take() {
        // The binary may exit before reading everything; that is fine here.
        let _ = input.write_all(stdin);
    }
    child
        .wait_with_output()
        .expect("wait for the clean example")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn missing_file_is_one_line_and_exit_1() {
    let out = run(&["/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("clean: cannot read /no/such/file.txt"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_offset() {
    let out = run(&["-"], b"Headline\n\nok \xff bad");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "clean: - is not valid UTF-8 (invalid byte at offset 13)"
    );
}

#[test]
fn stdin_text_mode_and_explain() {
    let input = b"A headline for the test\n\nThe body sentence.\n\nShare this:\n\nFacebook";
    let out = run(&["-"], input);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "A headline for the test\n\nThe body sentence.\n"
    );
    let out = run(&["--explain", "-"], input);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        text,
        "45..56\tshare.label\tShare this:\n58..66\tshare.network\tFacebook\n"
    );
}

#[test]
fn jsonl_reports_bad_lines_and_keeps_going() {
    let input = concat!(
        r#"{"id": "a", "text": "A headline for the test\n\nBody one."}"#,
        "\n",
        "not json\n",
        r#"{"id": 7, "txt": "no text field"}"#,
        "\n",
        r#"{"id": "b", "text": "Body two. Subscribe"}"#,
        "\n"
    );
    let out = run(&["--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON output line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["title"], "A headline for the test");
    assert_eq!(lines[0]["body"], "Body one.");
    assert_eq!(lines[1]["id"], "b");
    let err = stderr(&out);
    assert!(err.contains("line 2: not JSON"), "{err}");
    assert!(err.contains("line 3: no string field \"text\""), "{err}");
    assert!(err.contains("2 of 4 lines"), "{err}");
}

#[test]
fn unknown_option_is_an_error() {
    let out = run(&["--frobnicate", "x"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown option --frobnicate"));
}
