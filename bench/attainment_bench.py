"""A year of one-minute monitor samples (525,600 rows) to attainment: the
samples read (``wizard.core.measurements.read_outages``) and every month of
the year measured under the example agreement's rules (coverage hours in
Los Angeles, Oregon's public holidays, maintenance windows), against reading
the same CSV with the standard library's ``csv`` module.

``python bench/attainment_bench.py`` prints the two medians; ``bench/run.py``
puts them in its table.
"""

from __future__ import annotations

import csv
import datetime
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from wizard.core.attainment import Month, measure_month  # noqa: E402
from wizard.core.measurements import Measurements, read_outages  # noqa: E402
from wizard.core.project_file import load_project  # noqa: E402
from wizard.paths import examples_dir  # noqa: E402

PROJECT = examples_dir() / "msp-it-support.slaproj"
YEAR = 2027
SAMPLES = 525_600
"""One sample a minute for 365 days."""


def write_samples(path: Path) -> None:
    """A year of one-minute samples of the desk service, in UTC, down for
    five minutes in every 10,000 (about 0.05 %)."""
    start = datetime.datetime(YEAR, 1, 1, tzinfo=datetime.UTC)
    step = datetime.timedelta(minutes=1)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write("service,time,status\n")
        moment = start
        for minute in range(SAMPLES):
            status = "down" if minute % 10_000 < 5 else "up"
            stream.write(f"desk,{moment:%Y-%m-%dT%H:%M:%SZ},{status}\n")
            moment += step


def measure_year(path: Path) -> int:
    """Read the samples and measure each month of the year; the number of
    levels measured."""
    project = load_project(PROJECT)
    data = Measurements()
    data.add_outages(read_outages(path, project))
    return sum(len(measure_month(project, Month(YEAR, month), data).levels)
               for month in range(1, 13))


def read_with_csv(path: Path) -> int:
    """The floor: every row of the same file read by the csv module."""
    with path.open(encoding="utf-8", newline="") as stream:
        return sum(1 for _row in csv.reader(stream))


def once(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def attainment(runs: int, scratch: Path) -> dict[str, list[float]]:
    """Milliseconds: the first year measured in this process (the holidays
    library loaded with it), then ours and the csv floor alternately."""
    path = scratch / "samples.csv"
    write_samples(path)
    first = [once(lambda: measure_year(path))]
    read_with_csv(path)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(runs):
        ours.append(once(lambda: measure_year(path)))
        floor.append(once(lambda: read_with_csv(path)))
    return {"first": first, "ours": ours, "csv": floor}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="sla-wizard-bench-") as folder:
        figures = attainment(5, Path(folder))
    print(f"first year in a new process: {figures['first'][0]:.0f} ms; "
          f"then {statistics.median(figures['ours']):.0f} ms against "
          f"{statistics.median(figures['csv']):.0f} ms for the csv module")
