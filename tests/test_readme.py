"""The README's Python example runs as printed, and its first commands are the ones CI uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has a Python example"
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    assert len(namespace["answers"]) >= 6  # type: ignore[arg-type]
    assert (tmp_path / "before-the-trip.html").stat().st_size > 10_000


def test_first_commands_are_demo_and_tests() -> None:
    first = re.search(r"```bash\n(.*?)```", README, flags=re.S)
    assert first is not None
    demo, tests = first.group(1).strip().splitlines()
    assert demo == "pip install . && korea-graph demo"
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
