"""``python -m benchmarks [--quick] [--json]``: signing and round-trip budgets vs the SDK.

Prints, in one run: (a) sign / verify operations per second, ours vs the official SDK's
``signature_tool``, with ratios (budget: our signing >= 50x the SDK's); (b) the median
pay -> inquiryPayment round trip on loopback against one embedded sandbox, our AntomClient
vs the SDK's request classes + signing (budget: ours no slower), as a ratio; (c) the
sandbox's requests per second. Takes about 25 s (about 8 s with ``--quick``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from typing import Any

SIGN_BUDGET = 50.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter run, rougher figures")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when a budget is missed")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        import com.alipay.ams.api  # noqa: F401
    except ImportError:
        print("benchmarks need the official SDK: pip install 'global-open-sdk-python==1.7.1'"
              " (the 'bench' extra)", file=sys.stderr)
        return 2
    from benchmarks import bench_roundtrip, bench_signing

    started = time.perf_counter()
    signing = bench_signing.run(seconds=0.6 if args.quick else 2.0)
    trip = bench_roundtrip.run(rounds=12 if args.quick else 40,
                               throughput_seconds=1.0 if args.quick else 3.0)
    elapsed = time.perf_counter() - started
    sign_ok = signing["sign_ratio"] >= SIGN_BUDGET
    trip_ok = trip.get("ours_roundtrip_ms") is not None and trip["ours_roundtrip_ms"] <= trip[
        "sdk_roundtrip_ms"]
    if args.json:
        print(json.dumps({"signing": signing, "roundtrip": trip, "seconds": elapsed,
                          "budgets": {"sign_ratio_ge_50": sign_ok,
                                      "roundtrip_not_slower": trip_ok}}, indent=2))
    else:
        _print(signing, trip, sign_ok, trip_ok, elapsed)
    return 1 if args.strict and not (sign_ok and trip_ok) else 0


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _print(s: dict[str, Any], t: dict[str, Any], sign_ok: bool, trip_ok: bool,
           elapsed: float) -> None:
    print(f"Antom RSA256, RSA-2048 key, {s['body_bytes']}-byte body")
    print(f"{'operation':<22}{'ours /s':>12}{'SDK /s':>12}{'ratio':>10}")
    for label, key in (("sign", "sign"), ("verify", "verify"),
                       ("sign + verify", "sign_verify")):
        print(f"{label:<22}{s[f'ours_{key}_per_s']:>12,.1f}{s[f'sdk_{key}_per_s']:>12,.1f}"
              f"{s[f'{key}_ratio']:>9,.1f}x")
    print(f"budget: our signing >= {SIGN_BUDGET:g}x the SDK's ... {_verdict(sign_ok)}")
    print()
    print(f"pay -> inquiryPayment round trip on loopback, median of {t['rounds']}")
    print(f"  SDK request classes + signature_tool : {t['sdk_roundtrip_ms']:8.2f} ms")
    if t.get("ours_roundtrip_ms") is None:
        print(f"  our AntomClient                      : unavailable ({t.get('ours_error')})")
    else:
        print(f"  our AntomClient                      : {t['ours_roundtrip_ms']:8.2f} ms")
        print(f"  ratio SDK / ours                     : {t['roundtrip_speedup']:8.1f}x")
    print(f"budget: our round trip no slower than the SDK's ... {_verdict(trip_ok)}")
    print()
    print(f"sandbox throughput (signed inquiryPayment, 4 keep-alive clients): "
          f"{t['sandbox_requests_per_s']:,.0f} requests/s")
    print(f"total {elapsed:.1f} s")


if __name__ == "__main__":
    raise SystemExit(main())
