//! Cleans scraped article text from a file or stdin.
//!
//! ```text
//! clean [--json | --explain | --jsonl [--threads N]] [--detokenize] [--lossy] FILE|-
//! ```
//! - default: the title, a blank line, then the body;
//! - `--json`: the whole `Article` (title, body, paragraphs, metadata, removals with spans);
//! - `--explain`: each removed piece with its rule id and byte span;
//! - `--jsonl`: reads `{"id": …, "text": …}` lines, writes `{"id", "title", "body"}` lines;
//! - `--threads N` (with `--jsonl`): clean with N threads sharing one `Cleaner`
//!   (default: every core, `std::thread::available_parallelism`). Lines are read
//!   in batches of 256, each batch cleaned in parallel by N worker threads
//!   started once per run and written in input order, so the output is the same
//!   for every N and memory stays bounded by a batch. `--threads 1` cleans and
//!   writes line by line on the main thread;
//! - `--lossy`: replace invalid UTF-8 with U+FFFD instead of failing (single-file modes);
//! - `--detokenize`: rejoins tokenized text (` , ` → `, `, `( CNN )` → `(CNN)`).
//!
//! Errors print one line on stderr and exit with status 1. In `--jsonl` mode a
//! bad line is reported as `clean: FILE: line N: …`, the other lines are still
//! cleaned, and the run exits with status 1 at the end.
//!
//! When the reader of stdout goes away (`clean … | head`), the run stops
//! quietly: a broken pipe is not an error, so nothing is printed and the exit
//! status is 0 (1 if a `--jsonl` line was already reported bad).

use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use deboiler::Cleaner;

const USAGE: &str =
    "usage: clean [--json | --explain | --jsonl [--threads N]] [--detokenize] [--lossy] FILE|-";

/// Lines of a `--jsonl` input read, cleaned in parallel and written together:
/// with the records made from them, the most a run holds in memory.
const BATCH_LINES: usize = 256;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Text,
    Json,
    Explain,
    Jsonl,
}

/// Why a run stopped before the end of its input.
enum Stop {
    /// An error, printed as one line on stderr.
    Failed(String),
    /// The reader of stdout closed it: nothing more to do, nothing to report.
    ReaderGone,
}

impl From<String> for Stop {
    fn from(message: String) -> Stop {
        Stop::Failed(message)
    }
}

/// A failed write to stdout: a broken pipe means the reader has all it wants.
fn write_failed(e: io::Error) -> Stop {
    match e.kind() {
        io::ErrorKind::BrokenPipe => Stop::ReaderGone,
        _ => Stop::Failed(format!("cannot write output: {e}")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) | Err(Stop::ReaderGone) => ExitCode::SUCCESS,
        Err(Stop::Failed(message)) => {
            eprintln!("clean: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Stop> {
    let mut mode = Mode::Text;
    let mut detokenize = false;
    let mut lossy = false;
    let mut path = None;
    let mut threads = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => {
                let value = args
                    .next()
                    .ok_or_else(|| format!("--threads needs a number; {USAGE}"))?;
                threads = Some(parse_threads(&value)?);
            }
            flag if flag.starts_with("--threads=") => {
                threads = Some(parse_threads(&flag["--threads=".len()..])?);
            }
            "--json" => mode = Mode::Json,
            "--explain" => mode = Mode::Explain,
            "--jsonl" => mode = Mode::Jsonl,
            "--detokenize" => detokenize = true,
            "--lossy" => lossy = true,
            "-h" | "--help" => {
                return writeln!(io::stdout(), "{USAGE}").map_err(write_failed);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}").into());
            }
            _ if path.is_some() => {
                return Err(format!("more than one input given; {USAGE}").into());
            }
            _ => path = Some(arg),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_string())?;
    if threads.is_some() && mode != Mode::Jsonl {
        return Err(format!("--threads only applies to --jsonl; {USAGE}").into());
    }
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
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        return jsonl(&cleaner, input, &mut out, &path, threads);
    }
    let text = read_text(&path, lossy)?;
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
    written.and_then(|()| out.flush()).map_err(write_failed)
}

/// The value of `--threads`: a whole number, at least 1.
fn parse_threads(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "--threads takes a whole number of threads, at least 1, not {value:?}"
        )),
    }
}

/// Reads the whole input as UTF-8, naming the first bad byte if it is not.
/// With `lossy`, invalid bytes become U+FFFD instead of an error.
fn read_text(path: &str, lossy: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    }
    if lossy {
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!(
            "{path} is not valid UTF-8 (invalid byte at offset {at}); --lossy replaces bad bytes"
        )
    })
}

/// Cleans one JSON document per line. A bad line is reported on stderr with its
/// number and skipped; the others are still cleaned, and the run fails at the end.
///
/// With one thread each line is cleaned and written as soon as it is read. With
/// more, `threads` workers are started once for the whole run (each warms its
/// own regex caches once), and up to [`BATCH_LINES`] lines at a time are read,
/// cleaned by them and written in input order before the next batch is read.
fn jsonl(
    cleaner: &Cleaner,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
    path: &str,
    threads: usize,
) -> Result<(), Stop> {
    if threads == 1 {
        return jsonl_batches(&mut input, out, path, 1, |lines| {
            lines.iter().map(|line| clean_line(cleaner, line)).collect()
        });
    }
    std::thread::scope(|scope| {
        let workers = Workers::start(scope, cleaner, threads);
        jsonl_batches(&mut input, out, path, BATCH_LINES, |lines| {
            workers.clean(lines)
        })
        // Dropping `workers` closes their queues: they end, and the scope joins them.
    })
}

/// The read-clean-write loop of [`jsonl`]: reads up to `batch_lines` non-blank
/// lines, has `clean` turn them into records (in their order), writes those and
/// reports the bad lines, until the input ends or the reader of `out` goes away.
fn jsonl_batches(
    input: &mut dyn BufRead,
    out: &mut impl Write,
    path: &str,
    batch_lines: usize,
    mut clean: impl FnMut(Vec<Vec<u8>>) -> Vec<Result<String, String>>,
) -> Result<(), Stop> {
    let (mut number, mut failed) = (0usize, 0usize);
    // A read error ends the input; the lines before it are still cleaned.
    let (mut ended, mut read_error) = (false, None);
    // A closed stdout ends the run; the bad lines seen so far still fail it.
    let mut reader_gone = false;
    while !ended {
        let mut numbers = Vec::with_capacity(batch_lines);
        let mut lines = Vec::with_capacity(batch_lines);
        while lines.len() < batch_lines {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => ended = true,
                Ok(_) => {}
                Err(e) => {
                    read_error = Some(format!("cannot read {path}: {e}"));
                    ended = true;
                }
            }
            if ended {
                break;
            }
            number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                numbers.push(number);
                lines.push(line);
            }
        }
        if lines.is_empty() {
            continue;
        }
        for (line_number, record) in numbers.into_iter().zip(clean(lines)) {
            match record {
                Ok(record) => match writeln!(out, "{record}").map_err(write_failed) {
                    Ok(()) => {}
                    Err(Stop::ReaderGone) => {
                        (ended, reader_gone) = (true, true);
                        break;
                    }
                    Err(stop) => return Err(stop),
                },
                Err(message) => {
                    failed += 1;
                    eprintln!("clean: {path}: line {line_number}: {message}");
                }
            }
        }
    }
    if let Some(message) = read_error {
        return Err(Stop::Failed(message));
    }
    if !reader_gone {
        match out.flush().map_err(write_failed) {
            Ok(()) | Err(Stop::ReaderGone) => {}
            Err(stop) => return Err(stop),
        }
    }
    match failed {
        0 => Ok(()),
        _ => Err(Stop::Failed(format!(
            "{failed} of {number} lines of {path} could not be cleaned"
        ))),
    }
}

/// A batch of lines shared by the workers: each takes the next line not yet
/// taken, so a long document holds up one worker only.
struct Job {
    lines: Vec<Vec<u8>>,
    next: AtomicUsize,
}

/// A line's position in its batch and its record, or the panic that cleaning
/// it raised (re-raised on the main thread, as if it had cleaned the line).
type Done = (usize, std::thread::Result<Result<String, String>>);

/// Worker threads sharing one `&Cleaner`, alive for the whole run: a new thread
/// would start with cold regex caches, which costs more than a batch of small
/// documents.
struct Workers {
    queues: Vec<mpsc::Sender<Arc<Job>>>,
    done: mpsc::Receiver<Done>,
}

impl Workers {
    fn start<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        cleaner: &'env Cleaner,
        threads: usize,
    ) -> Workers {
        let (done_tx, done) = mpsc::channel::<Done>();
        let queues = (0..threads)
            .map(|_| {
                let (queue, jobs) = mpsc::channel::<Arc<Job>>();
                let done_tx = done_tx.clone();
                scope.spawn(move || {
                    for job in jobs {
                        loop {
                            let index = job.next.fetch_add(1, Ordering::Relaxed);
                            let Some(line) = job.lines.get(index) else {
                                break;
                            };
                            let record =
                                panic::catch_unwind(AssertUnwindSafe(|| clean_line(cleaner, line)));
                            if done_tx.send((index, record)).is_err() {
                                return;
                            }
                        }
                    }
                });
                queue
            })
            .collect();
        Workers { queues, done }
    }

    /// Cleans `lines` in parallel; the records come back in the order of `lines`.
    fn clean(&self, lines: Vec<Vec<u8>>) -> Vec<Result<String, String>> {
        let count = lines.len();
        let job = Arc::new(Job {
            lines,
            next: AtomicUsize::new(0),
        });
        for queue in &self.queues {
            queue
                .send(Arc::clone(&job))
                .expect("workers run until the input ends");
        }
        let mut records: Vec<Option<Result<String, String>>> = vec![None; count];
        for _ in 0..count {
            let (index, record) = self.done.recv().expect("workers run until the input ends");
            records[index] = Some(record.unwrap_or_else(|panic| panic::resume_unwind(panic)));
        }
        records
            .into_iter()
            .map(|record| record.expect("every line of the batch was cleaned"))
            .collect()
    }
}

/// One output record (compact JSON) or the reason the line is bad.
/// The fields of an input line the example reads. Borrowed where the JSON has no
/// escapes; other fields (a corpus's gold text, say) are skipped unparsed.
#[derive(serde::Deserialize)]
struct Doc<'a> {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
}

/// An output line (keys in alphabetical order, as before).
#[derive(serde::Serialize)]
struct Record<'a> {
    body: &'a str,
    id: &'a serde_json::Value,
    title: Option<&'a str>,
}

fn clean_line(cleaner: &Cleaner, line: &[u8]) -> Result<String, String> {
    let doc: Doc<'_> = match serde_json::from_slice(line) {
        Ok(doc) => doc,
        // A `text` that is not a string fails to parse too; say which it was.
        Err(_) if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok() => {
            return Err("no string field \"text\"".to_string());
        }
        Err(e) => return Err(format!("not JSON: {e}")),
    };
    let text = doc.text.ok_or("no string field \"text\"")?;
    let article = cleaner.clean(&text);
    let record = Record {
        body: &article.body,
        id: &doc.id,
        title: article.title.as_deref(),
    };
    serde_json::to_string(&record).map_err(|e| format!("cannot encode the result: {e}"))
}
