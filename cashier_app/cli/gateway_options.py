"""Gateway options shared by ``cashier pay``, ``refund`` and ``recover``: an explicit
standalone gateway (URL, client id, key files) or a saved profile, turned into services."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError, exit_code_for, key_version_arg

if TYPE_CHECKING:
    from cashier_app.app import Services
    from cashier_app.gateway.signing import Signer, Verifier

_GATEWAY_OPTIONS = ("gateway", "client_id", "private_key", "gateway_public_key")


def add_gateway_options(p: argparse.ArgumentParser) -> None:
    """The same gateway options as ``cashier pay``."""
    p.add_argument(
        "--gateway", metavar="URL", help="standalone gateway base URL (https, or http on loopback)"
    )
    p.add_argument("--client-id", metavar="ID", help="merchant client id at that gateway")
    p.add_argument("--private-key", metavar="FILE", help="merchant private key (PEM/base64)")
    p.add_argument(
        "--gateway-public-key", metavar="FILE", help="the gateway's public key (PEM/base64)"
    )
    p.add_argument(
        "--key-version", type=key_version_arg, default="1", help="keyVersion of the merchant key"
    )
    p.add_argument(
        "--dialect",
        choices=("antom", "alipayhk"),
        default="antom",
        help="wire dialect at that gateway: antom (AMS v1, default) or alipayhk "
        "(pay with the AlipayHK envelope)",
    )
    p.add_argument("--profile", metavar="NAME", help="use a saved merchant profile")


def gateway_from_args(args: argparse.Namespace) -> tuple[Any, ...] | None:
    """(url, client_id, signer, verifier) from the options, None when none was given."""
    gateway = _gateway_keys(args)
    if gateway is not None and args.profile:
        raise CliError("--profile cannot be combined with --gateway")
    return gateway


def _gateway_keys(args: argparse.Namespace) -> tuple[str, str, Signer, Verifier] | None:
    from cashier_app.gateway.antom import check_gateway_url
    from cashier_app.gateway.signing import KeyFormatError, Signer, Verifier

    given = [name for name in _GATEWAY_OPTIONS if getattr(args, name) is not None]
    if not given:
        return None
    for name in _GATEWAY_OPTIONS:
        if getattr(args, name) is None:
            flags = ", ".join("--" + g.replace("_", "-") for g in given)
            raise CliError(f"--{name.replace('_', '-')} is required with {flags}")
    try:
        url = check_gateway_url(args.gateway)
    except ValueError as exc:
        raise CliError(f"--gateway: {exc}") from None
    client_id = args.client_id.strip()
    if not client_id or not client_id.isascii() or any(c.isspace() for c in client_id):
        raise CliError(f"--client-id {args.client_id!r} must be ASCII without spaces")
    try:
        signer = Signer.from_text(
            _read_key_file("--private-key", args.private_key), key_version=args.key_version
        )
    except KeyFormatError as exc:
        raise CliError(f"--private-key: {exc}") from None
    try:
        verifier = Verifier.from_text(
            _read_key_file("--gateway-public-key", args.gateway_public_key)
        )
    except KeyFormatError as exc:
        raise CliError(f"--gateway-public-key: {exc}") from None
    return url, client_id, signer, verifier


def _read_key_file(option: str, path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise CliError(f"{option}: {path} is not a text key file (PEM or base64)") from None
    except OSError as exc:
        raise CliError(f"{option}: cannot read {path}: {exc.strerror or exc}") from None


def open_services(
    gateway: tuple[Any, ...] | None,
    profile: str | None,
    what: str,
    dialect: str = "antom",
    *,
    purpose: str = "till",
    store_link: bool = False,
) -> Services:
    """Services for ``gateway`` (explicit options) or the saved ``profile``; a one-line
    CliError naming ``what`` could not be done otherwise."""
    from cashier_app.app import build_services
    from cashier_app.journal import JournalError
    from cashier_app.keystore.profiles import ProfileNotFoundError

    try:
        if gateway is not None:
            url, client_id, signer, verifier = gateway
            return build_services(
                gateway_url=url,
                client_id=client_id,
                signer=signer,
                verifier=verifier,
                dialect=dialect,
                lock_purpose=purpose,
                store_link=store_link,
            )
        return build_services(profile, lock_purpose=purpose, store_link=store_link)
    except JournalError as exc:
        raise CliError(
            f"journal unusable, cannot {what}: {exc}", exit_code=exit_code_for(exc)
        ) from None
    except Exception as exc:  # profile missing, keyring locked, bad key file ...
        hint = (
            f"; profile {profile!r} is not saved here: pass --gateway, --client-id, "
            "--private-key and --gateway-public-key"
            if profile and isinstance(exc, ProfileNotFoundError)
            else ""
        )
        raise CliError(f"cannot {what}: {exc}{hint}", exit_code=exit_code_for(exc)) from None
