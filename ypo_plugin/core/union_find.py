"""Disjoint sets (union-find) over the integers 0..n-1.

One structure serves the unit graph (joining groups of units when links are
put back, :mod:`.adjacency`), the sector search that checks a unit may leave
its sector (:mod:`.splitting.moves`) and the merging of sliver faces into
street blocks (:mod:`.sample_district.streets`).
"""

from __future__ import annotations

import numpy as np


class UnionFind:
    """Disjoint sets over 0..size-1, each named by its root element.

    :meth:`union` makes the smaller root the root of the merged set;
    :meth:`attach` puts one set under another's root. Callers that number
    groups by their roots rely on which root survives, so both are kept.
    """

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.count = size  # number of sets

    def find(self, a: int) -> int:
        """Root of the set holding ``a`` (path halving on the way)."""
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(self, a: int, b: int) -> bool:
        """Merge the sets of ``a`` and ``b`` under the smaller root; False if already one."""
        ra, rb = self.find(int(a)), self.find(int(b))
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        self.count -= 1
        return True

    def attach(self, a: int, b: int) -> bool:
        """Put the set of ``a`` under the root of ``b``'s set; False if already one."""
        ra, rb = self.find(int(a)), self.find(int(b))
        if ra == rb:
            return False
        self.parent[ra] = rb
        self.count -= 1
        return True

    def roots(self) -> np.ndarray:
        """The root of every element, as an int64 array."""
        return np.array([self.find(a) for a in range(len(self.parent))], dtype=np.int64)
