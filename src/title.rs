//! Title detection: the first short, headline-like line near the top.

use crate::article::Category;
use crate::engine::{Decision, Reason, Verdict};
use crate::features::{Features, Terminal};
use crate::rules::furniture::is_furniture;
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
static TITLE_FURNITURE_DECISION: Decision = Decision {
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
        if is_furniture(seg.units[i].span.slice(input)) {
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
        && (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&f.words)
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

    #[test]
    fn labels_and_list_items_are_not_titles() {
        let a = clean("* Home\n\nRelated:\n\nReal headline of the page\n\nBody.");
        assert_eq!(a.title.as_deref(), Some("Real headline of the page"));
    }
}
