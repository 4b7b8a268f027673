"""The CLI's own errors: one line for the operator, in their language, and an exit status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Self

from cashier_app.domain.errors import CashierError


class Doing(CashierError):
    """What a command was doing, as a phrase of its error ("cannot refund payment X: ...")."""

    layer = "cli"
    MESSAGES: ClassVar[dict[str, str]] = {
        "recover": "recover {count} payment(s) of profile {profile}",
        "refund": "refund payment {payment_request_id}",
        "follow_store": "follow the store",
    }


class CliError(CashierError):
    """A user-facing error: printed as one line, exit status ``exit_code`` (2 = bad
    arguments)."""

    layer = "cli"
    #: words passed as parameters: which key a command reads, yes / no
    TERMS: ClassVar[tuple[str, ...]] = (
        "key passphrase",
        "private key",
        "gateway public key",
        "public key",
        "standard input",
        "yes",
        "no",
    )
    MESSAGES: ClassVar[dict[str, str]] = {
        "error": "{error}",
        "option_error": "{option}: {error}",
        "json_headless": "--json is for --headless",
        "embedded_sandbox_did_not_start": "the embedded sandbox did not start: {exc}",
        "profile_cannot_combined_gateway": "--profile cannot be combined with --gateway",
        "required": "--{value} is required with {flags}",
        "gateway": "--gateway: {exc}",
        "client_id_must_ascii_without_spaces": "--client-id {client_id!r} must be ASCII without "
        "spaces",
        "private_key": "--private-key: {exc}",
        "gateway_public_key": "--gateway-public-key: {exc}",
        "not_text_key_file_pem_base64": "{option}: {path} is not a text key file (PEM or base64)",
        "cannot_read": "{option}: cannot read {path}: {problem}",
        "journal_unusable_cannot": "journal unusable, cannot {what}: {exc}",
        "cannot": "cannot {what}: {exc}",
        "cannot_profile_not_here": "cannot {what}: {exc}; profile {profile} is not saved here: "
        "pass --gateway, --client-id, --private-key and --gateway-public-key",
        "gui_cannot_start_run_make_system": "the GUI cannot start: {exc} (run `make system-deps`)",
        "not_date_like_2026_11_21": "{option} {text!r} is not a date like 2026-11-21",
        "status_unknown_status_choose_from": "--status {text!r}: unknown status (choose from "
        "{statuses})",
        "not_whole_number": "{option} {text!r} is not a whole number",
        "must_least": "{option} must be at least {minimum}",
        "cannot_read_from": "cannot read {what} from {source}: {problem}",
        "input_larger_than_kib_give_key": "the {what} input is larger than {max_input_bytes} KiB; "
        "give the key file itself",
        "no_was_given_empty": "no {what} was given ({standard_input} is empty)",
        "profile_embedded_sandbox_keys_are_generated": "profile {name!r} is the embedded sandbox: "
        "its keys are generated in memory at every start and registered with the sandbox "
        "automatically, so there is nothing to manage; create a profile with 'cashier profile "
        "create' for a real account",
        "key_passphrase_cannot_both_come_from": "the key and its passphrase cannot both come from "
        "standard input",
        "deleting_keys_cannot_undone_repeat_yes": "deleting keys cannot be undone: repeat with "
        "--yes",
        "key_version_active_one_profile_rotate": "key version {version} is the active one of "
        "profile {name!r}: rotate first, or add --force",
        "no_new_pin_type_terminal_set": "no new PIN for {name}: type it at a terminal, or set "
        "${new_pin_env}",
        "two_pins_differ_nothing_was_changed": "the two PINs differ; nothing was changed",
        "no_pin_type_terminal_set": "no PIN for {name}: type it at a terminal, or set ${env}",
        "no_pin": "no PIN for {name}",
        "operators_are_set_up_here_name": "operators are set up here: name yourself with "
        "--operator NAME",
        "manager_s_pin_needed_run_manager": "a manager's PIN is needed: run it as a manager "
        "(--operator) or add --approved-by MANAGER",
        "operators_are_set_up_here_manager": "operators are set up here: a manager must run this "
        "(--operator NAME)",
        "timeout_not_number_seconds": "--timeout {text!r} is not a number of seconds",
        "timeout_must_positive_number_seconds": "--timeout {text!r} must be a positive number of "
        "seconds",
        "currency": "--currency: {exc}",
        "amount": "--amount: {exc}",
        "payment_code_scenario_are_product_store": "--payment-code and --scenario are for "
        "--product in-store",
        "simulate_product_store": "--simulate {simulate} is for --product in-store",
        "method_required_e_g_alipay_hk": "--method is required (e.g. ALIPAY_HK)",
        "method": "--method: {exc}",
        "method_does_not_accept_accepts": "--method: {type} does not accept {currency} (it "
        "accepts {currencies})",
        "summary_longer_than_256_characters": "--summary is longer than 256 characters",
        "simulate_needs_sandbox_gateway_http_loopback": "--simulate needs a sandbox gateway "
        "(http:// on loopback)",
        "journal_unusable_no_payment_taken": "journal unusable, no payment taken: {exc}",
        "payment_code_scenario_paymentcode_till_scans": "--payment-code is for --scenario "
        "PaymentCode (the till scans the customer's code)",
        "simulate_scanned_code_order_code_takes": "--simulate {simulate} is for a scanned code; "
        "an order code takes approve, decline or expire",
        "give_either_payment_code_simulate_which": "give either --payment-code or --simulate "
        "(which draws a code from the sandbox), not both",
        "payment_code_code_required_simulate_scenario": "--payment-code CODE is required (or "
        "--simulate SCENARIO on a sandbox)",
        "payment_code": "--payment-code: {exc}",
        "simulate_no_sandbox_wallet_takes_give": "--simulate: no sandbox wallet takes {currency}; "
        "give --method",
        "simulate_needs_sandbox_gateway": "--simulate needs a sandbox gateway",
        "simulate_sandbox_gave_no_payment_code": "--simulate: the sandbox gave no payment code: "
        "{exc}",
        "cannot_start_services": "cannot start the services: {exc}",
        "simulate_needs_sandbox_profile": "--simulate needs a sandbox profile",
        "amount_currency": "--amount/--currency: {exc}",
        "alipayhk_pay_failed": "AlipayHK pay failed: {exc}",
        "error_2": "--{value}: {exc}",
        "profile_still_has_keys_versions_gateway": "profile {name!r} still has keys (versions: "
        "{value}; gateway key: {yes}): add --delete-keys to delete them too (cannot be undone) or "
        "--keep-keys",
        "say_where_receipt_goes_pdf_file": "say where the receipt goes: --pdf FILE, --text and/or "
        "--escpos",
        "reason_longer_than_256_characters": "--reason is longer than 256 characters",
        "no_payment_journal": "no payment {payment_request_id!r} in the journal",
        "payment_only_successful_payment_can_refunded": "payment {payment_request_id} is {value}; "
        "only a successful payment can be refunded",
        "payment_already_fully_refunded": "payment {payment_request_id} is already fully refunded",
        "amount_more_than_left_refund_payment": "--amount {amount} is more than the {left} left "
        "to refund on payment {payment_request_id}",
        "payment_was_taken_client_id_not": "payment {payment_request_id} was taken by client id "
        "{client_id}, not {given}",
        "journal_unusable_no_refund_sent": "journal unusable, no refund sent: {exc}",
        "tz_not_known_time_zone_e": "--tz {text!r} is not a known time zone (e.g. Asia/Hong_Kong)",
        "cannot_read_2": "{what}: cannot read {path_text!r}: {reason}",
        "merchant_expected_client_id_public_key": "--merchant {spec!r}: expected "
        "CLIENT_ID=PUBLIC_KEY_FILE",
        "merchant": "--merchant {client_id}: {key_file}: {exc}",
        "auto_must_from_0_seconds": "--auto-{action} {seconds}: must be from 0 to {max_delay} "
        "seconds",
        "lan_port_must_number_from_0": "--lan {text}: the port must be a number from 0 to 65535",
        "lan": "--lan {text}: {exc}",
        "host_not_loopback_address_sandbox_s": "--host {host}: not a loopback address; the "
        "sandbox's control endpoints are unauthenticated (add --allow-remote to insist)",
        "port_must_from_0_65535": "--port {port}: must be from 0 to 65535",
        "expiry_must_greater_than_zero": "--expiry {expiry}: must be greater than zero",
        "sign_workers_must_from_0_64": "--sign-workers {sign_workers}: must be from 0 to 64",
        "must_greater_than_zero": "{flag} {value}: must be greater than zero",
        "notify_compression_must_greater_than_zero": "--notify-compression {notify_compression}: "
        "must be greater than zero",
        "gateway_private_key": "--gateway-private-key: {exc}",
        "port": "--port {port}: {exc}",
        "lan_2": "--lan {lan}: {exc}",
        "say_what_do_cashier_scenario_list": "say what to do: cashier scenario list | set NAME "
        "[k=v ...] | clear",
        "sandbox": "sandbox {base_url}: {exc}",
        "sandbox_url_needed_url_cashier_sandbox": "--sandbox URL is needed (the url `cashier "
        "sandbox` printed), or set ${env_url}",
        "sandbox_2": "--sandbox: {exc}",
        "timezone": "--timezone: {exc}",
        "dsn": "--dsn: {exc}",
        "till_id": "--till-id: {exc}",
        "installation_till_store_cannot_join_till": "this installation is till {linked!r} of its "
        "store; it cannot join as {till_id!r} (a till keeps its id: its sales at the store carry "
        "it)",
        "not_cashier_store_yet_run_cashier": "{dsn} is not a cashier store yet: run 'cashier "
        "store init --dsn ...' first",
        "store_has_schema_newer_than_cashier": "the store has schema {version}, newer than this "
        "cashier's {schema_version}; upgrade cashier",
        "store_s_password_must_go_key": "the store's password must go to the key store, which is "
        "unusable: {exc}",
        "installation_has_not_joined_store_run": "this installation has not joined a store: run "
        "'cashier store join --dsn ...'",
        "journal_not_till_s_run_cashier": "the journal is not till {till_id!r}'s: run 'cashier "
        "store join' again",
        "bind_must_host_port_e_g": "--bind {text!r} must be HOST:PORT, e.g. 127.0.0.1:8080",
        "profile_cannot_combined_client_id_gateway": "--profile cannot be combined with "
        "--client-id/--gateway-public-key",
        "profile": "--profile {profile}: {exc}",
        "give_profile_name_client_id_id": "give --profile NAME, or --client-id ID and "
        "--gateway-public-key FILE",
        "bind": "--bind {bind}: {problem}",
        "store_has_schema_older_than_cashier": "the store has schema {version}, older than this "
        "cashier's {schema_version}: run 'cashier store init --dsn ...' (an owner's DSN) first",
    }

    def __init__(
        self,
        message: str = "",
        exit_code: int = 2,
        *,
        code: str = "",
        params: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, code=code, params=params)
        self.exit_code = exit_code

    @classmethod
    def of(cls, code: str, /, exit_code: int = 2, **params: object) -> Self:  # type: ignore[override]
        """The error for ``code``; ``exit_code`` is the command's exit status (2: bad input)."""
        error = super().of(code, **params)
        error.exit_code = exit_code
        return error
