"""The document cache: bounded by entries and by characters, least recently used out first."""

from __future__ import annotations

from graphql import parse

from schema.core.documents import DocumentCache


def test_a_text_is_found_again_as_the_same_document() -> None:
    cache = DocumentCache()
    document = parse("{ a }")
    cache.put("{ a }", document)
    entry = cache.get("{ a }")
    assert entry is not None and entry.document is document
    assert entry.rules is None  # not validated yet
    assert cache.get("{ b }") is None


def test_the_least_recently_used_text_goes_first_past_the_entry_bound() -> None:
    cache = DocumentCache(max_entries=2)
    cache.put("{ a }", parse("{ a }"))
    cache.put("{ b }", parse("{ b }"))
    assert cache.get("{ a }") is not None  # now b is the least recently used
    cache.put("{ c }", parse("{ c }"))
    assert cache.get("{ b }") is None
    assert cache.get("{ a }") is not None and cache.get("{ c }") is not None
    assert len(cache) == 2


def test_the_characters_held_stay_within_the_budget() -> None:
    # Texts of 10 characters in a budget of 40: four fit, the fifth pushes out the first.
    texts = [f"{{ f{i}{'x' * 4} }}" for i in range(5)]
    assert {len(t) for t in texts} == {10}
    cache = DocumentCache(max_chars=40)
    for text in texts:
        cache.put(text, parse(text))
    assert cache.chars == 40 and len(cache) == 4
    assert cache.get(texts[0]) is None and cache.get(texts[4]) is not None
    # The same text again replaces its entry without counting its characters twice.
    cache.put(texts[4], parse(texts[4]))
    assert cache.chars == 40 and len(cache) == 4


def test_a_text_over_a_quarter_of_the_budget_is_not_kept() -> None:
    cache = DocumentCache(max_chars=40)
    cache.put("{ a }", parse("{ a }"))
    big = "{ " + "a " * 5 + "}"  # 14 characters > 40 // 4
    entry = cache.put(big, parse(big))
    assert entry.document is not None  # still usable for this request
    assert cache.get(big) is None and cache.get("{ a }") is not None and cache.chars == 5
