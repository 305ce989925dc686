"""Where the plugin finds its styles, templates and models.

In the installed plugin folder (and the packaged zip) ``styles/`` and
``processing/`` sit inside the plugin folder; in a source checkout they sit
beside it at the repository root.
"""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    for candidate in (PLUGIN_DIR / name, PLUGIN_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The plugin's '{name}' folder is missing; reinstall the plugin.")


def styles_dir() -> Path:
    return _resource_dir("styles")


def models_dir() -> Path:
    return _resource_dir("processing")


def style_path(name: str) -> Path:
    """The QML style ``styles/<name>.qml``."""
    return styles_dir() / f"{name}.qml"


def icon_path() -> Path:
    return PLUGIN_DIR / "icon.svg"
