"""What the whole store's views read: history across tills, the store's end of day (per
wallet, per till, per operator), and the tills with their last contact and lag.

Plain synchronous calls on a psycopg connection: the CLI calls them directly, the GUI
from a QThreadPool worker (never on the GUI thread). Results are plain values.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from cashier_app.domain.money import Money
from cashier_app.domain.outcome import Status
from cashier_app.domain.records import ENVIRONMENTS, PaymentEvent, PaymentRecord, RefundRecord
from cashier_app.domain.records import environment_of as _environment_of
from cashier_app.domain.values import dataclass, field

#: Final states that are not a sale (as the till's end of day counts them).
UNSUCCESSFUL = frozenset({Status.FAILED.value, Status.CANCELLED.value, Status.EXPIRED.value})


@dataclass(frozen=True, slots=True)
class StorePayment:
    """A payment as the store has it: the till it was taken at, and the record."""

    till_id: str
    record: PaymentRecord
    replicated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoreRefund:
    till_id: str
    record: RefundRecord


@dataclass(frozen=True, slots=True)
class StoreTotals:
    """One line of the store's end of day: what ``group`` is (a wallet, a till or an
    operator; ``""`` for "nobody signed in") in one currency and environment."""

    group: str
    currency: str
    environment: str
    sales_count: int = 0
    sales_minor: int = 0
    refunds_count: int = 0
    refunds_minor: int = 0
    unsuccessful_count: int = 0
    open_count: int = 0

    @property
    def net_minor(self) -> int:
        return self.sales_minor - self.refunds_minor

    def as_json(self, name: str, fmt: Callable[[int, str], str]) -> dict[str, Any]:
        """JSON of the line; ``fmt(minor, currency)`` writes amounts (reports.amounts)."""
        minor_str = fmt
        return {
            name: self.group,
            "currency": self.currency,
            "environment": self.environment,
            "sales_count": self.sales_count,
            "sales": minor_str(self.sales_minor, self.currency),
            "refunds_count": self.refunds_count,
            "refunds": minor_str(self.refunds_minor, self.currency),
            "net": minor_str(self.net_minor, self.currency),
            "unsuccessful_count": self.unsuccessful_count,
            "not_final_count": self.open_count,
        }


@dataclass(frozen=True, slots=True)
class StoreDay:
    """The whole store's end of day (all tills), in the store's time zone by default."""

    day: date
    tz_name: str
    by_wallet: tuple[StoreTotals, ...]
    by_till: tuple[StoreTotals, ...]
    by_operator: tuple[StoreTotals, ...]
    totals: tuple[StoreTotals, ...] = field(default=())  #: per currency and environment

    def as_json(self, fmt: Callable[[int, str], str]) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "timezone": self.tz_name,
            "totals": [t.as_json("total", fmt) for t in self.totals],
            "by_wallet": [t.as_json("method", fmt) for t in self.by_wallet],
            "by_till": [t.as_json("till_id", fmt) for t in self.by_till],
            "by_operator": [t.as_json("operator", fmt) for t in self.by_operator],
        }


@dataclass(frozen=True, slots=True)
class TillStatus:
    till_id: str
    hostname: str
    joined_at: datetime
    last_contact: datetime | None
    last_lag_ms: float | None
    backlog: int  #: changes the till still had to push at its last contact
    payments: int

    def as_json(self, now: datetime) -> dict[str, Any]:
        return {
            "till_id": self.till_id,
            "hostname": self.hostname,
            "joined_at": self.joined_at.isoformat(),
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "seconds_since_contact": (
                round((now - self.last_contact).total_seconds(), 1) if self.last_contact else None
            ),
            "replication_lag_ms": (
                round(self.last_lag_ms, 1) if self.last_lag_ms is not None else None
            ),
            "backlog": self.backlog,
            "payments": self.payments,
        }


_KEYS = {"wallet": "method", "till": "till_id", "operator": "operator"}

#: The summary rows of one day; grouping per wallet/till/operator happens in Python over a
#: handful of rows (one per till, operator, wallet, currency and status).
_DAY_TOTALS = (
    "SELECT till_id, operator, profile, client_id, method, currency, status, "
    "SUM(n)::bigint, SUM(amount_minor)::bigint, made_on FROM {table} WHERE business_day = %s "
    "GROUP BY till_id, operator, profile, client_id, method, currency, status, made_on "
    "HAVING SUM(n) > 0"
)
#: The same from the rows themselves, for a day asked in another zone than the store's.
_RAW_TOTALS = (
    "SELECT till_id, COALESCE(operator, ''), profile, client_id, method, currency, status, "
    "COUNT(*), SUM(amount_minor)::bigint, made_on FROM {table} "
    "WHERE created_at >= %s AND created_at < %s GROUP BY 1, 2, 3, 4, 5, 6, 7, 10"
)


class StoreReader:
    """Reads the store. ``connect()`` returns a psycopg connection (autocommit)."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect

    def timezone(self) -> str:
        with self._connect() as conn:
            return str(conn.execute("SELECT store_timezone()").fetchone()[0])

    # -- end of day ---------------------------------------------------------------------
    def end_of_day(self, day: date, tz: tzinfo | None = None) -> StoreDay:
        """Sales (SUCCESS payments created that day), refunds (SUCCESS refunds created that
        day, under their sale's wallet), unsuccessful and not-final counts; per wallet, per
        till and per operator, each per currency and environment (sandbox money is never
        added to real money). The day is the store's (``store init --timezone``) unless
        ``tz`` names another zone, which reads the rows themselves (slower)."""
        with self._connect() as conn:
            store_tz = str(conn.execute("SELECT store_timezone()").fetchone()[0])
            tz_name = getattr(tz, "key", None) or (str(tz) if tz is not None else store_tz)
            if tz is None or tz_name == store_tz:
                pays = conn.execute(_DAY_TOTALS.format(table="day_totals"), (day,)).fetchall()
                refs = conn.execute(
                    _DAY_TOTALS.format(table="refund_day_totals"), (day,)
                ).fetchall()
                tz_name = store_tz
            else:
                zone = tz if tz is not None else ZoneInfo(store_tz)
                start = datetime(day.year, day.month, day.day, tzinfo=zone)
                end = datetime.combine(day + timedelta(days=1), start.timetz())
                pays = conn.execute(_RAW_TOTALS.format(table="payments"), (start, end)).fetchall()
                refs = conn.execute(_RAW_TOTALS.format(table="refunds"), (start, end)).fetchall()
        return StoreDay(
            day,
            tz_name,
            by_wallet=_group(pays, refs, "wallet"),
            by_till=_group(pays, refs, "till"),
            by_operator=_group(pays, refs, "operator"),
            totals=_group(pays, refs, None),
        )

    # -- history ------------------------------------------------------------------------
    def history(
        self,
        *,
        till_id: str | Iterable[str] | None = None,
        status: Status | str | Iterable[Status | str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str | None = None,
        method: str | Iterable[str] | None = None,
        offset: int = 0,
        limit: int = 100,
        refunded: bool = False,
    ) -> list[StorePayment]:
        """The store's payments, newest first, with the till of each; filters as the
        till's history (``since`` inclusive, ``until`` exclusive, aware datetimes)."""
        where, params = _where(till_id, status, since, until, text, method, refunded)
        sql = (
            f"SELECT * FROM payments{where} ORDER BY created_at DESC, till_id DESC, "
            "payment_request_id DESC LIMIT %s OFFSET %s"
        )
        with self._connect() as conn, conn.cursor(row_factory=_dict_rows) as cur:
            rows = cur.execute(sql, [*params, max(0, int(limit)), max(0, int(offset))]).fetchall()
        return [StorePayment(r["till_id"], _payment(r), r["replicated_at"]) for r in rows]

    def count(
        self,
        *,
        till_id: str | Iterable[str] | None = None,
        status: Status | str | Iterable[Status | str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        text: str | None = None,
        method: str | Iterable[str] | None = None,
        refunded: bool = False,
    ) -> int:
        where, params = _where(till_id, status, since, until, text, method, refunded)
        with self._connect() as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM payments{where}", params).fetchone()[0])

    def find_payment(self, any_id: str) -> StorePayment | None:
        """A payment of any till by our paymentRequestId or the gateway's paymentId."""
        with self._connect() as conn, conn.cursor(row_factory=_dict_rows) as cur:
            row = cur.execute(
                "SELECT * FROM payments WHERE payment_request_id = %s "
                "OR (payment_id = %s AND payment_id <> '') ORDER BY created_at LIMIT 1",
                (any_id, any_id),
            ).fetchone()
        return StorePayment(row["till_id"], _payment(row), row["replicated_at"]) if row else None

    def refunds_for(self, payment_request_id: str) -> list[StoreRefund]:
        """Every till's refunds of the payment, oldest first (a refund may be made at
        another till than the sale)."""
        with self._connect() as conn, conn.cursor(row_factory=_dict_rows) as cur:
            rows = cur.execute(
                "SELECT * FROM refunds WHERE payment_request_id = %s ORDER BY created_at",
                (payment_request_id,),
            ).fetchall()
        return [StoreRefund(r["till_id"], _refund(r)) for r in rows]

    def refunded_totals(
        self, payment_request_ids: Iterable[str], *, except_till: str | None = None
    ) -> dict[str, int]:
        """What every till (but ``except_till``) refunded, or may have (the journal's
        ``refunded_total``: every refund not FAILED/CANCELLED/EXPIRED), of each payment;
        those with none left out."""
        ids = list(dict.fromkeys(payment_request_ids))
        if not ids:
            return {}
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT payment_request_id, SUM(amount_minor)::bigint FROM refunds "
                "WHERE payment_request_id = ANY(%s) AND NOT (status = ANY(%s)) "
                "AND till_id IS DISTINCT FROM %s GROUP BY payment_request_id",
                (ids, sorted(UNSUCCESSFUL), except_till),
            ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows if r[1]}

    def events(self, till_id: str, payment_request_id: str) -> list[PaymentEvent]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT payment_request_id, at, kind, detail, elapsed_ms, operator FROM events "
                "WHERE till_id = %s AND payment_request_id = %s ORDER BY event_id",
                (till_id, payment_request_id),
            ).fetchall()
        return [
            PaymentEvent(
                r[0], r[1], r[2], r[3] if isinstance(r[3], dict) else json.loads(r[3]), r[4], r[5]
            )
            for r in rows
        ]

    # -- tills --------------------------------------------------------------------------
    def tills(self) -> list[TillStatus]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT t.till_id, t.hostname, t.joined_at, t.last_contact, t.last_lag_ms, "
                "t.backlog, (SELECT COUNT(*) FROM payments p WHERE p.till_id = t.till_id) "
                "FROM tills t ORDER BY t.till_id"
            ).fetchall()
        return [TillStatus(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6])) for r in rows]


def _dict_rows(cursor: Any) -> Any:
    from psycopg.rows import dict_row

    return dict_row(cursor)


def _values(value: Any) -> list[str]:
    if isinstance(value, (str, Status)):
        value = [value]
    return [v.value if isinstance(v, Status) else str(v) for v in value]


def _where(
    till_id: Any,
    status: Any,
    since: datetime | None,
    until: datetime | None,
    text: str | None,
    method: Any = None,
    refunded: bool = False,
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if refunded:  # a refund of any till done, or that may yet be (as ``refunded_totals``)
        clauses.append(
            "EXISTS (SELECT 1 FROM refunds WHERE refunds.payment_request_id = "
            "payments.payment_request_id AND NOT (refunds.status = ANY(%s)))"
        )
        params.append(sorted(UNSUCCESSFUL))
    for column, value in (("till_id", till_id), ("status", status), ("method", method)):
        if value is None:
            continue
        clauses.append(f"{column} = ANY(%s)")
        params.append(_values(value))
    if since is not None:
        clauses.append("created_at >= %s")
        params.append(since if since.tzinfo else since.replace(tzinfo=UTC))
    if until is not None:
        clauses.append("created_at < %s")
        params.append(until if until.tzinfo else until.replace(tzinfo=UTC))
    if text and text.strip():
        needle = (
            "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        clauses.append(
            "(payment_request_id ILIKE %s OR payment_id ILIKE %s OR reference_order_id ILIKE %s "
            "OR trade_summary ILIKE %s)"
        )
        params.extend([needle] * 4)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _payment(r: dict[str, Any]) -> PaymentRecord:
    return PaymentRecord(
        payment_request_id=r["payment_request_id"],
        profile=r["profile"],
        amount=Money(int(r["amount_minor"]), r["currency"]),
        method=r["method"],
        status=Status(r["status"]),
        created_at=r["created_at"].astimezone(UTC),
        updated_at=r["updated_at"].astimezone(UTC),
        trade_summary=r["trade_summary"],
        reference_order_id=r["reference_order_id"],
        result_code=r["result_code"],
        result_message=r["result_message"],
        payment_id=r["payment_id"],
        paid_at=r["paid_at"].astimezone(UTC) if r["paid_at"] else None,
        expires_at=r["expires_at"].astimezone(UTC) if r["expires_at"] else None,
        normal_url=r["normal_url"],
        scheme_url=r["scheme_url"],
        applink_url=r["applink_url"],
        code_value=r["code_value"],
        gateway_url=r["gateway_url"],
        client_id=r["client_id"],
        scenario=r["scenario"],
        masked_code=r["masked_code"],
        operator=r["operator"],
        made_on=r.get("made_on") or "",
    )


def _refund(r: dict[str, Any]) -> RefundRecord:
    return RefundRecord(
        refund_request_id=r["refund_request_id"],
        payment_request_id=r["payment_request_id"],
        amount=Money(int(r["amount_minor"]), r["currency"]),
        status=Status(r["status"]),
        created_at=r["created_at"].astimezone(UTC),
        updated_at=r["updated_at"].astimezone(UTC),
        refund_id=r["refund_id"],
        result_code=r["result_code"],
        result_message=r["result_message"],
        reason=r["reason"],
        refunded_at=r["refunded_at"].astimezone(UTC) if r["refunded_at"] else None,
        operator=r["operator"],
        approved_by=r["approved_by"],
    )


def _group(pays: list[Any], refs: list[Any], by: str | None) -> tuple[StoreTotals, ...]:
    """Totals per ``by`` (wallet, till, operator; None: per currency only)."""
    acc: dict[tuple[int, str, str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def key(row: Any) -> tuple[int, str, str, str]:
        till, operator, profile, client_id, method, currency = row[:6]
        env = _environment_of(profile, client_id, row[9])  # made_on: as the till journaled
        group = {"wallet": method, "till": till, "operator": operator, None: ""}[by]
        return (ENVIRONMENTS.index(env), env, group, currency)

    for row in pays:
        status, n, total = row[6], int(row[7]), int(row[8])
        line = acc[key(row)]
        if status == Status.SUCCESS.value:
            line["sales_count"] += n
            line["sales_minor"] += total
        elif status in UNSUCCESSFUL:
            line["unsuccessful_count"] += n
        else:
            line["open_count"] += n
    for row in refs:
        status, n, total = row[6], int(row[7]), int(row[8])
        if status == Status.SUCCESS.value:
            line = acc[key(row)]
            line["refunds_count"] += n
            line["refunds_minor"] += total
        elif status not in UNSUCCESSFUL:  # still in process (U / REFUND_IN_PROCESS)
            acc[key(row)]["open_count"] += n
    return tuple(StoreTotals(k[2], k[3], k[1], **acc[k]) for k in sorted(acc))
