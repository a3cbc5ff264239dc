"""Expand the curation draft (evidence as sentence numbers S1..S33) into the shipped YAML.

Used once to write korea_graph/data/monitor-6-129.yaml; kept to document how the quotes
and offsets were produced. Run: python tools/build_data.py
"""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
text = (ROOT / "korea_graph/data/monitor-6-129.txt").read_text(encoding="utf-8")
body = text.index("\n---")
body = text.index("\n", body + 1) + 1
sentences = {}
pos = body
n = 0
for line in text[body:].split("\n"):
    if line.strip():
        for m in re.finditer(r".+?(?:[.?!](?:\))?)(?=\s+[A-Z(]|\s*$)", line):
            s = m.group(0)
            lead = len(s) - len(s.lstrip())
            n += 1
            sentences[f"S{n}"] = (pos + m.start() + lead, s.strip())
    pos += len(line) + 1

draft = (ROOT / "tools/monitor-draft.yaml").read_text(encoding="utf-8")


def expand(match: re.Match[str]) -> str:
    indent = match.group(1)
    keys = [k.strip() for k in match.group(2).split(",")]
    lines = [f"{indent}evidence:"]
    for k in keys:
        start, quote = sentences[k]
        assert text[start:start + len(quote)] == quote
        lines.append(f"{indent}  - start: {start}")
        lines.append(f"{indent}    quote: {json.dumps(quote, ensure_ascii=False)}")
    return "\n".join(lines)


out = re.sub(r"^( *)evidence: \[(S\d+(?:, *S\d+)*)\]$", expand, draft, flags=re.M)
assert not re.search(r"\[S\d", out)
(ROOT / "korea_graph/data/monitor-6-129.yaml").write_text(out, encoding="utf-8")
print("wrote", len(out), "characters")
