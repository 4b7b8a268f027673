"""``cashier profile``: list, show, create, use and delete merchant profiles.

A profile holds an account's non-secret settings (environment, gateway, client id, key
version, wallets, currency). Its keys are managed with ``cashier keys --profile NAME``.
Gateway presets: na, na-legacy, asia, asia-legacy, europe, europe-instore, or any https URL
(plain http only to this machine, e.g. a standalone ``cashier sandbox``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cashier_app.cli import CliError
from cashier_app.cli.keys import (
    add_keystore_options,
    backend_said,
    guarded,
    notice_text,
    open_keystore,
    print_status,
    status_json,
)
from cashier_app.cli.text import field, pad, profile_environment, t
from cashier_app.domain.errors import Term


def _store() -> Any:
    from cashier_app.keystore.profiles import ProfileStore

    return ProfileStore()


@guarded
def run_list(args: argparse.Namespace) -> int:
    store = _store()
    active = store.active_name()
    profiles = store.list()
    if args.json:
        print(json.dumps([{**p.to_json(), "active": p.name == active} for p in profiles]))
        return 0
    for p in profiles:
        mark = "*" if p.name == active else " "
        where = p.gateway_url or t("(in-process)")
        print(f"{mark} {pad(p.name, 16)} {p.environment.value:<17} {pad(p.client_id, 24)} {where}")
    return 0


@guarded
def run_show(args: argparse.Namespace) -> int:
    from cashier_app.keystore.backends import KeyStoreError

    store = _store()
    profile = store.resolve(args.name)
    active = store.active_name() == profile.name
    keys = open_keystore(args)
    status = error = problem = None
    try:
        status = keys.status(profile)
    except KeyStoreError as exc:
        error, problem = str(exc), exc
    if args.json:
        print(
            json.dumps(
                {
                    **profile.to_json(),
                    "active": active,
                    "keys": status_json(status) if status else None,
                    "keys_error": error,
                }
            )
        )
        return 0
    print(field(t("profile"), t("%1  (active)", profile.name) if active else profile.name))
    print(field(t("environment"), profile_environment(profile.environment.value)))
    print(field(t("gateway"), profile.gateway_url or t("(embedded, started in-process)")))
    print(field(t("client id"), profile.client_id))
    print(field(t("key version"), profile.key_version))
    print(field(t("currency"), profile.currency))
    print(field(t("wallets"), ", ".join(profile.wallets)))
    print(field(t("notify URL"), profile.notify_url or "-"))
    print(field(t("merchant"), profile.merchant_name or "-"))
    if status is not None:
        if profile.is_embedded_sandbox:
            print(field(t("key store"), backend_said(status).shown))
            print(field(t("notice"), notice_text(status)))
        else:
            print_status(status)
    else:
        print(field(t("keys"), t("unavailable: %1", problem)))
    return 0


@guarded
def run_create(args: argparse.Namespace) -> int:
    from cashier_app.domain import methods
    from cashier_app.keystore.profiles import Environment, Profile, resolve_gateway

    currency = args.currency.strip().upper()
    if args.wallets:
        wallets = tuple(w.strip() for w in args.wallets.split(",") if w.strip())
    elif args.dialect == "alipayhk":
        wallets = ()  # the profile defaults it to ALIPAY_HK, the envelope's only wallet
    else:
        wallets = tuple(m.type for m in methods.methods_for(currency)) if len(currency) == 3 else ()
    env = Environment(args.environment)
    gateway = (
        resolve_gateway(args.gateway or "")
        if env is not Environment.EMBEDDED_SANDBOX
        else (args.gateway or "")
    )
    profile = Profile(
        args.name,
        env,
        args.client_id,
        currency,
        gateway,
        args.key_version,
        args.notify_url or None,
        wallets,
        args.merchant_name or "",
        args.dialect,
        args.merchant_id or "",
        product=args.product,
        merchant_mcc=args.merchant_mcc,
        store_id=args.store_id,
        store_name=args.store_name,
        store_mcc=args.store_mcc,
        terminal_id=args.terminal_id,
    )
    store = _store()
    saved = store.save(profile, replace_existing=args.replace)
    if args.use:
        store.use(saved.name)
    where = saved.gateway_url or t("in-process")
    values = (
        repr(saved.name),
        profile_environment(saved.environment.value),
        where,
        saved.client_id,
    )
    if args.replace:
        said = t("saved profile %1 (%2, %3, client id %4)", *values)
    else:
        said = t("created profile %1 (%2, %3, client id %4)", *values)
    print(t("%1; now active", said) if args.use else said)
    if not saved.is_embedded_sandbox:
        print(
            t(
                "next: cashier keys import --profile %1 --from-file - (or keys generate), then "
                "cashier keys import-gateway-key --profile %1 --from-file FILE",
                saved.name,
            )
        )
    return 0


@guarded
def run_use(args: argparse.Namespace) -> int:
    profile = _store().use(args.name)
    print(t("active profile: %1", profile.name))
    return 0


@guarded
def run_restore_backup(args: argparse.Namespace) -> int:
    store = _store()
    active = store.restore_backup()
    print(
        t(
            "restored %1 from %2 (the damaged file is kept as %3.damaged); active profile: %4",
            store.path,
            store.backup_path,
            store.path.name,
            active.name,
        )
    )
    return 0


@guarded
def run_delete(args: argparse.Namespace) -> int:
    from cashier_app.keystore.profiles import SANDBOX_PROFILE, ProfileError

    if args.name == SANDBOX_PROFILE:
        raise ProfileError.of("embedded_sandbox_profile_cannot_deleted")
    store = _store()
    profile = store.get(args.name)
    if not args.keep_keys and not profile.is_embedded_sandbox:
        keys = open_keystore(args)
        status = keys.status(profile)
        if status.versions or status.gateway:
            if not args.delete_keys:
                raise CliError.of(
                    "profile_still_has_keys_versions_gateway",
                    name=profile.name,
                    value=", ".join(status.versions) or "none",
                    yes=Term("yes" if status.gateway else "no"),
                )
            keys.delete_all(profile)
    store.delete(profile.name)
    print(t("deleted profile %1; active profile: %2", repr(profile.name), store.active_name()))
    return 0


def register(subparsers: Any) -> None:
    from cashier_app.cli.operator_auth import add_operator_options, manager_only
    from cashier_app.keystore.profiles import GATEWAY_PRESETS, Environment

    prof = subparsers.add_parser(
        "profile",
        help="manage merchant profiles",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list profiles (* = active)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_list)

    p = sub.add_parser("show", help="show a profile and its key fingerprints")
    p.add_argument(
        "name", metavar="NAME", nargs="?", default=None, help="default: the active profile"
    )
    p.add_argument("--json", action="store_true")
    add_keystore_options(p)
    p.set_defaults(run=run_show)

    p = sub.add_parser("create", help="create (or with --replace update) a profile")
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--environment",
        required=True,
        choices=[e.value for e in Environment],
        help="production, antom-sandbox (SANDBOX_ client id) or embedded-sandbox",
    )
    p.add_argument(
        "--gateway",
        metavar="PRESET|URL",
        default=None,
        help=f"region preset ({', '.join(GATEWAY_PRESETS)}) or base URL",
    )
    p.add_argument("--client-id", required=True, help="the Antom Dashboard's client id")
    p.add_argument("--currency", required=True, help="ISO 4217 code, e.g. HKD")
    p.add_argument(
        "--wallets",
        default=None,
        metavar="A,B,...",
        help="paymentMethodTypes to offer (default: all that accept the currency)",
    )
    p.add_argument("--key-version", default="1", help="key version (default 1)")
    p.add_argument("--notify-url", default=None, help="paymentNotifyUrl (optional)")
    p.add_argument("--merchant-name", default="", help="shown on the cashier and receipts")
    p.add_argument(
        "--dialect",
        choices=("antom", "alipayhk"),
        default="antom",
        help="wire dialect: antom (AMS v1, default) or alipayhk (legacy envelope "
        "alipay.intl.acquiring.cashier.wap.pay; HKD, AlipayHK only)",
    )
    p.add_argument(
        "--merchant-id",
        default="",
        help="AlipayHK merchantId (alipayhk dialect); in-store: referenceMerchantId",
    )
    p.add_argument(
        "--product",
        choices=("online", "in-store"),
        default="online",
        help="online Checkout Payment (default) or In-store payments",
    )
    for flag, what in (
        ("merchant-mcc", "in-store: merchantMCC (4 digits)"),
        ("store-id", "in-store: store referenceStoreId"),
        ("store-name", "in-store: storeName"),
        ("store-mcc", "in-store: storeMCC (4 digits)"),
        ("terminal-id", "in-store: storeTerminalId of this till"),
    ):
        p.add_argument(f"--{flag}", default="", help=what)
    p.add_argument("--use", action="store_true", help="make it the active profile")
    p.add_argument("--replace", action="store_true", help="update an existing profile")
    add_operator_options(p)
    p.set_defaults(run=manager_only(run_create))

    p = sub.add_parser("use", help="make a profile the active one")
    p.add_argument("name", metavar="NAME")
    add_operator_options(p)
    p.set_defaults(run=manager_only(run_use))

    p = sub.add_parser(
        "restore-backup",
        help="replace a damaged profiles file with its previous good version (profiles.json.bak)",
    )
    add_operator_options(p)
    p.set_defaults(run=manager_only(run_restore_backup))

    p = sub.add_parser("delete", help="delete a profile (and, with --delete-keys, its keys)")
    p.add_argument("name", metavar="NAME")
    keys = p.add_mutually_exclusive_group()
    keys.add_argument(
        "--delete-keys",
        action="store_true",
        help="also delete the profile's keys from the key store",
    )
    keys.add_argument("--keep-keys", action="store_true", help="leave the keys in the key store")
    add_keystore_options(p)
    add_operator_options(p)
    p.set_defaults(run=manager_only(run_delete))
