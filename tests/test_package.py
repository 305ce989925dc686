"""`make package`'s zip installs through "Install from ZIP": one plugin
folder with metadata, styles and models, and nothing else; and it passes the
upload rules of the QGIS plugin repository (plugins.qgis.org)."""

import configparser
import re
import stat
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


# The repository's published upload rules, as its validator applies them to an uploaded zip.
UPLOAD_LIMIT_BYTES = 25_000_000
UPLOAD_REQUIRED_METADATA = (
    "name",
    "description",
    "about",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "tracker",
    "repository",
)
FORBIDDEN_FOLDERS = {"__MACOSX", ".git", "__pycache__"}
EXECUTABLE_SUFFIXES = (".exe", ".dll", ".so", ".dylib", ".bat", ".cmd", ".sh", ".msi", ".bin")


def upload_rule_breaches(zip_path):
    """Every upload rule the zip breaks, as readable lines (none when it may be uploaded)."""
    breaches = []
    if zip_path.stat().st_size > UPLOAD_LIMIT_BYTES:
        breaches.append(f"larger than 25 MB: {zip_path.stat().st_size} bytes")
    archive = zipfile.ZipFile(zip_path)
    if archive.testzip() is not None:
        breaches.append("a member fails its CRC check")
    names = archive.namelist()
    top_folders = {name.split("/")[0] for name in names}
    if len(top_folders) != 1:
        return [*breaches, f"not one top-level folder: {sorted(top_folders)}"]
    package = top_folders.pop()
    if not package.isidentifier() or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]+", package):
        breaches.append(f"top-level folder {package!r} is not a Python identifier")
    for info in archive.infolist():
        breaches += member_breaches(info)
    for required in ("__init__.py", "metadata.txt", "LICENSE"):
        if f"{package}/{required}" not in names:
            breaches.append(f"no {required}")
    metadata = configparser.ConfigParser()
    metadata.optionxform = str
    metadata.read_string(archive.read(f"{package}/metadata.txt").decode("utf-8"))
    return breaches + metadata_breaches(metadata["general"], package, names)


def member_breaches(info):
    """The upload rules one zip member breaks: path information, caches or VCS folders, hidden
    files, executables."""
    breaches = []
    parts = info.filename.split("/")
    if info.filename.startswith("/") or ".." in info.filename:
        breaches.append(f"path information in {info.filename}")
    if FORBIDDEN_FOLDERS & set(parts) or ".pyc" in info.filename:
        breaches.append(f"forbidden cache or VCS entry {info.filename}")
    if any(part.startswith(".") for part in parts if part):
        breaches.append(f"hidden file {info.filename}")
    mode = info.external_attr >> 16
    if info.filename.lower().endswith(EXECUTABLE_SUFFIXES) or (
        stat.S_ISREG(mode) and mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    ):
        breaches.append(f"executable {info.filename}")
    return breaches


def metadata_breaches(general, package, names):
    """The upload rules the ``[general]`` metadata breaks: required keys, the author, web
    addresses and an icon that is in the zip (``names``)."""
    breaches = [
        f"metadata lacks {key}" for key in UPLOAD_REQUIRED_METADATA if not general.get(key, "").strip()
    ]
    if "/" in general.get("author", ""):
        breaches.append("author contains a slash")
    for key in ("tracker", "repository", "homepage"):
        if key in general and not re.match(r"https?://[^/\s]+", general[key]):
            breaches.append(f"{key} is not a web address: {general[key]}")
    icon = general.get("icon", "").removeprefix("./")
    if not icon or f"{package}/{icon}" not in names:
        breaches.append(f"icon {icon!r} is not in the zip")
    return breaches


def test_the_zip_passes_the_plugin_repository_upload_rules(tmp_path):
    zip_path = tmp_path / "ypo_plugin.zip"
    build_zip(tmp_path)
    assert upload_rule_breaches(zip_path) == []


def test_the_upload_rules_catch_what_the_repository_refuses(tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("my plugin/__init__.py", "")
        archive.writestr("my plugin/__pycache__/x.cpython-311.pyc", b"")
        archive.writestr("my plugin/.hidden", "")
        archive.writestr("my plugin/../evil.py", "")
        archive.writestr("my plugin/metadata.txt", "[general]\nname=x\nauthor=a/b\nicon=icon.png\n")
    breaches = upload_rule_breaches(bad)
    assert "top-level folder 'my plugin' is not a Python identifier" in breaches
    assert "forbidden cache or VCS entry my plugin/__pycache__/x.cpython-311.pyc" in breaches
    assert "hidden file my plugin/.hidden" in breaches
    assert "path information in my plugin/../evil.py" in breaches
    assert "no LICENSE" in breaches
    assert "author contains a slash" in breaches
    assert "metadata lacks tracker" in breaches
    assert "icon 'icon.png' is not in the zip" in breaches


def test_the_zip_carries_the_licence_the_qgis_range_and_the_changelog(tmp_path):
    archive = build_zip(tmp_path)
    licence = archive.read("ypo_plugin/LICENSE").decode()
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2, June 1991" in licence
    assert "either version 2 of the License, or (at your option) any later" in licence
    metadata = configparser.ConfigParser()
    metadata.read_string(archive.read("ypo_plugin/metadata.txt").decode())
    general = metadata["general"]
    assert general["qgisMaximumVersion"] == "4.99"
    # Every release heading of CHANGELOG.md is in the changelog, newest first.
    changelog_versions = re.findall(r"^## \[([^\]]+)\]", (ROOT / "CHANGELOG.md").read_text(), re.M)
    changelog_lines = general["changelog"].strip().splitlines()
    headings = [line for line in changelog_lines if not line.startswith("- ")]
    assert [heading.split(" ")[0] for heading in headings] == changelog_versions
    assert '- Added: Models "Full sector plan" and "Quarterly review".' in changelog_lines
