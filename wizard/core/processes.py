"""Who is running: this machine's name, this user, and whether a process
recorded in a lock or temporary file is still alive.

``os.kill(pid, 0)`` is the POSIX test; on Windows signal 0 would *send* a
console Ctrl+C, so the process is looked up with ``OpenProcess`` instead.
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
