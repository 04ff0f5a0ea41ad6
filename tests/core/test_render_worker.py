"""The render worker as the frozen program starts it (the hidden
``--render-worker`` switch), its protocol, and limits that an environment can
lower but never raise."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from docx_reading import read_contract
from example_paths import ROOT, US_EXAMPLE

from wizard.core.project_file import load_project, project_to_bytes
from wizard.core.render_limits import (
    DEFAULT_LIMITS,
    EXIT_OVER_MEMORY,
    LIMITS_ENV,
    MIB,
    limits_from_environment,
)
from wizard.core.render_worker import WORKER_SWITCH, read_frame, write_frame
from wizard.paths import standard_template


def test_the_program_serves_as_its_own_worker_with_the_hidden_switch() -> None:
    """A frozen program has no ``python -m``: were the switch not wired, no contract
    could be made from an installed program."""
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard.app", WORKER_SWITCH], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdin is not None and process.stdout is not None
    try:
        write_frame(process.stdin, {"memory": DEFAULT_LIMITS.memory_bytes})
        ready, _body = read_frame(process.stdout)
        assert ready["ready"] is True and ready["pid"] == process.pid

        write_frame(process.stdin, {"op": "check", "template": str(standard_template()),
                                    "language": "en", "cpu": 20})
        checked, _body = read_frame(process.stdout)
        assert checked == {"findings": []}

        project = load_project(US_EXAMPLE)
        write_frame(process.stdin, {"op": "render", "template": str(standard_template()),
                                    "locale": "en_US", "language": "en", "cpu": 20},
                    project_to_bytes(project))
        reply, contract = read_frame(process.stdout)
        assert reply == {}
        assert project.parties.provider.name in read_contract(contract).text
    finally:
        process.stdin.close()
        assert process.wait(20) == 0  # the pipe closed: the worker ends
        assert process.stderr is not None
        assert process.stderr.read() == b""  # nothing printed besides the frames


def test_a_request_the_worker_cannot_serve_is_answered_in_words() -> None:
    """A project that is not one gets a message, not a dead worker."""
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard.core.render_worker"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdin is not None and process.stdout is not None
    try:
        write_frame(process.stdin, {"memory": DEFAULT_LIMITS.memory_bytes})
        read_frame(process.stdout)
        write_frame(process.stdin, {"op": "render", "template": str(standard_template()),
                                    "locale": "en_US", "language": "en", "cpu": 20},
                    b"not a project")
        reply, _body = read_frame(process.stdout)
        assert "cannot be opened" in reply["error"]
        assert process.poll() is None
    finally:
        process.stdin.close()
        process.wait(20)


@pytest.mark.parametrize(("text", "cpu", "wall", "memory"), [
    ("", 20, 30.0, 1024),
    ("cpu=2,wall=5,memory=300", 2, 5.0, 300),
    ("cpu=200,wall=600,memory=99999", 20, 30.0, 1024),  # never raised
    ("cpu=0,wall=-1,memory=nan,cpu=x,=3,bogus", 20, 30.0, 1024),
    ("cpu=0.2", 1, 30.0, 1024),
])
def test_the_environment_can_only_lower_the_limits(text: str, cpu: int, wall: float,
                                                   memory: int) -> None:
    """A setting that raised them would undo the protection for whoever can set it."""
    limits = limits_from_environment({LIMITS_ENV: text})
    assert (limits.cpu_seconds, limits.wall_seconds, limits.memory_bytes) == (
        cpu, wall, memory * MIB)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows limits memory with a job")
def test_where_the_address_space_is_not_limited_the_memory_is_watched() -> None:
    """On macOS ``RLIMIT_AS`` is not enforced: a template doubling its text would take
    the machine's memory before its CPU time ran out."""
    script = (
        "from wizard.core.render_limits import peak_memory_bytes, watch_memory\n"
        "import time\n"
        "watch_memory(peak_memory_bytes() + 64 * 1024 * 1024)\n"
        "kept = []\n"
        # pages written, not only reserved; three seconds for the watcher, which looks
        # 20 times a second, to be scheduled on a busy machine
        "for _ in range(60):\n"
        "    kept.append(b'x' * (16 * 1024 * 1024))\n"
        "    time.sleep(0.05)\n"
        "print(len(kept))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
                          check=False)
    assert done.returncode == EXIT_OVER_MEMORY, done
    assert done.stdout == ""
