"""Start a new source file from a commented template of its entity type.

The template is written from the content model, so it lists exactly the fields
that ``check`` accepts. Required fields get placeholders that fail the checks
until they are replaced; optional fields are commented out.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator.dossier import schema as s
from generator.settings import other_languages
from generator.dossier.dates import FORMS, TIME_FORM
from generator.dossier.diagnostics import did_you_mean
from generator.tools.jsonschema import UNFINISHED, type_name
from generator.dossier.load import display_path, id_problem

TYPES = {type_name(t): t for t in s.ENTITY_TYPES.values()}
WIDTH = 88


class UsageError(Exception):
    """The type or id given cannot be used."""


class AlreadyExists(Exception):
    """The file exists: a scaffold never overwrites a contributor's work."""


def resolve_type(word: str) -> s.EntityType:
    """The entity type named ``word``, singular (``actor``) or folder (``actors``)."""
    entity_type = TYPES.get(word) or s.ENTITY_TYPES.get(word)
    if entity_type is None:
        raise UsageError(f"unknown type {word!r}{did_you_mean(word, TYPES)}: "
                         f"use one of {', '.join(TYPES)}")
    return entity_type


def create(sources: Path, word: str, entity_id: str) -> Path:
    """Write ``sources/<folder>/<entity_id>.yml`` from the template; return its path."""
    entity_type = resolve_type(word)
    problem = id_problem(entity_id)
    if problem:
        raise UsageError(f"{entity_id!r} {problem}")
    if not sources.is_dir():
        raise UsageError(f"sources folder not found: {display_path(sources)} "
                         "(run this in the project folder, or pass --root)")
    folder = sources / entity_type.folder
    folder.mkdir(exist_ok=True)
    path = folder / f"{entity_id}.yml"
    try:
        # "x" creates the file or fails, so an existing file is never touched.
        with path.open("x", encoding="utf-8") as out:
            out.write(template(entity_type, entity_id, schemas_folder(sources.parent)))
    except FileExistsError:
        raise AlreadyExists(f"{display_path(path)} already exists: edit it, or choose another id") from None
    return path


def schemas_folder(root: Path) -> str:
    """Where the editor finds the schemas, relative to the project: the generator's own
    in its repository, else the copy a dossier's Makefile writes (``make schemas``)."""
    return "generator/schemas" if (root / "generator" / "schemas").is_dir() else ".schemas"


def template(entity_type: s.EntityType, entity_id: str, schemas: str = ".schemas") -> str:
    name = type_name(entity_type)
    lines = [
        f"# yaml-language-server: $schema=../../{schemas}/{name}.schema.json",
        f"# {entity_type.doc}",
        f"# The file name is the {name}'s id, {entity_id}: it is permanent, because it is",
        f"# the page's address (/{entity_type.folder}/{entity_id}/).",
        f"# Replace every {UNFINISHED}. To use an optional field, remove the `# ` before it;",
        "# delete the optional fields you do not need. See CONTRIBUTING.md.",
    ]
    for f in entity_type.fields:
        lines.append("")
        lines.extend(_describe(f))
        lines.extend(_field(f, ""))
    return "\n".join(lines) + "\n"


def _describe(f: s.Field, depth: int = 0) -> list[str]:
    need = "required" if f.required else "optional"
    pad = "  " * depth
    lines = textwrap.wrap(f"{f.name} ({need}): {f.doc} {_hint(f.type)}", WIDTH - len(pad) - 2,
                          subsequent_indent="  ", break_on_hyphens=False)
    lines = [f"# {pad}{line}" for line in lines]
    item = f.type.item if isinstance(f.type, s.ListOf) else None
    if isinstance(item, s.Obj):
        for sub in item.fields:
            lines.extend(_describe(sub, depth + 1))
    return lines


def _field(f: s.Field, pad: str) -> list[str]:
    """The field's lines with placeholders; commented out when the field is optional."""
    lines = _lines(f, pad)
    if f.required:
        return lines
    return [f"{pad}# {line[len(pad):]}" for line in lines]


def _lines(f: s.Field, pad: str) -> list[str]:
    kind = f.type
    if isinstance(kind, s.ListOf) and isinstance(kind.item, s.Obj):
        return [f"{pad}{f.name}:"] + _item(kind.item, pad + "  ")
    if isinstance(kind, s.Translations):
        # One language shown, with every field it may translate; none in a dossier
        # published in its own language only.
        if not other_languages():
            return []
        language = other_languages()[0]
        if isinstance(kind.item, s.Obj):
            return [f"{pad}{f.name}:", f"{pad}  {language}:"] + [
                line for sub in kind.item.fields for line in _lines(sub, pad + "    ")]
        return [f"{pad}{f.name}:", f"{pad}  {language}: {UNFINISHED}"]
    if isinstance(kind, s.Markdown):
        return [f"{pad}{f.name}: |", f"{pad}  {UNFINISHED}"]
    return [f"{pad}{f.name}: {_placeholder(kind)}"]


def _item(obj: s.Obj, pad: str) -> list[str]:
    # Required fields first, so the item's `- ` never lands on a commented line.
    fields = sorted(obj.fields, key=lambda f: not f.required)
    lines = [line for f in fields for line in _field(f, pad + "  ")]
    return [pad + "- " + lines[0][len(pad) + 2:]] + lines[1:]


def _placeholder(kind) -> str:
    if isinstance(kind, s.RefTo):
        return f"todo-{kind.folder[:-1]}-id"
    if isinstance(kind, s.Coordinates):
        return f"[{UNFINISHED}-latitude, {UNFINISHED}-longitude]"
    if isinstance(kind, s.ListOf):
        return f"[{_placeholder(kind.item)}]"
    return UNFINISHED


def _hint(kind) -> str:
    if isinstance(kind, s.Text):
        return "Plain text." if kind.multiline else "One line of plain text."
    if isinstance(kind, s.Markdown):
        return "Markdown: *italic*, **bold**, [link](https://example.org), a blank line " \
               "between paragraphs."
    if isinstance(kind, s.RefTo):
        of_kind = f", of kind {' or '.join(kind.kinds)}" if kind.kinds else ""
        return f"An id from sources/{kind.folder}/ (the file name without .yml){of_kind}."
    if isinstance(kind, s.DateValue):
        return (f"A date: {', '.join(FORMS)}" + (f", {TIME_FORM}" if kind.allow_time else "")
                + ".")
    if isinstance(kind, s.Url):
        return "An address starting with https:// or http://."
    if isinstance(kind, s.LanguageTag):
        return "For example id, en or en-GB."
    if isinstance(kind, s.Choice):
        return f"One of: {', '.join(kind.values)}."
    if isinstance(kind, s.Tag):
        return "Lower-case words joined by hyphens."
    if isinstance(kind, s.Coordinates):
        return "For example [43.12, 131.9]."
    if isinstance(kind, s.Translations):
        what = "the fields below" if isinstance(kind.item, s.Obj) else "the quote"
        languages = ", ".join(other_languages()) or "none: add editions in mkdocs.yml"
        return f"Under a language tag ({languages}), {what} in that language."
    if isinstance(kind, s.ListOf):
        size = " of at least one item" if kind.min_items == 1 else \
            f" of at least {kind.min_items} items" if kind.min_items else ""
        if isinstance(kind.item, s.Obj):
            return f"A list{size}. Each item has:"
        return f"A list{size}. Each item: {_hint(kind.item)}"
    raise TypeError(kind)
