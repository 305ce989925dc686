"""Shared test set-up. The QGIS fixtures (tests/qgis_fixtures.py) load only where QGIS is
importable: the pure core's tests (tests/core) also run in a Python without QGIS."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "tools"))

try:
    import qgis.core  # noqa: F401 - only asks whether QGIS is there
except ImportError:
    pytest_plugins = ["tests.postgres_server"]
else:
    pytest_plugins = ["tests.postgres_server", "tests.qgis_fixtures"]
    pytest.register_assert_rewrite("tests.qgis_fixtures")
    from tests.qgis_fixtures import Recorder  # noqa: F401 - the QGIS tests import it from here
