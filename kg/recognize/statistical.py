"""The statistical recognisers kg ships, by the name ``BuildConfig.model`` and ``--model`` give them.

``crf``: the character CRF (``crf.py``); ``nn``: the BiLSTM-CRF (``nn.py``). Either runs behind the lexicon and
the patterns; ``<name>-only`` runs it alone (to measure it), ``none`` runs no statistical recogniser.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import KgError
from .crf import load_tagger
from .nn import load_nn_tagger

TAGGERS: dict[str, Callable] = {"crf": load_tagger, "nn": load_nn_tagger}
FILES = {
    "crf": "kg/data/ner.crfsuite (python -m kg.train)",
    "nn": "kg/data/ner_nn.npz (python -m kg.train --model nn)",
}
MODELS = (*TAGGERS, *(f"{name}-only" for name in TAGGERS), "none")


def load_statistical(model: str):
    """The tagger ``model`` names (None for ``none``, or when the package carries no such model file and the
    tagger is only wanted behind the rules)."""
    if model == "none":
        return None
    if model.endswith(".npz"):  # a neural model file trained here (python -m kg.train --model nn --out FILE)
        if not Path(model).is_file():
            raise KgError(f"{model}: no such model file")
        return load_nn_tagger(model)
    name = model.removesuffix("-only")
    if name not in TAGGERS:
        raise KgError(f"unknown model {model!r}; choose one of: {', '.join(MODELS)}")
    tagger = TAGGERS[name]()
    if tagger is None and model.endswith("-only"):
        raise KgError(f"no {name} model is shipped in this installation ({FILES[name]})")
    return tagger
