"""A stopped sandbox is really unreachable, even on kept-alive connections, and a restart
comes back on the same address (what the GUI's "gateway down" scenario relies on)."""

from __future__ import annotations

import httpx
import pytest

from cashier_app.sandbox import SandboxGateway


def test_stop_closes_keep_alive_connections_and_restart_reuses_the_port(gateway_key):
    from pg_server import free_port

    # a port no connection's local end is handed meanwhile (the restart comes back on it)
    gw = SandboxGateway(gateway_private_key=gateway_key, port=free_port()).start()
    try:
        url = gw.url
        with httpx.Client(timeout=2) as http:
            assert http.get(f"{url}/sandbox/info").status_code == 200  # opens a keep-alive conn
            gw.stop()
            with pytest.raises(httpx.TransportError):
                http.get(f"{url}/sandbox/info")
            gw.start()
            assert gw.url == url
            assert http.get(f"{url}/sandbox/info").status_code == 200
    finally:
        gw.stop()
