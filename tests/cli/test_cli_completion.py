"""``cashier completion bash|zsh|fish``: scripts made from the parser, checked in the shells
themselves (bash always; zsh and fish when installed, as scripts/system-deps.sh does)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from cashier_app.cli import COMMAND_MODULES

#: every --simulate choice of ``cashier pay`` (cli/pay.py)
SIMULATE = sorted(
    (
        "approve",
        "decline",
        "expire",
        "pay",
        "confirm",
        "confirm_then_pay",
        "confirm_then_decline",
        "balance",
        "expired",
        "unknown",
    )
)


def script(shell: str, *options: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "cashier_app", "completion", shell, *options],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("completion") / "cashier.bash"
    path.write_text(script("bash"))
    return path


def complete_bash(path, *words: str) -> list[str]:
    """What bash offers after ``cashier WORDS...`` (the last word is being typed)."""
    line = " ".join(f"'{w}'" for w in ("cashier", *words))
    proc = subprocess.run(
        [
            "bash",
            "--norc",
            "--noprofile",
            "-c",
            f'source "{path}"; COMP_WORDS=({line}); COMP_CWORD={len(words)}; _cashier; '
            'printf "%s\\n" "${COMPREPLY[@]}"',
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_bash_registers_the_completion(bash_script):
    proc = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", f'source "{bash_script}" && complete -p cashier'],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "complete -o default -F _cashier cashier"


def test_bash_completes_commands_options_and_choices(bash_script):
    commands = complete_bash(bash_script, "")
    assert set(COMMAND_MODULES) <= set(commands)  # every sub-command, from the package
    assert complete_bash(bash_script, "pa") == ["pay", "paykit"]
    assert "--simulate" in complete_bash(bash_script, "pay", "--sim")
    # online: approve / decline / expire; in-store: what the sandbox's customer does
    assert sorted(complete_bash(bash_script, "pay", "--simulate", "")) == SIMULATE
    assert complete_bash(bash_script, "profile", "c") == ["create"]
    assert "--environment" in complete_bash(bash_script, "profile", "create", "--env")
    assert complete_bash(bash_script, "--lang", "") == []  # a value: files/words, not ours
    assert "--self-test" in complete_bash(bash_script, "--se")
    assert complete_bash(bash_script, "completion", "")[:3] == ["bash", "zsh", "fish"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_parses_and_registers(tmp_path):
    path = tmp_path / "_cashier"
    path.write_text(script("zsh"))
    assert subprocess.run(["zsh", "-n", str(path)], capture_output=True, timeout=30).returncode == 0
    proc = subprocess.run(
        [
            "zsh",
            "-f",
            "-c",
            f"autoload -U compinit && compinit -u -D && "
            f'source "{path}" && print -r -- $_comps[cashier]',
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.stdout.strip() == "_cashier", proc.stderr


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_script_parses_and_completes(tmp_path):
    path = tmp_path / "cashier.fish"
    path.write_text(script("fish"))
    assert (
        subprocess.run(["fish", "-n", str(path)], capture_output=True, timeout=30).returncode == 0
    )

    def offered(line: str) -> list[str]:
        proc = subprocess.run(
            ["fish", "--no-config", "-c", f"source {path}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert proc.returncode == 0, proc.stderr
        return [row.split("\t")[0] for row in proc.stdout.splitlines()]

    assert offered("cashier pa") == ["pay", "paykit"]
    assert sorted(offered("cashier pay --simulate ")) == SIMULATE
    assert "create" in offered("cashier profile ") and "pay" not in offered("cashier profile ")


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_describes_commands_and_options_in_the_operators_language(tmp_path):
    """The descriptions a shell shows beside each completion are the --help texts, in the
    language the script was made in."""
    path = tmp_path / "cashier.fish"
    path.write_text(script("fish", "--lang", "zh_CN"))
    proc = subprocess.run(
        ["fish", "--no-config", "-c", f"source {path}; complete -C 'cashier do'; "
         "complete -C 'cashier doctor --pro'"],
        capture_output=True,
        text=True,
        timeout=30,
    )  # fmt: skip
    assert proc.stdout.splitlines() == [
        "doctor\t收款前检查交易日志、配置、密钥和网关",
        "--profile\t要检查的配置（默认：当前配置）",
    ], proc.stderr
