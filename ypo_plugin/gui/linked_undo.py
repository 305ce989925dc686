"""Keep the undo stacks of two layers in step for edits that span both.

QGIS keeps one undo stack per layer, and its Undo/Redo act on the active
layer only. A unit move edits two layers (the units' ``sector_id`` and the
sector polygons that follow), each in one edit command; the two commands get
the same unique text and are *linked* here. Undoing (or redoing) a linked
command on either stack undoes (redoes) its partner on the other stack, so
the move is one undo step whichever layer is active, from the Undo button,
Ctrl+Z or the Undo/Redo panel.

An undo stack can only go back in order: undoing a move's sector polygons
also undoes sector edits made after the move. Committing or rolling back one
layer alone clears its stack and breaks its links (the other layer's command
is then undone on its own); save or discard both layers together.
"""

import itertools

from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject

_numbers = itertools.count(1)


def unique_command_text(text: str) -> str:
    """An edit command text that no other linked command has (shown in the Undo/Redo panel)."""
    return f"{text} [#{next(_numbers)}]"


class LinkedUndo(QObject):
    """Links edit commands of several undo stacks by their (unique) text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._links: dict[str, list[int]] = {}
        self._stacks: dict[int, object] = {}
        self._last_index: dict[int, int] = {}
        self._syncing = False

    def link(self, text: str, layers) -> None:
        """Link the commands called ``text`` on the undo stacks of ``layers`` (already pushed)."""
        keys = []
        for layer in layers:
            stack = layer.undoStack()
            key = self._watch(stack)
            keys.append(key)
        self._links[text] = keys

    def linked_texts(self) -> list[str]:
        return list(self._links)

    def _watch(self, stack) -> int:
        key = sip.unwrapinstance(stack)
        if key not in self._stacks:
            self._stacks[key] = stack
            stack.indexChanged.connect(lambda index, key=key: self._index_changed(key, index))
            stack.destroyed.connect(lambda _=None, key=key: self._forget(key))
        self._last_index[key] = stack.index()
        return key

    def _forget(self, key: int) -> None:
        self._stacks.pop(key, None)
        self._last_index.pop(key, None)
        self._links = {text: keys for text, keys in self._links.items() if key not in keys}

    def _index_changed(self, key: int, index: int) -> None:
        old = self._last_index.get(key, index)
        self._last_index[key] = index
        if self._syncing or index == old:
            return
        stack = self._stacks[key]
        low, high = sorted((old, index))
        texts = [stack.command(i).text() for i in range(low, high) if stack.command(i) is not None]
        undo = index < old
        targets: dict[int, int] = {}
        for text in texts:
            for other in self._links.get(text, ()):
                if other == key or other not in self._stacks:
                    continue
                position = _position(self._stacks[other], text)
                if position is None:
                    continue
                wanted = position if undo else position + 1
                current = targets.get(other)
                targets[other] = wanted if current is None else (min if undo else max)(current, wanted)
        self._syncing = True
        try:
            for other, wanted in targets.items():
                other_stack = self._stacks[other]
                if (undo and other_stack.index() > wanted) or (not undo and other_stack.index() < wanted):
                    other_stack.setIndex(wanted)
                self._last_index[other] = other_stack.index()
        finally:
            self._syncing = False


def _position(stack, text: str) -> int | None:
    for i in range(stack.count() - 1, -1, -1):
        command = stack.command(i)
        if command is not None and command.text() == text:
            return i
    return None
