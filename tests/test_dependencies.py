"""The package check judges each package by what the plugin does with it, not by
its version string (Debian's shapely 2.2 says ``0+unknown``)."""

import shapely

from ypo_plugin import dependencies
from ypo_plugin.dependencies import REQUIREMENTS, Requirement, missing_requirements, unusable


def test_every_package_of_this_environment_serves():
    assert missing_requirements() == ()


def test_the_core_packages_and_scipy_and_matplotlib_are_checked():
    assert [requirement.module for requirement in REQUIREMENTS] == [
        "numpy",
        "shapely",
        "pyproj",
        "pandas",
        "geopandas",
        "scipy",
        "matplotlib",
    ]


def test_a_version_string_without_digits_does_not_make_a_package_missing(monkeypatch):
    monkeypatch.setattr(shapely, "__version__", "0+unknown")
    assert missing_requirements() == ()


def test_a_module_lacking_the_api_is_reported_with_what_is_wanted():
    shapely_check = next(r for r in REQUIREMENTS if r.module == "shapely")
    # json imports fine but has none of shapely's vectorised API.
    stand_in = Requirement("json", "shapely", shapely_check.wanted, shapely_check.usable)
    reason = unusable(stand_in)
    assert reason.startswith("shapely>=2.0 (found ")
    assert "AttributeError" in reason


def test_a_module_that_is_not_there_is_reported_as_not_importable():
    reason = unusable(Requirement("ypo_no_such_module", "nothing", "nothing>=1", lambda module: True))
    assert reason.startswith("nothing>=1 (not importable: ")


def test_the_message_names_the_packages_and_how_to_install_them():
    message = dependencies.missing_requirements_message(["shapely>=2.0 (found 1.8.5, but …)"])
    assert "shapely>=2.0 (found 1.8.5" in message
    assert "--no-binary shapely,pyproj 'shapely>=2.0'" in message
