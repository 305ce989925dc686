"""YPO sector planning: a QGIS plugin for the "Your Police Officer" model."""


def classFactory(iface):
    """Entry point QGIS calls to load the plugin."""
    from .plugin import YpoPlugin

    return YpoPlugin(iface)
