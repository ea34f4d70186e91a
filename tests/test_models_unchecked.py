"""natojp builds the models of whole corpora (JSONL reading, sentences)
without their checks, from values it checked itself: what it builds must be
the model a user would make, equal and hashing alike."""

from __future__ import annotations

import attrs
import pytest

import natojp
from natojp import models
from natojp.models import unchecked_maker

_MODELS = [getattr(models, name) for name in models.__all__ if attrs.has(getattr(models, name))]


def _instances() -> list[object]:
    corpus = natojp.load_corpus()
    doc = corpus[0]
    found: list[object] = [doc, doc.source, *doc.segments, *doc.dates, *doc.mentions]
    found += [*doc.quotes, *doc.speakers, *corpus.sentences()[:5], *corpus.search("NATO")[:2]]
    for mention in doc.dates:
        found += [mention.value, mention.span, mention.interval]
    return [item for item in found if item is not None]


@pytest.mark.parametrize("instance", _instances(), ids=lambda item: type(item).__name__)
def test_made_without_checks_equals_and_hashes_like_the_original(instance: object) -> None:
    cls = type(instance)
    values = {field.name: getattr(instance, field.name) for field in attrs.fields(cls)}
    for made in (unchecked_maker(cls)(*values.values()), unchecked_maker(cls)(**values)):
        assert type(made) is cls
        assert made == instance
        assert hash(made) == hash(instance)
        assert repr(made) == repr(instance)


def test_made_instances_stay_frozen() -> None:
    span = unchecked_maker(models.Span)(0, 4)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]


def test_every_model_has_a_maker_taking_its_fields_in_order() -> None:
    for cls in _MODELS:
        make = unchecked_maker(cls)
        assert make is unchecked_maker(cls)  # made once per class
        names = [field.name for field in attrs.fields(cls)]
        assert make.__code__.co_varnames[: len(names)] == tuple(names)
