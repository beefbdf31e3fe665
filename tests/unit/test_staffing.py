"""The staff list changed in place, pure: one member added or removed, every other byte kept."""

from __future__ import annotations

import pytest

from redaksi.core import staffing
from redaksi.core.staffing import Member
from redaksi.errors import RefusedError, UsageError

CONFIG = """\
newsroom: Kabar  # the name
staff:
  # the desk
  - {name: Ali, email: ali@k.test, roles: [reporter]}
  - name: Keyra
    email: keyra@k.test
    roles:
      - publisher

  # end of staff
language: id
"""
DEWI = Member("Dewi Lestari", "dewi@k.test", ("reporter", "editor"))
DEWI_LINE = "  - {name: Dewi Lestari, email: dewi@k.test, roles: [reporter, editor]}\n"
FLOW = (
    "staff: [{name: Ali, email: ali@k.test, roles: [publisher]},"
    " {name: K, email: k@k.test, roles: [publisher]}]\nlanguage: id\n"
)
BLOCK = """\
staff:
  - name: K
    email: k@k.test
    roles: [publisher]
  - name: A
    email: a@k.test
    roles: [reporter]
"""


def refused(kind: type[Exception], call: object, *args: object) -> tuple[str, dict[str, str]]:
    with pytest.raises(kind) as caught:
        call(*args)  # type: ignore[operator]  # the function under test, with its arguments
    return caught.value.key, caught.value.params  # type: ignore[attr-defined]  # RedaksiError


def test_the_staff_as_listed() -> None:
    assert staffing.members(CONFIG) == [
        Member("Ali", "ali@k.test", ("reporter",)),
        Member("Keyra", "keyra@k.test", ("publisher",)),
    ]
    odd = "staff:\n  - just a name\n  - {email: x@k.test}\n  - {name: 7, roles: null}\n"
    assert staffing.members(odd) == [Member("", "x@k.test", ()), Member("7", "", ())]
    assert refused(RefusedError, staffing.members, "staff: nobody\n") == ("staff.no_list", {})


def test_a_member_is_added_after_the_last_one_on_one_line_keeping_every_other_byte() -> None:
    lines = CONFIG.splitlines(keepends=True)
    assert staffing.add(CONFIG, DEWI) == "".join([*lines[:8], DEWI_LINE, *lines[8:]])
    crlf = CONFIG.replace("\n", "\r\n")
    wanted = "".join([*lines[:8], DEWI_LINE, *lines[8:]]).replace("\n", "\r\n")
    assert staffing.add(crlf, DEWI) == wanted
    quoted = staffing.add(BLOCK, Member("O'Neil: x", "o@k.test", ("editor",)))
    assert quoted == BLOCK + """  - {name: "O'Neil: x", email: o@k.test, roles: [editor]}\n"""
    assert staffing.members(quoted)[-1] == Member("O'Neil: x", "o@k.test", ("editor",))


def test_a_flow_or_empty_list_is_written_anew_one_member_a_block() -> None:
    assert staffing.add(FLOW, DEWI) == (
        "staff:\n"
        "  - name: Ali\n    email: ali@k.test\n    roles: [publisher]\n"
        "  - name: K\n    email: k@k.test\n    roles: [publisher]\n"
        "  - name: Dewi Lestari\n    email: dewi@k.test\n    roles: [reporter, editor]\n"
        "language: id\n"
    )
    empty = "staff: []\n# x\nlanguage: id\n"
    assert staffing.add(empty, DEWI) == (
        "staff:\n  - name: Dewi Lestari\n    email: dewi@k.test\n    roles: [reporter, editor]\n"
        "# x\nlanguage: id\n"
    )
    last = "language: id\nstaff: []\n\n# end\n"
    assert staffing.add(last, DEWI) == (
        "language: id\nstaff:\n  - name: Dewi Lestari\n    email: dewi@k.test\n"
        "    roles: [reporter, editor]\n\n# end\n"
    )
    crlf = staffing.add(empty.replace("\n", "\r\n"), DEWI)
    assert crlf.count("\r\n") == crlf.count("\n") == 6


def test_an_email_already_on_staff_is_refused_whatever_its_case() -> None:
    twin = Member("Ali Lain", " ALI@K.test ", ("editor",))
    with pytest.raises(UsageError):  # spaces: not an email a config can hold
        staffing.add(CONFIG, twin)
    assert refused(RefusedError, staffing.add, CONFIG, Member("A", "ALI@k.test", ("editor",))) == (
        "staff.exists",
        {"email": "ALI@k.test"},
    )
    assert refused(RefusedError, staffing.add, "staff: 3\n", DEWI) == ("staff.no_list", {})


@pytest.mark.parametrize(
    ("member", "key", "params"),
    [
        (Member(" ", "d@k.test", ("reporter",)), "staff.empty_name", {}),
        (Member("D", "dk.test", ("reporter",)), "staff.bad_email", {"email": "dk.test"}),
        (Member("D", "@k.test", ("reporter",)), "staff.bad_email", {"email": "@k.test"}),
        (Member("D", "d@ktest", ("reporter",)), "staff.bad_email", {"email": "d@ktest"}),
        (Member("D", "d @k.test", ("reporter",)), "staff.bad_email", {"email": "d @k.test"}),
        (
            Member("D", "d@k.test", ("reporter", "boss", "chief")),
            "staff.bad_role",
            {"role": "boss, chief", "choices": "reporter, editor, publisher"},
        ),
        (
            Member("D", "d@k.test", ()),
            "staff.bad_role",
            {"role": "-", "choices": "reporter, editor, publisher"},
        ),
    ],
)
def test_a_member_the_config_could_not_hold_is_refused(
    member: Member, key: str, params: dict[str, str]
) -> None:
    assert refused(UsageError, staffing.add, CONFIG, member) == (key, params)


def test_a_member_is_removed_with_their_lines_only() -> None:
    text, gone = staffing.remove(CONFIG, "ALI@k.test")
    lines = CONFIG.splitlines(keepends=True)
    assert text == "".join([*lines[:3], *lines[4:]])
    assert gone == Member("Ali", "ali@k.test", ("reporter",))
    text, gone = staffing.remove(BLOCK, " a@k.test ")
    assert text == "".join(BLOCK.splitlines(keepends=True)[:4])
    assert gone == Member("A", "a@k.test", ("reporter",))


def test_the_last_members_lines_end_where_the_indented_rest_ends() -> None:
    text = BLOCK.replace("roles: [reporter]\n", "roles:\n\n    # later\n      - reporter\n")
    text += "# after the list\nlanguage: id\n"
    removed, _ = staffing.remove(text, "a@k.test")
    assert removed == "".join(BLOCK.splitlines(keepends=True)[:4]) + (
        "# after the list\nlanguage: id\n"
    )


def test_a_flow_list_loses_its_member_written_anew() -> None:
    text, gone = staffing.remove(FLOW, "k@k.test")
    assert text == (
        "staff:\n  - name: Ali\n    email: ali@k.test\n    roles: [publisher]\nlanguage: id\n"
    )
    assert gone == Member("K", "k@k.test", ("publisher",))


def test_the_last_publisher_and_a_stranger_cannot_be_removed() -> None:
    assert refused(RefusedError, staffing.remove, CONFIG, "Keyra@k.test") == (
        "staff.last_publisher",
        {"email": "keyra@k.test"},
    )
    assert refused(UsageError, staffing.remove, CONFIG, "x@k.test") == (
        "staff.not_found",
        {"email": "x@k.test"},
    )
    alone = "staff:\n  - {name: K, email: k@k.test, roles: [publisher]}\n"
    assert refused(RefusedError, staffing.remove, alone, "k@k.test")[0] == "staff.last_publisher"


A = "{name: A, email: a@k.test, roles: [publisher]}"


@pytest.mark.parametrize(
    ("text", "email", "result"),
    [
        (  # a list at the margin: the next key is not part of the last member
            f"staff:\n- {A}\n- {{name: B, email: b@k.test}}\nlanguage: id\n",
            "b@k.test",
            f"staff:\n- {A}\nlanguage: id\n",
        ),
        (  # a last member of two lines
            f"staff:\n  - {A}\n  - name: B\n    email: b@k.test\nlanguage: id\n",
            "b@k.test",
            f"staff:\n  - {A}\nlanguage: id\n",
        ),
        (  # a comment at the margin inside the last member
            f"staff:\n  - {A}\n  - name: B\n# note\n    email: b@k.test\nlanguage: id\n",
            "b@k.test",
            f"staff:\n  - {A}\nlanguage: id\n",
        ),
        (  # a member in the middle
            f"staff:\n  - {A}\n  - {{name: B, email: b@k.test}}\n  - {{name: C, email: c@k.test}}\n"
            "language: id\n",
            "b@k.test",
            f"staff:\n  - {A}\n  - {{name: C, email: c@k.test}}\nlanguage: id\n",
        ),
        (  # a flow list over several lines, then a blank line and an indented comment
            f"staff: [\n  {A},\n  {{name: B, email: b@k.test}}]\n\n  # kept\nlanguage: id\n",
            "b@k.test",
            "staff:\n  - name: A\n    email: a@k.test\n    roles: [publisher]\n\n  # kept\n"
            "language: id\n",
        ),
    ],
)
def test_a_member_s_lines_and_only_theirs_go(text: str, email: str, result: str) -> None:
    assert staffing.remove(text, email)[0] == result


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("staff: []\r\n", "staff:\r\n  - name: Dewi\r\n    email: d@k.test\r\n    roles: [reporter]\r\n"),
        (  # the new member's dash is the first member's, whatever lines follow
            f"staff:\n  - {A}\nlanguage: id\nx:\n    y: 1\n",
            f"staff:\n  - {A}\n  - {{name: Dewi, email: d@k.test, roles: [reporter]}}\n"
            "language: id\nx:\n    y: 1\n",
        ),
    ],
)  # fmt: skip
def test_a_member_is_added_in_the_file_s_own_style(text: str, result: str) -> None:
    assert staffing.add(text, Member("Dewi", "d@k.test", ("reporter",))) == result


def test_a_name_ending_in_x_is_written_whole() -> None:
    added = staffing.add(f"staff:\n  - {A}\n", Member("Malcolm X", "m@k.test", ("reporter",)))
    assert added.endswith("  - {name: Malcolm X, email: m@k.test, roles: [reporter]}\n")
