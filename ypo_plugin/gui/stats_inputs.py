"""The inputs of the "Sector statistics" dock that do not change while sectors are edited:
population units, crime incidents and exposed areas, read once in the working CRS and prepared
for the core (:func:`~ypo_plugin.core.population.prepare_population`,
:func:`~ypo_plugin.core.sector_stats.prepare_crimes`), kept until their layer, fields or CRS change.
"""

from qgis.core import QgsProject

from ..core.lazy import lazy_module

crime_types = lazy_module("..core.crime_types", __package__)
population = lazy_module("..core.population", __package__)
sector_stats = lazy_module("..core.sector_stats", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
qgis_points = lazy_module("..qgis_io.points", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)


class PreparedInputs:
    """Prepared population, crimes and exposed areas, each kept with the key it was made for."""

    def __init__(self):
        self._prepared: dict[str, tuple] = {}

    def forget(self, role: str | None = None) -> None:
        """Forget one prepared input (all without ``role``); the population depends on the
        exposed areas."""
        if role is None:
            self._prepared.clear()
            return
        self._prepared.pop(role, None)
        if role == "exposed":
            self._prepared.pop("population", None)

    def _kept(self, role, key, make):
        cached = self._prepared.get(role)
        if cached is not None and cached[0] == key:
            return cached[1]
        prepared = make()
        self._prepared[role] = (key, prepared)
        return prepared

    def population(self, layer, field, exposed_layer, crs):
        """The prepared population of ``layer``'s ``field`` (None without them)."""
        if layer is None or not field:
            return None
        exposed = self.exposed(exposed_layer, crs)

        def make():
            context = QgsProject.instance().transformContext()
            frame = qgis_read.source_to_frame(layer, [field], target_crs=crs, transform_context=context)
            return population.prepare_population(frame.geometry.values, frame[field].tolist(), exposed)

        return self._kept("population", (layer.id(), field, crs.authid(), id(exposed)), make)

    def exposed(self, layer, crs):
        """The exposed areas of ``layer`` as one prepared area (None without them)."""
        if layer is None:
            return None

        def make():
            context = QgsProject.instance().transformContext()
            frame = qgis_read.source_to_frame(layer, [], target_crs=crs, transform_context=context)
            self._prepared.pop("population", None)
            return sector_logic.united_areas(frame.geometry.values)

        return self._kept("exposed", (layer.id(), crs.authid()), make)

    def crimes(self, layer, type_field, date_field, map_text, crs):
        """The prepared incidents of ``layer`` (None without a layer and its crime type field)."""
        if layer is None or not type_field:
            return None

        def make():
            names = [type_field] + ([date_field] if date_field else [])
            context = QgsProject.instance().transformContext()
            points = qgis_points.read_points(
                layer, names, target_crs=crs, transform_context=context, layer=layer
            )
            return sector_stats.prepare_crimes(
                points.xy,
                points.columns[type_field],
                points.columns[date_field] if date_field else None,
                crime_types.CrimeTypeMap.from_parameter(map_text),
            )

        return self._kept("crimes", (layer.id(), type_field, date_field, map_text, crs.authid()), make)
