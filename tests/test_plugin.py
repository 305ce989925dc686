"""The plugin loads into QGIS, registers its provider and unloads cleanly."""

import sys

from qgis.core import Qgis, QgsApplication

import ypo_plugin


def registry():
    return QgsApplication.processingRegistry()


def test_plugin_loads_and_unloads(qgis_iface):
    plugin = ypo_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        provider = registry().providerById("ypo")
        assert provider is not None
        assert provider.name() == "Your Police Officer"
        assert qgis_iface.messageBar().get_messages(Qgis.Warning) == []
    finally:
        plugin.unload()
    assert registry().providerById("ypo") is None


def test_missing_dependency_is_reported_in_the_message_bar(qgis_iface, monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # makes "import geopandas" fail
    plugin = ypo_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert len(warnings) == 1
        assert "geopandas>=" in warnings[0]
        assert "pip install" in warnings[0]
        provider = registry().providerById("ypo")
        assert not provider.canBeActivated()
        assert "geopandas" in provider.warningMessage()
        assert provider.algorithms() == []
    finally:
        plugin.unload()
        qgis_iface.messageBar().get_messages(Qgis.Warning).clear()
