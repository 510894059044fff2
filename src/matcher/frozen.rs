//! The built-in patterns' NFAs, compiled ahead of time.
//!
//! Parsing and compiling the built-in patterns a text gets near (the rules,
//! the alternatives of split rules, the furniture and form vocabularies: 153
//! patterns and 58,562 NFA states in all, of which a run over the 5.64 MB dev
//! corpora needs 113) cost 189 M instructions once per process, 18 % of that
//! run, and the NFAs only change when a pattern, the translation
//! ([`super::parse`]) or the regex-automata compiler does. So each built-in
//! pattern's NFA is written, state by state, into `builtin.nfa` (by a test of
//! this module from the live compiler, as the prefilter's table is), and
//! rebuilt at start-up with regex-automata's NFA builder: the same NFA, state
//! for state (a test checks every one), for ~50 M.
//!
//! Entries are keyed like the prefilter's table (the pattern's FNV-1a hash and
//! length). A pattern without an entry (a custom rule's, or a built-in one
//! changed since the table was made) is compiled live, as is an entry that
//! does not decode. The table records the blocks a narrowed `\W*$` keeps
//! ([`super::NARROW_BLOCKS`]), which the matcher checks texts against at
//! search time, and is not used under other blocks. Any other change to the
//! translation, or a new regex-automata compiler, leaves entries that still
//! load; the test fails until the table is regenerated, so CI catches it.
//!
//! # Format
//!
//! [`MAGIC`], the narrowing blocks (each bound a little-endian `u32`), then
//! one entry per pattern, sorted by key: the key's hash (8
//! bytes, little-endian), its length and the payload's length (varints), and
//! the payload. A payload is the [`Compiled`] flags (one byte of `FLAG_*`),
//! the number of explicit groups, the number of states, the anchored,
//! unanchored and pattern start states, then each state: a `TAG_*` byte and
//! its fields. Numbers are LEB128 varints; a state a transition leads to is
//! written as its zigzag distance from the state it leaves, mostly one byte.

use std::cell::RefCell;
use std::sync::Arc;

use once_cell::sync::Lazy;
use regex_automata::nfa::thompson::{self, NFA, Transition};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;

use super::Compiled;
use crate::prefilter::table::Key;

/// The table's first bytes: a table in another format is not read.
const MAGIC: &[u8] = b"deboiler nfa 1\n";

/// The table, as the test wrote it.
static TABLE: &[u8] = include_bytes!("builtin.nfa");

/// Each entry's key and payload, in the table's order (by key). Empty when
/// the table does not start with [`MAGIC`] or is cut short.
static INDEX: Lazy<Vec<(Key, &'static [u8])>> = Lazy::new(|| index(TABLE).unwrap_or_default());

/// Flags of a payload's first byte: the [`Compiled`] fields and the NFA's
/// own two.
const FLAG_ANCHORED: u8 = 1;
const FLAG_WHOLE_GROUP: u8 = 2;
const FLAG_REVERSE: u8 = 4;
const FLAG_NARROWED: u8 = 8;
const FLAG_UTF8: u8 = 16;

/// State tags. A two-way union is a `TAG_UNION` of two alternatives: the
/// builder makes it a binary union again.
const TAG_RANGE: u8 = 0;
const TAG_SPARSE: u8 = 1;
const TAG_LOOK: u8 = 2;
const TAG_UNION: u8 = 3;
const TAG_CAPTURE_START: u8 = 4;
const TAG_CAPTURE_END: u8 = 5;
const TAG_FAIL: u8 = 6;
const TAG_MATCH: u8 = 7;

/// The NFA of built-in `pattern` (narrowed as [`Compiled::live`] narrows
/// it), rebuilt from the table within `nfa_size_limit` bytes; `None` when the
/// table has no entry for it or the entry does not decode.
pub(super) fn thaw(pattern: &str, nfa_size_limit: usize) -> Option<Compiled> {
    let key = Key::of(pattern);
    let i = INDEX.binary_search_by_key(&key, |&(k, _)| k).ok()?;
    let &(_, payload) = INDEX.get(i)?;
    decode(payload, nfa_size_limit)
}

/// The entries of `table`; `None` when it was made under other narrowing
/// blocks, or is not a table of this format.
fn index(table: &'static [u8]) -> Option<Vec<(Key, &'static [u8])>> {
    let mut r = Reader {
        bytes: table.strip_prefix(MAGIC)?,
    };
    if r.take(BLOCKS_BYTES)? != blocks().as_slice() {
        return None;
    }
    let mut entries = Vec::new();
    while !r.bytes.is_empty() {
        let hash = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let len = r.number()?;
        let payload_len = r.number()?;
        entries.push((Key { hash, len }, r.take(payload_len)?));
    }
    Some(entries)
}

/// The bytes of the narrowing blocks in a table's header.
const BLOCKS_BYTES: usize = super::NARROW_BLOCKS.len() * 8;

/// The narrowing blocks as a table's header writes them.
fn blocks() -> Vec<u8> {
    super::NARROW_BLOCKS
        .iter()
        .flat_map(|&(start, end)| [u32::from(start), u32::from(end)])
        .flat_map(u32::to_le_bytes)
        .collect()
}

/// Reads a table from the front.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(b)
    }

    /// A LEB128 varint of at most 64 bits.
    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn number(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    /// A state of an NFA of `states` states, written as its distance from
    /// state `from`.
    fn target(&mut self, from: usize, states: usize) -> Option<StateID> {
        let zigzag = self.varint()?;
        let distance = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let to = i64::try_from(from).ok()?.checked_add(distance)?;
        let to = usize::try_from(to).ok().filter(|&to| to < states)?;
        StateID::new(to).ok()
    }

    /// A state of an NFA of `states` states, written as is.
    fn state(&mut self, states: usize) -> Option<StateID> {
        let id = self.number().filter(|&id| id < states)?;
        StateID::new(id).ok()
    }
}

/// The [`Compiled`] of a payload. Every state a payload names is checked to
/// exist, and every group a capture ends to have started, before the builder
/// sees it: its `build` indexes by them.
fn decode(payload: &[u8], nfa_size_limit: usize) -> Option<Compiled> {
    let mut r = Reader { bytes: payload };
    let flags = r.byte()?;
    let groups = r.number()?;
    let states = r.number()?;
    // The anchored, unanchored and pattern start states, in that order.
    let starts = [r.state(states)?, r.state(states)?, r.state(states)?];
    // (Unavailable, as while the thread ends: the pattern is compiled live.)
    let nfa = BUILDER
        .try_with(|builder| {
            let mut builder = builder.try_borrow_mut().ok()?;
            rebuild(&mut r, &mut builder, flags, states, starts, nfa_size_limit)
        })
        .ok()
        .flatten()?;
    Some(Compiled {
        nfa,
        anchored: flags & FLAG_ANCHORED != 0,
        groups,
        whole_group: flags & FLAG_WHOLE_GROUP != 0,
        reverse: flags & FLAG_REVERSE != 0,
        narrowed: flags & FLAG_NARROWED != 0,
    })
}

thread_local! {
    /// This thread's NFA builder, reused from entry to entry (cleared
    /// first): its list of states keeps its room.
    static BUILDER: RefCell<thompson::Builder> = RefCell::new(thompson::Builder::new());
}

/// The NFA of an entry's `states` states, read from `r`, built in `builder`
/// (cleared first) from its anchored, unanchored and pattern start states.
fn rebuild(
    r: &mut Reader,
    builder: &mut thompson::Builder,
    flags: u8,
    states: usize,
    [start_anchored, start_unanchored, start_pattern]: [StateID; 3],
    nfa_size_limit: usize,
) -> Option<NFA> {
    builder.clear();
    builder.set_utf8(flags & FLAG_UTF8 != 0);
    builder.set_reverse(flags & FLAG_REVERSE != 0);
    builder.set_size_limit(Some(nfa_size_limit)).ok()?;
    builder.start_pattern().ok()?;
    // Groups whose capture has started (the builder registers a group at
    // its first start).
    let mut started = 0;
    for sid in 0..states {
        let added = match r.byte()? {
            TAG_RANGE => {
                let (start, end) = (r.byte()?, r.byte()?);
                let next = r.target(sid, states)?;
                builder.add_range(range(start, end, next)?)
            }
            TAG_SPARSE => {
                let n = r.number().filter(|&n| (2..=256).contains(&n))?;
                let mut transitions = Vec::with_capacity(n);
                for _ in 0..n {
                    let (start, end) = (r.byte()?, r.byte()?);
                    transitions.push(range(start, end, r.target(sid, states)?)?);
                }
                builder.add_sparse(transitions)
            }
            TAG_LOOK => {
                let look = Look::from_repr(u32::try_from(r.varint()?).ok()?)?;
                builder.add_look(r.target(sid, states)?, look)
            }
            TAG_UNION => {
                // One alternative would be an empty state, which the builder
                // removes, renumbering the states after it.
                let n = r.number().filter(|&n| n >= 2 && n <= r.bytes.len())?;
                let mut alternates = Vec::with_capacity(n);
                for _ in 0..n {
                    alternates.push(r.target(sid, states)?);
                }
                builder.add_union(alternates)
            }
            TAG_CAPTURE_START => {
                let group = r.number()?;
                let name = match r.number()? {
                    0 => None,
                    len => Some(Arc::from(std::str::from_utf8(r.take(len - 1)?).ok()?)),
                };
                let next = r.target(sid, states)?;
                started = started.max(group.checked_add(1)?);
                builder.add_capture_start(next, u32::try_from(group).ok()?, name)
            }
            TAG_CAPTURE_END => {
                let group = r.number().filter(|&g| g < started)?;
                let next = r.target(sid, states)?;
                builder.add_capture_end(next, u32::try_from(group).ok()?)
            }
            TAG_FAIL => builder.add_fail(),
            TAG_MATCH => builder.add_match(),
            _ => return None,
        };
        // With no empty states, the builder keeps the payload's numbering.
        if added.ok()?.as_usize() != sid {
            return None;
        }
    }
    if !r.bytes.is_empty() {
        return None;
    }
    builder.finish_pattern(start_pattern).ok()?;
    builder.build(start_anchored, start_unanchored).ok()
}

/// A transition over `start..=end` (not reversed) to `next`.
fn range(start: u8, end: u8, next: StateID) -> Option<Transition> {
    (start <= end).then_some(Transition { start, end, next })
}

/// Writing the table, and the tests that it is current, rebuilds the live
/// NFAs exactly, and never panics on a damaged table.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::PATTERN_SIZE_LIMIT;
    use crate::rules::{Action, form, furniture};
    use regex_automata::PatternID;
    use regex_automata::nfa::thompson::State;

    /// Regenerates `builtin.nfa` (and names the test that checks it).
    const BLESS_COMMAND: &str = "DEBOILER_BLESS=1 cargo test --release --lib matcher::frozen::tests::the_builtin_table_is_current";

    /// Every built-in pattern the engine and the vocabularies compile lean:
    /// each block rule's alternatives when its pattern splits, else its whole
    /// pattern (but not an inline rule's, which the full regex runs), and the
    /// furniture and form patterns. Sorted by key, without repeats.
    fn builtin_patterns() -> Vec<String> {
        let mut patterns = Vec::new();
        for rule in crate::rules::builtin_rules() {
            let Some(pattern) = rule.pattern() else {
                continue;
            };
            match crate::engine::split_pattern(rule).and_then(crate::prefilter::alternatives) {
                Some(parts) => patterns.extend(parts.into_iter().map(|(part, _)| part)),
                None if rule.action() != Action::DropSpan => patterns.push(pattern.to_string()),
                None => {}
            }
        }
        patterns.extend(furniture::PATTERNS.iter().map(|p| p.to_string()));
        patterns.extend(form::PATTERNS.iter().map(|p| p.to_string()));
        patterns.sort_by_key(|p| Key::of(p));
        patterns.dedup();
        patterns
    }

    fn push_number(out: &mut Vec<u8>, mut n: u64) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            match n {
                0 => return out.push(low),
                _ => out.push(low | 0x80),
            }
        }
    }

    fn push_target(out: &mut Vec<u8>, from: usize, to: StateID) {
        let distance = to.as_usize() as i64 - from as i64;
        push_number(out, ((distance << 1) ^ (distance >> 63)) as u64);
    }

    /// The payload of `compiled`.
    fn freeze(compiled: &Compiled) -> Vec<u8> {
        let nfa = &compiled.nfa;
        let mut out = Vec::new();
        let flags = [
            (compiled.anchored, FLAG_ANCHORED),
            (compiled.whole_group, FLAG_WHOLE_GROUP),
            (compiled.reverse, FLAG_REVERSE),
            (compiled.narrowed, FLAG_NARROWED),
            (nfa.is_utf8(), FLAG_UTF8),
        ];
        out.push(flags.iter().filter(|(on, _)| *on).map(|(_, f)| f).sum());
        push_number(&mut out, compiled.groups as u64);
        push_number(&mut out, nfa.states().len() as u64);
        let pattern_start = nfa.start_pattern(PatternID::ZERO).expect("one pattern");
        for start in [nfa.start_anchored(), nfa.start_unanchored(), pattern_start] {
            push_number(&mut out, start.as_u64());
        }
        let info = nfa.group_info();
        for (sid, state) in nfa.states().iter().enumerate() {
            match state {
                State::ByteRange { trans } => {
                    out.extend([TAG_RANGE, trans.start, trans.end]);
                    push_target(&mut out, sid, trans.next);
                }
                State::Sparse(sparse) => {
                    out.push(TAG_SPARSE);
                    push_number(&mut out, sparse.transitions.len() as u64);
                    for t in sparse.transitions.iter() {
                        out.extend([t.start, t.end]);
                        push_target(&mut out, sid, t.next);
                    }
                }
                State::Dense(_) => panic!("the compiler makes no dense states"),
                State::Look { look, next } => {
                    out.push(TAG_LOOK);
                    push_number(&mut out, u64::from(look.as_repr()));
                    push_target(&mut out, sid, *next);
                }
                State::Union { alternates } => {
                    out.push(TAG_UNION);
                    push_number(&mut out, alternates.len() as u64);
                    alternates
                        .iter()
                        .for_each(|&a| push_target(&mut out, sid, a));
                }
                State::BinaryUnion { alt1, alt2 } => {
                    out.push(TAG_UNION);
                    push_number(&mut out, 2);
                    push_target(&mut out, sid, *alt1);
                    push_target(&mut out, sid, *alt2);
                }
                State::Capture {
                    next,
                    pattern_id,
                    group_index,
                    slot,
                } => {
                    let group = group_index.as_usize();
                    let start = info.slot(*pattern_id, group) == Some(slot.as_usize());
                    out.push(if start {
                        TAG_CAPTURE_START
                    } else {
                        TAG_CAPTURE_END
                    });
                    push_number(&mut out, group as u64);
                    if start {
                        let name = info.to_name(*pattern_id, group);
                        push_number(&mut out, name.map_or(0, |n| n.len() as u64 + 1));
                        out.extend(name.unwrap_or("").bytes());
                    }
                    push_target(&mut out, sid, *next);
                }
                State::Fail => out.push(TAG_FAIL),
                State::Match { .. } => out.push(TAG_MATCH),
            }
        }
        out
    }

    /// The pattern's NFA as compiled live.
    fn live(pattern: &str) -> Compiled {
        Compiled::live(pattern, PATTERN_SIZE_LIMIT, true)
            .unwrap_or_else(|| panic!("{pattern} compiles"))
    }

    /// The table of `patterns` (sorted by key).
    fn generate(patterns: &[String]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(blocks());
        for pattern in patterns {
            let payload = freeze(&live(pattern));
            let key = Key::of(pattern);
            out.extend(key.hash.to_le_bytes());
            push_number(&mut out, key.len as u64);
            push_number(&mut out, payload.len() as u64);
            out.extend(payload);
        }
        out
    }

    /// Asserts that `a` and `b` are the same NFA, with the same facts.
    fn assert_same(pattern: &str, a: &Compiled, b: &Compiled) {
        assert_eq!(format!("{:?}", a.nfa), format!("{:?}", b.nfa), "{pattern}");
        let names = |c: &Compiled| {
            let info = c.nfa.group_info();
            info.pattern_names(PatternID::ZERO)
                .map(|n| n.map(String::from))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(a), names(b), "{pattern}");
        let facts = |c: &Compiled| {
            (
                c.anchored,
                c.groups,
                c.whole_group,
                c.reverse,
                c.narrowed,
                c.nfa.is_utf8(),
                c.nfa.is_reverse(),
                c.nfa.look_set_any(),
                c.nfa.memory_usage(),
            )
        };
        assert_eq!(facts(a), facts(b), "{pattern}");
    }

    /// Fails while the table is stale; with `DEBOILER_BLESS=1`, rewrites it.
    #[test]
    fn the_builtin_table_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/matcher/builtin.nfa");
        let table = generate(&builtin_patterns());
        if std::env::var_os("DEBOILER_BLESS").is_some_and(|v| v == "1") {
            std::fs::write(&path, table).expect("writes the table");
            return;
        }
        assert!(
            TABLE == table.as_slice(),
            "{} is stale (a built-in pattern, the matcher's translation or the \
             regex-automata compiler changed): regenerate it with `{BLESS_COMMAND}`",
            path.display()
        );
    }

    /// Every built-in pattern is in the table, and rebuilds to the NFA and
    /// facts the live compiler gives it.
    #[test]
    fn every_builtin_pattern_thaws_to_its_live_nfa() {
        let patterns = builtin_patterns();
        assert!(patterns.len() > 100, "{}", patterns.len());
        for pattern in &patterns {
            let thawed = thaw(pattern, PATTERN_SIZE_LIMIT)
                .unwrap_or_else(|| panic!("{pattern} is not in the table"));
            assert_same(pattern, &live(pattern), &thawed);
        }
    }

    /// Groups, names, look-arounds, both unions, a reversed pattern and one
    /// narrowed: each kind of state and flag goes through the format.
    #[test]
    fn every_kind_of_state_round_trips() {
        for pattern in [
            r"(?i)^(?P<value>[0-9]{1,2}\.)$",
            r"(?P<a>x)(y)(?P<b>z)?|(?-u:\b)w\b",
            r"(?i)^(?:a|b|c|dd)\W*$",
            r"the .{0,60} app\W*$",
            r"[^\n]*é€😀",
            r"(?m)^a$|\Ab\z",
        ] {
            let compiled = live(pattern);
            let decoded = decode(&freeze(&compiled), PATTERN_SIZE_LIMIT).expect("decodes");
            assert_same(pattern, &compiled, &decoded);
        }
        assert!(live(r"the .{0,60} app\W*$").reverse);
        assert!(live(r"(?i)^(?:a|b|c|dd)\W*$").narrowed);
    }

    /// A pattern the table does not hold is not found, nor is a built-in
    /// one with a byte changed.
    #[test]
    fn other_patterns_are_compiled_live() {
        assert!(thaw("(?i)^my own rule$", PATTERN_SIZE_LIMIT).is_none());
        let mut changed = furniture::PATTERNS[0].to_string();
        changed.push('x');
        assert!(thaw(&changed, PATTERN_SIZE_LIMIT).is_none());
    }

    /// An NFA past the size limit is not rebuilt: the live compile, which
    /// fails too, decides.
    #[test]
    fn the_size_limit_holds() {
        let pattern = furniture::PATTERNS[0];
        assert!(thaw(pattern, PATTERN_SIZE_LIMIT).is_some());
        assert!(thaw(pattern, 1000).is_none());
        assert!(Compiled::live(pattern, 1000, true).is_none());
    }

    /// A table of another format, made under other narrowing blocks, or cut
    /// short is not read.
    #[test]
    fn a_damaged_table_is_not_read() {
        assert!(index(b"deboiler nfa 2\n").is_none());
        let cut = &TABLE[..TABLE.len() - 1];
        assert!(index(cut).is_none());
        let empty: &'static [u8] = [MAGIC.to_vec(), blocks()].concat().leak();
        assert_eq!(index(empty).map(|e| e.len()), Some(0));
        let mut other = [MAGIC.to_vec(), blocks()].concat();
        other[MAGIC.len() + 4] ^= 1;
        assert!(index(other.leak()).is_none());
        assert!(index(&TABLE[..MAGIC.len() + 3]).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// A payload with any byte changed, or cut short, decodes to `None`
        /// or to some NFA, and never panics (the builder indexes by the
        /// states a payload names).
        #[test]
        fn a_damaged_payload_never_panics(
            entry in 0usize..1000,
            at in 0usize..100_000,
            byte in 0u8..=255,
            cut in proptest::bool::ANY,
        ) {
            let (_, payload) = INDEX[entry % INDEX.len()];
            let mut damaged = payload.to_vec();
            let at = at % damaged.len();
            match cut {
                true => damaged.truncate(at),
                false => damaged[at] = byte,
            }
            if let Some(compiled) = decode(&damaged, PATTERN_SIZE_LIMIT) {
                let _ = compiled.nfa.states().len();
            }
        }
    }
}
