"""Plugin code written for QGIS 4 (Qt6) too: enums fully scoped, Qt only through qgis.PyQt.

Qt6 (and the QGIS built on it) drops unscoped enum access: ``Qt.AlignLeft`` must be
``Qt.AlignmentFlag.AlignLeft``, ``QgsProcessing.TypeVectorPolygon`` must be
``QgsProcessing.SourceType.TypeVectorPolygon``. The scoped spelling works on QGIS 3.22 and
3.44 as well, so the plugin uses it everywhere. The check resolves each ``Class.NAME`` in
``ypo_plugin/`` against the QGIS and Qt running the test: an enum member reached directly
through its class is an offender.
"""

import ast
import enum
import importlib
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parent.parent / "ypo_plugin"


def _is_enum_type(value) -> bool:
    # PyQt5's enums are sip.enumtype; PyQt6's and the QGIS's newer ones are Python enums.
    return isinstance(value, type) and (issubclass(value, enum.Enum) or type(value).__name__ == "enumtype")


def _is_enum_member(value) -> bool:
    return not isinstance(value, type) and _is_enum_type(type(value))


def qt_and_qgis_names(tree: ast.Module) -> dict:
    """Names a module imports from qgis.* (which includes qgis.PyQt), with their objects."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "qgis":
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def unscoped_enums(path: Path) -> list:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = qt_and_qgis_names(tree)
    offenders = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in names:
            owner = names[node.value.id]
            if isinstance(owner, type) and _is_enum_member(getattr(owner, node.attr, None)):
                offenders.append(f"{path.name}:{node.lineno} {node.value.id}.{node.attr}")
    return offenders


def plugin_modules():
    return sorted(PLUGIN.rglob("*.py"))


def test_every_enum_is_reached_through_its_enum_type():
    offenders = [offender for path in plugin_modules() for offender in unscoped_enums(path)]
    assert offenders == []


def test_the_check_sees_an_unscoped_enum(tmp_path):
    module = tmp_path / "probe.py"
    module.write_text(
        "from qgis.PyQt.QtCore import Qt\n"
        "from qgis.core import QgsProcessing\n"
        "a = Qt.AlignLeft\n"
        "b = Qt.AlignmentFlag.AlignLeft\n"
        "c = QgsProcessing.TypeVectorPolygon\n"
        "d = QgsProcessing.SourceType.TypeVectorPolygon\n"
    )
    assert [offender.split(" ")[1] for offender in unscoped_enums(module)] == [
        "Qt.AlignLeft",
        "QgsProcessing.TypeVectorPolygon",
    ]


@pytest.mark.parametrize("path", plugin_modules(), ids=lambda path: str(path.relative_to(PLUGIN)))
def test_qt_only_through_qgis_pyqt_and_no_qt5_only_calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.module.split(".")[0] not in ("PyQt5", "PyQt6", "sip"), node.module
            assert "resources_rc" not in {alias.name for alias in node.names}, "compiled resources"
        elif isinstance(node, ast.Import):
            assert not {alias.name.split(".")[0] for alias in node.names} & {"PyQt5", "PyQt6", "sip"}
        elif isinstance(node, ast.Attribute):
            assert node.attr != "exec_", f"line {node.lineno}: exec_() is gone in Qt6, use exec()"
