//! The main-content region: the run of units where article text is densest.
//!
//! Each unit weighs its length, positive when its class is `Good` and negative
//! otherwise; the region is the run with the largest total (Kadane's maximum
//! subarray, one linear pass). Menus, teaser lists and footers around the
//! article weigh it down, so they fall outside; a short heading or a caption
//! inside the article costs less than the text around it, so it stays inside.

use std::ops::Range;

use crate::classify::{Class, Classes, MAX_LINK_DENSITY, STOPWORDS_HIGH};
use crate::engine::Verdict;
use crate::features::{Features, Terminal};

/// A `Bad` unit weighs at least this many characters against the region, so a
/// run of tiny menu items still counts as a barrier.
pub(crate) const BAD_MIN_WEIGHT: usize = 20;

/// A near-good unit (some stopwords, not much text) counts this share of its
/// characters for the region even where its neighbours made it `Bad`: short
/// paragraphs of a chatty blog post belong to the article.
pub(crate) const NEAR_GOOD_SHARE: f64 = 0.5;

/// A short unit that its neighbours made `Bad` counts this share of its
/// characters against the region: weaker evidence than a menu item.
pub(crate) const SHORT_BAD_SHARE: f64 = 0.5;

/// A run of good text before or after the main region also belongs to the
/// article when its weight is at least this share of the main region's (an
/// article split by a large embedded box of links or an ad slot).
pub(crate) const SECONDARY_REGION_SHARE: f64 = 0.5;

/// A run of text before a comment-section opener is the article, rather than
/// a heavier run after the opener (a long discussion, a cookie table after the
/// footer), when it weighs at least this share of that run.
pub(crate) const BEFORE_COMMENTS_SHARE: f64 = 0.2;

/// A good list item counts this share of its characters for the region: a
/// mega-menu or a teaser list with descriptions is list items through and
/// through, an article is mostly paragraphs.
pub(crate) const LIST_ITEM_SHARE: f64 = 0.7;

/// A lead paragraph (standfirst) is looked for at most this many units above the
/// body: the byline, date, share bar, photo credit and table of contents
/// that often stand between a lead and the body fit in it.
pub(crate) const LEAD_MAX_GAP_UNITS: usize = 25;

/// A lead paragraph has at least this many words: a full sentence (a
/// one-sentence standfirst counts), not a label, a button or a search box hint.
pub(crate) const LEAD_MIN_WORDS: usize = 8;

/// The article's lead paragraph above the body text starting at unit `start`
/// (the main region's first good unit), if any: the nearest unit above it with
/// some stopwords (`NearGood` or `Good` on its own features) that is a finished
/// sentence of at least [`LEAD_MIN_WORDS`] words, when it is at most
/// [`LEAD_MAX_GAP_UNITS`] units up and every unit between it and the body is
/// short or removed by a rule (byline, date, share buttons, a photo credit, a
/// table of contents of questions). Headline, lead, page furniture, body is the
/// usual order of a news page; the lead alone weighs too little to bridge the
/// gap, and its neighbours make it `Bad`. A menu (one-to-three-word items the
/// rules do not know) between them means the sentence is page furniture itself.
pub(crate) fn lead_above(
    classes: &Classes,
    features: &[Features],
    verdicts: &[Verdict],
    start: usize,
) -> Option<usize> {
    let i = (start.saturating_sub(LEAD_MAX_GAP_UNITS + 1)..start)
        .rev()
        .find(|&i| matches!(classes.initial[i], Class::Good | Class::NearGood))?;
    let f = &features[i];
    let lead = f.whole_block
        && !f.list_item
        && f.terminal == Terminal::Sentence
        && (f.words as usize) >= LEAD_MIN_WORDS
        && (i + 1..start).all(|j| {
            classes.initial[j] == Class::Short
                || !matches!(verdicts[j], Verdict::Keep | Verdict::Inline(_))
        });
    lead.then_some(i)
}

/// A region grows over at most this many adjacent units on each side.
pub(crate) const EXTEND_MAX_UNITS: usize = 40;

/// Is unit `i` content-like enough to join the region next to it: kept whole
/// text that is near-good or good on its own features, or a short finished
/// sentence (a step of a numbered list, a one-line paragraph)?
fn joins_region(classes: &Classes, features: &[Features], verdicts: &[Verdict], i: usize) -> bool {
    let f = &features[i];
    matches!(verdicts[i], Verdict::Keep | Verdict::Inline(_))
        && f.whole_block
        && match classes.initial[i] {
            Class::Good => true,
            Class::NearGood => f.terminal == Terminal::Sentence,
            Class::Short => f.terminal == Terminal::Sentence,
            Class::Bad => false,
        }
}

/// The units next to `region` (before and after it) that join it, see
/// [`joins_region`]: the region grows until the first unit that does not.
pub(crate) fn extend(
    classes: &Classes,
    features: &[Features],
    verdicts: &[Verdict],
    region: &Range<usize>,
) -> Range<usize> {
    let joins = |i: usize| joins_region(classes, features, verdicts, i);
    // A unit that does not join is crossed when the one beyond it joins (a
    // subheading between two paragraphs).
    let bridge = |i: usize| classes.initial[i] == Class::Short;
    let mut start = region.start;
    while start > 0 && region.start - start < EXTEND_MAX_UNITS {
        if joins(start - 1) {
            start -= 1;
        } else if start > 1 && bridge(start - 1) && joins(start - 2) {
            start -= 2;
        } else {
            break;
        }
    }
    let mut end = region.end;
    while end < features.len() && end - region.end < EXTEND_MAX_UNITS {
        if joins(end) {
            end += 1;
        } else if end + 1 < features.len() && bridge(end) && joins(end + 1) {
            end += 2;
        } else {
            break;
        }
    }
    start..end
}

/// Two regions at most this many units apart, with no boilerplate cue between
/// them, are one article: what lies between them (an ingredient list under its
/// heading, a small data table, a label) is part of it.
pub(crate) const GAP_MAX_UNITS: usize = 25;

/// A finished sentence with at least [`STOPWORDS_HIGH`] stopword density this
/// many units or fewer beyond a region's edge, with no boilerplate cue and no
/// menu item between, belongs to the article (a short paragraph that labels
/// and captions around it cut off from the body).
pub(crate) const PROSE_REACH_UNITS: usize = 10;

/// The gaps between `regions` that hold no boilerplate cue (`cue[i]`: a unit
/// that a rule removed as boilerplate rather than page furniture, or a comment
/// opener) and are at most [`GAP_MAX_UNITS`] long: the runs of units that join
/// two regions into one.
pub(crate) fn clean_gaps(regions: &[Range<usize>], cue: &[bool]) -> Vec<Range<usize>> {
    let mut sorted = regions.to_vec();
    sorted.sort_by_key(|r| r.start);
    sorted
        .windows(2)
        .filter_map(|w| {
            let gap = w[0].end..w[1].start;
            let short = !gap.is_empty() && gap.len() <= GAP_MAX_UNITS;
            (short && !cue[gap.clone()].iter().any(|c| *c)).then_some(gap)
        })
        .collect()
}

/// Is unit `i` prose that a region may reach for (see [`PROSE_REACH_UNITS`]):
/// kept whole text, not a list item, some stopwords on its own features, a
/// finished sentence with at least [`STOPWORDS_HIGH`] stopword density?
fn reachable_prose(
    classes: &Classes,
    features: &[Features],
    verdicts: &[Verdict],
    i: usize,
) -> bool {
    let f = &features[i];
    matches!(verdicts[i], Verdict::Keep | Verdict::Inline(_))
        && f.whole_block
        && !f.list_item
        && matches!(classes.initial[i], Class::NearGood | Class::Good)
        && f.terminal == Terminal::Sentence
        && f.stopwords as f64 >= STOPWORDS_HIGH * f.words as f64
}

/// The prose units within [`PROSE_REACH_UNITS`] before or after `region` that
/// belong to it (see [`reachable_prose`]): the search stops at a boilerplate
/// cue (`cue[i]`) or a menu item (a list item that is `Bad` on its own
/// features).
pub(crate) fn prose_within_reach(
    classes: &Classes,
    features: &[Features],
    verdicts: &[Verdict],
    cue: &[bool],
    region: &Range<usize>,
) -> Vec<usize> {
    let stop = |i: usize| cue[i] || (features[i].list_item && classes.initial[i] == Class::Bad);
    within_reach(features.len(), region, PROSE_REACH_UNITS, stop, |i| {
        reachable_prose(classes, features, verdicts, i)
    })
}

/// The units within `reach` before and after `region` (in a text of `len`
/// units) for which `joins` holds; on each side the search ends at the first
/// unit for which `stop` holds.
fn within_reach(
    len: usize,
    region: &Range<usize>,
    reach: usize,
    stop: impl Fn(usize) -> bool,
    joins: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let after = (region.end..len.min(region.end + reach)).take_while(|&i| !stop(i));
    let before = (region.start.saturating_sub(reach)..region.start)
        .rev()
        .take_while(|&i| !stop(i));
    after.chain(before).filter(|&i| joins(i)).collect()
}

/// Is unit `i` kept, whole text (not one sentence of a run-on line), not a
/// list item, and printed once on the page (`repeated`, where an empty slice
/// flags nothing)? What a region may reach for beyond its edge.
fn kept_single_text(
    features: &[Features],
    verdicts: &[Verdict],
    repeated: &[bool],
    i: usize,
) -> bool {
    let f = &features[i];
    matches!(verdicts[i], Verdict::Keep | Verdict::Inline(_))
        && f.whole_block
        && !f.list_item
        && !repeated.get(i).copied().unwrap_or(false)
}

/// A finished sentence whose stopword density is at least this (well above
/// typical article prose, whose median is about 0.45 in the languages with a
/// stoplist) reads as running text however it is laid out: it reaches a region
/// from farther away than ordinary prose, see [`DENSE_PROSE_REACH_UNITS`].
pub(crate) const DENSE_PROSE_MIN_STOPWORDS: f64 = 0.5;

/// A dense finished sentence (see [`DENSE_PROSE_MIN_STOPWORDS`]) this many
/// units or fewer beyond a region's edge belongs to the article when no
/// boilerplate cue stands between: an intro or a closing paragraph cut off by
/// a product list, a table of contents or a row of labels (which would stop
/// [`PROSE_REACH_UNITS`]).
pub(crate) const DENSE_PROSE_REACH_UNITS: usize = 25;

/// A dense sentence has at least this many words: a sentence, not a button
/// ("Read it here.").
pub(crate) const DENSE_PROSE_MIN_WORDS: usize = 6;

/// Is unit `i` dense prose (see [`DENSE_PROSE_MIN_STOPWORDS`]): kept whole
/// text printed once on the page (`repeated`), not a list item, a finished
/// sentence of at least [`DENSE_PROSE_MIN_WORDS`] words?
fn dense_prose(features: &[Features], verdicts: &[Verdict], repeated: &[bool], i: usize) -> bool {
    let f = &features[i];
    kept_single_text(features, verdicts, repeated, i)
        && f.terminal == Terminal::Sentence
        && (f.words as usize) >= DENSE_PROSE_MIN_WORDS
        && f.stopwords as f64 >= DENSE_PROSE_MIN_STOPWORDS * f.words as f64
}

/// The dense prose units (see [`dense_prose`]) within
/// [`DENSE_PROSE_REACH_UNITS`] before or after `region`: the search stops at a
/// boilerplate cue (`cue[i]`) only, so menus and lists between are crossed
/// (they stay out; only the sentence joins). `repeated` flags lines printed
/// more than once on the page (an empty slice flags none).
pub(crate) fn dense_prose_within_reach(
    features: &[Features],
    verdicts: &[Verdict],
    cue: &[bool],
    repeated: &[bool],
    region: &Range<usize>,
) -> Vec<usize> {
    within_reach(
        features.len(),
        region,
        DENSE_PROSE_REACH_UNITS,
        |i| cue[i],
        |i| dense_prose(features, verdicts, repeated, i),
    )
}

/// A long line of text at most this many units beyond a region's edge, with
/// no boilerplate cue between, belongs to the article even without a final
/// full stop or with a little under [`crate::classify::STOPWORDS_LOW`]: a
/// standfirst set off from the body by a date line, or a paragraph after a
/// subheading.
pub(crate) const NEAR_TEXT_REACH_UNITS: usize = 2;

/// Such a line has at least this many words: running text, not a headline,
/// a label or a breadcrumb trail of a few links.
pub(crate) const NEAR_TEXT_MIN_WORDS: usize = 15;

/// Such a line has at least this stopword density: a standfirst packs names,
/// places and numbers into one sentence, a menu or a keyword list has almost
/// no stopwords at all.
pub(crate) const NEAR_TEXT_MIN_STOPWORDS: f64 = 0.25;

/// Is unit `i` long text that a region reaches (see [`NEAR_TEXT_REACH_UNITS`]):
/// kept whole text printed once on the page (`repeated`), not a list item,
/// not link text, with [`NEAR_TEXT_MIN_WORDS`] and [`NEAR_TEXT_MIN_STOPWORDS`]?
fn near_text(features: &[Features], verdicts: &[Verdict], repeated: &[bool], i: usize) -> bool {
    let f = &features[i];
    kept_single_text(features, verdicts, repeated, i)
        && (f.words as usize) >= NEAR_TEXT_MIN_WORDS
        && f.stopwords as f64 >= NEAR_TEXT_MIN_STOPWORDS * f.words as f64
        && f.link_chars as f64 <= MAX_LINK_DENSITY * f.chars.max(1) as f64
}

/// The long text units (see [`near_text`]) within [`NEAR_TEXT_REACH_UNITS`]
/// before or after `region`, up to a boilerplate cue (`cue[i]`).
pub(crate) fn near_text_within_reach(
    features: &[Features],
    verdicts: &[Verdict],
    cue: &[bool],
    repeated: &[bool],
    region: &Range<usize>,
) -> Vec<usize> {
    within_reach(
        features.len(),
        region,
        NEAR_TEXT_REACH_UNITS,
        |i| cue[i],
        |i| near_text(features, verdicts, repeated, i),
    )
}

/// A chronology has at least this many entries: lines that each start with a
/// year or a span of years (`1957–1959 First building phase: …`) and go on for
/// at least [`CHRONOLOGY_MIN_WORDS`] words, in order of time.
pub(crate) const CHRONOLOGY_MIN_ENTRIES: usize = 4;

/// An entry of a chronology has at least this many words, the year included:
/// an archive widget's `2019 (12)` is none.
pub(crate) const CHRONOLOGY_MIN_WORDS: usize = 4;

/// Each entry of a chronology is at most this many units after the one before
/// (a photo credit may sit between two).
pub(crate) const CHRONOLOGY_MAX_GAP: usize = 2;

/// A chronology belongs to the article when one of its entries is inside the
/// main region or at most this many units from it, with no boilerplate cue in
/// between: a timeline's lines are short and poor in stopwords, but no menu or
/// teaser list counts up through the years.
pub(crate) const CHRONOLOGY_REACH_UNITS: usize = 10;

/// The year a chronology entry starts with: `1957`, `1957–1959`, `1998/99`
/// followed by a space (from 1000 to 2999), or `None`.
fn entry_year(text: &str) -> Option<u16> {
    let text = text.trim_start();
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 || !matches!(b[0], b'1' | b'2') {
        return None;
    }
    let year = b[..4]
        .iter()
        .fold(0u16, |y, d| y * 10 + u16::from(d - b'0'));
    // The four digits are ASCII, so byte 4 starts a character.
    let mut rest = text.get(4..)?;
    // A span: `–1959`, `-59`, `/99`.
    if let Some(after) = ["–", "-", "/"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
    {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if !(2..=4).contains(&n) {
            return None;
        }
        rest = &after[n..];
    }
    rest.starts_with(char::is_whitespace).then_some(year)
}

/// The chronologies of a text (see [`CHRONOLOGY_MIN_ENTRIES`]), each as the
/// range from its first entry to its last.
pub(crate) fn chronologies(
    input: &str,
    seg: &crate::segment::Segments,
    features: &[Features],
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // (first entry, last entry, its year, entries so far)
    let mut run: Option<(usize, usize, u16, usize)> = None;
    let mut close = |run: Option<(usize, usize, u16, usize)>| {
        if let Some((first, last, _, n)) = run
            && n >= CHRONOLOGY_MIN_ENTRIES
        {
            out.push(first..last + 1);
        }
    };
    for (i, unit) in seg.units.iter().enumerate() {
        let f = &features[i];
        if !f.whole_block || (f.words as usize) < CHRONOLOGY_MIN_WORDS {
            continue;
        }
        let Some(year) = entry_year(unit.span.slice(input)) else {
            continue;
        };
        run = match run {
            Some((first, last, prev, n)) if i - last <= CHRONOLOGY_MAX_GAP && year >= prev => {
                Some((first, i, year, n + 1))
            }
            other => {
                close(other);
                Some((i, i, year, 1))
            }
        };
    }
    close(run);
    out
}

/// The chronologies (from [`chronologies`]) that belong to the article next
/// to `region` (see [`CHRONOLOGY_REACH_UNITS`]).
pub(crate) fn chronologies_within_reach(
    chronologies: &[Range<usize>],
    cue: &[bool],
    region: &Range<usize>,
) -> Vec<Range<usize>> {
    let near = |c: &Range<usize>| {
        c.start < region.end && region.start < c.end
            || !within_reach(
                cue.len(),
                region,
                CHRONOLOGY_REACH_UNITS,
                |i| cue[i],
                |i| c.contains(&i),
            )
            .is_empty()
    };
    chronologies.iter().filter(|c| near(c)).cloned().collect()
}

/// The run before a comment thread is the article when it holds a good
/// paragraph (on its own features, not a list item) of at least this many
/// characters: prose, not a forum's navigation before its first post.
pub(crate) const THREAD_PROSE_MIN_CHARS: usize = 200;

/// A comment's signature line has at most this many words: a name and a
/// timestamp ("Jo Smith March 3, 2021 at 9:14 pm"), not a sentence that
/// mentions a date and a time.
pub(crate) const STAMP_MAX_WORDS: usize = 10;

/// A comment thread has at least this many signature lines (see
/// [`is_comment_stamp`]) …
pub(crate) const THREAD_MIN_STAMPS: usize = 5;

/// … each at most this many units after the one before: a comment is a
/// signature line, a paragraph or a few, and a reply or like button. News
/// lists and live tickers stamp their items too, but farther apart or in
/// fewer lines.
pub(crate) const THREAD_MAX_GAP_UNITS: usize = 8;

/// Is `text` (a whole line of at most [`STAMP_MAX_WORDS`] words that does not
/// end like a sentence) a comment's signature line: does it hold both a clock
/// time (`9:14`, `21:05`) and a year (1990 to 2039)? A byte scan, no regex.
pub(crate) fn is_comment_stamp(text: &str) -> bool {
    let b = text.as_bytes();
    // A clock has a colon: most lines have none, and are answered by one
    // `memchr` rather than the scan of their digits below.
    if !b.contains(&b':') {
        return false;
    }
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (mut clock, mut year) = (false, false);
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let n = digits_at(i);
        let run = &b[i..i + n];
        let after = i + n;
        // A clock: one or two digits, a colon, exactly two digits.
        if n <= 2 && b.get(after) == Some(&b':') && digits_at(after + 1) == 2 {
            clock = true;
        }
        if n == 4
            && (run.starts_with(b"19") && run[2] >= b'9'
                || run.starts_with(b"20") && run[2] <= b'3')
        {
            year = true;
        }
        i = after;
    }
    clock && year
}

/// The first comment thread, from its first signature line to its last: a run
/// of at least [`THREAD_MIN_STAMPS`] signature lines (`stamps`, see
/// [`is_comment_stamp`]), each at most [`THREAD_MAX_GAP_UNITS`] units after
/// the one before. One pass.
pub(crate) fn comment_thread(stamps: &[bool]) -> Option<Range<usize>> {
    let mut run: Option<(usize, usize, usize)> = None;
    for (i, _) in stamps.iter().enumerate().filter(|(_, s)| **s) {
        run = match run {
            Some((first, last, n)) if i - last <= THREAD_MAX_GAP_UNITS => Some((first, i, n + 1)),
            Some((first, last, n)) if n >= THREAD_MIN_STAMPS => return Some(first..last + 1),
            _ => Some((i, i, 1)),
        };
    }
    run.filter(|(_, _, n)| *n >= THREAD_MIN_STAMPS)
        .map(|(first, last, _)| first..last + 1)
}

/// The article's regions: the main region (the largest total weight) first, then
/// at most one secondary region before it and one after it. Empty when no unit
/// is `Good`. Units flagged in `repeated` (long lines printed more than once on
/// the page) weigh against the region whatever their class; an empty slice
/// flags none.
///
/// A comment thread (`thread`, see [`comment_thread`]) ends the article like a
/// comment-section opener: a main region that starts inside it gives way to
/// the heaviest run before it when that run holds a paragraph of prose (see
/// [`THREAD_PROSE_MIN_CHARS`]), however much the discussion weighs; a main
/// region that runs into it ends where it starts.
pub(crate) fn regions(
    classes: &Classes,
    features: &[Features],
    verdicts: &[Verdict],
    repeated: &[bool],
    thread: Option<Range<usize>>,
) -> Vec<Range<usize>> {
    let weight = |i: usize, list_share: f64| -> i64 {
        let chars = features[i].chars as f64;
        let bad = chars.max(BAD_MIN_WEIGHT as f64);
        let w = match (classes.initial[i], classes.revised[i]) {
            // Text printed twice on the page (a teaser, a form message) is no
            // article paragraph.
            _ if repeated.get(i).copied().unwrap_or(false) => -bad,
            (_, Class::Good) if features[i].list_item => list_share * chars,
            (_, Class::Good) => chars,
            (Class::NearGood, _) => NEAR_GOOD_SHARE * chars,
            (Class::Short, _) => -SHORT_BAD_SHARE * bad,
            _ => -bad,
        };
        w as i64
    };
    if !classes.revised.contains(&Class::Good) {
        return Vec::new();
    }
    // The main region is chosen with list items discounted; the secondary
    // regions, a product's list of specifications after its description
    // among them, are weighed in full.
    let choice: Vec<i64> = (0..features.len())
        .map(|i| weight(i, LIST_ITEM_SHARE))
        .collect();
    let weights: Vec<i64> = (0..features.len()).map(|i| weight(i, 1.0)).collect();
    let Some((_, mut main)) = heaviest_run(&choice, 0..choice.len()) else {
        return Vec::new();
    };
    let mut main_weight: i64 = choice[main.clone()].iter().sum();
    // Everything after a comment-section opener is comments (or the page
    // footer, a cookie table, a log-in box below them): when the heaviest run
    // lies there and a fair run of text precedes the opener, that run is the
    // article and nothing after the opener is looked at.
    let mut end = weights.len();
    if let Some(opener) = verdicts.iter().position(|v| matches!(v, Verdict::ToEnd(_)))
        && main.start > opener
        && let Some((w, run)) = heaviest_run(&weights, 0..opener)
        && w as f64 >= BEFORE_COMMENTS_SHARE * main_weight as f64
    {
        (main_weight, main, end) = (w, run, opener);
    }
    if let Some(thread) = thread {
        let prose = |run: &Range<usize>| {
            run.clone().any(|i| {
                classes.initial[i] == Class::Good
                    && !features[i].list_item
                    && (features[i].chars as usize) >= THREAD_PROSE_MIN_CHARS
            })
        };
        if thread.contains(&main.start) {
            if let Some((w, run)) = heaviest_run(&weights, 0..thread.start)
                && prose(&run)
            {
                (main_weight, main, end) = (w, run, thread.start);
            }
        } else if main.contains(&thread.start) && thread.start > main.start {
            main.end = thread.start;
            main_weight = choice[main.clone()].iter().sum();
            end = end.min(thread.start);
        }
    }
    let mut out = vec![main.clone()];
    for (side, weights) in [(0..main.start, &choice), (main.end..end, &weights)] {
        if let Some((w, run)) = heaviest_run(weights, side)
            && w as f64 >= SECONDARY_REGION_SHARE * main_weight as f64
        {
            out.push(run);
        }
    }
    out
}

/// The run inside `within` with the largest positive total weight (Kadane's
/// maximum subarray, one pass), with its weight.
fn heaviest_run(weights: &[i64], within: Range<usize>) -> Option<(i64, Range<usize>)> {
    let mut best: Option<(i64, Range<usize>)> = None;
    let (mut sum, mut start) = (0i64, within.start);
    for i in within {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weights[i];
        if sum > 0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    fn feats(chars: &[usize]) -> Vec<Features> {
        chars
            .iter()
            .map(|&chars| Features::sentence(chars, chars / 5, 0))
            .collect()
    }

    #[test]
    fn finds_the_densest_run() {
        let revised = vec![Bad, Bad, Good, Bad, Good, Good, Bad, Bad, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let f = feats(&[10, 10, 300, 30, 200, 300, 100, 200, 150]);
        let keep = vec![Verdict::Keep; f.len()];
        let found = regions(&classes, &f, &keep, &[], None);
        assert_eq!((found.len(), &found[0]), (1, &(2..6)));
        // A heavy enough run after the main one is a secondary region.
        let f = feats(&[10, 10, 300, 30, 200, 300, 300, 300, 400]);
        assert_eq!(regions(&classes, &f, &keep, &[], None), [2..6, 8..9]);
    }

    #[test]
    fn a_region_grows_over_adjacent_sentences_and_stops_at_a_menu() {
        // Menu item, short sentence, [region], near-good sentence, label,
        // short sentence, menu item, short sentence.
        let initial = vec![Bad, Short, Good, Good, NearGood, Short, Short, Bad, Short];
        let classes = Classes {
            revised: initial.clone(),
            initial,
        };
        let mut f = feats(&[10, 40, 300, 300, 150, 15, 40, 10, 40]);
        f[5].terminal = Terminal::None;
        f[7].list_item = true;
        let keep = vec![Verdict::Keep; f.len()];
        assert_eq!(extend(&classes, &f, &keep, &(2..4)), 1..7);
        // A unit a rule removed stops the growth.
        let mut v = keep.clone();
        v[4] = Verdict::Drop(crate::engine::Reason::Rule(0));
        assert_eq!(extend(&classes, &f, &v, &(2..4)), 1..4);
        // Two labels in a row are no subheading: the growth stops before them.
        f[6].terminal = Terminal::None;
        assert_eq!(extend(&classes, &f, &keep, &(2..4)), 1..5);
    }

    #[test]
    fn the_text_before_a_comment_opener_wins_over_a_heavier_discussion() {
        let revised = vec![Bad, Good, Good, Bad, Bad, Good, Good, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let f = feats(&[10, 300, 300, 400, 400, 400, 400, 400]);
        let mut v = vec![Verdict::Keep; f.len()];
        // Without an opener the heavier run wins.
        assert_eq!(regions(&classes, &f, &v, &[], None), [5..8, 1..3]);
        v[3] = Verdict::ToEnd(0);
        assert_eq!(regions(&classes, &f, &v, &[], None), vec![1..3; 1]);
        // A comment link in the menu above a long article changes nothing: too
        // little text stands before it.
        let f = feats(&[10, 30, 30, 400, 400, 400, 400, 400]);
        let revised = vec![Bad, Good, Good, Bad, Bad, Good, Good, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        assert_eq!(regions(&classes, &f, &v, &[], None), vec![5..8; 1]);
    }

    #[test]
    fn list_items_weigh_less_when_the_main_region_is_chosen() {
        // A menu of items with descriptions, a barrier, a shorter article.
        let revised = vec![Good, Good, Good, Bad, Bad, Good, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let mut f = feats(&[200, 200, 200, 400, 400, 250, 250]);
        for item in &mut f[..3] {
            item.list_item = true;
        }
        let keep = vec![Verdict::Keep; f.len()];
        assert_eq!(
            regions(&classes, &keep_feats(&f), &keep, &[], None)[0],
            0..3
        );
        assert_eq!(regions(&classes, &f, &keep, &[], None)[0], 5..7);
        // After the article, a list (specifications, steps) is weighed in full
        // and joins it as a secondary region.
        let revised = vec![Good, Good, Bad, Bad, Good, Good, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let mut f = feats(&[300, 300, 400, 400, 120, 120, 120]);
        for item in &mut f[4..] {
            item.list_item = true;
        }
        assert_eq!(regions(&classes, &f, &keep, &[], None), [0..2, 4..7]);
    }

    /// The same units as paragraphs.
    fn keep_feats(f: &[Features]) -> Vec<Features> {
        f.iter()
            .map(|f| Features {
                list_item: false,
                ..f.clone()
            })
            .collect()
    }

    #[test]
    fn a_gap_between_regions_joins_them_unless_a_cue_stands_in_it() {
        let mut cue = vec![false; 40];
        // Regions 0..3 and 8..12, unsorted: the gap 3..8 joins them.
        assert_eq!(clean_gaps(&[8..12, 0..3], &cue), vec![3..8; 1]);
        // A "Related" heading (a rule's removal) in the gap keeps them apart.
        cue[5] = true;
        assert!(clean_gaps(&[0..3, 8..12], &cue).is_empty());
        // Too far apart: a sidebar, not a table inside the article.
        assert!(clean_gaps(&[0..3, 3 + GAP_MAX_UNITS + 1..40], &[false; 40]).is_empty());
        // Adjacent regions leave no gap.
        assert!(clean_gaps(&[0..3, 3..8], &cue).is_empty());
    }

    #[test]
    fn prose_within_reach_of_a_region_belongs_to_it() {
        // [region], label, short paragraph, label, thin text, short paragraph.
        let initial = vec![Good, Good, Short, NearGood, Short, Bad, NearGood];
        let classes = Classes {
            revised: initial.clone(),
            initial,
        };
        let mut f = vec![
            Features::sentence(300, 50, 20),
            Features::sentence(300, 50, 20),
            Features::sentence(20, 3, 0),
            Features::sentence(150, 25, 10),
            Features::sentence(20, 3, 0),
            Features::sentence(90, 12, 1),
            Features::sentence(150, 25, 10),
        ];
        f[2].terminal = Terminal::None;
        f[4].terminal = Terminal::None;
        let keep = vec![Verdict::Keep; f.len()];
        let no_cue = vec![false; f.len()];
        assert_eq!(
            prose_within_reach(&classes, &f, &keep, &no_cue, &(0..2)),
            [3, 6]
        );
        // A cue (a "Related" heading) or a menu item stops the reach.
        let mut cue = no_cue.clone();
        cue[4] = true;
        assert_eq!(prose_within_reach(&classes, &f, &keep, &cue, &(0..2)), [3]);
        let mut menu = f.clone();
        menu[2].list_item = true;
        let mut menu_classes = Classes {
            initial: classes.initial.clone(),
            revised: classes.revised.clone(),
        };
        menu_classes.initial[2] = Bad;
        assert!(prose_within_reach(&menu_classes, &menu, &keep, &no_cue, &(0..2)).is_empty());
        // Few stopwords, or no full stop: not prose.
        let mut thin = f.clone();
        thin[3].stopwords = 2;
        thin[6].terminal = Terminal::None;
        assert!(prose_within_reach(&classes, &thin, &keep, &no_cue, &(0..2)).is_empty());
    }

    #[test]
    fn dense_prose_reaches_a_region_across_a_menu_but_not_across_a_cue() {
        // [region], eight menu items, a dense sentence ("It is what we do
        // when we can."-like: half its words are stopwords), a thin sentence
        // (names and numbers), a dense list item.
        let mut f = vec![Features::sentence(300, 50, 20); 2];
        for _ in 0..8 {
            f.push(Features {
                list_item: true,
                terminal: Terminal::None,
                ..Features::sentence(10, 2, 0)
            });
        }
        f.push(Features::sentence(60, 12, 7));
        f.push(Features::sentence(60, 12, 3));
        f.push(Features {
            list_item: true,
            ..Features::sentence(60, 12, 7)
        });
        let keep = vec![Verdict::Keep; f.len()];
        let no_cue = vec![false; f.len()];
        assert_eq!(
            dense_prose_within_reach(&f, &keep, &no_cue, &[], &(0..2)),
            [10]
        );
        // A cue (a "Related" heading) between stops the reach.
        let mut cue = no_cue.clone();
        cue[5] = true;
        assert!(dense_prose_within_reach(&f, &keep, &cue, &[], &(0..2)).is_empty());
        // A sentence printed twice on the page (a form message) stays out.
        let mut twice = no_cue.clone();
        twice[10] = true;
        assert!(dense_prose_within_reach(&f, &keep, &no_cue, &twice, &(0..2)).is_empty());
        // A button with a full stop is too short to be a sentence.
        let mut short = f.clone();
        short[10] = Features::sentence(20, 4, 2);
        assert!(dense_prose_within_reach(&short, &keep, &no_cue, &[], &(0..2)).is_empty());
        // Too far away: another part of the page.
        let mut far = f[..2].to_vec();
        far.extend(
            f[2..10]
                .iter()
                .cloned()
                .cycle()
                .take(DENSE_PROSE_REACH_UNITS),
        );
        far.push(Features::sentence(60, 12, 7));
        let keep = vec![Verdict::Keep; far.len()];
        let no_cue = vec![false; far.len()];
        assert!(dense_prose_within_reach(&far, &keep, &no_cue, &[], &(0..2)).is_empty());
        // Before the region too.
        let before = [
            Features::sentence(60, 12, 7),
            f[2].clone(),
            f[2].clone(),
            f[0].clone(),
        ];
        let keep = vec![Verdict::Keep; 4];
        assert_eq!(
            dense_prose_within_reach(&before, &keep, &[false; 4], &[], &(3..4)),
            [0]
        );
    }

    #[test]
    fn long_text_next_to_a_region_belongs_to_it_without_a_full_stop() {
        // A standfirst without a full stop (18 words, 5 stopwords), a date
        // line, [region], a keyword line of 20 words with 2 stopwords.
        let mut lead = Features::sentence(120, 18, 5);
        lead.terminal = Terminal::None;
        let mut date = Features::sentence(12, 3, 0);
        date.terminal = Terminal::None;
        let mut keywords = Features::sentence(150, 20, 2);
        keywords.terminal = Terminal::None;
        let body = Features::sentence(300, 50, 20);
        let f = vec![
            lead.clone(),
            date.clone(),
            body.clone(),
            body.clone(),
            keywords,
        ];
        let keep = vec![Verdict::Keep; f.len()];
        let no_cue = vec![false; f.len()];
        assert_eq!(
            near_text_within_reach(&f, &keep, &no_cue, &[], &(2..4)),
            [0]
        );
        // A cue between (a "Related" heading) stops it.
        let mut cue = no_cue.clone();
        cue[1] = true;
        assert!(near_text_within_reach(&f, &keep, &cue, &[], &(2..4)).is_empty());
        // Three units away is too far; a headline of a dozen words too short.
        let far = vec![lead.clone(), date.clone(), date.clone(), body.clone()];
        assert!(
            near_text_within_reach(&far, &vec![Verdict::Keep; 4], &[false; 4], &[], &(3..4))
                .is_empty()
        );
        let mut headline = Features::sentence(80, 12, 4);
        headline.terminal = Terminal::None;
        let f = vec![headline, date.clone(), body.clone()];
        assert!(
            near_text_within_reach(&f, &vec![Verdict::Keep; 3], &[false; 3], &[], &(2..3))
                .is_empty()
        );
        // Link text (a teaser) and list items stay out.
        let mut teaser = lead.clone();
        teaser.link_chars = 100;
        let mut item = lead.clone();
        item.list_item = true;
        let f = vec![teaser, item, body];
        assert!(
            near_text_within_reach(&f, &vec![Verdict::Keep; 3], &[false; 3], &[], &(2..3))
                .is_empty()
        );
    }

    #[test]
    fn a_lead_of_one_short_sentence_counts_but_a_label_sentence_does_not() {
        // Lead, byline, date, body.
        let initial = vec![NearGood, Short, Short, Good];
        let classes = Classes {
            revised: vec![Bad, Bad, Bad, Good],
            initial,
        };
        let keep = vec![Verdict::Keep; 4];
        let mut f = vec![
            Features::sentence(60, 9, 4),
            Features::sentence(12, 3, 0),
            Features::sentence(14, 3, 0),
            Features::sentence(300, 50, 20),
        ];
        f[1].terminal = Terminal::None;
        f[2].terminal = Terminal::None;
        // Nine words with a full stop: a one-sentence standfirst.
        assert_eq!(lead_above(&classes, &f, &keep, 3), Some(0));
        // "Read the full story here." is no lead.
        f[0] = Features::sentence(26, 5, 2);
        assert_eq!(lead_above(&classes, &f, &keep, 3), None);
    }

    #[test]
    fn a_comment_signature_has_a_clock_time_and_a_year() {
        assert!(is_comment_stamp("Jo Miller March 3, 2021 at 9:14 pm"));
        assert!(is_comment_stamp("Kim 12. Mai 2019 um 18:05"));
        assert!(is_comment_stamp("1999-04-02 23:59"));
        // A date alone, a time alone, a time with a number that is no year.
        assert!(!is_comment_stamp("March 3, 2021"));
        assert!(!is_comment_stamp("Doors open at 9:14 pm"));
        assert!(!is_comment_stamp("Room 1204 from 10:30"));
        assert!(!is_comment_stamp("Score 3:2 in 12021 games"));
        assert!(!is_comment_stamp(""));
        assert!(!is_comment_stamp("ends with a colon 9:"));
    }

    #[test]
    fn a_comment_thread_is_a_run_of_close_signatures() {
        let mut stamps = vec![false; 60];
        // A dated byline far above, then a signature every three units.
        stamps[2] = true;
        for i in (20..35).step_by(3) {
            stamps[i] = true;
        }
        assert_eq!(comment_thread(&stamps), Some(20..33));
        // Four signatures are too few.
        stamps[32] = false;
        assert_eq!(comment_thread(&stamps), None);
        // Dated items of a news list, a dozen units apart, are no thread.
        let mut list = vec![false; 80];
        for i in (0..80).step_by(THREAD_MAX_GAP_UNITS + 1) {
            list[i] = true;
        }
        assert_eq!(comment_thread(&list), None);
    }

    #[test]
    fn a_comment_thread_ends_the_article() {
        // Menu, a one-paragraph article, menu, then a long discussion whose
        // signatures start at unit 4.
        let revised = vec![Bad, Good, Bad, Bad, Short, Good, Short, Good, Short, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let f = feats(&[10, 300, 200, 200, 30, 400, 30, 400, 30, 400]);
        let keep = vec![Verdict::Keep; f.len()];
        assert_eq!(regions(&classes, &f, &keep, &[], None)[0], 5..10);
        // The discussion outweighs the article, but the article wins.
        assert_eq!(regions(&classes, &f, &keep, &[], Some(4..9)), vec![1..2; 1]);
        // Before the thread there is no paragraph of prose (a forum's
        // navigation): the posts stay.
        let short = feats(&[10, 150, 200, 200, 30, 400, 30, 400, 30, 400]);
        assert_eq!(regions(&classes, &short, &keep, &[], Some(4..9))[0], 5..10);
        // An article that runs into the thread ends where the thread starts.
        let revised = vec![Bad, Good, Good, Good, Short, Good, Short, Good];
        let classes = Classes {
            initial: revised.clone(),
            revised,
        };
        let f = feats(&[10, 300, 300, 300, 30, 200, 30, 200]);
        let keep = vec![Verdict::Keep; f.len()];
        assert_eq!(regions(&classes, &f, &keep, &[], None)[0], 1..8);
        assert_eq!(regions(&classes, &f, &keep, &[], Some(4..8)), vec![1..4; 1]);
    }

    #[test]
    fn a_chronology_entry_starts_with_a_year_or_a_span_of_years() {
        assert_eq!(
            entry_year("1957–1959 Erster Bauabschnitt: 21 Wohngebäude"),
            Some(1957)
        );
        assert_eq!(entry_year("1998/99 Neue Pläne"), Some(1998));
        assert_eq!(
            entry_year("  2003 Erwerb durch die Genossenschaft"),
            Some(2003)
        );
        assert_eq!(entry_year("1912-14 Bau der Brücke"), Some(1912));
        assert_eq!(entry_year("2019: a year in review"), None);
        assert_eq!(entry_year("19570 people came"), None);
        assert_eq!(entry_year("3000 people came"), None);
        assert_eq!(entry_year("1957–5 Bau"), None);
        assert_eq!(entry_year("Bis 2022 Planung"), None);
        assert_eq!(entry_year("2020"), None);
    }

    fn timeline(lines: &[&str]) -> Vec<Range<usize>> {
        let input = lines.join("\n\n");
        let seg = crate::segment::segment(&input);
        let (f, _) = crate::features::compute(&input, &seg);
        chronologies(&input, &seg, &f)
    }

    #[test]
    fn a_chronology_is_four_or_more_dated_lines_in_order() {
        let entries = [
            "1957–1959 First phase: 21 houses with 710 flats",
            "© Photo Agency",
            "1962–1964 Second phase: a community hall",
            "1976 Third phase: four houses with 352 flats",
            "1987 Declared a test case for renovation",
            "Contact",
        ];
        assert_eq!(timeline(&entries), vec![0..5; 1]);
        // Three entries are no chronology; nor are years counting down (an
        // archive, newest first), nor entries of under four words.
        assert!(timeline(&entries[..4]).is_empty());
        let down = [
            "2021 Fourth phase of the works",
            "2019 Third phase of the works",
            "2017 Second phase of the works",
            "2015 First phase of the works",
        ];
        assert!(timeline(&down).is_empty());
        let archive = ["2019 (12)", "2020 (8)", "2021 (30)", "2022 (4)"];
        assert!(timeline(&archive).is_empty());
        // Entries far apart are two runs, too short each.
        let apart = [
            "1957 First phase of the works",
            "1962 Second phase of the works",
            "a",
            "b",
            "c",
            "1976 Third phase of the works",
            "1987 Fourth phase of the works",
        ];
        assert!(timeline(&apart).is_empty());
    }

    #[test]
    fn a_chronology_next_to_the_region_joins_it_unless_a_cue_stands_between() {
        let chrono = vec![6..10; 1];
        let cue = vec![false; 12];
        assert_eq!(chronologies_within_reach(&chrono, &cue, &(0..3)), chrono);
        assert_eq!(chronologies_within_reach(&chrono, &cue, &(7..12)), chrono);
        let mut cue = cue;
        cue[4] = true;
        assert!(chronologies_within_reach(&chrono, &cue, &(0..3)).is_empty());
    }

    #[test]
    fn no_good_unit_no_region() {
        let classes = Classes {
            initial: vec![Bad, Short],
            revised: vec![Bad, Bad],
        };
        let keep = vec![Verdict::Keep; 2];
        assert!(regions(&classes, &feats(&[10, 10]), &keep, &[], None).is_empty());
    }
}
