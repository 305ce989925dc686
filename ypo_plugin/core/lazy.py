"""Heavy packages bound at import time but imported on their first use.

Loading the plugin and listing its algorithms must not import pandas, geopandas,
scipy or matplotlib (together about a second of QGIS's start-up); they load when an
algorithm runs or the dock opens. ``pd = lazy_module("pandas")`` stands in for
``import pandas as pd``: the first attribute read imports pandas and copies its
namespace in, so later reads cost what a module's do.

The plugin's own logic is bound the same way where QGIS's start reaches it: the
algorithms, their parameter groups (``inputs/``) and the dock write
``sector_plan = lazy_module("..core.sector_plan", __package__)``, so loading the plugin
and listing its algorithms imports neither numpy nor shapely (what their parameter
definitions show lives in :mod:`.defaults`).

Not ``importlib.util.LazyLoader``: it puts its stub into ``sys.modules`` (so code
asking whether pandas is loaded is told yes), and for ``scipy.sparse`` its
``find_spec`` imports ``scipy`` at once. A module using these names in annotations
needs ``from __future__ import annotations`` (Python 3.11 evaluates them at import).
"""

import importlib
import importlib.util
import types


class _LazyModule(types.ModuleType):
    def __getattr__(self, attribute):
        # Called only for names not (yet) in this stand-in's namespace.
        module = importlib.import_module(self.__name__)
        for name, value in vars(module).items():
            self.__dict__.setdefault(name, value)
        return getattr(module, attribute)


def lazy_module(name: str, package: str | None = None) -> types.ModuleType:
    """``name`` (e.g. ``"pandas"``, ``"scipy.sparse.csgraph"``, or ``"..core.manning"`` relative to
    ``package``), imported on first attribute use."""
    return _LazyModule(importlib.util.resolve_name(name, package) if name.startswith(".") else name)
