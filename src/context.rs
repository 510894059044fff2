//! Context: verdicts revised by what surrounds a unit.
//!
//! - A comment section (a [`Verdict::ToEnd`] unit) ends the article, once enough
//!   body text precedes it; everything after it goes, under the opener's rule id.
//! - The title is picked ([`crate::title`]) and its repeat in the body removed.

use crate::article::Category;
use crate::engine::{Reason, Verdict};
use crate::features::{Features, Terminal};
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

/// How many kept units after the title are checked for a repeat of it.
const TITLE_REPEAT_WINDOW: usize = 5;

/// Id of the decision that removes the title where it shows up again in the body.
pub(crate) const TITLE_REPEATED: &str = "title.repeated";

/// Revises `verdicts` in place.
pub(crate) fn revise(input: &str, seg: &Segments, features: &[Features], verdicts: &mut [Verdict]) {
    close_at_comment_section(seg, features, verdicts);
    if let Some(t) = title::find(input, seg, features, verdicts) {
        verdicts[t] = Verdict::Title;
        drop_title_repeat(input, seg, t, verdicts);
    }
}

fn is_prose(f: &Features) -> bool {
    f.terminal == Terminal::Sentence && f.words >= PROSE_MIN_WORDS
}

fn close_at_comment_section(seg: &Segments, features: &[Features], verdicts: &mut [Verdict]) {
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
            Verdict::ToEnd(rule) => {
                if prose_bytes >= TAIL_MIN_BODY_BYTES {
                    tail = Some(rule);
                }
                *verdict = Verdict::Drop(Reason::Rule(rule));
            }
            Verdict::Keep | Verdict::Inline(_) if is_prose(&features[i]) => {
                let span = seg.units[i].span;
                prose_bytes += span.end - span.start;
            }
            _ => {}
        }
    }
}

fn drop_title_repeat(input: &str, seg: &Segments, title: usize, verdicts: &mut [Verdict]) {
    let title_text = collapse_whitespace(seg.units[title].span.slice(input));
    let repeat = (title + 1..verdicts.len())
        .filter(|&i| verdicts[i] == Verdict::Keep)
        .take(TITLE_REPEAT_WINDOW)
        .find(|&i| {
            collapse_whitespace(seg.units[i].span.slice(input)).eq_ignore_ascii_case(&title_text)
        });
    if let Some(i) = repeat {
        verdicts[i] = Verdict::Drop(Reason::Context(TITLE_REPEATED, Category::Title));
    }
}

#[cfg(test)]
mod tests {
    use crate::clean;

    const BODY: &str = "The first paragraph of the story is long enough to be prose. It goes on for a while, with several sentences. And another one here, so that it passes the limit of two hundred bytes easily.";

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
    fn title_repeated_in_body_is_removed() {
        let input = format!("Headline here\n\nHeadline here\n\n{BODY}");
        let a = clean(&input);
        assert_eq!(a.title.as_deref(), Some("Headline here"));
        assert_eq!(a.body, BODY);
        assert_eq!(a.removed[0].rule, super::TITLE_REPEATED);
    }
}
