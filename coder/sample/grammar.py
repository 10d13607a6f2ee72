"""A tiny template language for varied Dutch sentences.

Why: the sample corpus must never repeat a paragraph, yet read like sector prose. Templates
combine alternatives and organisation-specific slots, so one template yields thousands of
surface forms while staying hand-written (and therefore plausible).

Syntax::

    [a|b|c]   pick one alternative (nested brackets allowed, ``[x|]`` makes x optional)
    {slot}    filled by a callable from the slot table, e.g. ``{stad}`` -> "Genk"

>>> import random
>>> expand("[Samen|Met {wie}] bouwen we.", random.Random(1), {"wie": lambda r: "buren"})
'Samen bouwen we.'
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from functools import cache

Slots = Mapping[str, Callable[[random.Random], str]]

# A compiled template is a tuple of parts; a part is a literal string, a slot name wrapped in
# a 1-tuple ``(name,)`` or a list of alternatives (each itself a tuple of parts).
Part = str | tuple[str] | list[tuple]


class TemplateError(ValueError):
    """Raised for a malformed template (unbalanced brackets or braces)."""


def _parse(text: str, pos: int, depth: int) -> tuple[list[tuple], int]:
    alternatives: list[tuple] = []
    parts: list[Part] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            parts.append("".join(literal))
            literal.clear()

    while pos < len(text):
        char = text[pos]
        if char == "[":
            flush()
            alts, pos = _parse(text, pos + 1, depth + 1)
            parts.append(alts)
            continue
        if char == "]":
            if depth == 0:
                raise TemplateError(f"unbalanced ']' in template: {text!r}")
            flush()
            alternatives.append(tuple(parts))
            return alternatives, pos + 1
        if char == "|" and depth > 0:
            flush()
            alternatives.append(tuple(parts))
            parts = []
            pos += 1
            continue
        if char == "{":
            end = text.find("}", pos)
            if end < 0:
                raise TemplateError(f"unclosed '{{' in template: {text!r}")
            flush()
            parts.append((text[pos + 1 : end],))
            pos = end + 1
            continue
        literal.append(char)
        pos += 1
    if depth:
        raise TemplateError(f"unbalanced '[' in template: {text!r}")
    flush()
    alternatives.append(tuple(parts))
    return alternatives, pos


@cache
def compile_template(text: str) -> tuple:
    """Parse a template once; the result is cached because templates are reused constantly."""
    alternatives, _ = _parse(text, 0, 0)
    return alternatives[0]


def _emit(parts: tuple, lines: list[str], indent: str, counter: list[int]) -> None:
    for part in parts:
        if type(part) is str:
            lines.append(f"{indent}out({part!r})")
        elif type(part) is tuple:
            lines.append(f"{indent}out(slots[{part[0]!r}](rng))")
        elif all(len(alt) <= 1 and all(type(p) is str for p in alt) for alt in part):
            options = tuple(alt[0] if alt else "" for alt in part)
            lines.append(f"{indent}out({options!r}[int(draw() * {len(options)})])")
        else:
            counter[0] += 1
            name = f"k{counter[0]}"
            lines.append(f"{indent}{name} = int(draw() * {len(part)})")
            for index, alt in enumerate(part):
                keyword = "if" if index == 0 else "elif"
                if index == len(part) - 1 and index:
                    lines.append(f"{indent}else:")
                else:
                    lines.append(f"{indent}{keyword} {name} == {index}:")
                if alt:
                    _emit(alt, lines, indent + "    ", counter)
                else:
                    lines.append(f"{indent}    pass")


@cache
def _compiled(text: str) -> Callable[[random.Random, Slots], str]:
    """Turn a template into a Python function once: expansion is the hot loop of planning
    (hundreds of thousands of sentences for a full corpus), and straight-line code is several
    times faster than walking the parse tree. Random draws happen in the same order as a
    left-to-right walk of the tree."""
    lines = ["def render(rng, slots):", "    draw = rng.random", "    parts = []",
             "    out = parts.append"]  # fmt: skip
    _emit(compile_template(text), lines, "    ", [0])
    lines.append("    return ''.join(parts)")
    namespace: dict[str, object] = {}
    exec("\n".join(lines), namespace)
    return namespace["render"]  # type: ignore[return-value]


_PUNCTUATION = (",", ".", ";", ":", "?", "!", ")")


def tidy(text: str) -> str:
    """Collapse whitespace left by empty alternatives and fix spacing before punctuation."""
    text = " ".join(text.split())
    for mark in _PUNCTUATION:
        if " " + mark in text:
            text = text.replace(" " + mark, mark)
    return text


def capitalise(text: str) -> str:
    """Upper-case the first letter (Dutch "'s avonds" style openings are left alone)."""
    for index, char in enumerate(text):
        if char.isdigit():
            return text
        if char.isalpha():
            if index and text[index - 1] == "'":
                return text
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def expand(template: str, rng: random.Random, slots: Slots) -> str:
    """Expand one template into text; capitalised, tidied, not otherwise punctuated."""
    return capitalise(tidy(_compiled(template)(rng, slots)))


def sentence(template: str, rng: random.Random, slots: Slots) -> str:
    """Expand a template as a full sentence: capitalised and ending in punctuation."""
    text = expand(template, rng, slots)
    if text and text[-1] not in ".?!:":
        text += "."
    return text
