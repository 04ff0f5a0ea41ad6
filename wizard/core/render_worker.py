"""The render worker: a separate process that checks templates and renders
contracts under limits (:mod:`wizard.core.render_limits`), so that no
template, however made, can hang, exhaust or crash the program.

The worker lives as long as the program and serves one request at a time
over its standard input and output. Each message is a frame: two 4-byte
big-endian lengths, then a UTF-8 JSON header and a binary body. A request
carries the project in its project-file form (the body) and the template's
path; the answer is the contract's bytes, the preview's HTML, a template's
findings or an error message, in the interface language the request names.

The program's side (:class:`RenderWorker`) starts the worker when first
needed, waits at most the wall-clock limit for an answer, ends a worker that
overran it, and starts a new one for the next request. The worker ends with
the program: when its input closes, through the Linux parent-death signal,
or with the Windows job; at the latest when its CPU time runs out.

A frozen program starts the worker as itself with the hidden switch
``--render-worker`` (:data:`WORKER_SWITCH`); from the source it runs
``python -m wizard.core.render_worker``.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from wizard.core.render_limits import (
    EXIT_OVER_MEMORY,
    LimitKind,
    Limits,
    allow_cpu_seconds,
    current_limits,
    end_with_parent,
    limit_own_memory,
)
from wizard.i18n import _

WORKER_SWITCH = "--render-worker"
"""The hidden command-line switch that makes the program a render worker."""
STARTUP_SECONDS = 60.0
"""How long a new worker may take to import its modules and say it is ready
(a first start of a frozen program can be slow while a virus scanner reads
it); no template has been given to it yet."""
REAP_SECONDS = 5.0
_FRAME = struct.Struct(">II")
MAX_HEADER = 4 * 1024 * 1024
MAX_BODY = 64 * 1024 * 1024
"""The largest project sent, and the largest contract or preview answered (a
contract is some tens of kilobytes; the worker refuses to send more)."""
_EXIT_AFTER_LIMIT = 3


class WorkerError(Exception):
    """The worker could not answer (it could not start, or it stopped); the
    message says why."""


class WorkerStoppedError(WorkerError):
    """The worker was ended on purpose (the program is closing)."""


class WorkerLimitError(Exception):
    """A request went over one of its limits and was stopped."""

    def __init__(self, kind: LimitKind, limits: Limits) -> None:
        super().__init__(f"{kind.value} limit")
        self.kind = kind
        self.limits = limits

    @property
    def amount(self) -> float:
        return self.limits.amount(self.kind)


# -- frames ---------------------------------------------------------------------------------

def write_frame(stream: IO[bytes], header: dict[str, Any], body: bytes = b"") -> None:
    data = json.dumps(header, ensure_ascii=False).encode("utf-8")
    stream.write(_FRAME.pack(len(data), len(body)) + data)
    if body:
        stream.write(body)
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    """The next frame; :class:`EOFError` when the stream ends, ``ValueError``
    for one that is not a frame."""
    header_size, body_size = _FRAME.unpack(_read_exact(stream, _FRAME.size))
    if header_size > MAX_HEADER or body_size > MAX_BODY:
        raise ValueError("frame too large")
    header = json.loads(_read_exact(stream, header_size).decode("utf-8"))
    if not isinstance(header, dict):
        raise ValueError("frame header is not an object")
    return header, _read_exact(stream, body_size) if body_size else b""


# -- the program's side ---------------------------------------------------------------------

def worker_command() -> list[str]:
    """How to start a worker: the frozen program with its hidden switch, or
    this Python running this module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_SWITCH]
    return [sys.executable, "-P", "-m", "wizard.core.render_worker"]


def worker_environment() -> dict[str, str]:
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        package_root = str(Path(__file__).resolve().parents[2])
        paths = [package_root, *([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])]
        env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("PYTHONINSPECT", None)
    return env


class _Spawner:
    """Starts worker processes from one thread that lives as long as the
    program. On Linux the worker asks to be ended when its parent ends, and
    the kernel takes the parent to be the thread that started it; requests
    come from short-lived threads (a preview render, a template check)."""

    def __init__(self) -> None:
        self._requests: queue.Queue[tuple[Callable[[], subprocess.Popen[bytes]],
                                          queue.Queue[subprocess.Popen[bytes] | OSError]]]
        self._requests = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, make: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
        if not sys.platform.startswith("linux"):
            return make()
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._serve, name="render-worker-spawner",
                                                daemon=True)
                self._thread.start()
        done: queue.Queue[subprocess.Popen[bytes] | OSError] = queue.Queue(maxsize=1)
        self._requests.put((make, done))
        result = done.get()
        if isinstance(result, OSError):
            raise result
        return result

    def _serve(self) -> None:
        while True:
            make, done = self._requests.get()
            try:
                done.put(make())
            except OSError as exc:
                done.put(exc)


_spawner = _Spawner()


@dataclass
class _Live:
    """A running worker, with the thread that reads its answers."""

    process: subprocess.Popen[bytes]
    answers: queue.Queue[tuple[dict[str, Any], bytes] | None]
    reader: threading.Thread
    job: Any = None
    stopped: bool = False

    @property
    def stdin(self) -> IO[bytes]:
        assert self.process.stdin is not None
        return self.process.stdin


def _read_answers(stream: IO[bytes], answers: queue.Queue[tuple[dict[str, Any], bytes] | None],
                  ) -> None:
    try:
        while True:
            answers.put(read_frame(stream))
    except (EOFError, OSError, ValueError, struct.error):
        answers.put(None)


class RenderWorker:
    """A render worker process under ``limits``, started when first asked and
    again after it was ended. Safe to use from several threads: requests are
    served one at a time."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._live: _Live | None = None
        self._live_lock = threading.Lock()
        self._stops = 0
        """How many times :meth:`stop` was called: a request waiting its turn
        when the worker was stopped is not served by a new one."""

    @property
    def pid(self) -> int | None:
        """The worker process's id while it runs."""
        live = self._live
        return live.process.pid if live is not None and live.process.poll() is None else None

    def request(self, header: dict[str, Any], body: bytes = b"") -> tuple[dict[str, Any], bytes]:
        """Send a request and return the answer's header and body.

        Raises :class:`WorkerLimitError` when the request overran a limit
        (the worker was ended and the next request starts a new one), and
        :class:`WorkerError` when the worker could not answer."""
        stops = self._stops
        with self._lock:
            if stops != self._stops:
                raise WorkerStoppedError(_("The contract was not made: the program is closing."))
            live = self._live if self._live is not None else self._start()
            self._allow_cpu(live)
            with contextlib.suppress(OSError, ValueError):  # if it has ended, the reader says so
                write_frame(live.stdin, {**header, "cpu": self.limits.cpu_seconds}, body)
            try:
                answer = live.answers.get(timeout=self.limits.wall_seconds)
            except queue.Empty:
                self._end(live)
                if live.stopped:
                    raise WorkerStoppedError(_("The contract was not made: the program is "
                                          "closing.")) from None
                raise WorkerLimitError(LimitKind.WALL, self.limits) from None
            if answer is None:
                raise self._ended(live)
            reply, data = answer
            limit = reply.get("limit")
            if limit is not None:
                self._end(live, wait=True)
                raise WorkerLimitError(LimitKind(limit), self.limits)
            return reply, data

    def stop(self) -> None:
        """End the worker now (a request under way fails at once with
        :class:`WorkerStoppedError`); a later request starts a new one."""
        with self._live_lock:
            self._stops += 1
            live = self._live
            if live is None:
                return
            live.stopped = True
        self._end(live)

    # -- internals -------------------------------------------------------------------------
    def _start(self) -> _Live:
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            kwargs["creationflags"] = (subprocess.CREATE_NO_WINDOW
                                       | subprocess.CREATE_NEW_PROCESS_GROUP)
        else:
            kwargs["start_new_session"] = True  # a Ctrl+C in the terminal is the program's
        try:
            process = _spawner.start(lambda: subprocess.Popen(
                worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=worker_environment(), close_fds=True, **kwargs))
        except OSError as exc:
            raise WorkerError(_("The contract cannot be made: the program could not start "
                                "its render process ({reason}).").format(
                                    reason=exc.strerror or exc)) from None
        assert process.stdout is not None
        answers: queue.Queue[tuple[dict[str, Any], bytes] | None] = queue.Queue()
        reader = threading.Thread(target=_read_answers, args=(process.stdout, answers),
                                  name="render-worker-reader", daemon=True)
        reader.start()
        live = _Live(process, answers, reader)
        with self._live_lock:
            self._live = live
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            from wizard.core.render_limits import WindowsJob

            try:
                live.job = WindowsJob(self.limits.memory_bytes)
                live.job.assign(int(process._handle))  # type: ignore[attr-defined]
            except OSError:
                self._end(live)
                raise WorkerError(_("The contract cannot be made: the program could not "
                                    "limit its render process.")) from None
        try:
            write_frame(live.stdin, {"memory": self.limits.memory_bytes})
            ready = answers.get(timeout=STARTUP_SECONDS)
        except (OSError, ValueError, queue.Empty):
            ready = None
        if ready is None or not ready[0].get("ready"):
            self._end(live)
            raise WorkerError(_("The contract cannot be made: the program's render process "
                                "did not start."))
        return live

    def _allow_cpu(self, live: _Live) -> None:
        if live.job is not None:  # pragma: no cover - exercised on Windows only
            with contextlib.suppress(OSError):
                live.job.allow_cpu_seconds(int(live.process._handle),  # type: ignore[attr-defined]
                                           self.limits.cpu_seconds)

    def _end(self, live: _Live, wait: bool = False) -> None:
        """End ``live`` (after a moment for it to end itself, when ``wait``)."""
        process = live.process
        if wait:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(REAP_SECONDS)
        if process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(REAP_SECONDS)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.close()
        if live.job is not None:  # pragma: no cover - exercised on Windows only
            live.job.close()
            live.job = None
        with self._live_lock:
            if self._live is live:
                self._live = None

    def _ended(self, live: _Live) -> Exception:
        """Why ``live`` stopped answering, once it has ended."""
        process = live.process
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(REAP_SECONDS)
        code = process.poll()
        spent_cpu = False
        if live.job is not None:  # pragma: no cover - exercised on Windows only
            spent_cpu = live.job.spent_cpu(int(process._handle))  # type: ignore[attr-defined]
        elif code is not None and hasattr(signal, "SIGXCPU"):
            spent_cpu = code == -signal.SIGXCPU
        stopped = live.stopped
        self._end(live)
        if stopped:
            return WorkerStoppedError(_("The contract was not made: the program is closing."))
        if spent_cpu:
            return WorkerLimitError(LimitKind.CPU, self.limits)
        if code == EXIT_OVER_MEMORY:
            return WorkerLimitError(LimitKind.MEMORY, self.limits)
        return WorkerError(_("The contract could not be made: the program's render process "
                             "stopped unexpectedly (exit status {code}).").format(code=code))


_shared: RenderWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> RenderWorker:
    """The program's render worker, under the limits of the moment."""
    global _shared
    limits = current_limits()
    with _shared_lock:
        if _shared is not None and _shared.limits != limits:
            _shared.stop()
            _shared = None
        if _shared is None:
            _shared = RenderWorker(limits)
        return _shared


_no_waiting: tuple[int, Callable[[], None]] | None = None


def never_wait_here(notify: Callable[[], None] | None) -> None:
    """From now on nothing asked on this thread (the GUI thread) waits for the
    worker: a template check it asks for runs in a thread of its own, and
    ``notify`` is called (from that thread) when it is done. ``None`` ends it."""
    global _no_waiting
    _no_waiting = None if notify is None else (threading.get_ident(), notify)


def wait_again(notify: Callable[[], None]) -> None:
    """End :func:`never_wait_here` for ``notify``, if it is still the one in force
    (the window that asked for it is closing)."""
    global _no_waiting
    if _no_waiting is not None and _no_waiting[1] is notify:
        _no_waiting = None


def notify_instead_of_waiting() -> Callable[[], None] | None:
    """The callback of :func:`never_wait_here` when called on its thread,
    else ``None`` (this thread may wait)."""
    no_waiting = _no_waiting
    if no_waiting is not None and no_waiting[0] == threading.get_ident():
        return no_waiting[1]
    return None


def stop_worker() -> None:
    """End the render worker, if one runs (the program is closing, or a test
    is done with it)."""
    with _shared_lock:
        worker = _shared
    if worker is not None:
        worker.stop()


atexit.register(stop_worker)


# -- the worker's side ----------------------------------------------------------------------

def _protocol_streams() -> tuple[IO[bytes], IO[bytes]]:
    """The pipes from and to the program, kept for the frames alone: whatever
    else writes to standard output (a stray print) goes nowhere."""
    in_fd, out_fd = 0, 1
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        in_fd, out_fd = _windows_std_fds()
    requests = os.fdopen(os.dup(in_fd), "rb", buffering=0)
    answers = os.fdopen(os.dup(out_fd), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, out_fd)
    os.dup2(devnull, in_fd)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    return requests, answers


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _windows_std_fds() -> tuple[int, int]:
        """File descriptors for the standard input and output handles. A
        windowed program may start without C runtime descriptors for them,
        though the pipes were handed to it: they are made from the handles."""
        import ctypes
        import msvcrt

        fds: list[int] = []
        for fd, handle_id, mode in ((0, -10, os.O_RDONLY), (1, -11, os.O_WRONLY)):
            try:
                os.fstat(fd)
                fds.append(fd)
                continue
            except OSError:
                pass
            kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
            kernel32.GetStdHandle.restype = ctypes.c_void_p
            handle = kernel32.GetStdHandle(handle_id)
            fds.append(msvcrt.open_osfhandle(handle, mode | os.O_BINARY))
        return fds[0], fds[1]


_Handler = Callable[[dict[str, Any], bytes], tuple[dict[str, Any], bytes]]


def _use_language(code: str) -> None:
    from wizard import i18n
    from wizard.translations import MESSAGES_DOMAIN, load_translations

    if code and code != i18n.language():
        i18n.install(load_translations(MESSAGES_DOMAIN, code), code)


def _handle(header: dict[str, Any], body: bytes) -> tuple[dict[str, Any], bytes]:
    from wizard.core.project_file import ProjectFileError, project_from_bytes
    from wizard.core.render import RenderError, render_here
    from wizard.core.template_check import findings_here

    _use_language(str(header.get("language", "")))
    operation = header.get("op")
    template = Path(str(header.get("template", "")))
    try:
        if operation == "check":
            return {"findings": findings_here(template)}, b""
        project = project_from_bytes(body, Path(str(header.get("name") or "project.slaproj")))
        data = render_here(project, str(header["locale"]), template)
        if header.get("verify_as"):
            from wizard.core.docx_guard import ensure_contract_opens

            ensure_contract_opens(data, str(header["verify_as"]))  # to be written: it opens
        if operation == "preview":
            from wizard.core.contract_html import contract_html

            return {}, contract_html(data).encode("utf-8")
        return {}, data
    except (RenderError, ProjectFileError) as exc:
        return {"error": str(exc)}, b""
    except OSError as exc:  # the template went away since the program looked
        return {"error": _('The contract template "{file}" cannot be read: {reason}.').format(
            file=template.name, reason=exc.strerror or exc)}, b""


def serve(requests: IO[bytes], answers: IO[bytes], handle: _Handler = _handle) -> int:
    """Answer requests until the program closes the pipe. After a request
    that ran out of memory the worker ends (the program starts a new one)."""
    while True:
        try:
            header, body = read_frame(requests)
        except (EOFError, ValueError, struct.error):
            return 0
        try:
            allow_cpu_seconds(int(header.get("cpu", 0)) or 1)
            reply, data = handle(header, body)
            if len(data) > MAX_BODY:
                reply, data = {"error": _(
                    "The contract made from the template would be larger than {size} MB, so "
                    "it was not made: the template repeats far more text than a contract "
                    "has.").format(size=MAX_BODY // (1024 * 1024))}, b""
        except MemoryError:
            reply, data = {"limit": LimitKind.MEMORY.value}, b""
        except Exception as exc:  # a fault of the program's own, told as such
            reply, data = {"error": _("The contract could not be made: unexpected error "
                                      "({kind}): {detail}").format(
                kind=type(exc).__name__, detail=str(exc).splitlines()[0] if str(exc) else "")
            }, b""
        try:
            write_frame(answers, reply, data)
        except MemoryError:
            reply = {"limit": LimitKind.MEMORY.value}
            with contextlib.suppress(OSError, ValueError):
                write_frame(answers, reply)
        except (OSError, ValueError):
            return 0
        if reply.get("limit"):
            return _EXIT_AFTER_LIMIT


def main() -> int:
    """The worker process: limit itself as the program asks, load what a
    render needs, say it is ready, then serve."""
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the program handles Ctrl+C
    end_with_parent()
    requests, answers = _protocol_streams()
    try:
        hello, _body = read_frame(requests)
    except (EOFError, ValueError, struct.error):
        return 0
    limit_own_memory(int(hello.get("memory", 0)) or Limits().memory_bytes)
    import wizard.core.contract_html
    import wizard.core.project_file
    import wizard.core.render
    import wizard.core.template_check  # noqa: F401 - loaded before the first request

    write_frame(answers, {"ready": True, "pid": os.getpid()})
    return serve(requests, answers)


if __name__ == "__main__":
    sys.exit(main())
