"""The hardened YAML reader: what it refuses, and where."""

from __future__ import annotations

import pytest

from redaksi.core import yamlio
from redaksi.core.yamlio import YamlProblem

ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


def test_alias_bomb_is_refused_at_the_first_anchor() -> None:
    with pytest.raises(YamlProblem) as caught:
        yamlio.load_mapping(ALIAS_BOMB)
    assert (caught.value.key, caught.value.line, caught.value.column) == ("yaml.alias", 0, 3)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # deeper than Python's recursion limit: refused where the limit is crossed, not crashed
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", (0, 34)),
        ("a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 200)), (31, 62)),
    ],
)
def test_deep_nesting_is_refused_without_recursion_errors(
    text: str, where: tuple[int, int]
) -> None:
    with pytest.raises(YamlProblem) as caught:
        yamlio.load_mapping(text)
    problem = caught.value
    assert (problem.key, (problem.line, problem.column)) == ("yaml.depth", where)
    assert problem.params == {"limit": yamlio.MAX_DEPTH}


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!custom", "!!python/name:os.system"])
def test_object_constructing_tags_are_refused(tag: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        yamlio.load_mapping(f"title: {tag} x\n")
    assert caught.value.key == "yaml.tag"


def test_standard_tags_are_allowed() -> None:
    assert yamlio.to_plain(yamlio.load_mapping("title: !!str 2025\n")) == {"title": "2025"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at: 2025-03-04T09:12:00+07:00\n", "2025-03-04T09:12:00+07:00"),
        ("at: 2025-03-04\n", "2025-03-04"),
        ("at: 2024-02-31\n", "2024-02-31"),  # impossible date: text, checked later, no crash
        ("at: 2025-03-04 09:12:00\n", "2025-03-04 09:12:00"),
    ],
)
def test_timestamps_stay_the_text_that_was_written(text: str, expected: str) -> None:
    value = yamlio.load_mapping(text)["at"]
    assert value == expected
    assert type(yamlio.to_plain(value)) is str


def test_to_plain_gives_json_types() -> None:
    data = yamlio.load_mapping("a: [1, 2.5, true, null, x]\nb: {c: yes}\n")
    assert yamlio.to_plain(data) == {"a": [1, 2.5, True, None, "x"], "b": {"c": "yes"}}


def test_position_points_at_values_keys_and_parents() -> None:
    data = yamlio.load_mapping("a: 1\nhistory:\n  - {x: 1}\n  - {y: 2}\nm:\n  k: v\n")
    assert yamlio.position(data, ["a"]) == (0, 3)
    assert yamlio.position(data, ["a"], key=True) == (0, 0)
    assert yamlio.position(data, ["history", 1, "y"]) == (3, 8)
    assert yamlio.position(data, ["m"]) == (4, 0)  # a block mapping: its key
    assert yamlio.position(data, ["m", "missing"]) == (4, 0)  # a missing key: its parent


def test_a_flow_item_ruamel_cannot_write_readably_is_written_quoted_and_reads_back() -> None:
    at = yamlio.timestamp("2025-03-04T10:00:00+07:00")
    item = {"name": "?0", "n": 3, "at": at, "tags": ["a", "Rāma"], "none": None}
    line = yamlio.dump_flow_item(item)  # ruamel's own flow form of "?0" does not read back
    assert (
        line == '{name: "?0", n: 3, at: 2025-03-04T10:00:00+07:00, tags: ["a", "Rāma"], none: null}'
    )
    assert yamlio.to_plain(yamlio.load_mapping(f"x:\n  - {line}\n")) == {
        "x": [{**item, "at": "2025-03-04T10:00:00+07:00"}]
    }
    assert yamlio.dump_flow_item({"name": "Ali", "n": 3}) == "{name: Ali, n: 3}"


@pytest.mark.parametrize(
    ("path", "key", "where"),
    [
        ([], False, (0, 0)),  # the document itself
        (["nope"], False, (0, 0)),
        ([0], False, (0, 0)),  # a mapping has no items by number
        (["m", "missing"], True, (4, 0)),  # a missing key's parent, a block mapping: its key
        (["history", "x"], False, (1, 0)),  # a sequence has no keys
        (["history", 0], False, (2, 4)),
        (["history", 0, "x"], False, (2, 8)),
        (["history", 2], False, (1, 0)),  # past the end: the sequence
    ],
)
def test_position_of_paths_that_go_astray(
    path: list[str | int], key: bool, where: tuple[int, int]
) -> None:
    data = yamlio.load_mapping("a: 1\nhistory:\n  - {x: 1}\n  - {y: 2}\nm:\n  k: v\n")
    assert yamlio.position(data, path, key=key) == where


def test_a_flow_item_may_hold_a_dash_and_a_space() -> None:
    assert yamlio.dump_flow_item({"a": "x - y", "b": "c"}) == "{a: x - y, b: c}"
    assert yamlio.dump_flow_item({"name": "?0", "t": "é - ü"}) == '{name: "?0", t: "é - ü"}'


@pytest.mark.parametrize(
    ("text", "key", "line", "column", "params"),
    [
        ("a: 1\nb: !!python/name:os.system x\n", "yaml.tag", 1, 3,
         {"tag": "tag:yaml.org,2002:python/name:os.system"}),
        ("a: 1\nb: !custom x\n", "yaml.tag", 1, 3, {"tag": "!custom"}),
        ("a: 1\n? [x]\n: 2\n", "yaml.complex_key", 1, 2, {}),
        ("a: 1\nc:\n  <<: {x: 1}\n", "yaml.merge", 2, 2, {}),
    ],
)  # fmt: skip
def test_a_refusal_says_what_and_where(
    text: str, key: str, line: int, column: int, params: dict[str, str]
) -> None:
    with pytest.raises(YamlProblem) as caught:
        yamlio.load_mapping(text)
    problem = caught.value
    assert (problem.key, problem.line, problem.column, problem.params) == (
        key,
        line,
        column,
        params,
    )
    assert str(problem) == key


def test_the_non_specific_tag_is_plain_text() -> None:
    assert yamlio.to_plain(yamlio.load_mapping("a: ! x\n")) == {"a": "x"}
