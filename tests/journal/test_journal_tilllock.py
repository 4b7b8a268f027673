"""The per-profile till lock: one holder at a time, released on close and on process death."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from cashier_app.journal.tilllock import TillLock


def test_second_holder_is_refused_until_release(tmp_path):
    first, second = TillLock(tmp_path, "shop"), TillLock(tmp_path, "shop")
    assert first.acquire() and first.held
    assert not second.acquire() and not second.held
    assert second.holder() == str(os.getpid())
    assert TillLock(tmp_path, "other").acquire()  # profiles are independent
    first.release()
    assert second.acquire()
    second.release()


def test_profile_names_cannot_escape_the_directory(tmp_path):
    lock = TillLock(tmp_path / "locks", "../../etc/x")
    assert lock.path.parent == tmp_path / "locks"


def test_sigkilled_holder_frees_the_lock(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        from cashier_app.journal.tilllock import TillLock
        assert TillLock({str(tmp_path)!r}, "shop").acquire()
        print("held", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"  # type: ignore[union-attr]
        assert not TillLock(tmp_path, "shop").acquire()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert TillLock(tmp_path, "shop").acquire()
    finally:
        child.kill()
        child.wait()
