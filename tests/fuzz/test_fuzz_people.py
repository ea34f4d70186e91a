"""natojp.people on generated text: resolutions and mentions, or a
NatojpError, never anything else (find_mentions never raises at all)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from natojp.errors import NatojpError
from natojp.people import default_registry, find_mentions, find_quotes
from tests.fuzz._guard import said
from tests.strategies import anchors, corpus_texts, name_texts

REGISTRY = default_registry()

_on = anchors()


@given(name_texts(), _on, st.none() | corpus_texts | name_texts())
@example("", None, None)
@example("Secretary General", None, "In 2016, the Secretary General")
@example("Stoltenberg" * 50, None, None)
def test_resolve(text: str, on: object, context: str | None) -> None:
    try:
        REGISTRY.resolve(text, anchor=on, context=context)  # type: ignore[arg-type]
    except NatojpError as exc:
        said(exc)


@given(st.one_of(corpus_texts, name_texts(), st.text(max_size=200)), _on)
def test_find_mentions_and_quotes(text: str, on: object) -> None:
    mentions = find_mentions(text, anchor=on)  # type: ignore[arg-type]
    for m in mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)
    for q in find_quotes(text, anchor=on, mentions=mentions):  # type: ignore[arg-type]
        assert 0 <= q.span.start <= q.span.end <= len(text)
