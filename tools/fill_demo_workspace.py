"""Add demo log entries, partners and an event to a sector workspace, as an officer would.

    python3 tools/fill_demo_workspace.py out/workspace/workspace.gpkg NE-02

Rows go in through each layer's edit buffer (startEditing, addFeature,
commitChanges), so the forms' defaults and constraints apply as in QGIS.
Partners and the event are placed inside the sector.
"""

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import QDate  # noqa: E402

LOG = [
    (
        "2026-09-02",
        "young_people_at_risk",
        "Ungdomsklubben Rødkilde",
        "Groups of young people gather at the " "underpass after 22:00; residents feel unsafe",
        "Walk-and-talk with SSP on Fridays",
        "open",
        "2026-10-01",
    ),
    (
        "2026-08-20",
        "exposed_housing_residents",
        "Boligselskabet Tingbjerg",
        "Break-ins in basement storage rooms",
        "New locks agreed with the housing association",
        "in_progress",
        "2026-09-15",
    ),
    (
        "2026-07-11",
        "business_owners",
        "Grocer, Frederikssundsvej 120",
        "Shoplifting by the same group",
        "Meeting held; CCTV footage shared",
        "closed",
        None,
    ),
    (
        "2026-06-30",
        "elderly",
        "Senior centre Bellahøj",
        "Doorstep fraud warnings wanted",
        "Talk given at the centre",
        "closed",
        None,
    ),
]
PARTNERS = [
    ("SSP Bellahøj", "ssp", "ssp.bellahoj@example.org", (-150, 100)),
    ("Boligselskabet Tingbjerg", "housing_association", "+45 3888 0000", (120, -80)),
]


def date(text):
    return QDate.fromString(text, "yyyy-MM-dd") if text else None


def add(layer, rows):
    if not layer.startEditing():
        raise SystemExit(f"{layer.source()} cannot be edited")
    for values, geometry in rows:
        feature = QgsFeature(layer.fields())
        for name, value in values.items():
            feature[name] = value
        if geometry is not None:
            feature.setGeometry(geometry)
        layer.addFeature(feature)
    if not layer.commitChanges():
        raise SystemExit(f"Could not save to {layer.source()}: {layer.commitErrors()}")


def fill_workspace(geopackage: str, sector_id: str) -> None:
    """Add the demo rows; its layers are released when it returns, before QGIS exits."""
    layers = {
        name: QgsVectorLayer(f"{geopackage}|layername={name}", name, "ogr")
        for name in ("sectors", "sector_log", "partners", "events")
    }
    sector = next(layers["sectors"].getFeatures(f"\"sector_id\" = '{sector_id}'"), None)
    if sector is None:
        raise SystemExit(f"{geopackage} has no sector {sector_id}")
    centre = sector.geometry().pointOnSurface().asPoint()

    def near(dx, dy):
        return QgsGeometry.fromPointXY(QgsPointXY(centre.x() + dx, centre.y() + dy))

    add(
        layers["sector_log"],
        [
            (
                {
                    "entry_date": date(day),
                    "author": "Mette Jensen",
                    "target_group": group,
                    "party_of_interest": party,
                    "entry": challenge,
                    "action_taken": action,
                    "status": status,
                    "follow_up_date": date(follow_up),
                    "sector_id": sector_id,
                },
                None,
            )
            for day, group, party, challenge, action, status, follow_up in LOG
        ],
    )
    add(
        layers["partners"],
        [
            ({"name": name, "kind": kind, "contact": contact, "sector_id": sector_id}, near(*offset))
            for name, kind, contact, offset in PARTNERS
        ],
    )
    add(
        layers["events"],
        [
            (
                {
                    "event_date": date("2026-10-04"),
                    "title": "Neighbourhood party",
                    "sector_id": sector_id,
                },
                near(0, 0),
            )
        ],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geopackage")
    parser.add_argument("sector_id")
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    try:
        fill_workspace(args.geopackage, args.sector_id)
    finally:
        app.exitQgis()
    print(f"Added {len(LOG)} log entries, {len(PARTNERS)} partners and 1 event to sector {args.sector_id}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
