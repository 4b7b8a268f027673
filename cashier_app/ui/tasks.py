"""Run blocking service calls on a QThreadPool and hand results back on the GUI thread.

The service layers (checkout, journal, keystore, gateway) are plain synchronous Python. The
GUI never calls them directly: it asks :class:`TaskRunner` to run them on a worker thread and
gets the result (or the exception) back by signal, on the GUI thread.

Tasks are *named* and *preemptive* (after feeluown's ``task.py``): starting a task under a
name that is already running supersedes it, and :meth:`TaskRunner.cancel` abandons a name or
a whole group (``"redirect"`` covers ``"redirect:poll"``, ``"redirect:cancel"``...). A worker
thread cannot be interrupted safely, so an abandoned task still runs to its end, but its late
result is dropped by a generation counter instead of reaching a page that has moved on.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Task:
    """One call handed to a worker (a plain class: ``dataclasses`` need not load before
    the window's first paint)."""

    __slots__ = (
        "args",
        "done",
        "fn",
        "generation",
        "id",
        "kwargs",
        "name",
        "on_done",
        "on_error",
        "owner",
        "runnable",
    )

    def __init__(
        self,
        id: int,
        name: str,
        generation: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
    ) -> None:
        self.id, self.name, self.generation = id, name, generation
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.on_done, self.on_error, self.owner = on_done, on_error, owner
        self.runnable: QRunnable | None = None
        #: set once the worker has returned and reported (or found nobody left to report to)
        self.done = threading.Event()

    def __repr__(self) -> str:
        return f"_Task(id={self.id}, name={self.name!r}, generation={self.generation})"


class _Runnable(QRunnable):
    """Runs one task on a pool thread and reports through the runner's queued signal."""

    def __init__(self, task: _Task, report: SignalInstance) -> None:
        super().__init__()
        # The runner keeps a Python reference until the result arrives; Qt must not delete it.
        self.setAutoDelete(False)
        self._task = task
        self._report = report

    def run(self) -> None:
        task = self._task
        try:
            try:
                result = task.fn(*task.args, **task.kwargs)
            except BaseException as exc:
                log.debug("task %s failed:\n%s", task.name, traceback.format_exc())
                ok, payload = False, exc
            else:
                ok, payload = True, result
            self._deliver(ok, payload)
        finally:
            task.done.set()

    def _deliver(self, ok: bool, payload: object) -> None:
        # The runner (and the window owning it) may be gone by now: quitting while a slow
        # call is in flight. Nobody is left to tell, which is not an error.
        try:
            self._report.emit(self._task.id, ok, payload)
        except RuntimeError:
            log.debug("task %s finished after its runner was deleted", self._task.name)


class TaskRunner(QObject):
    """Runs named blocking callables off the GUI thread.

    Signals:
        task_started(str name): a task was queued.
        task_finished(str name, object result): a current task returned.
        task_failed(str name, object exc): a current task raised.
        task_dropped(str name): an abandoned task finished; its result was thrown away.
        busy_changed(bool): whether any current task is in flight.
    """

    task_started = Signal(str)
    task_finished = Signal(str, object)
    task_failed = Signal(str, object)
    task_dropped = Signal(str)
    busy_changed = Signal(bool)

    # Emitted from worker threads; the receiver lives on the GUI thread, so Qt queues it.
    _reported = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._generations: dict[str, int] = {}
        self._tasks: dict[int, _Task] = {}
        self._closed = False
        self._reported.connect(self._on_reported)

    # -- public API ---------------------------------------------------------------------
    def run(
        self,
        name: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> int:
        """Run ``fn(*args, **kwargs)`` on a worker; return the task id.

        ``on_done(result)`` / ``on_error(exc)`` are called on the GUI thread, only if the task
        is still current (not superseded by a newer task of the same name, not cancelled) and
        ``owner`` (when given) still exists.
        """
        if not name:
            raise ValueError("a task needs a name")
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        was_busy = self.is_busy()
        generation = self._generations.get(name, 0) + 1
        self._generations[name] = generation
        task = _Task(next(self._ids), name, generation, fn, args, kwargs, on_done, on_error, owner)
        task.runnable = _Runnable(task, self._reported)
        self._tasks[task.id] = task
        self._pool.start(task.runnable)
        self.task_started.emit(name)
        if not was_busy:
            self.busy_changed.emit(True)
        return task.id

    def cancel(self, name: str) -> None:
        """Abandon the task called ``name`` and every task of the group ``name:*``."""
        was_busy = self.is_busy()
        prefix = f"{name}:"
        for key in list(self._generations):
            if key == name or key.startswith(prefix):
                self._generations[key] += 1
        if was_busy and not self.is_busy():
            self.busy_changed.emit(False)

    def done_event(self, task_id: int) -> threading.Event:
        """An event set once the task's worker has returned (even if the runner has been
        deleted since); an already reported task's event is a set one."""
        task = self._tasks.get(task_id)
        if task is None:
            event = threading.Event()
            event.set()
            return event
        return task.done

    def is_running(self, name: str) -> bool:
        """Whether a current (not abandoned) task called ``name`` is in flight."""
        return any(t.name == name and self._is_current(t) for t in self._tasks.values())

    def is_busy(self) -> bool:
        return any(self._is_current(t) for t in self._tasks.values())

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Abandon everything and wait up to ``timeout_ms`` for the workers to finish."""
        self._closed = True
        for key in self._generations:
            self._generations[key] += 1
        return bool(self._pool.waitForDone(timeout_ms))

    def wait_for_done(self, timeout_ms: int = 3000) -> bool:
        """Block until the pool is idle (tests and shutdown only, never from a page)."""
        return bool(self._pool.waitForDone(timeout_ms))

    # -- internals ----------------------------------------------------------------------
    def _is_current(self, task: _Task) -> bool:
        return self._generations.get(task.name) == task.generation

    @Slot(int, bool, object)
    def _on_reported(self, task_id: int, ok: bool, payload: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        task.runnable = None
        current = self._is_current(task) and not self._closed
        owner_gone = task.owner is not None and not shiboken6.isValid(task.owner)
        if not current or owner_gone:
            log.debug("dropped the late result of task %s", task.name)
            self.task_dropped.emit(task.name)
            if not self.is_busy():
                self.busy_changed.emit(False)
            return
        try:
            if ok:
                self.task_finished.emit(task.name, payload)
                if task.on_done is not None:
                    task.on_done(payload)
            else:
                assert isinstance(payload, BaseException)
                self.task_failed.emit(task.name, payload)
                if task.on_error is not None:
                    task.on_error(payload)
                else:  # nobody handles it: an uncaught exception (crash report, ui/crash.py)
                    payload.add_note(f"(in task {task.name!r}, on a worker thread)")
                    sys.excepthook(type(payload), payload, payload.__traceback__)
        finally:
            if not self.is_busy():
                self.busy_changed.emit(False)
