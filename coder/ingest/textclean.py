"""Character clean-up and the rejoining of words hyphenated at a line end.

Pure functions: no PDF, no database. Stored text is NFC; only ligatures and
odd spaces are folded (full NFKC would also rewrite superscripts, fractions
and the like that a reader wants to see as printed).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_FOLD = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u00ad": "",
        "\ufffe": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)
_SPACES = re.compile(r"[ \t]+")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
#: A line ending in a hyphen that follows a letter: a candidate for rejoining.
HYPHEN_END = re.compile(r"([^\W\d_]+)-$", re.UNICODE)
LEADING_WORD = re.compile(r"^([^\W\d_]+)", re.UNICODE)
#: the whole hyphenated token before a line-end hyphen: ``mond-tot-``
COMPOUND_END = re.compile(r"(\w+(?:-\w+)+)-$", re.UNICODE)


VOWELS = frozenset("aeiouy")
#: words after an elision hyphen ("hoog- en laag"): the hyphen stays, with a space
ELISION_FOLLOWERS = frozenset({"en", "of", "noch", "tot", "als", "and", "or"})


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Dutch word forms and lemmas from spaCy's lookup tables (spacy-lookups-data)."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return frozenset(table) | frozenset(table.values())


def clean_text(text: str) -> str:
    """Fold ligatures and odd spaces, drop soft hyphens, NFC, collapse spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text.translate(_FOLD)))


class Lexicon:
    """The words of one document, used to decide how to rejoin ``X-`` + ``Y``.

    The document itself is the best dictionary: if ``samenwerking`` occurs
    elsewhere, ``samen-`` + ``werking`` is a broken word; if ``sociaal-cultureel``
    occurs elsewhere, the hyphen is real.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        words: Counter[str] = Counter()
        for line in lines:
            found = WORD.findall(line)
            # the last word of a line ending in '-' is a fragment, not a word
            if line.endswith("-") and found:
                found = found[:-1]
            words.update(w.lower() for w in found)
        self.words = words

    def join(self, left: str, right: str, word: str | None = None) -> str:
        """Join a line ending in ``left`` + '-' with a line starting with ``right``.

        ``word`` is the whole token before the line-end hyphen when it already
        holds hyphens (``mond-tot-``). Returns the joined text of the two
        parts: without hyphen when the word is broken, with it when the hyphen
        is real.
        """
        head = word or left
        joined, hyphenated = (head + right).lower(), f"{head}-{right}".lower()
        if self.words[joined] > self.words[hyphenated]:
            return left + right
        if self.words[hyphenated]:
            return f"{left}-{right}"
        if right.lower() in ELISION_FOLLOWERS:
            return f"{left}- {right}"  # hoog- en laaggeschoolden, in- of uitstroom
        if "-" in head or right[:1].isupper():
            return f"{left}-{right}"  # mond-tot-mondreclame, West-Vlaanderen, niet-Belgische
        if len(left) >= 2 and left.isupper():
            return f"{left}-{right}"  # CRM-pakket, VTE-berekening
        if self._vowel_clash(left, right):
            return f"{left}-{right}"  # collega-organisaties, zee-egel
        return left + right

    def _vowel_clash(self, left: str, right: str) -> bool:
        """A compound of two known words whose join puts two vowels together.

        Dutch writes those with a hyphen (``zee-egel``, ``collega-organisatie``);
        a soft hyphen between vowels splits a word into non-words (``cre-atief``),
        and a trema (``ge-ëvalueerd``) marks a broken word, not a compound.
        """
        if not (left[-1:].lower() in VOWELS and right[:1].lower() in VOWELS):
            return False
        known = dutch_words()
        return all(part.lower() in known or self.words[part.lower()] for part in (left, right))


def join_lines(lines: list[str], lexicon: Lexicon) -> tuple[str, list[int]]:
    """Join the lines of one paragraph with spaces, rejoining hyphenated words.

    Returns the text and, per input line, the offset in it where that line's
    text begins (so that a page break inside a paragraph has an exact offset).
    """
    out = ""
    starts: list[int] = []
    for line in lines:
        line = line.strip()
        if not out:
            starts.append(0)
            out = line
            continue
        tail = HYPHEN_END.search(out)
        head = LEADING_WORD.match(line)
        if tail and head and not out.endswith(" -"):
            left, right = tail.group(1), head.group(1)
            whole = COMPOUND_END.search(out)
            joined = lexicon.join(left, right, whole.group(1) if whole else None)
            out = out[: tail.start(1)] + joined
            starts.append(len(out) - len(right))
            out += line[head.end(1) :]
        else:
            out = f"{out} {line}" if line else out
            starts.append(len(out) - len(line))
    return out, starts


_PLAIN_WORD = re.compile(r"^[(\"'‘“]?[A-Za-zÀ-ÖØ-öø-ÿ][a-zà-öø-ÿ'’-]*[.,;:!?)\"'’”]*$")
_VOWEL = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]", re.IGNORECASE)


def looks_garbled(lines: Iterable[object]) -> bool:
    """Does a page's text look like mojibake (a font without a usable Unicode map)?

    Such pages extract as ``3HQČåQtSURVWĜ`` in every engine. A page of real
    Dutch (or English, French) prose is mostly plain words with a vowel; when
    fewer than half of at least 30 words are (tokens with a letter: figures in
    budget tables do not count), the text is not to be trusted.
    """
    words = [
        w for line in lines for w in getattr(line, "text", "").split() if any(map(str.isalpha, w))
    ]
    if len(words) < 30:
        return False
    plain = sum(1 for w in words if _PLAIN_WORD.match(w) and _VOWEL.search(w))
    return plain < 0.5 * len(words)
