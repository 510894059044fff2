//! App promotions and advertisement markers.

use super::{Action::*, LABEL_WORDS, NOTICE_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Promo;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "promo.app_download",
            "An app promotion (`Download the News Nation App available on Android and iOS.`).",
            // A promo ends at the store names; a sentence about an app goes on.
            r"(?i)(?-u:\b)(?:download )?(?:the|our)(?-u:\b).{0,60}(?-u:\b)apps?(?-u:\b).{0,40}?(?-u:\b)(?:(?:available|now) )?(?:on|for|in)(?-u:\b).{0,20}(?-u:\b)(?:android|ios|iphone|app store|google play)(?:\s+(?:and|&)\s+(?:android|ios|iphone|the app store|google play))?\W*$|(?-u:\b)get (?:it|the app) on (?:google play|the app store)(?-u:\b)",
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "promo.click_here",
            "A call to action: `GET FOX BUSINESS ON THE GO BY CLICKING HERE`, `Click here to subscribe`, `12 issues for £11.99`.",
            r"(?i)(?-u:\b)by clicking here\W*$|^click here(?-u:\b)|(?-u:\b)click here to (?:subscribe|download|sign up|buy|order|get)(?-u:\b)|(?-u:\b)[0-9]+ issues for [£$€]|(?-u:\b)prices are subject to change(?-u:\b)",
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "promo.affiliate_disclosure",
            "An affiliate-link disclosure: `This site participates in the Amazon Associate program and earns revenue from qualifying purchases`, `Für Links auf dieser Seite erhält … eine Provision vom Händler`.",
            r"(?i)(?-u:\b)(?:amazon (?:associates?|services llc associates|partner) ?program(?:me)?|earns? (?:revenue|a commission|commissions) from qualifying purchases|(?:erhält|erhalten|bekommt|bekommen) (?:\w+ )?(?:ggf\. |gegebenenfalls )?eine (?:kleine )?provision vom händler|als amazon-partner verdien)|^(?:advertising|affiliate|advertiser) disclosure\W*$|^(?:werbe|transparenz|affiliate-)hinweis\W*$",
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "promo.empty_cart",
            "A shop widget's empty-cart message (`Your cart is empty`, `Es befinden sich keine Produkte im Warenkorb.`).",
            concat!(r"(?i)^(?:", empty_cart!(), r")\W*$"),
            DropBlock,
        ),
        LABEL_WORDS,
    ),
    phrase(
        C,
        "promo.advertisement",
        "An ad marker: `Advertisement`, `Sponsored content`, `Story continues below advertisement`.",
        concat!(
            r"(?i)^(?:",
            advertisement!(),
            r"|story continues below(?: advertisement)?|continue reading (?:the main story|below)|scroll to continue with content)\W*$"
        ),
        DropBlock,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn fires() {
        assert_fires(
            "promo.app_download",
            &[
                "For all the latest World News Download the News Nation App available on Android and iOS.",
                "Our app is available on the App Store and Google Play",
                "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            ],
        );
        assert_fires(
            "promo.click_here",
            &[
                "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
                "Get the magazine delivered every month. 12 issues for £11.99. Click here",
                "Click here to subscribe",
                "Quantities may be limited. Prices are subject to change without notice.",
            ],
        );
        assert_fires(
            "promo.affiliate_disclosure",
            &[
                "This site participates in the Amazon Associate program and earns revenue from qualifying purchases (like the products linked below).",
                "Für Links auf dieser Seite erhält Example ggf. eine Provision vom Händler, z.B. für solche mit -Symbol.",
                "As an Amazon Associate I earn commissions from qualifying purchases.",
                "Advertising Disclosure",
            ],
        );
        assert_fires(
            "promo.empty_cart",
            &[
                "Your cart is currently empty.",
                "Es befinden sich keine Produkte im Warenkorb.",
                "Ihr Warenkorb ist leer",
                "Votre panier est vide.",
                "Twój koszyk jest pusty",
            ],
        );
        assert_fires(
            "promo.advertisement",
            &[
                "Advertisement",
                "ADVERTISEMENT",
                "Story continues below advertisement",
                "Sponsored content",
            ],
        );
    }

    #[test]
    fn article_sentences_survive() {
        assert_keeps(&[
            "Users complained that the app was slow to download the new maps on older phones and tablets.",
            "Advertisement spending fell by a third in the second quarter, the report said.",
            "The app, which is available on iOS and Android, already has 2 million users.",
            "Users who download the new app must agree to share their location.",
            "The panel raised 3 issues for the government to consider.",
            "Readers who click here and there on the site see fewer ads, the study found.",
            "The retailer earns a commission on each sale, and the authors of the report say that is a problem.",
            "Der Vertreter erhält eine Provision vom Umsatz, sagte die Firma.",
            "Your cart is empty when you leave the shop, and the cashier knows it.",
            "Ihr Warenkorb ist leer geblieben, sagte der Händler über die Kundin.",
        ]);
    }
}
