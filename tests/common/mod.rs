//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use deboiler::Article;

/// The three sample pages the project started from.
pub fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("fixture is UTF-8"))
        })
        .collect()
}

/// The `clean` example binary, built by `cargo test` next to the test binaries.
pub fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let debug_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile> dir");
    debug_dir
        .join("examples")
        .join(format!("clean{}", std::env::consts::EXE_SUFFIX))
}

/// Asserts the accounting invariant: every non-whitespace character of `input`
/// is in the title, a paragraph or a removal; spans are in bounds, on char
/// boundaries, sorted and disjoint; paragraph text is exactly the input minus
/// removals (whitespace aside); the body is the paragraphs joined.
pub fn assert_accounted(input: &str, article: &Article<'_>) {
    let mut spans = Vec::new();
    spans.extend(article.title_span);
    spans.extend(article.removed.iter().map(|r| r.span));
    let removals: Vec<_> = article.removed.iter().map(|r| r.span).collect();
    for p in &article.paragraphs {
        // A paragraph span may contain inline removals; the rest of it is the text.
        let inner: Vec<_> = removals
            .iter()
            .filter(|r| r.start >= p.span.start && r.end <= p.span.end)
            .copied()
            .collect();
        let mut expected = String::new();
        let mut pos = p.span.start;
        for r in &inner {
            expected.push_str(&input[pos..r.start]);
            pos = r.end;
        }
        expected.push_str(&input[pos..p.span.end]);
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(
            squash(&expected),
            squash(&p.text),
            "paragraph text differs from its span"
        );
        let mut pos = p.span.start;
        for r in inner {
            spans.push(deboiler::Span {
                start: pos,
                end: r.start,
            });
            pos = r.end;
        }
        spans.push(deboiler::Span {
            start: pos,
            end: p.span.end,
        });
    }
    spans.retain(|s| s.start < s.end);
    spans.sort();
    let mut covered_to = 0;
    for s in &spans {
        assert!(s.end <= input.len(), "span {s:?} out of bounds");
        assert!(
            input.is_char_boundary(s.start) && input.is_char_boundary(s.end),
            "span {s:?} splits a char"
        );
        assert!(s.start >= covered_to, "span {s:?} overlaps another");
        let gap = &input[covered_to..s.start];
        assert!(
            gap.trim().is_empty(),
            "unaccounted text before {s:?}: {gap:?}"
        );
        covered_to = s.end;
    }
    let tail = &input[covered_to..];
    assert!(
        tail.trim().is_empty(),
        "unaccounted text at the end: {tail:?}"
    );
    for r in &article.removed {
        assert_eq!(r.text, &input[r.span.start..r.span.end]);
    }
    let joined: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_ref()).collect();
    assert_eq!(article.body, joined.join("\n\n"));
}
