"""Relations sorted by their time bounds, so that "possibly before / after / during" are
range scans (:mod:`bisect`) instead of a test of every relation.

A :class:`TimeIndex` holds relations of one type in *time order*: by
:meth:`~korea_graph.core.timespan.TimeSpan.sort_key` (earliest, then latest day), ties in
data order, which is the order answers are listed in. For each status it keeps the
positions sorted by each bound a condition reads:

- possibly before ``B``: the relation's lowest end is before ``B``'s latest start, a
  prefix of the positions sorted by lowest end;
- possibly after ``A``: its latest start is after ``A``'s lowest end, a suffix of the
  positions sorted by latest start;
- possibly during ``D`` (overlapping it): its earliest start is not after ``D``'s latest
  end (a prefix) and its latest end not before ``D``'s earliest start (a filter).

Unbounded sides count as the beginning or the end of time, exactly as the
:class:`~korea_graph.core.timespan.TimeSpan` methods read them; the matches are the
relations whose ``possibly_*`` tests hold, nothing more, nothing less.

>>> from korea_graph import load
>>> from korea_graph.core.timespan import TimeSpan
>>> kg = load()
>>> index = TimeIndex(kg.relations("met_with"))
>>> june_27 = TimeSpan.parse("2000-06-27")
>>> found = index.select(before=june_27)
>>> plain = [r for r in kg.relations("met_with") if r.when.possibly_before(june_27)]
>>> found == sorted(plain, key=lambda r: r.when.sort_key())
True
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from .model import Status
from .relations import Relation
from .timespan import TimeSpan

__all__ = ["TimeIndex"]

_MIN, _MAX = date.min, date.max


def _lo(bound: date | None) -> date:
    return _MIN if bound is None else bound


def _hi(bound: date | None) -> date:
    return _MAX if bound is None else bound


class _Column:
    """The positions (in time order) of one status' relations, sorted by one bound."""

    __slots__ = ("keys", "positions")

    def __init__(self, keys: list[date], positions: list[int]) -> None:
        order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: ties by position
        self.keys = [keys[i] for i in order]
        self.positions = [positions[i] for i in order]


class TimeIndex:
    """Relations in time order with per-status range indexes on their bounds."""

    def __init__(self, relations: Iterable[Relation]) -> None:
        # sorted() is stable: ties keep data order
        self.relations: list[Relation] = sorted(relations, key=lambda r: r.when.sort_key())
        by_status: dict[Status, list[int]] = {}
        for position, rel in enumerate(self.relations):
            by_status.setdefault(rel.status, []).append(position)
        spans = [rel.when for rel in self.relations]
        self._end_lo: dict[Status, _Column] = {}
        self._start_hi: dict[Status, _Column] = {}
        self._start_lo: dict[Status, _Column] = {}
        for status, positions in by_status.items():
            self._end_lo[status] = _Column([_lo(spans[p].end_min) for p in positions],
                                           positions)
            self._start_hi[status] = _Column([_hi(spans[p].start_max) for p in positions],
                                             positions)
            # in time order already: start_lo never decreases along the positions
            self._start_lo[status] = _Column([_lo(spans[p].start_min) for p in positions],
                                             positions)

    def __len__(self) -> int:
        return len(self.relations)

    def select(self, *, before: TimeSpan | None = None, after: TimeSpan | None = None,
               during: TimeSpan | None = None, statuses: Iterable[Status] | None = None
               ) -> Sequence[Relation]:
        """The relations of ``statuses`` (all if None) whose time *possibly* lies before
        ``before``, after ``after`` and overlaps ``during``, in time order.

        With one condition (or none), the answer is a lazy sequence whose length is known
        from the index alone; the relations are listed on first read."""
        wanted: Sequence[Status] = (list(self._end_lo) if statuses is None
                                    else [s for s in statuses if s in self._end_lo])
        if during is None and (before is None or after is None):
            # one range condition: the count is known from the bisections alone, and the
            # relations are listed only when read
            ranges = [self._range(status, before, after, None) for status in wanted]
            return _Selection(self.relations, ranges)
        positions: list[int] = []
        for status in wanted:
            positions += self._range(status, before, after, during)
        checks: list[Callable[[Relation], bool]] = []
        if after is not None and before is not None:
            low = _lo(after.end_min)
            checks.append(lambda r: low < _hi(r.when.start_max))
        if during is not None:
            d_lo, d_hi = _lo(during.start_min), _hi(during.end_max)
            if before is None and after is None:  # the range already kept start <= d_hi
                checks.append(lambda r: d_lo <= _hi(r.when.end_max))
            else:
                checks.append(lambda r: _lo(r.when.start_min) <= d_hi
                              and d_lo <= _hi(r.when.end_max))
        positions.sort()
        rels = self.relations
        return [rel for rel in (rels[p] for p in positions) if all(c(rel) for c in checks)]

    def _range(self, status: Status, before: TimeSpan | None, after: TimeSpan | None,
               during: TimeSpan | None) -> Sequence[int]:
        """Positions meeting the first condition given (the others are checked after)."""
        if before is not None:
            column = self._end_lo[status]
            return _Slice(column.positions, 0, bisect_left(column.keys,
                                                           _hi(before.start_max)))
        if after is not None:
            column = self._start_hi[status]
            return _Slice(column.positions, bisect_right(column.keys, _lo(after.end_min)),
                          len(column.keys))
        if during is not None:
            column = self._start_lo[status]
            return _Slice(column.positions, 0, bisect_right(column.keys, _hi(during.end_max)))
        positions = self._end_lo[status].positions
        return _Slice(positions, 0, len(positions))


class _Slice(Sequence[int]):
    """``items[start:stop]`` without copying until iterated."""

    __slots__ = ("items", "start", "stop")

    def __init__(self, items: list[int], start: int, stop: int) -> None:
        self.items, self.start, self.stop = items, start, stop

    def __len__(self) -> int:
        return self.stop - self.start

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return self.items[self.start + index]

    def __iter__(self) -> Iterator[int]:
        return iter(self.items[self.start:self.stop])


class _Selection(Sequence[Relation]):
    """Relations at positions given by several ranges, in position (time) order; the
    length is the sum of the ranges, the list is made on first read."""

    __slots__ = ("_listed", "_ranges", "_relations", "_size")

    def __init__(self, relations: list[Relation], ranges: list[Sequence[int]]) -> None:
        self._relations = relations
        self._ranges = ranges
        self._size = sum(len(r) for r in ranges)
        self._listed: list[Relation] | None = None

    def _list(self) -> list[Relation]:
        if self._listed is None:
            positions: list[int] = []
            for r in self._ranges:
                positions += r
            positions.sort()
            rels = self._relations
            self._listed = [rels[p] for p in positions]
        return self._listed

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> Relation:  # type: ignore[override]
        return self._list()[index]

    def __iter__(self) -> Iterator[Relation]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        return list(self) == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]
