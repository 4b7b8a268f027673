"""httpx is loaded without its command-line interface (rich, click, pygments), and is
whole all the same: its client works and ``httpx._main`` can still be imported later."""

from __future__ import annotations

import subprocess
import sys


def test_the_gateway_client_loads_httpx_without_its_command_line():
    script = (
        "import sys\n"
        "import cashier_app.gateway.antom, cashier_app.gateway.alipayhk\n"
        "extra = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rich', 'click', 'pygments') or m == 'httpx._main')\n"
        "import httpx\n"
        "answer = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(204)))"
        ".post('http://127.0.0.1/x')\n"
        "import httpx._main\n"
        "print(extra, answer.status_code, 'httpx._main' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.stdout.split() == ["[]", "204", "True"], out.stderr
