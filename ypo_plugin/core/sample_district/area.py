"""The sample station area: its outline, how urban each place is, its districts and barriers.

Everything the street network is laid out in: an irregular outline of
27–33 km² around Bellahøj, an urbanity field (inner city to suburb), the
three local police districts (name, sector count, staff, direction from
the station) and three barriers (a railway, a motorway, a waterway) that
cross the area.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from shapely.geometry import LineString, Polygon

SAMPLE_CRS = "EPSG:25832"

# Bellahøj, Copenhagen (lon 12.52, lat 55.70) in EPSG:25832, in whole metres.
STATION_CENTRE = (721_181.0, 6_178_307.0)

AREA_KM2_RANGE = (27.0, 33.0)


@dataclass(frozen=True)
class DistrictSpec:
    """One district of the sample area: its name, number of sectors, staff and direction."""

    name: str
    sector_count: int
    staff: int
    direction_deg: float  # where the district lies seen from the station, counter-clockwise from east


DISTRICTS = (
    DistrictSpec("North East", 9, 18, 45.0),
    DistrictSpec("North West", 5, 12, 155.0),
    DistrictSpec("Frederiksberg", 5, 12, 270.0),
)


@dataclass(frozen=True)
class BarrierSpec:
    """One barrier (railway or motorway) across the sample area: its name, kind and the waves
    that bend it."""

    name: str
    kind: str
    waves: tuple[tuple[float, float], ...]  # (amplitude, wavelength) as fractions of the area radius


BARRIERS = (
    BarrierSpec("Ringbanen", "railway", ((0.08, 3.0),)),
    BarrierSpec("Hillerødmotorvejen", "motorway", ((0.06, 4.0),)),
    BarrierSpec("Grøndalsåen", "waterway", ((0.10, 2.0), (0.03, 0.6))),
)


def station_outline(rng: np.random.Generator) -> Polygon:
    """An irregular, star-shaped station area of 27–33 km² around Bellahøj."""
    angle = np.linspace(0.0, 2.0 * np.pi, 96, endpoint=False)
    radius = np.ones_like(angle)
    for harmonic in range(1, 8):
        amplitude, phase = rng.uniform(0.0, 0.25 / harmonic**0.8), rng.uniform(0.0, 2.0 * np.pi)
        radius += amplitude * np.cos(harmonic * angle + phase)
    # Small steps along the boundary, as station boundaries follow streets.
    radius *= 1.0 + rng.normal(0.0, 0.015, angle.size)
    radius = np.maximum(radius, 0.55)
    unit_shape = Polygon(np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]))
    scale = np.sqrt(rng.uniform(*AREA_KM2_RANGE) * 1e6 / unit_shape.area)
    ring = np.array(STATION_CENTRE) + scale * np.asarray(unit_shape.exterior.coords)
    return Polygon(np.round(ring, 2))


def area_radius(outline: Polygon) -> float:
    """Radius of the circle with the same area as the outline."""
    return float(np.sqrt(outline.area / np.pi))


def area_centre(outline: Polygon) -> np.ndarray:
    """The centroid of the area's outline as an ``(x, y)`` array."""
    return np.array(outline.centroid.coords[0])


def unit_vector(angle: np.ndarray | float) -> np.ndarray:
    """Unit vectors ``(cos, sin)`` of angles in radians: shape ``(2,)`` for one angle, ``(n, 2)`` for n."""
    return np.column_stack([np.cos(angle), np.sin(angle)]).squeeze()


@dataclass(frozen=True)
class UrbanityField:
    """How urban a place is, 0 (suburb) … 1 (inner city): it falls off with the
    distance to the city centre south-east of the station, with smooth local bumps."""

    city_centre: np.ndarray
    falloff_m: float
    bump_centres: np.ndarray
    bump_sizes_m: np.ndarray
    bump_heights: np.ndarray

    @classmethod
    def random(cls, rng: np.random.Generator, outline: Polygon) -> UrbanityField:
        """A field drawn with ``rng``: the city centre about 1.2 area radii south-east of
        the area's centre and twelve bumps scattered over the area."""
        centre, radius = area_centre(outline), area_radius(outline)
        bump_count = 12
        return cls(
            city_centre=centre + 1.2 * radius * unit_vector(np.radians(rng.uniform(-50.0, -30.0))),
            falloff_m=2.2 * radius,
            bump_centres=centre + rng.uniform(-1.3 * radius, 1.3 * radius, (bump_count, 2)),
            bump_sizes_m=rng.uniform(0.25 * radius, 0.5 * radius, bump_count),
            bump_heights=rng.uniform(-1.0, 1.0, bump_count),
        )

    def __call__(self, xy: np.ndarray) -> np.ndarray:
        """Urbanity, 0 … 1, at each point of ``xy`` (shape ``(n, 2)``)."""
        distance = np.hypot(*(xy - self.city_centre).T)
        squared = ((xy[:, None, :] - self.bump_centres[None, :, :]) ** 2).sum(axis=2)
        bumps = (self.bump_heights * np.exp(-0.5 * squared / self.bump_sizes_m**2)).sum(axis=1)
        return np.clip(1.2 - distance / self.falloff_m + 0.2 * bumps, 0.0, 1.0)


def draw_barrier_lines(rng: np.random.Generator, outline: Polygon) -> list[LineString]:
    """Gently curved lines crossing the area near its centre, at about 60° to each other.

    The lines reach beyond the outline so they are noded with it; each enters
    and leaves the area exactly once, so its part inside is one LineString."""
    first_angle = rng.uniform(0.0, np.pi)
    lines = []
    for index, spec in enumerate(BARRIERS):
        angle = first_angle + index * np.pi / 3.0 + rng.uniform(-0.2, 0.2)
        while True:
            line = _curved_line(rng, outline, angle, spec.waves)
            if line.intersection(outline).geom_type == "LineString":
                lines.append(line)
                break
    return lines


def _curved_line(
    rng: np.random.Generator, outline: Polygon, angle: float, waves: tuple[tuple[float, float], ...]
) -> LineString:
    centre, radius = area_centre(outline), area_radius(outline)
    along = np.linspace(-2.2 * radius, 2.2 * radius, int(4.4 * radius / 25.0))
    across = np.full_like(along, rng.uniform(-0.15, 0.15) * radius)
    for amplitude, wavelength in waves:
        phase = rng.uniform(0.0, 2.0 * np.pi)
        across += amplitude * radius * np.sin(2.0 * np.pi * along / (wavelength * radius) + phase)
    points = centre + np.outer(along, unit_vector(angle)) + np.outer(across, unit_vector(angle + np.pi / 2))
    return LineString(np.round(points, 2))
