"""What the window says when a training process is lost or stuck (``process_link``): the
sentences, in the ``TrainingRun`` translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def silent_message(code: bool, step_timeout: float | None, silent_seconds: float) -> str:
    """A run that sent nothing for too long was ended."""
    if code:
        return QCoreApplication.translate(
            "TrainingRun",
            "Your code did not finish a training step within {0:g} s (an endless loop?). "
            "Its process was ended; the last weights it showed are kept.").format(step_timeout)
    return QCoreApplication.translate(
        "TrainingRun",
        "The training process did not answer for {0:g} s and was ended; the last "
        "weights it showed are kept.").format(silent_seconds)


def lost_message(memory: bool, garbled: bool, code: bool, memory_mb: int) -> str:
    """The process of a run under way is gone: why, as far as the window can tell."""
    if memory:
        return QCoreApplication.translate(
            "TrainingRun",
            "Your code used more than {0} MB, so its process was ended; the last weights "
            "it showed are kept.").format(memory_mb)
    if garbled:
        return QCoreApplication.translate(
            "TrainingRun",
            "The training process sent something that is not a message of the playground's, "
            "so it was ended; the last weights it showed are kept.")
    if code:
        return QCoreApplication.translate(
            "TrainingRun",
            "The process running your code ended unexpectedly (did your code exit or "
            "crash?); the last weights it showed are kept.")
    return QCoreApplication.translate(
        "TrainingRun",
        "The training process ended unexpectedly; the last weights it showed are kept.")
