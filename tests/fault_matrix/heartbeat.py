"""A QTimer heartbeat on the GUI thread that tells its own stalls from the machine's load.

Every tick records the wall clock and, from ``/proc/self/task/<tid>/schedstat`` (Linux),
each thread's CPU time and its time spent *runnable but not running* (waiting in the
kernel's run queue). A gap between two ticks is the interval plus:

- the GUI thread's own work or waiting (a slot that computes, a call that blocks on the
  network, the journal or the GIL): what must stay under the bound;
- load noise: the GUI thread, or the thread holding the GIL it waits for, sat in the run
  queue because other processes had the CPU (other test runs on a shared 2-core machine).

So each gap's *own* stall is ``gap - interval - noise``, where noise is the GUI thread's
run-queue wait plus the largest run-queue wait of any other thread of the process in the
same gap (an upper bound of what a descheduled GIL holder cost). The GUI thread's CPU time in
the gap is reported too: it is never load. Without schedstat (not Linux) nothing is
subtracted and the raw gaps are what is judged.

A watchdog thread looks at the GUI thread's stack whenever a tick is more than 60 ms late,
so a stall over the bound says what the GUI thread was doing.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer

INTERVAL_MS = 10


def _read_schedstat(path: str) -> tuple[float, float] | None:
    """(cpu ms, run-queue wait ms) of one thread, or None when unreadable."""
    try:
        with open(path, "rb") as fh:
            cpu, wait, _slices = fh.read().split()
    except (OSError, ValueError):
        return None
    return int(cpu) / 1e6, int(wait) / 1e6


def _all_threads() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return out
    for tid in tids:
        stat = _read_schedstat(f"/proc/self/task/{tid}/schedstat")
        if stat is not None:
            out[tid] = stat
    return out


@dataclass(frozen=True)
class Gap:
    wall_ms: float  #: time between two ticks, minus the interval
    gui_cpu_ms: float  #: the GUI thread's CPU time in it
    noise_ms: float  #: run-queue waits subtracted (see the module docstring)
    gc_ms: float = 0.0  #: garbage collections (any thread) in the gap: reported, never subtracted

    @property
    def own_ms(self) -> float:
        return max(0.0, self.wall_ms - self.noise_ms)


@dataclass(frozen=True)
class StallReport:
    ticks: int
    worst_wall_ms: float  #: the largest raw gap (minus the interval), load included
    worst_own_ms: float  #: the largest gap once load noise is taken out
    worst_cpu_ms: float  #: the most CPU the GUI thread spent in one gap
    worst_gc_ms: float  #: the longest time spent collecting garbage within one gap
    noisy_gaps: int  #: gaps over the bound that load explains
    schedstat: bool  #: whether load could be measured at all
    stacks: list[str] = field(default_factory=list)  #: the GUI thread during late ticks

    def summary(self) -> str:
        how = "" if self.schedstat else " (no schedstat: raw)"
        text = (
            f"own {self.worst_own_ms:.0f} ms, raw {self.worst_wall_ms:.0f} ms, "
            f"cpu {self.worst_cpu_ms:.0f} ms, gc {self.worst_gc_ms:.0f} ms{how}"
        )
        if self.stacks:
            text += "; the GUI thread while late:\n" + "\n---\n".join(self.stacks[-3:])
        return text


class Heartbeat:
    """Start it on the GUI thread; :meth:`stop` returns the :class:`StallReport`."""

    def __init__(self, interval_ms: int = INTERVAL_MS) -> None:
        self.interval_ms = interval_ms
        self.gui_tid = str(threading.get_native_id())
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[Gap] = []
        self._last: tuple[float, dict[str, tuple[float, float]]] | None = None
        self.schedstat = bool(_all_threads())
        self._gui_ident = threading.get_ident()
        self._last_tick = time.perf_counter()
        self._stopped = threading.Event()
        self._watchdog = threading.Thread(target=self._watch, name="heartbeat-watch", daemon=True)
        self.stacks: list[str] = []
        self._gc_ms = 0.0  # collections since the last tick (a collection holds the GIL)
        self._gc_started = 0.0

    def _on_gc(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            self._gc_ms += (time.perf_counter() - self._gc_started) * 1000
            self._gc_started = 0.0

    def start(self) -> Heartbeat:
        gc.callbacks.append(self._on_gc)
        self._last = (time.perf_counter(), _all_threads())
        self._last_tick = self._last[0]
        self.timer.start()
        self._watchdog.start()
        return self

    def _watch(self) -> None:
        seen = 0.0
        while not self._stopped.wait(0.01):
            last = self._last_tick
            if time.perf_counter() - last > 0.06 and last != seen:
                seen = last
                frame = sys._current_frames().get(self._gui_ident)
                if frame is not None and len(self.stacks) < 20:
                    self.stacks.append("".join(traceback.format_stack(frame, limit=6)))

    def _tick(self) -> None:
        now, stats = time.perf_counter(), _all_threads()
        self._last_tick = now
        if self._last is not None:
            then, before = self._last
            wall = (now - then) * 1000 - self.interval_ms
            gui_cpu = gui_wait = other_wait = 0.0
            for tid, (cpu, wait) in stats.items():
                if tid not in before:
                    continue
                d_cpu, d_wait = cpu - before[tid][0], wait - before[tid][1]
                if tid == self.gui_tid:
                    gui_cpu, gui_wait = d_cpu, d_wait
                else:
                    other_wait = max(other_wait, d_wait)
            self.gaps.append(Gap(max(0.0, wall), gui_cpu, gui_wait + other_wait, self._gc_ms))
        self._gc_ms = 0.0
        self._last = (now, stats)

    def stop(self, bound_ms: float = 100.0) -> StallReport:
        self.timer.stop()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        self._stopped.set()
        self._watchdog.join(1)
        self._tick()
        gaps = self.gaps or [Gap(0.0, 0.0, 0.0)]
        return StallReport(
            ticks=len(self.gaps),
            worst_wall_ms=max(g.wall_ms for g in gaps),
            worst_own_ms=max(g.own_ms for g in gaps),
            worst_cpu_ms=max(g.gui_cpu_ms for g in gaps),
            worst_gc_ms=max(g.gc_ms for g in gaps),
            noisy_gaps=sum(1 for g in gaps if g.wall_ms > bound_ms >= g.own_ms),
            schedstat=self.schedstat,
            stacks=list(self.stacks),
        )
