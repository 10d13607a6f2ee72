"""Machine-assisted coding: code suggestions learned from the team's own codings.

The model proposes, the reader decides: nothing here codes a passage unless a
reader accepts a suggestion (:func:`accept`). One module per job:

- :mod:`~coder.suggest.features`: lemmas and TF-IDF;
- :mod:`~coder.suggest.corpus`: every passage's features, cached by corpus state;
- :mod:`~coder.suggest.examples`: which passages carry (and lack) which codes;
- :mod:`~coder.suggest.model`: training, storing and loading the model;
- :mod:`~coder.suggest.evaluate`: grouped cross-validation, learning curve, baseline;
- :mod:`~coder.suggest.feedback`: the off switch, pilots, accept and reject;
- :mod:`~coder.suggest.page`: suggestions for a page or a selected span;
- :mod:`~coder.suggest.similar`: find similar uncoded passages;
- :mod:`~coder.suggest.queue`: what a reader should read next.
"""

from coder.suggest.evaluate import Evaluation, evaluate, latest_evaluation
from coder.suggest.feedback import (
    Availability,
    accept,
    availability,
    enabled,
    reject,
    set_enabled,
    verdicts,
)
from coder.suggest.model import Model, latest, models, needs_training, train
from coder.suggest.page import PageSuggestions, Suggestion, for_page, for_span
from coder.suggest.queue import Queue, QueueItem, queue
from coder.suggest.similar import SimilarPassage, similar

__all__ = [
    "Availability",
    "Evaluation",
    "Model",
    "PageSuggestions",
    "Queue",
    "QueueItem",
    "SimilarPassage",
    "Suggestion",
    "accept",
    "availability",
    "enabled",
    "evaluate",
    "for_page",
    "for_span",
    "latest",
    "latest_evaluation",
    "models",
    "needs_training",
    "queue",
    "reject",
    "set_enabled",
    "similar",
    "train",
    "verdicts",
]
