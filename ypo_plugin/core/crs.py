"""Choosing a metric CRS for computations on data in any CRS."""


def utm_epsg(longitude: float, latitude: float) -> int:
    """EPSG code of the WGS 84 / UTM zone holding a point (zones 1–60, N and S)."""
    zone = min(int((longitude + 180.0) // 6.0) + 1, 60)
    return (32600 if latitude >= 0 else 32700) + zone
