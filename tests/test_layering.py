"""The plugin's rooms import only downward.

Each module of ``ypo_plugin`` belongs to a room; a room may import (of the plugin) only the rooms
below it. The table, as the imports stand (read with ``ast``, relative imports resolved, imports
inside functions included):

============================  ===================================================================
room                          may import
============================  ===================================================================
core (and its packages        core only: never qgis, never another room. ``core.splitting`` and
``splitting``,                ``core.sample_district`` use core's shared modules; core's own
``sample_district``)          modules may call ``splitting``; the two packages never use each other
qgis_compat, resources        nothing of the plugin
i18n                          core (its messages)
dependencies                  i18n
qgis_io                       core, qgis_compat, i18n
crs                           core, qgis_io, i18n
inputs                        core, qgis_io, crs, qgis_compat, resources, i18n
workspace                     core, qgis_io, crs, qgis_compat, resources, i18n
layouts                       core, qgis_io, crs, qgis_compat, resources, i18n, inputs, workspace
algorithms                    everything above (core … layouts, dependencies); never gui
gui                           everything above (core … layouts, dependencies); never algorithms
provider                      algorithms, dependencies, resources, i18n
plugin                        provider, gui, dependencies, resources, i18n
``ypo_plugin/__init__.py``    plugin
============================  ===================================================================

The same table is in the README ("For developers").
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ypo_plugin"

_MIDDLE = {"core", "qgis_io", "crs", "qgis_compat", "resources", "i18n"}
_BELOW_ALGORITHMS = _MIDDLE | {"dependencies", "inputs", "workspace", "layouts"}
MAY_IMPORT = {
    "core": {"core.splitting"},
    "core.splitting": {"core"},
    "core.sample_district": {"core"},
    "qgis_compat": set(),
    "resources": set(),
    "i18n": {"core"},
    "dependencies": {"i18n"},
    "qgis_io": {"core", "qgis_compat", "i18n"},
    "crs": {"core", "qgis_io", "i18n"},
    "inputs": _MIDDLE,
    "workspace": _MIDDLE,
    "layouts": _MIDDLE | {"inputs", "workspace"},
    "algorithms": _BELOW_ALGORITHMS,
    "gui": _BELOW_ALGORITHMS,
    "provider": {"algorithms", "dependencies", "resources", "i18n"},
    "plugin": {"provider", "gui", "dependencies", "resources", "i18n"},
    "__init__": {"plugin"},
}


def room_of(module: str) -> str:
    """The room of a module named relative to ``ypo_plugin`` (``core.splitting.refine`` →
    ``core.splitting``, ``layouts.sector_maps`` → ``layouts``, ``crs`` → ``crs``)."""
    parts = module.split(".")
    if parts[0] == "core" and len(parts) > 1 and parts[1] in ("splitting", "sample_district"):
        return f"core.{parts[1]}"
    return parts[0]


def plugin_imports(path: Path, package: Path = PACKAGE) -> set[str]:
    """The plugin modules ``path`` imports, named relative to ``package`` (relative imports
    resolved; ``from . import x`` names the module or package ``x``)."""
    own = list(path.relative_to(package).with_suffix("").parts)
    here = own[:-1]  # the package holding the module (for __init__.py: the package itself)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - (node.level - 1)]
            if node.module:
                found.add(".".join([*base, node.module]))
            else:
                found.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(f"{package.name}."):
            found.add(node.module.split(".", 1)[1])
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.split(".", 1)[1]
                for alias in node.names
                if alias.name.startswith(f"{package.name}.")
            )
    return found


def module_room(path: Path, package: Path = PACKAGE) -> str:
    """The room of the module at ``path``."""
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts == ["__init__"]:
        return "__init__"
    return room_of(".".join(part for part in parts if part != "__init__"))


def upward_imports(package: Path = PACKAGE) -> dict[tuple[str, str], str]:
    """``(module path, imported module)`` → the rule broken, for every import the table forbids."""
    broken = {}
    for path in sorted(package.rglob("*.py")):
        room = module_room(path, package)
        for module in plugin_imports(path, package):
            target = room_of(module)
            if not room.startswith("core"):
                target = target.split(".")[0]  # outside the core, its packages are the core
            if target != room and target not in MAY_IMPORT[room]:
                broken[(path.relative_to(package).as_posix(), module)] = f"{room} may not import {target}"
    return broken


def test_every_module_belongs_to_a_room_of_the_table():
    rooms = {module_room(path) for path in PACKAGE.rglob("*.py")}
    assert rooms - set(MAY_IMPORT) == set()


def test_the_rooms_import_only_downward():
    assert upward_imports() == {}


def test_the_check_sees_an_upward_import(tmp_path):
    package = tmp_path / "ypo_plugin"
    (package / "core").mkdir(parents=True)
    (package / "qgis_io").mkdir()
    (package / "core" / "sneaky.py").write_text("from ..qgis_io import read\n")
    (package / "qgis_io" / "__init__.py").write_text("from . import read\nfrom ..gui.dock import Dock\n")
    (package / "qgis_io" / "read.py").write_text(
        "import ypo_plugin.layouts.sector_maps\nfrom ypo_plugin.core import sectors\n"
    )
    assert upward_imports(package) == {
        ("core/sneaky.py", "qgis_io"): "core may not import qgis_io",
        ("qgis_io/__init__.py", "gui.dock"): "qgis_io may not import gui",
        ("qgis_io/read.py", "layouts.sector_maps"): "qgis_io may not import layouts",
    }
