"""Assemble the installable plugin folder, and optionally its zip.

The repository keeps metadata.txt, styles/ and processing/ beside the
ypo_plugin package (see design.md); QGIS needs them inside the plugin folder.

    python3 tools/build_plugin.py DEST_DIR            # DEST_DIR/ypo_plugin/
    python3 tools/build_plugin.py DEST_DIR --zip ZIP  # and ZIP with ypo_plugin/ at its root
"""

import argparse
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "ypo_plugin"
BESIDE_THE_PACKAGE = ("metadata.txt", "styles", "processing", "LICENSE")
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
    return target


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
