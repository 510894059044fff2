//! The literal DFA: an ASCII-case-insensitive Aho-Corasick automaton over the
//! prefilter's literals, built and stepped by our own code.
//!
//! The `aho-corasick` crate's DFA did the same job, but building it (and the
//! NFA it starts from) took 54 M instructions for the built-in literals, over
//! a third of cleaning one page: its builder follows failure links for every
//! state and byte class. Here the failure links are found on the trie's own
//! edges, and a state's row is its failure state's row with its own edges
//! written over it, one copy per row, written once at its final place; the
//! trie's lists are linked through flat vectors, with no allocation per node.
//! The same automaton for 2.6 M instructions (the two automata of the
//! built-in rules), in 1.3 MB rather than 2.2 (its rows are not padded to a
//! power of two). Owning the table also keeps each match state's literals in
//! one flat list, found from a cell of its row.
//!
//! The layout: the root (the start state) is state 0, then the states that
//! match nothing, then the match states, so that "is this a match state?" is
//! one comparison. A state's id is the index of its row in one flat table
//! (premultiplied), so a step is `table[state + class of byte]`. Each row has
//! one more cell than there are byte classes: for a match state, where its
//! literals are in [`LiteralDfa::outputs`].

/// Largest table, in cells (4 bytes each), the DFA may have: 16 M cells, 64 MB.
/// A custom rule set whose literals would make a bigger one gets the
/// `aho-corasick` crate's smaller automaton instead. (The built-in rules'
/// literals and the form vocabulary make ~0.3 M.)
const MAX_CELLS: usize = 16 << 20;

/// A text of at least this many bytes is scanned in [`LiteralDfa::LANES`]
/// lanes. Shorter ones (menu items, labels) are scanned in one: their lanes
/// would be hardly longer than the [`LiteralDfa::overlap`] each reads twice.
pub(super) const LANE_MIN_BYTES: usize = 64;

// The lanes are written out in [`LiteralDfa::for_each_match`].
const _: () = assert!(LiteralDfa::LANES == 4);

/// An unanchored ASCII-case-insensitive Aho-Corasick DFA over a list of
/// literals that reports, at each position, every literal ending there
/// (overlapping ones included).
#[derive(Debug)]
pub(super) struct LiteralDfa {
    /// Byte → its class. Capital ASCII letters share their lowercase letter's
    /// class; each other byte of a literal has its own class, and every byte in
    /// no literal shares one.
    classes: [u8; 256],
    /// Cells per row: the classes, and the match state's output cell.
    stride: usize,
    /// The transitions, row after row: the next state of `state` on `byte` is
    /// `table[state + classes[byte]]` (states are premultiplied by `stride`).
    table: Vec<u32>,
    /// The first match state: every state from it on is one.
    first_match: u32,
    /// The literals of each match state: its output cell holds the index here
    /// of their count, which the literal indices follow.
    outputs: Vec<u32>,
    /// The longest literal's length, less one.
    overlap: usize,
}

/// The trie of the literals, before it becomes a DFA. Its lists (a node's
/// edges, the literals that end at a node) are linked through flat vectors, in
/// the order they were added: no allocation per node.
struct Trie {
    /// Per node, its first and last edge (indices into `edges`), or [`NONE`].
    edge_ends: Vec<(u32, u32)>,
    /// Edges: (byte class, child node, the node's next edge or [`NONE`]).
    edges: Vec<(u8, u32, u32)>,
    /// Per node, the first and last literal that ends at it, or [`NONE`].
    own_ends: Vec<(u32, u32)>,
    /// Per literal, the next literal that ends at the same node, or [`NONE`].
    next_own: Vec<u32>,
}

/// The end of a list of [`Trie`].
const NONE: u32 = u32::MAX;

impl Trie {
    /// The trie of `literals`, lowercased, over the byte classes `classes`.
    fn new(literals: &[&[u8]], classes: &[u8; 256]) -> Trie {
        let mut trie = Trie {
            edge_ends: vec![(NONE, NONE)],
            edges: Vec::new(),
            own_ends: vec![(NONE, NONE)],
            next_own: vec![NONE; literals.len()],
        };
        for (k, literal) in literals.iter().enumerate() {
            let mut node = 0;
            for &byte in *literal {
                let class = classes[usize::from(byte)];
                node = match trie.child(node, class) {
                    Some(child) => child,
                    None => {
                        let child = trie.edge_ends.len();
                        let edge = trie.edges.len() as u32;
                        trie.edges.push((class, child as u32, NONE));
                        match trie.edge_ends[node] {
                            (NONE, _) => trie.edge_ends[node] = (edge, edge),
                            (_, ref mut last) => {
                                trie.edges[*last as usize].2 = edge;
                                *last = edge;
                            }
                        }
                        trie.edge_ends.push((NONE, NONE));
                        trie.own_ends.push((NONE, NONE));
                        child
                    }
                };
            }
            let k = k as u32;
            match trie.own_ends[node] {
                (NONE, _) => trie.own_ends[node] = (k, k),
                (_, ref mut last) => {
                    trie.next_own[*last as usize] = k;
                    *last = k;
                }
            }
        }
        trie
    }

    fn nodes(&self) -> usize {
        self.edge_ends.len()
    }

    /// The edges of `node`: (byte class, child), in the order they were added.
    fn children(&self, node: usize) -> impl Iterator<Item = (u8, usize)> + '_ {
        let mut edge = self.edge_ends[node].0;
        std::iter::from_fn(move || {
            let &(class, child, next) = self.edges.get(edge as usize)?;
            edge = next;
            Some((class, child as usize))
        })
    }

    /// The child of `node` on `class`, if it has one.
    fn child(&self, node: usize, class: u8) -> Option<usize> {
        self.children(node)
            .find(|&(c, _)| c == class)
            .map(|(_, child)| child)
    }

    /// The literals that end at `node`, in the order they were added.
    fn own(&self, node: usize) -> impl Iterator<Item = u32> + '_ {
        let mut k = self.own_ends[node].0;
        std::iter::from_fn(move || {
            let this = k;
            k = *self.next_own.get(this as usize)?;
            Some(this)
        })
    }
}

impl LiteralDfa {
    /// The DFA over `literals`, matched ASCII-case-insensitively. `None` when
    /// there are none, one is empty (it would match everywhere), or the table
    /// would pass [`MAX_CELLS`].
    pub fn new(literals: &[&[u8]]) -> Option<LiteralDfa> {
        if literals.is_empty() || literals.iter().any(|l| l.is_empty()) {
            return None;
        }
        let classes = byte_classes(literals);
        let class_count = usize::from(classes.iter().copied().max().unwrap_or(0)) + 1;
        let stride = class_count + 1;
        let trie = Trie::new(literals, &classes);
        let nodes = trie.nodes();
        if nodes.checked_mul(stride)? > MAX_CELLS {
            return None;
        }
        // Breadth first, from the trie alone: each node's failure node (where
        // its parent's failure chain first has an edge on the same class; the
        // root when none has), and whether it matches (a literal ends at it or
        // at its failure node). A failure node is shallower, so it is
        // complete before the nodes that fail to it.
        let mut bfs = Vec::with_capacity(nodes);
        bfs.push(0);
        let mut fail = vec![0usize; nodes];
        let mut matches = vec![false; nodes];
        let mut head = 0;
        while let Some(&node) = bfs.get(head) {
            head += 1;
            for (class, child) in trie.children(node) {
                // The root's children fail to the root (`fail` starts at 0).
                if node != 0 {
                    let mut f = fail[node];
                    fail[child] = loop {
                        if let Some(next) = trie.child(f, class) {
                            break next;
                        }
                        if f == 0 {
                            break 0;
                        }
                        f = fail[f];
                    };
                }
                bfs.push(child);
            }
            matches[node] = trie.own_ends[node].0 != NONE || matches[fail[node]];
        }
        // Ids: the root, the other states that match nothing, then the match
        // states, each part in breadth-first order (the shallow states, where
        // a scan spends most of its steps, close together).
        let matching = matches.iter().filter(|&&m| m).count();
        let first_match = u32::try_from((nodes - matching) * stride).ok()?;
        let mut id = vec![0usize; nodes];
        let (mut plain, mut matched) = (0, nodes - matching);
        for &node in &bfs {
            let slot = if matches[node] {
                &mut matched
            } else {
                &mut plain
            };
            id[node] = *slot * stride;
            *slot += 1;
        }
        // Rows in breadth-first order, each written once at its final place:
        // its failure node's row (done before it; the root's missing edges
        // lead back to it) with its own edges written over it.
        let mut table = vec![0u32; nodes * stride];
        for &node in &bfs {
            let at = id[node];
            if node != 0 {
                let from = id[fail[node]];
                table.copy_within(from..from + class_count, at);
            }
            for (class, child) in trie.children(node) {
                table[at + usize::from(class)] = u32::try_from(id[child]).ok()?;
            }
        }
        // Each match state's literals in one flat list, in the order of the
        // states: its count, then the literals that end at it, at its failure
        // node, at that one's, and so on. Its row's last cell says where.
        let mut flat = Vec::new();
        for &node in bfs.iter().filter(|&&node| matches[node]) {
            let at = flat.len();
            table[id[node] + stride - 1] = u32::try_from(at).ok()?;
            flat.push(0);
            let mut x = node;
            loop {
                flat.extend(trie.own(x));
                if x == 0 {
                    break;
                }
                x = fail[x];
            }
            flat[at] = u32::try_from(flat.len() - at - 1).ok()?;
        }
        let overlap = literals.iter().map(|l| l.len()).max().unwrap_or(0) - 1;
        Some(LiteralDfa {
            classes,
            stride,
            table,
            first_match,
            outputs: flat,
            overlap,
        })
    }

    /// How many stretches a long text is cut into, each scanned by its own
    /// lane.
    const LANES: usize = 4;

    /// Calls `found` with the literal (its index) of every match in `bytes`
    /// and the byte where the match ends, overlapping ones included; one may
    /// be reported twice (the caller keeps a set).
    ///
    /// A step waits for the one before: the next state is a load from an
    /// address that depends on the state. So a text of [`LANE_MIN_BYTES`] or
    /// more is cut into [`LiteralDfa::LANES`] lanes of (nearly) the same
    /// length, stepped side by side, and the CPU overlaps their loads. Each
    /// lane but the first starts [`LiteralDfa::overlap`] bytes before the end
    /// of the one before: a literal whose last byte is in a lane's own part
    /// (past that lead-in) starts at most that far before it, and so is found
    /// by that lane. One that ends in a lead-in is found by the lane before,
    /// too.
    pub fn for_each_match(&self, bytes: &[u8], mut found: impl FnMut(usize, usize)) {
        let (len, overlap) = (bytes.len(), self.overlap);
        let lane_len = (len + (Self::LANES - 1) * overlap).div_ceil(Self::LANES);
        // How far each lane starts after the one before (its own part).
        let step = lane_len.saturating_sub(overlap);
        // Lanes that would read each other's bytes more than their own (a
        // custom rule's long literals) are not worth it.
        if len < LANE_MIN_BYTES || step < overlap.max(1) {
            self.run(self.start(), bytes, 0, &mut found);
            return;
        }
        let lane = |k: usize| {
            bytes
                .get(k * step..len.min(k * step + lane_len))
                .unwrap_or_default()
        };
        let (l0, l1, l2, l3) = (lane(0), lane(1), lane(2), lane(3));
        let mut states = [self.start(); Self::LANES];
        // The last lane is the shortest (by up to three bytes).
        let mut together = l0.iter().zip(l1).zip(l2).zip(l3);
        loop {
            // No call in this loop: the states and the table's address stay
            // in registers (with `found` called in it, each state was stored
            // to memory and reloaded at every byte). The compiler still keeps
            // two lanes' positions and the byte classes' address on the stack,
            // loads that do not wait on a state.
            let mut matched = false;
            let [s0, s1, s2, s3] = &mut states;
            for (((&b0, &b1), &b2), &b3) in together.by_ref() {
                *s0 = self.next(*s0, b0);
                *s1 = self.next(*s1, b1);
                *s2 = self.next(*s2, b2);
                *s3 = self.next(*s3, b3);
                if self.is_match(*s0) | self.is_match(*s1) | self.is_match(*s2) | self.is_match(*s3)
                {
                    matched = true;
                    break;
                }
            }
            if !matched {
                break;
            }
            // Each lane has read as many bytes as the last, which has this
            // many left.
            let read = l3.len() - together.len();
            for (k, &state) in states.iter().enumerate() {
                self.report(state, k * step + read, &mut found);
            }
        }
        for (k, lane) in [l0, l1, l2].into_iter().enumerate() {
            if let Some(rest) = lane.get(l3.len()..) {
                self.run(states[k], rest, k * step + l3.len(), &mut found);
            }
        }
    }

    /// Steps one lane from `state` through `bytes`, which start at byte
    /// `offset` of the text, reporting its matches.
    fn run(
        &self,
        mut state: u32,
        bytes: &[u8],
        offset: usize,
        found: &mut impl FnMut(usize, usize),
    ) {
        let mut rest = bytes.iter();
        loop {
            // As in the lanes above: no call in the loop.
            let mut matched = false;
            for &byte in rest.by_ref() {
                state = self.next(state, byte);
                if self.is_match(state) {
                    matched = true;
                    break;
                }
            }
            if !matched {
                return;
            }
            self.report(state, offset + bytes.len() - rest.len(), found);
        }
    }

    /// Reports the literals that end at byte `end`, where the scan reached
    /// `state`.
    #[inline]
    fn report(&self, state: u32, end: usize, found: &mut impl FnMut(usize, usize)) {
        for &k in self.matches(state) {
            found(k as usize, end);
        }
    }

    /// The start state.
    fn start(&self) -> u32 {
        0
    }

    /// The state after `state` on `byte`.
    #[inline(always)]
    fn next(&self, state: u32, byte: u8) -> u32 {
        let class = u32::from(self.classes[usize::from(byte)]);
        // In bounds: every state is a row's start, and a class is less than
        // the row's length (so the sum is less than the table's length, a
        // `u32`: added as one, it needs no widening first). A checked `get`
        // with a default made each step wait on a conditional move as well
        // as the load.
        self.table[(state + class) as usize]
    }

    /// True when `state` is a match state.
    #[inline(always)]
    fn is_match(&self, state: u32) -> bool {
        state >= self.first_match
    }

    /// The literals (their indices) that end where the scan reached `state`.
    #[inline]
    fn matches(&self, state: u32) -> &[u32] {
        if !self.is_match(state) {
            return &[];
        }
        let cell = state as usize + self.stride - 1;
        let at = self.table.get(cell).map_or(0, |&at| at as usize);
        let count = self.outputs.get(at).map_or(0, |&n| n as usize);
        self.outputs.get(at + 1..at + 1 + count).unwrap_or_default()
    }

    /// The heap memory the DFA holds, in bytes.
    #[cfg(test)]
    pub fn memory_usage(&self) -> usize {
        (self.table.len() + self.outputs.len()) * std::mem::size_of::<u32>()
    }
}

/// Each byte's class: the bytes of the lowercased literals get one each (a
/// capital ASCII letter its lowercase letter's), the other bytes share class
/// 0. (At most 230 bytes are not capitals, so the classes fit in a byte.)
fn byte_classes(literals: &[&[u8]]) -> [u8; 256] {
    let mut used = [false; 256];
    for &byte in literals.iter().flat_map(|l| l.iter()) {
        used[usize::from(byte.to_ascii_lowercase())] = true;
    }
    let mut classes = [0u8; 256];
    let mut next = 0u8;
    for byte in 0..=255u8 {
        if used[usize::from(byte)] {
            next += 1;
            classes[usize::from(byte)] = next;
        }
    }
    for byte in b'A'..=b'Z' {
        classes[usize::from(byte)] = classes[usize::from(byte.to_ascii_lowercase())];
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    /// Every literal found ending at each position, in order, as the crate's
    /// overlapping search finds them (sorted within a position).
    fn ours(dfa: &LiteralDfa, text: &[u8]) -> Vec<(usize, u32)> {
        let mut state = dfa.start();
        let mut found = Vec::new();
        for (at, &byte) in text.iter().enumerate() {
            state = dfa.next(state, byte);
            let mut here: Vec<u32> = dfa.matches(state).to_vec();
            here.sort_unstable();
            found.extend(here.into_iter().map(|k| (at + 1, k)));
        }
        found
    }

    fn theirs(literals: &[&[u8]], text: &[u8]) -> Vec<(usize, u32)> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(literals)
            .expect("builds");
        let mut found: Vec<(usize, u32)> = automaton
            .find_overlapping_iter(text)
            .map(|m| (m.end(), m.pattern().as_u32()))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn finds_overlapping_literals_in_any_ascii_case() {
        let literals: [&[u8]; 5] = [b"he", b"she", b"his", b"hers", b"\xc3\xa4h"];
        let dfa = LiteralDfa::new(&literals).expect("builds");
        let text = "uSHErs, His \u{e4}H, \u{c4}h".as_bytes();
        assert_eq!(ours(&dfa, text), theirs(&literals, text));
        // she, he (both end at 3), hers, his, äh; not Äh (not ASCII).
        let found: Vec<u32> = ours(&dfa, text).iter().map(|&(_, k)| k).collect();
        assert_eq!(found, [0, 1, 3, 2, 4]);
    }

    #[test]
    fn repeated_literals_are_each_reported() {
        let literals: [&[u8]; 3] = [b"ab", b"AB", b"b"];
        let dfa = LiteralDfa::new(&literals).expect("builds");
        assert_eq!(ours(&dfa, b"xAb"), [(3, 0), (3, 1), (3, 2)]);
    }

    #[test]
    fn no_literals_or_an_empty_one_make_no_dfa() {
        assert!(LiteralDfa::new(&[]).is_none());
        assert!(LiteralDfa::new(&[b"a", b""]).is_none());
    }

    /// A literal set with every byte in it still builds (the classes just fit).
    #[test]
    fn every_byte_value_fits_in_the_classes() {
        let bytes: Vec<[u8; 1]> = (0..=255u8).map(|b| [b]).collect();
        let literals: Vec<&[u8]> = bytes.iter().map(|b| b.as_slice()).collect();
        let dfa = LiteralDfa::new(&literals).expect("builds");
        let text: Vec<u8> = (0..=255u8).rev().collect();
        assert_eq!(ours(&dfa, &text), theirs(&literals, &text));
    }

    /// Literals over ~200 byte values with few shared prefixes would make a
    /// table past [`MAX_CELLS`]: no DFA (the caller builds the compact
    /// automaton). A few of them still make one.
    #[test]
    fn a_table_past_the_limit_is_not_built() {
        let alphabet: Vec<u8> = (0..=255u8)
            .filter(|b| !b.is_ascii_uppercase() && !b.is_ascii_lowercase())
            .collect();
        let mut seed = 1u64;
        let literals: Vec<Vec<u8>> = (0..16_000)
            .map(|_| {
                (0..8)
                    .map(|_| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        alphabet[(seed >> 33) as usize % alphabet.len()]
                    })
                    .collect()
            })
            .collect();
        let literals: Vec<&[u8]> = literals.iter().map(|l| l.as_slice()).collect();
        assert!(LiteralDfa::new(&literals).is_none());
        let few = LiteralDfa::new(&literals[..100]).expect("builds");
        assert!(few.memory_usage() < 2 << 20);
    }

    proptest! {
        /// On random literals and texts over a small alphabet (so literals
        /// overlap and share prefixes and suffixes), the DFA finds what the
        /// crate's overlapping search finds.
        #[test]
        fn agrees_with_the_crates_search(
            literals in prop::collection::vec(
                prop::collection::vec(prop::sample::select(b"abAB\xc3\xa4 ".to_vec()), 1..6),
                1..12,
            ),
            text in prop::collection::vec(prop::sample::select(b"abcAB\xc3\xa4 ".to_vec()), 0..64),
        ) {
            let literals: Vec<&[u8]> = literals.iter().map(|l| l.as_slice()).collect();
            let dfa = LiteralDfa::new(&literals).expect("builds");
            prop_assert_eq!(ours(&dfa, &text), theirs(&literals, &text));
        }
    }
}
