"""Assemble the installable plugin folder, and optionally its zip.

The repository keeps metadata.txt, LICENSE, styles/ and processing/ beside the
ypo_plugin package (see design.md); QGIS needs them inside the plugin folder.
The staged metadata.txt gains a ``changelog`` written from CHANGELOG.md, so the
history is kept in one place and the plugin manager shows it, and i18n/ gains the
compiled translations (``lrelease`` of each ``.ts``: Debian's qttools5-dev-tools).

    python3 tools/build_plugin.py DEST_DIR            # DEST_DIR/ypo_plugin/
    python3 tools/build_plugin.py DEST_DIR --zip ZIP  # and ZIP with ypo_plugin/ at its root
"""

import argparse
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "ypo_plugin"
BESIDE_THE_PACKAGE = ("metadata.txt", "styles", "processing", "i18n", "LICENSE")
CHANGELOG = ROOT / "CHANGELOG.md"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".pytest_cache", ".ruff_cache")


def stage(dest_dir: Path) -> Path:
    """Copy the plugin into ``dest_dir/ypo_plugin`` (replacing an older copy)."""
    target = dest_dir / PLUGIN_NAME
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PLUGIN_NAME, target, ignore=IGNORED)
    for name in BESIDE_THE_PACKAGE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=IGNORED)
        elif source.is_file():
            shutil.copy2(source, target / name)
    with open(target / "metadata.txt", "a", encoding="utf-8") as metadata:
        metadata.write(metadata_changelog(CHANGELOG.read_text(encoding="utf-8")))
    compile_translations(target / "i18n")
    return target


def lrelease() -> str:
    """Qt's translation compiler: on PATH through qtchooser, else where Debian installs Qt 5's."""
    found = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not Path(found).is_file():
        raise SystemExit("lrelease is missing: install qttools5-dev-tools (make setup does).")
    return found


def compile_translations(folder: Path) -> None:
    """Write ``ypo_<language>.qm`` beside each ``.ts`` of ``folder``."""
    for source in sorted(folder.glob("*.ts")):
        subprocess.run(
            [lrelease(), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))],
            check=True,
            env={**os.environ, "QT_SELECT": "qt5"},
        )


def metadata_changelog(markdown: str) -> str:
    """The ``changelog=`` entry of metadata.txt from a Keep a Changelog file.

    Each release becomes a line ``0.1.0 (2026-11-21)`` followed by its entries
    (``- Added: …``); continuation lines are indented as configparser reads them.
    Markdown links and code marks are reduced to their text.
    """
    lines, section, entry = [], "", None

    def flush():
        if entry is not None:
            lines.append(f"- {section}: {entry}" if section else f"- {entry}")

    for raw in markdown.splitlines():
        text = re.sub(r"\[([^\]]*)\](\([^)]*\))?", r"\1", raw).replace("`", "").rstrip()
        if raw.startswith("## "):
            flush()
            entry, section = None, ""
            version, _, date = text[3:].partition(" - ")
            lines.append(f"{version} ({date})" if date else version)
        elif raw.startswith("### "):
            flush()
            entry, section = None, text[4:]
        elif text.lstrip().startswith("- ") and lines:
            flush()
            entry = text.lstrip()[2:]
        elif text.strip() and entry is not None:
            entry += " " + text.strip()
        elif not text.strip():
            flush()
            entry = None
    flush()
    # configparser interpolates '%': double it so the text reads back as written.
    return "changelog=" + "".join(f"\n    {line}" for line in lines).replace("%", "%%") + "\n"


def make_zip(staged: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(staged.rglob("*")):
            archive.write(path, path.relative_to(staged.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest_dir", type=Path)
    parser.add_argument("--zip", type=Path, dest="zip_path")
    args = parser.parse_args()
    staged = stage(args.dest_dir)
    if args.zip_path:
        make_zip(staged, args.zip_path)


if __name__ == "__main__":
    main()
