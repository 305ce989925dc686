"""ypo_plugin/core must never import qgis: it runs without QGIS."""

import ast
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
