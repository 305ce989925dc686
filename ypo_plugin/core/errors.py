"""Errors the core raises for bad input; the Processing layer turns them into
``QgsProcessingException`` with the same message."""

from enum import Enum


class About(Enum):
    """The inputs a core error can be about, in the domain's words: an algorithm names its
    parameter for them (``YpoAlgorithm.PARAMETER_ABOUT``), the dock shows the message as it is."""

    SECTORS = "sectors"
    UNITS = "units"
    DISTRICTS = "districts"
    DISTRICT_STAFF = "district staff"
    STAFF = "staff"
    MIN_OFFICERS = "minimum officers"
    POPULATION_FIELD = "population field"
    CRIMES = "crimes"
    DATE_FIELD = "date field"
    FACTOR_METHOD = "factor method"
    FACTOR_OVERRIDE = "factor override"
    FACTOR_THRESHOLDS = "factor thresholds"
    TYPE_WEIGHTS = "type weights"
    MIN_AREA = "minimum area"
    GRID_TYPE = "grid type"
    CELL_SIZE = "cell size"


class InputError(ValueError):
    """Bad input: the message names the layer, field or value and what to do, in the domain's
    words; ``about`` (optional) says which input it concerns."""

    def __init__(self, message: str = "", about: About | None = None):
        super().__init__(message)
        self.about = about
