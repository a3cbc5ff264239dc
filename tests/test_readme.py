"""The README's Python example runs as printed, and its first commands are the ones CI uses."""

from __future__ import annotations

import re
import subprocess
import venv
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


CLEAN_CHECK = """
import korea_graph
for call, extra in [(lambda: korea_graph.sparql(kg, "ASK {}"), "fast"),
                    (lambda: korea_graph.validate(kg), "validate")]:
    try:
        call()
    except korea_graph.DependencyError as exc:
        assert f"pip install 'korea_graph[{extra}]'" in str(exc), exc
    else:
        raise AssertionError(f"{extra}: no DependencyError")
assert len(answers) >= 6 and len(answers.to_frame()) == len(answers)
print("README example ran")
"""


@pytest.mark.slow
def test_python_example_runs_after_only_the_first_install(wheel: Path, tmp_path: Path) -> None:
    """A fresh venv, ``pip install .`` (the wheel of this tree, its dependencies from the
    index), then the README's Python example and ``korea-graph demo``, as a new user would;
    the calls that need an extra name it."""
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python, bin_dir = env / "bin" / "python", env / "bin"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True, timeout=900)
    installed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"],
                               capture_output=True, text=True, check=True).stdout
    for extra_only in ("pyoxigraph", "pyshacl", "tqdm", "pytest"):
        assert f"{extra_only}==" not in installed.lower()
    block = re.findall(r"```python\n(.*?)```", README, flags=re.S)[0]
    script = tmp_path / "readme_example.py"
    script.write_text(block + CLEAN_CHECK, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    ran = subprocess.run([str(python), str(script)], cwd=work, capture_output=True, text=True,
                         timeout=300, check=False)
    assert ran.returncode == 0, ran.stderr
    assert "README example ran" in ran.stdout
    assert (work / "before-the-trip.html").stat().st_size > 10_000
    demo = subprocess.run([str(bin_dir / "korea-graph"), "demo"], cwd=work, capture_output=True,
                          text=True, timeout=300, check=False)
    assert demo.returncode == 0, demo.stderr
    assert "Putin" in demo.stdout
