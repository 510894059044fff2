//! Photo captions and photo credits. Their text is kept aside in
//! [`Metadata::captions`](crate::Metadata) / `credits`, not thrown away.

use super::{Action::*, Field, LABEL_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Caption;

/// Photo agencies and wire services whose name forms a credit.
macro_rules! agency {
    () => {
        r"(?:AP|AFP|EPA|EPA-EFE|Reuters|REUTERS|Getty Images|Getty|Bloomberg|Xinhua|AAP|PA|Pool|Shutterstock|Alamy|Sipa|Corbis|NurPhoto|TASS|Sputnik|Anadolu)"
    };
}

/// A capitalised name of one to four words (`Ivan Sekretarev`, `Mark J. Terrill`).
macro_rules! name {
    () => {
        r"(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*"
    };
}

/// A caption is at most this many words; a longer paragraph ending in a credit
/// or a date is article text.
const MAX_CAPTION_WORDS: usize = 80;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "caption.photo_credit",
            "A caption that ends in a bracketed photo credit (`… on Tuesday. (AP Photo/Ivan Sekretarev)`).",
            // An agency alone in brackets is an abbreviation (`the Environmental
            // Protection Agency (EPA).`); a credit names a photo, a photographer
            // after a slash, or a `via`. No counted repetitions (`{1,80}`) of
            // big classes: in an unanchored pattern they multiply the states of
            // the lazy DFA until its cache thrashes; the word limit bounds the
            // length instead.
            concat!(
                r"\(\s*(?P<credit>(?:",
                agency!(),
                r")(?:\s+Photo(?:\s*/[^()]+)?|\s*/[^()]+)|(?:File|Courtesy|Photo|Image)(?:\s*[:/,][^()]*|\s+(?:by|of)\s[^()]+)?|\p{Lu}{2,}[\p{L}.&'’-]*(?:/\s*\p{Lu}[\p{L}.&'’ -]*){2,}|[^()]+(?-u:\b)via\s+",
                agency!(),
                r")\s*\)\s*\.?$"
            ),
            Metadata(Field::Caption),
        ),
        MAX_CAPTION_WORDS,
    ),
    phrase(
        C,
        "caption.trailing_credit",
        "A caption whose last sentence is a credit (`… in Moscow. Photograph: Ivan Sekretarev/AP`, `… rally. John Locher/AP`).",
        concat!(
            r"[.!?”]\s+(?:(?i:photo(?:graph)?|image|picture|credit)\s*:\s*[^.]+|",
            name!(),
            r"\s*/\s*",
            agency!(),
            r"(?:\s+Photo)?(?:\s+via\s+[^.]+)?)\s*$"
        ),
        Metadata(Field::Caption),
    ),
    max_words(
        phrase(
            C,
            "caption.dated",
            "A wire-photo caption that ends with its place and full date (`… in Dubai, United Arab Emirates, on Monday, Nov. 13, 2017.`).",
            // English wire-caption style only: `in <Place>, <Region>, on <Weekday>, <Mon.> <d>, <yyyy>.`
            r"(?i)(?-u:\b)in (?-i:\p{Lu})(?-i:[\w.'’-]*)(?:[ ,]+(?-i:\p{Lu})(?-i:[\w.'’-]*))*, on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.? [0-9]{1,2}, [0-9]{4}\.$",
            Metadata(Field::Caption),
        ),
        MAX_CAPTION_WORDS,
    ),
    phrase(
        C,
        "caption.image_caption",
        "A BBC-style `Image caption …` / `Media caption …` line.",
        r"(?i)^(?:image|photo|picture|media|video) caption(?-u:\b)",
        Metadata(Field::Caption),
    ),
    max_words(
        phrase(
            C,
            "caption.inline_credit",
            "A photo credit at the end of a caption or paragraph (`… Getränken. Foto: Jane Doe/Verband`, `… (Foto: Privat)`, `… © AFP / Jane Doe`): the credit goes, the text stays.",
            r"(?:[.!?”)]\s+|\s)((?i:fotos?|bild|bildquelle|imagen)\s*:\s*[^.()©]+\.?|\(\s*(?i:fotos?|bild|bildquelle|imagen)\s*:[^()]+\)\.?|\|?\s*©\s*[^.©]+)\s*$",
            DropSpan,
        ),
        MAX_CAPTION_WORDS,
    ),
    max_words(
        phrase(
            C,
            "caption.credit_line",
            "A credit line on its own: `Photo: Reuters`, `Image copyright Getty Images`, `AFP/Getty Images`.",
            concat!(
                r"^\(?(?:(?i:(?:photo(?:graph)?|image|picture|foto|bild)\s+(?:credit|copyright|source|by|von)\s*:?|(?:photo(?:graph)?|image|picture|foto|bild|bildquelle|credit|quelle)s?\s*:)\s*(?P<value>[^()]+)\)?|(?P<value2>(?:",
                name!(),
                r"\s*/\s*)?",
                agency!(),
                r"(?:\s+Photo)?(?:\s*(?:/|via)\s*[\p{L} .'’/-]+)?))$"
            ),
            Metadata(Field::Credit),
        ),
        LABEL_WORDS,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn photo_credit() {
        assert_fires(
            "caption.photo_credit",
            &[
                "Russian Foreign Minister Sergey Lavrov listens during their meeting in Moscow, Russia, on Tuesday, Oct. 11, 2016. (AP Photo/Ivan Sekretarev)",
                "Flooded streets in Houston. (Reuters/Adrees Latif)",
                "The old bridge, seen in 1998. (File)",
                "The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)",
                "Sheikh Mohammed bin Rashid Al Maktoum, center, at the ceremony. (WAM via AP)",
            ],
        );
    }

    #[test]
    fn dated_caption() {
        assert_fires(
            "caption.dated",
            &[
                "Sheikh Mohammed passes a Boeing 787-10 during the Dubai Air Show in Dubai, United Arab Emirates, on Monday, Nov. 13, 2017.",
            ],
        );
        assert_keeps(&[
            "The minister resigned on Monday, saying the talks had failed and would not resume soon.",
            "The company will report earnings on Thursday, Feb. 1, 2018.",
        ]);
    }

    #[test]
    fn trailing_credit() {
        assert_fires(
            "caption.trailing_credit",
            &[
                "Sergey Lavrov at a news conference in Moscow. Photograph: Ivan Sekretarev/AP",
                "Supporters cheer at a rally in Las Vegas. John Locher/AP",
            ],
        );
    }

    #[test]
    fn image_caption_and_credit_lines() {
        assert_fires(
            "caption.image_caption",
            &["Image caption Mr Lavrov spoke in Moscow"],
        );
        assert_fires(
            "caption.credit_line",
            &[
                "Photo: Reuters",
                "Image copyright Getty Images",
                "AFP/Getty Images",
                "REUTERS/Kevin Lamarque",
                "Getty Images",
                "Quelle: Landesregierung",
                "(Foto: ABr)",
                "Photograph by Jane Doe, Island Restoration Programme",
            ],
        );
    }

    #[test]
    fn inline_credits_go_and_the_text_stays() {
        for (line, kept) in [
            (
                "Helfer versorgen Betroffene mit Essen und Getränken. Foto: Jane Doe/Verband",
                "Helfer versorgen Betroffene mit Essen und Getränken.",
            ),
            (
                "Maxi ist in der Weltspitze der Junioren angekommen. (Foto: Privat)",
                "Maxi ist in der Weltspitze der Junioren angekommen.",
            ),
            (
                "Der Ski-Star aus der Schweiz. © AFP / Jane Doe",
                "Der Ski-Star aus der Schweiz.",
            ),
            (
                "Er war mit Talent gesegnet. | © Verband/Getty Images",
                "Er war mit Talent gesegnet.",
            ),
        ] {
            let input = format!("Headline of a story\n\n{line}\n\nBody text.");
            let a = crate::clean(&input);
            assert_eq!(a.body, format!("{kept}\n\nBody text."), "{line}");
        }
    }

    #[test]
    fn caption_and_credit_go_to_metadata() {
        let a = crate::clean(
            "Headline of a story\n\nLavrov in Moscow. (AP Photo/Ivan Sekretarev)\n\nBody text.",
        );
        assert_eq!(
            a.metadata.captions,
            ["Lavrov in Moscow. (AP Photo/Ivan Sekretarev)"]
        );
        assert_eq!(a.metadata.credits, ["AP Photo/Ivan Sekretarev"]);
    }

    #[test]
    fn article_sentences_about_photos_survive() {
        assert_keeps(&[
            "The photo, taken by an AP photographer in Moscow, was widely shared on Tuesday.",
            "Getty Images said it would license the pictures to news outlets around the world.",
            "He spoke to Reuters on Tuesday (local time) about the talks.",
            "The rules were issued by the Environmental Protection Agency (EPA).",
            "The remarks were first quoted by the Associated Press (AP).",
            "The drug is used to treat the virus (HIV/AIDS).",
            "Add the sugar and stir well (about 1/2 cup).",
            "The agency later released a statement through its lawyer, Ivan Petrov.",
            "Die Zahl der Arbeitslosen stieg um fünf Prozent (Quelle: Statistisches Bundesamt).",
            "Das Foto: ein Kind am Strand, aufgenommen im Sommer 1969, sagt mehr als jeder Text.",
            "Quelle: Die Zahlen des Amtes zeigen einen klaren Trend nach oben, und das schon seit Jahren, wie der Bericht festhält.",
            "The company said © symbols on the label were fake.",
        ]);
    }
}
