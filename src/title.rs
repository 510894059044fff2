//! Title detection: the first short, headline-like line near the top.

use crate::article::Category;
use crate::engine::{Decision, Reason, Verdict};
use crate::features::{Features, Terminal};
use crate::rules::furniture::{is_byline, is_furniture};
use crate::segment::Segments;

/// A title has at least this many words (one-word lines are menu items or labels).
pub(crate) const TITLE_MIN_WORDS: usize = 2;

/// A title has at most this many words; longer lines are prose.
pub(crate) const TITLE_MAX_WORDS: usize = 20;

/// A title is at most this many bytes.
pub(crate) const TITLE_MAX_BYTES: usize = 200;

/// Only this many kept units from the top are considered.
pub(crate) const TITLE_SEARCH_UNITS: usize = 8;

/// Id of the decision that removes page furniture (a date line, a byline, a
/// share label; see [`crate::rules::furniture`]) that the title search passed
/// over at the top of the text: it stood where a headline would, above the
/// title or the body.
pub(crate) const TITLE_FURNITURE: &str = "context.title_furniture";
pub(crate) static TITLE_FURNITURE_DECISION: Decision = Decision {
    id: TITLE_FURNITURE,
    category: Category::Context,
};

/// The unit that holds the title, if any, searching from unit `from` on. Only
/// kept units count; the search stops at the first prose unit (the body has
/// started) or after [`TITLE_SEARCH_UNITS`]. Headline-shaped page furniture on
/// the way (a date line, a byline, a share label) is no title: it is removed,
/// and the search goes on below it.
pub(crate) fn find(
    input: &str,
    seg: &Segments,
    features: &[Features],
    verdicts: &mut [Verdict],
    from: usize,
) -> Option<usize> {
    let kept: Vec<usize> = (from..verdicts.len())
        .filter(|&i| is_kept(&verdicts[i]))
        .take(TITLE_SEARCH_UNITS)
        .collect();
    for i in kept {
        let unit = &seg.units[i];
        let text = unit.span.slice(input);
        if !features[i].whole_block
            || features[i].terminal == Terminal::Sentence && !ends_like_headline(text)
        {
            return None;
        }
        if is_headline(text, &features[i]) {
            if !is_furniture(text) {
                return Some(i);
            }
            verdicts[i] = Verdict::Drop(Reason::Context(&TITLE_FURNITURE_DECISION));
        }
    }
    None
}

/// A finished sentence ending in `!` or `?` with more than this share of
/// stopwords (`Ihr kennt es sicher auch!`, `Why would anyone do that?`) is
/// spoken text, the first line of the body, rather than a headline, which is
/// mostly names and content words; it is the title only when no other
/// headline-like line stands above it.
pub(crate) const SPOKEN_MIN_STOPWORDS: f64 = 0.5;

/// In a page dump, the headline is the nearest headline-like line above the main
/// region (menus and teasers come before it), searching at most `lookback` units
/// up; `None` if there is none. A spoken sentence (see
/// [`SPOKEN_MIN_STOPWORDS`]) gives way to a headline above it. Headline-shaped
/// page furniture between the headline and the region is removed.
pub(crate) fn find_above(
    input: &str,
    seg: &Segments,
    features: &[Features],
    verdicts: &mut [Verdict],
    region_start: usize,
    lookback: usize,
) -> Option<usize> {
    let candidates: Vec<usize> = (region_start.saturating_sub(lookback)..region_start)
        .rev()
        .filter(|&i| is_kept(&verdicts[i]) && features[i].whole_block)
        .filter(|&i| {
            let text = seg.units[i].span.slice(input);
            // A finished sentence is body text, not a headline.
            (features[i].terminal != Terminal::Sentence || ends_like_headline(text))
                && is_headline(text, &features[i])
        })
        .collect();
    let spoken = |i: usize| {
        let f = &features[i];
        f.terminal == Terminal::Sentence
            && f.stopwords as f64 > SPOKEN_MIN_STOPWORDS * f.words as f64
    };
    let mut first = None;
    let mut found = None;
    let mut furniture = Vec::new();
    for i in candidates {
        if is_furniture(seg.units[i].span.slice(input)) || after_byline_label(input, seg, i) {
            furniture.push(i);
        } else if !spoken(i) {
            found = Some(i);
            break;
        } else {
            first = first.or(Some(i));
        }
    }
    let found = found.or(first);
    for i in furniture {
        if found.is_none_or(|t| i > t) {
            verdicts[i] = Verdict::Drop(Reason::Context(&TITLE_FURNITURE_DECISION));
        }
    }
    found
}

/// How far above a headline-like line just over the region the title search
/// looks for the real headline when a date, byline or share block stands
/// between them (a headline, its byline block of a dozen short lines, a
/// standfirst).
pub(crate) const STANDFIRST_LOOKBACK: usize = 16;

/// A kept line of at most this many words inside the date/byline block (a
/// `By` or `Date` label, a name, a counter) does not end the block.
pub(crate) const BLOCK_LABEL_MAX_WORDS: usize = 3;

/// A standfirst has at least this many words; shorter lines above the region
/// are labels, kickers and tag lines, which the headline search may take but
/// the body must not.
pub(crate) const STANDFIRST_MIN_WORDS: usize = 8;

/// Lone labels that put the author's name on the next line.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "author",
    "autor",
    "written by",
];

/// Is unit `i` the name under a lone `By` / `Von` label?
fn after_byline_label(input: &str, seg: &Segments, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|j| {
        let label = seg.units[j].span.slice(input).trim().trim_end_matches(':');
        BYLINE_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
    })
}

/// When the headline-like line `lead` just above the region stands under a
/// date, byline or share block, and a headline-like line stands above that
/// block (within [`STANDFIRST_LOOKBACK`] units), that line is the headline and
/// `lead` is the article's standfirst or first line, body text: pages print the
/// headline first, then the byline and the date, then the article. Returns the
/// headline.
pub(crate) fn headline_over_byline(
    input: &str,
    seg: &Segments,
    features: &[Features],
    verdicts: &[Verdict],
    lead: usize,
) -> Option<usize> {
    // A teaser with its own byline under it is one of a list of teasers.
    let byline_below = seg
        .units
        .get(lead + 1)
        .is_some_and(|u| is_byline(u.span.slice(input)));
    if (features[lead].words as usize) < STANDFIRST_MIN_WORDS
        || byline_below
        || is_furniture(seg.units[lead].span.slice(input))
    {
        return None;
    }
    let mut block = false;
    for i in (lead.saturating_sub(STANDFIRST_LOOKBACK)..lead).rev() {
        let f = &features[i];
        let text = seg.units[i].span.slice(input);
        let dated = || is_byline(text);
        match &verdicts[i] {
            Verdict::Meta(_) => block |= dated(),
            Verdict::Drop(Reason::Context(d)) if d.id == TITLE_FURNITURE => block |= dated(),
            Verdict::Keep => {
                if dated() || after_byline_label(input, seg, i) {
                    block = true;
                } else if is_furniture(text) {
                } else if f.whole_block
                    && (f.terminal != Terminal::Sentence || ends_like_headline(text))
                    && is_headline(text, f)
                {
                    return block.then_some(i);
                } else if (f.words as usize) > BLOCK_LABEL_MAX_WORDS || !f.whole_block {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

fn is_kept(v: &Verdict) -> bool {
    *v == Verdict::Keep
}

/// The title's text: the line without a Markdown heading marker (`# `) or bold
/// markers around it.
pub(crate) fn title_text(line: &str) -> &str {
    line.trim_start_matches('#').trim().trim_matches('*').trim()
}

/// Headlines may end in `?` or `!`, not in `.`.
fn ends_like_headline(text: &str) -> bool {
    let t = text.trim_end_matches(crate::features::CLOSERS);
    t.ends_with('?') || t.ends_with('!')
}

fn is_headline(text: &str, f: &Features) -> bool {
    // A line that starts in lower case continues a sentence, and one that starts
    // with a bracket or a symbol is a rating, a counter or a widget: no headline.
    let starts_lower = text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    let starts_well = title_text(text).chars().next().is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '"' | '“' | '„' | '‘' | '\'' | '«' | '¿' | '¡')
    });
    !starts_lower
        && starts_well
        && (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&(f.words as usize))
        && text.len() <= TITLE_MAX_BYTES
        && !f.list_item
        && f.terminal != Terminal::Colon
        && !text.ends_with(',')
}

#[cfg(test)]
mod tests {
    use crate::clean;

    #[test]
    fn first_headline_line_is_the_title() {
        let a = clean("Lavrov denies Russian influence over US election\n\nThe body starts here.");
        assert_eq!(
            a.title.as_deref(),
            Some("Lavrov denies Russian influence over US election")
        );
        assert_eq!(a.body, "The body starts here.");
    }

    #[test]
    fn question_headlines_count() {
        let a = clean("Is Russia meddling in the election?\n\nThe body starts here.");
        assert_eq!(
            a.title.as_deref(),
            Some("Is Russia meddling in the election?")
        );
    }

    #[test]
    fn no_title_when_text_starts_with_prose() {
        let a = clean(
            "Moscow (CNN) Russian Foreign Minister Sergey Lavrov has dismissed claims. More text.",
        );
        assert_eq!(a.title, None);
        let a = clean(
            "Moscow (CNN) Russian Foreign Minister Sergey Lavrov has dismissed claims.\n\nShort line",
        );
        assert_eq!(a.title, None);
    }

    #[test]
    fn a_line_starting_in_lower_case_is_not_a_title() {
        let a =
            clean("show Nigerian actress, Kate Henshaw, looking stunning in new\nmake-up photos.");
        assert_eq!(a.title, None);
    }

    #[test]
    fn ratings_and_widgets_are_not_titles() {
        let a = clean("( 2 ) 4 Sterne von 5\n\nDer Kuchen ist schnell gemacht und schmeckt allen.");
        assert_eq!(a.title, None);
    }

    #[test]
    fn a_finished_sentence_above_the_region_is_not_the_headline() {
        let menu: String = (1..=13).map(|i| format!("  * Section{i}\n")).collect();
        let body = "The first paragraph of the story is long enough to be prose. It goes on for a while, with several sentences, and it ends with a full stop like the others do.";
        let input = format!(
            "{menu}\nCity council approves the new harbour plan\n\nIt rained on Tuesday.\n\n{body} {body}\n\n{body} It rained.\n"
        );
        let a = clean(&input);
        assert_eq!(
            a.title.as_deref(),
            Some("City council approves the new harbour plan")
        );
    }

    #[test]
    fn a_spoken_sentence_above_the_body_gives_way_to_the_headline() {
        let menu: String = (1..=13).map(|i| format!("  * Section{i}\n")).collect();
        let body = "The first paragraph of the story is long enough to be prose. It goes on for a while, with several sentences, and it ends with a full stop like the others do.";
        let spoken = "You all know it from your own kitchen, do you not?";
        let input =
            format!("{menu}\nTomatoes cut the right way\n\n{spoken}\n\n{body} {body}\n\n{body}\n");
        let a = clean(&input);
        assert_eq!(a.title.as_deref(), Some("Tomatoes cut the right way"));
        assert!(a.body.starts_with(spoken), "{}", a.body);
        // A question headline of content words is still the title.
        let input =
            format!("{menu}\nIs Russia meddling in the US election?\n\n{body} {body}\n\n{body}\n");
        let a = clean(&input);
        assert_eq!(
            a.title.as_deref(),
            Some("Is Russia meddling in the US election?")
        );
    }

    #[test]
    fn a_date_line_on_top_is_no_title_and_goes() {
        let a = clean(
            "Donnerstag, 4. November 2021 | Lokales\n\nStadtrat beschließt neuen Hafenplan\n\nDer Rat hat am Abend lange beraten.",
        );
        assert_eq!(
            a.title.as_deref(),
            Some("Stadtrat beschließt neuen Hafenplan")
        );
        assert_eq!(a.body, "Der Rat hat am Abend lange beraten.");
        assert_eq!(a.removed[0].rule, super::TITLE_FURNITURE);
    }

    #[test]
    fn furniture_above_the_region_is_passed_over() {
        let menu: String = (1..=13).map(|i| format!("  * Section{i}\n")).collect();
        let body = "The first paragraph of the story is long enough to be prose. It goes on for a while, with several sentences, and it ends with a full stop like the others do.";
        for furniture in [
            "Posted on September 21, 2020 by Jane Doe",
            "Mit Freunden teilen",
            "Home » News » City council approves the new harbour plan",
        ] {
            let input = format!(
                "{menu}\nCity council approves the new harbour plan\n\n{furniture}\n\n{body} {body}\n\n{body}\n"
            );
            let a = clean(&input);
            assert_eq!(
                a.title.as_deref(),
                Some("City council approves the new harbour plan"),
                "{furniture}"
            );
            assert!(!a.body.contains(furniture), "{}", a.body);
        }
    }

    /// The headline `headline_over_byline` finds over the unit that starts
    /// with `lead`, every unit kept.
    fn headline_over(input: &str, lead: &str) -> Option<String> {
        let seg = crate::segment::segment(input);
        let (features, _) = crate::features::compute(input, &seg);
        let verdicts = vec![super::Verdict::Keep; seg.units.len()];
        let at = seg
            .units
            .iter()
            .position(|u| u.span.slice(input).trim().starts_with(lead))?;
        super::headline_over_byline(input, &seg, &features, &verdicts, at)
            .map(|h| seg.units[h].span.slice(input).trim().to_string())
    }

    #[test]
    fn a_standfirst_under_the_byline_block_gives_way_to_the_headline() {
        let standfirst = "First trial of an automated device for taking blood samples in hospitals";
        let input = format!(
            "New Robot Takes Blood Samples\n\nBy\n\nJane Doe\n\nShare\n\n{standfirst}\n\nBody text."
        );
        assert_eq!(
            headline_over(&input, standfirst).as_deref(),
            Some("New Robot Takes Blood Samples")
        );
        let input = format!(
            "New Robot Takes Blood Samples\n\nPosted by Jane Doe\n\n{standfirst}\n\nBody text."
        );
        assert_eq!(
            headline_over(&input, standfirst).as_deref(),
            Some("New Robot Takes Blood Samples")
        );
        // No byline between them: the lower line is the headline.
        let input = format!("Section News Today\n\n{standfirst}\n\nBody text.");
        assert_eq!(headline_over(&input, standfirst), None);
        // A short line is no standfirst, and a teaser with its own byline is
        // one of a list.
        let input =
            "New Robot Takes Blood Samples\n\nBy Jane Doe\n\nBlood tests by robot\n\nBody text.";
        assert_eq!(headline_over(input, "Blood tests"), None);
        let input = format!(
            "New Robot Takes Blood Samples\n\nBy Jane Doe\n\n{standfirst}\n\nBy John Roe\n\nBody text."
        );
        assert_eq!(headline_over(&input, standfirst), None);
    }

    #[test]
    fn labels_and_list_items_are_not_titles() {
        let a = clean("* Home\n\nRelated:\n\nReal headline of the page\n\nBody.");
        assert_eq!(a.title.as_deref(), Some("Real headline of the page"));
    }
}
