"""``cashier printer``: the till's ESC/POS receipt printer, set once per installation."""

from __future__ import annotations

import argparse
import json
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.text import t
from cashier_app.domain.values import asdict


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "printer",
        help="show, set or test the till's ESC/POS receipt printer",
        description="The receipt printer of this installation (USB, serial, network or a "
        "device file; 58 or 80 mm paper). 'cashier receipt ID --escpos' prints "
        "to it.",
    )
    sub = p.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="print the setting")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=run_show)
    put = sub.add_parser("set", help="save the setting (checked first; nothing half-saved)")
    put.add_argument(
        "--connection", required=True, choices=("none", "usb", "serial", "network", "file")
    )
    put.add_argument("--paper", type=int, default=80, help="paper width in mm: 58 or 80")
    put.add_argument("--usb", metavar="VENDOR:PRODUCT", help="e.g. 0x04b8:0x0e15")
    put.add_argument("--serial-device", metavar="DEV", default="", help="e.g. /dev/ttyUSB0")
    put.add_argument("--baudrate", type=int, default=9600)
    put.add_argument("--host", default="", help="network printer host (raw port 9100)")
    put.add_argument("--port", type=int, default=9100)
    put.add_argument("--device-file", metavar="FILE", default="", help="e.g. /dev/usb/lp0")
    put.add_argument("--no-cut", action="store_true", help="the printer has no cutter")
    put.set_defaults(run=run_set)
    test = sub.add_parser("test", help="print a test slip with a QR code")
    test.set_defaults(run=run_test)
    p.set_defaults(run=lambda _a: p.print_help() or 2)


def run_show(args: argparse.Namespace) -> int:
    from cashier_app.till.printer_config import (
        PrinterConfigError,
        config_path,
        load_printer_config,
    )

    try:
        cfg = load_printer_config()
    except PrinterConfigError as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    if args.json:
        print(json.dumps({**asdict(cfg), "file": str(config_path())}))
    else:
        print(
            t(
                "printer: %1 (%2 mm, %3 chars) in %4",
                connection_text(cfg.connection),
                cfg.paper_mm,
                cfg.chars_per_line,
                config_path(),
            )
        )
    return 0


def run_set(args: argparse.Namespace) -> int:
    from cashier_app.till.printer_config import (
        PrinterConfig,
        PrinterConfigError,
        save_printer_config,
    )

    raw: dict[str, Any] = {
        "connection": args.connection,
        "paper_mm": args.paper,
        "serial_device": args.serial_device,
        "baudrate": args.baudrate,
        "host": args.host,
        "port": args.port,
        "device_file": args.device_file,
        "cut": not args.no_cut,
    }
    if args.usb:
        vendor, _, product = args.usb.partition(":")
        raw.update(usb_vendor=vendor, usb_product=product)
    try:
        cfg = PrinterConfig.from_dict(raw)
    except PrinterConfigError as exc:
        raise CliError.of("error_2", value=exc.field.replace("_", "-"), exc=exc) from None
    path = save_printer_config(cfg)
    print(t("printer set: %1 (%2 mm) in %3", connection_text(cfg.connection), cfg.paper_mm, path))
    return 0


def run_test(args: argparse.Namespace) -> int:
    from cashier_app.till.escpos_printer import PrinterError, open_printer, render_order_code
    from cashier_app.till.printer_config import PrinterConfigError, load_printer_config

    try:
        cfg = load_printer_config()
        p = open_printer(cfg)
        try:
            render_order_code(
                p,
                "https://example.com/cashier-printer-test",
                "TEST",
                "your wallet",
                cfg,
                merchant_name="cashier printer test",
            )
        finally:
            p.close()
    except (PrinterConfigError, PrinterError) as exc:
        raise CliError.of("error", error=exc, exit_code=1) from None
    print(t("test slip sent"))
    return 0


def connection_text(connection: str) -> str:
    """How the printer is connected, in the operator's language."""
    return {
        "none": t("none"),
        "usb": "USB",
        "serial": t("serial port"),
        "network": t("network"),
        "file": t("device file"),
    }.get(connection, connection)
