"""A month's report with its charts to .docx: May 2027 of the example
agreement (outages and tickets as in tests/test_cli_report.py) measured once,
then the Word report written from it (``wizard.core.report.write_report``:
three charts drawn by matplotlib at 300 dpi, the document built and saved).

Three figures: the first report of a new process (importing python-docx and
matplotlib included, as ``sla-wizard report -o`` pays it), the following
reports of the same process, and the same report without charts (the floor
the charts add to).

``python bench/report_bench.py`` prints them; ``bench/run.py`` puts them in
its table.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wizard.core.attainment import Month, MonthResult, measure_month  # noqa: E402
from wizard.core.measurements import Measurements, read_outages, read_tickets  # noqa: E402
from wizard.core.project_file import load_project  # noqa: E402
from wizard.paths import examples_dir  # noqa: E402

PROJECT = examples_dir() / "msp-it-support.slaproj"
OUTAGES = (
    "service,start,end\n"
    "*,2027-05-04T09:00,2027-05-04T10:00\n"
    "desk,2027-05-04T09:30,2027-05-04T10:30\n"
    "backup,2027-05-05T17:30,2027-05-05T19:00\n"
    "endpoints,2027-05-28T17:00,2027-06-01T10:00\n"
)
TICKETS = (
    "id,severity,created,first_response,resolved,paused_minutes\n"
    "B,P2,2027-05-03T10:00,2027-05-03T11:30,2027-05-03T15:00,\n"
    "C,P1,2027-05-06T22:00,2027-05-06T22:20,2027-05-07T01:00,\n"
)

_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from bench.report_bench import measured_may
result = measured_may(Path({scratch!r}))
started = time.perf_counter()
from wizard.core.report import write_report
write_report(result, Path({scratch!r}) / "first.docx")
print((time.perf_counter() - started) * 1000)
"""


def measured_may(scratch: Path) -> MonthResult:
    """May 2027 of the example, measured (not timed)."""
    project = load_project(PROJECT)
    outages, tickets = scratch / "outages.csv", scratch / "tickets.csv"
    outages.write_text(OUTAGES, encoding="utf-8")
    tickets.write_text(TICKETS, encoding="utf-8")
    data = Measurements()
    data.add_outages(read_outages(outages, project))
    data.add_tickets(read_tickets(tickets, project))
    return measure_month(project, Month(2027, 5), data)


def first_report(scratch: Path) -> float:
    """Milliseconds of the first report in a new process, its imports included."""
    script = _CHILD.format(root=str(ROOT), scratch=str(scratch))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, cwd=ROOT, timeout=300)
    return float(done.stdout.strip().splitlines()[-1])


def report(runs: int, scratch: Path) -> dict[str, list[float]]:
    """Milliseconds: the first report of new processes, then reports with and
    without charts in this one, alternately."""
    from wizard.core.report import build_report, write_report

    first = [first_report(scratch) for _ in range(max(1, runs // 3))]
    result = measured_may(scratch)
    write_report(result, scratch / "warm.docx")  # this process's imports
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        write_report(result, scratch / "report.docx")
        ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        build_report(result, charts=False).save(str(scratch / "plain.docx"))
        floor.append((time.perf_counter() - started) * 1000)
    return {"first": first, "ours": ours, "plain": floor}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="sla-wizard-bench-") as folder:
        figures = report(5, Path(folder))
    print(f"first report of a new process: {statistics.median(figures['first']):.0f} ms; "
          f"then {statistics.median(figures['ours']):.0f} ms with charts against "
          f"{statistics.median(figures['plain']):.0f} ms without")
