//! Context: verdicts revised by what surrounds a unit.
//!
//! - A comment section (a [`Verdict::ToEnd`] unit) ends the article, once enough
//!   body text precedes it; everything after it goes, under the opener's rule id.
//!   An opener repeated after the body (a comment-count link under the
//!   headline) opens the section only where it is repeated.
//! - Units are classified ([`crate::classify`]) and the main-content region found
//!   ([`crate::region`]); kept units outside it, and boilerplate-class units
//!   inside it, are removed.
//! - The title is picked ([`crate::title`]) just above the region, and its repeat
//!   in the body removed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::fast::{FixedState, RandomState};

use crate::article::Category;
use crate::classify::{Class, Classes, STOPWORDS_HIGH, classify};
use crate::engine::{Decision, Reason, Verdict, residual};
use crate::features::{Features, Terminal};
use crate::region::{
    STAMP_MAX_WORDS, chronologies, chronologies_within_reach, clean_gaps, comment_thread,
    dense_prose_within_reach, extend, is_comment_stamp, lead_above, near_text_within_reach,
    prose_within_reach, regions,
};
use crate::rules::Rule;
use crate::rules::form::{FormLine, UNSCANNED, form_blocks};
use crate::segment::Segments;
use crate::text::collapse_whitespace;
use crate::title;

/// A comment-section opener only ends the article after at least this many bytes
/// of body prose (kept sentences, see [`PROSE_MIN_WORDS`]). Before that it removes
/// just its own line: a "12 Comments" link under a headline must not truncate the
/// article.
pub(crate) const TAIL_MIN_BODY_BYTES: usize = 150;

/// A kept unit counts as prose for [`TAIL_MIN_BODY_BYTES`] when it ends like a
/// sentence and has at least this many words.
pub(crate) const PROSE_MIN_WORDS: usize = 6;

/// A kept unit this long counts as prose even without a final full stop.
pub(crate) const PROSE_UNPUNCTUATED_MIN_WORDS: usize = 30;

/// Id of the decision that keeps a comment-section opener from ending the
/// article because the same opener shows up again further down: the first one
/// is a comment-count link under the headline, the last one the section itself.
pub(crate) const REPEATED_OPENER: &str = "context.repeated_opener";
static REPEATED_OPENER_DECISION: Decision = Decision {
    id: REPEATED_OPENER,
    category: Category::Comments,
};

/// A repeated opener is a count link only when at least this many bytes of
/// prose (see [`is_prose`]) stand between it and its repeat: an article body,
/// not an author's bio box between a share bar and the comments.
pub(crate) const REPEATED_OPENER_MIN_PROSE_BYTES: usize = 800;

/// How many kept units after the title are checked for a repeat of it.
const TITLE_REPEAT_WINDOW: usize = 5;

/// Id of the decision that removes the title where it shows up again in the body.
pub(crate) const TITLE_REPEATED: &str = "title.repeated";
static TITLE_REPEATED_DECISION: Decision = Decision {
    id: TITLE_REPEATED,
    category: Category::Title,
};

/// Id of the decision that removes an author's bio under the article.
pub(crate) const AUTHOR_BIO: &str = "context.author_bio";
static AUTHOR_BIO_DECISION: Decision = Decision {
    id: AUTHOR_BIO,
    category: Category::Context,
};

/// Id of the decision that removes kept text outside the main-content region.
pub(crate) const OUTSIDE_MAIN_REGION: &str = "context.outside_main_region";
static OUTSIDE_MAIN_REGION_DECISION: Decision = Decision {
    id: OUTSIDE_MAIN_REGION,
    category: Category::Context,
};

/// Id of the decision that removes a menu-like list item inside the region (a
/// one-to-three-word item, or an item of a run of unpunctuated items).
pub(crate) const MENU_RUN: &str = "context.menu_run";
static MENU_RUN_DECISION: Decision = Decision {
    id: MENU_RUN,
    category: Category::Context,
};

/// Id of the decision that removes a boilerplate-class unit inside the region
/// (long text with few stopwords, or a short line among boilerplate).
pub(crate) const LOW_CONTENT: &str = "context.low_content";
static LOW_CONTENT_DECISION: Decision = Decision {
    id: LOW_CONTENT,
    category: Category::Context,
};

/// A text with at least this many menu items (list items of one to three words)
/// is a full-page dump. Extractor output has a handful at most (a recipe's
/// ingredients); a page's navigation has dozens.
pub(crate) const PAGE_DUMP_MIN_MENU_ITEMS: usize = 12;

/// Without a menu, a text is a page dump when at least this share of its units
/// are `Bad` on their own features …
pub(crate) const PAGE_DUMP_MIN_BAD_SHARE: f64 = 0.15;

/// … and at least this many characters come before its first good text.
pub(crate) const PAGE_DUMP_MIN_CHARS_BEFORE: usize = 1500;

/// A text with a page footer (a unit removed by a `legal` rule: copyright line,
/// footer links, cookie notice) is a page dump when it also has at least this
/// many label lines (see [`is_label_line`]): menus without list markers. An
/// extractor drops the footer, and an article has a few such lines at most
/// (subheadings).
pub(crate) const PAGE_DUMP_MIN_LABELS_WITH_FOOTER: usize = 10;

/// A label line has at most this many words.
pub(crate) const LABEL_MAX_WORDS: usize = 3;

/// The title is looked for from this many units above the main region.
pub(crate) const TITLE_LOOKBACK: usize = 6;

/// Revises `verdicts` in place. `have_stoplist` says whether stopword counts
/// are meaningful (the document's language was recognised); `form_kinds` are
/// the engine's form vocabulary hints, one per unit (see
/// [`crate::rules::form::FormLine::kinds`]; empty: none).
pub(crate) fn revise(
    input: &str,
    seg: &Segments,
    features: &[Features],
    verdicts: &mut [Verdict],
    rules: &[Rule],
    have_stoplist: bool,
    form_kinds: &[u8],
) {
    demote_repeated_openers(input, seg, features, verdicts);
    let mut classes = classify(features, verdicts, rules, have_stoplist);
    let repeats = page_repeats(input, seg, features);
    // A log-in or registration form block weighs against the region like
    // a repeated line, and no region reaches across it.
    let form = form_block_units(input, seg, features, form_kinds);
    let repeated: Vec<bool> = repeats
        .iter()
        .zip(features)
        .zip(&form)
        .map(|((r, f), form)| *r && (f.chars as usize) >= PAGE_REPEAT_MIN_CHARS || *form)
        .collect();
    let thread = comment_thread(&comment_stamps(input, seg, features));
    let mut regions = regions(&classes, features, verdicts, &repeated, thread.clone());
    let dump = !regions.is_empty() && is_page_dump(&classes.initial, features, verdicts, rules);
    // The lead paragraph above the body belongs to the article, whatever its
    // neighbours made of it (it may even lie inside the region, as a unit that
    // the byline and the photo credit under it made `Bad`); the headline is
    // looked for above it.
    let mut body_start = regions.first().map(|r| r.start);
    if dump && let Some(main) = regions.first().cloned() {
        let body = main
            .clone()
            .find(|&i| classes.revised[i] == Class::Good)
            .unwrap_or(main.start);
        if let Some(lead) = lead_above(&classes, features, verdicts, body) {
            classes.revised[lead] = Class::Good;
            if lead < main.start {
                regions.push(lead..lead + 1);
            }
            body_start = Some(lead.min(main.start));
        }
    }
    if dump {
        for r in regions.iter_mut() {
            let grown = extend(&classes, features, verdicts, r);
            for i in grown.start..r.start {
                classes.revised[i] = Class::Good;
            }
            for i in r.end..grown.end {
                classes.revised[i] = Class::Good;
            }
            *r = grown;
        }
        let mut cue: Vec<bool> = verdicts
            .iter()
            .zip(&form)
            .map(|(v, form)| *form || is_cue(v, rules))
            .collect();
        // No article text is reached for across the start of a comment thread.
        if let Some(t) = &thread {
            cue[t.start] = true;
        }
        for gap in clean_gaps(&regions, &cue) {
            for i in gap.clone() {
                classes.revised[i] = Class::Good;
            }
            regions.push(gap);
        }
        // A sentence printed twice (a form message, a call to action) is no
        // paragraph of the article, however short.
        let printed_twice: Vec<bool> = repeats.iter().zip(&form).map(|(r, f)| *r || *f).collect();
        let reached: Vec<usize> = regions
            .iter()
            .flat_map(|r| {
                let mut near = prose_within_reach(&classes, features, verdicts, &cue, r);
                near.extend(dense_prose_within_reach(
                    features,
                    verdicts,
                    &cue,
                    &printed_twice,
                    r,
                ));
                near
            })
            .collect();
        for i in reached {
            if !regions.iter().any(|r| r.contains(&i)) {
                classes.revised[i] = Class::Good;
                regions.push(i..i + 1);
            }
        }
        // Long text next to any of them, the paragraphs just reached included.
        let next_to: Vec<usize> = regions
            .iter()
            .flat_map(|r| near_text_within_reach(features, verdicts, &cue, &printed_twice, r))
            .collect();
        for i in next_to {
            if !regions.iter().any(|r| r.contains(&i)) {
                classes.revised[i] = Class::Good;
                regions.push(i..i + 1);
            }
        }
        let timelines = chronologies(input, seg, features);
        let joined: Vec<Range<usize>> = regions
            .iter()
            .flat_map(|r| chronologies_within_reach(&timelines, &cue, r))
            .collect();
        for c in joined {
            classes.revised[c.clone()].fill(Class::Good);
            regions.push(c);
        }
    }
    // In a page dump the article starts with its main region: a "Comments" link
    // in a sidebar above it opens no comment section.
    let article_start = if dump {
        regions.iter().map(|r| r.start).min().unwrap_or(0)
    } else {
        0
    };
    close_at_comment_section(seg, features, verdicts, article_start, dump);
    let mut above = match body_start {
        Some(start) if dump => {
            title::find_above(input, seg, features, verdicts, start, TITLE_LOOKBACK)
        }
        _ => None,
    };
    // A standfirst under the byline block is body text; the headline is above it.
    if let Some(lead) = above
        && let Some(head) = title::headline_over_byline(input, seg, features, verdicts, lead)
    {
        classes.revised[lead] = Class::Good;
        regions.push(lead..lead + 1);
        above = Some(head);
    }
    let headline = above.or_else(|| title::find(input, seg, features, verdicts, 0));
    // A standfirst right under the headline, above the byline block, is body text.
    if let (Some(t), Some(start)) = (headline, body_start)
        && dump
        && t < start
        && let Some(lead) = standfirst_under_headline(features, verdicts, rules, &repeats, t, start)
    {
        classes.revised[lead] = Class::Good;
        regions.push(lead..lead + 1);
    }
    if let Some(t) = headline {
        verdicts[t] = Verdict::Title;
    }
    if dump {
        let inline = keep_main_region(&regions, &classes, features, verdicts, &repeats);
        keep_after_lead_ins(features, verdicts, rules, &inline);
        drop_author_bio(input, seg, features, verdicts);
    }
    if let Some(t) = verdicts.iter().position(|v| *v == Verdict::Title) {
        drop_title_repeat(input, seg, t, verdicts);
    }
}

/// A whole line of at least this many characters whose text (whitespace
/// collapsed) stands more than once on the page is a teaser, a promo or a
/// form message printed again, not article prose (an article says each of its
/// paragraphs once): it weighs against the main region like boilerplate.
pub(crate) const PAGE_REPEAT_MIN_CHARS: usize = 80;

/// A short line inside the main region that its neighbours made `Bad` stays
/// when it is a unique finished sentence (or colon lead-in) of at least this
/// many words with at least [`STOPWORDS_HIGH`] stopword density: a line of
/// dialogue, a question, a one-line paragraph next to a code line or a photo
/// credit. Shorter lines are labels and buttons.
pub(crate) const INSIDE_SHORT_MIN_WORDS: usize = 4;

/// A near-good unit inside the main region that its neighbours made `Bad`
/// stays when it is a unique finished sentence (or colon lead-in) with at
/// least this stopword density: a paragraph between a caption and a table.
/// Below it a line is a name list or a product specification.
pub(crate) const INSIDE_NEAR_GOOD_MIN_STOPWORDS: f64 = 0.25;

/// A unique whole line of at least this many words inside the main region
/// stays, however it ends, when at least [`INSIDE_LONG_MIN_STOPWORDS`] of its
/// words are stopwords: a quote dense with names and titles, a paragraph cut
/// off before its full stop. Menus and link lists do not run this long.
pub(crate) const INSIDE_LONG_MIN_WORDS: usize = 30;

/// See [`INSIDE_LONG_MIN_WORDS`]. Below it a long line is a list of names,
/// figures or keywords.
pub(crate) const INSIDE_LONG_MIN_STOPWORDS: f64 = 0.2;

/// For each unit: is it a whole line whose text (whitespace collapsed) stands
/// more than once on the page? One pass with hash maps, linear.
///
/// Texts are compared by a 64-bit hash (a fixed seed, so the result does not
/// vary between runs), which keeps the map small on pages of millions of
/// lines: two different lines would have to collide to count as a repeat, and
/// then they only weigh a little against the main region. The maps themselves
/// hash those numbers with a per-process seed, so no page can make them slow.
///
/// Most lines of a page stand once, and collapsing and hashing all of a
/// paragraph costs a pass over it: a text is first known by its [`edge_key`],
/// and only texts whose keys meet are collapsed and hashed (the first of
/// them when the second comes). Equal texts have equal keys, so the repeats
/// found are the same.
fn page_repeats(input: &str, seg: &Segments, features: &[Features]) -> Vec<bool> {
    let text_hash = FixedState::default();
    let mut repeated = vec![false; seg.units.len()];
    // Each text's first unit, `usize::MAX` once the text has been seen again.
    // (No list of every unit's hash: on a page of millions of equal lines
    // that would weigh more than the text, while the map holds one entry.)
    let mut first: HashMap<u64, usize, RandomState> = HashMap::default();
    // Each edge key's first unit, `usize::MAX` once its text is in `first`.
    // Sized for a page's units up front, rather than grown entry by entry.
    let mut edges: HashMap<u64, usize, RandomState> = HashMap::with_capacity_and_hasher(
        seg.units.len().min(REPEAT_MAP_PRESIZE),
        RandomState::default(),
    );
    let mut add = |i: usize, text: &str| {
        let h = text_hash.hash_one(collapse_whitespace(text));
        match first.entry(h) {
            Entry::Vacant(entry) => {
                entry.insert(i);
            }
            Entry::Occupied(mut entry) => {
                let at = std::mem::replace(entry.get_mut(), usize::MAX);
                if let Some(first) = repeated.get_mut(at) {
                    *first = true;
                }
                repeated[i] = true;
            }
        }
    };
    for (i, unit) in seg.units.iter().enumerate() {
        if !features.get(i).is_some_and(|f| f.whole_block) {
            continue;
        }
        let text = unit.span.slice(input);
        match edges.entry(edge_key(text)) {
            Entry::Vacant(entry) => {
                entry.insert(i);
            }
            Entry::Occupied(mut entry) => {
                let at = std::mem::replace(entry.get_mut(), usize::MAX);
                if let Some(earlier) = seg.units.get(at) {
                    add(at, earlier.span.slice(input));
                }
                add(i, text);
            }
        }
    }
    repeated
}

/// Most entries [`page_repeats`] makes room for before it starts (one per
/// unit, for most pages): a page of millions of lines grows its map as it
/// goes, to what its lines need.
const REPEAT_MAP_PRESIZE: usize = 4096;

/// How many bytes at each end of a text [`edge_key`] looks at.
const EDGE_BYTES: usize = 8;

/// A number that texts equal once whitespace is collapsed (see
/// [`page_repeats`]) share: made of the bytes of a trimmed text (a unit's) up
/// to its first byte that is not printable ASCII and after its last one, at
/// most [`EDGE_BYTES`] of each. Collapsing changes only whitespace, which such
/// bytes are not, and trimming only the ends, which are trimmed already. Two
/// different paragraphs mostly differ there (their first and last words);
/// texts whose keys are equal are told apart by their hashes. (Stopping at
/// any other byte, rather than at whitespace only, spares decoding.)
fn edge_key(text: &str) -> u64 {
    fn edge<'a>(bytes: impl Iterator<Item = &'a u8>) -> u64 {
        bytes
            .take(EDGE_BYTES)
            .take_while(|b| b.is_ascii_graphic())
            .fold(0u64, |key, &b| (key << 8) | u64::from(b))
    }
    let bytes = text.as_bytes();
    let (start, end) = (edge(bytes.iter()), edge(bytes.iter().rev()));
    // Mixed, not packed: a collision only costs the two texts a hash each.
    start.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29) ^ end
}

/// For each unit: is it a comment's signature line (a whole line of at most
/// [`STAMP_MAX_WORDS`] words, not a list item, not ending like a sentence,
/// with a clock time and a year: see [`is_comment_stamp`])? Only such short
/// lines are scanned.
fn comment_stamps(input: &str, seg: &Segments, features: &[Features]) -> Vec<bool> {
    seg.units
        .iter()
        .zip(features)
        .map(|(unit, f)| {
            f.whole_block
                && !f.list_item
                && (f.words as usize) <= STAMP_MAX_WORDS
                && f.terminal != Terminal::Sentence
                && is_comment_stamp(unit.span.slice(input))
        })
        .collect()
}

/// For each unit: does it lie in a log-in or registration form block (see
/// [`crate::rules::form`])?
fn form_block_units(
    input: &str,
    seg: &Segments,
    features: &[Features],
    form_kinds: &[u8],
) -> Vec<bool> {
    // One entry per unit from the engine's scan; without them, every line is
    // scanned here.
    let scanned = form_kinds.len() == seg.units.len();
    let lines = seg
        .units
        .iter()
        .zip(features)
        .enumerate()
        .map(|(i, (unit, f))| FormLine {
            text: unit.span.slice(input),
            words: f.words as usize,
            sentence: f.terminal == Terminal::Sentence,
            whole: f.whole_block,
            kinds: match scanned {
                true => form_kinds[i],
                false => UNSCANNED,
            },
        });
    form_blocks(lines)
}

/// Is this unit's verdict a boilerplate cue that the article does not reach
/// across: a removal by a rule that is not page furniture (see
/// [`crate::classify::FURNITURE`]), a comment opener, or a context decision?
fn is_cue(verdict: &Verdict, rules: &[Rule]) -> bool {
    match verdict {
        Verdict::Keep | Verdict::Inline(_) | Verdict::Meta(_) | Verdict::Title => false,
        Verdict::Drop(Reason::Rule(r)) => !rules
            .get(*r)
            .is_some_and(|r| crate::classify::FURNITURE.contains(&r.category)),
        Verdict::Drop(Reason::Context(..)) | Verdict::ToEnd(_) | Verdict::Closes(_) => true,
    }
}

/// A kept line that ends with a colon (`Some of my favourites:`, `Do this:`)
/// introduces the lines after it: up to this many of them belong to the
/// article whatever the region made of them (a short list, a command, the rows
/// of a small table) …
pub(crate) const LEAD_IN_MAX_LINES: usize = 5;

/// … when each has at most this many words (longer text is judged on its own)
/// and no kept line or boilerplate cue comes first.
pub(crate) const LEAD_IN_ITEM_MAX_WORDS: usize = 15;

/// Gives back to the article the short lines after a kept lead-in (see
/// [`LEAD_IN_MAX_LINES`]) that the main region dropped, with the inline
/// removals they had before (`inline`, from [`keep_main_region`]). Lines
/// without words (a lone `*`) are passed over; page furniture counts as a line
/// but stays.
fn keep_after_lead_ins(
    features: &[Features],
    verdicts: &mut [Verdict],
    rules: &[Rule],
    inline: &[(usize, Verdict)],
) {
    let region_drop = |v: &Verdict| {
        matches!(v, Verdict::Drop(Reason::Context(d))
            if [OUTSIDE_MAIN_REGION, LOW_CONTENT, MENU_RUN].contains(&d.id))
    };
    for i in 0..verdicts.len() {
        let f = &features[i];
        if verdicts[i] != Verdict::Keep || !f.whole_block || f.terminal != Terminal::Colon {
            continue;
        }
        let mut lines = 0;
        for j in i + 1..verdicts.len() {
            if lines == LEAD_IN_MAX_LINES {
                break;
            }
            let g = &features[j];
            if g.words == 0 {
                continue;
            }
            let v = &verdicts[j];
            if matches!(v, Verdict::Keep | Verdict::Inline(_))
                || g.words as usize > LEAD_IN_ITEM_MAX_WORDS
                || !region_drop(v) && is_cue(v, rules) && !is_title_furniture(v)
            {
                break;
            }
            if region_drop(v) && g.whole_block {
                verdicts[j] = match inline.binary_search_by_key(&j, |(k, _)| *k) {
                    Ok(k) => inline[k].1.clone(),
                    Err(_) => Verdict::Keep,
                };
            }
            lines += 1;
        }
    }
}

/// Is `v` the decision that passed over page furniture above the headline?
fn is_title_furniture(v: &Verdict) -> bool {
    matches!(v, Verdict::Drop(Reason::Context(d)) if d.id == title::TITLE_FURNITURE)
}

/// An author's bio is among the last this many kept lines of a page dump's
/// article: the box under the text, not a portrait inside it.
pub(crate) const AUTHOR_BIO_LAST_LINES: usize = 3;

/// An author's bio has at most this many words.
pub(crate) const AUTHOR_BIO_MAX_WORDS: usize = 80;

/// Verbs that follow the name at the start of a bio (`Jane Doe is …`).
const AUTHOR_BIO_VERBS: &[&str] = &[
    "is", "was", "has", "writes", "lives", "works", "ist", "war", "hat", "schreibt", "arbeitet",
    "lebt", "leitet", "est", "es", "è", "é",
];

/// Trades and roles a bio names (matched as whole words, case-insensitively).
const AUTHOR_BIO_ROLES: &[&str] = &[
    "journalist",
    "reporter",
    "editor",
    "writer",
    "author",
    "autor",
    "autorin",
    "redakteur",
    "redakteurin",
    "co-founder",
    "cofounder",
    "founder",
    "gründer",
    "gründerin",
    "correspondent",
    "korrespondent",
    "korrespondentin",
    "freelance",
    "blogger",
    "bloggerin",
    "columnist",
    "kolumnist",
    "kolumnistin",
    "contributor",
    "journaliste",
    "rédacteur",
    "rédactrice",
    "periodista",
    "redactor",
    "redactora",
    "giornalista",
    "jornalista",
    "redacteur",
    "dziennikarz",
    "dziennikarka",
];

/// Does `text` read as an author's bio: one to three capitalised words (a
/// name), then a bio verb ([`AUTHOR_BIO_VERBS`]), and a trade or role
/// ([`AUTHOR_BIO_ROLES`], or `head of`) somewhere in it?
fn is_author_bio(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let mut names = 0;
    let verb = loop {
        let Some(word) = words.next() else {
            return false;
        };
        if names >= 1 && AUTHOR_BIO_VERBS.contains(&word) {
            break true;
        }
        if names == 3 || !word.chars().next().is_some_and(char::is_uppercase) {
            break false;
        }
        names += 1;
    };
    if !verb {
        return false;
    }
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| AUTHOR_BIO_ROLES.contains(&w))
        || lower.contains("head of ")
}

/// Removes an author's bio among the last kept lines of the article (see
/// [`AUTHOR_BIO_LAST_LINES`] and [`is_author_bio`]): `Jane Doe is a reporter
/// covering …`.
fn drop_author_bio(input: &str, seg: &Segments, features: &[Features], verdicts: &mut [Verdict]) {
    let last: Vec<usize> = (0..verdicts.len())
        .rev()
        .filter(|&i| matches!(verdicts[i], Verdict::Keep) && features[i].whole_block)
        .take(AUTHOR_BIO_LAST_LINES)
        .collect();
    for i in last {
        if (features[i].words as usize) <= AUTHOR_BIO_MAX_WORDS
            && is_author_bio(seg.units[i].span.slice(input))
        {
            verdicts[i] = Verdict::Drop(Reason::Context(&AUTHOR_BIO_DECISION));
        }
    }
}

/// A standfirst under the headline is at most this many units above the start
/// of the body: the date, byline and share lines of an article's head fit in
/// between, a sidebar does not.
pub(crate) const STANDFIRST_REACH_UNITS: usize = 10;

/// The unit right under headline `title` when it is a standfirst: a finished
/// sentence of at least [`title::STANDFIRST_MIN_WORDS`] words with at least
/// [`STOPWORDS_LOW`](crate::classify::STOPWORDS_LOW) stopword density, printed
/// once, kept by the rules, with only page furniture (no boilerplate cue)
/// between it and the body starting at `body_start`. Pages print the headline,
/// the standfirst, then the date and byline block, then the body.
fn standfirst_under_headline(
    features: &[Features],
    verdicts: &[Verdict],
    rules: &[Rule],
    repeats: &[bool],
    title: usize,
    body_start: usize,
) -> Option<usize> {
    let lead = (title + 1..body_start).find(|&i| features[i].words > 0)?;
    let f = &features[lead];
    let standfirst = matches!(verdicts[lead], Verdict::Keep)
        && f.whole_block
        && !f.list_item
        && !repeats[lead]
        && f.terminal == Terminal::Sentence
        && f.words as usize >= title::STANDFIRST_MIN_WORDS
        && f.stopword_density() >= crate::classify::STOPWORDS_LOW;
    let near = body_start - lead <= STANDFIRST_REACH_UNITS
        && !verdicts[lead + 1..body_start]
            .iter()
            .any(|v| is_cue(v, rules) && !is_title_furniture(v));
    (standfirst && near).then_some(lead)
}

/// Inside the region, a unit goes when it is `Bad` after revision: boilerplate on
/// its own features (revision never changes those), or short / near-good text
/// that its neighbours judged boilerplate.
fn drop_inside_region(revised: Class) -> bool {
    revised == Class::Bad
}

/// A whole line of one to [`LABEL_MAX_WORDS`] words that does not end like a
/// sentence: a menu entry, a button, a label, a subheading.
fn is_label_line(f: &Features) -> bool {
    f.whole_block
        && (1..=LABEL_MAX_WORDS).contains(&(f.words as usize))
        && f.terminal != Terminal::Sentence
}

/// True when the text is a whole page rather than an article an extractor already
/// cut out: it has a navigation menu (many one-to-three-word list items), a page
/// footer and many label lines, or many boilerplate units with a long stretch of
/// them before the first good text.
/// Only then is the main region enforced; an extractor's output is left to the
/// rules, so the cleaner never cuts into it.
fn is_page_dump(
    initial: &[Class],
    features: &[Features],
    verdicts: &[Verdict],
    rules: &[Rule],
) -> bool {
    let menu_items = features
        .iter()
        .filter(|f| f.list_item && (f.words as usize) <= crate::classify::MENU_ITEM_MAX_WORDS)
        .count();
    if menu_items >= PAGE_DUMP_MIN_MENU_ITEMS {
        return true;
    }
    let footer = verdicts.iter().any(|v| match v {
        Verdict::Drop(Reason::Rule(r)) => {
            rules.get(*r).is_some_and(|r| r.category == Category::Legal)
        }
        _ => false,
    });
    if footer
        && features.iter().filter(|f| is_label_line(f)).count() >= PAGE_DUMP_MIN_LABELS_WITH_FOOTER
    {
        return true;
    }
    let bad = initial.iter().filter(|c| **c == Class::Bad).count();
    let first_good = initial.iter().position(|c| *c == Class::Good).unwrap_or(0);
    let before: usize = features[..first_good]
        .iter()
        .map(|f| f.chars as usize)
        .sum();
    bad as f64 >= PAGE_DUMP_MIN_BAD_SHARE * initial.len() as f64
        && before >= PAGE_DUMP_MIN_CHARS_BEFORE
}

/// Removes kept units outside the `regions`, and boilerplate-class units inside.
/// Returns the verdicts with inline removals that it replaced (few: a line
/// with a Markdown link, say), by unit, in unit order, so that a unit given
/// back to the article later keeps its inline removals.
fn keep_main_region(
    regions: &[Range<usize>],
    classes: &Classes,
    features: &[Features],
    verdicts: &mut [Verdict],
    repeats: &[bool],
) -> Vec<(usize, Verdict)> {
    let mut inline = Vec::new();
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        // Sentences of a run-on line are left to the rules: the line is one
        // paragraph, and cutting it by sentence class loses text mid-paragraph.
        if !matches!(verdict, Verdict::Keep | Verdict::Inline(_)) || !features[i].whole_block {
            continue;
        }
        let decision = if !regions.iter().any(|r| r.contains(&i)) {
            &OUTSIDE_MAIN_REGION_DECISION
        } else if !drop_inside_region(classes.revised[i])
            || in_content_list(features, i)
            || stays_inside_region(&features[i], classes.initial[i], repeats[i])
        {
            continue;
        } else if features[i].list_item {
            &MENU_RUN_DECISION
        } else {
            &LOW_CONTENT_DECISION
        };
        let before = std::mem::replace(verdict, Verdict::Drop(Reason::Context(decision)));
        if matches!(before, Verdict::Inline(_)) {
            inline.push((i, before));
        }
    }
    inline
}

/// Does a unit inside the main region stay although its neighbours made it
/// `Bad`? Only a whole, non-list line printed once on the page (`repeated`:
/// more than once) that ends like a sentence or a lead-in (a colon), and is
/// either short with [`INSIDE_SHORT_MIN_WORDS`] words and [`STOPWORDS_HIGH`]
/// stopword density, or near-good with [`INSIDE_NEAR_GOOD_MIN_STOPWORDS`]; or a
/// long line (see [`INSIDE_LONG_MIN_WORDS`]) however it ends.
/// Buttons, labels, form messages and repeated teasers go.
fn stays_inside_region(f: &Features, initial: Class, repeated: bool) -> bool {
    let density = f.stopword_density();
    let ends = matches!(f.terminal, Terminal::Sentence | Terminal::Colon);
    if repeated || f.list_item || !f.whole_block {
        return false;
    }
    if f.words as usize >= INSIDE_LONG_MIN_WORDS && density >= INSIDE_LONG_MIN_STOPWORDS {
        return true;
    }
    if !ends {
        return false;
    }
    match initial {
        Class::Short => (f.words as usize) >= INSIDE_SHORT_MIN_WORDS && density >= STOPWORDS_HIGH,
        Class::NearGood => density >= INSIDE_NEAR_GOOD_MIN_STOPWORDS,
        Class::Good | Class::Bad => false,
    }
}

/// Unit `i` is an item of a content list: a list item that is a finished
/// sentence of at least [`PROSE_MIN_WORDS`] words or starts with a quantity
/// (`200 g flour`, see `Features::quantity`), next to another such item
/// (advice, steps, arguments, ingredients): article text, whatever its
/// neighbours made of it.
fn in_content_list(features: &[Features], i: usize) -> bool {
    let item = |j: usize| {
        features.get(j).is_some_and(|f| {
            f.list_item
                && (f.quantity
                    || f.terminal == Terminal::Sentence && (f.words as usize) >= PROSE_MIN_WORDS)
        })
    };
    item(i) && (i.checked_sub(1).is_some_and(item) || item(i + 1))
}

fn is_prose(f: &Features) -> bool {
    f.terminal == Terminal::Sentence && (f.words as usize) >= PROSE_MIN_WORDS
        || (f.words as usize) >= PROSE_UNPUNCTUATED_MIN_WORDS
}

fn close_at_comment_section(
    seg: &Segments,
    features: &[Features],
    verdicts: &mut [Verdict],
    article_start: usize,
    dump: bool,
) {
    let mut prose_bytes = 0;
    let mut tail: Option<usize> = None;
    for (i, verdict) in verdicts.iter_mut().enumerate() {
        if let Some(rule) = tail {
            if matches!(verdict, Verdict::Keep | Verdict::Inline(_)) {
                *verdict = Verdict::Drop(Reason::Rule(rule));
            }
            continue;
        }
        match *verdict {
            Verdict::Closes(rule) if dump => *verdict = Verdict::Drop(Reason::Rule(rule)),
            Verdict::ToEnd(rule) | Verdict::Closes(rule) => {
                if prose_bytes >= TAIL_MIN_BODY_BYTES {
                    tail = Some(rule);
                }
                *verdict = Verdict::Drop(Reason::Rule(rule));
            }
            Verdict::Keep | Verdict::Inline(_) if i >= article_start && is_prose(&features[i]) => {
                let span = seg.units[i].span;
                prose_bytes += span.end - span.start;
            }
            _ => {}
        }
    }
}

/// A comment-section opener ([`Verdict::ToEnd`]) whose text (whitespace
/// collapsed, case ignored) is repeated by a later opener, with at least
/// [`REPEATED_OPENER_MIN_PROSE_BYTES`] of prose between them, only removes its
/// own line ([`REPEATED_OPENER`]): a page prints its "44 Comments" link under
/// the headline and again as the heading of the section after the article, and
/// only the last one opens the section.
fn demote_repeated_openers(
    input: &str,
    seg: &Segments,
    features: &[Features],
    verdicts: &mut [Verdict],
) {
    let openers: Vec<(usize, String)> = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v, Verdict::ToEnd(_)))
        .map(|(i, _)| {
            let text = collapse_whitespace(seg.units[i].span.slice(input).trim()).to_lowercase();
            (i, text)
        })
        .collect();
    // Prose bytes before each unit, so that the prose between two openers is a
    // difference (one pass, linear however many openers there are).
    let mut prose_before = Vec::with_capacity(verdicts.len() + 1);
    let mut sum = 0;
    prose_before.push(0);
    for (j, v) in verdicts.iter().enumerate() {
        if matches!(v, Verdict::Keep | Verdict::Inline(_)) && is_prose(&features[j]) {
            sum += seg.units[j].span.end - seg.units[j].span.start;
        }
        prose_before.push(sum);
    }
    // The last opener of each text: the prose between an opener and a repeat
    // is largest for the last repeat.
    let last: std::collections::HashMap<&str, usize> =
        openers.iter().map(|(i, t)| (t.as_str(), *i)).collect();
    let demoted: Vec<usize> = openers
        .iter()
        .filter(|(i, text)| {
            last.get(text.as_str()).is_some_and(|&j| {
                j > *i && prose_before[j] - prose_before[i + 1] >= REPEATED_OPENER_MIN_PROSE_BYTES
            })
        })
        .map(|(i, _)| *i)
        .collect();
    for i in demoted {
        verdicts[i] = Verdict::Drop(Reason::Context(&REPEATED_OPENER_DECISION));
    }
}

/// Removes the body units, just below the title or (rarely) just above it,
/// whose text, as the body would show it, is the title again.
fn drop_title_repeat(input: &str, seg: &Segments, title: usize, verdicts: &mut [Verdict]) {
    let span = |i: usize| seg.units[i].span;
    let title_text = collapse_whitespace(title::title_text(span(title).slice(input))).into_owned();
    // The text a kept unit shows in the body (without its inline removals).
    let shown = |i: usize, v: &Verdict| match v {
        Verdict::Keep => Some(Cow::Borrowed(span(i).slice(input))),
        Verdict::Inline(spans) => Some(residual(input, span(i), spans)),
        _ => None,
    };
    let is_repeat = |i: usize, v: &Verdict| {
        shown(i, v).is_some_and(|t| {
            collapse_whitespace(title::title_text(&t)).eq_ignore_ascii_case(&title_text)
        })
    };
    let body = |i: &usize| matches!(verdicts[*i], Verdict::Keep | Verdict::Inline(_));
    let after = (title + 1..verdicts.len())
        .filter(body)
        .take(TITLE_REPEAT_WINDOW);
    let before = (0..title).rev().filter(body).take(TITLE_REPEAT_WINDOW);
    let mut repeats: Vec<usize> = after
        .chain(before)
        .filter(|&i| is_repeat(i, &verdicts[i]))
        .collect();
    // The body must not open with the title either, however far from the title
    // that first paragraph stands (a page that prints the headline again above
    // a copy of the story): the leading kept units equal to it go too.
    let leading: Vec<usize> = (0..verdicts.len())
        .filter(body)
        .filter(|i| !repeats.contains(i))
        .take_while(|&i| is_repeat(i, &verdicts[i]))
        .collect();
    repeats.extend(leading);
    for i in repeats {
        verdicts[i] = Verdict::Drop(Reason::Context(&TITLE_REPEATED_DECISION));
    }
}

#[cfg(test)]
mod tests {
    use crate::clean;
    use crate::features::Terminal;

    const BODY: &str = "The first paragraph of the story is long enough to be prose. It goes on for a while, with several sentences. And another one here, so that it passes the limit of two hundred bytes easily.";

    /// Another paragraph: an article says each of its paragraphs once, and a
    /// long line printed twice on a page weighs against the main region.
    const BODY2: &str = "The next paragraph of the story is long enough to be prose as well. It goes on for a while, with a few more sentences. And one more here, so that it also passes the limit of two hundred bytes.";

    /// The id of the rule that removed the piece `text` of `a`, if any did.
    fn removed_by(a: &crate::Article<'_>, text: &str) -> Option<String> {
        a.removed
            .iter()
            .find(|r| r.text == text)
            .map(|r| r.rule.to_string())
    }

    /// A small page dump: a menu, a headline, two paragraphs, a teaser list and
    /// a footer line.
    fn page_dump() -> String {
        let menu: String = [
            "Home", "World", "Politics", "Business", "Tech", "Sport", "Culture", "Travel",
            "Opinion", "Video", "Podcasts", "Weather", "Local",
        ]
        .iter()
        .map(|m| format!("  * {m}\n"))
        .collect();
        let second = "The second paragraph goes on with the story, and it is also long enough to be good prose: it has many of the small words that every sentence needs, and it ends with a full stop.";
        let teasers: String = (1..=6)
            .map(|i| format!("  * Teaser headline number {i} about another story\n"))
            .collect();
        format!(
            "{menu}\nCity council approves the new harbour plan\n\n{BODY}\n\n{second}\n\n{teasers}\nSome footer text without many words Example Media Group Ltd\n"
        )
    }

    #[test]
    fn page_dump_keeps_only_the_main_region() {
        let input = page_dump();
        let a = clean(&input);
        assert_eq!(
            a.title.as_deref(),
            Some("City council approves the new harbour plan")
        );
        assert!(a.body.starts_with(BODY), "{}", a.body);
        assert_eq!(a.paragraphs.len(), 2, "{}", a.body);
        let reason = |text: &str| {
            a.removed
                .iter()
                .find(|r| r.text.contains(text))
                .map(|r| r.rule.to_string())
        };
        assert_eq!(
            reason("Politics").as_deref(),
            Some(super::OUTSIDE_MAIN_REGION)
        );
        assert_eq!(
            reason("Teaser headline number 3").as_deref(),
            Some(super::OUTSIDE_MAIN_REGION)
        );
        assert_eq!(
            reason("Example Media Group").as_deref(),
            Some(super::OUTSIDE_MAIN_REGION)
        );
    }

    #[test]
    fn menu_runs_inside_the_region_are_removed() {
        let second = "The second paragraph goes on with the story, and it is also long enough to be good prose: it has many of the small words that every sentence needs, and it ends with a full stop.";
        let menu: String = (1..=14).map(|i| format!("  * Menu {i}\n")).collect();
        let input = format!(
            "{menu}\nHeadline of the story here\n\n{BODY}\n\n  * Share\n  * Print\n  * Tweet\n  * Mail\n  * More\n\n{second}\n"
        );
        let a = clean(&input);
        assert_eq!(a.body, format!("{BODY}\n\n{second}"));
        let inside = removed_by(&a, "* More");
        assert_eq!(inside.as_deref(), Some(super::MENU_RUN));
    }

    #[test]
    fn low_content_lines_inside_the_region_are_removed() {
        let menu: String = (1..=14).map(|i| format!("  * Menu {i}\n")).collect();
        let junk =
            "Model X 200 Model Y 300 Model Z 400 Model W 500 Model V 600 Model U 700 Model T 800";
        let input = format!("{menu}\nHeadline of the story here\n\n{BODY}\n\n{junk}\n\n{BODY2}\n");
        let a = clean(&input);
        assert_eq!(a.body, format!("{BODY}\n\n{BODY2}"));
        let reason = removed_by(&a, junk);
        assert_eq!(reason.as_deref(), Some(super::LOW_CONTENT));
    }

    #[test]
    fn a_long_line_dense_with_names_stays_inside_the_region() {
        use super::stays_inside_region;
        use crate::classify::Class;
        use crate::features::{Features, Terminal};
        // A 35-word quote that a comma ends, 9 of its words stopwords (0.26):
        // `Bad` on its own features.
        let quote = Features {
            terminal: Terminal::None,
            ..Features::sentence(240, 35, 9)
        };
        assert!(quote.stopword_density() < crate::classify::STOPWORDS_LOW);
        assert!(stays_inside_region(&quote, Class::Bad, false));
        // Shorter, sparser, printed twice, or a list item: it goes.
        let short = Features {
            terminal: Terminal::None,
            ..Features::sentence(140, 20, 6)
        };
        assert!(!stays_inside_region(&short, Class::Bad, false));
        let names = Features {
            terminal: Terminal::None,
            ..Features::sentence(240, 35, 4)
        };
        assert!(!stays_inside_region(&names, Class::Bad, false));
        assert!(!stays_inside_region(&quote, Class::Bad, true));
        let item = Features {
            list_item: true,
            ..quote
        };
        assert!(!stays_inside_region(&item, Class::Bad, false));
    }

    #[test]
    fn a_standfirst_under_the_headline_and_over_the_byline_block_is_body_text() {
        use super::{OUTSIDE_MAIN_REGION_DECISION, Rule, standfirst_under_headline};
        use crate::engine::{Reason, Verdict};
        use crate::features::{Features, Terminal};
        // 0 headline, 1 standfirst (25 words, density 0.36), 2 date (title
        // furniture), 3 "by", 4 author, 5–6 breadcrumb items, 7 body.
        let label = |words| Features {
            terminal: Terminal::None,
            ..Features::sentence(10 * words, words, 0)
        };
        let f = vec![
            label(8),
            Features::sentence(160, 25, 9),
            label(4),
            label(1),
            label(2),
            Features {
                list_item: true,
                ..label(1)
            },
            Features {
                list_item: true,
                ..label(2)
            },
            Features::sentence(400, 60, 28),
        ];
        let mut v = vec![Verdict::Keep; f.len()];
        v[2] = Verdict::Drop(Reason::Context(&crate::title::TITLE_FURNITURE_DECISION));
        let rules: &[Rule] = &[];
        let once = vec![false; f.len()];
        assert_eq!(
            standfirst_under_headline(&f, &v, rules, &once, 0, 7),
            Some(1)
        );
        // The body starts too far below it: a sidebar's teaser.
        assert_eq!(standfirst_under_headline(&f, &v, rules, &once, 0, 12), None);
        // Printed twice on the page, or too sparse in stopwords: no standfirst.
        let mut twice = once.clone();
        twice[1] = true;
        assert_eq!(standfirst_under_headline(&f, &v, rules, &twice, 0, 7), None);
        let mut sparse = f.clone();
        sparse[1] = Features::sentence(160, 25, 5);
        assert_eq!(
            standfirst_under_headline(&sparse, &v, rules, &once, 0, 7),
            None
        );
        // A boilerplate cue (here a context decision other than title
        // furniture) stands between it and the body.
        v[4] = Verdict::Drop(Reason::Context(&OUTSIDE_MAIN_REGION_DECISION));
        assert_eq!(standfirst_under_headline(&f, &v, rules, &once, 0, 7), None);
    }

    #[test]
    fn short_lines_after_a_kept_lead_in_belong_to_the_article() {
        use super::{
            LEAD_IN_MAX_LINES, LOW_CONTENT_DECISION, MENU_RUN_DECISION,
            OUTSIDE_MAIN_REGION_DECISION, keep_after_lead_ins,
        };
        use crate::engine::{Reason, Verdict};
        use crate::features::{Features, Terminal};
        let line = |words| Features {
            terminal: Terminal::None,
            ..Features::sentence(8 * words, words, 0)
        };
        let lead_in = Features {
            terminal: Terminal::Colon,
            ..Features::sentence(80, 12, 6)
        };
        let outside = Verdict::Drop(Reason::Context(&OUTSIDE_MAIN_REGION_DECISION));
        let low = Verdict::Drop(Reason::Context(&LOW_CONTENT_DECISION));
        let menu = Verdict::Drop(Reason::Context(&MENU_RUN_DECISION));
        // `Some of my favourites:`, three names, a line without words, a
        // long line, a name.
        let f = vec![
            lead_in.clone(),
            line(4),
            line(3),
            line(5),
            line(0),
            line(40),
            line(3),
        ];
        let mut v = vec![
            Verdict::Keep,
            outside.clone(),
            low.clone(),
            menu.clone(),
            outside.clone(),
            outside.clone(),
            outside.clone(),
        ];
        keep_after_lead_ins(&f, &mut v, &[], &[]);
        assert!(v[..4].iter().all(|v| *v == Verdict::Keep), "{v:?}");
        assert_eq!(v[4..], [outside.clone(), outside.clone(), outside.clone()]);
        // A line that had inline removals (a Markdown link) gets them back.
        let link = Verdict::Inline(Box::new(vec![(crate::Span { start: 3, end: 9 }, 0)]));
        let mut v = vec![Verdict::Keep, outside.clone()];
        keep_after_lead_ins(&f[..2], &mut v, &[], &[(1, link.clone())]);
        assert_eq!(v[1], link);
        // A lead-in that was itself dropped introduces nothing.
        let mut dropped = vec![outside.clone(); 4];
        keep_after_lead_ins(&f[..4], &mut dropped, &[], &[]);
        assert_eq!(dropped, vec![outside.clone(); 4]);
        // At most LEAD_IN_MAX_LINES lines.
        let many: Vec<Features> = std::iter::once(lead_in)
            .chain(std::iter::repeat_n(line(3), LEAD_IN_MAX_LINES + 2))
            .collect();
        let mut v: Vec<Verdict> = std::iter::once(Verdict::Keep)
            .chain(std::iter::repeat_n(outside.clone(), LEAD_IN_MAX_LINES + 2))
            .collect();
        keep_after_lead_ins(&many, &mut v, &[], &[]);
        let kept = v.iter().filter(|v| **v == Verdict::Keep).count();
        assert_eq!(kept, 1 + LEAD_IN_MAX_LINES);
        // A boilerplate cue (a repeated opener, say) ends the lines.
        let mut v = vec![Verdict::Keep, outside.clone(), low.clone(), outside.clone()];
        v[2] = Verdict::Drop(Reason::Context(&super::REPEATED_OPENER_DECISION));
        keep_after_lead_ins(&f[..4], &mut v, &[], &[]);
        assert_eq!(v[1], Verdict::Keep);
        assert_eq!(v[3], outside);
    }

    #[test]
    fn an_author_bio_under_the_article_goes_but_not_one_inside_it() {
        let menu: String = (1..=14).map(|i| format!("  * Menu {i}\n")).collect();
        let bio = "Jane Marlow is a reporter covering housing for the Daily Planet. Got a tip? Write to her.";
        let page = format!("{menu}\nHeadline of the story here\n\n{BODY}\n\n{BODY2}\n\n{bio}\n");
        let a = clean(&page);
        assert_eq!(a.body, format!("{BODY}\n\n{BODY2}"));
        let rule = removed_by(&a, bio);
        assert_eq!(rule.as_deref(), Some(super::AUTHOR_BIO));
        // The same sentence in the middle of the article is article text.
        let inside = format!(
            "{menu}\nHeadline of the story here\n\n{BODY}\n\n{bio}\n\n{BODY2}\n\n{BODY}\n\n{BODY2}\n"
        );
        assert!(clean(&inside).body.contains(bio));
        // A closing line about a reporter that does not open with a name.
        let closing = "The reporter who broke the story is now writing a book about the case.";
        let page =
            format!("{menu}\nHeadline of the story here\n\n{BODY}\n\n{BODY2}\n\n{closing}\n");
        assert!(clean(&page).body.ends_with(closing));
    }

    #[test]
    fn an_author_bio_opens_with_a_name_and_a_verb_and_names_a_trade() {
        use super::is_author_bio;
        for bio in [
            "Jane Marlow is a reporter covering housing for the Daily Planet.",
            "Max Muster ist Redakteur im Ressort Wirtschaft.",
            "Inge Beispiel ist Head of Social bei Testmagazin.",
            "Jake is the co-founder of a consultancy and an organizer of meetups.",
            "Marie Exemple est journaliste indépendante à Lyon.",
        ] {
            assert!(is_author_bio(bio), "{bio}");
        }
        for text in [
            "The reporter who broke the story is now writing a book.",
            "Officials in Berlin said the editor had resigned on Monday.",
            "Mayor Jane Marlow is expected to sign the budget on Friday.",
            "Jane Marlow is the new mayor of the town.",
        ] {
            assert!(!is_author_bio(text), "{text}");
        }
    }

    /// Thirteen one-word menu items: enough to make a text a page dump.
    fn menu() -> String {
        (1..=13).map(|i| format!("  * Section{i}\n")).collect()
    }

    #[test]
    fn a_list_of_finished_sentences_is_article_text() {
        use super::in_content_list;
        let item = |words: usize| crate::features::Features {
            list_item: true,
            ..crate::features::Features::sentence(words * 6, words, words / 3)
        };
        let mut label = item(3);
        label.terminal = Terminal::None;
        let f = [
            item(8),
            item(7),
            label.clone(),
            item(9),
            label,
            item(3),
            item(3),
        ];
        assert!(in_content_list(&f, 0) && in_content_list(&f, 1));
        // A lone sentence among labels is a teaser headline, and items of
        // fewer than six words are menu entries with a full stop.
        assert!(!in_content_list(&f, 3));
        assert!(!in_content_list(&f, 5) && !in_content_list(&f, 6));
        // Ingredients: short items that start with a quantity.
        let mut g = item(3);
        g.terminal = Terminal::None;
        g.quantity = true;
        let f = [g.clone(), g.clone(), item(3)];
        assert!(in_content_list(&f, 0) && in_content_list(&f, 1));
        assert!(!in_content_list(&f, 2));
    }

    #[test]
    fn short_sentences_next_to_the_region_belong_to_the_article() {
        let steps = "Heat the oven.\n\nMix the flour and the milk.\n\nBake it for an hour.";
        let input = format!(
            "{}\nHeadline of the story here\n\n{BODY} {BODY}\n\n{steps}\n\n  * Tech\n  * Sport\n\nNot part of it.\n",
            menu()
        );
        let a = clean(&input);
        assert!(a.body.ends_with(steps), "{}", a.body);
        assert!(!a.body.contains("Not part of it"), "{}", a.body);
    }

    #[test]
    fn a_paragraph_between_a_photo_credit_and_a_menu_item_stays() {
        let near_good = "It was not the first time that the council had to vote on the plan, and it will not be the last.";
        let input = format!(
            "{}\nHeadline of the story here\n\n{BODY} {BODY}\n\nPhoto: Jane Doe/Reuters\n\n{near_good}\n\n  * Tech\n\n{BODY} {BODY}\n",
            menu()
        );
        let a = clean(&input);
        assert!(a.body.contains(near_good), "{}", a.body);
        assert!(!a.body.contains("Tech"), "{}", a.body);
    }

    #[test]
    fn the_lead_above_the_byline_and_share_bar_belongs_to_the_article() {
        let lead = "The city council has approved the new harbour plan after a debate that lasted for two long years.";
        let input = format!(
            "{}\nCity council approves the new harbour plan\n\n{lead}\n\nBy Jane Doe\n\nMarch 3, 2021\n\n  * Facebook\n  * Twitter\n\nPhoto: Jane Doe/Reuters\n\n{BODY}\n\n{BODY2}\n",
            menu()
        );
        let a = clean(&input);
        assert_eq!(
            a.title.as_deref(),
            Some("City council approves the new harbour plan")
        );
        assert!(a.body.starts_with(lead), "{}", a.body);
        assert_eq!(a.paragraphs.len(), 3, "{}", a.body);
    }

    #[test]
    fn a_lead_that_its_neighbours_made_bad_inside_the_region_stays() {
        let lead = "The city council has approved the new harbour plan after a debate that lasted for two long years, and the work starts in spring.";
        let input = format!(
            "{}\nCity council approves the new harbour plan\n\n{lead}\n\n12 Comments\n\n{BODY} {BODY}\n\n{BODY} {BODY}\n",
            menu()
        );
        let a = clean(&input);
        assert!(a.body.starts_with(lead), "{}", a.body);
        assert_eq!(
            a.title.as_deref(),
            Some("City council approves the new harbour plan")
        );
    }

    #[test]
    fn a_sentence_above_a_menu_is_no_lead() {
        let tagline = "We help people find the best local shops and services in their own town.";
        let input = format!(
            "{}\nSite Name Here\n\n{tagline}\n\n  * News\n  * Shops\n  * Events\n  * Jobs\n\nCity council approves the new harbour plan\n\n{BODY}\n\n{BODY2}\n",
            menu()
        );
        let a = clean(&input);
        assert!(!a.body.contains(tagline), "{}", a.body);
        assert_eq!(
            a.title.as_deref(),
            Some("City council approves the new harbour plan")
        );
    }

    /// A page whose menu has no list markers: one label per line.
    fn page_with_footer(labels: usize) -> String {
        let menu: String = (1..=labels).map(|i| format!("Section {i}\n")).collect();
        format!(
            "{menu}\nHeadline of the story here\n\n{BODY} {BODY}\n\n{BODY2} {BODY2}\n\nMore from the site about other things\n\nCopyright 2021 Example Media Group. All rights reserved.\n"
        )
    }

    #[test]
    fn a_footer_and_many_label_lines_make_a_page_dump() {
        let page = page_with_footer(12);
        let a = clean(&page);
        assert_eq!(a.title.as_deref(), Some("Headline of the story here"));
        assert_eq!(a.paragraphs.len(), 2, "{}", a.body);
        let reason = a
            .removed
            .iter()
            .find(|r| r.text.contains("Section 7"))
            .map(|r| r.rule.to_string());
        assert_eq!(reason.as_deref(), Some(super::OUTSIDE_MAIN_REGION));
        // A few subheadings above a footer line are no page.
        let extract = page_with_footer(3);
        let a = clean(&extract);
        assert!(a.body.contains("Section 2"), "{}", a.body);
        assert!(a.body.contains("More from the site"), "{}", a.body);
    }

    #[test]
    fn label_lines_are_short_and_unfinished() {
        use super::is_label_line;
        let f = crate::features::Features::sentence;
        let mut label = f(12, 2, 0);
        label.terminal = Terminal::None;
        assert!(is_label_line(&label));
        // "Yes." is a reply in a dialogue, not a label.
        assert!(!is_label_line(&f(4, 1, 0)));
        let mut long = f(60, 8, 3);
        long.terminal = Terminal::None;
        assert!(!is_label_line(&long));
    }

    #[test]
    fn extractor_output_is_not_cut_to_a_region() {
        let input = format!("{BODY}\n\nA short line.\n\nAnother short line\n\n{BODY}");
        let a = clean(&input);
        assert!(a.removed.is_empty(), "{:?}", a.removed);
    }

    #[test]
    fn comment_heading_after_body_drops_the_tail() {
        let input = format!(
            "Headline here\n\n{BODY}\n\nLeave a Reply\n\nGreat article, thanks!\n\nI disagree."
        );
        let a = clean(&input);
        assert_eq!(a.body, BODY);
        assert_eq!(a.removed.len(), 3);
        assert!(
            a.removed
                .iter()
                .all(|r| r.rule == "comments.wordpress.leave_reply")
        );
    }

    #[test]
    fn comment_heading_before_body_drops_only_itself() {
        let input = format!("Headline here\n\n12 Comments\n\n{BODY}");
        let a = clean(&input);
        assert_eq!(a.body, BODY);
        assert_eq!(a.removed.len(), 1);
        assert_eq!(a.removed[0].rule, "comments.heading");
    }

    #[test]
    fn a_comment_count_repeated_after_the_body_opens_the_section_only_there() {
        let lead = "The council met on Monday evening, and the debate about the harbour went on until late at night.";
        let body = [BODY; 6].join("\n\n");
        let input = format!(
            "Headline here\n\n{lead}\n\n44 Comments\n\n{body}\n\n44 comments\n\nGreat article, thanks!\n"
        );
        let a = clean(&input);
        assert_eq!(a.body, format!("{lead}\n\n{body}"));
        let rules: Vec<&str> = a.removed.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(
            rules,
            [
                super::REPEATED_OPENER,
                "comments.heading",
                "comments.heading"
            ]
        );
        // With only a short bio between the two, the first one opens the
        // section: the text after it is no article body.
        let bio = "Jane writes about food and travel.";
        let input = format!(
            "Headline here\n\n{BODY}\n\n2 comments\n\n{bio}\n\n2 comments\n\nGreat article!\n"
        );
        let a = clean(&input);
        assert_eq!(a.body, BODY);
    }

    #[test]
    fn long_lines_printed_twice_on_the_page_are_repeats() {
        use crate::{features::compute, segment::segment};
        let teaser = "Read how the harbour plan came about, from the first sketch in the town hall to the vote of the council this week.";
        let input = format!("{teaser}\n\n{BODY}\n\nMore\n\n  {teaser}\n\nMore\n");
        let seg = segment(&input);
        let (f, _) = compute(&input, &seg);
        let repeats = super::page_repeats(&input, &seg, &f);
        // Whitespace around a line does not hide its repeat.
        assert_eq!(repeats, [true, false, true, true, true]);
    }

    proptest::proptest! {
        /// The edge keys change which texts get hashed, not which repeat:
        /// the plain definition (a whole line whose collapsed text another
        /// whole line has) gives the same, with whitespace of every kind
        /// inside and at the ends of lines, and texts that share their ends.
        #[test]
        fn page_repeats_as_defined(
            lines in proptest::collection::vec(
                "[ \u{a0}]{0,2}[xé]{1,2}[ \t\u{a0}\u{3000}\u{202f}]{0,2}[a’.]?(?:[ \u{2009}][xy])?",
                0..24,
            )
        ) {
            use crate::{features::compute, segment::segment};
            let input = lines.join("\n");
            let seg = segment(&input);
            let (f, _) = compute(&input, &seg);
            let texts: Vec<Option<String>> = seg
                .units
                .iter()
                .zip(&f)
                .map(|(u, f)| {
                    f.whole_block
                        .then(|| crate::text::collapse_whitespace(u.span.slice(&input)).into_owned())
                })
                .collect();
            let plain: Vec<bool> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    t.is_some() && texts.iter().enumerate().any(|(j, o)| j != i && o == t)
                })
                .collect();
            proptest::prop_assert_eq!(super::page_repeats(&input, &seg, &f), plain);
        }
    }

    #[test]
    fn a_teaser_printed_twice_does_not_win_the_main_region() {
        // The teaser box (three long teasers) is printed twice, above and below
        // a shorter article: without the repeats it would be the heaviest run.
        let teasers: String = (1..=3)
            .map(|i| format!("Teaser {i}: the other story of the day is long enough to be prose, with all the small words that a sentence has, and it ends with a full stop like the others do here.\n\n"))
            .collect();
        let input = format!(
            "{}\n{teasers}  * Tech\n  * Sport\n\nCity council approves the new harbour plan\n\n{BODY}\n\n{BODY2}\n\n  * Tech\n  * Sport\n\n{teasers}",
            menu()
        );
        let a = clean(&input);
        assert_eq!(a.body, format!("{BODY}\n\n{BODY2}"));
    }

    #[test]
    fn short_sentences_inside_the_region_stay_unless_they_are_labels() {
        use super::stays_inside_region;
        use crate::classify::Class::{NearGood, Short};
        use crate::features::Features;
        // "Why would anyone do that to us?" between a code line and a paragraph.
        let question = Features::sentence(31, 7, 4);
        assert!(stays_inside_region(&question, Short, false));
        // A lead-in that ends with a colon.
        let lead_in = Features {
            terminal: Terminal::Colon,
            ..Features::sentence(40, 8, 5)
        };
        assert!(stays_inside_region(&lead_in, Short, false));
        // The same sentence printed again elsewhere (a form message) goes.
        assert!(!stays_inside_region(&question, Short, true));
        // Buttons and labels: few words, or no final punctuation.
        assert!(!stays_inside_region(
            &Features::sentence(12, 2, 1),
            Short,
            false
        ));
        let label = Features {
            terminal: Terminal::None,
            ..Features::sentence(31, 7, 4)
        };
        assert!(!stays_inside_region(&label, Short, false));
        // Names and numbers with a full stop: too few stopwords.
        assert!(!stays_inside_region(
            &Features::sentence(40, 7, 1),
            Short,
            false
        ));
        // A paragraph of some length with a fair share of stopwords stays; a
        // specification line does not; a list item is left to the list rules.
        assert!(stays_inside_region(
            &Features::sentence(150, 24, 7),
            NearGood,
            false
        ));
        assert!(!stays_inside_region(
            &Features::sentence(150, 24, 3),
            NearGood,
            false
        ));
        let item = Features {
            list_item: true,
            ..Features::sentence(150, 24, 7)
        };
        assert!(!stays_inside_region(&item, NearGood, false));
    }

    #[test]
    fn an_ingredient_list_between_intro_and_method_stays() {
        let intro = "This cake is the one we bake for every birthday in the family, and it is easier than it looks: the batter is made in one bowl and the cream in a pan, and the whole thing is done in the time it takes to lay the table for the guests.";
        let ingredients: String = [
            "200 g flour",
            "150 g sugar",
            "3 eggs",
            "100 ml milk",
            "1 pinch salt",
            "250 g butter",
            "2 tbsp cocoa",
            "400 g cherries",
            "200 g cream",
            "Vanilla",
        ]
        .iter()
        .map(|i| format!("  * {i}\n"))
        .collect();
        let method = "Mix the flour, the sugar and the eggs in a bowl until the batter is smooth, then pour it into the tin and bake it for forty minutes. Let it cool before you spread the cream on top of it.";
        let serve = "Cut the cake into twelve pieces and serve it with a cup of coffee or a glass of cold milk, and keep what is left of it in the fridge.";
        let input = format!(
            "{}\nBirthday cake\n\n{intro}\n\nIngredients\n\n{ingredients}\nMethod\n\n{method}\n\n{serve}\n\nRelated recipes\n\n  * Apple pie\n",
            menu()
        );
        let a = clean(&input);
        assert!(a.body.starts_with(intro), "{}", a.body);
        for kept in ["* 200 g flour", "* Vanilla", "Method"] {
            assert!(a.body.contains(kept), "{kept}: {}", a.body);
        }
        assert!(!a.body.contains("Apple pie"), "{}", a.body);
    }

    #[test]
    fn cues_are_boilerplate_removals_not_furniture() {
        use crate::engine::{Reason, Verdict};
        use crate::rules::{Action, Rule};
        let rules = [
            Rule::new(
                "t.credit",
                crate::article::Category::Caption,
                "x",
                Action::DropBlock,
            ),
            Rule::new(
                "t.related",
                crate::article::Category::Related,
                "x",
                Action::DropBlock,
            ),
        ];
        assert!(!super::is_cue(&Verdict::Keep, &rules));
        assert!(!super::is_cue(&Verdict::Drop(Reason::Rule(0)), &rules));
        assert!(super::is_cue(&Verdict::Drop(Reason::Rule(1)), &rules));
        assert!(super::is_cue(&Verdict::ToEnd(1), &rules));
    }

    #[test]
    fn title_repeated_in_body_is_removed() {
        let input = format!("Headline here\n\nHeadline here\n\n{BODY}");
        let a = clean(&input);
        assert_eq!(a.title.as_deref(), Some("Headline here"));
        assert_eq!(a.body, BODY);
        assert_eq!(a.removed[0].rule, super::TITLE_REPEATED);
    }
}
