"""Errors the core raises for bad input; the Processing layer turns them into
``QgsProcessingException`` with the same message."""


class InputError(ValueError):
    """Bad input: the message names the layer, field or value and what to do."""
