//! The prefilter: which rules could match a unit, from one Aho-Corasick scan.
//!
//! Most units match no rule at all. Rather than run every rule's regex (or one
//! huge `RegexSet`, whose lazy DFA spends its time building states for a union
//! of hundreds of case-insensitive phrases), each pattern is analysed once for
//! the literals any match of it must contain: `(?i)^share this\s*:?$` needs
//! `share this`. All those literals go into one ASCII-case-insensitive
//! Aho-Corasick automaton. A unit is scanned once; only the rules whose literal
//! shows up (and the few with no usable literal) are checked with their regex.
//!
//! The analysis is conservative: if it cannot prove a literal is required, the
//! rule has none and is always checked. So the prefilter only saves time, it
//! never changes a verdict.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::ast::{Ast, RepetitionKind, RepetitionRange};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

/// Most literals one analysed piece of a pattern may stand for. Cross products
/// (`(?:a|b)(?:c|d)`) and alternations beyond it give up on that piece, so a
/// pathological custom pattern cannot blow up the automaton.
const MAX_LITERALS: usize = 256;

/// A literal this many bytes long is as selective as we need; past it, a set of
/// fewer literals is preferred over longer ones.
const GOOD_LITERAL_BYTES: usize = 4;

/// Literals are cut to at most this many bytes: a piece of a required literal
/// is still required, and a hostile custom pattern (a cross product followed by
/// a long tail) cannot fill the automaton with long strings. Short pieces also
/// share prefixes: at 32 bytes the built-in rules made a 6.4 MB DFA, too big
/// for the CPU caches; at 8, 1.4 MB, and only a few more units reach a regex.
const MAX_LITERAL_BYTES: usize = 8;

/// Past this many bytes of literals in all, the automaton is built as a
/// compact NFA instead of a DFA, whose size grows with the bytes.
const MAX_DFA_LITERAL_BYTES: usize = 256 << 10;

/// Most literal sets a rule may require together (`(?:news|tips).*straight to
/// your inbox` requires one of `news`, `tips` and `straight`); the rule is a
/// candidate only when every one shows up. Past the most selective set, only
/// sets of literals of at least [`GOOD_LITERAL_BYTES`] count.
const MAX_REQUIRED_SETS: usize = 4;

/// What a piece of a pattern requires of any text it matches.
#[derive(Debug, Clone, Default)]
struct Need {
    /// The piece matches exactly one of these strings (ASCII lowercased), so it
    /// can be glued to its neighbours' literals.
    exact: Option<Vec<String>>,
    /// Every match contains, for each of these sets, one of its strings.
    all: Vec<Vec<String>>,
}

impl Need {
    fn exact(set: Vec<String>) -> Need {
        Need {
            all: vec![set.clone()],
            exact: Some(set),
        }
    }

    fn unknown() -> Need {
        Need::default()
    }
}

/// Works on the pattern's syntax tree, which is cheap to parse (translating it
/// to the regex crate's HIR would fold the case of every class, which costs more
/// than the rest of building the engine). Every letter is treated as
/// case-insensitive: that matches more, never less, so it is safe whatever the
/// pattern's flags.
#[derive(Debug, Default)]
struct Analysis {
    /// Non-ASCII case variants of ASCII letters (`ſ` for `s`, the Kelvin sign for
    /// `k`), which the automaton's ASCII-only folding would miss.
    escapes: Vec<char>,
}

impl Analysis {
    fn need(&mut self, ast: &Ast) -> Need {
        match ast {
            Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Need::exact(vec![String::new()]),
            Ast::Literal(lit) => Need::exact(self.variants(lit.c)),
            Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) => {
                Need::unknown()
            }
            Ast::Repetition(rep) => {
                let (min, max) = match rep.op.kind {
                    RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => (0, None),
                    RepetitionKind::OneOrMore => (1, None),
                    RepetitionKind::Range(RepetitionRange::Exactly(n)) => (n, Some(n)),
                    RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (n, None),
                    RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (m, Some(n)),
                };
                if min == 0 {
                    Need::unknown()
                } else if max == Some(1) {
                    self.need(&rep.ast)
                } else {
                    Need {
                        exact: None,
                        all: self.need(&rep.ast).all,
                    }
                }
            }
            Ast::Group(group) => self.need(&group.ast),
            Ast::Concat(concat) => self.concat(&concat.asts),
            Ast::Alternation(alt) => self.alternation(&alt.asts),
        }
    }

    /// The literal forms of `c` for the automaton: ASCII lowercased (the
    /// automaton folds ASCII case), other letters in each of their case forms.
    fn variants(&mut self, c: char) -> Vec<String> {
        match self.ascii_variant(c) {
            Some(form) => vec![form.to_string()],
            None => case_forms(c).map(|f| f.to_string()).collect(),
        }
    }

    /// The one literal form of an ASCII character, lowercased; `None` for
    /// any other character. (No allocation: most characters of a pattern are
    /// ASCII letters of a phrase.)
    fn ascii_variant(&mut self, c: char) -> Option<char> {
        if !c.is_ascii() {
            return None;
        }
        let lower = c.to_ascii_lowercase();
        // Only these ASCII letters have non-ASCII case variants.
        if matches!(lower, 'k' | 's') {
            self.escapes
                .extend(case_forms(lower).filter(|f| !f.is_ascii()));
        }
        Some(lower)
    }

    fn concat(&mut self, parts: &[Ast]) -> Need {
        let mut candidates: Vec<Vec<String>> = Vec::new();
        let mut run: Option<Vec<String>> = Some(vec![String::new()]);
        let mut all_exact = true;
        for part in parts {
            // The common case, a plain ASCII character, extends the run in place.
            if let (Ast::Literal(lit), Some(prefixes)) = (part, run.as_mut()) {
                if let Some(form) = self.ascii_variant(lit.c) {
                    prefixes.iter_mut().for_each(|p| p.push(form));
                    continue;
                }
            }
            let need = self.need(part);
            match need.exact {
                Some(set) => {
                    run = match run.take() {
                        Some(prefix) if prefix.len() * set.len() <= MAX_LITERALS => {
                            Some(product(&prefix, &set))
                        }
                        Some(prefix) => {
                            // Too many combinations: end the run here.
                            all_exact = false;
                            candidates.push(prefix);
                            Some(set)
                        }
                        None => Some(set),
                    };
                }
                None => {
                    all_exact = false;
                    candidates.extend(run.take());
                    candidates.extend(need.all);
                }
            }
        }
        let exact = if all_exact { run.clone() } else { None };
        candidates.extend(run);
        // Every part is required: keep the most selective sets.
        candidates.retain(|set| !set.iter().any(String::is_empty));
        // Stable, like `sort_by_key`, with each set's score computed once.
        candidates.sort_by_cached_key(|set| std::cmp::Reverse(score(set)));
        candidates.dedup();
        candidates.truncate(MAX_REQUIRED_SETS);
        Need {
            all: candidates,
            exact,
        }
    }

    fn alternation(&mut self, branches: &[Ast]) -> Need {
        // One of the branches matches: the union of each one's exact set, and
        // of each one's best set. (Taken apart, not cloned: a phrase pack has
        // hundreds of branches.)
        let (exact, best): (Vec<_>, Vec<_>) = branches
            .iter()
            .map(|b| {
                let need = self.need(b);
                (
                    need.exact,
                    need.all.into_iter().max_by_key(|set| score(set)),
                )
            })
            .unzip();
        let union = |sets: Option<Vec<Vec<String>>>| {
            let mut all: Vec<String> = sets?.into_iter().flatten().collect();
            all.sort_unstable();
            all.dedup();
            (all.len() <= MAX_LITERALS).then_some(all)
        };
        Need {
            exact: union(exact.into_iter().collect()),
            all: union(best.into_iter().collect()).into_iter().collect(),
        }
    }
}

/// `c` and its simple case variants, as the regex crate folds them (a test
/// checks every ASCII character): an ASCII character without the regex
/// crate's tables, which cost more per letter than the rest of the analysis.
pub(crate) fn case_forms(c: char) -> impl Iterator<Item = char> {
    let (ascii, other) = match c.is_ascii() {
        true => (Some(ascii_case_forms(c)), None),
        false => (None, Some(folded_forms(c))),
    };
    ascii
        .into_iter()
        .flatten()
        .chain(other.into_iter().flatten())
}

/// [`case_forms`] of an ASCII character, without allocating: the lean
/// matcher's translation asks for those of every letter of a `(?i)` phrase.
fn ascii_case_forms(c: char) -> impl Iterator<Item = char> {
    let (upper, lower) = (c.to_ascii_uppercase(), c.to_ascii_lowercase());
    // Only these ASCII letters have non-ASCII case variants: the Kelvin
    // sign and the long s.
    let other = match lower {
        'k' => Some('\u{212A}'),
        's' => Some('\u{17F}'),
        _ => None,
    };
    [Some(upper), (lower != upper).then_some(lower), other]
        .into_iter()
        .flatten()
}

/// `c` and its simple case variants, by the regex crate's case folding.
fn folded_forms(c: char) -> Vec<char> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.iter().flat_map(|r| r.start()..=r.end()).collect()
}

fn product(prefixes: &[String], suffixes: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(prefixes.len() * suffixes.len());
    for p in prefixes {
        for s in suffixes {
            let mut literal = String::with_capacity(p.len() + s.len());
            literal.push_str(p);
            literal.push_str(s);
            out.push(literal);
        }
    }
    out
}

/// How useful a literal set is: longer shortest literal first (up to
/// [`GOOD_LITERAL_BYTES`]), then fewer literals.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(String::len).min().unwrap_or(0);
    (
        shortest.min(GOOD_LITERAL_BYTES),
        std::cmp::Reverse(set.len()),
    )
}

/// The literal sets every match of `pattern` draws one literal from each of, or
/// `None` when none is known (the rule must then be checked on every unit).
#[cfg(test)]
fn required_literals(pattern: &str, escapes: &mut Vec<char>) -> Option<Vec<Vec<String>>> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    literals_of(&ast, escapes)
}

/// [`required_literals`] of a parsed pattern.
fn literals_of(ast: &Ast, escapes: &mut Vec<char>) -> Option<Vec<Vec<String>>> {
    let mut analysis = Analysis::default();
    let mut sets = analysis.need(ast).all;
    sets.retain(|set| !set.is_empty() && !set.iter().any(String::is_empty));
    // Past the best set, only sets of long literals: a short one (`u`, `te`)
    // shows up in almost every unit, and each showing is a report of the scan.
    let mut best = true;
    sets.retain(|set| std::mem::take(&mut best) || score(set).0 >= GOOD_LITERAL_BYTES);
    if sets.is_empty() {
        return None;
    }
    escapes.extend(analysis.escapes);
    Some(sets)
}

/// What the prefilter needs of one pattern (or alternative), from the live
/// analysis: data of its own, apart from the syntax tree.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Analysed {
    /// The literal sets every match draws one literal from each of (see
    /// [`literals_of`]), each literal cut to [`MAX_LITERAL_BYTES`] and each set
    /// without repeats; empty when none is known.
    sets: Vec<Vec<String>>,
    /// Non-ASCII case variants of the literals' letters, sorted, no repeats.
    escapes: Vec<char>,
    /// Without literals: the bytes one of which every match holds (see
    /// [`required_bytes`]) as a [`Bytes::mask`], when worth a scan.
    bytes: Option<[u64; 4]>,
}

/// The live analysis of a pattern's syntax tree (`None`: it does not parse).
fn analyse(ast: Option<&Ast>) -> Analysed {
    let mut escapes = Vec::new();
    let Some(sets) = ast.and_then(|ast| literals_of(ast, &mut escapes)) else {
        let bytes = ast.and_then(required_bytes).and_then(Bytes::new);
        return Analysed {
            bytes: bytes.map(|b| b.mask()),
            ..Analysed::default()
        };
    };
    escapes.sort_unstable();
    escapes.dedup();
    let sets = sets
        .into_iter()
        .map(|set| {
            let mut kept: Vec<String> = Vec::with_capacity(set.len());
            for mut literal in set {
                let mut cut = literal.len().min(MAX_LITERAL_BYTES);
                while !literal.is_char_boundary(cut) {
                    cut -= 1;
                }
                literal.truncate(cut);
                // A set holds at most `MAX_LITERALS`: quadratic is fine.
                if !kept.contains(&literal) {
                    kept.push(literal);
                }
            }
            kept
        })
        .collect();
    Analysed {
        sets,
        escapes,
        bytes: None,
    }
}

/// The top-level alternatives of `pattern`, each a pattern of its own with the
/// flags the pattern starts with: `(?i)^a|b` gives `(?i)^a` and `(?i)b`. A text
/// matches `pattern` exactly when it matches one of them, and each has literals
/// of its own: a union of phrases in many languages, one lazy DFA for all of
/// them, builds states for every mix of half-matched phrases, where the DFA of
/// one phrase stays small and runs only on the units that hold its literals.
///
/// Each comes with its syntax tree (if at hand), for
/// [`Prefilter::with_parsed`] (the prefilter's analysis ignores flags). `None`
/// when `pattern` is not an alternation at its top level, or sets flags
/// anywhere else at that level (they would carry into the branches after
/// them).
pub(crate) fn alternatives(pattern: &str) -> Option<Vec<(String, Option<Ast>)>> {
    let Alternation { flags, branches } = split_live(pattern)?;
    let (spans, asts): (Vec<_>, Vec<_>) = branches.into_iter().unzip();
    let texts = piece_texts(pattern, &flags, &spans)?;
    Some(texts.into_iter().zip(asts.into_iter().map(Some)).collect())
}

/// A pattern's top-level alternation, as the parser finds it.
#[derive(Debug)]
pub(crate) struct Alternation {
    /// The span of the flags the pattern starts with (empty when none).
    pub flags: Range<usize>,
    /// Each branch's span, and its syntax tree.
    pub branches: Vec<(Range<usize>, Ast)>,
}

/// The split of [`alternatives`], by the parser.
pub(crate) fn split_live(pattern: &str) -> Option<Alternation> {
    let mut ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    let Ast::Alternation(alt) = &mut ast else {
        return None;
    };
    let mut flags = 0..0;
    for (b, branch) in alt.asts.iter().enumerate() {
        let items = match branch {
            Ast::Concat(concat) => concat.asts.as_slice(),
            other => std::slice::from_ref(other),
        };
        for (k, item) in items.iter().enumerate() {
            if let Ast::Flags(set) = item {
                if b > 0 || k > 0 || items.len() < 2 {
                    return None;
                }
                flags = set.span.start.offset..set.span.end.offset;
            }
        }
    }
    let branches = std::mem::take(&mut alt.asts)
        .into_iter()
        .map(|branch| {
            let span = branch.span();
            (span.start.offset..span.end.offset, branch)
        })
        .collect();
    Some(Alternation { flags, branches })
}

/// The alternatives' texts: each branch of `pattern`, and the flags before
/// each but the first (which starts with them). `None` when a span does not
/// fit the pattern.
pub(crate) fn piece_texts(
    pattern: &str,
    flags: &Range<usize>,
    branches: &[Range<usize>],
) -> Option<Vec<String>> {
    let flags = pattern.get(flags.clone())?;
    branches
        .iter()
        .enumerate()
        .map(|(b, span)| {
            let text = pattern.get(span.clone())?;
            Some(match b {
                0 => text.to_string(),
                _ => format!("{flags}{text}"),
            })
        })
        .collect()
}

/// Maps a unit to the rules that could match it.
#[derive(Debug)]
pub(crate) struct Prefilter {
    /// Over every required literal, and the escape characters.
    automaton: Option<AhoCorasick>,
    /// Automaton pattern id → the (rule, required set) pairs it satisfies.
    sets_of: Vec<Vec<(usize, u8)>>,
    /// Rule index → the mask of all its required sets (0 for rules without).
    full: Vec<u8>,
    /// Rules with a pattern but no required literal: candidates on every unit
    /// that holds one of the bytes any match of theirs has (if known).
    always: Vec<(usize, Option<Bytes>)>,
}

/// Bytes one of which every match of a pattern contains (`[0-9]` in a date
/// pattern): a check cheaper than the pattern's matcher for a rule with no
/// required literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bytes {
    /// One contiguous range (the common case, digits), checked a chunk at
    /// a time without a table…
    range: Option<(u8, u8)>,
    /// … or any set, by table.
    table: Box<[bool; 256]>,
}

/// A byte set past this many bytes is not worth a scan of the unit.
const MAX_REQUIRED_BYTES: usize = 64;

impl Bytes {
    fn new(table: [bool; 256]) -> Option<Bytes> {
        let n = table.iter().filter(|&&b| b).count();
        if n == 0 || n > MAX_REQUIRED_BYTES {
            return None;
        }
        let first = table.iter().position(|&b| b)?;
        let last = table.iter().rposition(|&b| b)?;
        let range = (last - first + 1 == n).then_some((first as u8, last as u8));
        Some(Bytes {
            range,
            table: Box::new(table),
        })
    }

    /// The bytes as a bit mask: bit `b % 64` of word `b / 64` for byte `b`.
    fn mask(&self) -> [u64; 4] {
        let mut mask = [0; 4];
        for (b, _) in self.table.iter().enumerate().filter(|(_, on)| **on) {
            mask[b / 64] |= 1 << (b % 64);
        }
        mask
    }

    /// [`Bytes::new`] of a [`Bytes::mask`].
    fn from_mask(mask: &[u64; 4]) -> Option<Bytes> {
        Bytes::new(std::array::from_fn(|b| mask[b / 64] >> (b % 64) & 1 == 1))
    }

    /// True when `text` holds one of the bytes.
    pub fn found_in(&self, text: &[u8]) -> bool {
        // No early exit within a chunk: the range check of a whole chunk
        // compiles to a few vector instructions.
        match self.range {
            Some((lo, hi)) => text.chunks(32).any(|chunk| {
                chunk
                    .iter()
                    .fold(false, |hit, &b| hit | (b.wrapping_sub(lo) <= hi - lo))
            }),
            None => text.iter().any(|&b| self.table[usize::from(b)]),
        }
    }
}

/// The bytes one of which every match of `ast` contains, or `None` when
/// unknown. Like the literal analysis it ignores flags, and every character
/// stands for all its case forms (each form's first byte), so it is safe
/// whatever the pattern's flags.
fn required_bytes(ast: &Ast) -> Option<[bool; 256]> {
    match ast {
        Ast::Literal(lit) => Some(first_bytes([lit.c])),
        Ast::ClassBracketed(class) if !class.negated => class_bytes(&class.kind),
        Ast::Repetition(rep) => {
            let min = match rep.op.kind {
                RepetitionKind::ZeroOrOne | RepetitionKind::ZeroOrMore => 0,
                RepetitionKind::OneOrMore => 1,
                RepetitionKind::Range(RepetitionRange::Exactly(n))
                | RepetitionKind::Range(RepetitionRange::AtLeast(n))
                | RepetitionKind::Range(RepetitionRange::Bounded(n, _)) => n,
            };
            (min > 0).then(|| required_bytes(&rep.ast))?
        }
        Ast::Group(group) => required_bytes(&group.ast),
        // Every part is required: the rarest set any part has.
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .filter_map(required_bytes)
            .min_by_key(rarity),
        // One of the branches matches: the union of theirs.
        Ast::Alternation(alt) => alt.asts.iter().try_fold([false; 256], |mut all, branch| {
            let table = required_bytes(branch)?;
            all.iter_mut().zip(table).for_each(|(a, b)| *a |= b);
            Some(all)
        }),
        _ => None,
    }
}

/// How often a unit holds one of the bytes in `table`, roughly (lower is
/// rarer): a letter or a space shows up in almost every line, a punctuation
/// mark in many, a digit or a given non-ASCII lead byte in few. Only picks
/// which of a pattern's required byte sets the check uses.
fn rarity(table: &[bool; 256]) -> usize {
    (0..=255u8)
        .filter(|&b| table[usize::from(b)])
        .map(|b| match b {
            b'0'..=b'9' | 0x80.. => 1,
            b if b.is_ascii_alphabetic() || b.is_ascii_whitespace() => 256,
            _ => 16,
        })
        .sum()
}

/// The first bytes of the case forms of the characters of a class made only
/// of ASCII literals and ranges (`[0-9]`, `[./]`); `None` for any other class.
fn class_bytes(set: &regex_syntax::ast::ClassSet) -> Option<[bool; 256]> {
    use regex_syntax::ast::{ClassSet, ClassSetItem};
    let ClassSet::Item(item) = set else {
        return None;
    };
    let items = match item {
        ClassSetItem::Union(union) => union.items.as_slice(),
        other => std::slice::from_ref(other),
    };
    let mut chars = Vec::new();
    for item in items {
        match item {
            ClassSetItem::Literal(lit) if lit.c.is_ascii() => chars.push(lit.c),
            ClassSetItem::Range(range) if range.end.c.is_ascii() => {
                chars.extend(range.start.c..=range.end.c)
            }
            _ => return None,
        }
    }
    Some(first_bytes(chars))
}

/// The first UTF-8 byte of every case form of each of `chars`.
fn first_bytes(chars: impl IntoIterator<Item = char>) -> [bool; 256] {
    let mut table = [false; 256];
    let mut buf = [0; 4];
    for c in chars {
        for form in case_forms(c) {
            table[usize::from(form.encode_utf8(&mut buf).as_bytes()[0])] = true;
        }
    }
    table
}

/// Scratch space of [`Prefilter::candidates`], reused across units.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    /// Rule index → the required sets found so far in this unit.
    masks: Vec<u8>,
    /// Rules whose mask is not zero.
    touched: Vec<usize>,
}

/// A prefilter before its automaton is built: the literals, and which rules
/// each stands for.
#[derive(Debug, Default, PartialEq, Eq)]
struct Builder {
    /// Literal → its index in `literals`.
    literal_ids: HashMap<Cow<'static, str>, usize>,
    /// Every required literal, once (borrowed when it is `'static`).
    literals: Vec<Cow<'static, str>>,
    /// Literal index → the (rule, required set) pairs it satisfies.
    sets_of: Vec<Vec<(usize, u8)>>,
    /// See [`Prefilter::full`].
    full: Vec<u8>,
    /// See [`Prefilter::always`].
    always: Vec<(usize, Option<Bytes>)>,
    /// The escape characters of every rule with literals.
    escapes: Vec<char>,
}

impl Builder {
    /// Analyses `patterns` (index, pattern, its syntax tree if at hand).
    fn analyse<'a>(
        patterns: impl IntoIterator<Item = (usize, &'a str, Option<&'a Ast>)>,
    ) -> Builder {
        let mut builder = Builder::default();
        for (rule, pattern, ast) in patterns {
            let parsed;
            let ast = match ast {
                Some(ast) => Some(ast),
                None => {
                    parsed = regex_syntax::ast::parse::Parser::new().parse(pattern).ok();
                    parsed.as_ref()
                }
            };
            let analysed = analyse(ast);
            builder.add(rule, analysed.sets, &analysed.escapes, analysed.bytes);
        }
        builder
    }

    /// Adds rule `rule` with the analysis of its pattern.
    fn add<L: Into<Cow<'static, str>>>(
        &mut self,
        rule: usize,
        sets: impl IntoIterator<Item = impl IntoIterator<Item = L>>,
        escapes: &[char],
        bytes: Option<[u64; 4]>,
    ) {
        // (Never more sets than a mask has bits.)
        let mut sets = sets.into_iter().take(MAX_REQUIRED_SETS).peekable();
        if sets.peek().is_none() {
            let bytes = bytes.as_ref().and_then(Bytes::from_mask);
            self.always.push((rule, bytes));
            return;
        }
        self.escapes.extend_from_slice(escapes);
        if self.full.len() <= rule {
            self.full.resize(rule + 1, 0);
        }
        for (g, set) in sets.enumerate() {
            let bit = 1u8 << g;
            self.full[rule] |= bit;
            for literal in set {
                let literal = literal.into();
                let id = match self.literal_ids.get(literal.as_ref()) {
                    Some(&id) => id,
                    None => {
                        self.literal_ids
                            .insert(literal.clone(), self.literals.len());
                        self.literals.push(literal);
                        self.sets_of.push(Vec::new());
                        self.sets_of.len() - 1
                    }
                };
                if !self.sets_of[id].contains(&(rule, bit)) {
                    self.sets_of[id].push((rule, bit));
                }
            }
        }
    }

    /// The prefilter: the automaton over the literals.
    fn build(self) -> Prefilter {
        let Builder {
            mut literals,
            mut sets_of,
            mut full,
            mut always,
            mut escapes,
            ..
        } = self;
        let with_literals: Vec<(usize, u8)> = full
            .iter()
            .enumerate()
            .filter(|&(_, &mask)| mask != 0)
            .map(|(rule, &mask)| (rule, mask))
            .collect();
        escapes.sort_unstable();
        escapes.dedup();
        for c in escapes {
            // A text with `ſ` or a Kelvin sign in it skips the prefilter: every
            // rule with literals is a candidate.
            literals.push(Cow::Owned(c.to_string()));
            sets_of.push(with_literals.clone());
        }
        let bytes: usize = literals.iter().map(|l| l.len()).sum();
        let kind = if bytes <= MAX_DFA_LITERAL_BYTES {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = if literals.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(kind))
                .build(literals.iter().map(|l| l.as_bytes()))
                .or_else(|_| {
                    // Too big for a DFA: the slower but smaller automaton.
                    AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .match_kind(MatchKind::Standard)
                        .build(literals.iter().map(|l| l.as_bytes()))
                })
                .ok()
        };
        if automaton.is_none() {
            // No automaton (none needed, or none could be built): check every rule.
            always.extend(with_literals.iter().map(|&(rule, _)| (rule, None)));
            always.sort_unstable_by_key(|&(rule, _)| rule);
            full.clear();
        }
        Prefilter {
            automaton,
            sets_of,
            full,
            always,
        }
    }
}

impl Prefilter {
    /// Analyses `patterns`: (rule index, pattern) of every rule with a pattern.
    pub fn new<'a>(patterns: impl IntoIterator<Item = (usize, &'a str)>) -> Prefilter {
        Prefilter::with_parsed(patterns.into_iter().map(|(i, p)| (i, p, None)))
    }

    /// [`Prefilter::new`] for patterns some of which come parsed already:
    /// (index, pattern, its syntax tree if at hand).
    pub fn with_parsed<'a>(
        patterns: impl IntoIterator<Item = (usize, &'a str, Option<&'a Ast>)>,
    ) -> Prefilter {
        Builder::analyse(patterns).build()
    }

    /// Fills `out` with the indices of the rules that could match `text`,
    /// sorted and without repeats.
    pub fn candidates(&self, text: &str, seen: &mut Seen, out: &mut Vec<usize>) {
        out.clear();
        out.extend(
            self.always
                .iter()
                .filter(|(_, bytes)| bytes.as_ref().is_none_or(|b| b.found_in(text.as_bytes())))
                .map(|&(rule, _)| rule),
        );
        if let Some(automaton) = &self.automaton {
            if seen.masks.len() < self.full.len() {
                seen.masks.resize(self.full.len(), 0);
            }
            for m in automaton.find_overlapping_iter(text) {
                for &(rule, bit) in &self.sets_of[m.pattern().as_usize()] {
                    let mask = &mut seen.masks[rule];
                    if *mask == 0 {
                        seen.touched.push(rule);
                    }
                    *mask |= bit;
                }
            }
            for rule in seen.touched.drain(..) {
                if seen.masks[rule] == self.full[rule] {
                    out.push(rule);
                }
                seen.masks[rule] = 0;
            }
        }
        out.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        required_literals(pattern, &mut Vec::new()).map(|sets| sets[0].clone())
    }

    #[test]
    fn case_insensitive_phrases_become_lowercase_literals() {
        assert_eq!(
            literals(r"(?i)^share this\s*:?$"),
            Some(vec!["share this".to_string()])
        );
        let set = literals(r"(?i)^(?:share|tweet)\s*:?$").expect("literals");
        assert!(set.iter().any(|l| l.contains("tweet")), "{set:?}");
        assert!(set.iter().all(|l| l == &l.to_ascii_lowercase()));
    }

    #[test]
    fn ascii_case_forms_are_the_regex_crates() {
        for c in (0..128u8).map(char::from) {
            let mut forms: Vec<char> = case_forms(c).collect();
            forms.sort_unstable();
            assert_eq!(forms, folded_forms(c), "{c:?}");
        }
        assert_eq!(case_forms('ä').collect::<Vec<_>>(), ['Ä', 'ä']);
    }

    #[test]
    fn only_k_and_s_have_non_ascii_case_variants() {
        for c in ('a'..='z').chain('A'..='Z') {
            let non_ascii: Vec<char> = case_forms(c).filter(|f| !f.is_ascii()).collect();
            assert_eq!(
                !non_ascii.is_empty(),
                matches!(c, 'k' | 's' | 'K' | 'S'),
                "{c}: {non_ascii:?}"
            );
        }
    }

    #[test]
    fn a_cross_product_with_a_long_tail_stays_small() {
        let pattern = format!(
            "(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)(?:m|n)(?:o|p){}",
            "x".repeat(16_000)
        );
        let filter = Prefilter::new([(0, pattern.as_str())]);
        let (mut seen, mut out) = (Seen::default(), Vec::new());
        let text = format!("acegikmo{}", "x".repeat(16_000));
        filter.candidates(&text, &mut seen, &mut out);
        assert_eq!(out, [0]);
        filter.candidates("acegikmo", &mut seen, &mut out);
        assert!(out.is_empty() || out == [0]);
        let bytes: usize = filter.automaton.iter().map(|a| a.memory_usage()).sum();
        assert!(bytes < 8 << 20, "{bytes} bytes");
    }

    #[test]
    fn alternatives_carry_the_leading_flags() {
        let texts = |p: &str| alternatives(p).map(|a| a.into_iter().map(|(t, _)| t).collect());
        assert_eq!(
            texts(r"(?i)^a(?-u:\b)|b(?:c|d)|"),
            Some(vec![
                r"(?i)^a(?-u:\b)".to_string(),
                "(?i)b(?:c|d)".to_string(),
                "(?i)".to_string()
            ])
        );
        assert_eq!(texts("a|b"), Some(vec!["a".to_string(), "b".to_string()]));
        // Not an alternation at the top, or flags that would carry over.
        for pattern in [
            "(?i)ab",
            "(?:a|b)c",
            "a(?i)b|c",
            "a|(?i)b",
            "(?i)|a",
            "(unclosed|",
        ] {
            assert_eq!(texts(pattern), None, "{pattern}");
        }
        // Each alternative matches where one branch of the pattern does.
        let pattern = r"(?i)^x|(?-i:Y)z|w$";
        let parts: Vec<String> = texts(pattern).expect("an alternation");
        let regex = regex::Regex::new(pattern).expect("valid");
        let parts: Vec<_> = parts
            .iter()
            .map(|p| regex::Regex::new(p).expect("valid"))
            .collect();
        for text in ["X", "ax", "Yz", "yZ", "YZ", "aW", "Wa", ""] {
            let any = parts.iter().any(|p| p.is_match(text));
            assert_eq!(any, regex.is_match(text), "{text:?}");
        }
    }

    fn bytes(pattern: &str) -> Option<Bytes> {
        let ast = regex_syntax::ast::parse::Parser::new()
            .parse(pattern)
            .ok()?;
        required_bytes(&ast).and_then(Bytes::new)
    }

    #[test]
    fn patterns_without_literals_may_still_need_a_byte() {
        let digits = bytes(r"^(?:[0-9]{1,2}\.\s*)?(?:\w+ [0-9]{4}|[0-9]{1,2}[./][0-9]{2})$");
        assert_eq!(digits.as_ref().and_then(|b| b.range), Some((b'0', b'9')));
        // Case forms count: `s` may be `ſ`, which starts with 0xC5.
        let s = bytes(r"(?i)^\w*s\w*$").expect("a byte set");
        assert!(s.range.is_none());
        for b in [b's', b'S', 0xC5] {
            assert!(s.table[usize::from(b)], "{b:#x}");
        }
        assert!(s.found_in("ſ".as_bytes()) && s.found_in(b"xSx") && !s.found_in(b"xyz"));
        // Optional parts, negated and Unicode classes, or a branch without
        // one: nothing known.
        for pattern in [
            r"^[0-9]*$",
            r"[^0-9]",
            r"\d",
            r"\pN",
            r"[0-9]|\w",
            r"(?:)",
            r"^$",
            r"[[:digit:]]",
        ] {
            assert_eq!(bytes(pattern), None, "{pattern}");
        }
        // A set too large to be worth a scan.
        assert_eq!(bytes(r"[ -~]"), None);
    }

    #[test]
    fn the_byte_check_never_hides_a_match() {
        let patterns = [
            r"(?i)^[0-9]{1,2}\.?\s+\w+,?\s+[0-9]{4}$",
            r"^\W*[./|]\W*$",
            r"(?i)^\w+(?:k|s)$",
        ];
        let filter = Prefilter::new(patterns.iter().copied().enumerate());
        let (mut seen, mut out) = (Seen::default(), Vec::new());
        for text in [
            "23 September 2017",
            "3. MÄRZ 2021",
            " / ",
            "|",
            "Ok",
            "oK",
            "oſ",
            "talks",
            "2017",
            "",
            "An ordinary sentence",
        ] {
            assert_candidates_cover(&filter, &patterns, text, &mut seen, &mut out);
        }
        filter.candidates("nothing here at all", &mut seen, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    /// Every pattern (the filter's pattern `i` is `patterns[i]`) that matches
    /// `text` is among the filter's candidates for it.
    fn assert_candidates_cover(
        filter: &Prefilter,
        patterns: &[&str],
        text: &str,
        seen: &mut Seen,
        out: &mut Vec<usize>,
    ) {
        filter.candidates(text, seen, out);
        for (i, p) in patterns.iter().enumerate() {
            if regex::Regex::new(p).expect("valid").is_match(text) {
                assert!(
                    out.contains(&i),
                    "{p} matches {text:?} but was filtered out"
                );
            }
        }
    }

    #[test]
    fn optional_and_open_patterns_have_no_literals() {
        assert_eq!(literals(r"(?i)^\W*$"), None);
        assert_eq!(literals(r"(?:foo)?"), None);
        assert_eq!(literals(r"a|"), None);
        assert_eq!(literals(r"(unclosed"), None);
    }

    #[test]
    fn the_prefilter_never_hides_a_match() {
        let patterns = [
            r"(?i)^share this\s*:?$",
            r"(?i)(?-u:\b)kommentar (?:schreiben|verfassen)",
            r"(?i)^veröffentlicht am \d+",
            r"^\d+ comments$",
            r"(?i)ſtop",
        ];
        let filter = Prefilter::new(patterns.iter().copied().enumerate());
        let texts = [
            "SHARE THIS:",
            "Jetzt Kommentar Schreiben!",
            "VERÖFFENTLICHT AM 3. Mai",
            "12 comments",
            "STOP",
            "ſtop",
            "ſhare this",
            "Share this",
        ];
        let (mut seen, mut out) = (Seen::default(), Vec::new());
        for text in texts {
            assert_candidates_cover(&filter, &patterns, text, &mut seen, &mut out);
        }
        filter.candidates("An ordinary sentence of the article.", &mut seen, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    /// Every built-in rule that matches a line of our fixtures (or a sentence of
    /// their run-on line) is among the prefilter's candidates for it.
    #[test]
    fn built_in_rules_are_never_filtered_out() {
        let rules: Vec<_> = crate::rules::builtin_rules().collect();
        let patterns: Vec<(usize, &str)> = rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.pattern()?)))
            .collect();
        let filter = Prefilter::new(patterns.iter().copied());
        // A bare date needs a digit, which a byte scan finds.
        let timestamp = rules.iter().position(|r| r.id() == "metadata.timestamp");
        let digits = filter.always.iter().find(|(i, _)| Some(*i) == timestamp);
        assert_eq!(
            digits.and_then(|(_, b)| b.as_ref()?.range),
            Some((b'0', b'9'))
        );
        let regexes: Vec<_> = patterns
            .iter()
            .map(|&(i, p)| (i, regex::Regex::new(p).expect("built-in patterns compile")))
            .collect();
        let texts = crate::rules::testing::fixture_texts();
        let (mut seen, mut out) = (Seen::default(), Vec::new());
        let (mut units, mut matched) = (0, 0);
        for text in &texts {
            for unit in text.lines().flat_map(|l| l.split_inclusive(". ")) {
                let unit = unit.trim();
                units += 1;
                filter.candidates(unit, &mut seen, &mut out);
                for (i, re) in &regexes {
                    if re.is_match(unit) {
                        matched += 1;
                        assert!(
                            out.contains(i),
                            "rule {} filtered out of {unit:?}",
                            rules[*i].id()
                        );
                    }
                }
            }
        }
        assert!(
            units > 100 && matched > 10,
            "{units} units, {matched} matches"
        );
    }
}
