"""Deterministic sample corpus: invented beleidsplannen 2021-2025 as PDFs with ground truth.

The real 131 plans cannot be shared, so features, demos and benchmarks run on a generated
corpus that looks and behaves like them. ``generate_corpus`` writes the PDFs,
``organisations.csv`` and ``ground_truth.jsonl``; ``generate_bad_inputs`` writes broken files
for the ingest error paths. Content planning (``coder.sample.prose``) is pure and can be
inspected without rendering.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coder.sample.bad import generate_bad_inputs
    from coder.sample.generate import SampleSummary, generate_corpus

__all__ = ["SampleSummary", "generate_bad_inputs", "generate_corpus"]


def __getattr__(name: str) -> Any:
    # Lazy: importing coder.sample (e.g. for the codes) should not load ReportLab and Pillow.
    if name in ("generate_corpus", "SampleSummary"):
        from coder.sample import generate

        return getattr(generate, name)
    if name == "generate_bad_inputs":
        from coder.sample import bad

        return bad.generate_bad_inputs
    raise AttributeError(f"module 'coder.sample' has no attribute {name!r}")
