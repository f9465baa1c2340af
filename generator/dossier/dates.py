"""The dates that documentary sources support: EDTF level 1, shown honestly.

A source rarely says "5 September 2023 at 06:45". It says "last week", "in July",
"a month and a half ago". The qualifiers ``~`` (approximate), ``?`` (uncertain) and
``%`` (both) and intervals ``a/b`` let the data say so, and the pages repeat it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.text.i18n import N_, gettext, month_abbr

_POINT = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?P<offset>Z|[+-]\d{2}:\d{2}))?)?)?(?P<qualifier>[~?%])?$"
)

FORMS = ("2023", "2023-09", "2023-09-05", "2023-09-05~ (approximate)",
         "2023-09-05? (uncertain)", "2023-09-10/2023-09-13 (interval)")
TIME_FORM = "2023-09-05T06:45+07:00"
_PRECISIONS = {"time": N_("exact time"), "day": N_("day"), "month": N_("month"),
               "year": N_("year")}


FIRST_YEAR, LAST_YEAR = 1, 9999
"""The years a date may name: all that four digits write, but year 0000."""


class DateError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class DatePoint:
    """One end of a date: as precise as the source, no more."""

    year: int
    month: int = 0
    """0 when only the year is known."""
    day: int = 0
    """0 when only the month is known."""
    time: str = ""
    """``HH:MM`` local time with its offset, articles' ``published`` only."""
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> str:
        if self.time:
            return "time"
        return "day" if self.day else "month" if self.month else "year"

    def label(self) -> str:
        """``c. 5 Sep 2023``, in the language of the edition being rendered."""
        text = str(self.year)
        if self.month:
            text = f"{month_abbr(self.month)} {text}"
        if self.day:
            text = f"{self.day} {text}"
        if self.time:
            text = f"{text}, {self.time}"
        return _qualified(text, self.approximate, self.uncertain)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True)
class Date:
    """A date as written in a source file, with its parsed ends."""

    raw: str
    start: DatePoint
    end: DatePoint | None = None
    """Set for intervals only."""

    @property
    def sort_key(self) -> tuple:
        s = self.start
        return (s.year, s.month, s.day, s.time, self.end is not None, self.raw)

    @property
    def qualified(self) -> bool:
        points = [self.start] + ([self.end] if self.end else [])
        return any(p.approximate or p.uncertain for p in points)

    def label(self) -> str:
        if self.end is None:
            return self.start.label()
        s, e = self.start, self.end
        plain = not (s.approximate or s.uncertain or s.time or e.time)
        if plain and s.precision == e.precision == "day" and (s.year, s.month) == (e.year, e.month):
            return _qualified(f"{s.day}–{e.day} {month_abbr(e.month)} {e.year}", False,
                              e.uncertain)
        return f"{s.label()} – {e.label()}"

    def precision_label(self) -> str:
        text = gettext(_PRECISIONS[self.start.precision])
        if self.end is not None:
            text = gettext("interval")
        approximate = any(p.approximate for p in (self.start, self.end) if p)
        uncertain = any(p.uncertain for p in (self.start, self.end) if p)
        if approximate and uncertain:
            return gettext("%(precision)s, approximate and uncertain") % {"precision": text}
        if approximate:
            return gettext("%(precision)s, approximate") % {"precision": text}
        if uncertain:
            return gettext("%(precision)s, uncertain") % {"precision": text}
        return text


def _qualified(text: str, approximate: bool, uncertain: bool) -> str:
    """The approximate and uncertain markers, placed as the edition's language writes them."""
    if approximate:
        text = gettext("c. %(date)s") % {"date": text}
    if uncertain:
        text = gettext("%(date)s?") % {"date": text}
    return text


# A day and a time written some other way than EDTF's: with a space, or no offset.
_LOOSE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}[:.]\d{2}")


def _point(text: str, allow_time: bool) -> DatePoint:
    match = _POINT.match(text)
    if not match and _LOOSE_TIME.match(text):
        if not allow_time:
            raise DateError(f"{text!r} has a time: times are allowed in an article's "
                            "`published` only")
        raise DateError(f"{text!r} is not a date: write a time as {TIME_FORM}, with a T "
                        "before it and the UTC offset after it")
    if not match:
        raise DateError(f"{text!r} is not a date")
    g = match.groupdict()
    year, month, day = int(g["year"]), int(g["month"] or 0), int(g["day"] or 0)
    if year < FIRST_YEAR:
        # ISO 8601's year 0000 is 1 BC; the calendar every output counts in has none.
        raise DateError(f"{text!r} is in year {g['year']}: years run from "
                        f"{FIRST_YEAR:04d} to {LAST_YEAR}")
    if g["month"] and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if g["day"] and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r} is not a day of {calendar.month_name[month]} {year}")
    time = ""
    if g["hour"]:
        if not allow_time:
            raise DateError(f"{text!r} has a time: times are allowed in an article's "
                            "`published` only")
        hour, minute = int(g["hour"]), int(g["minute"])
        if hour > 23 or minute > 59 or int(g["second"] or 0) > 59:
            raise DateError(f"{text!r} has an impossible time")
        offset = g["offset"]
        if offset != "Z" and (int(offset[1:3]) > 14 or int(offset[4:6]) > 59):
            raise DateError(f"{text!r} has an impossible UTC offset")
        if (year, month, day) in ((FIRST_YEAR, 1, 1), (LAST_YEAR, 12, 31)):
            try:
                dt.datetime.fromisoformat(text.rstrip("~?%").replace("Z", "+00:00")
                                          ).astimezone(dt.timezone.utc)
            except (OverflowError, ValueError):
                raise DateError(f"{text!r} is outside the years {FIRST_YEAR:04d} to "
                                f"{LAST_YEAR} in UTC") from None
        time = f"{g['hour']}:{g['minute']}" + ("" if offset == "Z" else f" UTC{offset}")
        if offset == "Z":
            time += " UTC"
    qualifier = g["qualifier"] or ""
    return DatePoint(year, month, day, time,
                     approximate=qualifier in "~%" and bool(qualifier),
                     uncertain=qualifier in "?%" and bool(qualifier))


_MONTH_NUMBERS = {calendar.month_abbr[number].lower(): number for number in range(1, 13)}
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")


def _month_number(word: str) -> int:
    """1-12 for an English month name or its start ("Sept."), else 0."""
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return 0
    number = _MONTH_NUMBERS.get(word[:3], 0)
    return number if calendar.month_name[number].lower().startswith(word) else 0


def _iso(year: int, month: int, day: int = 0) -> str | None:
    if not (1 <= month <= 12 and 1000 <= year <= 9999):
        return None
    if not day:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def suggest(text: str) -> str | None:
    """The ISO form of a date written the usual human ways, when it is unambiguous."""
    words = text.replace(",", " ").split()
    numbers = [int(w) for w in words if w.isdigit()]
    months = [_month_number(w) for w in words if not w.isdigit()]
    if len(words) in (2, 3) and len(months) == 1 and months[0] and len(numbers) == len(words) - 1:
        year = max(numbers)  # "5 September 2023", "September 5, 2023", "September 2023"
        day = min(numbers) if len(numbers) == 2 else 0
        return _iso(year, months[0], day) if day or len(numbers) == 1 else None
    match = _NUMERIC.match(text.strip())
    if not match:
        return None
    a, b, c = (int(g) for g in match.groups())
    if len(match.group(1)) == 4:
        return _iso(a, b, c)  # 2023/09/05
    if len(match.group(3)) != 4:
        return None
    if a > 12 >= b:
        return _iso(c, b, a)  # 20/03/2024: only day-first makes sense
    if b > 12 >= a:
        return _iso(c, a, b)  # 03/20/2024: only month-first makes sense
    return None


def parse_date(text: str, allow_time: bool = False) -> Date:
    """Parse an EDTF level-1 date or interval; raise DateError with a hint."""
    text = text.strip()
    try:
        if text.count("/") == 1:
            first, _, second = text.partition("/")
            start, end = _point(first, allow_time), _point(second, allow_time)
            if (end.year, end.month or 12, end.day or 31) < (start.year, start.month or 1, start.day or 1):
                raise DateError(f"interval {text!r} ends before it starts")
            return Date(text, start, end)
        return Date(text, _point(text, allow_time))
    except DateError as exc:
        message = str(exc)
        guess = suggest(text)
        if guess:
            message = f"{text!r} is not a date (did you mean {guess!r}?)"
        forms = ", ".join(FORMS) + (f", {TIME_FORM}" if allow_time else "")
        raise DateError(f"{message}; use one of: {forms}") from None
