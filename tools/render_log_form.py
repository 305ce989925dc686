"""Render the sector log's attribute form of a workspace to PNG (a picture for the README).

    python3 tools/render_log_form.py out/workspace/workspace.qgz form.png

The project is opened as QGIS desktop opens it and the newest log entry is
shown in its form (value maps, date pickers, required fields), as QGIS draws it.
"""

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeatureRequest, QgsProject  # noqa: E402
from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui  # noqa: E402
from qgis.PyQt.QtCore import Qt  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("png")
    parser.add_argument("--width", type=int, default=560)
    args = parser.parse_args()
    app = QgsApplication([], True)
    app.initQgis()
    QgsGui.editorWidgetRegistry().initEditors()
    try:
        project = QgsProject.instance()
        if not project.read(args.project):
            raise SystemExit(f"{args.project} could not be read")
        (log,) = [
            layer for layer in project.mapLayers().values() if layer.source().endswith("layername=sector_log")
        ]
        request = QgsFeatureRequest().addOrderBy("entry_date", False).setLimit(1)
        feature = next(log.getFeatures(request), None)
        if feature is None:
            raise SystemExit(f"The sector log of {args.project} is empty: add an entry first.")
        log.startEditing()  # editable, as an officer sees it
        form = QgsAttributeForm(log, feature, QgsAttributeEditorContext())
        form.setWindowTitle(f"{log.name()} – {feature['sector_id']}")
        form.setAttribute(Qt.WA_DontShowOnScreen, True)
        form.resize(args.width, form.sizeHint().height())
        form.show()
        app.processEvents()
        if not form.grab().save(args.png):
            raise SystemExit(f"Could not write {args.png}")
        log.rollBack()
    finally:
        app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
