"""Workspace logic that needs no browser."""

from coder.ui.workspace import plan_labels, snap_to_words


def test_plan_labels_are_distinct() -> None:
    docs = [
        {"id": 1, "organisation": "Alfa", "filename": "plan.pdf"},
        {"id": 2, "organisation": "Alfa", "filename": "plan.pdf"},
        {"id": 3, "organisation": "Beta", "filename": "plan.pdf"},
    ]
    labels = plan_labels(docs)
    assert labels == {1: "Alfa — plan.pdf (#1)", 2: "Alfa — plan.pdf (#2)", 3: "Beta — plan.pdf"}


def test_a_selection_widens_to_whole_words() -> None:
    text = "De vrijwilligers werken mee."
    assert snap_to_words(text, 5, 10) == (3, 16)
