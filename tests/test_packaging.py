"""The library works when installed from a wheel, not only from the source tree."""

from __future__ import annotations

import subprocess
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_data_text_ontology_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("korea_graph/py.typed", "korea_graph/data/monitor-6-129.yaml",
                     "korea_graph/data/monitor-6-129.txt", "korea_graph/data/corpus/README.md"):
        assert required in names
    for text in (ROOT / "korea_graph" / "data" / "corpus").glob("*.txt"):  # each with its data
        assert f"korea_graph/data/corpus/{text.name}" in names
        assert f"korea_graph/data/corpus/{text.stem}.yaml" in names
    ontology = {n for n in names if n.startswith("korea_graph/ontology/")}
    shipped = {f"korea_graph/ontology/{p.name}" for p in (ROOT / "ontology").glob("*.ttl")}
    assert shipped <= ontology


def test_installed_wheel_loads_and_answers_outside_the_repo(wheel: Path, tmp_path: Path
                                                            ) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], capture_output=True, text=True, check=True)
    target = Path(site.stdout.strip())
    with zipfile.ZipFile(wheel) as archive:  # install without network: unpack the wheel
        archive.extractall(target)
    code = ("import korea_graph, pathlib; kg = korea_graph.load();"
            "assert 'site-packages' in korea_graph.__file__, korea_graph.__file__;"
            "from korea_graph.questions.english import ask;"
            "assert len(kg.documents) == 5, list(kg.documents);"
            "print(len(ask(kg, \"who met whom before Putin's trip\")))")
    result = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 6
