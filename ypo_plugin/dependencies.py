"""Check that the Python packages the core needs are importable.

QGIS ships its own Python without them; when one is missing the plugin must
still load and say what to install instead of failing with a traceback.
"""

import importlib
from typing import NamedTuple


class Requirement(NamedTuple):
    module: str
    package: str
    minimum: str


REQUIREMENTS = (
    Requirement("numpy", "numpy", "1.22"),
    Requirement("shapely", "shapely", "2.0"),
    Requirement("pyproj", "pyproj", "3.3"),
    Requirement("pandas", "pandas", "1.5"),
    Requirement("geopandas", "geopandas", "0.14"),
)

INSTALL_HINT = (
    "Install them into the Python that QGIS uses, built against the system's GEOS/PROJ/GDAL: "
    "python3 -m pip install --break-system-packages --no-binary shapely,pyproj {packages} "
    "(or run 'make setup' in the plugin's source folder), then restart QGIS."
)


def _version_tuple(version: str) -> tuple:
    parts = []
    for part in version.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def missing_requirements() -> list[str]:
    """Human-readable names of missing or too old packages, e.g. ``shapely>=2.0``."""
    missing = []
    for requirement in REQUIREMENTS:
        try:
            module = importlib.import_module(requirement.module)
        except Exception:  # a broken install fails in many ways; all mean "not usable"
            missing.append(f"{requirement.package}>={requirement.minimum}")
            continue
        version = getattr(module, "__version__", "0")
        if _version_tuple(version) < _version_tuple(requirement.minimum):
            missing.append(f"{requirement.package}>={requirement.minimum} (found {version})")
    return missing


def missing_requirements_message(missing: list[str]) -> str:
    packages = " ".join(f"'{name.split(' ')[0]}'" for name in missing)
    return (
        "YPO sector planning needs the Python packages "
        + ", ".join(missing)
        + ". "
        + INSTALL_HINT.format(packages=packages)
    )
