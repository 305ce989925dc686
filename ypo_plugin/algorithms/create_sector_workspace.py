"""ypo:createsectorworkspace — a GeoPackage and a QGIS project for the sector log, partners and
events, with forms, relations and the print layouts, ready to edit."""

import os
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core import sector_log
from ..core.lazy import lazy_module
from ..i18n import tr
from ..inputs.sector_input import (
    add_sector_parameters,
    read_sectors,
    sector_source,
    sector_working_crs,
    valid_for_writing,
)
from .base import YpoAlgorithm

geometry_logic = lazy_module("..core.geometry", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
handover_layout = lazy_module("..layouts.handover_layout", __package__)
workspace_layouts = lazy_module("..layouts.workspace_layouts", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
sector_workspace = lazy_module("..workspace.sector_workspace", __package__)
station_database = lazy_module("..workspace.station_database", __package__)

GEOPACKAGE_NAME = "workspace.gpkg"
PROJECT_NAME = "workspace.qgz"
STATION_SCRIPT_NAME = "station.sql"
PROJECT_TITLE = "Sektorarbejdsrum / Sector workspace"


class CreateSectorWorkspaceAlgorithm(YpoAlgorithm):
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    REPLACE = "REPLACE"
    DATABASE = "DATABASE"
    GEOPACKAGE = "GEOPACKAGE"
    PROJECT = "PROJECT"
    SECTOR_COUNT = "SECTOR_COUNT"
    STATION_SCRIPT = "STATION_SCRIPT"

    def name(self):
        return "createsectorworkspace"

    def displayName(self):
        return tr("Create sector workspace")

    def flags(self):
        # Writes a project and print layouts: done in the main thread, like QGIS's own project tools.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):
        groups = "; ".join(label.split(" / ")[-1] for _, label in sector_log.TARGET_GROUPS)
        return tr(
            "Creates a sector workspace for the schematic sector log: one GeoPackage (workspace.gpkg) and a "
            "QGIS project (workspace.qgz) beside it. Open the project and the workspace is ready to edit.\n\n"
            "The GeoPackage holds the tables\n"
            "• sectors — the sectors with all their fields, sector_id as text, and the public fields "
            "sector_name (the id when missing), district, officer_name, officer_phone and officer_email "
            "(added empty when missing);\n"
            "• sector_log — date, author, target group, party of interest, entry (the challenge), "
            "action taken, status (open, in progress, closed), follow-up date and sector_id;\n"
            "• partners — name, kind (SSP, housing association, club, tradesperson, school, other), contact, "
            "address point and sector_id;\n"
            "• events — date, title, notes, point and sector_id;\n"
            "• target_groups — the handbook's target groups: {groups}.\n"
            "Their attribute forms (drop-down lists, date pickers, required fields, defaults) are saved as "
            "each table's default style, so they also work when a table is added to another project.\n\n"
            "The project relates every sector to its log entries, partners and events (the sector form has a "
            "tab for each) and each log entry to its target group, and holds the print layout "
            "'Overdragelsesrapport / Handover report' (one page per sector: map, key figures and manning, "
            "officer, neighbouring sectors, partners, open challenges and the latest log entries; see Export "
            "handover report) and the public sector map layouts. The sector log, partners and events are "
            "internal: no public export (Export sector maps, Export public web map) ever reads them.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons (e.g. from Split sectors or Compute sector manning).\n"
            "Sector id field — the field with each sector's unique id (default sector_id).\n"
            "Output folder — where workspace.gpkg and workspace.qgz are written.\n"
            "Replace an existing workspace — overwrite a workspace already in the folder (its log, partners "
            "and events are lost); without it an existing workspace is never touched.\n"
            "Station database — for a station's shared sector log: a PostgreSQL/PostGIS connection "
            "(service=NAME from pg_service.conf, dbname=… host=…, or the name of a PostgreSQL connection "
            "saved in QGIS; never a password). The same tables "
            "are made in its schema ypo, with the roles ypo_manager, ypo_officer, ypo_reader and ypo_public "
            "enforced by the database (row-level security), officers assigned to sectors in "
            "ypo.officer_sectors, the view public_sectors, a restricted flag on log entries and author and "
            "time set by the database; the project (and station.sql, the script that was run) is written to "
            "the output folder. Empty: a GeoPackage for one person.\n\n"
            "Results: GEOPACKAGE (none for a station database), STATION_SCRIPT (station.sql, station "
            "database only), PROJECT and SECTOR_COUNT.",
            groups=groups,
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPLACE, tr("Replace an existing workspace"), False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.REPLACE, tr("Replace an existing workspace"), False)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DATABASE, tr("Station database (PostgreSQL connection, optional)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputFile(self.GEOPACKAGE, tr("Workspace GeoPackage")))
        self.addOutput(QgsProcessingOutputFile(self.STATION_SCRIPT, tr("Station database script")))
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, tr("Workspace project")))
        self.addOutput(QgsProcessingOutputNumber(self.SECTOR_COUNT, tr("Number of sectors")))

    def processAlgorithm(self, parameters, context, feedback):
        return self.run_core(self._create, parameters, context, feedback)

    def _create(self, parameters, context, feedback):
        source, id_field = sector_source(self, parameters, context)
        crs = sector_working_crs(self, source, context.transformContext(), feedback)
        sectors = qgis_read.read_features(source, feedback)
        computed, repaired = self._sector_ids_and_neighbours(sectors, id_field, crs, context, feedback)
        database = self.parameterAsString(parameters, self.DATABASE, context).strip()
        replace = self.parameterAsBoolean(parameters, self.REPLACE, context)
        if database:
            station_database.database_uri(database)  # refused before anything is written
        # A station's data is its database (which refuses an existing station without REPLACE).
        folder = self._output_folder(
            parameters, context, (PROJECT_NAME,) if database else (GEOPACKAGE_NAME, PROJECT_NAME)
        )
        geopackage, project_path = folder / GEOPACKAGE_NAME, folder / PROJECT_NAME
        script = folder / STATION_SCRIPT_NAME

        feedback.setProgressText(tr("Writing the sectors…"))
        repaired = set(repaired)
        geometries = {
            feature.id(): valid_for_writing(
                feature.geometry(), source.sourceCrs(), crs, context.transformContext()
            )
            for feature in sectors.features
            if feature.id() in repaired
        }
        if database:
            layers, added = station_database.create_station(
                database, sectors, id_field, computed, replace, script, feedback, geometries
            )
        else:
            added = sector_workspace.write_sectors(
                str(geopackage), sectors, id_field, computed, context.transformContext(), feedback, geometries
            )
        if added:
            feedback.pushInfo(
                tr(
                    "Added the empty fields {fields} to the sectors; fill them in the sector form.",
                    fields=", ".join(added),
                )
            )
        if feedback.isCanceled():
            return {}
        if not database:
            feedback.setProgressText(tr("Writing the log, partner, event and target group tables…"))
            sector_workspace.write_workspace_tables(
                str(geopackage), source.sourceCrs(), context.transformContext()
            )
            layers = sector_workspace.load_workspace_layers(str(geopackage))
        feedback.setProgress(50)

        feedback.setProgressText(tr("Setting up the forms…"))
        sector_workspace.style_and_configure(
            layers, self._sector_choices(layers[sector_log.SECTORS_TABLE]), in_database=bool(database)
        )
        feedback.setProgress(70)
        if feedback.isCanceled():
            return {}

        feedback.setProgressText(tr("Writing the project…"))
        project = QgsProject()
        project.setTitle(PROJECT_TITLE)
        project.setCrs(crs)
        project.setTransformContext(context.transformContext())
        # Each layer added goes to the top of the layer tree: the sectors last, to lead the list.
        for name in (
            sector_log.TARGET_GROUPS_TABLE,
            sector_log.EVENTS_TABLE,
            sector_log.PARTNERS_TABLE,
            sector_log.LOG_TABLE,
            sector_log.SECTORS_TABLE,
        ):
            project.addMapLayer(layers[name])
        sector_workspace.open_on(project, layers[sector_log.SECTORS_TABLE])
        relations = sector_workspace.add_relations(project, layers)
        sector_workspace.add_relation_editors(layers[sector_log.SECTORS_TABLE], relations)
        handover_layout.build_handover_layout(project, layers)
        workspace_layouts.add_public_layouts(project, layers[sector_log.SECTORS_TABLE], len(computed))
        feedback.setProgress(90)
        sector_workspace.save_project(project, project_path)
        feedback.setProgress(100)
        if database:
            wrote = tr(
                "Wrote the station database ({database}), {script} and {project} ({count} sectors). Assign "
                "the officers to their sectors in ypo.officer_sectors, then open the project to edit."
            )
        else:
            wrote = tr("Wrote {data} and {project} ({count} sectors). Open the project to edit.")
        feedback.pushInfo(
            wrote.format(
                database=database, script=script, data=geopackage, project=project_path, count=len(computed)
            )
        )
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.GEOPACKAGE: None if database else str(geopackage),
            self.STATION_SCRIPT: str(script) if database else None,
            self.PROJECT: str(project_path),
            self.SECTOR_COUNT: len(computed),
        }

    def _sector_ids_and_neighbours(self, source, id_field, crs, context, feedback) -> tuple[dict, list]:
        """By feature id: the sector's checked id and its neighbours as text, from the sectors'
        ``neighbours`` field when they have one, else from the boundaries they share (in ``crs``);
        and the feature ids of the sectors repaired in ``crs`` (see read_sectors)."""
        wanted = [id_field, "sector_name", "district", "neighbours"]
        names = [name for name in dict.fromkeys(wanted) if source.fields().lookupField(name) >= 0]
        frame = read_sectors(source, id_field, crs, context.transformContext(), feedback, names[1:])
        layer_name = f"SECTORS ({source.sourceName()})"
        ids = sector_log.checked_sector_ids(frame[id_field].tolist(), layer_name, id_field)
        sector_names = (
            [sector_logic.attribute_text(v) for v in frame["sector_name"]] if "sector_name" in names else ids
        )
        districts = (
            [sector_logic.attribute_text(v) for v in frame["district"]]
            if "district" in names
            else [None] * len(ids)
        )
        if "neighbours" in names:
            neighbours = frame["neighbours"].tolist()
        else:
            neighbours = geometry_logic.touching_neighbours(frame.geometry.values.to_numpy())
        texts = sector_logic.neighbour_texts(ids, sector_names, neighbours, districts)
        return dict(zip(frame.index.tolist(), zip(ids, texts, strict=True), strict=True)), frame.attrs[
            "repaired"
        ]

    def _output_folder(self, parameters, context, kept_files) -> Path:
        folder = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(
                tr(
                    "OUTPUT_FOLDER: cannot create {folder} ({problem}); choose a folder you can write to.",
                    folder=folder,
                    problem=error.strerror,
                )
            ) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise QgsProcessingException(
                tr(
                    "OUTPUT_FOLDER: {folder} is not writable; choose a folder you can write to.",
                    folder=folder,
                )
            )
        existing = [name for name in kept_files if (folder / name).exists()]
        if existing and not self.parameterAsBoolean(parameters, self.REPLACE, context):
            raise QgsProcessingException(
                tr(
                    "OUTPUT_FOLDER: {folder} already holds a workspace ({files}); its sector log would be "
                    "lost. Choose another folder, or set REPLACE (Replace an existing workspace) to "
                    "overwrite it.",
                    folder=folder,
                    files=", ".join(existing),
                )
            )
        return folder

    @staticmethod
    def _sector_choices(sectors) -> list[tuple[str, str]]:
        """(id, 'id name') of every sector, for the sector drop-down of the log, partner and event forms."""
        return sorted(
            (feature["sector_id"], f"{feature['sector_id']} {feature['sector_name']}")
            for feature in sectors.getFeatures()
        )
