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
//!   (default: every core, `std::thread::available_parallelism`; at most
//!   1,024). Each of N workers, started once per run, takes the next batch
//!   of lines (up to 64 KiB, never waiting for input that has not arrived),
//!   cleans it and writes it, with the batches after it that are cleaned
//!   already, in input order, so the output is the same for every N; at most
//!   4 cleaned batches per worker wait to be written, so memory stays flat.
//!   `--threads 1` cleans and writes line by line on the main thread. Either
//!   way the output is flushed whenever no more input (or, with threads, no
//!   cleaned batch) is at hand, so the records of a slow stream come out as
//!   they are cleaned;
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

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::{Condvar, Mutex, PoisonError};

use deboiler::Cleaner;

// The crate root is this file, so its modules sit beside it unless told.
// (`tests/jsonl_reader.rs` includes it too, to run its unit tests.)
#[path = "clean/json.rs"]
mod json;

const USAGE: &str =
    "usage: clean [--json | --explain | --jsonl [--threads N]] [--detokenize] [--lossy] FILE|-";

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
    // Never dropped: the process ends after this run, and its memory goes
    // back to the system whole, faster than freeing the compiled rules and
    // their search caches one allocation at a time (~1 % of a dev-corpus run).
    let cleaner = std::mem::ManuallyDrop::new(cleaner);
    // Not locked for the whole run: `--jsonl` workers write to it in turn.
    let mut out = BufWriter::new(io::stdout());
    if mode == Mode::Jsonl {
        let input: Box<dyn Read + Send> = if path == "-" {
            Box::new(io::stdin())
        } else {
            let file =
                std::fs::File::open(&path).map_err(|e| format!("cannot open {path}: {e}"))?;
            Box::new(file)
        };
        let input = io::BufReader::with_capacity(INPUT_BUFFER_BYTES, input);
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
        // Written straight from the article: no copy of a 100 MB body.
        _ => writeln!(out, "{article}"),
    };
    written.and_then(|()| out.flush()).map_err(write_failed)
}

/// The value of `--threads`: a whole number, at least 1.
fn parse_threads(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(format!(
            "--threads takes a whole number of threads from 1 to {MAX_THREADS}, not {value:?}"
        )),
    }
}

/// The most `--threads` accepts: far more than any machine's cores, and few
/// enough that the threads and their queues always fit.
const MAX_THREADS: usize = 1024;

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
    // Valid text is taken as it is, not copied, with --lossy too.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(format!(
                "{path} is not valid UTF-8 (invalid byte at offset {at}); --lossy replaces bad bytes"
            ))
        }
    }
}

/// Cleans one JSON document per line. A bad line is reported on stderr with its
/// number and skipped; the others are still cleaned, and the run fails at the end.
///
/// With one thread each line is cleaned and written as soon as it is read. With
/// more, `threads` workers each take the next batch of lines (see
/// [`Lines::batch`]), clean it, and write it along with any batches after it
/// that are cleaned already, in input order; a batch that has to wait for an
/// earlier one is left for the worker that writes that one. There is no
/// thread that only reads or only writes, which the workers would have to
/// wake up and hand work to, and be woken by, a few times per batch: they
/// take turns at the input and at the output, each for the time of a copy.
/// At most [`IN_FLIGHT_PER_THREAD`] cleaned batches per worker wait to be
/// written (a worker waits before it reads more), so memory stays flat
/// however long the input.
fn jsonl(
    cleaner: &Cleaner,
    input: Input,
    out: &mut (impl Write + Send),
    path: &str,
    threads: usize,
) -> Result<(), Stop> {
    let mut lines = Lines::new(input, path);
    let mut output = Output::new(out, path);
    if threads == 1 {
        // One buffer for the lines that do not fit the read buffer, one for
        // the texts that have to be unescaped, and one for every record.
        let (mut spill, mut scratch, mut record) = (Vec::new(), Vec::new(), Vec::new());
        while let Some(item) = lines.next_with(&mut spill, |number, line| {
            (number, clean_line(cleaner, line, &mut scratch, &mut record))
        }) {
            match item {
                Ok((number, result)) => {
                    let result = result.as_ref().map(|()| &record[..]);
                    output.record(number, result.map_err(String::as_str))?;
                }
                Err(message) => return output.finish(lines.number, Some(message)),
            }
            if output.reader_gone {
                break;
            }
            // Nothing more at hand: the next read may wait on a slow stream.
            if lines.input.buffer().is_empty() {
                output.flush()?;
            }
        }
        return output.finish(lines.number, None);
    }
    let shared = Shared {
        reading: Mutex::new(Reading {
            lines,
            seq: 0,
            error: None,
        }),
        writing: Mutex::new(Writing {
            output,
            next: 0,
            pending: BTreeMap::new(),
            halt: None,
        }),
        written: Condvar::new(),
        in_flight: threads.saturating_mul(IN_FLIGHT_PER_THREAD),
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| shared.work(cleaner));
        }
    });
    let Shared {
        reading, writing, ..
    } = shared;
    let reading = reading.into_inner().unwrap_or_else(PoisonError::into_inner);
    let writing = writing.into_inner().unwrap_or_else(PoisonError::into_inner);
    match writing.halt {
        Some(Halt::Panic(panic)) => panic::resume_unwind(panic),
        Some(Halt::Failed(stop)) => Err(stop),
        None => writing.output.finish(reading.lines.number, reading.error),
    }
}

/// Lines of a `--jsonl` input to clean: the number and bytes of each.
type Batch = Vec<(usize, Vec<u8>)>;

/// What the `--jsonl` workers share (with more than one thread).
struct Shared<'a, W: Write> {
    reading: Mutex<Reading<'a>>,
    writing: Mutex<Writing<'a, W>>,
    /// Signalled when batches have been written, or the run stops.
    written: Condvar,
    /// How many cleaned batches may wait to be written.
    in_flight: usize,
}

/// The input side of [`Shared`].
struct Reading<'a> {
    lines: Lines<'a>,
    /// The position of the next batch.
    seq: usize,
    /// The read error that ended the input, if one did.
    error: Option<String>,
}

/// The output side of [`Shared`].
struct Writing<'a, W: Write> {
    output: Output<'a, W>,
    /// The position of the batch to write next.
    next: usize,
    /// Cleaned batches that wait for an earlier one.
    pending: BTreeMap<usize, Vec<Cleaned>>,
    /// Why the run stopped early, if it did.
    halt: Option<Halt>,
}

/// A cleaned line: its number, and its record or why it has none, or the
/// panic that cleaning it raised (re-raised once the lines before it are
/// written, as if the run had cleaned them one by one).
type Cleaned = (usize, std::thread::Result<Result<Vec<u8>, String>>);

/// Why a `--jsonl` run with threads stopped early.
enum Halt {
    /// Writing failed.
    Failed(Stop),
    /// Cleaning a line panicked.
    Panic(Box<dyn std::any::Any + Send>),
}

impl<W: Write> Shared<'_, W> {
    /// One worker's run: takes batches until the input ends or the run stops.
    fn work(&self, cleaner: &Cleaner) {
        // Kept from line to line (see [`json`]).
        let mut scratch = Vec::new();
        let mut warm = false;
        while let Some((seq, batch)) = self.take() {
            // An input of more than one batch: the workers compile every
            // rule now, each in its own order, sharing the work, rather than
            // each rule when a text first needs it, which has a worker wait
            // whenever the other is compiling the rule it needs.
            if seq > 0 && !warm {
                cleaner.warm_up();
                warm = true;
            }
            let records = batch
                .into_iter()
                .map(|(number, line)| {
                    let clean = || {
                        let mut record = Vec::new();
                        clean_line(cleaner, &line, &mut scratch, &mut record).map(|()| record)
                    };
                    (number, panic::catch_unwind(AssertUnwindSafe(clean)))
                })
                .collect();
            self.put(seq, records);
        }
    }

    /// The next batch and its position, once fewer than [`Shared::in_flight`]
    /// cleaned batches wait to be written; `None` when the input has ended or
    /// the run has stopped.
    fn take(&self) -> Option<(usize, Batch)> {
        let mut writing = self.writing.lock().ok()?;
        while writing.pending.len() >= self.in_flight && !writing.stopped() {
            writing = self.written.wait(writing).ok()?;
        }
        if writing.stopped() {
            return None;
        }
        drop(writing);
        let mut reading = self.reading.lock().ok()?;
        if reading.lines.ended {
            return None;
        }
        let (batch, error) = reading.lines.batch();
        if error.is_some() {
            reading.error = error;
        }
        if batch.is_empty() {
            return None;
        }
        let seq = reading.seq;
        reading.seq += 1;
        Some((seq, batch))
    }

    /// Hands in cleaned batch `seq`, and writes it with the batches after it
    /// that are ready, if its turn has come.
    fn put(&self, seq: usize, records: Vec<Cleaned>) {
        let Ok(mut writing) = self.writing.lock() else {
            return;
        };
        writing.pending.insert(seq, records);
        if let Err(halt) = writing.write_ready() {
            writing.halt = Some(halt);
        }
        drop(writing);
        self.written.notify_all();
    }
}

impl<W: Write> Writing<'_, W> {
    /// The run stops: writing failed, a line panicked, or the reader of the
    /// output has gone.
    fn stopped(&self) -> bool {
        self.halt.is_some() || self.output.reader_gone
    }

    /// Writes the batches whose turn has come, and then, with nothing more
    /// ready, sends what is written on to the reader of the output, so that
    /// the records of a slow stream come out as they are cleaned.
    fn write_ready(&mut self) -> Result<(), Halt> {
        if self.stopped() {
            return Ok(());
        }
        while let Some(records) = self.pending.remove(&self.next) {
            for (number, record) in records {
                let record = record.map_err(Halt::Panic)?;
                let record = record.as_deref().map_err(String::as_str);
                self.output.record(number, record).map_err(Halt::Failed)?;
            }
            self.next += 1;
        }
        if self.pending.is_empty() {
            self.output.flush().map_err(Halt::Failed)?;
        }
        Ok(())
    }
}

/// Batches of a `--jsonl` input in flight per worker thread: enough to keep
/// every worker busy while a long document holds up the ones after it in the
/// output.
const IN_FLIGHT_PER_THREAD: usize = 4;

/// A batch is handed to a worker once its lines hold this many bytes (or
/// sooner, see [`Lines::batch`]): a few typical pages, so the hand-overs cost
/// little next to cleaning them, and the last batch of a run keeps one worker
/// busy alone only briefly.
const BATCH_BYTES: usize = 64 << 10;

/// … or once it holds this many lines, for inputs of tiny documents.
const BATCH_LINES: usize = 64;

/// Read buffer of a `--jsonl` input: several typical lines, so a batch can
/// fill from what one read brought in (see [`Lines::batch`]).
const INPUT_BUFFER_BYTES: usize = 256 << 10;

/// A `--jsonl` input.
type Input = io::BufReader<Box<dyn Read + Send>>;

/// The non-blank lines of a `--jsonl` input with their line numbers. A read
/// error is the last item.
struct Lines<'a> {
    input: Input,
    path: &'a str,
    /// Lines read so far, blank ones included.
    number: usize,
    ended: bool,
}

impl<'a> Lines<'a> {
    fn new(input: Input, path: &'a str) -> Self {
        Lines {
            input,
            path,
            number: 0,
            ended: false,
        }
    }

    /// The next lines, up to [`BATCH_BYTES`] or [`BATCH_LINES`], and the read
    /// error that ended them, if one did. The batch also ends where the input
    /// has nothing more at hand: a line is not held back waiting for the next
    /// one to arrive, so a slow stream's records come out as promptly as
    /// without batches.
    fn batch(&mut self) -> (Batch, Option<String>) {
        let (mut batch, mut bytes) = (Vec::new(), 0);
        while bytes < BATCH_BYTES && batch.len() < BATCH_LINES {
            match self.next() {
                Some(Ok((number, line))) => {
                    bytes += line.len();
                    batch.push((number, line));
                }
                Some(Err(message)) => return (batch, Some(message)),
                None => break,
            }
            if self.input.buffer().is_empty() {
                break;
            }
        }
        (batch, None)
    }
}

impl Lines<'_> {
    /// Hands the next non-blank line and its number to `f`, and gives back
    /// what `f` returns; `None` at the end. A line that the read buffer holds
    /// whole (most) is handed over from there, not copied; one that runs past
    /// it is read into `spill` (emptied first, its allocation kept).
    fn next_with<R>(
        &mut self,
        spill: &mut Vec<u8>,
        f: impl FnOnce(usize, &[u8]) -> R,
    ) -> Option<Result<R, String>> {
        while !self.ended {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(self.failed(&e))),
            };
            let Some(newline) = memchr::memchr(b'\n', buffer) else {
                break;
            };
            let line = &buffer[..=newline];
            self.number += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                self.input.consume(newline + 1);
                continue;
            }
            let result = f(self.number, line);
            self.input.consume(newline + 1);
            return Some(Ok(result));
        }
        let item = self.next_into(spill)?;
        Some(item.map(|number| f(number, spill)))
    }

    /// Ends the input on read error `e`, and says so.
    fn failed(&mut self, e: &io::Error) -> String {
        self.ended = true;
        format!("cannot read {}: {e}", self.path)
    }

    /// Reads the next non-blank line into `line` (emptied first, its
    /// allocation kept) and gives its number; `None` at the end.
    fn next_into(&mut self, line: &mut Vec<u8>) -> Option<Result<usize, String>> {
        while !self.ended {
            line.clear();
            match read_line(&mut self.input, line) {
                Ok(0) => self.ended = true,
                Ok(_) => {
                    self.number += 1;
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        return Some(Ok(self.number));
                    }
                }
                Err(e) => return Some(Err(self.failed(&e))),
            }
        }
        None
    }
}

impl Iterator for Lines<'_> {
    type Item = Result<(usize, Vec<u8>), String>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        let item = self.next_into(&mut line)?;
        Some(item.map(|number| (number, line)))
    }
}

/// `BufRead::read_until(b'\n', line)`, with the line break found by `memchr`
/// many bytes at a time rather than a word at a time: this runs on the thread
/// that feeds the workers.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(newline) => (newline + 1, true),
            None => (available.len(), available.is_empty()),
        };
        line.extend_from_slice(available.get(..used).unwrap_or_default());
        input.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// Writes the records of a `--jsonl` run and reports its bad lines.
struct Output<'a, W: Write> {
    out: &'a mut W,
    path: &'a str,
    failed: usize,
    /// The reader of stdout closed it: the run stops, quietly.
    reader_gone: bool,
}

impl<'a, W: Write> Output<'a, W> {
    fn new(out: &'a mut W, path: &'a str) -> Self {
        Output {
            out,
            path,
            failed: 0,
            reader_gone: false,
        }
    }

    /// Writes line `number`'s record, or reports why it has none.
    fn record(&mut self, number: usize, record: Result<&[u8], &str>) -> Result<(), Stop> {
        match record {
            Ok(_) if self.reader_gone => Ok(()),
            Ok(record) => match self.out.write_all(record).map_err(write_failed) {
                Err(Stop::ReaderGone) => {
                    self.reader_gone = true;
                    Ok(())
                }
                written => written,
            },
            Err(message) => {
                self.failed += 1;
                eprintln!("clean: {}: line {number}: {message}", self.path);
                Ok(())
            }
        }
    }

    /// Sends what is written so far on to the reader of the output, so that
    /// the records of a slow stream come out as they are cleaned.
    fn flush(&mut self) -> Result<(), Stop> {
        if self.reader_gone {
            return Ok(());
        }
        match self.out.flush().map_err(write_failed) {
            Err(Stop::ReaderGone) => {
                self.reader_gone = true;
                Ok(())
            }
            flushed => flushed,
        }
    }

    /// Ends the run: `lines` lines were read, and reading failed with
    /// `read_error`, if it did. The lines before a read error are still written;
    /// bad lines fail the run.
    fn finish(mut self, lines: usize, read_error: Option<String>) -> Result<(), Stop> {
        if let Some(message) = read_error {
            return Err(Stop::Failed(message));
        }
        self.flush()?;
        match self.failed {
            0 => Ok(()),
            failed => Err(Stop::Failed(format!(
                "{failed} of {lines} lines of {} could not be cleaned",
                self.path
            ))),
        }
    }
}

/// Writes the output record of `line` (compact JSON and a line break) into
/// `record`, emptied first; or says why the line is bad. `scratch` holds the
/// line's text when it has to be unescaped (see [`json`]), from line to line.
fn clean_line(
    cleaner: &Cleaner,
    line: &[u8],
    scratch: &mut Vec<u8>,
    record: &mut Vec<u8>,
) -> Result<(), String> {
    // The usual line, read without `serde_json`, which decides about the rest.
    if let Some(doc) = json::read(line, scratch) {
        let article = cleaner.clean(doc.text);
        return write_record(record, &article, |record| {
            record.extend_from_slice(doc.id.as_bytes());
            Ok(())
        });
    }
    let doc: json::SerdeDoc<'_> = match serde_json::from_slice(line) {
        Ok(doc) => doc,
        // A `text` that is not a string fails to parse too; say which it was.
        Err(_) if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok() => {
            return Err("no string field \"text\"".to_string());
        }
        Err(e) => return Err(format!("not JSON: {e}")),
    };
    let text = doc.text.ok_or("no string field \"text\"")?;
    let article = cleaner.clean(&text);
    write_record(record, &article, |record| {
        serde_json::to_writer(record, &doc.id).map_err(|e| format!("cannot encode the result: {e}"))
    })
}

/// Writes the record of `article` into `record`, emptied first: compact JSON,
/// keys in alphabetical order, as `serde_json` writes it, and a line break.
/// `id` writes the id's JSON.
fn write_record(
    record: &mut Vec<u8>,
    article: &deboiler::Article<'_>,
    id: impl FnOnce(&mut Vec<u8>) -> Result<(), String>,
) -> Result<(), String> {
    record.clear();
    // Room for the text and what little escaping adds, so the record is
    // written without growing the buffer as it goes.
    let text_bytes = article.body.len() + article.title.as_ref().map_or(0, |t| t.len());
    record.reserve(text_bytes + text_bytes / 8 + RECORD_SLACK_BYTES);
    record.extend_from_slice(b"{\"body\":");
    push_json_string(record, &article.body);
    record.extend_from_slice(b",\"id\":");
    id(record)?;
    record.extend_from_slice(b",\"title\":");
    match &article.title {
        Some(title) => push_json_string(record, title),
        None => record.extend_from_slice(b"null"),
    }
    record.extend_from_slice(b"}\n");
    Ok(())
}

/// Appends `text` to `out` as a JSON string, escaped byte for byte as
/// `serde_json` escapes it: `\"`, `\\`, the short escapes of `\b` `\t` `\n`
/// `\f` `\r`, `\u00XX` (lowercase) for the other control characters, and
/// everything else as is. The text is searched eight bytes at a time for a
/// byte to escape, where `serde_json` looks each byte up in a table; runs of
/// plain text are copied whole.
fn push_json_string(out: &mut Vec<u8>, text: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // High bit of each byte that is zero (may also flag the byte after one;
    // the bytes of a flagged chunk are looked at one by one).
    let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let bytes = text.as_bytes();
    out.push(b'"');
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
            // Bytes below 0x20: `x - 0x20` borrows into their high bit.
            let controls = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
            if controls | zeros(x ^ (ONES * u64::from(b'"'))) | zeros(x ^ (ONES * u64::from(b'\\')))
                == 0
            {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            if b >= 0x20 && b != b'"' && b != b'\\' {
                i += 1;
                continue;
            }
            out.extend_from_slice(&bytes[plain..i]);
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xf)]);
                }
            }
            i += 1;
            plain = i;
        }
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

/// Bytes of a record besides its title and body: the keys, the quotes and
/// an id of some length.
const RECORD_SLACK_BYTES: usize = 128;
