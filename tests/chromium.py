"""Headless Chromium driven over the DevTools protocol (CDP), for tests and screenshots.

A :class:`Chromium` starts ``/usr/bin/chromium --headless`` with a fresh profile and a
debugging port the OS picks, and talks CDP over one websocket (sessions "flattened"
onto it). A :class:`Page` records every network request, console message, exception
and log entry, evaluates JavaScript, clicks and takes PNG screenshots; :func:`png_info`
decodes a PNG with the standard library to check it is not blank.

Also a command line, so the README picture comes from the code the tests run::

    python -m tests.chromium screenshot docs/img/view.png
    python -m tests.chromium screenshot --timeline docs/img/timeline.png
    python -m tests.chromium review docs/img/review.png
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import websocket

BINARY = "chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--hide-scrollbars", "--remote-debugging-port=0",
]


class CDPError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Chromium:
    """One headless Chromium; use as a context manager, open pages with :meth:`new_page`."""

    def __init__(self, binary: str | None = None, timeout: float = 30.0) -> None:
        path = binary or shutil.which(BINARY)
        if path is None:
            raise CDPError("chromium is not installed (Debian package 'chromium')")
        self.profile = Path(tempfile.mkdtemp(prefix="kg-chromium-"))
        self.log = (self.profile / "stderr.log").open("wb")
        self.process = subprocess.Popen(
            [path, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
        )
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise CDPError("chromium did not start: " + self._stderr_tail())
            time.sleep(0.05)
        port, path_ = port_file.read_text().splitlines()[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path_}",
                                              timeout=timeout, suppress_origin=True)
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._pages: dict[str, Page] = {}

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _stderr_tail(self) -> str:
        try:
            return (self.profile / "stderr.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    # -- protocol ------------------------------------------------------------------------
    def send(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 60.0) -> dict[str, Any]:
        """Send one command and wait for its answer, filing events as they come."""
        self._next_id += 1
        command_id = self._next_id
        message: dict[str, Any] = {"id": command_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while command_id not in self._replies:
            if time.monotonic() > deadline:
                raise CDPError(f"no answer to {method} in {timeout} s")
            self._receive(deadline - time.monotonic())
        reply = self._replies.pop(command_id)
        if "error" in reply:
            raise CDPError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def pump(self, seconds: float) -> None:
        """File the events that arrive within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._receive(deadline - time.monotonic())

    def _receive(self, timeout: float) -> dict[str, Any] | None:
        self.ws.settimeout(max(timeout, 0.01))
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException:
            return None
        message: dict[str, Any] = json.loads(raw)
        if "id" in message:
            self._replies[message["id"]] = message
        elif "method" in message:
            page = self._pages.get(message.get("sessionId", ""))
            if page is not None:
                page.events.append(message)
                if message["method"] == "Target.attachedToTarget":
                    self._attach_child(page, message["params"])
        return message

    def _attach_child(self, parent: Page, params: dict[str, Any]) -> None:
        """An out-of-process iframe (a sandboxed ``srcdoc`` one, say) is a target of its
        own: record it like a page, then let it run."""
        child = Page(self, params["targetInfo"]["targetId"], params["sessionId"])
        self._pages[child.session] = child
        parent.children.append(child)
        self._prepare(child)
        if params.get("waitingForDebugger"):
            child.send("Runtime.runIfWaitingForDebugger")

    def _prepare(self, page: Page) -> None:
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.send(f"{domain}.enable")
        page.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                           "flatten": True})

    def new_page(self, width: int = 1200, height: int = 800) -> Page:
        """A fresh tab of the given viewport size, with network, console and log recorded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        self._pages[session] = page
        self._prepare(page)
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        page.width, page.height = width, height
        return page


@dataclass
class Page:
    """One tab. ``events`` holds every CDP event of the tab, in order."""

    browser: Chromium
    target: str
    session: str
    width: int = 0
    height: int = 0

    def __post_init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.children: list[Page] = []  #: out-of-process iframes, as pages of their own

    def send(self, method: str, params: dict[str, Any] | None = None,
             timeout: float = 60.0) -> dict[str, Any]:
        """A command to this tab."""
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def close(self) -> None:
        """Close the tab."""
        self.browser.send("Target.closeTarget", {"targetId": self.target})
        self.browser._pages.pop(self.session, None)

    def goto(self, url: str, timeout: float = 60.0) -> None:
        """Navigate and wait for the load event."""
        seen = len(self.events)
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while not any(e["method"] == "Page.loadEventFired" for e in self.events[seen:]):
            if time.monotonic() > deadline:
                raise CDPError(f"{url} did not load in {timeout} s")
            self.browser.pump(0.05)

    def evaluate(self, expression: str, timeout: float = 60.0, frame: str | None = None) -> Any:
        """The value of a JavaScript expression (promises are awaited), in the main frame or
        in the frame with id ``frame`` (an iframe)."""
        params: dict[str, Any] = {"expression": expression, "returnByValue": True,
                                  "awaitPromise": True}
        if frame is not None:
            params["contextId"] = self.context_of(frame)
        result = self.send("Runtime.evaluate", params, timeout=timeout)
        if "exceptionDetails" in result:
            raise CDPError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    def context_of(self, frame: str) -> int:
        """The id of the newest default JavaScript context of a frame."""
        for event in reversed(self.events):
            if event["method"] == "Runtime.executionContextCreated":
                context = event["params"]["context"]
                aux = context.get("auxData", {})
                if aux.get("frameId") == frame and aux.get("isDefault"):
                    return int(context["id"])
        raise CDPError(f"no JavaScript context for frame {frame}")

    def child_frames(self) -> list[str]:
        """Ids of the frames inside the main frame (iframes), in document order."""
        tree = self.send("Page.getFrameTree")["frameTree"]
        return [child["frame"]["id"] for child in tree.get("childFrames", [])]

    def wait_for(self, expression: str, timeout: float = 60.0, frame: str | None = None) -> Any:
        """Poll until ``expression`` is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = self.evaluate(expression, frame=frame)
            except CDPError:
                if time.monotonic() > deadline:
                    raise
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise CDPError(f"{expression!r} still false after {timeout} s")
            self.browser.pump(0.05)

    def open_view(self, path: str | os.PathLike[str], timeout: float = 120.0) -> None:
        """Load a saved korea_graph view and wait until its layout has settled."""
        self.goto(Path(path).resolve().as_uri(), timeout)
        self.wait_for("window.koreaGraph !== undefined && window.koreaGraph.ready", timeout)

    def click(self, x: float, y: float) -> None:
        """A left click at page coordinates."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def screenshot(self) -> bytes:
        """A PNG of the viewport."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        return base64.b64decode(data)

    # -- what the page did -----------------------------------------------------------------
    @property
    def requests(self) -> list[str]:
        """The URL of every request the tab and its out-of-process iframes started."""
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"] + [
            url for child in self.children for url in child.requests]

    @property
    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations too),
        of the page and its out-of-process iframes."""
        out = []
        for e in self.events:
            p = e["params"]
            if e["method"] == "Runtime.exceptionThrown":
                details = p["exceptionDetails"]
                out.append("exception: " + str(details.get("exception", {}).get(
                    "description", details.get("text"))))
            elif e["method"] == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description")))
                                                  for a in p["args"]))
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append("log: " + p["entry"]["text"])
        return out + [error for child in self.children for error in child.errors]


@dataclass(frozen=True)
class PngInfo:
    """What a screenshot shows: its size, how many colours, and the share of pixels that
    differ from the most common colour (the background)."""

    width: int
    height: int
    colours: int
    foreground: float


def png_info(data: bytes) -> PngInfo:
    """Decode an 8-bit RGB or RGBA PNG (as Chromium writes them) with zlib alone."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    chunks = dict[str, bytes]()
    idat = bytearray()
    pos = 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks.setdefault(kind.decode("ascii"), body)
        pos += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks["IHDR"][:10])
    if depth != 8 or colour_type not in (2, 6):
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    previous = bytearray(stride)
    counts: Counter[bytes] = Counter()
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1:start + 1 + stride])
        _unfilter(raw[start], line, previous, bpp)
        pixels = bytes(line)
        counts.update(pixels[i:i + bpp] for i in range(0, stride, bpp))
        previous = line
    background = counts.most_common(1)[0][1]
    return PngInfo(width, height, len(counts), 1 - background / (width * height))


def _unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    n = len(line)
    if kind == 0:
        return
    if kind == 2:
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 0xFF
        return
    for i in range(n):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            up = prev[i]
            corner = prev[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + pred) & 0xFF
        else:
            raise ValueError(f"bad PNG filter type {kind}")


def screenshot_view(html: str | os.PathLike[str], png: str | os.PathLike[str],
                    width: int = 1200, height: int = 800) -> PngInfo:
    """Open a saved view in headless Chromium and write a PNG of it; fails on any console
    error or network request."""
    with Chromium() as browser:
        page = browser.new_page(width, height)
        page.open_view(html)
        browser.pump(0.3)
        shot = page.screenshot()
        bad = [u for u in page.requests if not u.startswith(("file:", "data:"))]
        if page.errors or bad:
            raise CDPError(f"the page logged errors {page.errors} or requested {bad}")
    Path(png).parent.mkdir(parents=True, exist_ok=True)
    Path(png).write_bytes(shot)
    return png_info(shot)


REVIEW_TEXT = (Path(__file__).parent / "fixtures" / "news" /
               "07_voa_g8-clinton-putin-nk-missile-offer_2000-07-21.txt")


def screenshot_review(png: str | os.PathLike[str], width: int = 1300,
                      height: int = 820) -> PngInfo:
    """The review page of the VOA dev text, half reviewed, an event being edited (its
    participants marked in the text): the picture of docs/curation.md."""
    import korea_graph
    from korea_graph.curation.review_session import ReviewSession
    from korea_graph.views.review_web import ReviewServer

    folder = Path(tempfile.mkdtemp(prefix="kg-review-"))
    png = Path(png).resolve()
    here = Path.cwd()
    try:
        korea_graph.draft_file(REVIEW_TEXT, published="2000-07-21", source="Voice of America",
                               base=korea_graph.load()).write(folder / "voa.draft.yaml")
        os.chdir(folder)  # the page shows the curated file's name as given: voa.yaml
        session = ReviewSession("voa.draft.yaml")
        for e in session.entries()[:7]:
            session.decide({"op": "accept", "id": e.id, "version": e.version})
        for rid in ("david-gollust", "north"):
            session.decide({"op": "reject", "id": rid, "version": session.entry(rid)["version"]})
        session.decide({"op": "merge", "id": "korea", "into": "north-korea",
                        "version": session.entry("korea")["version"]})
        talks = next(e.id for e in session.entries() if e.id.endswith("-putin-talks"))
        session.decide({"op": "link", "id": talks, "same_as": None,
                        "version": session.entry(talks)["version"]})
        with ReviewServer(session) as server, Chromium() as browser:
            page = browser.new_page(width, height)
            page.goto(server.url)
            page.wait_for("window.koreaGraph && koreaGraph.ready", 30)
            page.evaluate(f"document.querySelector('.rv-card[data-id={json.dumps(talks)}]')"
                          ".click()")
            page.evaluate("koreaGraph.whenIdle()")
            for kind in ("keyDown", "keyUp"):
                page.send("Input.dispatchKeyEvent", {"type": kind, "key": "e", "text": "e"})
            page.evaluate("koreaGraph.whenIdle()")
            page.evaluate("(function () { var s = document.querySelector('.rv-form "
                          "select[name=type]'); s.value = 'meeting'; s.dispatchEvent(new "
                          "Event('change')); })()")
            clinton = page.evaluate("(function () { var e = document.querySelector("
                                    "'#rv-text .rv-m[data-actor=clinton][data-s=\"" +
                                    str(session.text.index("Clinton and Mr. Putin")) +
                                    "\"]'); e.scrollIntoView({block: 'center'}); var r = "
                                    "e.getBoundingClientRect(); return [r.left + 4, r.top + 4];"
                                    " })()")
            page.click(*clinton)
            page.evaluate("koreaGraph.whenIdle()")
            page.evaluate("document.querySelector('.rv-current').scrollIntoView({block: "
                          "'start'})")
            page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": width - 20,
                                                   "y": height - 20})  # no hover shown
            browser.pump(0.3)
            shot = page.screenshot()
            if page.errors:
                raise CDPError(f"the page logged errors {page.errors}")
    finally:
        os.chdir(here)
        shutil.rmtree(folder, ignore_errors=True)
    png.parent.mkdir(parents=True, exist_ok=True)
    png.write_bytes(shot)
    return png_info(shot)


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.chromium screenshot FILE``: the README picture of the curated graph;
    ``python -m tests.chromium review FILE``: the review page's picture."""
    parser = argparse.ArgumentParser(prog="python -m tests.chromium")
    sub = parser.add_subparsers(dest="command", required=True)
    shot = sub.add_parser("screenshot", help="a PNG of the curated graph's view")
    shot.add_argument("output", type=Path)
    shot.add_argument("--timeline", action="store_true", help="the timeline, not the network")
    shot.add_argument("--width", type=int, default=1200)
    shot.add_argument("--height", type=int, default=800)
    page = sub.add_parser("review", help="a PNG of the review page of a dev text")
    page.add_argument("output", type=Path)
    page.add_argument("--width", type=int, default=1300)
    page.add_argument("--height", type=int, default=820)
    args = parser.parse_args(argv)
    if args.command == "review":
        info = screenshot_review(args.output, args.width, args.height)
        print(f"{args.output}: {info.width}x{info.height}, {info.colours} colours")
        return 0
    import korea_graph
    from korea_graph.views.network_view import view
    from korea_graph.views.timeline_view import timeline_view

    with _temporary_html() as html:
        (timeline_view if args.timeline else view)(korea_graph.load()).save(html)
        info = screenshot_view(html, args.output, args.width, args.height)
    print(f"{args.output}: {info.width}x{info.height}, {info.colours} colours, "
          f"{info.foreground:.1%} drawn")
    return 0


def _temporary_html() -> Any:
    from contextlib import contextmanager

    @contextmanager
    def make() -> Iterator[Path]:
        folder = Path(tempfile.mkdtemp(prefix="kg-view-"))
        try:
            yield folder / "view.html"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return make()


if __name__ == "__main__":
    sys.exit(main())
