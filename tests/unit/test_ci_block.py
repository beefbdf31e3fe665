"""What CI installs (``ci.install``) and redaksi's marked block in a CI file (core, no disk)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redaksi.core import ci
from redaksi.errors import ExitCode, UsageError
from redaksi.services.ci import render

TEMPLATE = render("github", '"redaksi==1.2.0"')[".github/workflows/redaksi.yml"]
NEWER = render("github", '"redaksi==1.3.0"')[".github/workflows/redaksi.yml"]
GITLAB = render("gitlab", '"redaksi==1.2.0"')[".gitlab-ci.yml"]


@pytest.mark.parametrize(
    ("install", "expected"),
    [
        (None, "redaksi==1.2.0"),
        ("1.3.0", "redaksi==1.3.0"),
        ("v1.3.0", "redaksi==1.3.0"),
        ("2.0.0rc1", "redaksi==2.0.0rc1"),
        (
            "https://files.kabar.test/redaksi-1.3.0-py3-none-any.whl",
            "redaksi @ https://files.kabar.test/redaksi-1.3.0-py3-none-any.whl",
        ),
        (
            "https://files.kabar.test/w/redaksi-1.3.0-py3-none-any.whl#sha256=ab12",
            "redaksi @ https://files.kabar.test/w/redaksi-1.3.0-py3-none-any.whl#sha256=ab12",
        ),
        (
            "git+https://github.com/kabar/redaksi@v1.3.0",
            "redaksi @ git+https://github.com/kabar/redaksi@v1.3.0",
        ),
        (
            "git+ssh://git@github.com/kabar/redaksi.git@v1.3.0",
            "redaksi @ git+ssh://git@github.com/kabar/redaksi.git@v1.3.0",
        ),
    ],
)
def test_each_install_choice_gives_its_requirement(install: str | None, expected: str) -> None:
    assert ci.requirement(install, "1.2.0") == expected


@pytest.mark.parametrize(
    "install",
    [
        "latest",
        "http://files.kabar.test/redaksi-1.3.0-py3-none-any.whl",  # not https: anyone between
        "https://files.kabar.test/other-1.3.0-py3-none-any.whl",  # not a redaksi wheel
        "https://files.kabar.test/redaksi-1.3.0.tar.gz",
        "git+https://github.com/kabar/redaksi",  # no tag: whatever the branch holds that day
        "git+https://github.com/kabar/redaksi@",
        '1.3.0" && curl evil',
        "git+https://github.com/kabar/redaksi@${{ github.head_ref }}",
        "1.3.0\nmore",
        "",
    ],
)
def test_anything_else_is_a_usage_error(install: str) -> None:
    with pytest.raises(UsageError) as caught:
        ci.requirement(install, "1.2.0")
    assert caught.value.key == "ci.bad_install" and caught.value.exit_code == ExitCode.USAGE


@pytest.mark.parametrize(
    ("version", "served"),
    [
        ("1.2.0", True),
        ("1.2.0rc1", True),
        ("1.2.0.post1", True),
        ("0.1.dev40+gefda3fb61", False),
        ("1.2.1.dev3+gabc1234.d20250304", False),
        ("1.2.0+local", False),
        ("0+unknown", False),
    ],
)
def test_a_development_version_needs_ci_install(version: str, served: bool) -> None:
    assert ci.is_release(version) is served
    if served:
        assert ci.requirement(None, version) == f"redaksi=={version}"
    else:
        with pytest.raises(UsageError) as caught:
            ci.requirement(None, version)
        assert caught.value.key == "ci.dev_version"
        assert ci.requirement("1.2.0", version) == "redaksi==1.2.0"


def test_every_template_holds_one_block_with_the_install_line() -> None:
    for text in (TEMPLATE, GITLAB):
        block = ci.find_block(text)
        assert any('pip install "redaksi==1.2.0"' in line for line in block.inside)
        assert ci.splice(text, text) == text  # rewriting an untouched file changes nothing


SPELLING = "  spelling:\n    runs-on: ubuntu-latest\n    steps: [{run: make spell}]\n"
EDITED = (
    TEMPLATE.replace("  pull_request:\n", "  pull_request:\n  push:\n    branches: [main]\n")
    .replace('python-version: "3.12"', 'python-version: "3.11"')  # inside: redaksi's own
    .replace("  # <<< redaksi\n", "  # <<< redaksi\n" + SPELLING)
)


def test_a_rewrite_keeps_the_newsrooms_lines_and_replaces_the_block() -> None:
    result = ci.splice(EDITED, NEWER)
    assert result == NEWER.replace(
        "  pull_request:\n", "  pull_request:\n  push:\n    branches: [main]\n"
    ).replace("  # <<< redaksi\n", "  # <<< redaksi\n" + SPELLING)


def test_a_block_moved_deeper_is_reindented_and_crlf_kept() -> None:
    jobs = TEMPLATE.index("jobs:\n")
    head, body = TEMPLATE[:jobs], TEMPLATE[jobs:]
    deeper = head + "\n".join(
        ("  " + line if line.startswith("  ") else line) for line in body.split("\n")
    )
    assert ci.splice(deeper, NEWER) == deeper.replace("1.2.0", "1.3.0")
    crlf = TEMPLATE.replace("\n", "\r\n")
    assert ci.splice(crlf, NEWER) == NEWER.replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("name: mine\non: push\njobs: {}\n", "ci.no_block"),
        (TEMPLATE.replace("  # <<< redaksi\n", ""), "ci.broken_block"),
        (TEMPLATE + "# >>> redaksi again\n", "ci.broken_block"),
        (TEMPLATE.replace("  # <<< redaksi\n", "# <<< redaksi\n"), "ci.broken_block"),
        (
            TEMPLATE.replace("  # <<< redaksi\n", "").replace(
                "jobs:\n", "jobs:\n  # <<< redaksi\n"
            ),
            "ci.broken_block",
        ),
        (TEMPLATE + "  redaksi:\n    runs-on: mine\n", "ci.not_yaml"),  # a second job 'redaksi'
        (TEMPLATE.replace("name: redaksi\n", "name: [redaksi\n"), "ci.not_yaml"),
        (
            TEMPLATE.replace("jobs:\n", "jobs: {}\nother:\n"),  # the block left 'jobs'
            "ci.displaced",
        ),
    ],
)
def test_a_file_whose_block_cannot_be_replaced_safely_is_a_problem(text: str, key: str) -> None:
    with pytest.raises(ci.BlockProblem) as caught:
        ci.splice(text, NEWER)
    assert caught.value.key == key


def test_managed_gives_the_block_for_verify() -> None:
    assert ci.managed("no markers\n") is None
    block = ci.managed(EDITED)
    assert block is not None and block.startswith("redaksi:\n") and "3.11" in block
    assert "spelling" not in block


_LINE = st.text(alphabet="abcdefghij -:#", min_size=0, max_size=30).map(lambda s: "# " + s)


@settings(max_examples=50)  # each example parses three YAML files
@given(
    above=st.lists(_LINE, max_size=4),
    inside=st.lists(_LINE, max_size=4),
    below=st.lists(_LINE, max_size=4),
)
def test_comments_anywhere_outside_survive_and_inside_are_replaced(
    above: list[str], inside: list[str], below: list[str]
) -> None:
    def lines(items: list[str], indent: str) -> str:
        return "".join(f"{indent}{item}\n" for item in items)

    marker_at = TEMPLATE.index("  # >>> redaksi")
    end_at = TEMPLATE.index("  # <<< redaksi")
    theirs = (
        lines(above, "")
        + TEMPLATE[:marker_at]
        + TEMPLATE[marker_at:end_at].replace(
            "    steps:\n", "    steps:\n" + lines(inside, "      ")
        )
        + TEMPLATE[end_at:]
        + lines(below, "  ")
    )
    assert ci.splice(theirs, NEWER) == lines(above, "") + NEWER + lines(below, "  ")


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        (TEMPLATE.replace("jobs:\n", "jobs: {}\nother:\n"), "ci.displaced", {"where": "jobs"}),
        (TEMPLATE.replace("name: redaksi\n", "name: [redaksi\n"), "ci.not_yaml",
         {"line": 6, "detail": "expected ',' or ']', but got ':'"}),
    ],
)  # fmt: skip
def test_a_block_problem_says_where(text: str, key: str, params: dict[str, object]) -> None:
    with pytest.raises(ci.BlockProblem) as caught:
        ci.splice(text, NEWER)
    assert (caught.value.key, caught.value.params) == (key, params)
