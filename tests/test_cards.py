"""Share cards: one picture for the site and one per section, the same bytes every time."""

from __future__ import annotations

import io
import struct

from PIL import Image

from generator.settings import Branding
from generator.views import share
from generator.outputs import OUTPUTS, Output, Publication, cards

from .test_render import minimal

PUBLISHED = Publication(site_url="https://example.github.io/dossier/",
                        site_name="Water prices in the valley: who pays, and who says so")


def _chunks(png: bytes) -> list[bytes]:
    """The chunk types of a PNG file, in order."""
    found, at = [], 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        found.append(kind)
        at += 12 + length
    return found


def test_cards_are_an_output_of_every_build():
    # Once per edition, in its language.
    assert Output(cards.files, per_edition=True) in OUTPUTS


def test_there_is_a_card_for_the_site_and_one_for_each_section():
    made = cards.files(minimal(), PUBLISHED)
    assert sorted(made) == sorted(["cards/site.png"] + [f"cards/{s}.png" for s in cards.SECTIONS])


def test_two_renders_give_identical_bytes():
    assert cards.files(minimal(), PUBLISHED) == cards.files(minimal(), PUBLISHED)


def test_a_card_holds_pixels_only_no_time_or_text_metadata():
    png = cards.files(minimal(), PUBLISHED)["cards/actors.png"]
    assert _chunks(png) == [b"IHDR"] + [b"IDAT"] * (len(_chunks(png)) - 2) + [b"IEND"]


def test_a_card_is_1200_by_630_on_the_sites_header_colour():
    image = Image.open(io.BytesIO(cards.files(minimal(), PUBLISHED)["cards/site.png"]))
    assert image.size == (1200, 630)
    assert image.getpixel((5, 5)) == Branding().rgb("primary")


def test_the_site_address_changes_the_card():
    local = Publication(site_name=PUBLISHED.site_name)
    assert cards.files(minimal(), local)["cards/site.png"] \
        != cards.files(minimal(), PUBLISHED)["cards/site.png"]


def test_each_section_card_counts_what_the_section_holds():
    by_name = {c.name: c for c in cards.cards(minimal())}
    d = minimal()
    assert by_name["actors"].heading == "Actors"
    assert by_name["articles"].counts == f"{len(d.corpus.articles)} article" + \
        ("s" if len(d.corpus.articles) != 1 else "")
    kinds = [a.kind for a in d.corpus.actors.values()]
    assert f"{kinds.count('state')} state" in by_name["actors"].counts
    assert by_name["site"].heading is None


def test_a_long_title_is_wrapped_within_the_card_and_cut_on_a_word_if_need_be():
    width = cards.WIDTH - 2 * cards.MARGIN
    font, lines = cards._fit("word " * 200, (44, 40), 3, width, False)
    assert len(lines) == 3 and lines[-1].endswith(" …")
    assert all(font.getlength(line) <= width for line in lines[:-1])


def test_a_section_unknown_to_the_cards_shows_the_sites_card():
    assert share.image_path("about") == "cards/site.png"
    assert share.image_path("claims") == "cards/claims.png"
