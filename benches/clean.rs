//! Throughput of the cleaner, in bytes of input per second (`cargo bench`).
//!
//! One criterion group per input, each with three benches:
//! - `lines`: the baseline, a plain pass that splits the input into lines
//!   (`str::lines`) and counts the non-empty ones; the floor any line-based
//!   cleaner pays, so the ratio to it says how far the cleaner is from it;
//! - `clean`: [`deboiler::clean`] (the built-in rules, compiled once per process);
//! - `cleaner`: one [`Cleaner`] built before the bench and reused.
//!
//! Inputs:
//! - `sample/*`: the three samples in `tests/fixtures/*.txt`;
//! - `corpus/*`: the dev full-page corpora `../shared/eval/corpora/{sh,tf}-inscriptis.jsonl`,
//!   every `text` of the file cleaned in one iteration (skipped, with a note, when absent);
//! - `synthetic/*`: page shapes generated here, deterministically: a long article
//!   (~200 KB of paragraphs), one of Arabic, Chinese and Korean paragraphs, a
//!   menu-heavy page (4,000 `  * Item N` lines around a few paragraphs), a
//!   ~1 MB run-on line without a newline, and 200,000 identical short lines.
//!
//! Sampling is kept short (10 samples in ~3 s per bench) so that the whole run
//! takes a few minutes on two cores. Inputs over 100 KB, whose cleaning takes
//! milliseconds to a quarter second, use flat sampling (the same number of
//! iterations in every sample), for which 10 samples fit in the time.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use deboiler::Cleaner;

/// The inputs of one group: one document, or every document of a corpus.
struct Input {
    name: String,
    texts: Vec<String>,
}

impl Input {
    fn one(name: impl Into<String>, text: String) -> Self {
        Input {
            name: name.into(),
            texts: vec![text],
        }
    }

    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/*.txt`, sorted by name (the same loader the tests use).
fn samples() -> Vec<Input> {
    common::fixtures()
        .into_iter()
        .map(|(stem, text)| Input::one(format!("sample/{stem}"), text))
        .collect()
}

/// The dev full-page corpora of the shared evaluation set, when it is there.
fn corpora() -> Vec<Input> {
    let dir = manifest_dir().join("../shared/eval/corpora");
    let mut inputs = Vec::new();
    for name in ["sh-inscriptis", "tf-inscriptis"] {
        let path = dir.join(format!("{name}.jsonl"));
        let Ok(data) = std::fs::read_to_string(&path) else {
            println!(
                "corpus/{name}: skipped, {} not found (it comes with ../shared/eval)",
                path.display()
            );
            continue;
        };
        let texts = data
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let doc: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
                doc["text"]
                    .as_str()
                    .expect("corpus line has a string \"text\"")
                    .to_owned()
            })
            .collect();
        inputs.push(Input {
            name: format!("corpus/{name}"),
            texts,
        });
    }
    inputs
}

/// A deterministic stream of English-looking sentences: common function words
/// (so that stopword density reads as prose) among content words.
struct Prose {
    state: u64,
}

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "it",
    "from",
    "at",
    "he",
    "she",
    "they",
    "have",
    "has",
    "said",
    "would",
    "their",
    "which",
    "this",
    "were",
    "been",
    "not",
    "but",
    "government",
    "minister",
    "city",
    "council",
    "report",
    "officials",
    "week",
    "people",
    "police",
    "school",
    "company",
    "market",
    "election",
    "court",
    "plan",
    "year",
    "water",
    "health",
    "new",
    "local",
    "public",
    "decision",
    "budget",
    "residents",
    "project",
    "statement",
    "investigation",
    "workers",
    "families",
];

impl Prose {
    fn new(seed: u64) -> Self {
        Prose { state: seed }
    }

    /// Knuth's MMIX linear congruential generator: enough variety, no crate.
    fn next(&mut self, bound: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.state >> 33) % bound as u64) as usize
    }

    /// One sentence of 8 to 24 words, capitalised, ending with a full stop.
    fn sentence(&mut self, out: &mut String) {
        let words = 8 + self.next(17);
        for i in 0..words {
            let word = WORDS[self.next(WORDS.len())];
            if i == 0 {
                let mut chars = word.chars();
                let first = chars.next().expect("non-empty word");
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            } else {
                out.push(' ');
                out.push_str(word);
                if i + 1 < words && self.next(9) == 0 {
                    out.push(',');
                }
            }
        }
        out.push('.');
    }

    /// One paragraph of 3 to 7 sentences on a single line.
    fn paragraph(&mut self, out: &mut String) {
        let sentences = 3 + self.next(5);
        for i in 0..sentences {
            if i > 0 {
                out.push(' ');
            }
            self.sentence(out);
        }
    }
}

/// A headline, then blank-line separated paragraphs up to about `bytes`.
fn long_article(bytes: usize) -> String {
    let mut prose = Prose::new(1);
    let mut text = String::from("Council approves the new water budget after a long debate\n\n");
    while text.len() < bytes {
        prose.paragraph(&mut text);
        text.push_str("\n\n");
    }
    text
}

/// A navigation-heavy page dump: 2,000 menu items, a headline and four
/// paragraphs, then 2,000 more menu items.
fn menu_heavy() -> String {
    let mut prose = Prose::new(2);
    let mut text = String::new();
    for n in 1..=2_000 {
        text.push_str(&format!("  * Item {n}\n"));
    }
    text.push_str("\nCouncil approves the new water budget after a long debate\n\n");
    for _ in 0..4 {
        prose.paragraph(&mut text);
        text.push_str("\n\n");
    }
    for n in 2_001..=4_000 {
        text.push_str(&format!("  * Item {n}\n"));
    }
    text
}

/// Common words of three scripts the word scan reads without the
/// `unicode-segmentation` fallback (Arabic, Hangul) or one character at a
/// time (Han), for [`non_latin_article`].
const ARABIC_WORDS: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "أن",
    "المدينة",
    "الحكومة",
    "مجلس",
    "الميزانية",
    "المياه",
    "القرار",
    "الشركة",
    "السوق",
    "العام",
    "الجديد",
    "المحكمة",
    "الانتخابات",
    "السكان",
    "المشروع",
    "البيان",
];
const HAN_CHARS: &[&str] = &[
    "市", "政", "府", "会", "议", "预", "算", "水", "新", "年", "公", "司", "场", "法", "院", "选",
    "举", "居", "民", "项", "目", "的", "在", "是", "了", "和", "有", "大", "中", "国",
];
const HANGUL_WORDS: &[&str] = &[
    "시의회는",
    "새로운",
    "예산을",
    "승인했다",
    "주민들",
    "회사",
    "시장",
    "법원",
    "선거",
    "계획",
    "올해",
    "물",
    "건강",
    "지역",
    "공공",
    "결정",
    "사업",
    "발표",
    "조사",
    "가족",
];

/// A headline, then paragraphs of Arabic, Chinese and Korean in turn (with
/// their own commas and full stops) up to about `bytes`.
fn non_latin_article(bytes: usize) -> String {
    let mut prose = Prose::new(4);
    let mut text = String::from("مجلس المدينة يوافق على الميزانية الجديدة\n\n");
    let scripts: [(&[&str], &str, &str, &str); 3] = [
        (ARABIC_WORDS, " ", "،", "."),
        (HAN_CHARS, "", "，", "。"),
        (HANGUL_WORDS, " ", ",", "."),
    ];
    let mut k = 0;
    while text.len() < bytes {
        let (words, space, comma, stop) = scripts[k % scripts.len()];
        for s in 0..3 + prose.next(5) {
            if s > 0 {
                text.push_str(space);
            }
            let n = 8 + prose.next(17);
            for i in 0..n {
                if i > 0 {
                    text.push_str(space);
                }
                text.push_str(words[prose.next(words.len())]);
                if i + 1 < n && prose.next(9) == 0 {
                    text.push_str(comma);
                }
            }
            text.push_str(stop);
        }
        text.push_str("\n\n");
        k += 1;
    }
    text
}

/// One line of sentences, no newline at all, up to about `bytes`.
fn run_on(bytes: usize) -> String {
    let mut prose = Prose::new(3);
    let mut text = String::new();
    while text.len() < bytes {
        if !text.is_empty() {
            text.push(' ');
        }
        prose.sentence(&mut text);
    }
    text
}

fn synthetic() -> Vec<Input> {
    vec![
        Input::one("synthetic/long_article_200k", long_article(200_000)),
        Input::one(
            "synthetic/non_latin_article_200k",
            non_latin_article(200_000),
        ),
        Input::one("synthetic/menu_heavy", menu_heavy()),
        Input::one("synthetic/run_on_line_1m", run_on(1_000_000)),
        Input::one(
            "synthetic/identical_lines_200k",
            "Top stories\n".repeat(200_000),
        ),
    ]
}

/// The baseline: split into lines and count the non-empty ones.
fn count_lines(text: &str) -> usize {
    text.lines().filter(|l| !l.is_empty()).count()
}

fn bench_input(c: &mut Criterion, cleaner: &Cleaner, input: &Input) {
    let mut group = c.benchmark_group(&input.name);
    let sampling = if input.bytes() > 100_000 {
        SamplingMode::Flat
    } else {
        SamplingMode::Auto
    };
    group
        .throughput(Throughput::Bytes(input.bytes()))
        .sampling_mode(sampling)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("lines", |b| {
        b.iter(|| {
            for text in &input.texts {
                black_box(count_lines(black_box(text)));
            }
        })
    });
    group.bench_function("clean", |b| {
        b.iter(|| {
            for text in &input.texts {
                black_box(deboiler::clean(black_box(text)));
            }
        })
    });
    group.bench_function("cleaner", |b| {
        b.iter(|| {
            for text in &input.texts {
                black_box(cleaner.clean(black_box(text)));
            }
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let cleaner = Cleaner::default();
    let inputs = samples().into_iter().chain(corpora()).chain(synthetic());
    for input in inputs {
        bench_input(c, &cleaner, &input);
    }
}

criterion_group!(clean, benches);
criterion_main!(clean);
