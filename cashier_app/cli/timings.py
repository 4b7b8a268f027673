"""Wall time of each phase of a headless command (``cashier pay --timings``)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from cashier_app.cli import STARTED as PROCESS_T0  # interpreter start-up comes before


class Phases:
    """Named phases in the order run, each in milliseconds; ``detail`` groups sub-phases
    (``services_detail``: keys, journal, sandbox, client). Not thread-safe: one command."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = {}
        self.detail: dict[str, dict[str, float]] = {}
        self._mark = PROCESS_T0

    def lap(self, name: str) -> None:
        """Everything since the previous lap (or since start) is phase ``name``."""
        now = time.perf_counter()
        self.ms[name] = round((now - self._mark) * 1000, 2)
        self._mark = now

    @contextmanager
    def sub(self, group: str, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.detail.setdefault(group, {})[name] = round((time.perf_counter() - start) * 1000, 2)

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.ms)
        out["total"] = round((time.perf_counter() - PROCESS_T0) * 1000, 2)
        for group, parts in self.detail.items():
            out[f"{group}_detail"] = dict(parts)
        return out

    def render(self) -> str:
        data = self.as_json()
        parts = []
        for name, value in data.items():
            if isinstance(value, dict):
                continue
            text = f"{name} {value:.1f} ms"
            inner = self.detail.get(name)
            if inner:
                text += " (" + ", ".join(f"{k} {v:.1f}" for k, v in inner.items()) + ")"
            parts.append(text)
        return "timings: " + ", ".join(parts)


class NoPhases(Phases):
    """Records nothing (the default when no one asked)."""

    def lap(self, name: str) -> None:
        pass

    @contextmanager
    def sub(self, group: str, name: str) -> Iterator[None]:
        yield
