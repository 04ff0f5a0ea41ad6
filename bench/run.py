"""Benchmarks: start-up, contract generation, preview refresh, open and save,
a year of monitor samples to attainment, a month's report with its charts,
the change summary and redline of two drafts, each beside the floor that Qt
and docxtpl themselves set, measured in the same run on the same machine.

``python bench/run.py`` prints a table (each figure the median of several
runs) and exits 0; ``--runs N`` changes the number of runs (default 7).
It needs nothing but the project's own dependencies and takes well under two
minutes. Qt runs offscreen.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:  # `python bench/run.py` from a checkout
    sys.path.insert(0, str(ROOT))

from bench.attainment_bench import attainment  # noqa: E402
from bench.large_project import build_large_project, describe  # noqa: E402
from bench.report_bench import report  # noqa: E402
from wizard.core.contract import build_context  # noqa: E402
from wizard.core.project_file import (  # noqa: E402
    load_project,
    project_to_bytes,
    save_project,
)
from wizard.core.render import generate_contract  # noqa: E402
from wizard.paths import examples_dir, standard_template  # noqa: E402
from wizard.settings import CONFIG_ENV  # noqa: E402

STARTUP_PROJECT = examples_dir() / "msp-it-support.slaproj"
"""The project the README's start command opens."""
LOCALE = "en_US"


# targets ---------------------------------------------------------------------
STARTUP_RATIO = 1.5
GENERATION_RATIO = 1.3
ISOLATION_RATIO = 1.2
"""The render worker may add a fifth to a render: sending the project, reading
the contract back."""
PREVIEW_MS = 150.0
STALL_MS = 50.0
"""Input waiting longer than this is felt (a "long task"): no refresh may cause one."""
OPEN_SAVE_MS = 20.0
MEMORY_RATIO = 1.5
ATTAINMENT_MS = 1000.0
"""A year of one-minute monitor samples to every month's attainment."""
REPORT_MS = 2000.0
"""A month's report with its charts to .docx."""
CHANGES_MS = 1000.0
"""The change summary and the redline of two drafts, together."""


@dataclass
class Row:
    what: str
    figure: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        ratio = (f"{self.figure / self.baseline:.2f}×"
                 if self.baseline else "")
        base = (f"{_number(self.baseline, self.unit)} ({self.baseline_name})"
                if self.baseline is not None else self.baseline_name)
        verdict = {True: "met", False: "NOT MET", None: ""}[self.met]
        return [self.what, _number(self.figure, self.unit), base, ratio, self.target, verdict]


def _number(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# child processes ---------------------------------------------------------------
@dataclass
class ChildRun:
    seconds: float
    """The whole process, from its start to its exit."""
    peak_rss_mib: float
    stdout: str
    shown_after: float | None = None
    """From the start of the process to its window's first paint (it prints
    ``window shown at <Unix time>``)."""
    project_after: float | None = None
    """From the start of the process to the project shown in its window,
    loaded just after the first paint (``project shown at <Unix time>``)."""


def child_environment(scratch: Path) -> dict[str, str]:
    """Offscreen Qt, private settings, and compiled bytecode cached in a
    folder of the bench's own (as an installed program has it), never in the
    source tree."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[CONFIG_ENV] = str(scratch / "config")
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])])
    return env


def run_child(command: Sequence[str], env: dict[str, str]) -> ChildRun:
    """Run ``command`` to its end: wall time of the whole process, and its
    peak resident memory (from the kernel's accounting for that child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started_at = time.time()
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    peak_kib = usage.ru_maxrss / (1024 if sys.platform == "darwin" else 1)
    shown = re.search(r"window shown at ([0-9.]+)", stdout)
    shown_after = float(shown.group(1)) - started_at if shown else None
    opened = re.search(r"project shown at ([0-9.]+)", stdout)
    project_after = float(opened.group(1)) - started_at if opened else None
    return ChildRun(seconds, peak_kib / 1024, stdout, shown_after, project_after)


MODEL_FIRST = ("import runpy, sys; import wizard.core.model; sys.argv = [sys.argv[0]]; "
               f"runpy.run_path({str(BENCH / 'bare_wizard.py')!r}, run_name='__main__')")
"""The bare QWizard started after importing the project's pydantic model:
the least any start that shows a project can cost."""


def startup(runs: int, env: dict[str, str]
            ) -> tuple[list[ChildRun], list[ChildRun], list[ChildRun]]:
    """``sla-wizard --exit-when-shown``, the bare QWizard, and the bare QWizard
    after importing the model, started the same way, in turn (one warm-up run
    each, not counted)."""
    ours = [sys.executable, str(ROOT / "main.py"), "--exit-when-shown", str(STARTUP_PROJECT)]
    bare = [sys.executable, str(BENCH / "bare_wizard.py")]
    model_first = [sys.executable, "-c", MODEL_FIRST]
    for command in (ours, bare, model_first):
        run_child(command, env)
    mine: list[ChildRun] = []
    floor: list[ChildRun] = []
    with_model: list[ChildRun] = []
    for _ in range(runs):
        mine.append(run_child(ours, env))
        floor.append(run_child(bare, env))
        with_model.append(run_child(model_first, env))
    return mine, floor, with_model


# in process --------------------------------------------------------------------
def once(action: Callable[[], object]) -> float:
    """Milliseconds one call of ``action`` took."""
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds each of ``runs`` calls took (after one warm-up call)."""
    action()
    return [once(action) for _ in range(runs)]


def bare_docxtpl(context: dict[str, Any], out: Path) -> Callable[[], None]:
    """docxtpl on its own: the same template, a context built beforehand, a
    plain Jinja environment with the i18n extension the clause text needs."""
    import jinja2
    from docxtpl import DocxTemplate

    template = standard_template().read_bytes()

    def render() -> None:
        env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
        env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, jinja_env=env, autoescape=True)
        document.save(str(out))

    return render


def generation(runs: int, scratch: Path) -> tuple[list[float], list[float]]:
    """Ours (the render worker: context, sandboxed render, the contract opened
    again; the file written atomically) against bare docxtpl, alternately."""
    project = build_large_project()
    context = build_context(project, LOCALE)

    def ours() -> None:
        generate_contract(project, scratch / "ours.docx", LOCALE)

    bare = bare_docxtpl(context, scratch / "bare.docx")
    ours()
    bare()
    mine: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        mine.append(once(ours))
        floor.append(once(bare))
    return mine, floor


def open_and_save(runs: int, path: Path) -> dict[str, list[float]]:
    """load_project / save_project on the large project, and the floor under
    each: reading and parsing the JSON, and writing the same bytes atomically
    (temporary file, fsync, rename, fsync of the folder)."""
    project = load_project(path)
    content = project_to_bytes(project)
    copy = path.with_name("saved.slaproj")

    def bare_read() -> None:
        json.loads(path.read_bytes().decode("utf-8"))

    def bare_write() -> None:
        temp = copy.with_name(".bare.tmp")
        with open(temp, "wb") as handle:
            handle.write(json.dumps(json.loads(content), indent=2).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, copy)
        folder = os.open(copy.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    return {
        "open": timed(lambda: load_project(path), runs),
        "open_floor": timed(bare_read, runs),
        "save": timed(lambda: save_project(project, copy), runs),
        "save_floor": timed(bare_write, runs),
    }


def isolation(runs: int) -> dict[str, list[float]]:
    """The render worker's cost: the large project's contract made by the
    worker (a separate process with limits: the project sent as its file, the
    contract's bytes back) against the same work in this process, alternately;
    and the first contract of a new worker, its start included."""
    from wizard.core.render import render_contract, render_here
    from wizard.core.render_worker import stop_worker

    project = build_large_project()
    template = standard_template()
    stop_worker()
    first = [once(lambda: render_contract(project, LOCALE))]
    render_here(project, LOCALE, template)
    worker: list[float] = []
    here: list[float] = []
    for _ in range(runs):
        worker.append(once(lambda: render_contract(project, LOCALE)))
        here.append(once(lambda: render_here(project, LOCALE, template)))
    return {"worker": worker, "here": here, "first": first}


def changes(runs: int) -> dict[str, list[float]]:
    """The change summary and the Word redline (both contracts rendered, then
    compared) of the large project against a copy with 20 changes, beside one
    render of its contract, alternately; and the redline's own comparison of
    the two documents."""
    from bench.changed_project import CHANGES, with_twenty_changes
    from wizard.core.changes import compare_projects
    from wizard.core.redline import redline_documents, redline_projects
    from wizard.core.render import render_contract

    old = build_large_project()
    new = with_twenty_changes(old)
    if len(compare_projects(old, new)) != CHANGES:
        raise RuntimeError(f"the changed bench project does not have {CHANGES} changes")
    old_docx, new_docx = render_contract(old, LOCALE), render_contract(new, LOCALE)
    redline_projects(old, new, LOCALE)
    render: list[float] = []
    summary: list[float] = []
    redline: list[float] = []
    for _ in range(runs):
        render.append(once(lambda: render_contract(new, LOCALE)))
        summary.append(once(lambda: compare_projects(old, new)))
        redline.append(once(lambda: redline_projects(old, new, LOCALE)))
    return {"render": render, "summary": summary, "redline": redline,
            "total": [s + r for s, r in zip(summary, redline, strict=True)],
            "compare": timed(lambda: redline_documents(old_docx, new_docx), runs)}


def preview_parts(runs: int) -> dict[str, list[float]]:
    """The two halves of the preview's render, which runs off the GUI thread."""
    from wizard.core.contract_html import contract_html
    from wizard.core.render import render_contract

    project = build_large_project()
    data = render_contract(project, LOCALE)
    return {
        "render_contract": timed(lambda: render_contract(project, LOCALE), runs),
        "contract_html": timed(lambda: contract_html(data), runs),
    }


def preview(runs: int, path: Path, env: dict[str, str]) -> dict[str, list[float]]:
    run = run_child([sys.executable, str(BENCH / "preview_refresh.py"), str(path), str(runs)],
                    env)
    data: dict[str, list[float]] = json.loads(run.stdout.strip().splitlines()[-1])
    return data


# the table ---------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    header = ["measure", "figure", "baseline", "ratio", "target", ""]
    cells = [header, *[row.cells() for row in rows]]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
             .rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median)")
    options = parser.parse_args(argv)
    runs = max(1, options.runs)
    began = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="sla-wizard-bench-"))
    try:
        env = child_environment(scratch)
        large = scratch / "large.slaproj"
        project = build_large_project()
        save_project(project, large)
        print(f"large project: {describe(project)}; {runs} runs each, medians", flush=True)

        print("start-up …", flush=True)
        mine, floor, with_model = startup(runs, env)
        print("generation …", flush=True)
        generated, bare = generation(runs * 2, scratch)
        print("open and save …", flush=True)
        files = open_and_save(runs * 2, large)
        print("preview …", flush=True)
        refresh = preview(runs, large, env)
        parts = preview_parts(runs)
        print("render worker …", flush=True)
        isolated = isolation(runs * 2)
        print("attainment …", flush=True)
        measured = attainment(runs, scratch)
        print("monthly report …", flush=True)
        reported = report(runs, scratch)
        print("changes and redline …", flush=True)
        compared = changes(runs)

        startup_s = median([r.seconds for r in mine]) * 1000
        bare_s = median([r.seconds for r in floor]) * 1000
        paint_s = median([r.shown_after or 0.0 for r in mine]) * 1000
        project_s = median([r.project_after or 0.0 for r in mine]) * 1000
        bare_paint_s = median([r.shown_after or 0.0 for r in floor]) * 1000
        memory = median([r.peak_rss_mib for r in mine])
        bare_memory = median([r.peak_rss_mib for r in floor])
        model_paint_s = median([r.shown_after or 0.0 for r in with_model]) * 1000
        model_memory = median([r.peak_rss_mib for r in with_model])
        generation_ms = median(generated)
        docxtpl_ms = median(bare)
        work = median(refresh["work_ms"])
        stall = max(refresh["stall_ms"])
        rows = [
            Row("start-up: whole process, to exit once the project is shown", startup_s, "ms",
                bare_s, "bare 7-page QWizard, exit at first paint", f"≤ {STARTUP_RATIO}×",
                startup_s <= STARTUP_RATIO * bare_s),
            Row("start-up: process start to first paint", paint_s, "ms", bare_paint_s,
                "bare 7-page QWizard", f"≤ {STARTUP_RATIO}×",
                paint_s <= STARTUP_RATIO * bare_paint_s),
            Row("start-up: process start to the project shown (loaded after the paint)",
                project_s, "ms", model_paint_s, "floor below"),
            Row("peak memory of that start-up", memory, "MiB", bare_memory,
                "bare 7-page QWizard", f"≤ {MEMORY_RATIO}×", memory <= MEMORY_RATIO * bare_memory),
            Row("floor: bare QWizard after importing the model, to first paint", model_paint_s,
                "ms", bare_paint_s, "bare 7-page QWizard"),
            Row("floor: its peak memory", model_memory, "MiB", bare_memory,
                "bare 7-page QWizard"),
            Row("generation of the large project to .docx", generation_ms, "ms", docxtpl_ms,
                "bare docxtpl", f"≤ {GENERATION_RATIO}×",
                generation_ms <= GENERATION_RATIO * docxtpl_ms),
            Row("render of the large project in the render worker (own process, limits)",
                median(isolated["worker"]), "ms", median(isolated["here"]), "in process",
                f"≤ {ISOLATION_RATIO}×",
                median(isolated["worker"]) <= ISOLATION_RATIO * median(isolated["here"])),
            Row("first contract of a new render worker, its start included",
                isolated["first"][0], "ms"),
            Row("change summary + Word redline of the large project, 20 changes",
                median(compared["total"]), "ms", median(compared["render"]),
                "one render of its contract", f"≤ {CHANGES_MS:.0f} ms",
                median(compared["total"]) <= CHANGES_MS),
            Row("preview: pause after the edit (debounce)", median(refresh["debounce_ms"]), "ms",
                None, "deliberate", "350 ms"),
            Row("preview: render + show after the pause", work, "ms", docxtpl_ms,
                "bare docxtpl", f"≤ {PREVIEW_MS:.0f} ms", work <= PREVIEW_MS),
            Row("preview: edit → updated, pause included",
                median([d + w for d, w in zip(refresh["debounce_ms"], refresh["work_ms"],
                                              strict=True)]), "ms"),
            Row("preview: longest event-loop stall (worst run)", stall, "ms",
                max(refresh["idle_stall_ms"]), "idle loop", f"≤ {STALL_MS:.0f} ms",
                stall <= STALL_MS),
            Row("open the large project (load_project)", median(files["open"]), "ms",
                median(files["open_floor"]), "json.loads", f"≤ {OPEN_SAVE_MS:.0f} ms",
                median(files["open"]) <= OPEN_SAVE_MS),
            Row("save the large project (save_project)", median(files["save"]), "ms",
                median(files["save_floor"]), "json + atomic write", f"≤ {OPEN_SAVE_MS:.0f} ms",
                median(files["save"]) <= OPEN_SAVE_MS),
            Row("first visit of a step (its page built), slowest", max(refresh["first_visit_ms"]),
                "ms", None, "", f"≤ {STALL_MS:.0f} ms", max(refresh["first_visit_ms"]) <= STALL_MS),
            Row("open in the window (the step shown filled in)", median(refresh["open_ms"]), "ms",
                median(files["open"]), "load_project", f"≤ {OPEN_SAVE_MS:.0f} ms",
                median(refresh["open_ms"]) <= OPEN_SAVE_MS),
            Row("File → Save in the window", median(refresh["save_ms"]), "ms",
                median(files["save"]), "save_project", f"≤ {OPEN_SAVE_MS:.0f} ms",
                median(refresh["save_ms"]) <= OPEN_SAVE_MS),
            Row("a year of one-minute samples (525,600 rows) to each month's attainment",
                median(measured["ours"]), "ms", median(measured["csv"]), "csv module reading it",
                f"≤ {ATTAINMENT_MS:.0f} ms", median(measured["ours"]) <= ATTAINMENT_MS),
            Row("the same, first in this process (importing the holidays library included)",
                measured["first"][0], "ms", median(measured["csv"]), "csv module reading it"),
            Row("a month's report with its three charts to .docx", median(reported["ours"]),
                "ms", median(reported["plain"]), "the same report without charts",
                f"≤ {REPORT_MS:.0f} ms", median(reported["ours"]) <= REPORT_MS),
            Row("the same, first in a new process (python-docx and matplotlib imported)",
                median(reported["first"]), "ms", None, "", f"≤ {REPORT_MS:.0f} ms",
                median(reported["first"]) <= REPORT_MS),
        ]
        print()
        print(table(rows))
        print("\nthe preview's work after the pause: "
              f"render_contract {median(parts['render_contract']):.0f} ms and "
              f"contract_html {median(parts['contract_html']):.0f} ms in the render thread, "
              f"QTextBrowser.setHtml {median(refresh['set_html_ms']):.0f} ms on the GUI thread")
        print("\nthe change summary and redline: "
              f"summary {median(compared['summary']):.0f} ms, redline "
              f"{median(compared['redline']):.0f} ms (two contracts rendered, then compared: "
              f"{median(compared['compare']):.0f} ms)")
        print(f"\n{sys.platform}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; "
              f"bench took {time.perf_counter() - began:.0f} s")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
