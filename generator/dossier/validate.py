"""Check each source file against the content model and build its entity.

Everything that can be said about one file alone is said here: types, required
and unknown fields, dates, URLs. References between files are the linker's job.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.dossier import schema as s
from generator.dossier.dates import DateError, parse_date
from generator.dossier.diagnostics import Report, did_you_mean, with_article
from generator.settings import (language_of, other_languages, own_language,
                                own_language_in_english, a_translation)
from generator.dossier.load import SourceFile, suggest_id
from generator.dossier.model import Entity, Ref
from generator.dossier.yamlnodes import YMap, YNode, YScalar, YSeq

_LANGUAGE = re.compile(s.LANGUAGE_PATTERN)
_SPACE = re.compile(r"\s")
_ID = re.compile(s.ID_PATTERN)
_UNFINISHED = re.compile(rf"^{s.UNFINISHED}\b")
_TAG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_KIND_NAMES = {s.Text: "text", s.Markdown: "text", s.RefTo: "an id", s.DateValue: "a date",
               s.Url: "a URL", s.LanguageTag: "a language tag", s.Choice: "one word",
               s.Tag: "a tag", s.Coordinates: "a [latitude, longitude] pair",
               s.ListOf: "a list", s.Obj: "a mapping", s.Translations: "a mapping"}


class _Invalid(Exception):
    """Raised inside one field's conversion once its problem is reported."""


class _FileChecker:
    def __init__(self, source: SourceFile, report: Report):
        self.source = source
        self.report = report
        self.ok = True

    def error(self, node_or_line, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else node_or_line.line
        column = 0 if isinstance(node_or_line, int) else node_or_line.column
        self.report.error(self.source.path, line, message, column)
        self.ok = False

    def mapping(self, node: YNode, fields: tuple[s.Field, ...], what: str,
                top: bool = False) -> dict | None:
        if not isinstance(node, YMap):
            self.error(node, f"{what} must be a mapping of `field: value` lines, "
                       f"found {_describe(node)}")
            return None
        known = {f.name for f in fields}
        values: dict = {}
        for key in node.entries:
            if key == "id" and top:
                self.error(node.key_lines[key], "unknown field 'id': the file name is the id, "
                           "so remove the field (or rename the file)")
            elif key not in known:
                self.error(node.key_lines[key], f"unknown field {key!r}"
                           f"{did_you_mean(key, known)}: the fields of {what} are "
                           f"{', '.join(sorted(known))}")
        for f in fields:
            value_node = node.entries.get(f.name)
            if value_node is None or _is_empty(value_node):
                if f.required:
                    line = node.key_lines.get(f.name, node.line)
                    state = "is empty" if f.name in node.entries else "is missing"
                    self.error(line, f"required field {f.name!r} {state}: {f.doc}")
                continue
            try:
                values[f.name] = self.convert(value_node, f.type, f.name)
            except _Invalid:
                pass
        return values

    def convert(self, node: YNode, kind, name: str):
        if isinstance(kind, s.ListOf):
            if not isinstance(node, YSeq):
                self.error(node, f"{name!r} must be a list, found {_describe(node)}: "
                           "write `- item` lines or `[a, b]`")
                raise _Invalid
            if len(node.items) < kind.min_items:
                self.error(node, f"{name!r} needs at least {kind.min_items} item(s)")
                raise _Invalid
            items, bad = [], False
            for item in node.items:
                try:
                    items.append(self.convert(item, kind.item, name))
                except _Invalid:
                    bad = True
            if bad:
                raise _Invalid
            return items
        if isinstance(kind, s.Obj):
            values = self.mapping(node, kind.fields, with_article(kind.name))
            if values is None or any(f.required and f.name not in values for f in kind.fields):
                raise _Invalid
            return kind.cls(**values, line=node.line) if "line" in kind.cls.__dataclass_fields__ \
                else kind.cls(**values)
        if isinstance(kind, s.Translations):
            return self.translations(node, kind, name)
        if isinstance(kind, s.Coordinates):
            return self.coordinates(node, name)
        if not isinstance(node, YScalar):
            hint = ""
            # Text that happens to start with [ or contain ": " reads as a list or mapping.
            if isinstance(kind, (s.Text, s.Markdown)) and isinstance(node, YSeq):
                hint = ": if the text starts with [ or -, put it in quotes"
            elif isinstance(kind, (s.Text, s.Markdown)):
                hint = (f": if the text contains ': ', put it in quotes, or write it on the "
                        f"lines after `{name}: |`")
            self.error(node, f"{name!r} must be {_KIND_NAMES[type(kind)]}, "
                       f"found {_describe(node)}{hint}")
            raise _Invalid
        text = node.text.strip()
        if not text:
            self.error(node, f"{name!r} is empty")
            raise _Invalid
        return self.scalar(node, text, kind, name)

    def scalar(self, node: YScalar, text: str, kind, name: str):
        if isinstance(kind, (s.Text, s.Markdown)) and _UNFINISHED.match(text):
            self.error(node, f"{name!r} still holds the {s.UNFINISHED} placeholder from "
                       "`new`: replace it with real content")
            raise _Invalid
        if isinstance(kind, s.Text):
            if not kind.multiline and "\n" in text:
                self.error(node, f"{name!r} must be one line")
                raise _Invalid
            return text
        if isinstance(kind, s.Markdown):
            return text
        if isinstance(kind, s.RefTo):
            if not _ID.match(text):
                # Contributors often write the name; its slug is usually the id.
                guess = suggest_id(text)
                hint = f" (did you mean {guess!r}?)" if guess != "my-entry" else ""
                self.error(node, f"{name!r}: {text!r} is not an id{hint}: ids are lower-case "
                           "words joined by hyphens, the file name without .yml")
                raise _Invalid
            return Ref(kind.folder, text, node.line)
        if isinstance(kind, s.DateValue):
            try:
                return parse_date(text, allow_time=kind.allow_time)
            except DateError as exc:
                self.error(node, f"{name!r}: {exc}")
                raise _Invalid from None
        if isinstance(kind, s.Url):
            problem = _url_problem(text)
            if problem:
                self.error(node, f"{name!r}: {text!r} {problem}")
                raise _Invalid
            return text
        if isinstance(kind, s.LanguageTag):
            if not _LANGUAGE.match(text):
                self.error(node, f"{name!r}: {text!r} is not a BCP 47 language tag "
                           "(e.g. `id`, `en`, `en-GB`)")
                raise _Invalid
            return text
        if isinstance(kind, s.Choice):
            if text not in kind.values:
                self.error(node, f"{name!r}: {text!r} is not allowed"
                           f"{did_you_mean(text, kind.values)}: use one of "
                           f"{', '.join(kind.values)}")
                raise _Invalid
            return text
        if isinstance(kind, s.Tag):
            if not _TAG.match(text):
                self.error(node, f"{name!r}: tag {text!r} must be lower-case words joined by "
                           "hyphens, e.g. `arms-negotiations`")
                raise _Invalid
            return text
        raise TypeError(kind)  # pragma: no cover - the schema uses only the kinds above

    def translations(self, node: YNode, kind: s.Translations, name: str) -> dict:
        """Language tag -> the converted ``kind.item``; only the languages the site publishes."""
        if not isinstance(node, YMap):
            self.error(node, f"{name!r} must be a mapping from a language to its translation, "
                       f"found {_describe(node)}: write `{name}:` and, on the next line, "
                       f"`  {other_languages()[0]}: ...`")
            raise _Invalid
        values, bad = {}, False
        for language, value in node.entries.items():
            line = node.key_lines[language]
            problem = _language_problem(language)
            if problem:
                self.error(line, f"{name!r}: {problem}")
                bad = True
            elif _is_empty(value):
                self.error(line, f"{name!r}: the {language!r} translation is empty: "
                           "translate something or remove it")
                bad = True
            else:
                try:
                    values[language] = self.convert(value, kind.item, f"{name}.{language}")
                except _Invalid:
                    bad = True
        if bad:
            raise _Invalid
        return values

    def coordinates(self, node: YNode, name: str) -> tuple[float, float]:
        usage = f"{name!r} must be [latitude, longitude] in decimal degrees, e.g. [43.12, 131.9]"
        if not isinstance(node, YSeq) or len(node.items) != 2 or not all(
                isinstance(i, YScalar) and i.plain and _NUMBER.match(i.text) for i in node.items):
            self.error(node, usage)
            raise _Invalid
        lat, lon = (float(i.text) for i in node.items)
        if not -90 <= lat <= 90:
            swapped = " (are latitude and longitude swapped?)" if -90 <= lon <= 90 else ""
            self.error(node, f"{name!r}: latitude {node.items[0].text} is not between -90 "
                       f"and 90{swapped}; write [latitude, longitude], e.g. [43.12, 131.9]")
            raise _Invalid
        if not -180 <= lon <= 180:
            self.error(node, f"{name!r}: longitude {node.items[1].text} is not between -180 "
                       "and 180; write [latitude, longitude], e.g. [43.12, 131.9]")
            raise _Invalid
        return (lat, lon)


def _language_problem(language: str) -> str | None:
    """Why ``language`` cannot key a translation, or None."""
    published = ", ".join(other_languages())
    if language in other_languages():
        return None
    if language_of(language) == own_language():
        name = own_language_in_english()
        return (f"{language!r} is the dossier's own language: {name} goes in the fields "
                f"themselves (a quote's {name} in `translation`), not in `translations`")
    return (f"unknown language {language!r}{did_you_mean(language, other_languages())}: "
            f"this site publishes translations in {published}")


def _url_problem(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) address, or None."""
    if _SPACE.search(url):
        return "contains a space or line break: write %20 for a space, or remove it"
    if any(char in '<>"' for char in url):
        return "contains <, > or \": copy the address again from the browser's address bar"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises for a port that is not a number
    except ValueError:
        return "is not a well-formed URL: copy it again from the browser's address bar"
    if not parts.scheme:
        return "is not an absolute URL: it must start with https:// (or http://)"
    if parts.scheme not in ("http", "https"):
        return (f"uses the {parts.scheme}: scheme: only http:// and https:// addresses "
                "are accepted")
    if not parts.hostname:
        return "has no host name: write it as https://example.com/..."
    return None


def _is_empty(node: YNode) -> bool:
    return (isinstance(node, YScalar) and (node.is_null or not node.text.strip())) or \
        (isinstance(node, YSeq) and not node.items)


def _describe(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return f"text {node.text[:40]!r}"


def _article_rules(checker: _FileChecker, values: dict) -> None:
    language = values.get("language", "")
    if language and language_of(language) != language_of(own_language()):
        for quote in values.get("quotes", []):
            if not quote.translation:
                checker.error(quote.line, "quote has no 'translation': quotes in an article "
                              f"in {language!r} need {a_translation()}")


def _line_of(node: YNode, *path) -> int:
    """The line of the key or item at ``path`` under ``node`` (keys and list indexes)."""
    line = node.line
    for step in path:
        if isinstance(node, YMap):
            line = node.key_lines[step]
            node = node.entries[step]
        else:
            node = node.items[step]
            line = node.line
    return line


def _translation_rules(checker: _FileChecker, entity_type: s.EntityType, root: YMap,
                       values: dict) -> None:
    """A translated field needs its English original; an article's own language needs none."""
    singular = entity_type.folder[:-1]
    own = language_of(values.get("language", own_language()))
    for language, translation in values.get("translations", {}).items():
        for f in entity_type.fields:
            if not f.translatable or getattr(translation, f.name) is None:
                continue
            line = _line_of(root, "translations", language, f.name)
            original = values.get(f.name)
            if not original:
                checker.error(line, f"{f.name!r} is translated into {language!r}, but the "
                              f"{singular} has no {f.name!r}: write the {own_language_in_english()} first, or "
                              "remove the translation")
            elif f.name == "title" and own == language:
                checker.error(line, f"'title' needs no {language!r} translation: the article "
                              f"is in {values['language']!r} already; remove it")
            elif f.name == "key_points" and len(original) != len(translation.key_points):
                checker.error(line, f"'key_points' has {len(translation.key_points)} item(s) in "
                              f"{language!r} but {len(original)} in {own_language_in_english()}: translate each "
                              "point, in the same order")
    for index, quote in enumerate(values.get("quotes", [])):
        if own in quote.translations:
            checker.error(_line_of(root, "quotes", index, "translations", own),
                          f"the quote needs no {own!r} translation: the article is in "
                          f"{values['language']!r} already; remove it")
    for index, stance in enumerate(values.get("stances", [])):
        if stance.quote is None and (stance.translation or stance.translations):
            written = "translation" if stance.translation else "translations"
            checker.error(_line_of(root, "stances", index, written), f"stance has a "
                          f"{written!r} but no 'quote': add the verbatim quote, or remove it")


def validate(source: SourceFile, report: Report) -> Entity | None:
    """The entity a source file describes, or None when it has errors.

    A file that could not be read as YAML (``root`` None) has its errors reported
    already by the loader."""
    if source.root is None:
        return None
    entity_type = s.ENTITY_TYPES[source.folder]
    checker = _FileChecker(source, report)
    if not isinstance(source.root, YMap):
        checker.error(source.root, f"the file must be a mapping of `field: value` lines, "
                      f"found {_describe(source.root)}")
        return None
    values = checker.mapping(source.root, entity_type.fields,
                             with_article(entity_type.folder[:-1]), top=True)
    if entity_type is s.ARTICLE and values is not None:
        _article_rules(checker, values)
    if values is not None:
        _translation_rules(checker, entity_type, source.root, values)
    if not checker.ok or values is None:
        return None
    return entity_type.cls(id=source.id, path=source.path, **values)
