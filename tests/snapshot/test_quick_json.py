"""The quick parse gives the careful parse's values, or leaves the text.

``snapshot._quick_json.quick_parse`` parses with msgspec where cheap
checks show that the careful parse (``json.loads`` with the loader's
hooks) would give the same values and note nothing; anything else goes
to the careful parse, which names the problem.
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unified_account import SnapshotError, parse_snapshot
from unified_account.snapshot import example_text
from unified_account.snapshot._limits import Reading
from unified_account.snapshot._quick_json import quick_parse

texts = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    ["a:b", ":", "::", '"', "\\", "é", "\u2028", "123456789012345678"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4)
    ),
    max_leaves=12,
)


def careful(text):
    """The careful parse's values, and whether it noted anything."""
    reading = Reading()
    data = json.loads(
        text,
        parse_int=reading.whole_number,
        object_pairs_hook=reading.object_pairs,
    )
    return data, reading.suspect or reading.may_hold_surrogates(text)


@given(documents, st.booleans(), st.booleans())
def test_a_quick_parse_is_the_careful_parse(document, indent, as_bytes):
    """Where the quick parse answers, the careful one agrees."""
    text = json.dumps(document, indent=2 if indent else None)
    given_text = text.encode("utf-8") if as_bytes else text
    quick = quick_parse(given_text)
    data, noted = careful(text)
    if quick is not None:
        assert quick == data
        assert not noted
    else:
        # Only what the careful parse notes, an escape that may be a
        # colon, a long run of digits (in a number or not) or the
        # document ``null`` (``None`` is the answer "not read") sends a
        # document written by json.dumps to the careful parse.
        assert (
            noted
            or "\\u003" in text
            or _has_long_digits(text)
            or document is None
        )


def _has_long_digits(text):
    run = 0
    for character in text:
        run = run + 1 if character in "0123456789" else 0
        if run > 15:
            return True
    return False


@given(
    st.lists(st.tuples(texts, documents), min_size=1, max_size=4),
    st.data(),
)
def test_a_key_given_twice_goes_to_the_careful_parse(pairs, data):
    """Whatever the values, and wherever the repeat."""
    key, _ = data.draw(st.sampled_from(pairs))
    pairs = [*pairs, (key, data.draw(documents))]
    pairs = data.draw(st.permutations(pairs))
    text = (
        "{"
        + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs)
        + "}"
    )
    assert quick_parse(text) is None
    assert quick_parse(text.encode("utf-8")) is None


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "x:y", "a": "z"}',  # the dropped value held a colon
        '{"a": {"b": 1, "b": 2}}',
        '[{"a": 1}, {"c": 1, "c": 1}]',
        '{"a\\u003a": 1}',  # a colon written as an escape
        '{"a": "\\u003A"}',
        '{"a": 1234567890123456}',  # more digits than a snapshot holds
        '{"a": "1234567890123456"}',  # in a string: careful all the same
        '{"a": NaN}',
        '{"a": "\\ud800"}',  # a lone surrogate
        "\ufeff{}",  # a byte-order mark
        "[" * 2000 + "]" * 2000,  # deeper than Python recurses
        '{"a": }',
        "",
    ],
)
def test_texts_the_careful_parse_reads(text):
    assert quick_parse(text) is None
    assert quick_parse(text.encode("utf-8", "surrogatepass")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": "x:y", "b": ":"}', {"a": "x:y", "b": ":"}),
        ('{"a": 123456789012345}', {"a": 123456789012345}),
        ('{"a": -123456789012345}', {"a": -123456789012345}),
        ('{"é": ["ü", 1.5, true, null]}', {"é": ["ü", 1.5, True, None]}),
        ("null", None),
    ],
)
def test_texts_the_quick_parse_reads(text, expected):
    assert quick_parse(text.encode("utf-8")) == expected


def test_utf_16_goes_to_the_careful_parse():
    assert quick_parse('{"a": 1}'.encode("utf-16")) is None


def test_the_example_is_read_quickly():
    assert quick_parse(example_text()) == json.loads(example_text())


def test_a_key_given_twice_in_a_catalogue_is_refused_with_its_path():
    document = json.loads(example_text())
    once = '"sku": "LAMP-DESK-LED"'
    text = json.dumps(document)
    assert once in text
    text = text.replace(once, f"{once}, {once}", 1)
    with pytest.raises(SnapshotError) as error:
        parse_snapshot(text.encode("utf-8"))
    assert "appears twice in one object" in str(error.value)
    assert "catalog.skus[" in str(error.value)


def test_nesting_near_the_recursion_limit_is_refused_as_it_was(monkeypatch):
    """The quick parse gives up wherever the careful parse does.

    Both count nesting against the interpreter's recursion limit; around
    it, a document is refused with the error the careful parse gives.
    """
    import sys

    from unified_account import snapshot

    limit = sys.getrecursionlimit()
    texts = [
        '{"a": ' * depth + "1" + "}" * depth
        for depth in range(limit - 60, limit + 5, 3)
    ]

    def refusal(text):
        with pytest.raises(SnapshotError) as error:
            parse_snapshot(text)
        return str(error.value)

    quick = [refusal(text) for text in texts]
    monkeypatch.setattr(snapshot, "quick_parse", lambda text: None)
    assert [refusal(text) for text in texts] == quick
    assert any("nested too deeply" in message for message in quick)
    assert any("nested deeper than" in message for message in quick)
