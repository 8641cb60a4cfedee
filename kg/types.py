"""The one table of entity types (``kg/data/types.toml``); every other place derives what it needs from it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class EntityType:
    name: str  # as the JSON and the ontology write it (kg:<name>)
    family: str  # id prefix: person, org, place, date
    slot: str  # code in relation templates
    agent: bool  # can be what a figure or a bare title is about
    organisation: bool  # an organisation proper
    propagate: bool  # a pattern-found name is a mention wherever else it occurs
    precedence: int  # lower wins where mentions disagree on a thing's type
    colour: str
    shape: str
    legend: str
    crf: str | None = None  # the statistical recogniser's label
    segmenter: str = "nt"  # POS tag for lexicon words of this type


def _load() -> tuple[dict[str, EntityType], dict[str, str]]:
    data = tomllib.loads(resources.files("kg.data").joinpath("types.toml").read_text(encoding="utf-8"))
    types = {row["name"]: EntityType(**row) for row in data["type"]}
    return types, dict(data["groups"])


TYPES, SLOT_GROUPS = _load()
ENTITY_TYPES: tuple[str, ...] = tuple(TYPES)
ORG_TYPES = frozenset(t.name for t in TYPES.values() if t.organisation)
AGENT_TYPES = frozenset(t.name for t in TYPES.values() if t.agent)
PROPAGATE_TYPES = frozenset(t.name for t in TYPES.values() if t.propagate)
TYPE_PRECEDENCE: tuple[str, ...] = tuple(sorted(TYPES, key=lambda n: TYPES[n].precedence))
CRF_LABELS = {t.crf: t.name for t in TYPES.values() if t.crf}
BOTH = "B"  # the slot code of an organisation that is also a platform (快手, 京东)


def family(type_: str) -> str:
    """The id family of a type (``org`` for every organisation, platform and offering)."""
    return TYPES[type_].family


def slot_code(type_: str, types: tuple[str, ...] = ()) -> str:
    """The template code of a mention: its type's slot, or B for an organisation that is also a platform."""
    code = TYPES[type_].slot
    platform = TYPES["Platform"].slot
    if code == TYPES["Company"].slot and "Platform" in types or code == platform and type_ != "Platform":
        return BOTH
    return code
