"""What a template may spend: the limits every template check and every render
runs under, in the render worker (:mod:`wizard.core.render_worker`).

A Word template received from someone else is a small program. The sandbox
(:mod:`wizard.core.render`) refuses what it may not touch; these limits bound
what it may spend: a loop over huge ranges, text doubled until memory runs
out, a number with billions of digits, a document that inflates to hundreds
of megabytes. A request that goes over a limit is stopped and the user is told
which limit it was.

The figures, measured (Linux x86-64, Python 3.11) on the largest project the
benchmarks know (``bench/large_project.py``: 10 services × 8 service levels,
6 severity levels, 20 contacts) and on one ten times as large (100 services,
800 service levels, 200 contacts):

- **CPU time, 20 s a request.** The large project is rendered in about 0.1 s
  of CPU (0.4 s the first time, when the template is compiled) and turned into
  the preview in 0.06 s; the ten-times project in 0.3 s and 0.5 s. A contract
  no one could read is still far below 20 s, and a runaway template is
  stopped before the user gives up waiting.
- **Wall clock, 30 s a request**, kept by the program, which ends the worker:
  CPU time stands still while the machine swaps or is busy with other work,
  and a request must end all the same. Longer than the CPU limit, so that a
  template burning CPU is named for that.
- **Memory, 1 GiB of address space.** ``RLIMIT_AS`` counts virtual memory,
  shared libraries included: the worker with Python, lxml, docxtpl, Babel and
  pydantic loaded has 55 MiB (``VmPeak``), 80 MiB after the large project and
  its preview, 140 MiB after the ten-times one. 1 GiB leaves seven times that
  and stops a template long before the machine runs short.

On POSIX the worker limits itself with ``setrlimit``: ``RLIMIT_AS`` once when
it starts (macOS accepts that limit but does not enforce it: there a thread
of the worker watches its resident memory and ends it past the limit), and
the soft ``RLIMIT_CPU`` raised before each request to the CPU time it has
used plus the budget (the kernel ends the process with ``SIGXCPU`` when it is
spent, even in the middle of one long C call). On Windows the program puts
the worker in a Job object with a per-process memory limit and a user-time
limit that it moves on before each request; closing the program closes the
job, which ends the worker.

``SLA_WIZARD_RENDER_LIMITS`` (``cpu=SECONDS,wall=SECONDS,memory=MIB``) can
lower the limits, never raise them (the tests use it to keep hostile
templates quick).
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

LIMITS_ENV = "SLA_WIZARD_RENDER_LIMITS"
MIB = 1024 * 1024


class LimitKind(StrEnum):
    CPU = "cpu"
    WALL = "wall"
    MEMORY = "memory"


@dataclass(frozen=True)
class Limits:
    """What one request to the render worker may spend."""

    cpu_seconds: int = 20
    wall_seconds: float = 30.0
    memory_bytes: int = 1024 * MIB

    def amount(self, kind: LimitKind) -> float:
        """The figure of limit ``kind`` (seconds, or MiB for memory)."""
        if kind is LimitKind.CPU:
            return self.cpu_seconds
        if kind is LimitKind.WALL:
            return self.wall_seconds
        return self.memory_bytes // MIB


DEFAULT_LIMITS = Limits()


def limits_from_environment(environ: Mapping[str, str] | None = None,
                            base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` lowered by :data:`LIMITS_ENV` where it asks for less (a value
    above ``base``, or one that cannot be read, is ignored)."""
    text = (os.environ if environ is None else environ).get(LIMITS_ENV, "")
    limits = base
    for item in text.split(","):
        name, _sep, value = item.partition("=")
        try:
            number = float(value)
        except ValueError:
            continue
        if not math.isfinite(number) or number <= 0:
            continue
        name = name.strip()
        if name == "cpu" and number < limits.cpu_seconds:
            limits = replace(limits, cpu_seconds=max(1, math.ceil(number)))
        elif name == "wall" and number < limits.wall_seconds:
            limits = replace(limits, wall_seconds=number)
        elif name == "memory" and number * MIB < limits.memory_bytes:
            limits = replace(limits, memory_bytes=int(number * MIB))
    return limits


_override: Limits | None = None


def current_limits() -> Limits:
    """The limits requests run under now."""
    return _override if _override is not None else limits_from_environment()


def use_limits(limits: Limits | None) -> None:
    """Run the following requests under ``limits`` (``None``: the usual ones).
    For tests, which keep hostile templates quick with small limits."""
    global _override
    _override = limits


# -- in the worker (POSIX) ------------------------------------------------------------------

EXIT_OVER_MEMORY = 4
"""The worker's exit status when :func:`watch_memory` ended it."""
_WATCH_SECONDS = 0.05


def limit_own_memory(limit_bytes: int) -> None:
    """Cap this process's address space (and write no core file when the CPU
    limit ends it). Nothing on Windows, where the job does it. macOS accepts
    ``RLIMIT_AS`` but does not enforce it: there (and wherever the limit is
    refused) :func:`watch_memory` ends the process instead."""
    if sys.platform == "win32":
        return
    import resource

    with contextlib.suppress(ValueError, OSError):  # a system that refuses it
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = limit_bytes if hard == resource.RLIM_INFINITY else min(hard, limit_bytes)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ValueError, OSError):
        watch_memory(limit_bytes)
        return
    if sys.platform == "darwin":
        watch_memory(limit_bytes)


def peak_memory_bytes() -> int:
    """The most memory this process has had resident."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)  # bytes there, KiB here


def watch_memory(limit_bytes: int) -> None:
    """End this process with :data:`EXIT_OVER_MEMORY` as soon as it has had
    more than ``limit_bytes`` resident (looked at 20 times a second, from a
    thread of its own)."""
    import threading
    import time

    def watch() -> None:
        while True:
            if peak_memory_bytes() > limit_bytes:
                os._exit(EXIT_OVER_MEMORY)
            time.sleep(_WATCH_SECONDS)

    threading.Thread(target=watch, name="memory-watch", daemon=True).start()


def allow_cpu_seconds(seconds: int) -> None:
    """Let this process use ``seconds`` more of CPU time from now on; the
    kernel ends it with ``SIGXCPU`` past that. Nothing on Windows, where the
    program moves the job's limit on instead."""
    if sys.platform == "win32":
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime) + max(1, seconds)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def end_with_parent() -> None:
    """On Linux, have the kernel end this process when the program that
    started it ends (elsewhere the CPU limit, or the job, does it)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
        pass


# -- in the program (Windows) ---------------------------------------------------------------

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    _JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002
    _JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
    _JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
    _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9
    _TICKS_PER_SECOND = 10_000_000  # FILETIME and job times count 100 ns

    class _BasicLimits(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class _IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class _ExtendedLimits(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", _BasicLimits),
            ("IoInfo", _IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    _kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
    _kernel32.SetInformationJobObject.restype = wintypes.BOOL
    _kernel32.SetInformationJobObject.argtypes = [
        wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD]
    _kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
    _kernel32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
    _kernel32.GetProcessTimes.restype = wintypes.BOOL
    _kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [
        ctypes.POINTER(wintypes.FILETIME)] * 4
    _kernel32.CloseHandle.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = [wintypes.HANDLE]

    def _check(ok: int, what: str) -> None:
        if not ok:
            raise ctypes.WinError(ctypes.get_last_error(), what)

    def _ticks(filetime: wintypes.FILETIME) -> int:
        return (filetime.dwHighDateTime << 32) | filetime.dwLowDateTime

    class WindowsJob:
        """A Job object holding the render worker: at most ``memory_bytes``
        of committed memory, a user-time limit moved on before each request,
        and the worker ended when the job's last handle closes (when the
        program ends, however it ends)."""

        def __init__(self, memory_bytes: int) -> None:
            handle = _kernel32.CreateJobObjectW(None, None)
            _check(handle, "CreateJobObjectW")
            self.handle = handle
            self.memory_bytes = memory_bytes
            self.user_time_limit = 0
            self._apply()

        def _apply(self) -> None:
            info = _ExtendedLimits()
            flags = (_JOB_OBJECT_LIMIT_PROCESS_MEMORY | _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
                     | _JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION)
            if self.user_time_limit:
                flags |= _JOB_OBJECT_LIMIT_PROCESS_TIME
                info.BasicLimitInformation.PerProcessUserTimeLimit = self.user_time_limit
            info.BasicLimitInformation.LimitFlags = flags
            info.ProcessMemoryLimit = self.memory_bytes
            _check(_kernel32.SetInformationJobObject(
                self.handle, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(info),
                ctypes.sizeof(info)), "SetInformationJobObject")

        def assign(self, process_handle: int) -> None:
            _check(_kernel32.AssignProcessToJobObject(self.handle, process_handle),
                   "AssignProcessToJobObject")

        @staticmethod
        def user_time(process_handle: int) -> int:
            """The user-mode CPU time ``process_handle`` has used, in 100 ns."""
            created, ended = wintypes.FILETIME(), wintypes.FILETIME()
            kernel, user = wintypes.FILETIME(), wintypes.FILETIME()
            _check(_kernel32.GetProcessTimes(
                process_handle, ctypes.byref(created), ctypes.byref(ended),
                ctypes.byref(kernel), ctypes.byref(user)), "GetProcessTimes")
            return _ticks(user)

        def allow_cpu_seconds(self, process_handle: int, seconds: int) -> None:
            """Let the worker use ``seconds`` more of user time from now on;
            Windows ends it past that."""
            self.user_time_limit = (self.user_time(process_handle)
                                    + max(1, seconds) * _TICKS_PER_SECOND)
            self._apply()

        def spent_cpu(self, process_handle: int) -> bool:
            """Whether the (ended) worker used up its user time."""
            try:
                used = self.user_time(process_handle)
            except OSError:
                return False
            return bool(self.user_time_limit) and used >= self.user_time_limit - (
                _TICKS_PER_SECOND // 10)

        def close(self) -> None:
            if self.handle:
                _kernel32.CloseHandle(self.handle)
                self.handle = None
