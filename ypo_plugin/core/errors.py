"""Errors the core raises for bad input; the Processing layer turns them into
``QgsProcessingException`` with the same message."""


class InputError(ValueError):
    """Bad input: the message names the layer, field or value and what to do, in the domain's
    words. ``about`` (optional) says which input it concerns ("staff", "population field", …), so
    an algorithm can name its parameter for it."""

    def __init__(self, message: str = "", about: str | None = None):
        super().__init__(message)
        self.about = about
