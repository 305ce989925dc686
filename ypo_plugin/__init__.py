"""YPO sector planning: a QGIS plugin for the "Your Police Officer" model."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    """Entry point QGIS calls to load the plugin."""
    from .plugin import YpoPlugin

    return YpoPlugin(iface)
