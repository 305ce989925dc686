"""Check that the Python packages the core needs are there and do what it uses.

QGIS ships its own Python without them; when one is missing the plugin must
still load and say what to install instead of failing with a traceback.

Each package is judged by what the plugin does with it, not by its version
string: distributions rebuild packages with versions such as ``0+unknown``
(Debian's shapely 2.2), and a wheel that bundles its own GEOS imports fine but
fails on the first WKB round trip inside QGIS (design.md, "One GEOS").

Exercising them means importing pandas, geopandas, scipy and matplotlib, about a
second that QGIS's start-up should not pay: at load only their presence is checked
(:func:`absent_requirements`); the full check (:func:`missing_requirements`) runs
once, when an algorithm first runs (:func:`missing_requirements_once`).
"""

import functools
import importlib
import importlib.util
from collections.abc import Callable
from typing import Any, NamedTuple

from .i18n import tr


class Requirement(NamedTuple):
    module: str
    package: str
    # What the plugin needs of the package, as a pip specifier for the install hint.
    wanted: str
    # Raises or returns False when the imported module lacks what the plugin uses.
    usable: Callable[[Any], bool]


def _numpy_usable(numpy) -> bool:
    unique, inverse = numpy.unique(numpy.array([3, 1, 3]), return_inverse=True)
    days = numpy.array(["2018-01-01T07:00"], dtype="datetime64[s]").astype("datetime64[D]")
    return unique.tolist() == [1, 3] and inverse.tolist() == [1, 0, 1] and str(days[0]) == "2018-01-01"


def _shapely_usable(shapely) -> bool:
    # The 2.x vectorised API, and a WKB round trip through the GEOS it is linked to.
    boxes = shapely.box([0.0, 2.0], 0.0, [1.0, 3.0], 1.0)
    round_trip = shapely.from_wkb(shapely.to_wkb(boxes))
    united = shapely.union_all(shapely.make_valid(round_trip))
    return shapely.area(round_trip).tolist() == [1.0, 1.0] and united.area == 2.0


def _pyproj_usable(pyproj) -> bool:
    to_mercator = pyproj.Transformer.from_crs(4326, 3857, always_xy=True)
    from pyproj.database import query_utm_crs_info

    return to_mercator.transform(0.0, 0.0) == (0.0, 0.0) and callable(query_utm_crs_info)


def _pandas_usable(pandas) -> bool:
    # format="ISO8601" (pandas 2) is how incident dates are read.
    parsed = pandas.to_datetime(pandas.Series(["2018-01-01", "2018-01-01T07:30"]), format="ISO8601")
    return parsed.dt.hour.tolist() == [0, 7]


def _geopandas_usable(geopandas) -> bool:
    import shapely

    frame = geopandas.GeoDataFrame({"id": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326)
    return frame.to_crs(3857).crs.to_epsg() == 3857 and hasattr(frame, "sindex")


def _scipy_usable(scipy) -> bool:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    count, _ = connected_components(csr_matrix(([1.0], ([0], [1])), shape=(3, 3)), directed=False)
    return count == 2 and cKDTree([[0.0, 0.0]]).query([1.0, 0.0])[0] == 1.0


def _matplotlib_usable(matplotlib) -> bool:
    # Charts are drawn off-screen with Agg; finding it is enough (drawing here would slow QGIS's start).
    from importlib.util import find_spec

    return callable(matplotlib.use) and find_spec("matplotlib.backends.backend_agg") is not None


REQUIREMENTS = (
    Requirement("numpy", "numpy", "numpy>=1.22", _numpy_usable),
    Requirement("shapely", "shapely", "shapely>=2.0", _shapely_usable),
    Requirement("pyproj", "pyproj", "pyproj>=3.3", _pyproj_usable),
    Requirement("pandas", "pandas", "pandas>=2.0", _pandas_usable),
    Requirement("geopandas", "geopandas", "geopandas>=0.14", _geopandas_usable),
    Requirement("scipy", "scipy", "scipy>=1.8", _scipy_usable),
    Requirement("matplotlib", "matplotlib", "matplotlib>=3.5", _matplotlib_usable),
)


def unusable(requirement: Requirement) -> str | None:
    """Why ``requirement`` cannot serve the plugin (missing, or lacking what it uses), or None."""
    try:
        module = importlib.import_module(requirement.module)
    except Exception as error:  # a broken install fails in many ways; all mean "not usable"
        return tr("{package} (not importable: {error})", package=requirement.wanted, error=error)
    try:
        if requirement.usable(module):
            return None
        problem = tr("it does not do what the plugin uses")
    except Exception as error:
        problem = f"{type(error).__name__}: {error}"
    version = getattr(module, "__version__", "unknown")
    return tr(
        "{package} (found {version}, but {problem})",
        package=requirement.wanted,
        version=version,
        problem=problem,
    )


def missing_requirements() -> tuple[str, ...]:
    """Human-readable reasons, one per missing or unusable package (empty when all serve)."""
    return tuple(reason for reason in map(unusable, REQUIREMENTS) if reason)


@functools.cache
def missing_requirements_once() -> tuple[str, ...]:
    """:func:`missing_requirements`, computed on the first call of a QGIS session."""
    return missing_requirements()


def absent_requirements() -> tuple[str, ...]:
    """Reasons, one per package that is not installed at all; cheap: imports none of them."""
    return tuple(
        tr("{package} (not installed)", package=requirement.wanted)
        for requirement in REQUIREMENTS
        if not _installed(requirement)
    )


def _installed(requirement: Requirement) -> bool:
    try:
        return importlib.util.find_spec(requirement.module) is not None
    except (ImportError, ValueError):  # a parent package that fails, a module with no spec
        return False


def missing_requirements_message(missing) -> str:
    """What is missing (the reasons of :func:`missing_requirements`) and how to install it."""
    packages = " ".join(f"'{name.split(' ')[0]}'" for name in missing)
    return tr(
        "YPO sector planning needs the Python packages {reasons}. Install them into the Python that QGIS "
        "uses, built against the system's GEOS/PROJ/GDAL: python3 -m pip install --break-system-packages "
        "--no-binary shapely,pyproj {packages} (or run 'make setup' in the plugin's source folder), then "
        "restart QGIS.",
        reasons=", ".join(missing),
        packages=packages,
    )
