"""Guards for tests of files that can hang or exhaust a program: a named pipe
that nobody writes to, a link to an endless device. A regression must fail
the test, never hang it or eat the machine's memory."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from example_paths import ROOT

HANG_SECONDS = 10.0
"""Longer than any of these reads takes on a busy machine, by far."""

MEMORY_CAP = 3 * 1024**3
"""The address space a program run by :func:`run_capped` may use: enough for
Python, pydantic and Qt; a read of /dev/zero reaches it in seconds."""

CAP_PRELUDE = f"""
import resource
resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}))
"""

needs_fifo = pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="named pipes (FIFOs) are POSIX")
needs_dev_zero = pytest.mark.skipif(
    not Path("/dev/zero").exists() or sys.platform == "win32", reason="no /dev/zero here")


@contextmanager
def unblocking(fifo: Path, after: float = HANG_SECONDS) -> Iterator[list[bool]]:
    """Run the block with a watchdog: when something has waited on ``fifo``
    for ``after`` seconds, it opens the pipe for writing and closes it, which
    ends the wait (the reader sees an empty file). The list it yields holds
    True once the watchdog had to do so."""
    stop = threading.Event()
    fired: list[bool] = []

    def watch() -> None:
        if stop.wait(after):
            return
        fired.append(True)
        while not stop.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # nobody is waiting to read at this moment
                stop.wait(0.05)
                continue
            os.close(fd)
            stop.wait(0.05)

    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    try:
        yield fired
    finally:
        stop.set()
        watchdog.join()


def run_capped(code: str, *args: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` (with ``args``) in a process of its own whose memory
    is capped at :data:`MEMORY_CAP` and whose time is limited: a read that
    never ends fails there (a MemoryError, a timeout) instead of here."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                   **(env or {})}
    return subprocess.run([sys.executable, "-c", CAP_PRELUDE + code, *args], cwd=ROOT,
                          env=environment, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, check=False)


WIZARD = "import sys\nfrom wizard.app import main\nsys.exit(main(sys.argv[1:]))\n"
"""``sla-wizard ARGS``, as :func:`run_capped` code."""
