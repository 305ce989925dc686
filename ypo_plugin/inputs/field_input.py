"""Fields chosen in parameters that must hold numbers: the field's type checked before reading,
and the values checked once read."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from ..core.lazy import lazy_module
from ..i18n import tr

np = lazy_module("numpy")
pd = lazy_module("pandas")


def numeric_field(algorithm, parameters, name, context, source, layer_description) -> str:
    """A required field (see :meth:`~..algorithms.base.YpoAlgorithm.checked_field`) that must hold numbers."""
    field_name = algorithm.checked_field(parameters, name, context, source, layer_description, required=True)
    index = source.fields().lookupField(field_name)  # an empty layer may lack it (see checked_field)
    if index >= 0 and not source.fields().at(index).isNumeric():
        raise QgsProcessingException(
            tr(
                "{parameter}: the field '{field}' of '{layer}' is not numeric; choose a field "
                "holding numbers.",
                parameter=name,
                field=field_name,
                layer=layer_description,
            )
        )
    return field_name


def numeric_values(column: pd.Series, parameter: str, field: str, layer: str) -> np.ndarray:
    """Numbers of an attribute column indexed by feature id (None → NaN); the first non-number
    is named in the error."""
    numbers = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(numbers) & ~column.isna().to_numpy()
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise QgsProcessingException(
            tr(
                "{parameter}: field '{field}' of the layer '{layer}' is not numeric — feature {feature} has "
                "'{value}'. Choose a field holding numbers.",
                parameter=parameter,
                field=field,
                layer=layer,
                feature=column.index[first],
                value=column.iloc[first],
            )
        )
    return numbers
