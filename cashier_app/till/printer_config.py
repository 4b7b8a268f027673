"""The till's receipt printer, set once per installation (``<config dir>/printer.json``).

Connections are the ones python-escpos offers for a receipt printer: ``usb`` (vendor and
product id), ``serial`` (device and baud rate), ``network`` (host and port, raw 9100),
``file`` (a device file such as ``/dev/usb/lp0``), or ``none`` (print to PDF / the Qt
printer only). Paper is 58 or 80 mm wide. Bad settings raise ``PrinterConfigError``
naming the field; nothing half-valid is saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from cashier_app.domain.errors import CashierError
from cashier_app.domain.values import asdict, dataclass
from cashier_app.keystore.atomic import atomic_write
from cashier_app.support import paths

CONNECTIONS = ("none", "usb", "serial", "network", "file")
PAPER_WIDTHS_MM = (58, 80)
#: Characters per line in font A (12 dots wide) on the printable width of each roll:
#: 384 dots on 58 mm paper, 576 dots on 80 mm paper (203 dpi heads).
CHARS_PER_LINE = {58: 32, 80: 48}
#: The same in font B (9 dots wide), where an id too long for font A is printed whole.
SMALL_CHARS_PER_LINE = {58: 42, 80: 64}
#: QR module size in dots: about 25-30 mm for a typical order-code URL on each roll.
QR_MODULE_DOTS = {58: 5, 80: 7}


class PrinterConfigError(CashierError, ValueError):
    """A printer setting is wrong; ``field`` names it."""

    layer = "till"
    MESSAGES: ClassVar[dict[str, str]] = {
        "not_one_of": "printer {field}: {value!r} is not one of {choices}",
        "paper": "printer {field}: {value!r} mm paper is not supported (58 or 80)",
        "needed": "printer {field}: is needed for a {connection} printer",
        "out_of_range": "printer {field}: {value!r} is not a number from 0 to {top}",
        "unknown_setting": "printer {field}: is not a printer setting",
        "not_a_number": "printer {field}: {value!r} is not a number",
        "unreadable": "printer {field}: {path} cannot be read: {problem}",
        "not_an_object": "printer {field}: {path} is not a JSON object",
    }

    @property
    def field(self) -> str:
        """The setting that is wrong (``file`` for the settings file itself)."""
        return self.params.get("field", "")


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    connection: str = "none"
    paper_mm: int = 80
    usb_vendor: int = 0  #: e.g. 0x04B8 (Epson)
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    host: str = ""
    port: int = 9100
    device_file: str = ""
    cut: bool = True

    def __post_init__(self) -> None:
        if self.connection not in CONNECTIONS:
            raise PrinterConfigError.of(
                "not_one_of",
                field="connection",
                value=self.connection,
                choices=", ".join(CONNECTIONS),
            )
        if self.paper_mm not in PAPER_WIDTHS_MM:
            raise PrinterConfigError.of("paper", field="paper_mm", value=self.paper_mm)
        need = {
            "usb": ("usb_vendor", "usb_product"),
            "serial": ("serial_device",),
            "network": ("host",),
            "file": ("device_file",),
        }.get(self.connection, ())
        for name in need:
            if not getattr(self, name):
                raise PrinterConfigError.of("needed", field=name, connection=self.connection)
        for name, top in (
            ("usb_vendor", 0xFFFF),
            ("usb_product", 0xFFFF),
            ("port", 65535),
            ("baudrate", 4_000_000),
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
                raise PrinterConfigError.of("out_of_range", field=name, value=value, top=top)

    @property
    def enabled(self) -> bool:
        return self.connection != "none"

    @property
    def chars_per_line(self) -> int:
        return CHARS_PER_LINE[self.paper_mm]

    @property
    def small_chars_per_line(self) -> int:
        return SMALL_CHARS_PER_LINE[self.paper_mm]

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PrinterConfig:
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(raw) - known)
        if unknown:
            raise PrinterConfigError.of("unknown_setting", field=unknown[0])
        values = dict(raw)
        for name in ("usb_vendor", "usb_product"):
            if isinstance(values.get(name), str):  # "0x04b8" as written on the label
                try:
                    values[name] = int(values[name], 0)
                except ValueError:
                    raise PrinterConfigError.of(
                        "not_a_number", field=name, value=values[name]
                    ) from None
        return cls(**values)


def config_path() -> Path:
    return paths.config_dir() / "printer.json"


def load_printer_config(path: Path | None = None) -> PrinterConfig:
    """The installation's printer; no file means no ESC/POS printer."""
    path = path or config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PrinterConfig()
    except (OSError, ValueError) as exc:
        raise PrinterConfigError.of("unreadable", field="file", path=path, problem=exc) from None
    if not isinstance(raw, dict):
        raise PrinterConfigError.of("not_an_object", field="file", path=path)
    return PrinterConfig.from_dict(raw)


def save_printer_config(config: PrinterConfig, path: Path | None = None) -> Path:
    path = path or config_path()
    atomic_write(path, (json.dumps(asdict(config), indent=2) + "\n").encode(), mode=0o644)
    return path
