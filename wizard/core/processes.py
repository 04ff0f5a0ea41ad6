"""Who is running: this machine's name, this user, and whether a process
recorded in a lock or temporary file is still alive.

``os.kill(pid, 0)`` is the POSIX test; on Windows signal 0 would *send* a
console Ctrl+C, so the process is looked up with ``OpenProcess`` instead.

A process id is given to another program once its process has ended (soon,
on a busy machine, and after every reboot), so "a process with this id is
alive" does not say it is the same process. :func:`process_started` names
one process for as long as the machine runs: its start time (Linux: field 22
of ``/proc/PID/stat`` with the boot's id; Windows: the creation time; macOS:
the start time ``proc_pidinfo`` gives). Where none can be had it is None,
and only liveness can be checked.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys


def this_host() -> str:
    try:
        return socket.gethostname() or "localhost"
    except OSError:  # pragma: no cover - a broken resolver configuration
        return "localhost"


def this_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return ""


def process_alive(pid: int) -> bool:
    """True when a process with ``pid`` exists on this machine (possibly
    owned by another user). A pid that cannot be a process is not alive."""
    if pid <= 0 or pid > 2**31 - 1:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it belongs to someone else
    except OSError:
        return False
    return True


def process_started(pid: int) -> str | None:
    """What tells the process ``pid`` apart from any other that had or will
    have the same id (its start time), or None when it cannot be known: no
    such process, not allowed to look, or no way to ask on this system.
    Compare two values for equality only."""
    if pid <= 0 or pid > 2**31 - 1:
        return None
    try:
        if sys.platform.startswith("linux"):
            return _linux_process_started(pid)
        if sys.platform == "win32":
            return _windows_process_started(pid)
        if sys.platform == "darwin":
            return _macos_process_started(pid)
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return None


_boot: list[str] = []


def _linux_boot_id() -> str:
    if not _boot:
        try:
            with open("/proc/sys/kernel/random/boot_id", "rb") as handle:
                _boot.append(handle.read(64).decode("ascii", "replace").strip())
        except OSError:
            _boot.append("")
    return _boot[0]


def _linux_process_started(pid: int) -> str | None:
    with open(f"/proc/{pid}/stat", "rb") as handle:
        raw = handle.read(4096)
    # "PID (COMM) STATE PPID …": COMM may hold spaces and parentheses, so the
    # fields are counted from its last ")"; STATE is field 3, the start time 22
    fields = raw.rpartition(b")")[2].split()
    return f"linux:{_linux_boot_id()}:{int(fields[22 - 3])}"


def _macos_process_started(pid: int) -> str | None:  # pragma: no cover - macOS only
    import ctypes
    import ctypes.util
    import struct

    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.dylib", use_errno=True)
    proc_pidinfo = libc.proc_pidinfo
    proc_pidinfo.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_uint64, ctypes.c_void_p,
                             ctypes.c_int)
    proc_pidinfo.restype = ctypes.c_int
    size = 136  # struct proc_bsdinfo
    buffer = ctypes.create_string_buffer(size)
    if proc_pidinfo(pid, 3, 0, buffer, size) != size:  # PROC_PIDTBSDINFO
        return None
    raw = buffer.raw
    if struct.unpack_from("=I", raw, 12)[0] != pid:  # pbi_pid: the layout is the expected one
        return None
    seconds, microseconds = struct.unpack_from("=QQ", raw, 120)  # pbi_start_tv{sec,usec}
    return f"darwin:{seconds}.{microseconds:06d}"


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    _PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
    _STILL_ACTIVE = 259
    _ERROR_ACCESS_DENIED = 5

    def _windows_process_alive(pid: int) -> bool:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return bool(ctypes.get_last_error() == _ERROR_ACCESS_DENIED)
        try:
            code = wintypes.DWORD()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == _STILL_ACTIVE)
        finally:
            kernel32.CloseHandle(handle)

    def _windows_process_started(pid: int) -> str | None:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return None
        try:
            created, ended, kernel, user = (wintypes.FILETIME() for _ in range(4))
            if not kernel32.GetProcessTimes(handle, ctypes.byref(created), ctypes.byref(ended),
                                            ctypes.byref(kernel), ctypes.byref(user)):
                return None
            return f"windows:{(created.dwHighDateTime << 32) | created.dwLowDateTime}"
        finally:
            kernel32.CloseHandle(handle)
else:
    def _windows_process_started(pid: int) -> str | None:
        return None
