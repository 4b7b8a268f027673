"""End of day for the whole store: the store server's totals (every till) on the End of day
page, by wallet, by operator or by till. Read from PostgreSQL on a worker by the page; this
only lays the answer out (``store.reader.StoreDay``: plain values)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor

from cashier_app.domain.outcome import Status
from cashier_app.reports.amounts import minor_display
from cashier_app.ui.models.payments_model import method_name
from cashier_app.ui.text import fill


def clear_totals(page: Any) -> None:
    """Nothing shown: the scope changed, or the store's figures could not be read (never
    an older or another scope's figures under the new heading)."""
    page.table.setRowCount(0)
    page.summary.clear()
    page.chart.set_bars([])
    page.flagged_list.clear()
    page.flagged_list.setVisible(False)
    page.flag_label.clear()
    page.chart.set_empty_text("")  # not "no sales": nothing is known yet


def render_store_day(page: Any, day: Any) -> None:
    """Fill ``page`` (the ReportPage) with ``day``: the table by the page's grouping, the
    net per currency, the chart by wallet; not-final sales are counted (the tills'
    History lists them)."""
    from cashier_app.ui.models.payments_model import STATUS_COLORS, environment_text
    from cashier_app.ui.pages.report_page import FLAG_COLOR, _item

    grouping = page.grouping.currentData()
    lines = {"operator": day.by_operator, "till": day.by_till}.get(grouping, day.by_wallet)
    page._name_column(
        {
            "operator": QCoreApplication.translate("ReportPage", "Operator"),
            "till": QCoreApplication.translate("ReportPage", "Till"),
        }.get(grouping, QCoreApplication.translate("ReportPage", "Wallet"))
    )
    rows = [*lines, *day.totals]
    page.table.setRowCount(len(rows))
    for r, t in enumerate(rows):
        total = r >= len(lines)
        if total:
            name = QCoreApplication.translate("ReportPage", "Total")
        elif grouping == "wallet":
            name = method_name(t.group)
        else:
            name = t.group or QCoreApplication.translate("ReportPage", "(no operator)")
        if t.environment != "production":  # sandbox money is never added to real money
            name = f"{name} ({environment_text(t.environment)})"
        cells = [
            _item(name, bold=total),
            _item(t.currency, bold=total),
            _item(str(t.sales_count), align_right=True, bold=total),
            _item(minor_display(t.sales_minor, t.currency), align_right=True, bold=total),
            _item(str(t.refunds_count), align_right=True, bold=total),
            _item(minor_display(t.refunds_minor, t.currency), align_right=True, bold=total),
            _item(minor_display(t.net_minor, t.currency), align_right=True, bold=True),
            _item(str(t.open_count) if t.open_count else "", align_right=True, bold=total),
        ]
        if t.open_count:
            cells[7].setForeground(QColor(FLAG_COLOR))
        for c, cell in enumerate(cells):
            page.table.setItem(r, c, cell)
    QTimer.singleShot(0, page, page._fit_table)
    if day.totals:
        nets = "   ".join(minor_display(t.net_minor, t.currency) for t in day.totals)
        page.summary.setText(
            fill(QCoreApplication.translate("ReportPage", "Whole store · Net: %1"), nets)
        )
    else:
        page.summary.setText(
            fill(
                QCoreApplication.translate("ReportPage", "No payments in the store on %1"),
                day.day.isoformat(),
            )
        )
    page.set_wallet_bars(day.by_wallet, lambda t: t.group)
    page.flagged_list.clear()
    page.flagged_list.setVisible(False)
    open_count = sum(t.open_count for t in day.totals)
    if open_count:
        page.flag_label.setText(
            fill(
                QCoreApplication.translate(
                    "ReportPage",
                    "⚠ %1 payment(s) or refund(s) of the store are not final: the tills' History "
                    "lists them.",
                ),
                open_count,
            )
        )
        page.flag_label.setStyleSheet(f"color: {FLAG_COLOR}; font-weight: bold")
    else:
        page.flag_label.setText(
            QCoreApplication.translate(
                "ReportPage", "✓ Every payment of the store on this day is final."
            )
        )
        page.flag_label.setStyleSheet(f"color: {STATUS_COLORS[Status.SUCCESS]}")
