"""init --ci also writes the site's build and deploy (GitHub Pages, GitLab Pages).

Every written file is checked against SchemaStore's schemas by tests/cli/test_init_ci.py.
"""

from __future__ import annotations

from ruamel.yaml import YAML

from redaksi.core import ci as core_ci
from redaksi.services import ci

SITE = ".github/workflows/redaksi-site.yml"


def test_github_builds_on_main_and_deploys_to_pages() -> None:
    files = ci.render("github", '"redaksi==1.2.0"')
    assert SITE in files and core_ci.managed(files[SITE])
    workflow = YAML(typ="safe").load(files[SITE])
    assert workflow["on"]["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["build"]["steps"]
    assert {"run": 'pip install "redaksi==1.2.0"'} in steps
    assert {"run": "redaksi build --out _site"} in steps
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "_site"}} in steps
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {
        "pages": "write",
        "id-token": "write",
    }
    assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]


def test_gitlab_publishes_the_default_branch_with_pages() -> None:
    [text] = ci.render("gitlab", '"redaksi==1.2.0"').values()
    pipeline = YAML(typ="safe").load(text)
    assert pipeline["pages"]["script"] == [
        'pip install "redaksi==1.2.0"',
        "redaksi build --out public",
    ]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "pages:" in core_ci.managed(text)  # inside redaksi's block: init --ci keeps it current
