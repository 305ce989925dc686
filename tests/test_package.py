"""`make package`'s zip installs through "Install from ZIP": one plugin
folder with metadata, styles and models, and nothing else."""

import configparser
import subprocess
import sys
import zipfile

from tests.conftest import ROOT

REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "version",
    "description",
    "about",
    "author",
    "email",
    "repository",
    "tracker",
    "hasProcessingProvider",
    "tags",
    "category",
)


def build_zip(tmp_path):
    zip_path = tmp_path / "ypo_plugin.zip"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "build_plugin.py"),
            str(tmp_path / "stage"),
            "--zip",
            str(zip_path),
        ],
        check=True,
    )
    return zipfile.ZipFile(zip_path)


def test_zip_holds_one_complete_plugin_folder(tmp_path):
    names = build_zip(tmp_path).namelist()
    assert {name.split("/")[0] for name in names} == {"ypo_plugin"}
    assert "ypo_plugin/__init__.py" in names
    assert "ypo_plugin/metadata.txt" in names
    assert any(name.startswith("ypo_plugin/styles/") and name.endswith(".qml") for name in names)
    assert "ypo_plugin/processing/" in names or any(
        name.startswith("ypo_plugin/processing/") for name in names
    )


def test_zip_has_no_tests_caches_or_outputs(tmp_path):
    names = build_zip(tmp_path).namelist()
    unwanted = [
        name
        for name in names
        if "__pycache__" in name
        or name.endswith(".pyc")
        or "/tests/" in name
        or "/out/" in name
        or name.endswith((".gpkg", ".zip"))
    ]
    assert unwanted == []


def test_metadata_is_complete(tmp_path):
    archive = build_zip(tmp_path)
    metadata = configparser.ConfigParser()
    metadata.read_string(archive.read("ypo_plugin/metadata.txt").decode())
    general = metadata["general"]
    assert [key for key in REQUIRED_METADATA if not general.get(key)] == []
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
