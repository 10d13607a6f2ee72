"""Shared fixtures: a fresh database per test and the PDF builder."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from coder import store


@pytest.fixture(autouse=True)
def cli_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's default ``--as`` is $USER: the same name on every machine, 'admin'."""
    monkeypatch.setenv("USER", "admin")


@pytest.fixture
def db(tmp_path: Path):
    database = store.connect(tmp_path / "coder.db")
    yield database
    database.close()


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*", text.lower())


def word_f1(expected: str, actual: str) -> float:
    """Bag-of-words F1 of extracted text against the known text."""
    want, got = Counter(words(expected)), Counter(words(actual))
    overlap = sum((want & got).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)
