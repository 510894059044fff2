//! The prefilter's analysis of the built-in patterns, done ahead of time.
//!
//! Parsing, splitting and analysing every built-in pattern cost as much at
//! start-up as the Aho-Corasick build (57 M instructions of `Engine::new`'s
//! 114 M, once per process), and the result only changes when a pattern or
//! the analysis does. So it is generated ([`super::builtin`], written by a
//! test of this module from the live analysis) and looked up at start-up.
//!
//! Each entry is keyed by its pattern's FNV-1a hash and length. A pattern
//! without an entry (a custom rule's, or a built-in one changed since the
//! table was made) is analysed live, exactly as before: a stale table costs
//! start-up time, never a verdict. The test fails while the table is stale.

use std::ops::Range;

/// Regenerates [`super::builtin`] (and names the test that checks it).
#[cfg(test)]
const BLESS_COMMAND: &str = "DEBOILER_BLESS=1 cargo test --release --lib prefilter::table::tests::the_builtin_table_is_current";

/// A pattern's key: the FNV-1a 64 hash of its bytes, and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key {
    /// [`fnv1a`] of the pattern.
    pub hash: u64,
    /// Its length in bytes.
    pub len: usize,
}

impl Key {
    pub const fn of(pattern: &str) -> Key {
        Key {
            hash: fnv1a(pattern.as_bytes()),
            len: pattern.len(),
        }
    }
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike std's
/// `DefaultHasher`, so keys written into the table stay valid. (`const`, so
/// tests can key tables of their own.)
const fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET_BASIS;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(PRIME);
        i += 1;
    }
    hash
}

/// How a built-in block rule's pattern splits into top-level alternatives
/// (see [`super::alternatives`]).
#[derive(Debug)]
pub(crate) struct Split {
    pub key: Key,
    /// The flags the pattern starts with (empty when none), which every
    /// alternative after the first is prefixed with.
    pub flags: Range<usize>,
    /// The span of each branch; `None` when the pattern does not split.
    pub branches: Option<&'static [Range<usize>]>,
}

/// The analysis of one pattern: [`super::Analysed`], as static data.
#[derive(Debug)]
pub(crate) struct Facts {
    pub key: Key,
    /// The literal sets (each cut and without repeats); empty when none is
    /// known.
    pub sets: &'static [&'static [&'static str]],
    /// Non-ASCII case variants of the literals' letters.
    pub escapes: &'static [char],
    /// Without literals: the bytes one of which every match holds, as a
    /// `Bytes::mask` (bit `b % 64` of word `b / 64` for byte `b`), if known.
    pub bytes: Option<[u64; 4]>,
}

/// A table of analyses, each list sorted by key. (One out of order only
/// misses entries, which are then analysed live.)
#[derive(Debug)]
pub(crate) struct Table {
    pub splits: &'static [Split],
    pub facts: &'static [Facts],
}

/// The built-in rules' table.
pub(crate) static BUILTIN: Table = Table {
    splits: super::builtin::SPLITS,
    facts: super::builtin::FACTS,
};

impl Table {
    /// How `pattern` splits, if the table knows.
    pub fn split(&self, pattern: &str) -> Option<&'static Split> {
        find(self.splits, |s| s.key, pattern)
    }

    /// The analysis of `pattern`, if the table has it.
    pub fn facts(&self, pattern: &str) -> Option<&'static Facts> {
        find(self.facts, |f| f.key, pattern)
    }
}

/// The entry for `pattern` in `entries`, sorted by `key`.
fn find<T>(entries: &'static [T], key: fn(&T) -> Key, pattern: &str) -> Option<&'static T> {
    let i = entries.binary_search_by_key(&Key::of(pattern), key).ok()?;
    entries.get(i)
}

/// Writing the table ([`generate`]), and the tests that it is current and
/// only ever used for the patterns it was made from.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::prefilter::{
        Analysed, Builder, Seen, alternatives_in, analyse_text, piece_texts, split_live,
    };

    /// A table without entries: everything is analysed live.
    static EMPTY: Table = Table {
        splits: &[],
        facts: &[],
    };

    /// Something the engine looks up in the table, labelled for its reader.
    struct Entry<T> {
        label: String,
        key: Key,
        value: T,
    }

    impl Entry<String> {
        /// A text to analyse.
        fn text(label: String, text: String) -> Entry<String> {
            Entry {
                label,
                key: Key::of(&text),
                value: text,
            }
        }
    }

    /// A split by the parser: the span of the flags and of each branch.
    type Spans = (Range<usize>, Vec<Range<usize>>);

    /// What the engine looks up for the built-in rules.
    #[derive(Default)]
    struct Lookups {
        /// Every block rule's pattern, and how it splits (`None`: it does not).
        splits: Vec<Entry<Option<Spans>>>,
        /// The texts it analyses: the other patterns, each alternative of a
        /// split one, and the form detector's vocabulary.
        texts: Vec<Entry<String>>,
    }

    fn builtin_lookups() -> Lookups {
        let mut lookups = Lookups::default();
        for rule in crate::rules::builtin_rules() {
            let Some(pattern) = rule.pattern() else {
                continue;
            };
            let id = rule.id().to_string();
            let mut pieces = None;
            if crate::engine::split_pattern(rule).is_some() {
                let spans = split_live(pattern).map(|split| {
                    let branches = split.branches.into_iter().map(|(span, _)| span);
                    (split.flags, branches.collect::<Vec<_>>())
                });
                pieces = spans
                    .as_ref()
                    .and_then(|(flags, branches)| piece_texts(pattern, flags, branches));
                lookups.splits.push(Entry {
                    label: id.clone(),
                    key: Key::of(pattern),
                    value: spans,
                });
            }
            match pieces {
                Some(pieces) => {
                    for (k, text) in pieces.into_iter().enumerate() {
                        let label = format!("{id}, alternative {k}");
                        lookups.texts.push(Entry::text(label, text));
                    }
                }
                None => lookups.texts.push(Entry::text(id, pattern.to_string())),
            }
        }
        let vocabularies = [
            ("form", &crate::rules::form::PATTERNS[..]),
            ("furniture", &crate::rules::furniture::PATTERNS[..]),
        ];
        for (name, patterns) in vocabularies {
            for (k, pattern) in patterns.iter().enumerate() {
                let label = format!("{name}::PATTERNS[{k}]");
                lookups.texts.push(Entry::text(label, pattern.to_string()));
            }
        }
        lookups
    }

    /// The source of `super::super::builtin`, from the live analysis.
    fn generate() -> String {
        let Lookups { mut splits, texts } = builtin_lookups();
        let mut facts: Vec<Entry<Analysed>> = texts
            .into_iter()
            .map(|Entry { label, key, value }| Entry {
                label,
                key,
                value: analyse_text(&value),
            })
            .collect();
        splits.sort_by_key(|e| e.key);
        splits.dedup_by_key(|e| e.key);
        facts.sort_by_key(|e| e.key);
        facts.dedup_by_key(|e| e.key);
        let mut lines = vec![
            "// DO NOT EDIT THIS FILE. IT WAS AUTOMATICALLY GENERATED BY:".to_string(),
            "//".to_string(),
            format!("//   {BLESS_COMMAND}"),
            "//".to_string(),
            "// from the built-in rules' patterns, by the prefilter's own analysis".to_string(),
            "// (src/prefilter/mod.rs). That test fails while this file is stale.".to_string(),
            "// What the entries mean: src/prefilter/table.rs.".to_string(),
            String::new(),
            "use super::table::{Facts, Key, Split};".to_string(),
            String::new(),
            "/// How each built-in block rule's pattern splits, by key.".to_string(),
            "pub(super) static SPLITS: &[Split] = &[".to_string(),
        ];
        for Entry { label, key, value } in &splits {
            let (flags, branches) = match value {
                Some((flags, branches)) => {
                    let branches: Vec<String> = branches.iter().map(|r| format!("{r:?}")).collect();
                    (flags.clone(), format!("Some({})", list(&branches, 8)))
                }
                None => (0..0, "None".to_string()),
            };
            lines.extend([
                format!("    // {label}"),
                "    Split {".to_string(),
                format!("        key: {},", key_source(key)),
                format!("        flags: {flags:?},"),
                format!("        branches: {branches},"),
                "    },".to_string(),
            ]);
        }
        lines.extend([
            "];".to_string(),
            String::new(),
            "/// The analysis of each built-in pattern and alternative, by key.".to_string(),
            "pub(super) static FACTS: &[Facts] = &[".to_string(),
        ]);
        for Entry { label, key, value } in &facts {
            lines.extend([
                format!("    // {label}"),
                "    Facts {".to_string(),
                format!("        key: {},", key_source(key)),
                "        sets: &[".to_string(),
            ]);
            for set in &value.sets {
                let literals: Vec<String> = set.iter().map(|l| quote(l, '"')).collect();
                lines.push(format!("            {},", list(&literals, 12)));
            }
            let escapes: Vec<String> = value.escapes.iter().map(|&c| quote(c, '\'')).collect();
            let bytes = match &value.bytes {
                Some(m) => format!("Some([{:#x}, {:#x}, {:#x}, {:#x}])", m[0], m[1], m[2], m[3]),
                None => "None".to_string(),
            };
            lines.extend([
                "        ],".to_string(),
                format!("        escapes: &[{}],", escapes.join(", ")),
                format!("        bytes: {bytes},"),
                "    },".to_string(),
            ]);
        }
        lines.push("];\n".to_string());
        lines.join("\n")
    }

    /// Columns of the table's source, past which a list is broken into lines.
    const WIDTH: usize = 100;

    /// `&[a, b, …]` starting at column `indent`: on one line if it fits in
    /// [`WIDTH`], else over as many as it needs.
    fn list(items: &[String], indent: usize) -> String {
        let one = format!("&[{}]", items.join(", "));
        // (The comma after the list comes too.)
        if indent + one.len() < WIDTH {
            return one;
        }
        let pad = " ".repeat(indent + 4);
        let mut lines = vec![pad.clone()];
        for item in items {
            let last = lines.last_mut().expect("a line");
            if last.len() > pad.len() && last.len() + 1 + item.len() + 1 > WIDTH {
                lines.push(pad.clone());
            }
            let last = lines.last_mut().expect("a line");
            if last.len() > pad.len() {
                last.push(' ');
            }
            last.push_str(item);
            last.push(',');
        }
        format!("&[\n{}\n{}]", lines.join("\n"), " ".repeat(indent))
    }

    fn key_source(key: &Key) -> String {
        format!("Key {{ hash: {:#018x}, len: {} }}", key.hash, key.len)
    }

    /// A Rust literal of `text` in ASCII (`escape_default`, unlike `Debug`, is
    /// the same in every Rust version).
    fn quote(text: impl std::fmt::Display, quote: char) -> String {
        format!("{quote}{}{quote}", text.to_string().escape_default())
    }

    /// Fails while the table is stale; with `DEBOILER_BLESS=1`, rewrites it.
    #[test]
    fn the_builtin_table_is_current() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/prefilter/builtin.rs");
        let source = generate();
        if std::env::var_os("DEBOILER_BLESS").is_some_and(|v| v == "1") {
            std::fs::write(&path, source).expect("writes the table");
            return;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == source,
            "{} is stale (a built-in pattern or the prefilter's analysis changed): \
             regenerate it with `{BLESS_COMMAND}`",
            path.display()
        );
    }

    /// With the table, the engine's splits and prefilter are what the live
    /// analysis makes of the built-in patterns, and no built-in one is parsed.
    #[test]
    fn the_table_gives_what_the_live_analysis_does() {
        let texts = |table, pattern| {
            let parts: Option<Vec<(String, Option<_>)>> = alternatives_in(table, pattern);
            parts.map(|parts| parts.into_iter().map(|(text, _)| text).collect::<Vec<_>>())
        };
        let rules = crate::rules::builtin_rules();
        for pattern in rules.filter_map(crate::engine::split_pattern) {
            assert!(
                BUILTIN.split(pattern).is_some(),
                "{pattern} is not in the table"
            );
            assert_eq!(texts(&BUILTIN, pattern), texts(&EMPTY, pattern));
            let parts = alternatives_in(&BUILTIN, pattern).unwrap_or_default();
            assert!(
                parts.iter().all(|(_, ast)| ast.is_none()),
                "{pattern} was parsed"
            );
        }
        let texts = builtin_lookups().texts;
        for Entry { value, .. } in &texts {
            assert!(
                BUILTIN.facts(value).is_some(),
                "{value} is not in the table"
            );
        }
        let patterns = || {
            texts
                .iter()
                .enumerate()
                .map(|(i, e)| (i, e.value.as_str(), None))
        };
        assert_eq!(
            Builder::analyse(&BUILTIN, patterns()),
            Builder::analyse(&EMPTY, patterns())
        );
    }

    /// An entry is used for the pattern it was made from, and for no other:
    /// a pattern that differs (a custom one, or a built-in one changed since)
    /// is analysed live.
    #[test]
    fn a_mismatched_entry_falls_back_to_live_analysis() {
        const PATTERN: &str = "(?i)^share this$|^tweet this$";
        const KEY: Key = Key::of(PATTERN);
        // Entries that say the pattern needs `zzzz` and splits in the middle
        // of `share`: wrong, to show whether they were used.
        static FACTS: [Facts; 2] = [
            Facts {
                key: KEY,
                sets: &[&["zzzz"]],
                escapes: &[],
                bytes: None,
            },
            Facts {
                key: Key {
                    hash: KEY.hash,
                    len: KEY.len + 1,
                },
                sets: &[&["zzzz"]],
                escapes: &[],
                bytes: None,
            },
        ];
        static SPLITS: [Split; 1] = [Split {
            key: KEY,
            flags: 0..4,
            branches: Some(&[0..8, 8..12]),
        }];
        let tables = [
            Table {
                splits: &SPLITS,
                facts: &FACTS[..1],
            },
            Table {
                splits: &[],
                facts: &FACTS[1..],
            },
        ];
        let (mut seen, mut out) = (Seen::default(), Vec::new());
        for (t, table) in tables.iter().enumerate() {
            let used = t == 0;
            let filter = Builder::analyse(table, [(0, PATTERN, None)]).build();
            filter.candidates("zzzz", &mut seen, &mut out);
            assert_eq!(out == [0], used, "{t}");
            filter.candidates("Share this", &mut seen, &mut out);
            assert_eq!(out == [0], !used, "{t}");
            let texts: Option<Vec<String>> =
                alternatives_in(table, PATTERN).map(|p| p.into_iter().map(|(t, _)| t).collect());
            let split = vec!["(?i)^sha".to_string(), "(?i)re t".to_string()];
            let live = vec![
                "(?i)^share this$".to_string(),
                "(?i)^tweet this$".to_string(),
            ];
            assert_eq!(texts, Some(if used { split } else { live }), "{t}");
        }
        // Spans that do not fit the pattern are no use: it is parsed.
        static BAD: [Split; 1] = [Split {
            key: KEY,
            flags: 0..4,
            branches: Some(&[0..8, 8..999]),
        }];
        let bad = Table {
            splits: &BAD,
            facts: &[],
        };
        let parts = alternatives_in(&bad, PATTERN).expect("an alternation");
        assert_eq!(parts[1].0, "(?i)^tweet this$");
        assert!(parts.iter().all(|(_, ast)| ast.is_some()));
    }
}
