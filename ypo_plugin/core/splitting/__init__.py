"""Split base units into contiguous, compact, workload-balanced sectors.

Import from here: :func:`split_sectors` and :class:`SplitResult`, the
workload (:func:`compute_workload`, :func:`exposed_population`; bad
per-unit numbers raise :class:`UnitValueError`) and the
helpers callers name sectors and links with (:func:`district_code`,
:func:`describe_link`, :func:`sector_neighbours`).

Modules, in the order the split uses them
    ``workload``  per-unit workload and the checks of per-unit numbers.
    ``split``     :func:`split_sectors`: district by district, the steps below;
                  sector numbering, messages and :class:`SplitResult`.
    ``graph``     :class:`~.graph.DistrictGraph`, one district's units as a
                  graph with geometry and targets; keeping labels contiguous.
    ``seeding``   starting plan: recursive bisection rounded off by a power diagram.
    ``pieces``    starting plan of a district that links cut into pieces.
    ``coarsen``   coarser graphs of a large district for its starting plan.
    ``moves``     labels with per-sector sums kept up to date, move scores and
                  the connectivity check every move passes.
    ``refine``    the local search: balance, compact, perturb and repair.

Algorithm (per district, on the unit adjacency graph of that district)
    1. *Initial plan.* With an existing plan of the same sector count: its
       sectors. Otherwise a recursive bisection (straight cuts at the workload
       share, the shortest of several directions) gives starting centres for
       a balanced centroidal power diagram (Lloyd's method on the unit
       centroids, with per-sector offsets that balance workload): convex
       cells, so round sectors. Either way each sector then keeps its heaviest
       connected piece and stray pieces join a neighbour. When links (put back
       across barriers, or to islands) cut the district into pieces, the plan
       is made on the tree of pieces first (:mod:`.pieces`): a piece lighter
       than a sector joins one through its link, the sector holding a link
       takes what the pieces behind it lack, and each piece is split on its
       own with those sectors grown from their link ends.
    2. *Balance.* Boundary units move to a neighbouring sector while that lowers
       the total excess over the tolerance (least shape damage first; ties on
       excess broken by squared deviation, which lets surplus flow through full
       sectors). What single moves cannot fix, *ejection chains* do: the sector
       in focus passes or takes a unit, possibly overshooting (a heavy unit in,
       a light one out), and any sector pushed out of tolerance is fixed next,
       a few moves deep.
    3. *Compactness.* Boundary units move when that raises the shape score
       (weighted Polsby-Popper from exact incremental perimeters, plus the
       normalised moment of inertia, a Reock-like roundness) without leaving
       the tolerance; when no single move is left, pairs of moves where the
       second repairs the tolerance the first broke.
    4. *Perturb and repair.* A few rounds of compacting with a relaxed
       tolerance, then balancing and compacting again; the best plan within
       tolerance is kept. This lets coarse units (each worth more than the
       tolerance) trade places.
    Every move keeps the donor sector connected (a local search around the
    moving unit, growing to the whole sector only when needed), so every sector
    stays contiguous by construction. With an existing plan, keeping units in
    their current sector ranks before compactness in every choice, and
    compactness moves never take a unit out of its current sector.

Scale (100,000 units and more): the work per step grows with the units, not
with units × sectors, and the Python loops only see what can change.

* *Multilevel start* (:mod:`.coarsen`): a district of more than 4,000 units and
  24 units per sector is coarsened by handshake matching of neighbouring units
  (roundest pair first; never across a link, so barriers hold; never above
  1/12 of a sector's target) until it is small enough; the recursive bisection
  cuts the coarsest graph, the power diagram runs on the coarsest graph with
  80 nodes per sector and then three iterations on the units, carrying its
  offsets over. The refinement then works on the units as for any district.
* The power diagram lets each unit choose among its nearest sector centres
  only (:data:`.seeding._POWER_CANDIDATES`; all of them for a district of few
  sectors), instead of a units × sectors distance matrix. The bisection
  assembles its same-side graphs as CSR directly.
* *Compacting sweeps* score every boundary move at once with arrays
  (:meth:`.moves.MovablePlan._compacting_units`, with a margin far above
  rounding so no move is missed) and visit, in random order, only the units
  that had a move when the sweep began; each is checked exactly before it
  moves. A sweep finding nothing ends the compacting as before.

Determinism: all randomness comes from the ``numpy.random.Generator``; the same
seed and input give the same labels.

Impossible balance: units are indivisible, so a tolerance can be out of reach
(one unit heavier than a sector's upper bound, or just an unlucky mix). The
search stops after a bounded effort and the result reports the deviation
reached and why, instead of looping.
"""

from .graph import sector_neighbours
from .split import DEFAULT_TOLERANCE_PCT, SplitResult, describe_link, district_code, split_sectors
from .workload import UnitValueError, compute_workload, exposed_population

__all__ = [
    "DEFAULT_TOLERANCE_PCT",
    "SplitResult",
    "UnitValueError",
    "compute_workload",
    "describe_link",
    "district_code",
    "exposed_population",
    "sector_neighbours",
    "split_sectors",
]
