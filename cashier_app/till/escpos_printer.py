"""Receipts and order-code slips on an ESC/POS thermal printer, over python-escpos. Qt-free.

The receipt's wording comes from ``reports.receipts.receipt_lines`` (the same lines the PDF
and the Qt printer paint), laid out for the roll's characters per line; an order code is
printed as the printer's own QR (``GS ( k``), so the code stays sharp at any head
resolution; then the paper is cut. ``open_printer`` connects to the installation's
printer; tests render to python-escpos's in-memory ``Dummy`` printer and read its bytes.

Lines are laid out by display width (a Chinese character takes two of the roll's columns).
A receipt with Chinese on it is sent in the printer's Chinese character mode (``FS &``,
cancelled with ``FS .`` before the cut) with every line encoded GB18030, the encoding
Chinese ESC/POS printers take (GBK and GB2312 are its two-byte subsets). python-escpos's
own encoder sends a line as GB18030 only when it holds a Han character (U+4E00–U+9FA5);
a line of Chinese punctuation alone ("（外带）"), or a full-width sign, falls to its
code-page search and prints "?". The yen sign, which GBK lacks, goes out as its full-width
form ￥ (the same sign).
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.reports.receipts import ReceiptData, receipt_lines, text_rows, translator
from cashier_app.reports.wrap import display_width, wrap
from cashier_app.till.printer_config import QR_MODULE_DOTS, PrinterConfig


class PrinterError(CashierError):
    """The printer could not be reached or refused the job; the message says which."""

    layer = "till"
    MESSAGES: ClassVar[dict[str, str]] = {
        "printer_not_set": "no receipt printer is set for this till",
        "printer_unreachable": "cannot open the {connection} printer at {where}: {reason}",
        "printer_refused": "the printer refused the receipt: {reason}",
    }


def open_printer(config: PrinterConfig) -> Any:
    """A connected python-escpos printer for ``config``. Blocking (USB, serial, socket):
    never on the GUI thread."""
    from escpos import printer as escpos_printer

    try:
        if config.connection == "usb":
            p = escpos_printer.Usb(config.usb_vendor, config.usb_product)
        elif config.connection == "serial":
            p = escpos_printer.Serial(config.serial_device, baudrate=config.baudrate)
        elif config.connection == "network":
            p = escpos_printer.Network(config.host, port=config.port, timeout=10)
        elif config.connection == "file":
            p = escpos_printer.File(config.device_file)
        else:
            raise PrinterError.of("printer_not_set")
        p.open()
    except PrinterError:
        raise
    except Exception as exc:  # the library raises its own, usb.core's, serial's, OSError
        where = {
            "usb": f"USB {config.usb_vendor:04x}:{config.usb_product:04x}",
            "serial": config.serial_device,
            "network": f"{config.host}:{config.port}",
            "file": config.device_file,
        }[config.connection]
        raise PrinterError.of(
            "printer_unreachable", connection=config.connection, where=where, reason=exc
        ) from None
    return p


#: ESC/POS: select and cancel the Chinese (Kanji) character mode.
CHINESE_MODE_ON, CHINESE_MODE_OFF = b"\x1c&", b"\x1c."


def needs_chinese_mode(texts: list[str]) -> bool:
    """True when any of ``texts`` has a character outside ASCII and Latin-1 that is wide
    (Chinese) or CJK punctuation: then the whole receipt goes out as GB18030."""
    return any(display_width(t) != len(t) for t in texts)


class _Lines:
    """Writes lines to the python-escpos printer ``p``: through its encoder, or, in
    Chinese mode, as GB18030 bytes."""

    def __init__(self, p: Any, chinese: bool) -> None:
        self.p = p
        self.chinese = chinese

    def __call__(self, text: str) -> None:
        if not self.chinese:
            self.p.textln(text)
            return
        text = text.replace("\u00a5", "\uffe5")
        try:
            data = text.encode("gbk")
        except UnicodeEncodeError:
            if display_width(text) == len(text):  # no Chinese on it ("Alipay+™"): the
                self.p._raw(CHINESE_MODE_OFF)  # printer's code pages have its signs
                self.p.textln(text)
                self.p._raw(CHINESE_MODE_ON)
                return
            data = text.encode("gb18030", "replace")
        self.p._raw(data + b"\n")


def render_receipt(
    p: Any, data: ReceiptData, config: PrinterConfig, *, order_code: str = ""
) -> None:
    """Send ``data`` as a receipt to the python-escpos printer ``p``: centred heading,
    large amount and status, labelled lines wrapped to the roll (ids whole), the order
    code's QR when given, then the cut."""
    width = config.chars_per_line
    lines = receipt_lines(data)
    line_out = _Lines(p, needs_chinese_mode([t for ln in lines for t in (ln.label, ln.value)]))
    p.set(align="center")
    if line_out.chinese:
        p._raw(CHINESE_MODE_ON)
    for line in lines:
        if line.rule_before:
            p.set(align="left", bold=False, double_width=False, double_height=False)
            line_out("-" * width)
        if line.label:
            p.set(align="left", bold=line.bold, double_width=False, double_height=False)
            small = False
            for row, row_small in text_rows(line, width, data.lang, config.small_chars_per_line):
                if row_small != small:
                    p.set(font="b" if row_small else "a")
                    small = row_small
                line_out(row)
            if small:
                p.set(font="a")
            continue
        big = line.size >= 20
        p.set(align="center", bold=line.bold or big, double_width=big, double_height=big)
        for part in wrap(line.value, width // 2 if big else width, display_width):
            line_out(part)
    p.set(align="left", bold=False, double_width=False, double_height=False)
    if line_out.chinese:
        p._raw(CHINESE_MODE_OFF)
    if order_code:
        _qr(p, order_code, config)
    _finish(p, config)


def render_order_code(
    p: Any,
    code_value: str,
    amount: str,
    wallet: str,
    config: PrinterConfig,
    *,
    merchant_name: str = "",
    expires: str = "",
    lang: str = "en",
) -> None:
    """A slip the customer scans with ``wallet``: merchant, amount, QR, expiry, cut; its
    words in ``lang``."""
    if not code_value:
        raise ValueError("an order-code slip needs the code's value")
    tr = translator(lang)
    scan = tr("Scan with %1").replace("%1", wallet)
    until = tr("Valid until %1").replace("%1", expires) if expires else ""
    line_out = _Lines(p, needs_chinese_mode([merchant_name, scan, until]))
    if line_out.chinese:
        p._raw(CHINESE_MODE_ON)
    if merchant_name:
        p.set(align="center", bold=True)
        line_out(merchant_name)
    p.set(align="center", bold=True, double_width=True, double_height=True)
    line_out(amount)
    p.set(align="center", bold=False, double_width=False, double_height=False)
    line_out(scan)
    _qr(p, code_value, config)
    if until:
        p.set(align="center")
        line_out(until)
    p.set(align="left")
    if line_out.chinese:
        p._raw(CHINESE_MODE_OFF)
    _finish(p, config)


def _qr(p: Any, value: str, config: PrinterConfig) -> None:
    from escpos.constants import QR_ECLEVEL_M

    p.set(align="center")
    p.qr(value, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS[config.paper_mm], native=True)
    p.ln()
    p.set(align="left")


def _finish(p: Any, config: PrinterConfig) -> None:
    if config.cut:
        p.cut()
    else:
        p.ln(4)


def print_receipt(config: PrinterConfig, data: ReceiptData, *, order_code: str = "") -> None:
    """Open the installation's printer, print, close. Raises PrinterError. Blocking."""
    p = open_printer(config)
    try:
        render_receipt(p, data, config, order_code=order_code)
    except PrinterError:
        raise
    except Exception as exc:
        raise PrinterError.of("printer_refused", reason=exc) from None
    finally:
        with contextlib.suppress(Exception):  # a broken link must not hide the real error
            p.close()
