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
        "clean: - is not valid UTF-8 (invalid byte at offset 13); --lossy replaces bad bytes"
    );
    let out = run(&["--lossy", "-"], b"Headline here\n\nok \xff bad");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Headline here\n\nok \u{fffd} bad\n"
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

/// `--jsonl` input of `n` generated documents, every 7th with boilerplate to
/// remove, a few blank lines, and bad lines (not JSON, no `text`) at the given
/// line numbers.
fn generated_jsonl(n: usize, bad: &[usize]) -> String {
    let mut input = String::new();
    for number in 1..=n {
        if bad.contains(&number) {
            input.push_str(if number % 2 == 0 {
                "{\"id\": broken\n"
            } else {
                "{\"id\": 1, \"txt\": \"no text field\"}\n"
            });
            continue;
        }
        if number % 97 == 0 {
            input.push_str("   \n");
            continue;
        }
        let mut text = format!(
            "Headline number {number} for the test\n\nThe council met on day {number} and said that the plan for the {} district would go ahead.",
            ["north", "south", "east", "west"][number % 4]
        );
        for sentence in 0..number % 5 {
            text.push_str(&format!(
                " The budget of the project was raised {sentence} times by the officials."
            ));
        }
        if number % 7 == 0 {
            text.push_str("\n\nShare this:\n\nFacebook\n\nLeave a Reply");
        }
        let doc = serde_json::json!({ "id": format!("doc-{number}"), "text": text });
        input.push_str(&format!("{doc}\n"));
    }
    input
}

/// A file under the target dir, so a large input is not pushed through a pipe
/// the child may stop reading while its stdout is full.
fn write_input(name: &str, content: &str) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).expect("write the test input");
    path
}

#[test]
fn jsonl_threads_give_the_same_output_as_one_thread() {
    let bad = [3, 300, 513, 998];
    let path = write_input("cli_jsonl_threads.jsonl", &generated_jsonl(1000, &bad));
    let path = path.to_str().expect("UTF-8 temp path");
    let one = run(&["--jsonl", "--threads", "1", path], b"");
    let two = run(&["--jsonl", "--threads", "2", path], b"");
    let three = run(&["--jsonl", "--threads=3", path], b"");
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    let records = String::from_utf8_lossy(&one.stdout).lines().count();
    assert_eq!(records, 1000 - bad.len() - 1000 / 97);
    let expected_err: String = bad
        .iter()
        .map(|n| {
            let message = if n % 2 == 0 {
                "not JSON"
            } else {
                "no string field \"text\""
            };
            format!("clean: {path}: line {n}: {message}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let err = stderr(&one);
    let err_lines: Vec<&str> = err.lines().collect();
    assert_eq!(err_lines.len(), bad.len() + 1, "{err}");
    for (line, expected) in err_lines.iter().zip(expected_err.lines()) {
        assert!(line.starts_with(expected), "{line:?} vs {expected:?}");
    }
    assert_eq!(
        err_lines[bad.len()],
        format!("clean: 4 of 1000 lines of {path} could not be cleaned")
    );
    for other in [&two, &three] {
        assert_eq!(other.status.code(), Some(1));
        assert!(
            other.stdout == one.stdout,
            "stdout differs from --threads 1"
        );
        assert_eq!(stderr(other), err);
    }
}

#[test]
fn jsonl_threads_on_stdin() {
    let input = generated_jsonl(40, &[5]);
    let one = run(&["--jsonl", "--threads", "1", "-"], input.as_bytes());
    let two = run(&["--jsonl", "--threads", "2", "-"], input.as_bytes());
    assert_eq!(one.status.code(), Some(1));
    assert!(two.stdout == one.stdout, "stdout differs from --threads 1");
    assert_eq!(stderr(&two), stderr(&one));
    assert!(stderr(&two).contains("clean: -: line 5: no string field"));
}

#[test]
fn threads_must_be_a_positive_number() {
    for args in [
        &["--jsonl", "--threads", "0", "-"][..],
        &["--jsonl", "--threads=0", "-"],
        &["--jsonl", "--threads", "many", "-"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("clean: --threads takes a whole number of threads, at least 1"),
            "{err}"
        );
    }
    let out = run(&["--jsonl", "-", "--threads"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("clean: --threads needs a number"));
    let out = run(&["--threads", "2", "-"], b"text");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("clean: --threads only applies to --jsonl"));
}

#[test]
fn a_directory_or_an_empty_file() {
    let dir = std::env::temp_dir();
    let out = run(&[dir.to_str().expect("UTF-8 temp dir")], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("clean: cannot read "), "{err}");

    let empty = dir.join(format!("deboiler-empty-{}.txt", std::process::id()));
    std::fs::write(&empty, b"").expect("write a temp file");
    let out = run(&[empty.to_str().expect("UTF-8 path")], b"");
    let _ = std::fs::remove_file(&empty);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "\n");
}
