"""``--help`` in the operator's language: argparse's help with our texts translated, and
lines wrapped and aligned by display width (a Chinese character takes two columns).

The help texts (descriptions, ``help=`` strings, group titles) are written in English where
each sub-command registers them; they are looked up in context ``CliHelp`` of the catalog
only when a help or usage text is formatted, so a plain run (``cashier pay``) pays
nothing for them. scripts/update_translations.py collects them from the parser itself
(:func:`help_texts`). Argparse's own words ("usage: ", "options") come from context
``argparse`` (cli/text.py).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from typing import Any

from cashier_app.cli import text

CONTEXT = "CliHelp"
#: A section heading ("options:"); translated, so that zh_CN gets its full-width colon.
HEADING = "%1:"


def translate(source: str) -> str:
    return text.catalog_text(CONTEXT, normalised(source)) or source


def normalised(source: str) -> str:
    """A help text as the catalog holds it: each paragraph on one line (as written in the
    code it is wrapped by hand), an indented one (an example) as it is."""
    paragraphs = re.split(r"\n\s*\n", source.strip("\n"))
    return "\n\n".join(p.rstrip() if p.startswith(" ") else " ".join(p.split()) for p in paragraphs)


width = text.width


def _char_width(c: str) -> int:
    return text.width(c)


#: Chinese punctuation that must not start a line, and that which must not end one.
_NO_LINE_START = set("，。、；：！？）》」』】〉…％,.;:!?)]}")
_NO_LINE_END = set("（《「『【〈([{")
_TOKEN = re.compile(r"\s+|[^\s]")


def _tokens(s: str) -> Iterator[str]:
    """Units a line may break between: a space, one wide character, or a run of narrow
    characters (an English word, an option, a number), punctuation kept with its
    neighbour."""
    units: list[str] = []
    for piece in _TOKEN.findall(s):
        wide = _char_width(piece[0]) == 2
        if (
            units
            and not piece.isspace()
            and not units[-1].isspace()
            and (
                piece in _NO_LINE_START
                or units[-1][-1] in _NO_LINE_END
                or (not wide and _char_width(units[-1][-1]) < 2)
            )
        ):
            units[-1] += piece
        else:
            units.append(piece)
    yield from units


def wrap(s: str, columns: int) -> list[str]:
    """``s`` (whitespace folded) in lines of at most ``columns`` display columns, broken at
    spaces and between wide characters, never inside a word unless it alone is too long."""
    s = re.sub(r"\s+", " ", s).strip()
    if width(s) == len(s):  # nothing wide: exactly what argparse would do
        import textwrap

        return textwrap.wrap(s, columns)
    lines: list[str] = []
    line, space = "", False
    for unit in _tokens(s):
        if unit.isspace():
            space = bool(line)
            continue
        gap = " " if space else ""
        if line and width(line) + width(gap) + width(unit) > columns:
            lines.append(line)
            line, gap = "", ""
        while not line and width(unit) > columns:  # one word wider than the line
            cut = _fit(unit, columns)
            lines.append(unit[:cut])
            unit = unit[cut:]
        line += gap + unit
        space = False
    if line:
        lines.append(line)
    return lines


def _fit(s: str, columns: int) -> int:
    used = 0
    for i, c in enumerate(s):
        used += _char_width(c)
        if used > columns:
            return max(i, 1)
    return len(s)


class LocalHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, in the current language and by display width."""

    class _Section(argparse.HelpFormatter._Section):
        def format_help(self) -> str:
            out = str(super().format_help())
            heading = self.heading
            if out and isinstance(heading, str) and heading is not argparse.SUPPRESS:
                shown = text.fill(translate(HEADING), heading)
                out = out.replace(f"{heading}:\n", f"{shown}\n", 1)
            return out

    def add_text(self, text: str | None) -> None:
        if text and text is not argparse.SUPPRESS:
            text = translate(text)
        super().add_text(text)

    def start_section(self, heading: str | None) -> None:
        super().start_section(translate(heading) if heading else heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        help_text = super()._get_help_string(action)
        return translate(help_text) if help_text else help_text

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Each paragraph filled to the width; an indented paragraph (an example command)
        kept as written."""
        out = []
        for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
            if paragraph.startswith(" "):
                lines = paragraph.splitlines()
            else:
                lines = wrap(paragraph, width - len(indent))
            out.append("\n".join(indent + line for line in lines))
        return "\n\n".join(out)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None) -> str:
        """argparse lays the usage out by ``len(prefix)``: lay it out with an ASCII stand-in
        as wide as the translated prefix, then put the prefix in."""
        if prefix is None:
            prefix = argparse._("usage: ")  # type: ignore[attr-defined]
        stand_in = "u" * width(prefix)
        out = str(super()._format_usage(usage, actions, groups, stand_in))
        return prefix + out[len(stand_in) :] if out.startswith(stand_in) else out


_LOCALISED: dict[type[argparse.HelpFormatter], type[argparse.HelpFormatter]] = {}


def localised(base: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``base`` (argparse's formatter or one of its variants) speaking the operator's
    language."""
    if issubclass(base, LocalHelpFormatter):
        return base
    if base not in _LOCALISED:
        _LOCALISED[base] = type(f"Local{base.__name__}", (LocalHelpFormatter, base), {})
    return _LOCALISED[base]


def help_texts(parser: argparse.ArgumentParser) -> set[str]:
    """Every help text of ``parser`` and its sub-commands (as registered, in English):
    descriptions, epilogs, group titles and descriptions, ``help=`` strings."""
    found: set[str] = set()

    def add(value: object) -> None:
        if isinstance(value, str) and value and value is not argparse.SUPPRESS:
            found.add(normalised(value))

    def walk(p: argparse.ArgumentParser) -> None:
        add(p.description)
        add(p.epilog)
        for group in p._action_groups:
            add(group.title)
            add(group.description)
        for action in p._actions:
            add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    add(choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
    return found - set(text.ARGPARSE_MESSAGES)
