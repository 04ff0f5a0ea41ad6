"""A template that would run for ever or eat the machine's memory is stopped:
every check and render runs in the render worker, a separate process with a
CPU, memory and wall-clock limit. Each hostile template gets a clear message
in a bounded time, through a contract, the project check and the command
line; the worker is started again and the next contract is made as usual;
the window is never held up, and no worker outlives it.

The limits are lowered for these tests (1 s of CPU, 512 MiB), so that they
stay quick: what they prove does not depend on the figures."""

from __future__ import annotations

import io
import itertools
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from example_paths import ROOT, US_EXAMPLE
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

import wizard.cli
from wizard.core.checks import Severity, check_project
from wizard.core.model import Project
from wizard.core.project_file import load_project, save_project
from wizard.core.render import RenderError, RenderLimitError, render_contract
from wizard.core.render_limits import LIMITS_ENV, LimitKind, Limits, current_limits, use_limits
from wizard.core.render_worker import shared_worker, stop_worker
from wizard.core.template_check import check_template
from wizard.settings import CONFIG_ENV, Settings
from wizard.ui.main_window import MainWindow

SMALL = Limits(cpu_seconds=1, wall_seconds=8.0, memory_bytes=512 * 1024 * 1024)
BOUND_SECONDS = 20.0
"""The longest any hostile template may take to be refused, worker start included,
on a busy machine (the CPU limit is 1 s, the wall clock 8 s)."""

HOSTILE = {
    "huge-power": ("{{ 10**(10**10) }}", "makes a number of more than 4300 digits"),
    "nested-ranges": ("{% for a in range(100000) %}{% for b in range(100000) %}"
                      "{% endfor %}{% endfor %}", "took more than 1 second of computing"),
    "lipsum": ("{{ lipsum(100000) }}", "lipsum() makes at most 100 paragraphs"),
    "doubling": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                 "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
                 "needed more than 512 MB of memory"),
    "recursive-macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                        "calls a macro from itself"),
    "nested-ifs": ("{% if true %}" * 3000 + "x" + "{% endif %}" * 3000,
                   "nested too deeply"),
    "huge-range": ("{{ range(10**9)|list|length }}", "a range in it has more than 100000"),
    "nested-fors": ("{% for a in [1] %}" * 30 + "x" + "{% endfor %}" * 30,
                    "nested too deeply"),  # more than Python compiles
    "huge-padding": ("{{ '{:>999999999}'.format(1) }}", "needed more than 512 MB of memory"),
}


@pytest.fixture(autouse=True, scope="module")
def worker_ended_after() -> Iterator[None]:
    """The next tests get a worker under the usual limits."""
    yield
    use_limits(None)
    stop_worker()


@pytest.fixture(autouse=True)
def small_limits() -> Iterator[Limits]:
    use_limits(SMALL)
    yield SMALL
    use_limits(SMALL)  # a test that changed them changes them back


def hostile(folder: Path, name: str) -> Path:
    """The hostile template ``name``, in a file of its own (each path is checked anew)."""
    folder.mkdir(parents=True, exist_ok=True)
    document = Document()
    document.add_paragraph("Provider: {{ provider.name }}")
    document.add_paragraph(HOSTILE[name][0])
    path = folder / f"{name}.docx"
    document.save(str(path))
    return path


def project_with(template: Path, folder: Path) -> tuple[Project, Path]:
    project = load_project(US_EXAMPLE)
    project.template = str(template)
    path = folder / "deal.slaproj"
    save_project(project, path)
    return project, path


def assert_next_contract_is_made() -> None:
    """The worker was restarted (or survived) and makes an ordinary contract
    (under the usual limits: one second of CPU is the hostile templates' budget,
    which a busy machine may run out compiling the standard template)."""
    limits = current_limits()
    use_limits(replace(limits, cpu_seconds=max(limits.cpu_seconds, 20)))
    try:
        data = render_contract(load_project(US_EXAMPLE), "en_US")
    finally:
        use_limits(limits)
    assert Document(io.BytesIO(data)).paragraphs


def test_the_programs_own_template_is_never_refused_for_a_limit_it_overran() -> None:
    """On a machine too busy to keep to a limit the standard template overran it
    once, and every contract after was refused for the rest of the session."""
    from wizard.core.template_check import note_limit
    from wizard.paths import standard_template

    note_limit(standard_template(), LimitKind.CPU, 1)
    assert not check_template(standard_template())
    assert_next_contract_is_made()


@pytest.mark.parametrize("name", HOSTILE)
def test_a_contract_is_refused_in_bounded_time(name: str, tmp_path: Path) -> None:
    """The window froze, the process ran at 100 % CPU for ever, or grew to gigabytes."""
    template = hostile(tmp_path, name)
    began = time.monotonic()
    with pytest.raises(RenderError) as refused:
        render_contract(load_project(US_EXAMPLE), "en_US", template=template)
    assert time.monotonic() - began < BOUND_SECONDS
    message = str(refused.value)
    assert HOSTILE[name][1] in message
    assert f'"{name}.docx"' in message
    assert "unexpected error" not in message
    assert_next_contract_is_made()


@pytest.mark.parametrize("name", HOSTILE)
def test_the_project_check_names_the_problem(name: str, tmp_path: Path) -> None:
    """`sla-wizard check` and the Appearance step would hang on such a template."""
    project, path = project_with(hostile(tmp_path, name), tmp_path)
    began = time.monotonic()
    problems = [p for p in check_project(project, path) if p.loc == ("template",)]
    assert time.monotonic() - began < BOUND_SECONDS
    assert [p.severity for p in problems] == [Severity.ERROR]
    assert HOSTILE[name][1] in problems[0].message
    assert_next_contract_is_made()


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("command", ["generate", "check"])
def test_the_command_line_fails_in_one_line(name: str, command: str, tmp_path: Path) -> None:
    """The command would hang, or end with a traceback or an "unexpected error"."""
    _project, path = project_with(hostile(tmp_path, name), tmp_path)
    out, err = io.StringIO(), io.StringIO()
    began = time.monotonic()
    status = wizard.cli.main([command, str(path)], out=out, err=err)
    assert time.monotonic() - began < BOUND_SECONDS
    stopped = name in ("nested-ranges", "doubling", "huge-padding")  # a limit: status 2
    lines = err.getvalue().splitlines()
    assert status == (2 if stopped else 1), err.getvalue()  # else an error in the template
    if stopped:
        assert len(lines) == 1 and lines[0].startswith("sla-wizard: "), lines
        assert HOSTILE[name][1] in lines[0]
    else:
        assert HOSTILE[name][1] in out.getvalue() + err.getvalue()
    assert "Traceback" not in err.getvalue() and "unexpected error" not in err.getvalue()
    assert not path.with_suffix(".docx").exists()


def test_a_template_given_with_template_is_refused_in_one_line(tmp_path: Path) -> None:
    """``generate --template`` names the limit the template overran."""
    template = hostile(tmp_path, "nested-ranges")
    out, err = io.StringIO(), io.StringIO()
    status = wizard.cli.main(["generate", str(US_EXAMPLE), "--template", str(template),
                              "-o", str(tmp_path / "out.docx")], out=out, err=err)
    assert status == 2
    assert err.getvalue().count("\n") == 1
    assert "took more than 1 second of computing" in err.getvalue()
    assert not (tmp_path / "out.docx").exists()


def test_the_installed_command_fails_in_one_line(tmp_path: Path) -> None:
    """In a real process (limits lowered through the environment, which can only
    lower them): status 2, one line naming the limit, nothing else printed."""
    _project, path = project_with(hostile(tmp_path, "nested-ranges"), tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), LIMITS_ENV: "cpu=1,wall=8,memory=512",
           CONFIG_ENV: str(tmp_path / "config"), "LANGUAGE": "", "LC_ALL": "",
           "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "wizard.app", "generate", str(path)],
                          capture_output=True, text=True, env=env, timeout=120, check=False,
                          cwd=tmp_path)
    assert time.monotonic() - began < BOUND_SECONDS + 10
    assert done.returncode == 2, done
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "took more than 1 second of computing" in done.stderr


def test_a_template_that_overran_a_limit_is_refused_at_once_after(tmp_path: Path) -> None:
    """Every preview refresh would run it again, burning the CPU limit each time."""
    template = hostile(tmp_path, "nested-ranges")
    project = load_project(US_EXAMPLE)
    with pytest.raises(RenderLimitError) as first:
        render_contract(project, "en_US", template=template)
    assert first.value.kind is LimitKind.CPU
    began = time.monotonic()
    with pytest.raises(RenderLimitError):
        render_contract(project, "en_US", template=template)
    assert time.monotonic() - began < 1.0
    assert check_template(template)[0].stopped
    os.utime(template, ns=(time.time_ns(), time.time_ns() + 10**9))  # changed: checked again
    with pytest.raises(RenderLimitError):
        render_contract(project, "en_US", template=template)


def test_a_template_hostile_to_one_project_is_stopped_in_its_render(tmp_path: Path) -> None:
    """The check's trial contract (another example) passes; the contract of this
    project would still run away, and is stopped at the limit all the same."""
    folder = tmp_path / "only-northwind"
    folder.mkdir()
    document = Document()
    document.add_paragraph("{% if provider.name.startswith('Northwind') %}"
                           "{% for a in range(100000) %}{% for b in range(100000) %}"
                           "{% endfor %}{% endfor %}{% endif %}{{ provider.name }}")
    template = folder / "Northwind only.docx"
    document.save(str(template))
    assert check_template(template) == []
    began = time.monotonic()
    with pytest.raises(RenderLimitError) as refused:
        render_contract(load_project(US_EXAMPLE), "en_US", template=template)
    assert time.monotonic() - began < BOUND_SECONDS
    assert refused.value.kind is LimitKind.CPU
    assert str(refused.value).startswith('The template "Northwind only.docx" took more than 1 '
                                         "second of computing, so it was stopped")
    assert_next_contract_is_made()


def test_the_wall_clock_ends_a_worker_that_does_not_answer(tmp_path: Path) -> None:
    """A worker stopped by the system (or stuck where CPU time does not count) would
    keep the preview waiting for ever."""
    use_limits(Limits(cpu_seconds=30, wall_seconds=2.0, memory_bytes=SMALL.memory_bytes))
    worker = shared_worker()
    assert_next_contract_is_made()
    pid = worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    began = time.monotonic()
    with pytest.raises(RenderLimitError) as refused:
        render_contract(load_project(US_EXAMPLE), "en_US")
    assert 1.5 < time.monotonic() - began < 10
    assert refused.value.kind is LimitKind.WALL
    assert "took more than 2 seconds, so it was stopped" in str(refused.value)
    assert not _alive(pid)
    assert_next_contract_is_made()
    assert worker.pid not in (None, pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie not yet reaped by its parent is gone for all purposes
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_window_never_waits_for_a_template_check(qtbot: QtBot, tmp_path: Path,
                                                     shown: list[str]) -> None:
    """Opening a project with a runaway template froze the window while the template
    was checked on the GUI thread; now the step list learns of the problem once the
    check is done, and the window keeps answering meanwhile."""
    _project, path = project_with(hostile(tmp_path, "nested-ranges"), tmp_path)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    ticks = [time.monotonic()]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    assert window.open_path(path, ask=False)
    qtbot.waitUntil(lambda: any("took more than 1 second of computing" in p.message
                                for p in window.problems), timeout=20000)
    timer.stop()
    assert ticks[-1] - ticks[0] > 1.0  # the check took its second and more, and meanwhile
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.5  # the window answered
    window.close()

    # with the window gone, a check asked on this thread waits for its answer again
    document = Document()
    document.add_paragraph("{{ provider.nmae }}")
    document.save(str(tmp_path / "typo.docx"))
    assert "provider.nmae" in check_template(tmp_path / "typo.docx")[0].message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_no_worker_outlives_the_window(qtbot: QtBot, tmp_path: Path,
                                       shown: list[str]) -> None:
    """Closing the window during the preview of a runaway template left a process
    at 100 % CPU behind; the window itself must not wait for it either."""
    use_limits(Limits(cpu_seconds=60, wall_seconds=90.0, memory_bytes=SMALL.memory_bytes))
    _project, path = project_with(hostile(tmp_path, "nested-ranges"), tmp_path)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path, ask=False)
    window.preview.refresh_now()
    qtbot.waitUntil(lambda: shared_worker().pid is not None, timeout=20000)
    pid = shared_worker().pid
    assert pid is not None
    time.sleep(0.5)  # the worker is busy with the template now

    began = time.monotonic()
    window.close()
    assert time.monotonic() - began < 5  # the window did not wait for the template
    assert _wait_gone(pid, 5)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal")
def test_a_program_that_dies_takes_its_worker_along(tmp_path: Path) -> None:
    """A program that crashed (no clean close) left its worker running the template."""
    template = hostile(tmp_path, "nested-ranges")
    script = textwrap.dedent(f"""
        import os, sys, threading, time
        from pathlib import Path
        from wizard.core.project_file import load_project
        from wizard.core.render import render_contract
        from wizard.core.render_limits import Limits, use_limits
        from wizard.core.render_worker import shared_worker
        use_limits(Limits(cpu_seconds=60, wall_seconds=90.0, memory_bytes=512 * 1024 * 1024))
        project = load_project({str(US_EXAMPLE)!r})
        def run():
            try:
                render_contract(project, "en_US", template=Path({str(template)!r}))
            except Exception:
                pass
        threading.Thread(target=run, daemon=True).start()
        while shared_worker().pid is None:
            time.sleep(0.05)
        time.sleep(1.0)
        print(shared_worker().pid, flush=True)
        os._exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60, check=False)
    pid = int(done.stdout.strip().splitlines()[-1])
    assert _wait_gone(pid, 5)
