"""Headless Chromium driven over the DevTools protocol on a pipe (no WebSocket library, no network).

Chromium started with ``--remote-debugging-pipe`` reads commands on file descriptor 3 and writes replies on
4, each a JSON object ended by a NUL byte. Enough of the protocol to open a page, wait for something in it,
evaluate JavaScript and take a screenshot.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _as_fds_3_and_4(read_end: int, write_end: int) -> None:
    """In the child: the command pipe's read end becomes descriptor 3, the reply pipe's write end 4."""
    high_r, high_w = os.dup(read_end), os.dup(write_end)  # out of the way of 3 and 4 first
    os.dup2(high_r, 3, inheritable=True)
    os.dup2(high_w, 4, inheritable=True)


class Browser:
    def __init__(self, profile: Path, *, width: int = 1400, height: int = 900) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # the browser expects its pipe ends as descriptors 3 (commands in) and 4 (replies out)
        self.proc = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            pass_fds=(3, 4),
            preexec_fn=lambda: _as_fds_3_and_4(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self.events: list[dict] = []  # what the browser reported on its own (errors, console lines)
        self._next = 0
        self.width, self.height = width, height
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
            session=self.session,
        )

    def send(self, method: str, *, session: str | None = None, timeout: float = 120, **params):
        self._next += 1
        message = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if "method" in reply:
                    self.events.append(reply)
                elif reply.get("id") == self._next:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        raise TimeoutError(method)

    def open(self, url: str) -> None:
        self.send("Runtime.enable", session=self.session)
        self.send("Page.navigate", url=url, session=self.session)

    def evaluate(self, expression: str, *, timeout: float = 120):
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
            session=self.session,
            timeout=timeout,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", result))
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 120):
        """Poll until ``expression`` is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = None  # the page is still loading
            if value:
                return value
            time.sleep(0.05)
        raise TimeoutError(expression)

    def errors(self) -> list[str]:
        return [
            e["params"]["exceptionDetails"].get("exception", {}).get("description", "")
            for e in self.events
            if e["method"] == "Runtime.exceptionThrown"
        ]

    def screenshot(self, path: Path) -> Path:
        """A PNG, or a JPEG (quality 70) when ``path`` ends in .jpg."""
        options = {"format": "jpeg", "quality": 70} if path.suffix == ".jpg" else {"format": "png"}
        data = self.send("Page.captureScreenshot", session=self.session, **options)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
