"""Gateway options shared by ``cashier pay``, ``refund`` and ``recover``: an explicit
standalone gateway (URL, client id, key files) or a saved profile, turned into services."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError, exit_code_for, key_version_arg
from cashier_app.cli.errors import Doing
from cashier_app.cli.text import t

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
        raise CliError.of("profile_cannot_combined_gateway")
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
            raise CliError.of("required", value=name.replace("_", "-"), flags=flags)
    try:
        url = check_gateway_url(args.gateway)
    except ValueError as exc:
        raise CliError.of("gateway", exc=exc) from None
    client_id = args.client_id.strip()
    if not client_id or not client_id.isascii() or any(c.isspace() for c in client_id):
        raise CliError.of("client_id_must_ascii_without_spaces", client_id=args.client_id)
    try:
        signer = Signer.from_text(
            _read_key_file("--private-key", args.private_key), key_version=args.key_version
        )
    except KeyFormatError as exc:
        raise CliError.of("private_key", exc=exc) from None
    try:
        verifier = Verifier.from_text(
            _read_key_file("--gateway-public-key", args.gateway_public_key)
        )
    except KeyFormatError as exc:
        raise CliError.of("gateway_public_key", exc=exc) from None
    return url, client_id, signer, verifier


def _read_key_file(option: str, path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise CliError.of("not_text_key_file_pem_base64", option=option, path=path) from None
    except OSError as exc:
        raise CliError.of("cannot_read", option=option, path=path, problem=exc) from None


def in_use_text(services: Services) -> str:
    """Another live cashier process holds the profile (its pid when known), in the
    operator's language."""
    holder = services.till_lock.holder() if services.till_lock is not None else ""
    return t(
        "another cashier process (pid %1) is using profile %2; its unfinished "
        "payments are left to it",
        holder or "?",
        repr(services.profile.name),
    )


def open_services(
    gateway: tuple[Any, ...] | None,
    profile: str | None,
    what: Doing,
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
        raise CliError.of(
            "journal_unusable_cannot", what=what, exc=exc, exit_code=exit_code_for(exc)
        ) from None
    except Exception as exc:  # profile missing, keyring locked, bad key file ...
        code = (
            "cannot_profile_not_here"
            if profile and isinstance(exc, ProfileNotFoundError)
            else "cannot"
        )
        raise CliError.of(
            code, what=what, exc=exc, profile=repr(profile), exit_code=exit_code_for(exc)
        ) from None
