"""Saving survives the program being killed at any moment.

A helper process (a fresh Python with only the core imported) forks children
that save two versions of a large project over one file, one after the other,
for ever. The test kills each child with SIGKILL after a random delay, then
reads what is on disk: it must be one of the two versions, complete and
loadable, every time; so must the backup of the previous version.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from example_paths import ROOT, US_EXAMPLE

from wizard.core.model import Project
from wizard.core.project_file import (
    backup_path,
    load_project,
    project_to_bytes,
    save_project,
    temp_files,
)

KILLS = 500
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

FORK_SERVER = r"""
import json, os, sys
from pathlib import Path
from wizard.core.project_file import project_from_bytes, save_project

target = Path(sys.argv[1])
versions = [project_from_bytes(Path(p).read_bytes(), target) for p in sys.argv[2:4]]
pipes = {}
print("ready", flush=True)
for line in sys.stdin:
    command, *args = line.split()
    if command == "fork":
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save A, B, A, B ... until killed
            os.close(read_end)
            count = 0
            while True:
                save_project(versions[count % 2], target)
                count += 1
                os.write(write_end, b".")
        os.close(write_end)
        pipes[pid] = read_end
        print(pid, flush=True)
    elif command == "reap":
        pid = int(args[0])
        _pid, status = os.waitpid(pid, 0)
        saves = 0
        while chunk := os.read(pipes[pid], 65536):
            saves += len(chunk)
        os.close(pipes.pop(pid))
        killed_by = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        print(json.dumps({"signal": killed_by, "saves": saves}), flush=True)
"""


def _big_versions() -> tuple[Project, Project]:
    """Two different versions of a project of about 250 kB."""
    a = load_project(US_EXAMPLE)
    for index in range(60):
        service = a.services[0].model_copy(deep=True)
        service.id = f"extra-{index}"
        service.description = f"Clause {index}. " + "The provider shall do its best. " * 120
        a.services.append(service)
    b = a.model_copy(deep=True)
    b.agreement.title = "Version B"
    b.services[5].description = "Rewritten in B. " * 500
    return a, b


def test_killed_saves_leave_the_old_or_the_new_version(tmp_path: Path) -> None:
    """A laptop that dies (or a program killed) while saving would leave a half-written,
    unopenable project, or a broken backup, or heaps of temporary files."""
    a, b = _big_versions()
    a_bytes, b_bytes = project_to_bytes(a), project_to_bytes(b)
    (tmp_path / "a.json").write_bytes(a_bytes)
    (tmp_path / "b.json").write_bytes(b_bytes)
    folder = tmp_path / "projects"
    folder.mkdir()
    target = folder / "contract.slaproj"
    save_project(a, target)
    timings = []
    for _ in range(3):
        begun = time.perf_counter()
        save_project(a, target)
        timings.append(time.perf_counter() - begun)
    one_save = sorted(timings)[1]  # kill within a few saves' time, whatever the machine

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-c", FORK_SERVER, str(target), str(tmp_path / "a.json"),
         str(tmp_path / "b.json")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert server.stdin is not None and server.stdout is not None
    assert server.stdout.readline().strip() == "ready"
    rng = random.Random(20260517)
    started = time.monotonic()
    saves = mid_write = most_temps = 0
    seen = {a_bytes: 0, b_bytes: 0}
    child = 0
    try:
        for round_number in range(KILLS):
            server.stdin.write("fork\n")
            server.stdin.flush()
            child = int(server.stdout.readline())
            # a third of the kills early (first save, temp clean-up), the rest anywhere
            # in the first few saves
            time.sleep(rng.uniform(0, one_save) if round_number % 3 == 0
                       else rng.uniform(0, 5 * one_save))
            os.kill(child, signal.SIGKILL)
            server.stdin.write(f"reap {child}\n")
            server.stdin.flush()
            report = json.loads(server.stdout.readline())
            child = 0
            assert report["signal"] == signal.SIGKILL, report  # killed, not failed
            saves += report["saves"]

            raw = target.read_bytes()
            assert raw in seen, f"round {round_number}: the project is neither version"
            seen[raw] += 1
            assert load_project(target) in (a, b)
            backup = backup_path(target)
            if backup.exists():
                assert backup.read_bytes() in seen, f"round {round_number}: broken backup"
            temps = temp_files(target) + temp_files(backup)
            mid_write += bool(temps)
            most_temps = max(most_temps, len(temps))
            assert len(temps) <= 4, f"temporary files pile up: {temps}"
    finally:
        if child:
            os.kill(child, signal.SIGKILL)
        server.stdin.close()
        server.wait(timeout=30)
    elapsed = time.monotonic() - started

    save_project(b, target)  # the next save clears what the killed ones left
    assert temp_files(target) == [] and temp_files(backup_path(target)) == []
    assert sorted(p.name for p in folder.iterdir()) == ["contract.slaproj",
                                                       "contract.slaproj.bak"]
    print(f"\nkills survived: {KILLS}; saves completed before the kills: {saves}; "
          f"kills that left a temporary file (killed mid-write): {mid_write}; "
          f"most temporary files at once: {most_temps}; "
          f"file found as A/B: {seen[a_bytes]}/{seen[b_bytes]}; one save "
          f"{one_save * 1000:.1f} ms; {elapsed:.1f} s")
    # the kills must have hit saves in progress, not only the moments between them
    # (loose bounds: a busy machine runs the children slower)
    assert mid_write >= KILLS // 20
    assert saves >= KILLS // 5
