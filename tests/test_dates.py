import pytest

from generator.dossier.dates import DateError, parse_date


@pytest.mark.parametrize("written, shown", [
    ("2023", "2023"),
    ("2023-09", "Sep 2023"),
    ("2023-09-05", "5 Sep 2023"),
    ("2023-09-05~", "c. 5 Sep 2023"),
    ("2023-09-05?", "5 Sep 2023?"),
    ("2023-09%", "c. Sep 2023?"),
    ("2023-09-10/2023-09-13", "10–13 Sep 2023"),
    ("2023-07/2023-08", "Jul 2023 – Aug 2023"),
])
def test_dates_are_shown_with_their_precision_and_qualifier(written, shown):
    assert parse_date(written).label() == shown


def test_a_time_with_offset_is_kept_for_published_dates():
    date = parse_date("2023-09-05T06:45+07:00", allow_time=True)
    assert date.label() == "5 Sep 2023, 06:45 UTC+07:00"
    assert date.precision_label() == "exact time"


def test_a_time_outside_published_is_refused():
    with pytest.raises(DateError, match="allowed in an article's `published` only"):
        parse_date("2023-09-05T06:45+07:00")


@pytest.mark.parametrize("written, reason", [
    ("2023-02-30", "is not a day of February 2023"),
    ("2023-13", "has no month 13"),
    ("5 September 2023", "is not a date"),
    ("2023-09-13/2023-09-10", "ends before it starts"),
])
def test_impossible_and_free_text_dates_are_refused_with_the_allowed_forms(written, reason):
    with pytest.raises(DateError) as caught:
        parse_date(written)
    assert reason in str(caught.value)
    assert "2023-09-05~ (approximate)" in str(caught.value)


def test_less_precise_dates_sort_before_more_precise_ones_in_the_same_period():
    dates = [parse_date(t) for t in ("2023-09-05", "2023-09", "2023", "2022-12-31")]
    assert [d.raw for d in sorted(dates, key=lambda d: d.sort_key)] == \
        ["2022-12-31", "2023", "2023-09", "2023-09-05"]


def test_qualifiers_are_named_in_the_precision_label():
    assert parse_date("2023-08-30~").precision_label() == "day, approximate"
    assert parse_date("2023-09-10/2023-09-13").precision_label() == "interval"


def test_months_are_named_in_a_language_whose_tag_has_a_region():
    # Babel reads pt_BR, not the BCP 47 pt-BR a dossier writes: this crashed every page.
    from generator.text import i18n
    with i18n.edition("pt-BR"):
        assert i18n.month_abbr(9) == "set."
