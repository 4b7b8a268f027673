"""``cashier completion bash|zsh|fish``: a shell completion script, made from the parser.

The script is generated from the same argparse tree ``cashier --help`` shows, so a new
sub-command or option completes as soon as it exists. Install, for example:

    cashier completion bash > ~/.local/share/bash-completion/completions/cashier
    cashier completion zsh  > "${fpath[1]}/_cashier"        # or: source <(cashier completion zsh)
    cashier completion fish > ~/.config/fish/completions/cashier.fish
"""

from __future__ import annotations

import argparse
import shlex

from cashier_app.domain.values import dataclass, field

SHELLS = ("bash", "zsh", "fish")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "completion",
        help="print a shell completion script",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cashier_app.cli import build_parser

    tree = command_tree(build_parser())
    gui = tree.commands.get("gui")
    if gui is not None:  # `cashier --lang zh_CN` is `cashier gui --lang zh_CN`
        tree.options.update(gui.options)
        tree.takes_value |= gui.takes_value
        tree.choices.update(gui.choices)
    print({"bash": bash, "zsh": zsh, "fish": fish}[args.shell](tree), end="")
    return 0


@dataclass
class Node:
    """One level of the command tree: its options (with their choices and help), its
    positional choices and its sub-commands."""

    help: str = ""
    options: dict[str, str] = field(default_factory=dict)  #: option -> help
    takes_value: set[str] = field(default_factory=set)
    choices: dict[str, list[str]] = field(default_factory=dict)  #: option -> values
    positional_choices: list[str] = field(default_factory=list)
    commands: dict[str, Node] = field(default_factory=dict)


def command_tree(parser: argparse.ArgumentParser, help_text: str = "") -> Node:
    node = Node(help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: _one_line(a.help) for a in action._choices_actions}
            for name, sub in action.choices.items():
                node.commands[name] = command_tree(sub, helps.get(name, ""))
            continue
        if action.option_strings:
            for opt in action.option_strings:
                if opt.startswith("--") or len(action.option_strings) == 1:
                    node.options[opt] = _one_line(action.help)
                    if action.nargs != 0:
                        node.takes_value.add(opt)
                        if action.choices:
                            node.choices[opt] = [str(c) for c in action.choices]
        elif action.choices:
            node.positional_choices.extend(str(c) for c in action.choices)
    return node


def _one_line(text: str | None) -> str:
    """A help text on one line, in the operator's language (as ``--help`` shows it)."""
    from cashier_app.cli.help_format import translate

    if not text or text == argparse.SUPPRESS:
        return ""
    return " ".join(translate(text).split()).replace("%%", "%")


def _paths(node: Node, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Node]]:
    """Every (command path, node), the root first."""
    out = [(prefix, node)]
    for name, sub in node.commands.items():
        out += _paths(sub, (*prefix, name))
    return out


def _subcommands(tree: Node) -> dict[str, list[str]]:
    """Command path (space-separated, "" for the top) -> the sub-commands it has."""
    return {" ".join(p): sorted(n.commands) for p, n in _paths(tree) if n.commands}


# -- bash ---------------------------------------------------------------------------------


def bash(tree: Node) -> str:
    cases = []
    for path, node in _paths(tree):
        words = [*node.commands, *node.positional_choices, *node.options]
        value_cases = "".join(
            f"                {shlex.quote(opt)}) COMPREPLY=($(compgen -W "
            f'{shlex.quote(" ".join(values))} -- "$cur")); return;;\n'
            for opt, values in node.choices.items()
        )
        takes = " ".join(sorted(node.takes_value - set(node.choices)))
        cases.append(
            f"        {shlex.quote(' '.join(path))})\n"
            f'            case "$prev" in\n{value_cases}'
            f"            esac\n"
            f"            for o in {takes or '__none__'}; do "
            f'[[ "$prev" == "$o" ]] && return; done\n'
            f'            COMPREPLY=($(compgen -W {shlex.quote(" ".join(words))} -- "$cur"));;'
        )
    command_cases = "".join(
        f"            {shlex.quote(k)}) subs={shlex.quote(' '.join(v))};;\n"
        for k, v in _subcommands(tree).items()
    )
    return f"""# bash completion for cashier (generated by `cashier completion bash`)
_cashier() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    local path="" subs w i
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${{COMP_WORDS[i]}}"
        case "$path" in
{command_cases}            *) subs="";;
        esac
        for s in $subs; do
            if [[ "$w" == "$s" ]]; then path="${{path:+$path }}$w"; break; fi
        done
    done
    case "$path" in
{chr(10).join(cases)}
    esac
}}
complete -o default -F _cashier cashier
"""


# -- zsh ----------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def zsh(tree: Node) -> str:
    cases = []
    for path, node in _paths(tree):
        items = [
            _zsh_quote(name + ":" + sub.help.replace(":", "\\:"))
            for name, sub in node.commands.items()
        ]
        items += [_zsh_quote(value) for value in node.positional_choices]
        items += [
            _zsh_quote(opt + ":" + text.replace(":", "\\:")) for opt, text in node.options.items()
        ]
        value_cases = "".join(
            f"                {_zsh_quote(opt)}) compadd -- {' '.join(map(_zsh_quote, v))}; "
            f"return;;\n"
            for opt, v in node.choices.items()
        )
        takes = " ".join(_zsh_quote(o) for o in sorted(node.takes_value - set(node.choices)))
        cases.append(
            f"        {_zsh_quote(' '.join(path))})\n"
            f"            case $prev in\n{value_cases}            esac\n"
            f"            takes=({takes})\n"
            f"            if (( ${{takes[(Ie)$prev]}} )); then _files; return; fi\n"
            f"            items=({' '.join(items)})\n"
            f"            _describe -t commands cashier items;;"
        )
    command_cases = "".join(
        f"            {_zsh_quote(k)}) subs=({' '.join(map(_zsh_quote, v))});;\n"
        for k, v in _subcommands(tree).items()
    )
    return f"""#compdef cashier
# zsh completion for cashier (generated by `cashier completion zsh`)
_cashier() {{
    local path="" prev="${{words[CURRENT-1]}}" w i
    local -a subs items takes
    for ((i = 2; i < CURRENT; i++)); do
        w="${{words[i]}}"
        case "$path" in
{command_cases}            *) subs=();;
        esac
        if (( ${{subs[(Ie)$w]}} )); then path="${{path:+$path }}$w"; fi
    done
    case "$path" in
{chr(10).join(cases)}
    esac
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _cashier "$@"
else
    (( $+functions[compdef] )) && compdef _cashier cashier
fi
"""


# -- fish ---------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(tree: Node) -> str:
    lines = [
        "# fish completion for cashier (generated by `cashier completion fish`)",
        "complete -c cashier -f",
    ]
    for path, node in _paths(tree):
        parent_cond = f"__fish_cashier_path {_fish_quote(' '.join(path))}"
        for name, sub in node.commands.items():
            lines.append(
                f"complete -c cashier -n {_fish_quote(parent_cond)} -a "
                f"{_fish_quote(name)} -d {_fish_quote(sub.help)}"
            )
        if node.positional_choices:
            lines.append(
                f"complete -c cashier -n {_fish_quote(parent_cond)} -a "
                f"{_fish_quote(' '.join(node.positional_choices))}"
            )
        for opt, text in node.options.items():
            flag = f"-l {opt[2:]}" if opt.startswith("--") else f"-s {opt[1:]}"
            extra = ""
            if opt in node.choices:
                extra = f" -x -a {_fish_quote(' '.join(node.choices[opt]))}"
            elif opt in node.takes_value:
                extra = " -r -F"
            lines.append(
                f"complete -c cashier -n {_fish_quote(parent_cond)} {flag}{extra}"
                f" -d {_fish_quote(text)}"
            )
    table = "\n".join(
        f"        case {_fish_quote(k)}\n            set subs {' '.join(map(_fish_quote, v))}"
        for k, v in _subcommands(tree).items()
    )
    helper = f"""function __fish_cashier_path --description 'is the command line at this path?'
    set -l path ''
    for w in (commandline -opc)[2..-1]
        set -l subs
        switch $path
{table}
        end
        if contains -- $w $subs
            if test -z "$path"
                set path $w
            else
                set path "$path $w"
            end
        end
    end
    test "$path" = "$argv[1]"
end"""
    return helper + "\n" + "\n".join(lines) + "\n"
