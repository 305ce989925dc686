"""A generated sample police station area, to try the plugin without own data.

The area is modelled loosely on Copenhagen Police's Bellahøj station: three
local police districts made of street blocks with population, crime incidents
over one year, particularly exposed housing areas, barriers (a railway, a
motorway and a waterway), special places, streets and addresses, the areas of
the city safety index with a citizens' survey, and a planted initiative. Everything is drawn from the
given random generator, so the same seed always gives the same area.

Modules, in the order :func:`generate_sample_district` draws from them
    ``area``        the outline, the urbanity field, the districts and barriers.
    ``streets``     street noding: the blocks as faces of one noded network of
                    street-grid Voronoi edges, barriers and outline.
    ``population``  land use, districts, exposed housing areas, residents.
    ``crime``       special places and a year of incidents, some gang-related.
    ``addresses``   named streets and address points.
    ``survey``      the safety index's areas and the citizens' survey.
    ``initiative``  the planted effect of an initiative in two index areas.
    ``generate``    the generator itself and the layers it assembles.
"""

from .area import SAMPLE_CRS, STATION_CENTRE
from .crime import CRIME_PLACES
from .generate import LAYER_NAMES, MAX_UNIT_COUNT, MIN_UNIT_COUNT, SampleDistrict, generate_sample_district
from .population import LAND_USES

__all__ = [
    "CRIME_PLACES",
    "LAND_USES",
    "LAYER_NAMES",
    "MAX_UNIT_COUNT",
    "MIN_UNIT_COUNT",
    "SAMPLE_CRS",
    "STATION_CENTRE",
    "SampleDistrict",
    "generate_sample_district",
]
