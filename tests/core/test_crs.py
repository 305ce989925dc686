from ypo_plugin.core.crs import utm_epsg


def test_copenhagen_is_in_utm_zone_33_north():
    # 12.57°E: zone = floor((12.57 + 180) / 6) + 1 = 33
    assert utm_epsg(12.57, 55.68) == 32633


def test_chicago_is_in_utm_zone_16_north():
    # -87.63°E: floor(92.37 / 6) + 1 = 16
    assert utm_epsg(-87.63, 41.88) == 32616


def test_southern_hemisphere_and_the_antimeridian():
    assert utm_epsg(151.21, -33.87) == 32756  # Sydney: floor(331.21 / 6) + 1 = 56
    assert utm_epsg(180.0, 10.0) == 32660  # 180°E belongs to zone 60, not a 61st
