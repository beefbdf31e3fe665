"""Small parts of the core at their edges: a step's key and scope, trailers kept on a rebuilt
message, slugs cut to a limit, CI install values, the CI block for verify."""

from __future__ import annotations

import pytest

from redaksi.core import article, ci, commits, fastwrite, slugs, steps
from redaksi.errors import UsageError

ARTICLE = ("M", "articles/2025/03/a.md", "articles/2025/03/a.md")
CONFIG = ("M", "redaksi.yaml", "redaksi.yaml")


def test_a_step_without_article_or_note_has_empty_ones_in_its_key() -> None:
    message = "staff: add Dewi\n\nRedaksi-Action: staff\n"
    assert steps.key(" MS@Kabar.test ", 7, message) == ("ms@kabar.test", 7, "staff", "", "")


def test_a_draft_is_a_step_on_one_article_and_may_touch_nothing_else() -> None:
    assert steps.on_one_article("draft") and steps.on_one_article("publish")
    assert not steps.on_one_article("staff") and not steps.on_one_article("import")
    assert steps.in_scope("draft", [ARTICLE])
    assert not steps.in_scope("draft", [ARTICLE, CONFIG])
    assert not steps.in_scope("draft", [])
    assert not steps.in_scope("draft", [ARTICLE, ("M", "articles/b.md", "articles/b.md")])


def test_the_trailers_of_the_original_follow_the_rebuilt_message_in_one_block() -> None:
    front = {"reporter": {"name": "Malcolm X", "email": "mx@kabar.test"}}
    planned = commits.message("release", "Banjir", "scheduled", "published", "0f9c", front)
    assert planned.endswith("Reporter: Malcolm X <mx@kabar.test>\n")
    original = planned + "Redaksi-Released-By: CI <ci@kabar.test>\nRedaksi-Run: 12\n"
    assert steps.keep_trailers(planned, original) == original
    assert steps.keep_trailers(planned, planned) == planned


@pytest.mark.parametrize(
    ("text", "limit", "slug"),
    [
        ("Banjir di Lumajang", 80, "banjir-di-lumajang"),
        ("abc def ghi", 7, "abc-def"),  # exactly the limit
        ("abc def ghi", 6, "abc"),
        ("Pembangunan", 6, "pemban"),  # one long word: cut inside it
        ("Naïve Ça", 80, "naive-ca"),
        ("!!! ???", 80, ""),
        ("", 80, ""),
    ],
)
def test_a_slug_keeps_whole_words_up_to_its_limit(text: str, limit: int, slug: str) -> None:
    assert slugs.slugify(text, limit) == slug


@pytest.mark.parametrize(
    "install",
    [
        "git+https://github.com/kabar/redaksi@feature/x",  # a branch, not a tag
        "git+https://github.com/kabar/redaksi@v1.3.0?x=1",
        "git+https://github.com/kabar/redaksi@v1.3.0#egg=redaksi",
        "1.3.0 ; rm -rf",
    ],
)
def test_an_install_value_that_is_no_fixed_release_is_refused_and_shown(install: str) -> None:
    with pytest.raises(UsageError) as caught:
        ci.requirement(install, "1.2.0")
    assert (caught.value.key, caught.value.params) == ("ci.bad_install", {"value": install})


def test_the_tag_of_a_git_url_is_what_follows_its_last_at_sign() -> None:
    value = "git+https://git.kabar.test/tim@redaksi/redaksi@v1.3.0"
    assert ci.requirement(value, "1.2.0") == f"redaksi @ {value}"


def test_a_development_version_without_install_names_the_version() -> None:
    with pytest.raises(UsageError) as caught:
        ci.requirement(None, "0.1.dev4")
    assert (caught.value.key, caught.value.params) == ("ci.dev_version", {"version": "0.1.dev4"})


def test_a_block_problem_carries_its_key_and_parameters() -> None:
    problem = ci.BlockProblem("ci.displaced", line=3)
    assert (str(problem), problem.key, problem.params) == (
        "ci.displaced",
        "ci.displaced",
        {"line": 3},
    )


def test_the_block_verify_reads_is_its_lines_dedented() -> None:
    text = (
        "jobs:\n"
        "  # >>> redaksi (managed by 'redaksi init --ci'; keep edits outside these markers)\n"
        "  redaksi:\n"
        "    runs-on: ubuntu-latest\n"
        "  # <<< redaksi\n"
    )
    assert ci.managed(text) == "redaksi:\n  runs-on: ubuntu-latest\n"


def test_a_commit_message_is_read_into_subject_note_and_trailers() -> None:
    assert commits.parse("") == ("", None, {})
    assert commits.parse("publish: Malcolm X\n") == ("publish: Malcolm X", None, {})
    assert commits.parse("s\n\nJust a note.\n") == ("s", "Just a note.", {})
    message = (
        "correct: Banjir\n\nFirst paragraph.\n\n    indented, kept as written\n\n"
        "Redaksi-Action: correct\nRedaksi-Released-By: CI: bot <ci@k.test>\n"
    )
    assert commits.parse(message) == (
        "correct: Banjir",
        "First paragraph.\n\n    indented, kept as written",
        {"Redaksi-Action": "correct", "Redaksi-Released-By": "CI: bot <ci@k.test>"},
    )


def test_a_commit_message_puts_title_and_extra_trailers_on_one_line_each() -> None:
    front = {"reporter": {"name": "Ali", "email": "ali@k.test"}, "editor": {"name": "MS"}}
    assert commits.message(
        "release",
        "Banjir\n  besar",
        "scheduled",
        "published",
        "0f9c",
        front,
        note=" Catatan. ",
        extra={"Redaksi-Released-By": "CI\nbot <ci@k.test>"},
    ) == (
        "release: Banjir besar\n\nCatatan.\n\n"
        "Redaksi-Action: release\nRedaksi-From: scheduled\nRedaksi-To: published\n"
        "Redaksi-Article: 0f9c\nReporter: Ali <ali@k.test>\n"
        "Redaksi-Released-By: CI bot <ci@k.test>\n"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("a b ", '"a b "'),  # a space is kept as it is, inside quotes
        ("a\u00a0b", '"a\u00a0b"'),
        ("\x1f\x7f\x80\x9f", '"\\x1f\\x7f\\x80\\x9f"'),
        ("\ufeff\uff00", '"\\ufeff\uff00"'),
        ("\ud800\udfff\ue000", '"\\ud800\\udfff\ue000"'),
        ("\ufffe\uffff\U00010000", '"\\ufffe\\uffff\U00010000"'),
        ("\u2028\u2029", '"\\u2028\\u2029"'),
        ('say "hi" \\', '"say \\"hi\\" \\\\"'),
        ("2025-03-04T10:00:00+07:00", '"2025-03-04T10:00:00+07:00"'),  # text, not a Stamp
        ("Ali #1", '"Ali #1"'),
        ("Ali", "Ali"),
    ],
)
def test_a_string_is_written_plain_or_quoted_with_exactly_the_escapes_needed(
    value: str, written: str
) -> None:
    assert fastwrite.scalar(value) == written


def test_a_stamp_is_written_plain_and_anything_else_is_refused_by_name() -> None:
    assert fastwrite.scalar(fastwrite.Stamp("2025-03-04T10:00:00+07:00")) == (
        "2025-03-04T10:00:00+07:00"
    )
    with pytest.raises(TypeError, match=r"^cannot write int for 'n'$"):
        fastwrite.entry("n", 3)


def test_a_format_problem_is_its_key_with_a_position() -> None:
    problem = article.FormatProblem("article.no_front")
    assert (str(problem), problem.key, problem.line, problem.column, problem.params) == (
        "article.no_front",
        "article.no_front",
        1,
        1,
        {},
    )
    placed = article.FormatProblem("yaml.x", 3, 7, limit=5)
    assert (placed.line, placed.column, placed.params) == (3, 7, {"limit": 5})


def test_a_new_article_is_rendered_with_the_newline_it_is_given() -> None:
    text = article.render([("title", "Banjir"), ("tags", ["a", "b"])], "Isi.\r\n", "\r\n")
    assert text == "---\r\ntitle: Banjir\r\ntags: [a, b]\r\n---\r\nIsi.\r\n"


def test_the_block_keeps_blank_and_outdented_lines_as_they_are() -> None:
    text = (
        "jobs:\n"
        "  # >>> redaksi (managed)\n"
        "  redaksi:\n"
        "\n"
        "#  a comment at the margin\n"
        "    runs-on: ubuntu-latest\n"
        "  # <<< redaksi\n"
    )
    assert ci.managed(text) == (
        "redaksi:\n\n#  a comment at the margin\n  runs-on: ubuntu-latest\n"
    )


@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("# >>> redaksi\n# >>> redaksi\n# <<< redaksi\n", {"begins": 2, "ends": 1}),
        ("# >>> redaksi\n", {"begins": 1, "ends": 0}),
        ("# <<< redaksi\n# >>> redaksi\n", {"begins": 1, "ends": 1}),
        ("  # >>> redaksi\n  x: 1\n# <<< redaksi\n", {"begins": 1, "ends": 1}),
    ],
    ids=["two-begins", "no-end", "crossed", "end-at-another-indent"],
)
def test_a_broken_block_says_how_many_markers_it_found(text: str, params: dict[str, int]) -> None:
    with pytest.raises(ci.BlockProblem) as caught:
        ci.find_block(text)
    assert (caught.value.key, caught.value.params) == ("ci.broken_block", params)


def test_a_ci_file_broken_outside_the_block_is_named_with_its_line_and_why() -> None:
    from redaksi.services.ci import render

    template = render("github", '"redaksi==1.2.0"')[".github/workflows/redaksi.yml"]
    end = template.count("\n")
    for tail, line, detail in (
        ("\tx: 1\n", end + 1, "found character '\\t' that cannot start any token"),
        # an unclosed list is found where the text ends, the line after it
        ("extra: [unclosed\n", end + 2, "expected ',' or ']', but got '<stream end>'"),
    ):
        with pytest.raises(ci.BlockProblem) as caught:
            ci.splice(template + tail, template)
        assert (caught.value.key, caught.value.params) == (
            "ci.not_yaml",
            {"line": line, "detail": detail},
        )
