//! The `clean` example on good and bad input: one clear error line, exit code 1.

mod common;

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};

use common::example_binary;

/// Starts the example with `stdin`, and stdout and stderr piped.
fn spawn(args: &[&str], stdin: Stdio) -> Child {
    Command::new(example_binary())
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the clean example")
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args, Stdio::piped());
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

/// The `--jsonl` output records; each line must be complete JSON.
fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a complete JSON output line"))
        .collect()
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
    let lines = records(&out);
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
        &["--jsonl", "--threads", "100000000000", "-"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("clean: --threads takes a whole number of threads from 1 to 1024"),
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

/// Runs the example with no stdin, reads `keep` bytes of its stdout and closes
/// it, as `clean … | head -c KEEP` does; returns what was read and the exit.
fn run_closing_stdout(args: &[&str], keep: usize) -> (Vec<u8>, Output) {
    use std::io::Read;
    let mut child = spawn(args, Stdio::null());
    let mut head = vec![0; keep];
    child
        .stdout
        .take()
        .expect("piped stdout")
        .read_exact(&mut head)
        .expect("the first bytes of the output");
    // The read end of stdout is closed here: later writes get EPIPE.
    let out = child
        .wait_with_output()
        .expect("wait for the clean example");
    (head, out)
}

/// No panic message, no backtrace, no "Broken pipe" complaint.
fn assert_quiet_about_the_pipe(out: &Output) {
    let err = stderr(out);
    for noise in ["panicked", "backtrace", "Broken pipe", "cannot write"] {
        assert!(!err.contains(noise), "{err}");
    }
}

#[test]
fn stdout_closed_early_exits_quietly() {
    // Outputs far larger than a pipe's buffer (64 KiB), so the example is still
    // writing when the reader goes away.
    let path = write_input("cli_closed_stdout.jsonl", &generated_jsonl(3000, &[]));
    let path = path.to_str().expect("UTF-8 temp path");
    for threads in ["1", "2"] {
        let (head, out) = run_closing_stdout(&["--jsonl", "--threads", threads, path], 10);
        assert_eq!(head[0], b'{', "--threads {threads}");
        assert_quiet_about_the_pipe(&out);
        assert!(stderr(&out).is_empty(), "{}", stderr(&out));
        assert_eq!(out.status.code(), Some(0), "--threads {threads}");
    }

    // Each paragraph is followed by a line to remove, so `--explain` has output too.
    let mut page = String::from("A headline for the closed pipe\n\n");
    for n in 0..3000 {
        page.push_str(&format!(
            "Paragraph {n} of the article says that the council met again and approved the plan.\n\nAdvertisement\n\n"
        ));
    }
    let path = write_input("cli_closed_stdout.txt", &page);
    let path = path.to_str().expect("UTF-8 temp path");
    for mode in [&[][..], &["--json"], &["--explain"]] {
        let args: Vec<&str> = mode.iter().copied().chain([path]).collect();
        let (_, out) = run_closing_stdout(&args, 1);
        assert_quiet_about_the_pipe(&out);
        assert_eq!(out.status.code(), Some(0), "{mode:?}: {}", stderr(&out));
    }
}

#[test]
fn stdout_closed_early_still_fails_for_bad_lines_already_reported() {
    let path = write_input("cli_closed_stdout_bad.jsonl", &generated_jsonl(3000, &[2]));
    let path = path.to_str().expect("UTF-8 temp path");
    let (_, out) = run_closing_stdout(&["--jsonl", "--threads", "1", path], 10);
    assert_quiet_about_the_pipe(&out);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("clean: {path}: line 2: not JSON")),
        "{err}"
    );
    assert!(err.contains("1 of "), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn jsonl_input_cut_mid_line() {
    // The writer of the stream died mid-record: no closing brace, no newline.
    let input = concat!(
        r#"{"id": "a", "text": "A headline for the test\n\nBody one."}"#,
        "\n",
        r#"{"id": "b", "text": "Body two. Subscribe"}"#,
        "\n",
        r#"{"id": "c", "text": "Body thr"#,
    );
    for threads in ["1", "2"] {
        let out = run(&["--jsonl", "--threads", threads, "-"], input.as_bytes());
        assert_eq!(out.status.code(), Some(1), "--threads {threads}");
        let lines = records(&out);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["body"], "Body one.");
        assert_eq!(lines[1]["id"], "b");
        let err = stderr(&out);
        let err: Vec<&str> = err.lines().collect();
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(
            err[0].starts_with("clean: -: line 3: not JSON: EOF while parsing"),
            "{err:?}"
        );
        assert_eq!(err[1], "clean: 1 of 3 lines of - could not be cleaned");
    }
}

#[test]
fn stdin_closed_at_once() {
    let closed = |args: &[&str]| {
        spawn(args, Stdio::null())
            .wait_with_output()
            .expect("wait for the clean example")
    };
    let out = closed(&["-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "\n");
    assert!(out.stderr.is_empty());
    let out = closed(&["--jsonl", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

/// Cleans `text` with the example (text mode, from a file) and asserts that it
/// finishes with success and nothing on stderr; returns stdout.
fn cleans_hostile(name: &str, text: &str) -> String {
    let path = write_input(&format!("cli_hostile_{name}.txt"), text);
    let out = run(&[path.to_str().expect("UTF-8 temp path")], b"");
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    assert!(out.stderr.is_empty(), "{name}: {}", stderr(&out));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Cleans each `(name, text)` as one `--jsonl` record in a single run of the
/// example (one start-up for all), asserts success and nothing on stderr, and
/// returns the body of each record.
fn clean_hostile_records(file: &str, docs: &[(&str, String)]) -> Vec<String> {
    let input: String = docs
        .iter()
        .map(|(id, text)| format!("{}\n", serde_json::json!({ "id": id, "text": text })))
        .collect();
    let path = write_input(file, &input);
    let out = run(
        &[
            "--jsonl",
            "--threads",
            "1",
            path.to_str().expect("UTF-8 temp path"),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let records = records(&out);
    assert_eq!(records.len(), docs.len());
    for (record, (id, _)) in records.iter().zip(docs) {
        assert_eq!(record["id"], *id);
    }
    records
        .iter()
        .map(|r| r["body"].as_str().expect("a body").to_string())
        .collect()
}

// The shapes of issue 5 through the example. `cargo test` runs its debug build,
// which is 10–30× slower than release and spends 1–3 s compiling the rules at
// start-up, so two shapes are scaled down to keep this file within a minute on
// two cores (noted at each); release handles the full sizes (README,
// Performance). Completion is asserted, not timings.

#[test]
fn hostile_many_short_lines() {
    // 500,000 lines rather than 2 million: ~18 s in the debug build at full size.
    let text: String = (0..500_000).map(|n| format!("L{}\n", n % 10)).collect();
    cleans_hostile("short_lines", &text);
}

#[test]
fn hostile_dots() {
    cleans_hostile("dots", &".".repeat(3_000_000));
}

#[test]
fn hostile_long_line_without_newline() {
    // 5 MB rather than the issue's 100 MB: 20 MB already takes ~27 s in the
    // debug build.
    let sentence = "The council approved the plan on Tuesday , and the mayor said so . ";
    let text = sentence.repeat(5_000_000 / sentence.len());
    let out = cleans_hostile("long_line", &text);
    assert!(out.contains("The council approved the plan"));
}

#[test]
fn hostile_deep_brackets() {
    let bodies = clean_hostile_records(
        "cli_hostile_brackets.jsonl",
        &[
            ("parens", format!("Headline\n\n{}", "(".repeat(1_000_000))),
            ("squares", "[".repeat(1_000_000)),
            ("mixed", "([".repeat(250_000)),
            ("markdown_links", "[a](".repeat(250_000)),
            ("closers", ")]".repeat(250_000)),
        ],
    );
    assert_eq!(bodies.len(), 5);
}

#[test]
fn hostile_controls_marks_and_scripts() {
    let controls: String = (0u8..32)
        .map(char::from)
        .chain(['\u{7f}', '\u{85}', '\u{2028}', '\u{feff}'])
        .collect();
    let cjk = "北京欢迎你。这是一篇很长的文章的正文，它有很多句话。";
    let rtl = "مرحبا بكم في الموقع. هذه مقالة طويلة عن المدينة والمجلس.";
    let bodies = clean_hostile_records(
        "cli_hostile_scripts.jsonl",
        &[
            ("nuls", format!("A\0headline\0\n\n{}", "\0".repeat(100_000))),
            ("controls", controls.repeat(10_000)),
            (
                "combining",
                "\u{301}\u{308}\u{20dd} \u{301}\n".repeat(50_000),
            ),
            ("cjk", format!("北京新闻\n\n{}", cjk.repeat(5_000))),
            ("rtl", format!("{rtl}\n\n{}", rtl.repeat(5_000))),
            (
                "mixed",
                format!("{cjk}\u{202e}{rtl}\u{202c}\u{200d}{controls}\n").repeat(2_000),
            ),
        ],
    );
    assert!(
        bodies[3].contains("这是一篇很长的文章的正文"),
        "{:.200}",
        bodies[3]
    );
    assert!(bodies[4].contains("هذه مقالة طويلة"), "{:.200}", bodies[4]);
}

/// A record comes out as soon as its line is cleaned, not when the output
/// buffer fills or the input ends: a scraper piping pages in one at a time
/// reads each page's record before it sends the next.
#[test]
fn jsonl_records_of_a_slow_stream_come_out_as_they_are_cleaned() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    // Far longer than cleaning one line takes; only a record held back waits it out.
    const PATIENCE: Duration = Duration::from_secs(60);
    for threads in ["1", "2"] {
        let mut child = spawn(&["--jsonl", "--threads", threads, "-"], Stdio::piped());
        let mut input = child.stdin.take().expect("piped stdin");
        let output = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(output).lines() {
                if tx.send(line.expect("UTF-8 output")).is_err() {
                    return;
                }
            }
        });
        for id in 1..=3 {
            let doc =
                serde_json::json!({ "id": id, "text": format!("Page {id}. It has one sentence.") });
            writeln!(input, "{doc}").expect("write a line");
            input.flush().expect("flush the line");
            let Ok(record) = rx.recv_timeout(PATIENCE) else {
                let _ = child.kill();
                panic!("--threads {threads}: no record for line {id} while the input stays open");
            };
            let record: serde_json::Value = serde_json::from_str(&record).expect("a JSON record");
            assert_eq!(record["id"], id, "--threads {threads}");
        }
        drop(input);
        let status = child.wait().expect("the example ends");
        assert!(status.success(), "--threads {threads}: {status}");
        reader.join().expect("the reader ends");
    }
}

/// `--jsonl` writes each record as `serde_json` writes it (compact, keys in
/// alphabetical order), byte for byte, whatever the text holds: quotes,
/// backslashes, every control character, non-ASCII text, escapes near the
/// end of the text and runs of them.
#[test]
fn jsonl_records_are_the_json_serde_writes() {
    let controls: String = (0u8..0x20).map(char::from).collect();
    // Plus pseudo-random texts drawn from those characters, so escapes fall
    // at every place of the eight-byte steps.
    let pool: Vec<char> = "ab \"\\\n\t.\u{1}\u{1f}\u{7f}é😀".chars().collect();
    let mut seed = 0x2545_f491_u32;
    let random = (0..200).map(|n| {
        (0..n % 60 + 20)
            .map(|_| {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                pool[(seed >> 16) as usize % pool.len()]
            })
            .collect::<String>()
    });
    let texts = [
        "A \"quoted\" headline\n\nBody with a back\\slash, a\ttab and \u{7f}.\n".to_string(),
        format!("Controls {controls} in a headline\n\nAnd in the body: {controls}.\n"),
        "Grüße — “curly” 北京 😀\n\nEin Absatz über Köln, \"zitiert\" \\n.\n".to_string(),
        "\"\"\"\\\\\\\n\n\"\\\"\\\"x\"\n".to_string(),
        format!("{}\n\n{}\"\n", "a".repeat(70), "b\\".repeat(40)),
    ]
    .into_iter()
    .chain(random)
    .collect::<Vec<_>>();
    let ids = [
        serde_json::json!(7),
        serde_json::json!("id \"with\" \\ quotes\u{1}"),
        serde_json::json!(null),
        serde_json::json!({"nested": [1, 2.5, "x"]}),
        serde_json::json!(-3),
    ]
    .into_iter()
    .cycle();
    let input: String = texts
        .iter()
        .zip(ids.clone())
        .map(|(text, id)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    let cleaner = deboiler::Cleaner::default();
    let expected: String = texts
        .iter()
        .zip(ids)
        .map(|(text, id)| {
            let article = cleaner.clean(text);
            let record =
                serde_json::json!({"body": article.body, "id": id, "title": article.title});
            record.to_string() + "\n"
        })
        .collect();
    for threads in ["1", "2"] {
        let out = run(&["--jsonl", "--threads", threads, "-"], input.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    }
}
