"""Dutch hyphenation for the sample PDFs, without a dictionary.

Why: real plans break words at line ends ("samen-" / "werking") and ingest has to undo that;
the generator must produce such breaks itself because ``pyphen`` is not a dependency. A
syllable rule gets Dutch breaks right for the sector vocabulary: vowel groups (``ij``,
``oe``, ``aai`` ...) are kept whole, a single consonant goes to the next syllable
(``or-ga-ni-sa-tie``) and a cluster keeps its longest legal onset on the right
(``maat-schap-pe-lij-ke``, ``doel-stel-lin-gen``). Compounds written with a hyphen
(``sociaal-cultureel``) may also break at their own hyphen.

ReportLab calls :func:`hyphenation_pairs` (set as ``hyphenationLang`` on a paragraph style)
with a word that does not fit and takes the first (head, tail) pair whose head fits.

>>> syllables("samenwerking")
['sa', 'men', 'wer', 'king']
>>> syllables("maatschappelijke")
['maat', 'schap', 'pe', 'lijke']
>>> hyphenation_pairs("sociaal-cultureel")[0]
('sociaal-cultu', 'reel')
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

_VOWEL_GROUPS = (
    "aai", "ooi", "oei", "eeu", "ieu",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ij", "ei", "ou", "au",
)  # fmt: skip
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
_ONSETS = {
    "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "pl", "pr", "sch", "schr",
    "sl", "sm", "sn", "sp", "spr", "st", "str", "tr", "vl", "vr", "wr", "zw", "kw", "ch",
}  # fmt: skip
_MIN_HEAD = 2
_MIN_TAIL = 3


def _units(word: str) -> list[tuple[str, bool]]:
    """Split a lower-case word into (unit, is_vowel) pieces; vowel groups stay whole."""
    units: list[tuple[str, bool]] = []
    i = 0
    while i < len(word):
        if word[i] in _VOWELS:
            for group in _VOWEL_GROUPS:
                if word.startswith(group, i):
                    units.append((group, True))
                    i += len(group)
                    break
            else:
                units.append((word[i], True))
                i += 1
        else:
            units.append((word[i], False))
            i += 1
    return units


def _cluster_split(cluster: str) -> int:
    """Where a consonant cluster between two vowels breaks: index into the cluster."""
    if len(cluster) <= 1 or cluster in ("ch", "sch"):
        return 0
    for size in (4, 3, 2):
        if size < len(cluster) and cluster[-size:] in _ONSETS:
            return len(cluster) - size
    return len(cluster) - 1


def _break_points(word: str) -> list[int]:
    """Character offsets where a plain (hyphen-free) lower-case word may break."""
    units = _units(word)
    points: list[int] = []
    offset = 0
    pending: list[str] = []  # consonants since the last vowel group
    seen_vowel = False
    for text, is_vowel in units:
        if is_vowel:
            if seen_vowel:
                cluster = "".join(pending)
                if cluster:
                    points.append(offset - len(cluster) + _cluster_split(cluster))
                elif text[0] in "ëï":
                    points.append(offset)
            seen_vowel = True
            pending = []
        else:
            pending.append(text)
        offset += len(text)
    return [p for p in points if _MIN_HEAD <= p <= len(word) - _MIN_TAIL]


def syllables(word: str) -> list[str]:
    """The word cut at every break point (handy for tests and doctests)."""
    cuts = [0, *_break_points(word.lower()), len(word)]
    return [word[a:b] for a, b in pairwise(cuts)]


@lru_cache(maxsize=65536)
def hyphenation_pairs(word: str) -> list[tuple[str, str]]:
    """All (head, tail) splits of ``word``, longest head first, as ReportLab expects.

    A head ending in "-" is a break at the compound's own hyphen: ReportLab then adds no
    extra hyphen. Capitalised words (names, places) are never split.
    """
    if not word or word[0].isupper() or any(ch.isdigit() for ch in word):
        return []
    pairs: list[tuple[str, str]] = []
    start = 0
    pieces = word.split("-")
    for index, piece in enumerate(pieces):
        if piece and piece.isalpha():
            for point in _break_points(piece.lower()):
                cut = start + point
                pairs.append((word[:cut], word[cut:]))
        start += len(piece) + 1
        if index < len(pieces) - 1 and piece and pieces[index + 1]:
            pairs.append((word[:start], word[start:]))
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return pairs
