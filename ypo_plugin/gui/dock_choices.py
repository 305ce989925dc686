"""The Sector statistics dock's choices of layers and fields, kept in the QGIS project.

Written into the project as it is saved (``QgsProject.writeEntry`` under one scope, from the
project's ``writeProject`` signal) and restored when it is read, so a workspace opens with the
dock as the user left it. Layers are kept by id, fields and the crime type map as text. Kept only
on saving: the dock's picks never mark a project changed, and a project being read is never
overwritten with the choices of the one before.
"""

from qgis.core import QgsProject

SCOPE = "ypo_sector_statistics"


def stored_choices(project: QgsProject, keys) -> dict[str, str]:
    """The kept choices of ``keys`` (empty text where none is kept)."""
    return {key: project.readEntry(SCOPE, key, "")[0] for key in keys}


def store_choices(project: QgsProject, choices: dict[str, str]) -> None:
    """Keep ``choices`` (key → layer id or text) in ``project``."""
    for key, value in choices.items():
        project.writeEntry(SCOPE, key, value)
