"""The CI entry point checks the code style before it runs the tests."""

import re

from tests.conftest import ROOT


def test_ci_runs_lint_then_test():
    commands = [
        line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines() if line.startswith("make")
    ]
    assert commands == ["make lint", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    lint = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "ruff check ypo_plugin tests tools bench" in lint
    assert "ruff format --check ypo_plugin tests tools bench" in lint
