"""``cashier keys``: generate, import, export, fingerprint, check, rotate and delete keys.

Secrets are read only from a file or from standard input (``--from-file FILE`` or
``--from-file -``), never from an argument, so they stay out of shell history and the
process list. Output never contains private key material: commands print public keys and
SHA-256 fingerprints only.

Where keys go: the OS keyring when a secure one is available; otherwise (or with
``--keystore file``) an encrypted file ``keys.enc`` in the data directory, whose passphrase
comes from ``--keystore-passphrase-file FILE`` or ``$CASHIER_KEYSTORE_PASSPHRASE_FILE``.
``$CASHIER_KEYSTORE`` (auto | keyring | file) sets the default choice.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cashier_app.cli import CliError, key_version_arg
from cashier_app.cli.text import Said, field, language, t
from cashier_app.domain.errors import Term

if TYPE_CHECKING:
    from cashier_app.keystore.diagnostics import KeyProblem
    from cashier_app.keystore.profiles import Profile, ProfileStore
    from cashier_app.keystore.store import KeyInfo, KeyStatus, KeyStore

MAX_INPUT_BYTES = 64 * 1024


# -- helpers shared with ``cashier profile`` -------------------------------------------


def add_keystore_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("key store")
    group.add_argument(
        "--keystore",
        choices=("auto", "keyring", "file"),
        default=None,
        help="where keys live: the OS keyring, the encrypted key file, or "
        "auto (keyring first; default: $CASHIER_KEYSTORE or auto)",
    )
    group.add_argument(
        "--keystore-passphrase-file",
        metavar="FILE",
        default=None,
        help="passphrase of the encrypted key file (first line of FILE); "
        "default: $CASHIER_KEYSTORE_PASSPHRASE_FILE",
    )


def open_keystore(args: argparse.Namespace) -> KeyStore:
    from cashier_app.keystore.backends import KeyStoreError
    from cashier_app.keystore.store import KeyStore

    try:
        return KeyStore.open(
            getattr(args, "keystore", None),
            passphrase_file=getattr(args, "keystore_passphrase_file", None),
        )
    except KeyStoreError as exc:
        raise CliError.of("error", error=exc) from None


def read_secret_input(source: str, what: str) -> bytes:
    """The bytes of FILE, or of standard input for ``-``."""
    if source == "-":
        if sys.stdin.isatty():
            words = {
                "key passphrase": t("key passphrase"),
                "private key": t("private key"),
                "gateway public key": t("gateway public key"),
                "public key": t("public key"),
            }
            print(
                t(
                    "Paste the %1, then press Ctrl-D (Ctrl-Z Enter on Windows):",
                    words.get(what, what),
                ),
                file=sys.stderr,
            )
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise CliError.of(
                "cannot_read_from", what=Term(what), source=source, problem=exc
            ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise CliError.of(
            "input_larger_than_kib_give_key",
            what=Term(what),
            max_input_bytes=MAX_INPUT_BYTES // 1024,
        )
    if not data.strip():
        raise CliError.of(
            "no_was_given_empty",
            what=Term(what),
            standard_input=Term("standard input") if source == "-" else source,
        )
    return data


def info_json(info: KeyInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {
        "key_version": info.key_version,
        "fingerprint": info.fingerprint,
        "bits": info.bits,
        "public_key_base64": info.public_key_base64,
    }


def status_json(status: KeyStatus) -> dict[str, Any]:
    return {
        "profile": status.profile,
        "backend": status.backend,
        "notice": status.notice,
        "active_version": status.active_version,
        "versions": list(status.versions),
        "merchant": info_json(status.merchant),
        "gateway": info_json(status.gateway),
    }


def backend_said(status: KeyStatus) -> Said:
    """Where the keys are (the key store's description), in both languages."""
    shown = backend_text(status.backend_kind, status.backend_where, status.backend)
    return Said(status.backend, shown)


def store_said(keys: KeyStore, profile: Profile) -> str:
    """The key store ``profile``'s keys go to, in the operator's language."""
    backend = keys.backend_for(profile)
    return backend_text(backend.kind, backend.where, backend.description)


def backend_text(kind: str, where: str, description: str) -> str:
    kinds = {
        "memory": t("memory (until the app quits)"),
        "os-keyring": t("OS keyring (%1)", where),
        "keyring": t("keyring (%1)", where),
        "encrypted-file": t("encrypted file (%1)", where),
    }
    return kinds.get(kind, description)


def notice_text(status: KeyStatus) -> str:
    """The key store's notice (memory-only keys, an ignored key file) in the operator's
    language; "" when there is none."""
    notices = {
        "memory-only": t(
            "Sandbox keys are kept in memory only: they are generated at start and lost "
            "when the app quits."
        ),
        "key-file-ignored": t(
            "an encrypted key file exists at %1 but the OS keyring is in use; choose it "
            "with --keystore file",
            status.notice_where,
        ),
    }
    return notices.get(status.notice_code, status.notice or "")


def key_problem_text(problem: KeyProblem, cause: BaseException | None = None) -> Said:
    """A diagnosed key mistake and its fix (keystore/diagnostics.py), in both languages:
    the English as diagnosed, the operator's language by its code (``cause``: the key
    error it was diagnosed from, rendered in that language)."""
    english = str(problem)
    if language() == "en":
        return Said(english, english)
    repaste = t(
        "copy the whole key again: a 2048-bit private key in base64 is one line of about "
        "1,620 characters (PKCS#8 starts 'MIIEv' or 'MIIEu'), a public key about 392 "
        "characters starting 'MIIBIj'"
    )
    gateway = t(
        "use the *Antom* (gateway) public key: the Antom Dashboard shows it next to your own "
        "public key, labelled as Antom's; for a standalone 'cashier sandbox' it is the "
        "'gateway_public_key' it prints at start"
    )
    private = "private" in problem.message
    texts = {
        "no-merchant-key": t(
            "no merchant private key is stored. Fix: 'cashier keys generate' or 'cashier keys "
            "import'"
        ),
        "no-gateway-key": t(
            "no gateway public key is stored. Fix: 'cashier keys import-gateway-key "
            "--from-file FILE'"
        ),
        "merchant-key-as-gateway": t(
            "this is your own merchant public key (it matches your private key), not the "
            "gateway's. Fix: %1",
            gateway,
        )
        if "stored" not in problem.message
        else t("the stored gateway key is your own merchant public key. Fix: %1", gateway),
        "too-large": t(
            "the input is far larger than a key. Fix: give the key file itself, not an archive "
            "or a keystore"
        ),
        "binary": t(
            "the input is binary (DER?), not PEM or base64 text. Fix: convert it: 'openssl "
            "pkey -inform DER -in key.der' (private) or 'openssl pkey -pubin -inform DER -in "
            "key.der' (public)"
        ),
        "truncated": t("the key is cut short: the paste was truncated. Fix: %1", repaste),
        "public-as-private": t(
            "this is a public key; the merchant *private* key is needed here. Fix: use the "
            "private key you generated (or that the Antom Dashboard showed once when it "
            "generated your pair); public keys go to the Dashboard or to 'cashier keys "
            "import-gateway-key'"
        ),
        "certificate": t(
            "this is a certificate, not a private key. Fix: export the private key itself "
            "(e.g. 'openssl pkcs12 -nocerts')"
        )
        if private
        else t(
            "this is a certificate, not a public key. Fix: extract the key: 'openssl x509 -in "
            "cert.pem -pubkey -noout'"
        ),
        "passphrase-needed": t(
            "the private key is encrypted. Fix: give its passphrase with --passphrase-file FILE"
        ),
        "wrong-passphrase": t(
            "the passphrase does not open this encrypted private key. Fix: check the "
            "passphrase file"
        ),
        "passphrase-not-needed": t(
            "a passphrase was given but the key is not encrypted. Fix: leave out --passphrase-file"
        ),
        "pkcs1-public": t(
            "this is a PKCS#1 'RSA PUBLIC KEY'; Antom uses X.509 SubjectPublicKeyInfo ('PUBLIC "
            "KEY', base64 'MIIBIj...'). Fix: convert it: 'openssl rsa -RSAPublicKey_in -in "
            "key.pem -pubout'"
        ),
        "private-as-public": t(
            "this is a PRIVATE key where a public key belongs. Fix: never paste a private key "
            "here; %1",
            gateway,
        ),
        "empty": t("no key text was given. Fix: paste or pipe the key"),
    }
    if problem.code == "key-too-small" and cause is not None:
        shown = t(
            "%1. Fix: %2",
            cause,
            t(
                "generate a new RSA-2048 pair with 'cashier keys generate' and upload its "
                "public key"
            ),
        )
    elif problem.code in ("damaged", "unusable") and cause is not None:
        shown = t("%1. Fix: %2", cause, repaste)
    else:
        shown = texts.get(problem.code, english)
    return Said(english, shown)


def print_status(status: KeyStatus) -> None:
    print(field(t("key store"), backend_said(status).shown))
    notice = notice_text(status)
    if notice:
        print(field(t("notice"), notice))
    versions = ", ".join(status.versions) or t("none")
    print(field(t("versions"), t("%1 (active: %2)", versions, status.active_version)))
    if status.merchant:
        print(field(t("merchant"), f"SHA256 {status.merchant.fingerprint}"))
    else:
        print(field(t("merchant"), t("no private key for version %1", status.active_version)))
    if status.gateway:
        print(field(t("gateway"), f"SHA256 {status.gateway.fingerprint}"))
    else:
        print(field(t("gateway"), t("no gateway public key")))


def guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn key store, key format and profile errors into one-line CLI errors."""

    def wrapper(args: argparse.Namespace) -> int:
        from cashier_app.gateway.signing import KeyFormatError
        from cashier_app.keystore.backends import KeyStoreError
        from cashier_app.keystore.diagnostics import KeyDiagnosisError
        from cashier_app.keystore.profiles import ProfileError

        try:
            return run(args)
        except KeyDiagnosisError as exc:  # said by its code, with the fix
            shown = key_problem_text(exc.problem, exc.cause).shown
            raise CliError.of("error", error=shown, exit_code=2) from None
        except (KeyFormatError, ProfileError) as exc:
            raise CliError.of("error", error=exc, exit_code=2) from None
        except KeyStoreError as exc:
            raise CliError.of("error", error=exc, exit_code=1) from None

    return wrapper


def _profile(args: argparse.Namespace) -> tuple[ProfileStore, Profile]:
    from cashier_app.keystore.profiles import ProfileStore

    store = ProfileStore()
    profile = store.resolve(args.profile)
    if profile.is_embedded_sandbox:
        raise CliError.of("profile_embedded_sandbox_keys_are_generated", name=profile.name)
    return store, profile


def _emit_key(args: argparse.Namespace, info: KeyInfo, headline: str, **extra: Any) -> None:
    if args.json:
        print(json.dumps({**(info_json(info) or {}), "kind": info.kind, **extra}))
        return
    print(headline)
    print(t("fingerprint: SHA256 %1", info.fingerprint))
    if info.kind == "merchant":
        print(t("public key (paste into the Antom Dashboard):"))
        print(info.public_key_base64)


# -- commands -------------------------------------------------------------------------


@guarded
def run_generate(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    keys = open_keystore(args)
    info = keys.generate(profile, args.key_version, replace=args.replace)
    _emit_key(
        args,
        info,
        t(
            "generated an RSA-2048 key pair for profile %1 (key version %2) in %3",
            repr(profile.name),
            info.key_version,
            store_said(keys, profile),
        ),
    )
    return 0


@guarded
def run_import(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    passphrase = None
    if args.passphrase_file:
        if args.passphrase_file == "-" and args.from_file == "-":
            raise CliError.of("key_passphrase_cannot_both_come_from")
        passphrase = read_secret_input(args.passphrase_file, "key passphrase").rstrip(b"\r\n")
    data = read_secret_input(args.from_file, "private key")
    keys = open_keystore(args)
    info = keys.import_private_key(
        profile, data, passphrase=passphrase, key_version=args.key_version, replace=args.replace
    )
    _emit_key(
        args,
        info,
        t(
            "imported the private key of profile %1 (key version %2) into %3",
            repr(profile.name),
            info.key_version,
            store_said(keys, profile),
        ),
    )
    return 0


@guarded
def run_import_gateway(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    data = read_secret_input(args.from_file, "gateway public key")
    keys = open_keystore(args)
    info = keys.import_gateway_key(profile, data)
    _emit_key(args, info, t("imported the gateway public key of profile %1", repr(profile.name)))
    return 0


@guarded
def run_export_public(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    text = open_keystore(args).export_public(profile, args.format, args.key_version)
    print(text.rstrip("\n"))
    return 0


@guarded
def run_fingerprint(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    status = open_keystore(args).status(profile)
    if args.json:
        print(json.dumps(status_json(status)))
    else:
        print(field(t("profile"), profile.name))
        print_status(status)
    return 0


@guarded
def run_check(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    keys = open_keystore(args)
    if args.from_file:
        data = read_secret_input(args.from_file, "public key")
        if keys.check(profile, data, args.key_version):
            print(
                t(
                    "match: the private key of profile %1 (version %2) belongs to this public key",
                    repr(profile.name),
                    args.key_version or profile.key_version,
                )
            )
            return 0
        print(
            t(
                "MISMATCH: the private key of profile %1 does not belong to this public key; "
                "upload the output of 'cashier keys export-public' to the Antom Dashboard, or "
                "import the matching private key",
                repr(profile.name),
            ),
            file=sys.stderr,
        )
        return 1
    problems = keys.problems(profile)
    for problem in problems:
        print(t("problem: %1", key_problem_text(problem).shown), file=sys.stderr)
    if not problems:
        print(
            t(
                "ok: profile %1 has a merchant key (version %2) and a distinct gateway public key",
                repr(profile.name),
                profile.key_version,
            )
        )
    return 1 if problems else 0


@guarded
def run_rotate(args: argparse.Namespace) -> int:
    store, profile = _profile(args)
    keys = open_keystore(args)
    info = keys.rotate(profile)
    if not args.no_activate:
        store.update(profile.name, key_version=info.key_version)
    headline = (
        t(
            "new key version %1 for profile %2, now active; older versions are kept until "
            "'cashier keys delete --key-version N'. Upload the new public key to the Antom "
            "Dashboard as key version %1.",
            info.key_version,
            repr(profile.name),
        )
        if not args.no_activate
        else t(
            "new key version %1 for profile %2, not active yet (active: %3); older versions "
            "are kept until 'cashier keys delete --key-version N'. Upload the new public key "
            "to the Antom Dashboard as key version %1.",
            info.key_version,
            repr(profile.name),
            profile.key_version,
        )
    )
    _emit_key(args, info, headline, active=not args.no_activate)
    return 0


@guarded
def run_activate(args: argparse.Namespace) -> int:
    store, profile = _profile(args)
    keys = open_keystore(args)
    info = keys.merchant_info(profile, args.key_version)  # raises unless it is stored
    store.update(profile.name, key_version=info.key_version)
    _emit_key(
        args,
        info,
        t("profile %1 now signs with key version %2", repr(profile.name), info.key_version),
    )
    return 0


@guarded
def run_delete(args: argparse.Namespace) -> int:
    _, profile = _profile(args)
    if not args.yes:
        raise CliError.of("deleting_keys_cannot_undone_repeat_yes")
    keys = open_keystore(args)
    if args.all:
        keys.delete_all(profile)
        print(t("deleted every key of profile %1", repr(profile.name)))
    elif args.gateway:
        keys.delete_gateway_key(profile)
        print(t("deleted the gateway public key of profile %1", repr(profile.name)))
    else:
        version = args.key_version
        if version == profile.key_version and not args.force:
            raise CliError.of(
                "key_version_active_one_profile_rotate", version=version, name=profile.name
            )
        keys.delete_version(profile, version)
        print(t("deleted key version %1 of profile %2", version, repr(profile.name)))
    return 0


#: The actions that change keys (the others only read them).
_CHANGES = frozenset({"generate", "import", "import-gateway-key", "rotate", "activate", "delete"})


def register(subparsers: Any) -> None:
    from cashier_app.cli.operator_auth import add_operator_options, manager_only

    keys = subparsers.add_parser(
        "keys",
        help="manage merchant and gateway keys of a profile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    def action(
        name: str,
        run: Callable[[argparse.Namespace], int],
        help_text: str,
        *,
        json_flag: bool = True,
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--profile",
            metavar="NAME",
            default=None,
            help="profile to use (default: the active profile)",
        )
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        add_keystore_options(p)
        if name in _CHANGES:  # changes of keys need a manager, once operators are set up
            add_operator_options(p)
            run = manager_only(run)
        p.set_defaults(run=run)
        return p

    p = action(
        "generate",
        run_generate,
        "generate an RSA-2048 key pair and print its public key for the Antom Dashboard",
    )
    p.add_argument(
        "--key-version",
        type=key_version_arg,
        default=None,
        help="default: the profile's key version",
    )
    p.add_argument("--replace", action="store_true", help="overwrite an existing key version")

    p = action(
        "import",
        run_import,
        "import the merchant private key (PEM PKCS#1/PKCS#8, "
        "encrypted PEM, or the bare base64 the Antom Dashboard shows)",
    )
    p.add_argument(
        "--from-file",
        metavar="FILE",
        required=True,
        help="read the key from FILE, or from standard input with '-'",
    )
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=None,
        help="passphrase of an encrypted PEM key (first line of FILE)",
    )
    p.add_argument(
        "--key-version",
        type=key_version_arg,
        default=None,
        help="default: the profile's key version",
    )
    p.add_argument("--replace", action="store_true", help="overwrite an existing key version")

    p = action(
        "import-gateway-key",
        run_import_gateway,
        "import the gateway (Antom) public key that verifies responses and notifications",
    )
    p.add_argument(
        "--from-file",
        metavar="FILE",
        required=True,
        help="read the key from FILE, or from standard input with '-'",
    )

    p = action("export-public", run_export_public, "print the merchant public key", json_flag=False)
    p.add_argument(
        "--format",
        choices=("base64", "pem"),
        default="base64",
        help="base64 = bare SPKI, the Antom Dashboard's form (default); pem",
    )
    p.add_argument("--key-version", type=key_version_arg, default=None)

    action(
        "fingerprint", run_fingerprint, "show SHA-256 fingerprints of the merchant and gateway keys"
    )

    p = action(
        "check",
        run_check,
        "check that the private key matches a public key (with "
        "--from-file), or diagnose the stored keys",
        json_flag=False,
    )
    p.add_argument(
        "--from-file",
        metavar="FILE",
        default=None,
        help="public key to compare with (FILE, or '-' for standard input)",
    )
    p.add_argument("--key-version", type=key_version_arg, default=None)

    p = action(
        "rotate",
        run_rotate,
        "generate the next key version and make it active; older versions are kept until deleted",
    )
    p.add_argument(
        "--no-activate",
        action="store_true",
        help="keep using the current version until 'cashier keys activate'",
    )

    p = action(
        "activate",
        run_activate,
        "make a stored key version the one requests are "
        "signed with (after the Antom Dashboard has its public key)",
    )
    p.add_argument("--key-version", type=key_version_arg, required=True)

    p = action("delete", run_delete, "delete keys (cannot be undone)", json_flag=False)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--key-version", type=key_version_arg, default=None, help="delete this merchant key version"
    )
    which.add_argument("--gateway", action="store_true", help="delete the gateway public key")
    which.add_argument("--all", action="store_true", help="delete every key of the profile")
    p.add_argument("--force", action="store_true", help="allow deleting the active version")
    p.add_argument("--yes", action="store_true", help="confirm")
