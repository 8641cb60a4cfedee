"""Write the index of the shipped rules' patterns (kg/data/rules/patterns.index.json): each pattern's groups and
trigger words by the hash of its text, so that loading the rules need not parse them. Run it after changing a
shipped rule or vocabulary entry (``python -m kg.relate.pattern_index``); a test says when it is out of date, and
an out-of-date index only makes loading slower, never wrong (a pattern it lacks is parsed as before)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .rules import PATTERN_INDEX, load_rules, pattern_index_entries

INDEX = Path(__file__).resolve().parents[1] / "data" / "rules" / PATTERN_INDEX


def render() -> str:
    entries = pattern_index_entries(load_rules())
    lines = (f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in entries.items())
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    text = render()
    if INDEX.is_file() and INDEX.read_text(encoding="utf-8") == text:
        print(f"{INDEX}: up to date")
        return 0
    INDEX.write_text(text, encoding="utf-8")
    print(f"{INDEX}: written ({len(json.loads(text))} patterns)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
