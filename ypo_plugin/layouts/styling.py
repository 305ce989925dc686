"""Styles for algorithm outputs: stored in the GeoPackage as the layer's
default style (so any QGIS opening the file sees it) and applied when
Processing loads the output into the project."""

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

from ..i18n import tr
from ..qgis_compat import save_default_style
from ..resources import style_path


class _ApplyStyle(QgsProcessingLayerPostProcessorInterface):
    # QGIS keeps only a C++ pointer to a post-processor: hold the Python
    # objects here so they live until QGIS calls them.
    _pending = []

    def __init__(self, qml_path: str):
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback):
        layer.loadNamedStyle(self.qml_path)
        layer.triggerRepaint()

    @classmethod
    def create(cls, qml_path: str) -> "_ApplyStyle":
        post_processor = cls(qml_path)
        cls._pending.append(post_processor)
        return post_processor


def store_default_style(uri: str, style_name: str) -> None:
    """Save ``styles/<style_name>.qml`` as the default style of the GeoPackage layer ``uri``."""
    layer = QgsVectorLayer(uri, style_name, "ogr")
    message, loaded = layer.loadNamedStyle(str(style_path(style_name)))
    if not loaded:
        raise RuntimeError(
            tr("Style '{style}' could not be loaded: {error}", style=style_name, error=message)
        )
    _remove_stored_style(layer, style_name)
    error = save_default_style(layer, style_name, "YPO sector planning")
    if error:
        raise RuntimeError(
            tr(
                "Style '{style}' could not be stored in {uri}: {error}",
                style=style_name,
                uri=uri,
                error=error,
            )
        )


def _remove_stored_style(layer: QgsVectorLayer, style_name: str) -> None:
    """Delete ``layer``'s stored styles named ``style_name`` (left by an earlier run writing the
    same table): saving over one makes QGIS 3.22 ask "overwrite?" in a message box, which
    waits forever in qgis_process."""
    related, ids, names, _, _ = layer.listStylesInDatabase()
    for style_id, name in zip(ids[:related], names[:related], strict=True):
        if name == style_name:
            deleted, error = layer.deleteStyleFromDatabase(style_id)
            if not deleted:
                raise RuntimeError(
                    tr(
                        "The old style '{style}' in {source} could not be replaced: {error}",
                        style=style_name,
                        source=layer.source(),
                        error=error,
                    )
                )


def load_on_completion(
    context: QgsProcessingContext, uri: str, layer_name: str, style_name: str, output_name: str
) -> None:
    """Ask Processing to add ``uri`` to the project when the algorithm ends, styled."""
    if context.project() is None:
        return
    details = QgsProcessingContext.LayerDetails(layer_name, context.project(), output_name)
    details.setPostProcessor(_ApplyStyle.create(str(style_path(style_name))))
    context.addLayerToLoadOnCompletion(uri, details)


def style_sink_output(
    context: QgsProcessingContext, dest_id: str, style_name: str, default_name: str, output_name: str
) -> None:
    """Style a finished (closed) sink output: stored as the default style when it
    is a GeoPackage layer, applied when Processing loads it."""
    if dest_id.split("|")[0].lower().endswith(".gpkg"):
        store_default_style(dest_id, style_name)
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        load_on_completion(context, dest_id, details.name or default_name, style_name, output_name)
