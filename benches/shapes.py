#!/usr/bin/env python3
"""Writes the linearity and memory shapes of the README's Performance section.

Each shape at 12.5 MB and at 100 MB (8x the text), into the directory given
(default: ./shapes):

  short        menu items and sentences on short lines
  10k          paragraphs of ~10 KB on one line each
  oneline      one line of sentences, no line break at all
  identical50  2 million identical 50-byte lines
  identical11  9 million identical 11-byte lines (`Click here`)
  dots         nothing but dots
  links        one line of Markdown links two spaces apart, no sentence end:
               a unit whose inline matches are found in its collapsed text

Then, per file: /usr/bin/time -f "%U %M" ./target/release/examples/clean FILE
(user seconds, peak RSS in KiB). The text is generated from a small word list
with a fixed seed: no corpus text, the same files on every run.
"""

import os
import random
import sys

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or "
    "his from at which but have an they you were her she there been one all we "
    "their has would when if so no will more minister said government report "
    "week city council water school people market new plan year officials told "
    "reporters on tuesday that the project would cost about million dollars over "
    "years"
).split()
MENU = ["Home", "News", "Sport", "Business", "Culture", "Opinion", "Weather",
        "Contact us", "Subscribe", "Log in", "Share", "Privacy Policy"]
SIZES = [(12_500_000, "small"), (100_000_000, "big")]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 25))]
    return " ".join(words).capitalize() + "."


def write(path, size, kind):
    rng = random.Random(11)
    with open(path, "w") as f:
        written = 0
        if kind == "identical50":
            line = "Click here to read our latest news and updates ok\n"
            f.write(line * (size // len(line)))
        elif kind == "identical11":
            f.write("Click here\n" * (size // 11))
        elif kind == "dots":
            f.write("." * size)
        elif kind == "links":
            piece = "see [the report](https://example.org/r)  and "
            f.write(piece * (size // len(piece)) + "\n")
        while written < size and kind in ("short", "10k", "oneline"):
            if kind == "short":
                piece = (rng.choice(MENU) if rng.random() < 0.5 else sentence(rng)) + "\n"
            elif kind == "10k":
                paragraph = []
                while sum(len(s) + 1 for s in paragraph) < 10_000:
                    paragraph.append(sentence(rng))
                piece = " ".join(paragraph) + "\n\n"
            else:
                piece = sentence(rng) + " "
            f.write(piece)
            written += len(piece)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "shapes"
    os.makedirs(out, exist_ok=True)
    for kind in ["short", "10k", "oneline", "identical50", "identical11", "dots", "links"]:
        for size, tag in SIZES:
            write(os.path.join(out, f"{kind}.{tag}.txt"), size, kind)


if __name__ == "__main__":
    main()
