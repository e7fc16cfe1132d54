"""A small headless-Chromium driver for page tests: the DevTools protocol over a pipe
(``--remote-debugging-pipe``), standard library only, no port opened.

It loads a ``file://`` page, clicks (real mouse events at an element's center), types
(real text input), evaluates expressions, takes screenshots, and records what a person
would notice: console messages, uncaught exceptions, CSP refusals (log entries) and any
JavaScript dialog (alert, confirm, prompt), which it dismisses.
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any


class BrowserError(RuntimeError):
    pass


class Browser:
    def __init__(self, chromium: str, profile: Path, *, width: int = 1280, height: int = 900):
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        pipe_r, self._to_child = os.pipe()
        self._from_child, pipe_w = os.pipe()
        # copies of the child's ends above 4, so that dup2 onto 3 and 4 cannot clobber them
        to_child_r, from_child_w = os.dup(pipe_r), os.dup(pipe_w)
        os.close(pipe_r)
        os.close(pipe_w)

        def plumb() -> None:
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        self.process = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=plumb,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None
        self.width, self.height = width, height

    # -- protocol -----------------------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("no answer from Chromium in time")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise BrowserError("Chromium closed the pipe")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: bool = True,
        timeout: float = 60,
    ) -> dict[str, Any]:
        self._next_id += 1
        wanted = self._next_id
        request: dict[str, Any] = {"id": wanted, "method": method, "params": params or {}}
        if session and self.session:
            request["sessionId"] = self.session
        os.write(self._to_child, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict[str, Any]) -> None:
        if "id" in message:
            return  # the answer to a request nobody waits for (a dialog's dismissal)
        self.events.append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            # dismiss at once (the page is blocked until then); the answer is ignored
            self._next_id += 1
            request = {
                "id": self._next_id,
                "method": "Page.handleJavaScriptDialog",
                "params": {"accept": False},
                "sessionId": message.get("sessionId", self.session),
            }
            os.write(self._to_child, json.dumps(request).encode() + b"\0")

    def pump(self, seconds: float = 0.3) -> None:
        """Read events for a while (dismissing any dialog)."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._event(self._read_message(deadline))
            except BrowserError:
                break

    # -- a page ------------------------------------------------------------------------

    def open(self, page: Path) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            session=False,
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.navigate", {"url": page.as_uri()})
        deadline = time.monotonic() + 60
        while self.evaluate("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise BrowserError("the page did not load")
            self.pump(0.1)
        self.pump(0.3)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click at the center of the first element ``selector`` matches."""
        box = self.evaluate(
            f"(function () {{ var el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center'}); var r = el.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )
        self.pump(0.2)

    def type(self, selector: str, text: str) -> None:
        """Click ``selector``, select what it holds and type ``text`` over it (input
        events fire as for a person)."""
        self.click(selector)
        self.evaluate(f"document.querySelector({json.dumps(selector)}).select()")
        self.send("Input.insertText", {"text": text})
        self.pump(0.2)

    def screenshot(self, path: Path, *, full_page: bool = False) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            size = self.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
            )
            params["captureBeyondViewport"] = True
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
        data = base64.b64decode(self.send("Page.captureScreenshot", params)["data"])
        path.write_bytes(data)
        return data

    # -- what a person would notice -------------------------------------------------------

    def problems(self) -> list[str]:
        """Console messages, uncaught exceptions, log errors (CSP refusals among them)."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                found.append(f"console.{params.get('type')}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry'].get('text')}")
        return found

    def dialogs(self) -> list[str]:
        return [
            str(e["params"].get("message"))
            for e in self.events
            if e.get("method") == "Page.javascriptDialogOpening"
        ]

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False, timeout=10)
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_child)
        os.close(self._from_child)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
