"""Sentence boundaries with spaCy's blank Dutch pipeline and a sentencizer.

No trained Dutch model can be installed here, so sentences come from rules:
spaCy's Dutch tokenizer already keeps most abbreviations (``bv.``, ``o.a.``,
``nl.``, ``art.``) as one token, which stops the sentencizer from splitting
there; a few common ones in policy plans are added. Abbreviations that can
also end a sentence (``enz.``, ``etc.``, ``vzw.``) end it when a capitalised
word follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

EXTRA_ABBREVIATIONS = (
    "vzw.",
    "ca.",
    "cfr.",
    "vb.",
    "bijv.",
    "incl.",
    "excl.",
    "resp.",
    "evt.",
    "max.",
    "min.",
    "ong.",
    "zgn.",
    "vnl.",
    "m.b.t.",
    "i.s.m.",
    "a.d.h.v.",
    "t.e.m.",
    "o.l.v.",
    "m.i.v.",
    "d.w.z.",
    "i.p.v.",
    "p.",
    "blz.",
    "nr.",
    "nrs.",
    "afd.",
    "dhr.",
    "mevr.",
    "prof.",
    "dr.",
)
CAN_END_SENTENCE = frozenset({"enz.", "etc.", "vzw.", "e.d.", "e.a.", "ca."})


@Language.component("coder_abbreviation_ends")
def _abbreviation_ends(doc: Doc) -> Doc:
    """Let a sentence end at ``enz.``/``etc.``/``vzw.`` when a capital follows."""
    for token in doc[:-1]:
        if token.lower_ in CAN_END_SENTENCE and doc[token.i + 1].is_title:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def dutch_pipeline() -> Language:
    """spacy.blank('nl') + sentencizer, loaded once per process."""
    nlp = spacy.blank("nl")
    for abbreviation in EXTRA_ABBREVIATIONS:
        for form in {abbreviation, abbreviation.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("coder_abbreviation_ends")
    return nlp


def sentence_spans(texts: Iterable[str]) -> list[list[tuple[int, int]]]:
    """Per text, the (start, end) character offsets of its sentences, trimmed."""
    result = []
    for doc in dutch_pipeline().pipe(texts, batch_size=256):
        spans = []
        text = doc.text  # a property that rebuilds the string: read it once
        for sent in doc.sents:
            start, end = sent.start_char, sent.end_char
            raw = text[start:end]
            start += len(raw) - len(raw.lstrip())
            end -= len(raw) - len(raw.rstrip())
            if end > start:
                spans.append((start, end))
        result.append(spans)
    return result
