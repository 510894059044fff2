//! Cookie and consent notices, copyright footers and legal link lines.

use super::{Action::*, BANNER_WORDS, LABEL_WORDS, NOTICE_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Legal;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "legal.cookie_notice",
            "A cookie or consent notice (`We use cookies to improve your experience`, `Accept all cookies`).",
            concat!(
                r"(?i)",
                cookie_notice!(),
                r"|(?-u:\b)by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site(?-u:\b).{0,80}(?-u:\b)(?:cookies|privacy|terms)(?-u:\b)|^(?:accept|allow|reject|decline|manage|customi[sz]e) (?:all )?cookies(?-u:\b)|^cookie (?:settings|preferences|policy|consent)\W*$"
            ),
            DropBlock,
        ),
        BANNER_WORDS,
    ),
    max_words(
        phrase(
            C,
            "legal.cookie_category",
            "A consent dialog's description of a cookie category (`These cookies are necessary for the website to function.`).",
            concat!(r"(?i)^(?:", cookie_category!(), r")"),
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "legal.disclaimer",
            "A short liability disclaimer line (`Alle Angaben ohne Gewähr.`, `Irrtümer vorbehalten`).",
            r"(?i)^\(?\s*(?:(?:alle )?angaben ohne gewähr|(?:änderungen und )?irrtümer vorbehalten|(?:all )?information (?:is )?(?:provided )?without (?:guarantee|warranty)|sous réserve d'erreurs)\W*$",
            DropBlock,
        ),
        LABEL_WORDS,
    ),
    max_words(
        phrase(
            C,
            "legal.copyright",
            "A copyright footer (`© 2017 News Corp. All rights reserved.`).",
            r"(?i)^(?:©|\(c\)\s*[0-9]{4}|copyright\s*(?:©|\(c\))?\s*[0-9]{4})|(?-u:\b)(?:all rights reserved|alle rechte vorbehalten)\W*$|^(?:\(?\s*)?(?:vervielfältigung|nachdruck|weiterverbreitung) nur mit (?:ausdrücklicher |schriftlicher |vorheriger )*(?:genehmigung|zustimmung)(?: (?:des|der) \w+)?\W*$|^this (?:document|article|content|material|work|publication) is (?:subject to|protected by) copyright(?-u:\b)",
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    phrase(
        C,
        "legal.footer_link",
        "A footer link line: `Privacy Policy`, `Terms of Use`, `Contact Us`, `Impressum`.",
        concat!(r"(?i)^(?:", footer_link!(), r")$"),
        DropBlock,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn fires() {
        assert_fires(
            "legal.cookie_notice",
            &[
                "We use cookies to give you the best experience on our website.",
                "By continuing to use this site you agree to our use of cookies.",
                "Accept all cookies",
                "Damit wir verstehen, wie unsere Seite genutzt wird, nutzen wir Cookies und andere Techniken.",
            ],
        );
        assert_fires(
            "legal.cookie_category",
            &[
                "These cookies are necessary for the website to function and cannot be switched off.",
                "Diese Cookies sind notwendig, um Inhalte von Videoplattformen auf unserer Seite anzuzeigen.",
                "Ces cookies permettent de mesurer l'audience du site.",
            ],
        );
        assert_fires(
            "legal.disclaimer",
            &[
                "Alle Angaben ohne Gewähr.",
                "(Alle Angaben ohne Gewähr)",
                "Irrtümer vorbehalten",
            ],
        );
        assert_fires(
            "legal.copyright",
            &[
                "This document is subject to copyright. Apart from any fair dealing, no part may be reproduced.",
            ],
        );
        assert_fires(
            "legal.copyright",
            &[
                "© 2017 News Nation. All rights reserved.",
                "Copyright 2016 CNN",
                "All Rights Reserved.",
                "Vervielfältigung nur mit Genehmigung",
                "Nachdruck nur mit schriftlicher Genehmigung des Verlags.",
                "© Example Verlag GmbH. Alle Rechte vorbehalten.",
            ],
        );
        assert_fires(
            "legal.footer_link",
            &["Privacy Policy", "Terms of Use", "Impressum"],
        );
    }

    #[test]
    fn article_sentences_survive() {
        assert_keeps(&[
            "Nachdruck nur mit Genehmigung der Eltern, scherzte der Lehrer, als er die Klassenarbeit verteilte.",
            "Copyright holders sued the website in 2019, the court heard.",
            "(c) the defendant shall pay the costs of the appeal.",
            "The regulator said websites must ask before they use cookies to track readers.",
            "Zum Nachtisch backen wir Cookies mit Schokolade, sagte die Köchin.",
            "Contact with the crew was lost shortly after take-off, officials said.",
            "The cookies are baked for twelve minutes, until the edges turn brown.",
            "Tracking cookies like these are used by advertisers to follow readers from site to site, the study found.",
            "Alle Angaben ohne Gewähr, sagte der Sprecher, denn die Zählung laufe noch.",
        ]);
    }
}
