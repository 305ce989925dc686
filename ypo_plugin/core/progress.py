"""Progress reporting and cancellation shared by every core function.

Core functions take ``progress(percent)`` and ``is_cancelled()`` callables so
that the Processing layer can wire them to ``QgsProcessingFeedback`` without
the core knowing about QGIS.
"""

from collections.abc import Callable

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """Raised by core functions when the caller asked them to stop."""


def no_progress(percent: float) -> None:
    """Progress callback for callers that do not report progress."""


def never_cancelled() -> bool:
    """Cancel check for callers that never cancel."""
    return False


def raise_if_cancelled(is_cancelled: CancelCheck) -> None:
    """Stop the current computation when the caller has cancelled it."""
    if is_cancelled():
        raise Cancelled()


def scaled(progress: ProgressCallback, start: float, end: float) -> ProgressCallback:
    """A progress callback mapping 0–100 onto ``start``–``end`` of ``progress``."""

    def report(percent: float) -> None:
        progress(start + (end - start) * max(0.0, min(100.0, percent)) / 100.0)

    return report
