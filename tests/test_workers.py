"""Worker processes die with the build that started them (issue 11, case 7)."""

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc"),
]


def children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        for child in children(todo.pop()):
            found.add(child)
            todo.append(child)
    return found


def test_killing_a_parallel_build_leaves_no_worker_behind(tmp_path):
    news = tmp_path / "news.jsonl"
    text = "小米集团创始人雷军表示，小米与美团达成战略合作，双方将共建3个仓库。" * 20
    news.write_text(
        "".join(
            json.dumps({"id": f"n{i}", "text": f"{text}{i}"}, ensure_ascii=False) + "\n" for i in range(3000)
        ),
        encoding="utf-8",
    )
    build = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(news),
            "--store",
            str(tmp_path / "store"),
            "--jobs",
            "2",
            "-q",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    helpers: set[int] = set()
    while (
        time.monotonic() < deadline and len(helpers) < 4
    ):  # the forkserver, two workers, the resource tracker
        time.sleep(0.2)
        helpers = descendants(build.pid)
    assert len(helpers) >= 3, helpers
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in helpers):
        time.sleep(0.2)
    left = [p for p in helpers if Path(f"/proc/{p}").exists()]
    for pid in left:  # this test's own processes: clean up before failing
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert not left
