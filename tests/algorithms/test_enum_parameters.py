"""Every enum parameter of the plugin takes its option names and their 0-based numbers, in
processing.run, in models and in qgis_process; qgis_process help lists the names; anything
else is refused with a message naming the parameter and its options."""

import itertools
from pathlib import Path
from xml.etree.ElementTree import canonicalize

import pytest
from qgis import processing
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterEnum,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ypo_plugin.inputs.parameters import enum_option

from .publication_data import pdf_text, small_sectors, write_gpkg
from .test_compute_manning import base_parameters, crimes_layer, population_layer, run, sectors_layer

# The enum parameters of the plugin and their options, written out here so that the walk
# below cannot pass by finding none.
EXPECTED_ENUMS = {
    ("ypo:computemanning", "FACTOR_METHOD"): ["thresholds", "quintiles"],
    ("ypo:crimegrid", "GRID_TYPE"): ["square", "hexagon"],
    ("ypo:exportsectormaps", "AUDIENCE"): ["public", "internal"],
    ("ypo:exportsectormaps", "FORMAT"): ["pdf", "png", "svg"],
    ("ypo:exportsectormaps", "PAPER"): ["A4", "A3"],
    ("ypo:threatassessment", "COMPARE_WITH"): ["quarter_before", "year_before"],
    **{
        (algorithm_id, "LANGUAGE"): ["da+en", "en", "da", "en+da"]
        for algorithm_id in ("ypo:exportsectormaps", "ypo:exportpublicwebmap", "ypo:exporthandoverreport")
    },
}


def enum_parameters(provider):
    """(algorithm, definition) for every enum parameter of every algorithm of ``provider``."""
    return [
        (algorithm, definition)
        for algorithm in provider.algorithms()
        for definition in algorithm.parameterDefinitions()
        if definition.type() == QgsProcessingParameterEnum.typeName()
    ]


def test_the_walk_finds_every_enum(ypo_provider):
    found = {(a.id(), d.name()): d.options() for a, d in enum_parameters(ypo_provider)}
    assert {key: found.get(key) for key in EXPECTED_ENUMS} == EXPECTED_ENUMS
    for algorithm, definition in enum_parameters(ypo_provider):
        assert definition.usesStaticStrings(), (algorithm.id(), definition.name())


def test_every_enum_reads_names_and_numbers_as_the_name(ypo_provider):
    context = QgsProcessingContext()
    for algorithm, definition in enum_parameters(ypo_provider):
        name = definition.name()
        instance = algorithm.create()
        for number, option in enumerate(definition.options()):
            for value in (option, number, str(number), f" {number} ", option.upper(), float(number)):
                assert instance.enum_value({name: value}, name, context) == option, (algorithm.id(), value)
        assert instance.enum_value({}, name, context) == definition.defaultValue()
        assert instance.enum_value({name: ""}, name, context) == definition.defaultValue()


def test_every_enum_passes_the_parameter_check_with_a_number(ypo_provider):
    """A number passes the check exactly as its name does (the other, missing inputs fail
    both the same way)."""
    context = QgsProcessingContext()
    for algorithm, definition in enum_parameters(ypo_provider):
        name = definition.name()
        instance = algorithm.create()
        for number, option in enumerate(definition.options()):
            by_name = instance.checkParameterValues({name: option}, context)
            for value in (number, str(number), float(number)):
                ok, message = instance.checkParameterValues({name: value}, context)
                assert (ok, message) == tuple(by_name), (algorithm.id(), name, value)
                assert name not in message


def test_every_enum_refuses_other_values_naming_the_parameter_and_its_options(ypo_provider):
    context = QgsProcessingContext()
    for algorithm, definition in enum_parameters(ypo_provider):
        name = definition.name()
        options = definition.options()
        instance = algorithm.create()
        for value in (len(options), str(len(options)), "-1", "1.5", "nonsense", True):
            ok, message = instance.checkParameterValues({name: value}, context)
            assert not ok, (algorithm.id(), name, value)
            expected = (
                f"{name}: '{str(value).strip()}' is not an option; give one of {', '.join(options)} "
                f"(or its number, 0 to {len(options) - 1})."
            )
            assert message == expected
            with pytest.raises(QgsProcessingException, match=f"^{name}: "):
                instance.enum_value({name: value}, name, context)


def test_an_optional_enum_without_default_reads_as_none():
    definition = QgsProcessingParameterEnum("LANGUAGE", "Language", ["da+en", "en"], optional=True)
    definition.setUsesStaticStrings(True)
    assert enum_option(definition, None) is None
    assert enum_option(definition, "1") == "en"
    assert enum_option(definition, "EN") == "en"


# --- runs -------------------------------------------------------------------------------


@pytest.mark.parametrize("factor_method", ["quintiles", 1, "1"])
def test_manning_factor_method_by_name_or_number(run_algorithm, tmp_path, factor_method):
    _, rows, *_ = run(run_algorithm, base_parameters(tmp_path, FACTOR_METHOD=factor_method))
    # The quintile rule by hand (test_compute_manning.test_quintiles): n = 3 sectors,
    # k lower needs A 2, B 1, C 0 → factor 5 − ⌊5k/3⌋ = 2, 4, 5.
    assert [rows[s]["factor"] for s in "ABC"] == [2, 4, 5]


def test_crime_grid_type_by_number_is_the_hexagon_grid(run_algorithm, tmp_path):
    def cells(grid_type, name):
        parameters = {
            "SECTORS": sectors_layer(),
            "SECTOR_ID_FIELD": "sector_id",
            "CRIMES": crimes_layer(),
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "CELL_SIZE": 500,
            "GRID_TYPE": grid_type,
            "OUTPUT": str(tmp_path / f"{name}.gpkg"),
        }
        results, _ = run_algorithm("ypo:crimegrid", parameters)
        layer = QgsVectorLayer(results["OUTPUT"], name, "ogr")
        return sorted(
            (f["sector_id"], f.geometry().constGet().vertexCount(), round(f.geometry().area(), 3))
            for f in layer.getFeatures()
        )

    hexagons = cells("hexagon", "by_name")
    assert cells(1, "by_number") == hexagons
    # A hexagon cell has 6 corners (7 vertices with the closing one) unless cut by its sector.
    assert any(vertices == 7 for _, vertices, _ in hexagons)
    assert cells(0, "squares") != hexagons


def write_layer(layer, path: Path) -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer.name()
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), layer.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


def manning_model(tmp_path) -> QgsProcessingModelAlgorithm:
    """A model whose own enum input (numbered, as QGIS's model inputs are) sets FACTOR_METHOD
    of its manning step."""
    model = QgsProcessingModelAlgorithm("Manning by method", "tests")
    model.addModelParameter(
        QgsProcessingParameterEnum("METHOD", "Method", ["thresholds", "quintiles"], defaultValue=0),
        QgsProcessingModelParameter("METHOD"),
    )
    step = QgsProcessingModelChildAlgorithm("ypo:computemanning")
    step.setChildId("manning")
    static_values = {
        "SECTORS": write_layer(sectors_layer(), tmp_path / "sectors.gpkg"),
        "SECTOR_ID_FIELD": "sector_id",
        "POPULATION": write_layer(population_layer(), tmp_path / "population.gpkg"),
        "POPULATION_FIELD": "population",
        "CRIMES": write_layer(crimes_layer(), tmp_path / "crimes.gpkg"),
        "CRIME_TYPE_FIELD": "crime_type",
        "DATE_FIELD": "occurred",
        "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-12-31",
        "FACTOR_THRESHOLDS": "5; 1; 0.5; 0.1",
    }
    for name, value in static_values.items():
        step.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    step.addParameterSources(
        "FACTOR_METHOD", [QgsProcessingModelChildParameterSource.fromModelParameter("METHOD")]
    )
    output = QgsProcessingModelOutput("sectors")
    output.setChildId("manning")
    output.setChildOutputName("OUTPUT")
    step.setModelOutputs({"sectors": output})
    model.addChildAlgorithm(step)
    return model


def test_a_model_passes_an_enum_number_to_its_step(ypo_provider, tmp_path):
    model = manning_model(tmp_path)
    factors = {}
    for method in (0, 1):
        path = str(tmp_path / f"manning_{method}.gpkg")
        results = processing.run(
            model, {"METHOD": method, "manning:sectors": path}, feedback=QgsProcessingFeedback()
        )
        layer = QgsVectorLayer(results["manning:sectors"], "manning", "ogr")
        factors[method] = [f["factor"] for f in sorted(layer.getFeatures(), key=lambda f: f["sector_id"])]
    assert factors[1] == [2, 4, 5]  # quintiles, as by hand above
    assert factors[0] != factors[1]


# --- qgis_process -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sectors_gpkg(tmp_path_factory):
    return write_gpkg(small_sectors(), tmp_path_factory.mktemp("enum_sectors") / "sectors.gpkg")


def export_maps(qgis_process, sectors, folder, **choices):
    result = qgis_process.run(
        "ypo:exportsectormaps", SECTORS=sectors, ATLAS="false", DPI=60, OUTPUT_FOLDER=str(folder), **choices
    )
    return [Path(f) for f in result["results"]["FILES"].split(";")]


def test_qgis_process_audience_by_number_and_by_name(qgis_process, sectors_gpkg, tmp_path):
    public_by_number = export_maps(qgis_process, sectors_gpkg, tmp_path / "n0", AUDIENCE=0, FORMAT=0)
    public_by_name = export_maps(
        qgis_process, sectors_gpkg, tmp_path / "public", AUDIENCE="public", FORMAT="pdf"
    )
    assert (
        [f.name for f in public_by_number] == [f.name for f in public_by_name] == ["public_sector_maps.pdf"]
    )
    assert pdf_text(public_by_number[0]) == pdf_text(public_by_name[0])
    assert "Anna Holm" in pdf_text(public_by_name[0])  # an officer of small_sectors

    internal_by_number = export_maps(
        qgis_process, sectors_gpkg, tmp_path / "n1", AUDIENCE=1, FORMAT=2, PAPER=1
    )
    internal_by_name = export_maps(
        qgis_process, sectors_gpkg, tmp_path / "internal", AUDIENCE="internal", FORMAT="svg", PAPER="A3"
    )
    assert (
        [f.name for f in internal_by_number]
        == [f.name for f in internal_by_name]
        == ["internal_overview.svg"]
    )
    # Qt writes an element's attributes in a random order: compare canonical XML.
    assert canonicalize(from_file=internal_by_number[0]) == canonicalize(from_file=internal_by_name[0])
    assert "INTERNT" in internal_by_name[0].read_text(encoding="utf-8")


def test_qgis_process_refuses_an_unknown_audience(qgis_process, sectors_gpkg, tmp_path):
    for value in ("2", "publik"):
        result = qgis_process(
            "run",
            "ypo:exportsectormaps",
            "--",
            f"SECTORS={sectors_gpkg}",
            f"AUDIENCE={value}",
            f"OUTPUT_FOLDER={tmp_path}",
            check=False,
        )
        assert result.returncode != 0
        assert (
            f"AUDIENCE: '{value}' is not an option; give one of public, internal (or its number, 0 to 1)."
            in result.stderr
        )
        assert "Traceback" not in result.stdout + result.stderr
    assert not list(tmp_path.iterdir())


def test_qgis_process_help_lists_the_names_with_their_numbers(ypo_provider, qgis_process):
    by_algorithm = {}
    for algorithm, definition in enum_parameters(ypo_provider):
        by_algorithm.setdefault(algorithm.id(), {})[definition.name()] = definition.options()
    assert set(EXPECTED_ENUMS) <= {(a, name) for a, enums in by_algorithm.items() for name in enums}
    for algorithm_id, enums in by_algorithm.items():
        help_text = qgis_process("help", algorithm_id).stdout
        for name, options in enums.items():
            after = help_text.split(f"\n{name}: ", 1)[1].split("\n")[1:]
            section = "\n".join(
                line for line in itertools.takewhile(lambda line: line.startswith("\t"), after)
            )
            listed = "\n".join(f"\t\t- {number}: {option}" for number, option in enumerate(options))
            assert f"\tAvailable values:\n{listed}\n" in section + "\n", (algorithm_id, name, section)
