"""Static pictures of a timeline or a network, for reports: PNG, SVG or PDF by matplotlib.

Drawn with the encodings of the pages (:mod:`korea_graph.views.styles` and the timeline's
status styles): on a timeline the certain span is solid, the possible span hatched, a
known day a dot, an open end an arrow, each publication a band; in a network the actor
categories are marker shapes and colours, relation families colours, statuses line styles.
matplotlib is imported only when a picture is made (``pip install 'korea_graph[views]'``).

>>> import tempfile, pathlib
>>> from korea_graph import load, timeline_view
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> timeline_view(load(), relations=["met_with"]).picture(folder / "met.svg").suffix
'.svg'
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from ..core.graph import KnowledgeGraph
from ..core.model import Status
from ..core.relations import Relation
from ..errors import DependencyError, QueryError
from ..files import atomic_path
from .styles import (
    CATEGORY_STYLE,
    NOT_HAPPENED_COLOUR,
    RELATION_FAMILIES,
    STATUS_STYLE,
    TIMELINE_STATUS_STYLE,
    family_of,
)


class Timeline(Protocol):
    """What a picture needs of a :class:`~korea_graph.views.timeline_view.Timeline`
    (a protocol, so the pages import this module and not the other way round)."""

    title: str
    window: tuple[date, date]
    rows: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    data: dict[str, Any]


class View(Protocol):
    """What a picture needs of a :class:`~korea_graph.views.network_view.View`."""

    kg: KnowledgeGraph
    title: str
    node_ids: tuple[str, ...]
    relations: tuple[Relation, ...]
    sizes: dict[str, float]
    positions: dict[str, tuple[float, float]] | None

__all__ = ["network_picture", "timeline_picture"]

_FORMATS = ("png", "svg", "pdf")
_MARKERS = {"dot": "o", "hexagon": "h", "square": "s", "triangle": "^", "triangleDown": "v",
            "diamond": "D", "star": "*"}
_LINESTYLE: dict[str, Any] = {"solid": "-", "dashed": "--", "dotted": ":"}
_PUBLISHED = "#ffc400"


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise DependencyError("static pictures need matplotlib: "
                              "pip install 'korea_graph[views]'") from exc
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _target(path: str | os.PathLike[str]) -> tuple[Path, str]:
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in _FORMATS:
        raise QueryError(f"cannot write a picture as {target.name!r}: the file name must end "
                         f"in {', '.join('.' + f for f in _FORMATS)}")
    target.parent.mkdir(parents=True, exist_ok=True)
    return target, kind


def timeline_picture(t: Timeline, path: str | os.PathLike[str], *, width: float = 12,
                     height: float | None = None, dpi: int = 150,
                     window: tuple[date, date] | None = None) -> Path:
    """Draw ``t`` into ``path``: one line per record under its row heading, over the
    page's first window (``window`` to choose another; what lies outside is marked at the
    edge with an arrow)."""
    plt = _pyplot()  # first: without matplotlib, the DependencyError naming the extra
    from matplotlib.patches import Patch

    target, kind = _target(path)
    first, last = window or t.window
    lines = {line["id"]: line for line in t.lines}
    order: list[tuple[str, dict[str, Any] | None]] = []
    for row in t.rows:
        order.append((row["label"], None))
        order.extend((lines[i]["caption"], lines[i]) for i in row["lines"])
    n = len(order)
    fig, ax = plt.subplots(figsize=(width, height or max(3.0, 0.24 * n + 1.4)), dpi=dpi)
    styles = {s.value: v for s, v in TIMELINE_STATUS_STYLE.items()}
    span = (last - first).days or 1

    def x(day: str) -> float:
        return float((date.fromisoformat(day) - first).days)

    for y, (_, line) in enumerate(order):
        if line is None:
            ax.axhspan(y - 0.5, y + 0.5, color="#f0f0f0", zorder=0)
            continue
        fill, border, style = styles[line["status"]]
        start, end = max(x(line["start"]), 0.0), min(x(line["end"]), float(span))
        if line["point"]:
            if 0 <= x(line["start"]) <= span:
                ax.plot(x(line["start"]) + 0.5, y, "o", ms=7, color=fill, mec=border,
                        zorder=3)
        elif end > start:
            ax.barh(y, end - start, left=start, height=0.6, color="white", edgecolor=border,
                    hatch="/////", linestyle=_LINESTYLE[style], linewidth=1.0, zorder=2)
            if line["certain"]:
                a = max(x(line["certain"][0]), 0.0)
                b = min(x(line["certain"][1]), float(span))
                if b > a:
                    ax.barh(y, b - a, left=a, height=0.6, color=fill, edgecolor=border,
                            linestyle=_LINESTYLE[style], linewidth=1.0, zorder=3)
        if line["openStart"] or x(line["start"]) < 0:
            ax.plot(max(start, 0.0), y, "<", ms=5, color=border, zorder=4)
        if line["openEnd"] or x(line["end"]) > span:
            ax.plot(min(end, float(span)), y, ">", ms=5, color=border, zorder=4)
        if line["status"] == Status.DID_NOT_HAPPEN.value:
            ax.plot([start, max(end, start + 1)], [y, y], color=NOT_HAPPENED_COLOUR, lw=1.2,
                    zorder=4)
    for pub in t.data["published"]:
        a, b = max(x(pub["start"]), 0.0), min(x(pub["end"]), float(span))
        if b > a:
            ax.axvspan(a, b, color=_PUBLISHED, alpha=0.25, zorder=1)
            ax.text(a, -0.9, f"as known on {pub['when']}", fontsize=7, color="#7a5a00",
                    va="bottom")
    ax.set_xlim(0, span)
    ax.set_ylim(n - 0.5, -1.2)
    ax.set_yticks(range(n))
    ax.set_yticklabels([_clip(label, 58) for label, _ in order], fontsize=7)
    for tick, (_, line) in zip(ax.get_yticklabels(), order, strict=True):
        if line is None:
            tick.set_fontweight("bold")
    ticks = _month_ticks(first, last)
    ax.set_xticks([(d - first).days for d in ticks])
    ax.set_xticklabels([d.strftime("%d %b") if span <= 120 else
                        d.strftime("%b %Y") for d in ticks], fontsize=7)
    ax.set_xlabel(f"{first.isoformat()} to {(last - timedelta(days=1)).isoformat()}",
                  fontsize=7)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [Patch(facecolor=styles["occurred"][0], edgecolor=styles["occurred"][1],
                     label="certainly covered"),
               Patch(facecolor="white", edgecolor=styles["occurred"][1], hatch="/////",
                     label="possibly covered"),
               Patch(facecolor=_PUBLISHED, alpha=0.25, label="as known on (publication)")]
    shown = {line["status"] for line in t.lines}
    handles += [Patch(facecolor=f, edgecolor=b, linestyle=_LINESTYLE[st],
                      label=s.value.replace("_", " "))
                for s, (f, b, st) in TIMELINE_STATUS_STYLE.items() if s.value in shown]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False, title="● a known day, ◀ ▶ open or beyond the edge",
              title_fontsize=7)
    ax.set_title(t.title, fontsize=9, loc="left")
    _save(plt, fig, target, kind, dpi)
    return target


def network_picture(v: View, path: str | os.PathLike[str], *, width: float = 12,
                    height: float = 8, dpi: int = 150, labels: int = 40) -> Path:
    """Draw ``v`` into ``path``: positions from the view's networkx layout (or a seeded
    spring layout), the ``labels`` largest actors named."""
    import networkx as nx

    plt = _pyplot()  # first: without matplotlib, the DependencyError naming the extra
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    target, kind = _target(path)
    pos: dict[str, tuple[float, float]]
    if v.positions is not None:
        pos = {n: (x, -y) for n, (x, y) in v.positions.items()}  # the page's y grows down
    else:
        g = nx.Graph()
        g.add_nodes_from(v.node_ids)
        g.add_edges_from((r.source, r.target) for r in v.relations)
        spread = (nx.kamada_kawai_layout(g) if 2 < len(g) <= 300 and nx.is_connected(g)
                  else nx.spring_layout(g, seed=7, k=1.6 / max(len(g), 1) ** 0.5))
        pos = {n: (float(p[0]), float(p[1])) for n, p in spread.items()}
    fig, ax = plt.subplots(figsize=(width, height), dpi=dpi)
    groups: dict[tuple[str, Any], list[tuple[tuple[float, float], tuple[float, float]]]] = {}
    for rel in v.relations:
        colour = (NOT_HAPPENED_COLOUR if rel.status is Status.DID_NOT_HAPPEN
                  else RELATION_FAMILIES[family_of(rel.type)][0])
        dashes = STATUS_STYLE[rel.status][0]
        style: Any = _dash(dashes)
        groups.setdefault((colour, style), []).append((pos[rel.source], pos[rel.target]))
    for (colour, style), segments in groups.items():
        ax.add_collection(LineCollection(segments, colors=colour, linestyles=style,
                                         linewidths=0.9, alpha=0.8, zorder=1))
    top = max(v.sizes.values(), default=1.0) or 1.0
    for category, (shape, colour) in CATEGORY_STYLE.items():
        ids = [n for n in v.node_ids if v.kg.actors[n].kind.category == category]
        if ids:
            ax.scatter([pos[n][0] for n in ids], [pos[n][1] for n in ids],
                       s=[40 + 260 * v.sizes[n] / top for n in ids], c=colour,
                       marker=_MARKERS[shape], edgecolors="#333333", linewidths=0.6,
                       zorder=2, label=category)
    named = sorted(v.node_ids, key=lambda n: -v.sizes[n])[:labels]
    for n in named:
        ax.annotate(_clip(v.kg.actors[n].label, 28), pos[n], xytext=(0, 7),
                    textcoords="offset points", ha="center", fontsize=7, zorder=3,
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                          "alpha": 0.7})
    families = {family_of(r.type) for r in v.relations}
    handles = ax.get_legend_handles_labels()[0] + [
        Line2D([], [], color=c, label=f) for f, (c, _) in RELATION_FAMILIES.items()
        if f in families]
    statuses = {r.status for r in v.relations}
    handles += [Line2D([], [], color="#444444" if s is not Status.DID_NOT_HAPPEN
                       else NOT_HAPPENED_COLOUR,
                       linestyle=_dash(d),
                       label=s.value.replace("_", " "))
                for s, (d, _) in STATUS_STYLE.items() if s in statuses]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0),
              frameon=False, markerscale=0.6)
    ax.set_title(v.title, fontsize=9, loc="left")
    ax.autoscale()
    ax.margins(0.05)
    ax.set_axis_off()
    _save(plt, fig, target, kind, dpi)
    return target


def _save(plt: Any, fig: Any, target: Path, kind: str, dpi: int) -> None:
    """Save with text kept as text in SVG (editable, searchable), then free the figure."""
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.tight_layout()
        try:
            with atomic_path(target) as tmp:
                fig.savefig(tmp, format=kind, dpi=dpi)
        finally:
            plt.close(fig)


def _dash(dashes: list[int] | bool) -> Any:
    """vis-network's dash pattern (pixels) as a matplotlib line style (points)."""
    return (0, tuple(d / 2 for d in dashes)) if isinstance(dashes, list) else "solid"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _month_ticks(first: date, last: date) -> list[date]:
    """First days of months (or of years, for long windows) between ``first`` and ``last``,
    with weekly ticks for short windows."""
    days = (last - first).days
    if days <= 120:
        d = first + timedelta(days=(7 - first.weekday()) % 7)
        out = []
        while d <= last:
            out.append(d)
            d += timedelta(days=7 if days <= 60 else 14)
        return out
    step = 1 if days <= 800 else 12
    out = []
    y, m = first.year, first.month
    while True:
        d = date(y, m, 1)
        if d > last:
            break
        if d >= first:
            out.append(d)
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return out
