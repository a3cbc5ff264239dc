"""Static pictures of the timeline and the network: written, of the size asked, not blank."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import need

from korea_graph import KnowledgeGraph, QueryError, timeline_view, view


def _pixels(path: Path) -> tuple[tuple[int, int], int, float]:
    """Size, number of colours and the share of pixels that are not the background."""
    from PIL import Image

    image = Image.open(path).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    background = max(colours)[0]
    return image.size, len(colours), 1 - background / (image.width * image.height)


@pytest.fixture(autouse=True)
def _matplotlib() -> None:
    need(importlib.util.find_spec("matplotlib") is not None,
         "matplotlib is not installed (pip install '.[views]')")


def test_timeline_picture_png_and_svg(kg: KnowledgeGraph, tmp_path: Path) -> None:
    t = timeline_view(kg)
    png = t.picture(tmp_path / "timeline.png", width=10, dpi=100)
    size, colours, drawn = _pixels(png)
    assert size[0] == 1000 and size[1] > 0.24 * 100 * (len(t.lines) + len(t.rows))
    assert colours > 50 and 0.03 < drawn < 0.6
    svg = t.picture(tmp_path / "timeline.svg")
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    texts = {e.text for e in root.iter("{http://www.w3.org/2000/svg}text")}
    for words in ("Inter-Korean summit of Kim Jong-il and Kim Dae-jung", "possibly covered",
                  "certainly covered", "planned", "posts and memberships"):
        assert words in texts  # text stays text: searchable, editable in a paper
    assert len(list(root.iter())) > 500


def test_network_picture_png_and_svg(kg: KnowledgeGraph, tmp_path: Path) -> None:
    v = view(kg)
    png = v.picture(tmp_path / "network.png", width=8, height=6, dpi=100)
    size, colours, drawn = _pixels(png)
    assert size == (800, 600) and colours > 50 and 0.03 < drawn < 0.6
    text = v.picture(tmp_path / "network.svg").read_text(encoding="utf-8")
    texts = {e.text for e in ET.fromstring(text).iter("{http://www.w3.org/2000/svg}text")}
    assert {"Vladimir Putin", "Igor Ivanov", "person", "contact", "planned"} <= texts


def test_picture_needs_a_known_format(kg: KnowledgeGraph, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"must end in \.png, \.svg, \.pdf"):
        view(kg).picture(tmp_path / "network.gif")
