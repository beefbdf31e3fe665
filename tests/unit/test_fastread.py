"""The fast reader and validator never disagree with the exact ones they stand in for.

Every example reaches a property: where the fast reader answers, it answers exactly what the
exact reader (and validator) would; where it steps aside, there is a reason the exact reader
must decide (it refuses the text, the data holds something other than text, lists and
mappings, libyaml cannot parse it, or it holds a character the fast path never reads). The
scalars are drawn from every place YAML 1.1 (libyaml) and YAML 1.2 (ruamel.yaml) differ.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from redaksi import schema
from redaksi.core import article, fastread, validation, yamlio
from redaksi.core.yamlio import MAX_DEPTH, YamlProblem

SCHEMA = json.loads(schema.builtin_text(schema.ARTICLE))
EXACT = validation.make_validator(SCHEMA)
FAST = validation.make_fast_validator(SCHEMA)

YAML_11_VS_12 = [
    # booleans: YAML 1.1 has y/n/yes/no/on/off in any case; 1.2 only true/false
    *("y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO"),
    *("on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE"),
    *("tRUE", "fAlse"),
    # nulls
    *("~", "null", "Null", "NULL", "nULL", ""),
    # integers: octal (1.1 '017', 1.2 '0o17'), binary, hex, underscores, sexagesimal, signs
    *("017", "0o17", "0O17", "08", "0b101", "0B1", "0x1F", "0X1f", "1_000", "+12", "-0", "00"),
    *("190:20:30", "1:20", "-1:30", "12:30:00", "1,000", "1__0", "_1", "0x", "0o", "0b"),
    # floats
    *(".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "1e3", "1E3", "1.0e+3", "6.8523015e+5"),
    *("685.230_15e+03", "190:20:30.15", "1.", ".5", "-.5", "12e03", "1e", ".", "+.", "0.", "1.2.3"),
    # timestamps, possible and impossible
    *("2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2002-12-14", "2025-02-31"),
    *("2001-12-15T02:59:43.1Z", "2025-03-04T09:12:00+07:00", "2025-3-4", "2025-03-04T25:00:00Z"),
    # YAML 1.1's value and merge keys, and what looks like syntax
    *("=", "==", "<<", "<", "- a", "-", "a: b", "#x", "a #x", "%YAML", "@x", "`x", "? x", ": x"),
    *("|", ">", "'", '"', "[", "]", "{", "}", ",", "a,b", "!x", "&x", "*x"),
    # what an article holds
    *("draft", "review", "published", "Hukum", "ali@kabar.test", "bupati-larang-opd"),
    "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4",
]
UNICODE_BREAKS = ["\u2028", "\u2029", "\x85", "\ufeff", "\xa0", "\u200b", "\t", "\r", "\x7f"]
SCALARS = st.one_of(
    st.sampled_from(YAML_11_VS_12),
    st.builds(
        lambda a, sep, b: a + sep + b,
        st.sampled_from(["a", "Judul", "draft", ""]),
        st.sampled_from(UNICODE_BREAKS),
        st.sampled_from(["b", "", "x: y", "---"]),
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
)
KEYS = st.one_of(
    st.sampled_from(
        ["title", "dateline", "tags", "category", "x-a", "x-b", "other", "slug", "status"]
    ),
    st.sampled_from(["y", "on", "no", "true", "~", "1", "=", "<<", "2025-03-04", "'on'"]),
)
STYLES = st.sampled_from(["plain", "single", "double", "double", "single"])

BASE = {
    "id": "0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4",
    "title": "Bupati Larang OPD",
    "slug": "bupati-larang-opd",
    "status": "draft",
    "category": "Hukum",
    "reporter": "{name: Ali, email: ali@kabar.test}",
    "created_at": "2025-03-04T09:12:00+07:00",
}


def _style(value: str, style: str) -> str:
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(value)  # escapes non-ASCII: \u2028 written as an escape, as it may be
    return value


@st.composite
def values(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["scalar", "scalar", "scalar", "flow list", "flow map", "block"]))
    if kind == "scalar":
        return _style(draw(SCALARS), draw(STYLES))
    if kind == "flow list":
        items = draw(st.lists(st.tuples(SCALARS, STYLES), max_size=3))
        return "[" + ", ".join(_style(v, s if s != "plain" else "single") for v, s in items) + "]"
    if kind == "flow map":
        name, email = (_style(draw(SCALARS), draw(STYLES)) for _ in range(2))
        return f"{{name: {name}, email: {email}}}"
    item = _style(draw(SCALARS), draw(STYLES))
    return f"\n  - {{action: {item}, to: review, by: a@b.co, at: {item}}}"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """An article's front matter with a few keys changed, added or dropped (valid ones too)."""
    entries = dict(BASE)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["set", "set", "add", "drop"]))
        key = draw(st.sampled_from(sorted(entries))) if action != "add" else draw(KEYS)
        if action == "drop":
            entries.pop(key, None)
        else:
            entries[key] = draw(values())
    return "".join(f"{key}: {value}\n" for key, value in entries.items())


def _exact(text: str) -> tuple[Any, Any]:
    """The exact reader's data (as loaded) and its plain form, or (None, None) if refused."""
    try:
        loaded = yamlio.load_mapping(text)
    except YamlProblem:
        return None, None
    return loaded, yamlio.to_plain(loaded)


def _only_text(value: Any) -> bool:
    """Mappings with text keys, lists, text and nulls: all the fast reader ever answers with."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_text(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_only_text(v) for v in value)
    return value is None or isinstance(value, str)


def _libyaml_parses(text: str) -> bool:
    try:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, RecursionError):
        return False
    return True


def check(text: str) -> str:
    """The property, for any text: agreement where fast answers, a reason where it does not.

    Returns which of the two held (for hypothesis' statistics).
    """
    fast = fastread.load(text)
    loaded, plain = _exact(text)
    if fast is not None:
        assert loaded is not None, "the fast reader accepted what the exact reader refuses"
        assert fast.data == plain
        exact_valid = validation.check_document(EXACT, loaded, "a.md") == []
        assert FAST.is_valid(fast.data) == exact_valid
        for key in ("id", "slug", "category"):  # the positions cross-file problems point at
            if isinstance(plain.get(key), str):
                assert fast.where[key] == tuple(loaded.lc.value(key))
        return "fast reader answered"
    bail_char = any(c in text for c in (*fastread.BAIL_CHARS, "\ufeff"))
    reason = (
        "exact reader refuses"
        if loaded is None
        else "not only text"
        if not _only_text(dict(loaded.items())) or not _only_text(plain)
        else "a character the fast path never reads"
        if bail_char
        else "nesting"
        if text.count("[") + text.count("{") > MAX_DEPTH
        else "libyaml cannot parse it"
        if not _libyaml_parses(text)
        else None
    )
    assert reason is not None, f"the fast reader stepped aside for no reason: {plain!r}"
    return f"exact reader needed: {reason}"


@settings(max_examples=400, deadline=None)
@given(documents())
@example(  # U+FEFF is white space to ECMA-262 (jsonschema-rs) and not to Python's re
    text="id: 0f9c7a52-5f1e-4c51-9a53-8e2b61c0d2a4\ntitle: Bupati Larang OPD\nslug: bupati-larang-opd\n"
    "status: draft\ncategory: \ufeff\nreporter: {name: Ali, email: ali@kabar.test}\n"
    "created_at: 2025-03-04T09:12:00+07:00\n"
)
def test_fast_reader_and_validator_agree_with_the_exact_ones(text: str) -> None:
    event(check(text))


TOKENS = st.text(
    alphabet=st.sampled_from(list("abc:-[]{}#'\" ,0123456789.~<=yYnNoO_+") + UNICODE_BREAKS),
    max_size=8,
)
LINES = st.lists(
    st.tuples(
        st.one_of(
            st.text(alphabet="abcyYnNoO~<=_-+0123456789.", min_size=1, max_size=6),
            st.sampled_from(YAML_11_VS_12),
        ),
        st.sampled_from([(": ", ""), (":  ", ""), (":\n  - ", ""), (": [", "]"), (": {a: ", "}")]),
        st.builds(_style, st.one_of(TOKENS, st.sampled_from(YAML_11_VS_12)), STYLES),
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(LINES)
@example([("0", (": ", ""), "-_")])  # ruamel resolves "-_" as an int and cannot build it
def test_fast_reader_never_accepts_what_the_exact_reader_refuses(lines: list[Any]) -> None:
    event(check("".join(f"{key}{sep[0]}{value}{sep[1]}\n" for key, sep, value in lines)))


def test_every_yaml_11_scalar_reads_the_same_in_every_quoting() -> None:
    for value in YAML_11_VS_12:
        for style in ("plain", "single", "double"):
            check(f"title: {_style(value, style)}\ntags: [{_style(value, 'double')}]\n")


def test_it_steps_aside_for_anchors_tags_numbers_and_duplicates() -> None:
    for text in (
        "a: &x 1\n",
        "a: !!str x\n",
        "a: 017\n",
        "a: b\na: c\n",
        "<<: {a: 1}\n",
        "a: yes1\nb: true\n",
        "- a\n",
        "a: b\u2028c: d\n",
        "a: !!binary aGVsbG8=\n",
    ):
        assert fastread.load(text) is None, text


def test_yaml_11_words_are_text_to_both_readers() -> None:
    text = "a: yes\nb: off\nc: y\nd: =\ne: <<\nf: 2025-02-31\ng: 0o17x\n"
    fast = fastread.load(text)
    assert fast is not None
    assert fast.data == yamlio.to_plain(yamlio.load_mapping(text))
    assert fast.data == {
        "a": "yes",
        "b": "off",
        "c": "y",
        "d": "=",
        "e": "<<",
        "f": "2025-02-31",
        "g": "0o17x",
    }


def test_top_level_positions_match_the_exact_reader() -> None:
    text = "id: abc\ntitle: 'Judul'\nslug:   berita\n"
    fast = fastread.load(text)
    data = yamlio.load_mapping(text)
    assert fast is not None
    assert {k: fast.where[k] for k in ("id", "title", "slug")} == {
        k: tuple(data.lc.value(k)) for k in ("id", "title", "slug")
    }


def test_the_split_agrees_with_yaml_on_line_breaks() -> None:
    doc = article.split("---\ntitle: a\u2028---\nbody\n---\nrest\n")
    assert doc.front == "title: a\u2028---\nbody\n"
    assert article.split("---\rtitle: a\r---\rbody").front == "title: a\r"


def test_a_list_or_mapping_as_a_key_is_refused_not_a_crash() -> None:
    for text in ("? x:\n  - \n", "? [a]\n: b\n", "? {a: b}\n: c\n"):
        with pytest.raises(YamlProblem) as caught:
            yamlio.load_mapping(text)
        assert (caught.value.key, caught.value.line) == ("yaml.complex_key", 0)


def _nested(levels: int) -> str:
    return "".join(" " * i + f"k{i}:\n" for i in range(levels)) + " " * levels + "v: x\n"


def _sequences(levels: int) -> str:
    return "a:\n" + "".join(" " * i + "-\n" for i in range(1, levels)) + " " * levels + "- x\n"


def test_the_fast_reader_reads_up_to_the_depth_limit_and_leaves_the_rest() -> None:
    assert fastread.load(_nested(32)) is not None
    assert fastread.load(_nested(33)) is None  # the exact reader decides (and refuses)
    assert fastread.load(_sequences(32)) is not None
    assert fastread.load(_sequences(33)) is None
    assert fastread.load("a: " + "[" * 32 + "]" * 32 + "\n") is not None


@pytest.mark.parametrize("flow", ["[x]", "{b: c}"])
def test_more_flow_collections_than_the_depth_limit_go_to_the_exact_reader(flow: str) -> None:
    """libyaml's composer recurses; the count, not the depth, keeps it safe."""
    assert fastread.load("".join(f"a{n}: {flow}\n" for n in range(32))) is not None
    assert fastread.load("".join(f"a{n}: {flow}\n" for n in range(33))) is None


def test_only_the_positions_asked_for_are_given() -> None:
    fast = fastread.load("a: x\nb: y\n", positions=["b"])
    assert fast is not None and fast.where == {"b": (1, 3)}
