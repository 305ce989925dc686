"""ypo_plugin/core must never import qgis: it runs without QGIS."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "ypo_plugin" / "core"


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_core_module_imports_qgis():
    offenders = {
        str(path.relative_to(CORE)): name
        for path in CORE.rglob("*.py")
        for name in imported_modules(path)
        if name == "qgis" or name.startswith("qgis.") or name.startswith("PyQt")
    }
    assert list(CORE.rglob("*.py")), "the core package has no modules"
    assert offenders == {}


def test_the_check_sees_a_qgis_import(tmp_path):
    module = tmp_path / "sneaky.py"
    module.write_text("import numpy\nfrom qgis.core import QgsGeometry\n")
    assert "qgis.core" in set(imported_modules(module))


def test_the_core_tests_run_in_a_python_without_qgis():
    """tests/core passes with qgis (and pytest-qgis) unimportable, in this same Python otherwise."""
    arguments = ["-q", "-p", "no:pytest_qgis", "-p", "no:cacheprovider", "tests/core"]
    without_qgis = (
        f"import sys; sys.modules['qgis'] = None; import pytest; raise SystemExit(pytest.main({arguments}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", without_qgis],
        cwd=CORE.parent.parent,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout.splitlines()[-1]
