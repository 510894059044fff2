//! The main-content region: the run of units where article text is densest.
//!
//! Each unit weighs its length, positive when its class is `Good` and negative
//! otherwise; the region is the run with the largest total (Kadane's maximum
//! subarray, one linear pass). Menus, teaser lists and footers around the
//! article weigh it down, so they fall outside; a short heading or a caption
//! inside the article costs less than the text around it, so it stays inside.

use std::ops::Range;

use crate::classify::{Class, Classes};
use crate::features::Features;

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

/// The region with the largest total weight, or `None` when no unit is `Good`.
pub(crate) fn main_region(classes: &Classes, features: &[Features]) -> Option<Range<usize>> {
    let weight = |i: usize| -> i64 {
        let chars = features[i].chars as f64;
        let bad = chars.max(BAD_MIN_WEIGHT as f64);
        let w = match (classes.initial[i], classes.revised[i]) {
            (_, Class::Good) => chars,
            (Class::NearGood, _) => NEAR_GOOD_SHARE * chars,
            (Class::Short, _) => -SHORT_BAD_SHARE * bad,
            _ => -bad,
        };
        w as i64
    };
    if !classes.revised.contains(&Class::Good) {
        return None;
    }
    let mut best: Option<(i64, Range<usize>)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    for i in 0..classes.revised.len() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += weight(i);
        if sum > 0 && best.as_ref().is_none_or(|(b, _)| sum > *b) {
            best = Some((sum, start..i + 1));
        }
    }
    best.map(|(_, range)| range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Terminal;
    use Class::*;

    fn feats(chars: &[usize]) -> Vec<Features> {
        chars
            .iter()
            .map(|&chars| Features {
                words: chars / 5,
                stopwords: 0,
                chars,
                link_chars: 0,
                terminal: Terminal::Sentence,
                whole_block: true,
                list_item: false,
                adjacent_repeat: false,
            })
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
        assert_eq!(main_region(&classes, &f), Some(2..6));
    }

    #[test]
    fn no_good_unit_no_region() {
        let classes = Classes {
            initial: vec![Bad, Short],
            revised: vec![Bad, Bad],
        };
        assert_eq!(main_region(&classes, &feats(&[10, 10])), None);
    }
}
