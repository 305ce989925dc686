"""ypo:createsampledistrict — a realistic sample station area to try everything on."""

from qgis.core import (
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..i18n import tr
from ..layouts.styling import load_on_completion, store_default_style
from .base import YpoAlgorithm

np = lazy_module("numpy")
sample_district = lazy_module("..core.sample_district", __package__)
qgis_geopackage = lazy_module("..qgis_io.geopackage", __package__)

# GeoPackage metadata carries a timestamp; a fixed one keeps the file
# byte-for-byte identical for the same seed.
SAMPLE_TIMESTAMP = "2026-10-01T00:00:00.000Z"


def layer_outputs() -> dict:
    """Each layer written → (its output, what it holds)."""
    return {
        "districts": ("DISTRICTS", tr("Districts")),
        "units": ("UNITS", tr("Base units (street blocks)")),
        "crimes": ("CRIMES", tr("Crime incidents")),
        "exposed_areas": ("EXPOSED_AREAS", tr("Particularly exposed housing areas")),
        "barriers": ("BARRIERS", tr("Barriers")),
        "special_places": ("SPECIAL_PLACES", tr("Special places")),
        "streets": ("STREETS", tr("Streets")),
        "addresses": ("ADDRESSES", tr("Addresses")),
        "index_areas": ("INDEX_AREAS", tr("Safety index areas")),
        "survey": ("SURVEY", tr("Safety survey answers")),
    }


class CreateSampleDistrictAlgorithm(YpoAlgorithm):
    SEED = "SEED"
    UNIT_COUNT = "UNIT_COUNT"
    TOTAL_POPULATION = "TOTAL_POPULATION"
    OUTPUT = "OUTPUT"

    def name(self):
        return "createsampledistrict"

    def displayName(self):
        return tr("Create sample district")

    def shortHelpString(self):
        return tr(
            "Writes a realistic sample police station area to one GeoPackage (EPSG:25832), "
            "to try the other tools without data of your own. It is modelled loosely on the "
            "Copenhagen Police's Bellahøj station.\n\n"
            "Layers written:\n"
            "• districts — the local police districts North East, North West and Frederiksberg, "
            "with sector_count (9, 5, 5) and staff (18, 12, 12)\n"
            "• units — street blocks with unit_id, district, land_use and population "
            "(380,000 inhabitants by default; parks and industry have none); they tile each "
            "district without gaps or overlaps\n"
            "• crimes — a year of incidents (1 October 2025 to 30 September 2026, with the "
            "seasons: violence peaks in summer, burglary in winter) with crime_type (violence, "
            "burglary, theft, drugs, vandalism, harassment), occurred (date-time), place and "
            "gang_related (true for about 3 %, most of them in and near the exposed areas)\n"
            "• exposed_areas — particularly exposed housing areas, where crime concentrates\n"
            "• barriers — a railway, a motorway and a waterway that cross the area\n"
            "• special_places — stations, nightlife streets, a stadium, shopping centres\n"
            "• streets — named streets (Danish names) along the blocks, with kind main or local\n"
            "• addresses — address points on the blocks' street fronts, about one per 20 "
            "inhabitants, with street, house_number (odd left, even right, 12A beside 12), postcode, "
            "city and unit_id\n"
            "• index_areas — 35 areas of whole blocks for the city safety index (area_id SI-01 …); "
            "initiative is true for the two areas where an initiative started on 1 April 2026: "
            "from that day about a third of their crime was prevented, part of it displaced "
            "into the 500 m around them (try Evaluate an initiative with TARGET_FIELD=initiative)\n"
            '• survey — about 8,000 respondents (points at home) with answer 1–5 to "How safe do '
            'you feel in your neighbourhood after dark?" (1 = very unsafe; about 2 % empty), '
            "feeling less safe where there is more crime and in exposed areas, and a survey weight\n\n"
            "Parameters:\n"
            "Seed — the same seed always gives the same file, byte for byte; another seed "
            "gives another town.\n"
            "Number of base units (advanced) — about how many street blocks to draw.\n"
            "Total population (advanced) — inhabitants over all blocks, exactly.\n"
            "Sample district — the GeoPackage to write. Each layer is also given as an output "
            "for use in models, and is loaded styled when the algorithm is run from QGIS."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SEED,
                tr("Seed"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=1,
                minValue=0,
            )
        )
        unit_count = QgsProcessingParameterNumber(
            self.UNIT_COUNT,
            tr("Number of base units"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=3500,
            minValue=200,
            maxValue=50000,
        )
        total_population = QgsProcessingParameterNumber(
            self.TOTAL_POPULATION,
            tr("Total population"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=380000,
            minValue=0,
        )
        for parameter in (unit_count, total_population):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Sample district"), tr("GeoPackage (*.gpkg *.GPKG)")
            )
        )
        for output_name, description in layer_outputs().values():
            self.addOutput(QgsProcessingOutputVectorLayer(output_name, description))

    def processAlgorithm(self, parameters, context, feedback):
        seed = self.parameterAsInt(parameters, self.SEED, context)
        unit_count = self.parameterAsInt(parameters, self.UNIT_COUNT, context)
        total_population = self.parameterAsInt(parameters, self.TOTAL_POPULATION, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)

        outputs = layer_outputs()
        steps = QgsProcessingMultiStepFeedback(1 + len(outputs), feedback)
        steps.setProgressText(tr("Drawing the sample station area…"))
        progress, is_cancelled = self.core_callbacks(steps)
        try:
            sample = sample_district.generate_sample_district(
                np.random.default_rng(seed),
                unit_count=unit_count,
                total_population=total_population,
                progress=progress,
                is_cancelled=is_cancelled,
            )
        except Cancelled:
            return {}
        except InputError as error:
            raise self.processing_error(error) from None

        results = {self.OUTPUT: path}
        with qgis_geopackage.reproducible_geopackage(path, SAMPLE_TIMESTAMP):
            for step, (layer_name, frame) in enumerate(sample.layers().items(), start=1):
                if feedback.isCanceled():
                    return {}
                steps.setCurrentStep(step)
                steps.setProgressText(
                    tr("Writing layer {layer} ({count} features)…", layer=layer_name, count=len(frame))
                )
                uri = qgis_geopackage.write_geopackage_layer(
                    frame, path, layer_name, context.transformContext(), new_file=step == 1
                )
                store_default_style(uri, layer_name)
                output_name, _ = outputs[layer_name]
                load_on_completion(context, uri, layer_name, layer_name, output_name)
                results[output_name] = uri
        steps.setCurrentStep(len(outputs) + 1)
        return results
