//! A lean matcher for the built-in block and metadata rules: most of what a
//! full [`regex::Regex`] compiles, such rules never use.
//!
//! A block rule only asks "does it match?", which a forward lazy DFA answers
//! (or a reverse one from the end of the text, for a pattern anchored there
//! with a wide gap in it: see [`Matcher`]); a metadata rule also asks where its
//! named groups are, but only on the rare unit that matched, where a
//! backtracker over the forward NFA is quick. A full
//! regex also compiles a reverse NFA (to find where a match starts), extracts
//! literal prefilters and tries a one-pass DFA: over a third of its build time,
//! paid once per process for each rule a text gets near. And the many
//! patterns that end a branch in `\W*$` are compiled with a `\W` narrowed to
//! the punctuation and symbols that end lines of text, a fraction of its
//! Unicode class; the rare text that ends in other non-word characters is
//! asked of the exact pattern (see [`Tail`]).
//!
//! The built-in patterns' NFAs are not compiled at run time: they come in a
//! table made ahead of time and are rebuilt from it ([`frozen`]), the same
//! NFAs for a third of the cost.
//!
//! The matcher is immutable and shared by threads; its mutable search state
//! ([`MatchCache`]) is kept per thread by the engine.

mod frozen;

use std::cell::RefCell;

use once_cell::sync::{Lazy, OnceCell};
use regex_automata::PatternID;
use regex_automata::hybrid::dfa::{self as lazy, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, State, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input};
use regex_syntax::ast::{self, Ast, GroupKind, RepetitionKind, RepetitionRange};
use regex_syntax::hir::translate::{Translator, TranslatorBuilder};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

use crate::prefilter::{Prefilter, Seen};

/// After this many clears of its cache in one search, the lazy DFA gives up
/// and the NFA finishes the search: a DFA whose states are thrown away faster
/// than they are reused is slower than no DFA. (The `regex` crate's choice.)
const DFA_MIN_CACHE_CLEARS: usize = 3;

/// … provided it also averaged fewer than this many bytes searched per state
/// built since the first clear. (The `regex` crate's choice.)
const DFA_MIN_BYTES_PER_STATE: usize = 10;

thread_local! {
    /// This thread's NFA compiler, reused from pattern to pattern: a fresh one
    /// sets up (and, dropped, frees) a 10,000-entry cache of UTF-8 states,
    /// which costs more than compiling a small pattern. Each build starts
    /// from a cleared builder and invalidates that cache, so the NFA is the
    /// same as a fresh compiler's.
    static COMPILER: RefCell<thompson::Compiler> = RefCell::new(NFA::compiler());
}

/// One rule's compiled pattern: the same syntax and semantics as
/// [`regex::Regex`] (Unicode, leftmost-first, never splitting a UTF-8 character).
#[derive(Debug)]
pub(crate) struct Matcher {
    /// Answers [`Matcher::is_match`].
    dfa: DFA,
    /// Every match ends at the end of the text (`…\W*$`) but may start
    /// anywhere, and the pattern has a wide counted gap (`the .{0,60} app`,
    /// see [`has_wide_gap`]): the DFA is built from the reversed pattern and
    /// reads the text backwards from its end, where a match must be, instead
    /// of looking for a match at every position, with states for every mix of
    /// partial matches and counts. (The `regex` crate's "reverse anchored"
    /// strategy.)
    reverse: bool,
    /// Every match starts at the start of the text (`^…`): no search for a
    /// later start.
    anchored: Anchored,
    /// The forward NFA's engines, built with the matcher when the DFA is
    /// forward (they share its NFA), else on first need.
    nfa: OnceCell<Option<NfaEngines>>,
    /// The pattern and limits, to build the forward NFA of a reverse DFA
    /// and the exact matcher when they are needed.
    source: Source,
    /// The pattern's `\W*$` were narrowed (see [`Tail`]): a text whose
    /// trailing non-word characters are not all in the narrowed class is
    /// asked of the exact matcher instead.
    narrowed: bool,
    /// The matcher of the exact translation, for a narrowed one, compiled on
    /// first need and shared by threads.
    exact: OnceCell<Option<Box<Matcher>>>,
    /// The pattern's capture groups (not counting the whole match's).
    groups: usize,
    /// The pattern is `^(…)$` with its one group around everything between
    /// the anchors (`(?i)^(?P<value>…)$`): a match and its group are the
    /// whole text, no search needed to find them.
    whole_group: bool,
    /// For a forward matcher anchored at the start: the bytes a match can
    /// start with (see [`FirstBytes`]); a text that starts otherwise is
    /// answered without a search.
    first: Option<FirstBytes>,
}

/// What a [`Matcher`] was compiled from.
#[derive(Debug)]
struct Source {
    pattern: Box<str>,
    nfa_size_limit: usize,
    dfa_cache_bytes: usize,
}

/// The engines over the forward NFA.
#[derive(Debug)]
struct NfaEngines {
    /// The capture groups of a matching unit, when it is short enough.
    backtracker: BoundedBacktracker,
    /// Everything the others cannot do: longer units, and a DFA that gave up.
    pikevm: PikeVM,
}

/// The mutable search state of one [`Matcher`], one per thread; the NFA
/// engines' only once they are used.
#[derive(Debug, Clone)]
pub(crate) struct MatchCache {
    dfa: lazy::Cache,
    backtracker: Option<backtrack::Cache>,
    pikevm: Option<pikevm::Cache>,
    /// The exact matcher's, once it is used.
    exact: Option<Box<MatchCache>>,
}

/// What a [`Matcher`] is built from: the pattern's NFA (reversed when
/// `reverse`) and what its syntax tells of its matches. Compiled live
/// ([`Compiled::live`]) or, for a built-in pattern, rebuilt from the table
/// made ahead of time ([`frozen`]): the same NFA either way.
#[derive(Debug)]
struct Compiled {
    nfa: NFA,
    /// Every match starts at the start of the text (`^…`).
    anchored: bool,
    /// See [`Matcher::groups`].
    groups: usize,
    /// See the field of [`Matcher`].
    whole_group: bool,
    /// The NFA is the reversed pattern's: see the field of [`Matcher`].
    reverse: bool,
    /// Some `\W*$` was narrowed (see [`Tail`]).
    narrowed: bool,
}

impl Compiled {
    /// Parses and compiles `pattern` within `nfa_size_limit` bytes of NFA,
    /// with each `\W*$` narrowed when `narrow` (see [`Tail`]).
    fn live(pattern: &str, nfa_size_limit: usize, narrow: bool) -> Option<Compiled> {
        let (hir, narrowed) = parse(pattern, narrow)?;
        let props = hir.properties();
        let anchored = props.look_set_prefix().contains(Look::Start);
        let groups = props.explicit_captures_len();
        let whole_group = groups == 1
            && matches!(hir.kind(), HirKind::Concat(parts) if matches!(
                parts.as_slice(),
                [start, group, end]
                    if start.kind() == &HirKind::Look(Look::Start)
                        && matches!(group.kind(), HirKind::Capture(_))
                        && end.kind() == &HirKind::Look(Look::End)
            ));
        let reverse =
            !anchored && props.look_set_suffix().contains(Look::End) && has_wide_gap(&hir);
        Some(Compiled {
            nfa: compile(&hir, nfa_size_limit, reverse)?,
            anchored,
            groups,
            whole_group,
            reverse,
            narrowed,
        })
    }
}

/// `hir` compiled with this thread's compiler: forward with every capture
/// group, or reversed (which takes no groups), within `nfa_size_limit` bytes.
fn compile(hir: &Hir, nfa_size_limit: usize, reverse: bool) -> Option<NFA> {
    let captures = match reverse {
        true => WhichCaptures::None,
        false => WhichCaptures::All,
    };
    COMPILER.with(|compiler| {
        let mut compiler = compiler.borrow_mut();
        // Every option a build depends on is set anew: the configuration
        // of the build before would carry over otherwise.
        compiler.configure(
            thompson::Config::new()
                .nfa_size_limit(Some(nfa_size_limit))
                .shrink(false)
                .reverse(reverse)
                .which_captures(captures),
        );
        compiler.build_from_hir(hir).ok()
    })
}

/// True when `hir` repeats something a varying number of times, up to a
/// bound: `.{0,60}`. A forward search from every position tracks each
/// partial match at each count, and its lazy DFA builds a state for every
/// mix of them; searched back from the end of the text, where a match must
/// end, it has one start. Elsewhere the reverse DFA does not pay: reversed
/// Unicode classes (`\W*$`) make more states than they save.
fn has_wide_gap(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Repetition(rep) => {
            rep.max.is_some_and(|max| max - rep.min >= WIDE_GAP) || has_wide_gap(&rep.sub)
        }
        HirKind::Capture(cap) => has_wide_gap(&cap.sub),
        HirKind::Concat(hirs) | HirKind::Alternation(hirs) => hirs.iter().any(has_wide_gap),
        _ => false,
    }
}

/// A bounded repetition whose counts span this many is wide: see
/// [`has_wide_gap`]. (`[0-9]{2,4}` is not.)
const WIDE_GAP: u32 = 8;

/// `pattern` parsed as [`NFA::compiler`] parses it (the same HIR, by
/// [`translate`]), or with each `\W*$` narrowed when `narrow` (see [`Tail`]);
/// with whether one was.
fn parse(pattern: &str, narrow: bool) -> Option<(Hir, bool)> {
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    let mut tail = Tail {
        narrow,
        narrowed: false,
    };
    let hir = translate(pattern, &ast, &mut Flags::default(), &mut tail)?;
    Some((hir, tail.narrowed))
}

/// What [`translate`] makes of a Unicode `\W*` (greedy or not) right before
/// `$` in a concatenation, as many built-in patterns end a branch (`… comment
/// here\W*$`). Its class has some 800 ranges, which cost hundreds of NFA
/// states and many more lazy DFA states; its part in [`NARROW_BLOCKS`] has
/// about 50, most of them in two blocks of UTF-8. Both match the same on a
/// text whose trailing run of non-word characters lies in those blocks: any
/// `\W*` that ends at the end of the text lies in that run. On other texts
/// the matcher asks the exact translation (see [`narrow_tail`]).
#[derive(Debug)]
struct Tail {
    /// Narrow such a `\W*` to the non-word characters of [`NARROW_BLOCKS`].
    narrow: bool,
    /// At least one was narrowed.
    narrowed: bool,
}

impl Tail {
    /// The repetition `part` when, followed by `next` in a concatenation with
    /// `flags` in force, it is a `\W*` to narrow: Unicode `\W`, from zero
    /// times unbounded, before the end of the text (`$` without `(?m)`, or
    /// `\z`).
    fn narrows<'a>(
        &self,
        part: &'a Ast,
        next: Option<&Ast>,
        flags: &Flags,
    ) -> Option<&'a ast::Repetition> {
        let Ast::Repetition(rep) = part else {
            return None;
        };
        let star = matches!(
            rep.op.kind,
            RepetitionKind::ZeroOrMore | RepetitionKind::Range(RepetitionRange::AtLeast(0))
        );
        let non_word = matches!(&*rep.ast, Ast::ClassPerl(class)
            if class.kind == ast::ClassPerlKind::Word && class.negated);
        let text_end = matches!(next, Some(Ast::Assertion(end)) if match end.kind {
            ast::AssertionKind::EndText => true,
            ast::AssertionKind::EndLine => !flags.multi_line.unwrap_or(false),
            _ => false,
        });
        (self.narrow && star && non_word && text_end && flags.unicode()).then_some(rep)
    }
}

/// The blocks of the non-word characters a narrowed `\W*$` keeps (see
/// [`Tail`]): those that end lines of text. Latin-1 (ASCII, NBSP, `«»©°×`),
/// general punctuation to dingbats (curly quotes, `…`, dashes, bullets,
/// zero-width and invisible characters, `€`, arrows, `❯`), CJK and
/// fullwidth punctuation (`。`, `：`), and emoji. A text whose trailing
/// non-word run has a character outside them (rare on the dev corpora) needs
/// the exact matcher; each block more costs NFA states in every narrowed
/// pattern. Word characters in them (`ª`, `ⁱ`, `Ⓐ`, U+20D0 combining marks)
/// are not kept: they end the run.
const NARROW_BLOCKS: [(char, char); 5] = [
    ('\u{0}', '\u{FF}'),
    ('\u{2000}', '\u{2BFF}'),
    ('\u{3000}', '\u{303F}'),
    ('\u{FF00}', '\u{FF65}'),
    ('\u{1F000}', '\u{1FAFF}'),
];

/// Unicode `\W` within [`NARROW_BLOCKS`], built once.
static NARROW_NON_WORD: Lazy<Option<Hir>> = Lazy::new(|| {
    let mut class = match regex_syntax::parse(r"\W").ok()?.into_kind() {
        HirKind::Class(Class::Unicode(class)) => class,
        _ => return None,
    };
    class.intersect(&ClassUnicode::new(
        NARROW_BLOCKS.map(|(start, end)| ClassUnicodeRange::new(start, end)),
    ));
    Some(Hir::class(Class::Unicode(class)))
});

/// True when the run of non-word characters (Unicode `\W`) that ends `text`
/// lies in [`NARROW_BLOCKS`], so that a pattern whose `\W*$` is narrowed (see
/// [`Tail`]) matches `text` as the exact one does. Reads back from the end to
/// the first word character, or the first character outside the blocks: a
/// few bytes.
#[inline]
fn narrow_tail(text: &str) -> bool {
    // Most texts end in an ASCII word character after a few ASCII non-word
    // ones: read bytes to the first non-ASCII one, and decode from there.
    for (i, &byte) in text.as_bytes().iter().enumerate().rev() {
        if !byte.is_ascii() {
            // The last byte of a character: a boundary follows.
            return text.get(..=i).is_some_and(narrow_tail_chars);
        }
        if regex_syntax::is_word_byte(byte) {
            return true;
        }
    }
    true
}

/// [`narrow_tail`] of a text that ends in a non-ASCII character.
fn narrow_tail_chars(text: &str) -> bool {
    for c in text.chars().rev() {
        let word = match u8::try_from(c) {
            Ok(byte) if byte.is_ascii() => regex_syntax::is_word_byte(byte),
            // An error (no Unicode tables) counts as a character outside the
            // blocks: it only costs the exact matcher.
            _ => match regex_syntax::try_is_word_character(c) {
                Ok(word) => word,
                Err(_) => return false,
            },
        };
        if word {
            return true;
        }
        if !NARROW_BLOCKS
            .iter()
            .any(|&(start, end)| (start..=end).contains(&c))
        {
            return false;
        }
    }
    true
}

/// The flags in force at a point of a pattern, as the regex-syntax translator
/// keeps them: each unset, set or cleared (`(?i)`, `(?-i)`), a group's own
/// flags lasting to its end and a bare `(?i)` to the end of the group it is in.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flags {
    case_insensitive: Option<bool>,
    multi_line: Option<bool>,
    dot_matches_new_line: Option<bool>,
    swap_greed: Option<bool>,
    unicode: Option<bool>,
    crlf: Option<bool>,
}

impl Flags {
    /// Applies the flags of `(?…)`; `x` is the parser's alone.
    pub(crate) fn apply(&mut self, ast: &ast::Flags) {
        let mut enable = true;
        for item in &ast.items {
            let flag = match item.kind {
                ast::FlagsItemKind::Negation => {
                    enable = false;
                    continue;
                }
                ast::FlagsItemKind::Flag(flag) => flag,
            };
            let slot = match flag {
                ast::Flag::CaseInsensitive => &mut self.case_insensitive,
                ast::Flag::MultiLine => &mut self.multi_line,
                ast::Flag::DotMatchesNewLine => &mut self.dot_matches_new_line,
                ast::Flag::SwapGreed => &mut self.swap_greed,
                ast::Flag::Unicode => &mut self.unicode,
                ast::Flag::CRLF => &mut self.crlf,
                ast::Flag::IgnoreWhitespace => continue,
            };
            *slot = Some(enable);
        }
    }

    /// A regex-syntax translator starting with these flags: what it makes of
    /// a leaf of the syntax tree depends on nothing else.
    fn translator(&self) -> Translator {
        TranslatorBuilder::new()
            .case_insensitive(self.case_insensitive())
            .multi_line(self.multi_line.unwrap_or(false))
            .dot_matches_new_line(self.dot_matches_new_line.unwrap_or(false))
            .swap_greed(self.swap_greed.unwrap_or(false))
            .unicode(self.unicode())
            .crlf(self.crlf.unwrap_or(false))
            .build()
    }

    /// Characters match their case variants (`(?i)`).
    pub(crate) fn case_insensitive(&self) -> bool {
        self.case_insensitive.unwrap_or(false)
    }

    /// Unicode mode, the default (without it `\xFF` is a byte).
    fn unicode(&self) -> bool {
        self.unicode.unwrap_or(true)
    }

    /// The byte of `ast` when it is an ASCII character that stands for itself
    /// alone, not a letter under `(?i)` (whose case forms make a class).
    fn plain_byte(&self, ast: &Ast) -> Option<u8> {
        let Ast::Literal(lit) = ast else {
            return None;
        };
        let folds = self.case_insensitive() && lit.c.is_ascii_alphabetic();
        u8::try_from(lit.c)
            .ok()
            .filter(|b| b.is_ascii() && self.unicode() && !folds)
    }
}

/// The class of an ASCII letter under `(?i)`: its known case forms. A copy
/// of the one built for its letter in [`LETTER_CLASSES`]: a copy costs a
/// fraction of building the class anew, and a built-in pattern set holds
/// some 24,000 such letters.
fn ascii_letter_class(c: char) -> Hir {
    let built = u8::try_from(c)
        .ok()
        .and_then(|byte| LETTER_CLASSES.get(usize::from(byte)));
    match built {
        Some(class) => class.clone(),
        None => case_class(c),
    }
}

/// The class of every ASCII character under `(?i)`, by its code, built once
/// (those of letters are used).
static LETTER_CLASSES: Lazy<Vec<Hir>> =
    Lazy::new(|| (0..=127).map(|byte| case_class(char::from(byte))).collect());

/// The class of `c` and its case forms.
fn case_class(c: char) -> Hir {
    let forms = crate::prefilter::case_forms(c).map(|f| ClassUnicodeRange::new(f, f));
    Hir::class(Class::Unicode(ClassUnicode::new(forms)))
}

/// The HIR of `ast` (of `pattern`), the same as the regex-syntax translator's
/// (a test compares them on every built-in pattern), for a share of its cost.
/// The built-in patterns are mostly case-insensitive phrases, and the
/// translator spends most of its time folding the case of each letter through
/// the Unicode tables, pushing it on a heap stack on the way. Here a run of
/// plain characters becomes one literal, an ASCII letter under `(?i)` a class
/// of its known case forms, and the tree is walked by recursion (the parser
/// bounds its depth); every other leaf (classes, `.`, assertions, non-ASCII
/// letters) goes to the translator, with the flags in force there. `None` when
/// the translator rejects a leaf, as it would the whole pattern.
fn translate(pattern: &str, ast: &Ast, flags: &mut Flags, tail: &mut Tail) -> Option<Hir> {
    Some(match ast {
        Ast::Empty(_) => Hir::empty(),
        Ast::Flags(set) => {
            flags.apply(&set.flags);
            Hir::empty()
        }
        Ast::Literal(lit) if lit.c.is_ascii() && flags.unicode() => match flags.plain_byte(ast) {
            Some(byte) => Hir::literal([byte]),
            None => ascii_letter_class(lit.c),
        },
        Ast::Repetition(rep) => repetition(rep, translate(pattern, &rep.ast, flags, tail)?, flags),
        Ast::Group(group) => {
            let outer = *flags;
            if let Some(set) = group.flags() {
                flags.apply(set);
            }
            let sub = translate(pattern, &group.ast, flags, tail);
            *flags = outer;
            let (index, name) = match &group.kind {
                GroupKind::CaptureIndex(index) => (*index, None),
                GroupKind::CaptureName { name, .. } => {
                    (name.index, Some(name.name.as_str().into()))
                }
                GroupKind::NonCapturing(_) => return sub,
            };
            Hir::capture(Capture {
                index,
                name,
                sub: Box::new(sub?),
            })
        }
        Ast::Concat(concat) => {
            let mut subs = Vec::with_capacity(concat.asts.len());
            let mut run = Vec::new();
            for (k, part) in concat.asts.iter().enumerate() {
                if let Some(byte) = flags.plain_byte(part) {
                    run.push(byte);
                    continue;
                }
                if !run.is_empty() {
                    subs.push(Hir::literal(std::mem::take(&mut run)));
                }
                if let Some(rep) = tail.narrows(part, concat.asts.get(k + 1), flags) {
                    tail.narrowed = true;
                    subs.push(repetition(rep, NARROW_NON_WORD.clone()?, flags));
                    continue;
                }
                let sub = translate(pattern, part, flags, tail)?;
                if sub.kind() != &HirKind::Empty {
                    subs.push(sub);
                }
            }
            if !run.is_empty() {
                subs.push(Hir::literal(run));
            }
            Hir::concat(subs)
        }
        // Flags set in one branch stay set in the next, as in the translator.
        Ast::Alternation(alt) => Hir::alternation(
            alt.asts
                .iter()
                .map(|branch| translate(pattern, branch, flags, tail))
                .collect::<Option<_>>()?,
        ),
        leaf => flags.translator().translate(pattern, leaf).ok()?,
    })
}

/// The HIR of repetition `rep` of `sub` with `flags` in force.
fn repetition(rep: &ast::Repetition, sub: Hir, flags: &Flags) -> Hir {
    let (min, max) = match rep.op.kind {
        RepetitionKind::ZeroOrOne => (0, Some(1)),
        RepetitionKind::ZeroOrMore => (0, None),
        RepetitionKind::OneOrMore => (1, None),
        RepetitionKind::Range(RepetitionRange::Exactly(n)) => (n, Some(n)),
        RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (n, None),
        RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (m, Some(n)),
    };
    Hir::repetition(Repetition {
        min,
        max,
        greedy: rep.greedy != flags.swap_greed.unwrap_or(false),
        sub: Box::new(sub),
    })
}

/// The bytes that can start a match of a pattern anchored at the start of
/// the text, found once from its NFA: most units a prefilter hands to such
/// a rule (`^(?:advertisement|ads?)…` woken by `ad` inside a sentence)
/// start with another byte, and one table lookup answers them where the lazy
/// DFA's search costs a few hundred instructions.
#[derive(Debug)]
struct FirstBytes {
    /// Bit `b % 64` of word `b / 64` is set when byte `b` can start a match.
    bytes: [u64; 4],
    /// The pattern can match the empty text.
    empty: bool,
}

impl FirstBytes {
    /// The first bytes of the anchored matches of `nfa`: those of the
    /// transitions reachable from its anchored start without reading a byte.
    /// Look-arounds count as passed (more bytes allowed, never fewer), and a
    /// match state reached so counts as a possible empty match, which allows
    /// every text.
    fn of(nfa: &NFA) -> FirstBytes {
        let mut first = FirstBytes {
            bytes: [0; 4],
            empty: false,
        };
        let mut seen = vec![false; nfa.states().len()];
        let mut stack = vec![nfa.start_anchored()];
        while let Some(id) = stack.pop() {
            let (Some(done), Some(state)) =
                (seen.get_mut(id.as_usize()), nfa.states().get(id.as_usize()))
            else {
                continue;
            };
            if std::mem::replace(done, true) {
                continue;
            }
            match state {
                State::ByteRange { trans } => first.add(trans.start, trans.end),
                State::Sparse(sparse) => {
                    for t in sparse.transitions.iter() {
                        first.add(t.start, t.end);
                    }
                }
                // The compiler makes none; every byte, to be safe.
                State::Dense(_) => first.add(0, 255),
                State::Look { next, .. } | State::Capture { next, .. } => stack.push(*next),
                State::Union { alternates } => stack.extend(alternates.iter().copied()),
                State::BinaryUnion { alt1, alt2 } => stack.extend([*alt1, *alt2]),
                State::Fail => {}
                State::Match { .. } => first.empty = true,
            }
        }
        first
    }

    fn add(&mut self, start: u8, end: u8) {
        for b in start..=end {
            self.bytes[usize::from(b / 64)] |= 1 << (b % 64);
        }
    }

    /// False when no match can start at the start of `text`.
    #[inline]
    fn allows(&self, text: &str) -> bool {
        match text.as_bytes().first() {
            _ if self.empty => true,
            Some(&b) => self.bytes[usize::from(b / 64)] & (1 << (b % 64)) != 0,
            None => false,
        }
    }
}

impl NfaEngines {
    fn new(nfa: NFA) -> Option<NfaEngines> {
        Some(NfaEngines {
            backtracker: BoundedBacktracker::builder()
                .build_from_nfa(nfa.clone())
                .ok()?,
            pikevm: PikeVM::builder().build_from_nfa(nfa).ok()?,
        })
    }
}

impl Matcher {
    /// Compiles `pattern` (regex crate syntax) within `nfa_size_limit` bytes of
    /// NFA and a lazy DFA cache of `dfa_cache_bytes`. `None` when it does not
    /// compile; the built-in patterns all do (the tests say so).
    pub fn new(pattern: &str, nfa_size_limit: usize, dfa_cache_bytes: usize) -> Option<Matcher> {
        let source = Source {
            pattern: pattern.into(),
            nfa_size_limit,
            dfa_cache_bytes,
        };
        let compiled = frozen::thaw(pattern, nfa_size_limit)
            .or_else(|| Compiled::live(pattern, nfa_size_limit, true))?;
        Matcher::build(compiled, source)
    }

    /// The matcher of `compiled`, compiled from `source`.
    fn build(compiled: Compiled, source: Source) -> Option<Matcher> {
        let Compiled {
            nfa,
            anchored,
            groups,
            whole_group,
            reverse,
            narrowed,
        } = compiled;
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    .cache_capacity(source.dfa_cache_bytes)
                    // A Unicode `\b` cannot be decided byte by byte: the DFA
                    // stops at the first non-ASCII byte and the NFA takes over.
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(DFA_MIN_CACHE_CLEARS))
                    .minimum_bytes_per_state(Some(DFA_MIN_BYTES_PER_STATE)),
            )
            .build_from_nfa(nfa.clone())
            .ok()?;
        let first = (anchored && !reverse).then(|| FirstBytes::of(&nfa));
        let engines = match reverse {
            true => OnceCell::new(),
            false => OnceCell::with_value(Some(NfaEngines::new(nfa)?)),
        };
        Some(Matcher {
            dfa,
            reverse,
            anchored: match anchored {
                true => Anchored::Yes,
                false => Anchored::No,
            },
            nfa: engines,
            source,
            narrowed,
            exact: OnceCell::new(),
            groups,
            whole_group,
            first,
        })
    }

    /// The engines over the forward NFA, built on first need.
    fn engines(&self) -> Option<&NfaEngines> {
        self.nfa
            .get_or_init(|| {
                let (hir, _) = parse(&self.source.pattern, self.narrowed)?;
                NfaEngines::new(compile(&hir, self.source.nfa_size_limit, false)?)
            })
            .as_ref()
    }

    /// True when this matcher is narrowed and `text` is one it cannot answer
    /// (see [`narrow_tail`]): the exact matcher must.
    #[inline]
    fn needs_exact(&self, text: &str) -> bool {
        self.narrowed && !narrow_tail(text)
    }

    /// The exact matcher, compiled on first need, and its search state in
    /// `cache`. Should the exact pattern not compile (the tests say the
    /// built-in ones do), its rule never fires, as a rule whose pattern does
    /// not compile.
    fn exact<'c>(&self, cache: &'c mut MatchCache) -> Option<(&Matcher, &'c mut MatchCache)> {
        let exact = self
            .exact
            .get_or_init(|| {
                let source = Source {
                    pattern: self.source.pattern.clone(),
                    ..self.source
                };
                let compiled = Compiled::live(&source.pattern, source.nfa_size_limit, false)?;
                Matcher::build(compiled, source).map(Box::new)
            })
            .as_deref()?;
        let cache = cache
            .exact
            .get_or_insert_with(|| Box::new(exact.create_cache()));
        Some((exact, cache))
    }

    /// Fresh search state for this matcher.
    pub fn create_cache(&self) -> MatchCache {
        MatchCache {
            dfa: self.dfa.create_cache(),
            backtracker: None,
            pikevm: None,
            exact: None,
        }
    }

    /// True when the pattern matches somewhere in `text`.
    pub fn is_match(&self, cache: &mut MatchCache, text: &str) -> bool {
        if self.needs_exact(text) {
            return self
                .exact(cache)
                .is_some_and(|(exact, cache)| exact.is_match(cache, text));
        }
        if let Some(first) = &self.first
            && !first.allows(text)
        {
            return false;
        }
        let input = Input::new(text).anchored(self.anchored).earliest(true);
        let found = match self.reverse {
            // Anchored at the end, for a reverse search.
            true => self
                .dfa
                .try_search_rev(&mut cache.dfa, &input.clone().anchored(Anchored::Yes))
                .map(|m| m.is_some()),
            false => self
                .dfa
                .try_search_fwd(&mut cache.dfa, &input)
                .map(|m| m.is_some()),
        };
        match found {
            Ok(found) => found,
            Err(_) => self.engines().is_some_and(|nfa| {
                let pikevm = cache
                    .pikevm
                    .get_or_insert_with(|| nfa.pikevm.create_cache());
                nfa.pikevm.is_match(pikevm, input)
            }),
        }
    }

    /// The number of capture groups of the pattern (not counting the whole
    /// match's).
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// The capture groups of the leftmost-first match in `text`, if any.
    pub fn captures(&self, cache: &mut MatchCache, text: &str) -> Option<Captures> {
        if self.needs_exact(text) {
            let (exact, cache) = self.exact(cache)?;
            return exact.captures(cache, text);
        }
        let nfa = self.engines()?;
        if self.whole_group {
            if !self.is_match(cache, text) {
                return None;
            }
            let mut caps = nfa.pikevm.create_captures();
            caps.set_pattern(Some(PatternID::ZERO));
            // The whole match's slots, then the group's.
            for pair in caps.slots_mut().chunks_mut(2) {
                pair[0] = NonMaxUsize::new(0);
                pair[1] = NonMaxUsize::new(text.len());
            }
            return Some(caps);
        }
        let input = Input::new(text).anchored(self.anchored);
        let mut caps = nfa.pikevm.create_captures();
        if text.len() <= nfa.backtracker.max_haystack_len() {
            // Within its limit the backtracker cannot fail; should it, the
            // PikeVM below still answers.
            let backtracker = cache
                .backtracker
                .get_or_insert_with(|| nfa.backtracker.create_cache());
            let searched = nfa
                .backtracker
                .try_captures(backtracker, input.clone(), &mut caps);
            if searched.is_ok() {
                return caps.is_match().then_some(caps);
            }
        }
        let pikevm = cache
            .pikevm
            .get_or_insert_with(|| nfa.pikevm.create_cache());
        nfa.pikevm.captures(pikevm, input, &mut caps);
        caps.is_match().then_some(caps)
    }
}

/// Index → the search state of its [`Matcher`] (created on first use), one
/// set per thread.
pub(crate) type Caches = Vec<Option<MatchCache>>;

/// The search state of `matcher`, number `i`, in this thread's `caches`.
pub(crate) fn cache<'c>(caches: &'c mut Caches, i: usize, matcher: &Matcher) -> &'c mut MatchCache {
    if caches.len() <= i {
        caches.resize_with(i + 1, || None);
    }
    caches[i].get_or_insert_with(|| matcher.create_cache())
}

/// Lean matchers for a fixed list of patterns that only ask "does it match?"
/// (the form detector's vocabulary, the title's page furniture), each compiled
/// the first time it is asked (a text that never gets near a kind of form
/// vocabulary never pays for its matcher), with their search state kept per
/// thread.
#[derive(Debug)]
pub(crate) struct MatcherSet {
    /// Pattern `k`.
    patterns: &'static [&'static str],
    /// Pattern `k` → its matcher, once compiled (`None` if it did not compile).
    matchers: Vec<OnceCell<Option<Matcher>>>,
    /// Within this many bytes of NFA each.
    nfa_size_limit: usize,
    /// With a lazy DFA cache of this many bytes each.
    dfa_cache_bytes: usize,
    /// The literals each pattern requires, over all of them: a text is
    /// searched only by the patterns whose literals it holds. Built on first
    /// use, like the matchers.
    prefilter: OnceCell<Prefilter>,
    /// Their search state: each caller takes one set per scan.
    caches: Pool<SetCaches>,
}

/// The search state of a [`MatcherSet`] in one thread: each matcher's, and
/// the prefilter's scratch space.
#[derive(Debug, Default)]
pub(crate) struct SetCaches {
    matchers: Caches,
    seen: Seen,
    candidates: Vec<usize>,
}

impl MatcherSet {
    /// Matchers for `patterns`, to be compiled within `nfa_size_limit` bytes of
    /// NFA and a lazy DFA cache of `dfa_cache_bytes` each.
    /// At most 64 patterns, one bit each in [`MatcherSet::possible`].
    pub fn new<const N: usize>(
        patterns: &'static [&'static str; N],
        nfa_size_limit: usize,
        dfa_cache_bytes: usize,
    ) -> MatcherSet {
        const { assert!(N <= 64) };
        MatcherSet {
            patterns,
            matchers: patterns.iter().map(|_| OnceCell::new()).collect(),
            nfa_size_limit,
            dfa_cache_bytes,
            prefilter: OnceCell::new(),
            caches: Pool::new(SetCaches::default),
        }
    }

    /// The matcher of pattern `k`, compiled on first use.
    fn matcher(&self, k: usize) -> Option<&Matcher> {
        let pattern = self.patterns.get(k)?;
        self.matchers
            .get(k)?
            .get_or_init(|| Matcher::new(pattern, self.nfa_size_limit, self.dfa_cache_bytes))
            .as_ref()
    }

    /// This thread's search state, for any number of [`MatcherSet::is_match`] calls.
    pub fn caches(&self) -> PoolGuard<'_, SetCaches, fn() -> SetCaches> {
        self.caches.get()
    }

    /// True when pattern `k` compiles and matches `text`.
    pub fn is_match(&self, k: usize, text: &str, caches: &mut SetCaches) -> bool {
        match self.matcher(k) {
            Some(matcher) => matcher.is_match(cache(&mut caches.matchers, k, matcher), text),
            None => false,
        }
    }

    /// The patterns that could match `text`, bit `k` for pattern `k`: those
    /// whose required literals it holds (one scan of it), and those with none.
    pub fn possible(&self, text: &str, caches: &mut SetCaches) -> u64 {
        let prefilter = self
            .prefilter
            .get_or_init(|| Prefilter::new(self.patterns.iter().copied().enumerate()));
        let SetCaches {
            seen, candidates, ..
        } = caches;
        prefilter.candidates(text, seen, candidates);
        candidates
            .iter()
            .filter(|&&k| k < 64)
            .fold(0, |mask, &k| mask | (1 << k))
    }

    /// True when any pattern matches `text`. Only the [`MatcherSet::possible`]
    /// ones search it: most texts hold the literals of few or none.
    pub fn is_any_match(&self, text: &str, caches: &mut SetCaches) -> bool {
        let possible = self.possible(text, caches);
        (0..self.patterns.len()).any(|k| possible & (1 << k) != 0 && self.is_match(k, text, caches))
    }

    /// Asserts that every pattern compiles and that, on each of `texts`, its
    /// matcher agrees with the full regex.
    #[cfg(test)]
    pub fn assert_agrees_on(&self, texts: &[&str]) {
        assert!((0..self.patterns.len()).all(|k| self.matcher(k).is_some()));
        self.patterns
            .iter()
            .for_each(|p| testing::assert_same_hir(p));
        let mut caches = self.caches();
        for (k, pattern) in self.patterns.iter().enumerate() {
            let regex = regex::Regex::new(pattern).expect("compiles");
            for text in texts {
                assert_eq!(
                    self.is_match(k, text, &mut caches),
                    regex.is_match(text),
                    "{k} {text:?}"
                );
            }
        }
    }
}

/// Test helpers: the matcher of every built-in rule against its full regex.
#[cfg(test)]
pub(crate) mod testing {
    use once_cell::sync::Lazy;
    use regex::Regex;
    use regex_automata::util::pool::Pool;

    use super::{MatchCache, Matcher, NARROW_BLOCKS};
    use crate::engine::{DFA_CACHE_LIMIT, PATTERN_SIZE_LIMIT};

    /// Every built-in rule with a pattern: its id, matcher and full regex.
    /// Every top-level alternative of a pattern comes too (`id|k`): the engine
    /// checks split rules one alternative at a time.
    static BOTH: Lazy<Vec<(String, Matcher, Regex)>> = Lazy::new(|| {
        let mut both = Vec::new();
        for rule in crate::rules::builtin_rules() {
            let Some(pattern) = rule.pattern() else {
                continue;
            };
            let parts = crate::prefilter::alternatives(pattern).unwrap_or_default();
            let parts = parts
                .into_iter()
                .enumerate()
                .map(|(k, (p, _))| (format!("{}|{k}", rule.id()), p));
            for (id, pattern) in
                std::iter::once((rule.id().to_string(), pattern.to_string())).chain(parts)
            {
                assert_same_hir(&pattern);
                let matcher = Matcher::new(&pattern, PATTERN_SIZE_LIMIT, DFA_CACHE_LIMIT)
                    .unwrap_or_else(|| panic!("{id} compiles lean"));
                let regex = Regex::new(&pattern).expect("built-in patterns compile");
                both.push((id, matcher, regex));
            }
        }
        both
    });

    /// Asserts that [`super::parse`] gives `pattern` the regex-syntax
    /// parser's HIR, so that its exact matcher is the regex crate's; and that
    /// narrowed it gives that of `pattern` with each `\W*$` spelled as `\W`
    /// within [`NARROW_BLOCKS`] (which holds for patterns that spell no `$`
    /// under `(?m)`, as the built-in ones), and nothing else changed.
    pub fn assert_same_hir(pattern: &str) {
        let parse = |p: &str| regex_syntax::Parser::new().parse(p).expect("valid");
        let want = parse(pattern);
        assert_eq!(
            super::parse(pattern, false),
            Some((want, false)),
            "{pattern}"
        );
        let blocks: String = NARROW_BLOCKS
            .iter()
            .map(|&(start, end)| {
                format!(r"\x{{{:X}}}-\x{{{:X}}}", u32::from(start), u32::from(end))
            })
            .collect();
        let spelled = pattern.replace(r"\W*$", &format!(r"(?-i:[\W&&[{blocks}]])*$"));
        let narrowed = spelled != pattern;
        let want = parse(&spelled);
        assert_eq!(
            super::parse(pattern, true),
            Some((want, narrowed)),
            "{spelled}"
        );
    }

    /// Characters a text may end with: ASCII word and non-word ones, and
    /// non-ASCII ones of both kinds, in [`NARROW_BLOCKS`] and not. U+0301,
    /// the zero-width joiner, `ª`, `ⓐ` and U+20D7 are word characters to the
    /// regex crate; NBSP, `…`, `»`, `©`, emoji, U+2028, `⸺`, `�` and private
    /// use characters are not, and the last three are outside the blocks.
    pub const TAIL_CHARS: [char; 30] = [
        '.', '!', ' ', '\n', '-', ')', 'a', 'Z', '1', '_', '\u{A0}', '»', '›', '…', '©', '–', '🙂',
        '\u{2028}', '⸺', '\u{FFFD}', '\u{E000}', 'é', 'ß', '日', '\u{301}', '\u{200D}', '٣', 'ª',
        'ⓐ', '\u{20D7}',
    ];

    /// Search state for [`BOTH`], one set per test thread at a time.
    static CACHES: Lazy<Pool<Vec<MatchCache>>> =
        Lazy::new(|| Pool::new(|| BOTH.iter().map(|(_, m, _)| m.create_cache()).collect()));

    /// Asserts that on `text` every built-in rule's matcher agrees with its
    /// regex: whether it matches, and where each of its groups is.
    pub fn assert_agrees(text: &str) {
        let mut caches = CACHES.get();
        for ((id, matcher, regex), cache) in BOTH.iter().zip(caches.iter_mut()) {
            let matched = regex.is_match(text);
            assert_eq!(matcher.is_match(cache, text), matched, "{id} on {text:?}");
            let lean = matcher.captures(cache, text);
            let full = regex.captures(text);
            assert_eq!(lean.is_some(), matched, "{id} captures {text:?}");
            let (Some(lean), Some(full)) = (lean, full) else {
                continue;
            };
            for (g, name) in regex.capture_names().enumerate() {
                let want = full.get(g).map(|m| m.range());
                let got = lean.get_group(g).map(|s| s.range());
                assert_eq!(got, want, "{id} group {g} ({name:?}) on {text:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{TAIL_CHARS, assert_agrees};
    use super::*;

    fn first_bytes(pattern: &str) -> Option<FirstBytes> {
        let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
        matcher.first
    }

    /// An anchored pattern turns away texts that start with a byte no match
    /// starts with, and only those; others have no first bytes.
    #[test]
    fn anchored_patterns_know_their_first_bytes() {
        let first = first_bytes(r"(?i)^(?:ad|(?P<b>bc)|\bé)").expect("anchored");
        for text in ["Ad block", "ad", "BC", "é", "éa"] {
            assert!(first.allows(text), "{text:?}");
        }
        for text in ["", "x", " ad", "E"] {
            assert!(!first.allows(text), "{text:?}");
        }
        let empty = first_bytes(r"^\W*$").expect("anchored");
        assert!(empty.allows("") && empty.allows("x"));
        assert!(first_bytes(r"ad$").is_none());
        assert!(first_bytes(r"^the .{0,60} app\W*$").is_some());
        // And the matcher agrees with the regex either way.
        let pattern = r"(?i)^(?:ad|(?P<b>bc)|\bé)";
        let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
        let regex = regex::Regex::new(pattern).expect("compiles");
        let mut cache = matcher.create_cache();
        for text in ["Ad block", "ad", "BC", "é", "", "x", " ad"] {
            assert_eq!(
                matcher.is_match(&mut cache, text),
                regex.is_match(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn agrees_with_the_regex_on_every_fixture_line() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut lines = 0;
        for sub in [dir.clone(), dir.join("shapes")] {
            for entry in std::fs::read_dir(sub).expect("fixtures") {
                let path = entry.expect("entry").path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(path).expect("UTF-8 fixture");
                    for line in text.lines() {
                        assert_agrees(line);
                        assert_agrees(line.trim());
                        lines += 1;
                    }
                }
            }
        }
        assert!(lines > 100, "{lines} lines");
    }

    #[test]
    fn agrees_on_non_ascii_long_and_empty_text() {
        // The long one is past the backtracker's limit: the PikeVM searches it.
        for text in [
            "",
            "Veröffentlicht am 3. März 2021, 10:31 Uhr",
            "Mis à jour le 12 février 2019 à 18h03",
            "Opublikowano: 12 października 2020",
            &"Published: 23 September 2017 ".repeat(2_000),
            "Ｐｕｂｌｉｓｈｅｄ: ２３ Ｓｅｐｔｅｍｂｅｒ ２０１７",
        ] {
            assert_agrees(text);
        }
    }

    /// A Unicode `\b` on non-ASCII text stops the lazy DFA; the PikeVM answers.
    #[test]
    fn a_unicode_word_boundary_falls_back_to_the_nfa() {
        let matcher = Matcher::new(r"\bstraße\b", 1 << 20, 1 << 20).expect("compiles");
        let mut cache = matcher.create_cache();
        assert!(matcher.is_match(&mut cache, "die straße hier"));
        assert!(!matcher.is_match(&mut cache, "die straßen hier"));
        let caps = matcher.captures(&mut cache, "die straße").expect("matches");
        assert_eq!(caps.get_match().map(|m| m.range()), Some(4..11));
    }

    /// A pattern anchored at the end with a wide gap is searched backwards
    /// from the end; it matches where the regex does, falls back to the
    /// forward NFA on a Unicode `\b`, and finds its groups with it.
    #[test]
    fn a_reverse_matcher_agrees_with_the_regex() {
        let app = crate::rules::builtin_rules()
            .find(|r| r.id() == "promo.app_download")
            .and_then(|r| r.pattern())
            .expect("the app promotion rule");
        let first = crate::prefilter::alternatives(app).expect("an alternation")[0]
            .0
            .clone();
        let texts = [
            "",
            "Download the News Nation App available on Android and iOS.",
            "Download the News Nation App available on Android and iOS. Or not",
            "Our app is available on the App Store and Google Play",
            "Users who download the new app must agree to share their location on iOS devices.",
            "the app on ios",
            "theapp on ios",
            "the straße app für iOS",
            "die straße, 12 Schritte",
            "die Straßenbahn, 12 Schritte",
            "a 12345 b",
            "THE ÄPP ON ſIRI IOS!!",
        ];
        for pattern in [
            first.as_str(),
            r"\bstraße\b.{0,20}$",
            r"(?P<value>[0-9]+)\D{0,10}$",
        ] {
            let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
            assert!(matcher.reverse, "{pattern}");
            let regex = regex::Regex::new(pattern).expect("valid");
            let mut cache = matcher.create_cache();
            for text in texts {
                let matched = regex.is_match(text);
                assert_eq!(
                    matcher.is_match(&mut cache, text),
                    matched,
                    "{pattern} on {text:?}"
                );
                assert_same_captures(&matcher, &mut cache, &regex, text);
            }
        }
        // Not anchored at the end, or no wide gap: forward.
        for pattern in [r"the.{0,60}app", r"(?i)the app\W*$", r"^the.{0,60}app$"] {
            let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
            assert!(!matcher.reverse, "{pattern}");
        }
    }

    /// `^(?P<value>…)$`: the match and its group are the whole text, found
    /// without a search; other shapes are searched.
    #[test]
    fn a_group_around_the_whole_pattern_needs_no_search() {
        let timestamp = crate::rules::builtin_rules()
            .find(|r| r.id() == "metadata.timestamp")
            .and_then(|r| r.pattern())
            .expect("the timestamp rule");
        let texts = ["12 March", "12 March 2020", "x12 March", "", "7 a", "7 ä\n"];
        for (pattern, whole) in [
            (timestamp, true),
            (r"(?i)^(?P<value>[0-9]+ \w+)$", true),
            (r"^(?P<value>[0-9]+) \w+$", false),
            (r"^(?P<value>[0-9]+ \w+)(?P<x>)$", false),
            (r"(?P<value>[0-9]+ \w+)$", false),
            (r"^(?:[0-9]+ \w+)$", false),
        ] {
            let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
            assert_eq!(matcher.whole_group, whole, "{pattern}");
            let regex = regex::Regex::new(pattern).expect("valid");
            let mut cache = matcher.create_cache();
            for text in texts {
                assert_same_captures(&matcher, &mut cache, &regex, text);
            }
        }
    }

    /// The lean matcher finds a match on `text` exactly when `regex` does, with
    /// the same groups at the same places.
    fn assert_same_captures(
        matcher: &Matcher,
        cache: &mut MatchCache,
        regex: &regex::Regex,
        text: &str,
    ) {
        let pattern = regex.as_str();
        let full = regex.captures(text);
        let lean = matcher.captures(cache, text);
        assert_eq!(lean.is_some(), full.is_some(), "{pattern} on {text:?}");
        let (Some(lean), Some(full)) = (lean, full) else {
            return;
        };
        for g in 0..full.len() {
            let got = lean.get_group(g).map(|s| s.range());
            assert_eq!(
                got,
                full.get(g).map(|m| m.range()),
                "{pattern} {g} {text:?}"
            );
        }
        assert_eq!(lean.group_len(), full.len());
    }

    /// The translation follows the flags as the regex-syntax translator
    /// does: into groups and out again, from one branch to the next, and
    /// whatever their mix; and it rejects what that rejects.
    #[test]
    fn the_translation_is_regex_syntaxs() {
        for pattern in [
            "",
            r"a(?i)b|c",
            r"(?i)a(?-i:b)c|(?:d)e",
            r"(?i:ab)c(?u)d",
            r"(?i)kelvin SIGN ſ K ß ÄÖÜ é",
            r"(?i)[a-z]+ \w+ \p{Lu} [^ä] x{2,5}? y{3} z{2,} .",
            r"(?U)a+b*?(?-U)c+",
            r"(?s).(?-s).(?m)^$(?-m)^$(?R)^.$",
            r"(?i)(?-u:\b)word\b(?-u)\x41\B",
            "(?x) a b # comment\n c",
            r"(?P<value>a)(b)(?<credit>(?i)c)|d",
            r"a||b|(?:)|()",
            r"\x{1F600}\u00E9\t\.\*",
        ] {
            testing::assert_same_hir(pattern);
        }
        for pattern in [r"(?-u)\xFF", r"(?-u)\W", r"(?-u:.)", r"\p{Bogus}", "(a"] {
            assert!(
                regex_syntax::Parser::new().parse(pattern).is_err(),
                "{pattern}"
            );
            assert!(parse(pattern, false).is_none(), "{pattern}");
            assert!(parse(pattern, true).is_none(), "{pattern}");
        }
    }

    /// Whether a text's trailing non-word run lies in the narrowed blocks.
    #[test]
    fn the_tail_scan_stops_at_the_first_word_character_or_one_outside_the_blocks() {
        for (text, narrow) in [
            ("", true),
            ("...", true),
            ("comment here", true),
            ("comment here !!", true),
            ("comment here »", true),
            ("“Not on Netflix.”", true),
            ("comment here … 🙂 \u{A0}", true),
            ("comment here �", false),
            ("comment here ⸺ .", false),
            ("comment here \u{E000}", false),
            ("� comment here", true),
            ("�x.", true),
            ("café", true),
            ("café.", true),
            ("straße", true),
            ("日本", true),
            ("日本。", true),
            ("e\u{301}", true),
            ("e\u{301} �", false),
            ("�\u{301} .", true),
            ("�\u{200D}", true),
            ("�ª", true),
            ("�ⓐ", true),
            ("�\u{20D7}", true),
            ("�", false),
            ("\u{A0}", true),
        ] {
            assert_eq!(narrow_tail(text), narrow, "{text:?}");
        }
    }

    /// Only a Unicode `\W*` right before the end of the text is narrowed;
    /// narrowed and not, a pattern agrees with the regex on texts that end in
    /// characters in [`NARROW_BLOCKS`] and outside them, and the exact
    /// matcher is compiled only for the latter.
    #[test]
    fn only_a_non_word_run_before_the_end_is_narrowed() {
        for (pattern, narrowed) in [
            (r"(?i)^comment here\W*$", true),
            (r"here\W*?$|there", true),
            (r"(?:here|there)\W{0,}\z", true),
            (r"(?P<x>here)(?P<y>\W)?\W*$", true),
            (r"(?U)(here\W*$)+", true),
            (r"(?m)here\W*$", false),
            (r"here\W+$", false),
            (r"here\W{0,9}$", false),
            (r"here\W*\b$", false),
            (r"here(?:\W*)$", false),
            (r"here(\W*)$", false),
            (r"here[^\w]*$", false),
            (r"here\W*", false),
            (r"^\W*here", false),
            (r"(?-u:\W)*$", false),
        ] {
            let Some((_, got)) = parse(pattern, true) else {
                // Rejected as the regex crate rejects it.
                assert!(regex::Regex::new(pattern).is_err(), "{pattern}");
                continue;
            };
            assert_eq!(got, narrowed, "{pattern}");
            let matcher = Matcher::new(pattern, 2 << 20, 16 << 20).expect("compiles");
            assert_eq!(matcher.narrowed, narrowed, "{pattern}");
            let regex = regex::Regex::new(pattern).expect("valid");
            let mut cache = matcher.create_cache();
            for tail in ["", ".", " !)", "\n", " »", "…”", "\u{A0}🙂", "é"] {
                for text in [format!("comment here{tail}"), format!("x there{tail}")] {
                    assert_eq!(matcher.is_match(&mut cache, &text), regex.is_match(&text));
                    assert_same_captures(&matcher, &mut cache, &regex, &text);
                }
            }
            assert!(matcher.exact.get().is_none(), "{pattern}");
            for c in TAIL_CHARS {
                for text in [format!("comment here{c}"), format!("comment here .{c}!")] {
                    assert_eq!(matcher.is_match(&mut cache, &text), regex.is_match(&text));
                    assert_same_captures(&matcher, &mut cache, &regex, &text);
                }
            }
            assert_eq!(matcher.exact.get().is_some(), narrowed, "{pattern}");
        }
    }

    /// Every built-in matcher agrees with its regex on phrases its `\W*$`
    /// branches end with, followed by every ending of one or two characters.
    #[test]
    fn agrees_on_every_ending_of_the_built_in_phrases() {
        let phrases = [
            "Comment here",
            "Cookie settings",
            "© 2021 Example. All rights reserved",
            "Please try again",
            "Advertising disclosure",
            "Download the News Nation App available on Android and iOS",
            "Your email address",
            "Story continues below advertisement",
            "Sign in",
            "Angaben ohne Gewähr",
            "Share",
        ];
        for phrase in phrases {
            assert_agrees(phrase);
            for a in TAIL_CHARS {
                assert_agrees(&format!("{phrase}{a}"));
                for b in TAIL_CHARS {
                    assert_agrees(&format!("{phrase}{a}{b}"));
                }
            }
        }
    }

    /// `hir` with its assertions (`^`, `$`, `\b`) taken out, to generate
    /// texts from.
    fn without_looks(hir: &Hir) -> Hir {
        match hir.kind() {
            HirKind::Look(_) => Hir::empty(),
            HirKind::Repetition(rep) => Hir::repetition(Repetition {
                sub: Box::new(without_looks(&rep.sub)),
                ..rep.clone()
            }),
            HirKind::Capture(cap) => Hir::capture(Capture {
                sub: Box::new(without_looks(&cap.sub)),
                ..cap.clone()
            }),
            HirKind::Concat(hirs) => Hir::concat(hirs.iter().map(without_looks).collect()),
            HirKind::Alternation(hirs) => {
                Hir::alternation(hirs.iter().map(without_looks).collect())
            }
            _ => hir.clone(),
        }
    }

    /// Texts from the branches of the built-in patterns that end in `\W*$`,
    /// with their assertions taken out.
    fn tail_phrases() -> impl proptest::strategy::Strategy<Value = String> {
        let branches: Vec<_> = crate::rules::builtin_rules()
            .filter_map(|rule| rule.pattern())
            .flat_map(|p| crate::prefilter::alternatives(p).unwrap_or_default())
            .filter(|(branch, _)| branch.contains(r"\W*$"))
            .map(|(branch, _)| {
                let hir = regex_syntax::Parser::new().parse(&branch).expect("valid");
                proptest::string::string_regex_parsed(&without_looks(&hir)).expect("generates")
            })
            .collect();
        assert!(branches.len() > 10, "{} branches", branches.len());
        proptest::strategy::Union::new(branches)
    }

    proptest::proptest! {
        /// On a built-in phrase followed by any mix of word and non-word,
        /// ASCII and non-ASCII characters, every built-in matcher agrees with
        /// its regex.
        #[test]
        fn agrees_on_built_in_phrases_with_any_ending(
            phrase in tail_phrases(),
            tail in proptest::collection::vec(proptest::sample::select(&TAIL_CHARS[..]), 0..6),
        ) {
            let text: String = phrase.chars().chain(tail).collect();
            assert_agrees(&text);
        }
    }

    /// Patterns beyond the NFA size limit do not compile.
    #[test]
    fn the_size_limit_holds() {
        assert!(Matcher::new(r"\w{1000}{1000}", 2 << 20, 16 << 20).is_none());
    }
}
