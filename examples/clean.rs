//! Cleans scraped article text from a file or stdin.
//!
//! ```text
//! clean [--json | --explain | --jsonl] [--detokenize] FILE|-
//! ```
//! - default: the title, a blank line, then the body;
//! - `--json`: the whole `Article` (title, body, paragraphs, metadata, removals with spans);
//! - `--explain`: each removed piece with its rule id and byte span;
//! - `--jsonl`: reads `{"id": …, "text": …}` lines, writes `{"id", "title", "body"}` lines;
//! - `--detokenize`: rejoins tokenized text (` , ` → `, `, `( CNN )` → `(CNN)`).
//!
//! Errors print one line on stderr and exit with status 1.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use deboiler::Cleaner;

const USAGE: &str = "usage: clean [--json | --explain | --jsonl] [--detokenize] FILE|-";

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Text,
    Json,
    Explain,
    Jsonl,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clean: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut mode = Mode::Text;
    let mut detokenize = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => mode = Mode::Json,
            "--explain" => mode = Mode::Explain,
            "--jsonl" => mode = Mode::Jsonl,
            "--detokenize" => detokenize = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}"));
            }
            _ if path.is_some() => return Err(format!("more than one input given; {USAGE}")),
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    let cleaner = Cleaner::builder()
        .detokenize(detokenize)
        .build()
        .map_err(|e| e.to_string())?;
    let stdout = io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    if mode == Mode::Jsonl {
        let input: Box<dyn BufRead> = if path == "-" {
            Box::new(io::stdin().lock())
        } else {
            let file =
                std::fs::File::open(&path).map_err(|e| format!("cannot open {path}: {e}"))?;
            Box::new(io::BufReader::new(file))
        };
        return jsonl(&cleaner, input, &mut out, &path);
    }
    let text = read_text(&path)?;
    let article = cleaner.clean(&text);
    let written = match mode {
        Mode::Json => serde_json::to_writer_pretty(&mut out, &article)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Mode::Explain => article.removed.iter().try_for_each(|r| {
            let text: Vec<&str> = r.text.split_whitespace().collect();
            writeln!(
                out,
                "{}..{}\t{}\t{}",
                r.span.start,
                r.span.end,
                r.rule,
                text.join(" ")
            )
        }),
        _ => writeln!(out, "{}", article.to_text()),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))
}

/// Reads the whole input as UTF-8, naming the first bad byte if it is not.
fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{path} is not valid UTF-8 (invalid byte at offset {at})")
    })
}

/// Cleans one JSON document per line. A bad line is reported on stderr with its
/// number and skipped; the others are still cleaned, and the run fails at the end.
fn jsonl(
    cleaner: &Cleaner,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
    path: &str,
) -> Result<(), String> {
    let mut line = Vec::new();
    let (mut number, mut failed) = (0usize, 0usize);
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if n == 0 {
            break;
        }
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match clean_line(cleaner, &line) {
            Ok(record) => {
                writeln!(out, "{record}").map_err(|e| format!("cannot write output: {e}"))?
            }
            Err(message) => {
                failed += 1;
                eprintln!("clean: {path}: line {number}: {message}");
            }
        }
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    match failed {
        0 => Ok(()),
        _ => Err(format!(
            "{failed} of {number} lines of {path} could not be cleaned"
        )),
    }
}

fn clean_line(cleaner: &Cleaner, line: &[u8]) -> Result<serde_json::Value, String> {
    let doc: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not JSON: {e}"))?;
    let text = doc
        .get("text")
        .and_then(serde_json::Value::as_str)
        .ok_or("no string field \"text\"")?;
    let article = cleaner.clean(text);
    Ok(serde_json::json!({
        "id": doc.get("id").cloned().unwrap_or(serde_json::Value::Null),
        "title": article.title,
        "body": article.body,
    }))
}
