//! Content classification in the spirit of jusText: each unit gets a class from
//! its length and stopword density, then short and near-good units take the class
//! of their neighbours.
//!
//! Units a rule already removed are `Bad`. The classes feed the main-region
//! search in [`crate::region`].

use crate::article::Category;
use crate::engine::{Reason, Verdict};
use crate::features::{Features, Terminal};
use crate::rules::Rule;

/// A unit's class (jusText's bad / short / near-good / good).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Boilerplate: removed by a rule, a menu item, or long text with few stopwords.
    Bad,
    /// Too short to judge alone; takes its class from its neighbours.
    Short,
    /// Some stopwords but not much text; good if next to good text.
    NearGood,
    /// Article prose.
    Good,
}

/// Units whose visible text is more than this share link text are `Bad`
/// (jusText's `max_link_density`).
pub(crate) const MAX_LINK_DENSITY: f64 = 0.2;

/// A list item of at most this many words, not ending like a sentence, is a menu
/// entry (`* Tech`, `* Contact us`) and `Bad`; longer items are judged as text.
pub(crate) const MENU_ITEM_MAX_WORDS: usize = 3;

/// Units shorter than this many characters are `Short` (jusText's `length_low`).
pub(crate) const LENGTH_LOW: usize = 70;

/// Units with enough stopwords and more than this many characters are `Good`;
/// shorter ones are `NearGood` (jusText's `length_high`).
pub(crate) const LENGTH_HIGH: usize = 200;

/// Below this stopword density (stopwords / words) a unit is `Bad` (jusText's
/// `stopwords_low`).
pub(crate) const STOPWORDS_LOW: f64 = 0.30;

/// At or above this stopword density a long unit is `Good` (jusText's
/// `stopwords_high`).
pub(crate) const STOPWORDS_HIGH: f64 = 0.32;

/// Without a stopword list (unknown language, CJK), a unit that ends like a
/// sentence and has at least this many characters counts as `Good`.
pub(crate) const NO_STOPLIST_GOOD_CHARS: usize = 40;

/// A run of at least this many consecutive list items is a menu or a teaser list
/// when most of them do not end like sentences.
pub(crate) const MENU_RUN_MIN_ITEMS: usize = 5;

/// The share of a list run's items that must lack sentence punctuation for the
/// run to count as a menu (article bullet lists are mostly sentences).
pub(crate) const MENU_RUN_UNPUNCTUATED_SHARE: f64 = 0.75;

/// For each unit: is it an item of a menu-like run of list items?
fn menu_runs(features: &[Features]) -> Vec<bool> {
    let mut out = vec![false; features.len()];
    let mut i = 0;
    while i < features.len() {
        if !features[i].list_item {
            i += 1;
            continue;
        }
        let start = i;
        while i < features.len() && features[i].list_item {
            i += 1;
        }
        let run = &features[start..i];
        let unpunctuated = run
            .iter()
            .filter(|f| f.terminal != Terminal::Sentence)
            .count();
        if run.len() >= MENU_RUN_MIN_ITEMS
            && unpunctuated as f64 >= MENU_RUN_UNPUNCTUATED_SHARE * run.len() as f64
        {
            out[start..i].fill(true);
        }
    }
    out
}

/// Initial class of one unit, before neighbours are looked at.
fn initial(f: &Features, verdict: &Verdict, have_stoplist: bool, in_menu_run: bool) -> Class {
    if in_menu_run {
        return Class::Bad;
    }
    match verdict {
        Verdict::Keep | Verdict::Inline(_) | Verdict::Title => {}
        _ => return Class::Bad,
    }
    if f.link_chars as f64 > MAX_LINK_DENSITY * f.chars.max(1) as f64 {
        return Class::Bad;
    }
    if f.list_item && f.terminal != Terminal::Sentence && (f.words as usize) <= MENU_ITEM_MAX_WORDS
    {
        return Class::Bad;
    }
    if (f.chars as usize) < LENGTH_LOW {
        return Class::Short;
    }
    if !have_stoplist {
        return if f.terminal == Terminal::Sentence && (f.chars as usize) >= NO_STOPLIST_GOOD_CHARS {
            Class::Good
        } else {
            Class::NearGood
        };
    }
    let density = f.stopword_density();
    if density >= STOPWORDS_HIGH {
        if (f.chars as usize) > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= STOPWORDS_LOW || f.terminal == Terminal::Sentence {
        // A finished sentence full of names (a contributor line, a list of
        // results) is not a menu: let its neighbours decide.
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Each unit's class before and after its neighbours were looked at.
#[derive(Debug)]
pub(crate) struct Classes {
    /// From the unit's own features.
    pub initial: Vec<Class>,
    /// After short and near-good units took their neighbours' classes: only
    /// `Good` or `Bad`.
    pub revised: Vec<Class>,
}

/// Classifies every unit and revises short and near-good ones by their neighbours.
pub(crate) fn classify(
    features: &[Features],
    verdicts: &[Verdict],
    rules: &[Rule],
    have_stoplist: bool,
) -> Classes {
    let menu = menu_runs(features);
    let initial: Vec<Class> = features
        .iter()
        .zip(verdicts)
        .zip(menu)
        .map(|((f, v), m)| initial(f, v, have_stoplist, m))
        .collect();
    let mut initial = initial;
    if !initial.contains(&Class::Good) {
        // A page of short paragraphs (wire stories) has no long prose at all:
        // its near-good text is the best it has.
        for c in &mut initial {
            if *c == Class::NearGood {
                *c = Class::Good;
            }
        }
    }
    let mut revised = initial.clone();
    revise_short(&mut revised);
    let see_through: Vec<bool> = features
        .iter()
        .zip(verdicts)
        .map(|(f, v)| is_furniture(f, v, rules))
        .collect();
    revise_near_good(&mut revised, &see_through);
    Classes { initial, revised }
}

/// For each unit, the nearest class before it that is not in `skip`
/// (`Bad` at the document's start). One pass, linear.
fn nearest_before(classes: &[Class], skip: &[Class]) -> Vec<Class> {
    let mut last = Class::Bad;
    classes
        .iter()
        .map(|c| {
            let before = last;
            if !skip.contains(c) {
                last = *c;
            }
            before
        })
        .collect()
}

/// Like [`nearest_before`], looking forward.
fn nearest_after(classes: &[Class], skip: &[Class]) -> Vec<Class> {
    let mut last = Class::Bad;
    let mut out: Vec<Class> = classes
        .iter()
        .rev()
        .map(|c| {
            let after = last;
            if !skip.contains(c) {
                last = *c;
            }
            after
        })
        .collect();
    out.reverse();
    out
}

/// jusText's short-block revision: a short unit between good ones is good,
/// between bad ones bad; between a good and a bad one it is good only when a
/// near-good unit stands between it and the bad side.
fn revise_short(classes: &mut [Class]) {
    let prev = nearest_before(classes, &[Class::Short, Class::NearGood]);
    let next = nearest_after(classes, &[Class::Short, Class::NearGood]);
    let prev_any = nearest_before(classes, &[Class::Short]);
    let next_any = nearest_after(classes, &[Class::Short]);
    for i in 0..classes.len() {
        if classes[i] != Class::Short {
            continue;
        }
        classes[i] = match (prev[i], next[i]) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if (prev[i] == Class::Bad && prev_any[i] == Class::NearGood)
                || (next[i] == Class::Bad && next_any[i] == Class::NearGood) =>
            {
                Class::Good
            }
            _ => Class::Bad,
        };
    }
}

/// Categories of rule-removed units that are page furniture set into an
/// article (a photo credit, a date line, a share button, an advertisement
/// label, a copyright line under a photo) rather than evidence that the text
/// around them is boilerplate.
pub(crate) const FURNITURE: &[Category] = &[
    Category::Caption,
    Category::Metadata,
    Category::Share,
    Category::Promo,
    Category::Legal,
];

/// A short unit that a rule removed as page furniture ([`FURNITURE`], or a
/// metadata line): the near-good revision looks past it to the text beyond.
fn is_furniture(f: &Features, verdict: &Verdict, rules: &[Rule]) -> bool {
    let furniture = match verdict {
        Verdict::Meta(_) => true,
        Verdict::Drop(Reason::Rule(r)) => rules
            .get(*r)
            .is_some_and(|r| FURNITURE.contains(&r.category)),
        _ => false,
    };
    furniture && (f.chars as usize) < LENGTH_LOW
}

/// jusText's near-good revision: near-good between two bad units is bad, else
/// good. Units flagged in `see_through` (page furniture, see [`is_furniture`])
/// are skipped when looking for the neighbours.
fn revise_near_good(classes: &mut [Class], see_through: &[bool]) {
    let masked: Vec<Class> = classes
        .iter()
        .zip(see_through)
        .map(|(c, skip)| if *skip { Class::NearGood } else { *c })
        .collect();
    let prev = nearest_before(&masked, &[Class::NearGood]);
    let next = nearest_after(&masked, &[Class::NearGood]);
    for i in 0..classes.len() {
        if classes[i] == Class::NearGood {
            classes[i] = if prev[i] == Class::Bad && next[i] == Class::Bad {
                Class::Bad
            } else {
                Class::Good
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    #[test]
    fn short_units_follow_their_neighbours() {
        let mut c = vec![Good, Short, Good, Bad, Short, Bad, Good, Short, Bad];
        revise_short(&mut c);
        assert_eq!(c, [Good, Good, Good, Bad, Bad, Bad, Good, Bad, Bad]);
    }

    #[test]
    fn short_between_good_and_near_good_then_bad_is_kept() {
        let mut c = vec![Good, Short, NearGood, Bad];
        revise_short(&mut c);
        assert_eq!(c[1], Good);
        let mut c = vec![Good, Short, Bad];
        revise_short(&mut c);
        assert_eq!(c[1], Bad);
    }

    #[test]
    fn pages_of_short_paragraphs_still_have_good_text() {
        let f = |chars, stopwords| Features::sentence(chars, 20, stopwords);
        let features = [f(150, 8), f(120, 9), f(30, 0)];
        let verdicts = vec![Verdict::Keep; 3];
        let classes = classify(&features, &verdicts, &[], true);
        assert_eq!(classes.initial[..2], [Good, Good]);
    }

    #[test]
    fn near_good_looks_past_page_furniture() {
        // Body, a photo credit a rule removed, a near-good paragraph, a menu item.
        let mut c = vec![Good, Bad, NearGood, Bad];
        revise_near_good(&mut c, &[false, true, false, false]);
        assert_eq!(c[2], Good);
        // Without the credit to look past, both neighbours are bad.
        let mut c = vec![Good, Bad, NearGood, Bad];
        revise_near_good(&mut c, &[false; 4]);
        assert_eq!(c[2], Bad);
    }

    #[test]
    fn furniture_is_a_short_credit_share_or_metadata_removal() {
        use crate::rules::Action;
        let rules = [
            Rule::new("t.credit", Category::Caption, "x", Action::DropBlock),
            Rule::new("t.related", Category::Related, "x", Action::DropBlock),
        ];
        let short = Features::sentence(30, 5, 0);
        let long = Features::sentence(300, 50, 20);
        let credit = Verdict::Drop(Reason::Rule(0));
        assert!(is_furniture(&short, &credit, &rules));
        // A "Related" box is boilerplate, not furniture set into the text.
        assert!(!is_furniture(
            &short,
            &Verdict::Drop(Reason::Rule(1)),
            &rules
        ));
        assert!(!is_furniture(&long, &credit, &rules));
        assert!(!is_furniture(&short, &Verdict::Keep, &rules));
    }

    #[test]
    fn near_good_between_bad_is_bad() {
        let mut c = vec![Bad, NearGood, Bad, Good, NearGood, Bad];
        revise_near_good(&mut c, &[false; 6]);
        assert_eq!(c, [Bad, Bad, Bad, Good, Good, Bad]);
    }
}
