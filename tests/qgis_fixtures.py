"""QGIS for the tests that use it: real QGIS (pytest-qgis), the plugin's provider, and
``qgis_process`` running the staged plugin in a private profile. Loaded by tests/conftest.py
when QGIS is importable."""

import contextlib
import gc
import inspect
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import build_plugin  # from tools/, which tests/conftest.py puts on the path: the one staging implementation
import pytest
from qgis.core import QgsProcessingFeedback

from tests.conftest import ROOT


def pytest_configure(config):
    """On QGIS 3.44 and later a deprecated QGIS or Qt call from plugin code fails its test: QGIS 4
    removes what 3.44 deprecates. (The filter's module is a regular expression matched at the start
    of the warning's module name, so it covers every ypo_plugin module.)"""
    from qgis.core import Qgis

    if Qgis.versionInt() >= 34400:
        config.addinivalue_line("filterwarnings", "error::DeprecationWarning:ypo_plugin")


class Recorder(QgsProcessingFeedback):
    """Processing feedback that keeps the warnings, infos and errors."""

    def __init__(self):
        super().__init__()
        self.warnings = []
        self.infos = []
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N803 - argument name fixed by QGIS
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):
        self.infos.append(info)
        super().pushInfo(info)


@pytest.fixture(autouse=True, scope="session")
def release_layers_before_qgis_exits(qgis_app):
    """Free the layers that leaked frames still hold, while QGIS runs.

    When an algorithm raises QgsProcessingException, QGIS 3.22's bindings keep the
    Python exception, and through its traceback every calling frame (with the test's
    layers) stays alive. Destroyed after exitQgis, an OGR layer crashes the
    interpreter's exit; so the locals of such finished frames are cleared first.
    """
    yield
    for obj in gc.get_objects():
        if isinstance(obj, types.FrameType) and not obj.f_code.co_flags & inspect.CO_GENERATOR:
            with contextlib.suppress(RuntimeError):  # frames still running cannot be cleared
                obj.clear()
    gc.collect()


@pytest.fixture(scope="session")
def processing_framework(qgis_app):
    """QGIS's Processing framework with its native algorithms, once per session."""
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.fixture(scope="module")
def ypo_provider(processing_framework):
    """The YPO provider registered in QGIS's Processing registry for one test module."""
    from qgis.core import QgsApplication

    from ypo_plugin.provider import YpoProvider

    registry = QgsApplication.processingRegistry()
    provider = YpoProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def run_algorithm(ypo_provider):
    """Run a YPO algorithm in this process as the toolbox would; returns (results, context)."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run(algorithm_id, parameters, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results = processing.run(
            algorithm_id, parameters, context=context, feedback=feedback or QgsProcessingFeedback()
        )
        return results, context

    return run


@pytest.fixture(scope="session")
def staged_plugin_dir(tmp_path_factory) -> Path:
    """The plugin folder as installed (metadata, styles and models inside)."""
    plugins = tmp_path_factory.mktemp("plugins")
    build_plugin.stage(plugins)
    return plugins


def qgis_process_runner(plugin_dir: Path, config: Path, language: str | None = None):
    """A ``qgis_process`` of the plugin in ``plugin_dir`` with the QGIS profile in ``config``; with
    ``language`` ("da", "en") that profile sets QGIS's user-interface language as the options dialog
    does. Called with the arguments, it returns the completed process (``check``: fail on an error);
    ``.run(algorithm_id, **parameters)`` returns the parsed JSON of a run."""
    if language:
        settings = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f"[locale]\noverrideFlag=true\nuserLocale={language}\n", encoding="utf-8")
    env = dict(
        os.environ,
        YPO_PLUGIN_DIR=str(plugin_dir),
        YPO_QGIS_CONFIG=str(config),
        QT_QPA_PLATFORM="offscreen",
    )

    def call(*args, check=True, timeout=900):
        result = subprocess.run(
            [str(ROOT / "tools" / "qgis_process"), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            command = " ".join(args)
            output = f"{result.stdout}\n{result.stderr}"
            raise AssertionError(f"qgis_process {command} failed ({result.returncode}):\n{output}")
        return result

    def run(algorithm_id, **parameters):
        arguments = [f"{name}={value}" for name, value in parameters.items()]
        result = call("--json", "run", algorithm_id, "--", *arguments)
        return json.loads(result.stdout[result.stdout.index("{") :])

    call.run = run
    call.config_dir = str(config)
    return call


@pytest.fixture(scope="session")
def qgis_process(staged_plugin_dir, tmp_path_factory):
    """Run ``qgis_process`` with the staged plugin (see :func:`qgis_process_runner`)."""
    return qgis_process_runner(staged_plugin_dir, tmp_path_factory.mktemp("qgis-config"))


@pytest.fixture(scope="session")
def qgis_process_in(staged_plugin_dir, tmp_path_factory):
    """``qgis_process_in("da")``: ``qgis_process`` with QGIS's language set to Danish."""
    runners = {}

    def runner(language: str):
        if language not in runners:
            config = tmp_path_factory.mktemp(f"qgis-config-{language}")
            runners[language] = qgis_process_runner(staged_plugin_dir, config, language)
        return runners[language]

    return runner
