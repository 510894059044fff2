//! The main-content region: the run of units where article text is densest.
//!
//! Each unit weighs its length, positive when its class is `Good` and negative
//! otherwise; the region is the run with the largest total (Kadane's maximum
//! subarray, one linear pass). Menus, teaser lists and footers around the
//! article weigh it down, so they fall outside; a short heading or a caption
//! inside the article costs less than the text around it, so it stays inside.

use std::ops::Range;

use crate::classify::Class;
use crate::features::Features;

/// A unit that is not `Good` weighs at least this many characters against the
/// region, so a run of tiny menu items still counts as a barrier.
pub(crate) const BAD_MIN_WEIGHT: usize = 20;

/// The region with the largest total weight, or `None` when no unit is `Good`.
pub(crate) fn main_region(classes: &[Class], features: &[Features]) -> Option<Range<usize>> {
    let weight = |i: usize| -> i64 {
        let chars = features[i].chars as i64;
        match classes[i] {
            Class::Good => chars,
            _ => -(chars.max(BAD_MIN_WEIGHT as i64)),
        }
    };
    let mut best: Option<(i64, Range<usize>)> = None;
    let (mut sum, mut start) = (0i64, 0usize);
    for i in 0..classes.len() {
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
        let classes = [Bad, Bad, Good, Bad, Good, Good, Bad, Bad, Good];
        let f = feats(&[10, 10, 300, 30, 200, 300, 100, 200, 150]);
        assert_eq!(main_region(&classes, &f), Some(2..6));
    }

    #[test]
    fn no_good_unit_no_region() {
        assert_eq!(main_region(&[Bad, Short], &feats(&[10, 10])), None);
        assert_eq!(main_region(&[], &[]), None);
    }
}
