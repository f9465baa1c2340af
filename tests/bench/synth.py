"""Synthetic dossiers that follow the content model, for the scale benchmark.

``write_corpus(dest, articles)`` writes ``dest/<folder>/<id>.yml`` with proportional
actors, events, claims and places. The same size always gives the same bytes, and the
result passes ``python -m generator check --strict`` without a warning: every actor is
mentioned by an article, every place is referenced, stances and quotes name actors
that their article lists.

Actor and place popularity is Zipf-like, so a few actors appear in thousands of
articles at 5,000: the worst case for pages that list what mentions an entity.

Run as ``python -m tests.bench.synth DEST ARTICLES`` to write one corpus.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import re
import sys
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.dossier.names import skeleton

SEED = 20230913
FOLDERS = ("articles", "actors", "events", "claims", "places")
SEARCH_WORD = "senjata"
"""A word that most articles contain (titles and quotes), for the search timing."""

START = dt.date(2022, 1, 1)
DAYS = 730

EN_NOUNS = (
    "weapons", "ammunition", "artillery shells", "missiles", "rockets", "talks", "negotiations",
    "summit", "delegation", "sanctions", "resolutions", "cooperation", "exercises", "deliveries",
    "shipments", "agreement", "deal", "visit", "railway link", "port", "cosmodrome",
    "satellite programme", "launch", "border crossing", "military parade", "defence industry",
    "supply chain", "food aid", "technology transfer", "counteroffensive", "front line",
    "troops", "armoured train", "fuel", "grain", "intelligence reports", "statement",
    "briefing", "letter", "banquet", "exhibition", "drones", "tank shells", "spare parts",
    "labour migrants", "fishing rights", "energy supplies", "naval drills", "air defence",
)
EN_ADJECTIVES = (
    "secret", "active", "bilateral", "military", "strategic", "joint", "new", "unprecedented",
    "possible", "alleged", "formal", "economic", "long-range", "ballistic", "heavy", "regional",
    "diplomatic", "covert", "expanded", "limited", "planned", "renewed", "large", "small",
)
EN_SAY = ("said", "reported", "warned", "stated", "confirmed", "stressed", "noted", "claimed",
          "told reporters", "argued", "suggested", "announced", "insisted", "recalled")
EN_VERBS = ("had discussed", "would supply", "was seeking", "supplied", "delivered", "planned",
            "approved", "inspected", "opposed", "expanded", "would violate", "negotiated",
            "received", "denied receiving", "was preparing", "offered", "requested",
            "tested", "shipped", "financed", "postponed", "welcomed")
EN_PREPS = ("in", "for", "with", "near", "during", "after", "before", "under", "against",
            "despite", "through")
EN_PRESENT = ("meets", "visits", "inspects", "announces", "denies", "signs", "discusses",
              "warns of", "launches", "delivers", "receives", "tests", "reviews", "opens",
              "suspends", "resumes")
ID_NOUNS = (
    "senjata", "amunisi", "rudal", "roket", "perang", "pertemuan", "kunjungan", "kesepakatan",
    "kerja sama", "latihan militer", "sanksi", "resolusi", "negosiasi", "pasukan", "pelabuhan",
    "kereta lapis baja", "satelit", "peluncuran", "perbatasan", "pemerintah", "pejabat",
    "pemimpin", "menteri pertahanan", "juru bicara", "dewan keamanan", "laporan", "informasi",
    "intelijen", "hubungan bilateral", "teknologi", "pasokan", "pengiriman", "artileri",
    "peluru", "kosmodrom", "wilayah timur jauh", "forum ekonomi", "bantuan pangan",
)
ID_VERBS = ("membahas", "mengatakan", "membantah", "menuduh", "mendesak", "menghentikan",
            "mengirim", "menerima", "memperingatkan", "menandatangani", "mengunjungi",
            "menyatakan", "mengonfirmasi", "menolak", "mendukung", "meningkatkan",
            "mempererat", "menyepakati", "memasok", "menjual", "bertemu")
ID_ADJECTIVES = ("aktif", "terbuka", "rahasia", "baru", "besar", "penting", "resmi", "militer",
                 "ekonomi", "strategis", "bersama", "lanjutan", "ilegal", "serius")
ID_LINKS = ("yang", "dan", "dengan", "untuk", "dalam", "pada", "di", "ke", "dari", "bahwa",
            "akan", "telah", "tidak", "secara", "antara", "tentang", "oleh", "juga", "masih",
            "sudah", "kami", "mereka", "ini", "itu")
ID_SMALL = {"di", "dan", "untuk", "ke", "yang", "dengan", "dari", "pada", "soal"}

TAGS = (
    "arms-negotiations", "summit", "denials", "sanctions", "military-cooperation",
    "un-security-council", "war-in-ukraine", "space-cooperation", "intelligence", "artillery",
    "missiles", "diplomacy", "economy", "energy", "food-security", "naval-exercises",
    "border", "railways", "satellites", "human-rights", "cyber", "labour", "nuclear",
    "propaganda", "elections", "trade", "aid", "migration", "fisheries", "technology",
)
OUTLETS = (
    "Kompas.com", "Detik.com", "Tempo.co", "CNN Indonesia", "Antara News", "Republika",
    "Liputan6.com", "Okezone", "Tribunnews", "SINDOnews", "Kumparan", "Bisnis.com",
    "Jawa Pos", "Media Indonesia", "The Jakarta Post", "Jakarta Globe", "EGINDO.co",
    "Galamedianews", "IndonesiaOnline", "MajalahJurnalis.com", "Suara.com", "IDN Times",
    "VOA Indonesia", "BBC News Indonesia", "Katadata",
)
ENGLISH_OUTLETS = {"The Jakarta Post", "Jakarta Globe"}
WIRES = ("AFP", "Reuters", "AP", "Yonhap", "TASS", "KCNA", "CNN Indonesia", "BBC",
         "The New York Times", "Kyodo", "Xinhua")
BYLINES_FIRST = ("Irawan", "Dewi", "Agus", "Siti", "Budi", "Rina", "Hendra", "Yuliana", "Fajar",
                 "Nur", "Ahmad", "Putri", "Rizky", "Wahyu", "Ayu", "Dimas", "Lestari", "Bayu")
BYLINES_LAST = ("Sapto Adhi", "Santoso", "Wijaya", "Hartono", "Saputra", "Nugroho", "Rahman",
                "Kusuma", "Pratama", "Hidayat", "Setiawan", "Utami", "Prasetyo", "Siregar")
FIRST_NAMES = (
    "Sergei", "Vladimir", "Dmitry", "Maria", "Anna", "Alexei", "Nikolai", "Choe", "Ri", "Pak",
    "Jo", "Adrienne", "John", "Matthew", "Jake", "Antony", "Linda", "Karine", "Retno",
    "Prabowo", "Joko", "Sri", "Budi", "Dewi", "Agus", "Siti", "Yoon", "Han", "Fumio", "Yoko",
    "Wang", "Olena", "Kyrylo", "Dmytro", "Volodymyr", "Keir", "Andrei", "Oleg", "Sébastien",
    "António", "Hyun-woo", "Ji-yeon",
)
LAST_NAMES = (
    "Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Volkov", "Sokolov", "Popov", "Lebedev",
    "Kozlov", "Novikov", "Morozov", "Pavlov", "Kim", "Ri", "Pak", "Choe", "Jong", "Song",
    "Watson", "Kirby", "Miller", "Sullivan", "Thomas", "Harris", "Carter", "Marsudi",
    "Subianto", "Widodo", "Mulyani", "Wijaya", "Hartono", "Lestari", "Nugroho", "Yoon", "Lee",
    "Park", "Kishida", "Tanaka", "Suzuki", "Wang", "Chen", "Budanov", "Kuleba", "Shmyhal",
    "Giles", "Lankov", "Guterres", "Dupont", "Müller", "Novák",
)
INITIALS = "ABCDEFGHIJKLMNOPRSTVW"
STATES = (
    ("Russia", ["Rusia"]), ("North Korea", ["Korea Utara", "Korut", "DPRK"]),
    ("United States", ["Amerika Serikat", "AS"]), ("Ukraine", ["Ukraina"]),
    ("South Korea", ["Korea Selatan", "Korsel"]), ("China", ["Tiongkok", "China"]),
    ("Japan", ["Jepang"]), ("United Kingdom", ["Inggris"]), ("Belarus", []),
    ("Indonesia", []), ("France", ["Prancis"]), ("Germany", ["Jerman"]), ("India", []),
    ("Iran", []), ("Turkey", ["Turki"]), ("Poland", ["Polandia"]), ("Mongolia", []),
    ("Vietnam", []), ("Malaysia", []), ("Singapore", ["Singapura"]), ("Thailand", []),
    ("Philippines", ["Filipina"]), ("Australia", []), ("Canada", ["Kanada"]),
    ("Kazakhstan", []), ("Syria", ["Suriah"]), ("Israel", []), ("Egypt", ["Mesir"]),
    ("Brazil", []), ("South Africa", ["Afrika Selatan"]), ("Italy", ["Italia"]),
    ("Spain", ["Spanyol"]), ("Norway", ["Norwegia"]), ("Finland", ["Finlandia"]),
    ("Sweden", ["Swedia"]), ("Estonia", []), ("Latvia", []), ("Lithuania", []),
    ("Georgia", []), ("Armenia", []), ("Azerbaijan", []), ("Laos", []), ("Cambodia", ["Kamboja"]),
    ("Myanmar", []), ("Pakistan", []),
)
SYLLABLES = ("ka", "ri", "to", "ma", "na", "sel", "vor", "lin", "da", "ur", "bek", "tan", "so",
             "mir", "el", "ost", "ra", "gan")
ORG_TYPES = (
    "Defence Ministry", "Foreign Ministry", "Presidential Office", "National Security Council",
    "Armed Forces", "Intelligence Service", "Navy", "Space Agency", "News Agency", "Parliament",
    "Embassy in Jakarta", "State Television", "Railways", "Central Bank", "Customs Service",
    "Border Guard", "Academy of Sciences", "Chamber of Commerce",
)
PLACES = (
    ("Vladivostok", "city", "Russia", 43.1332, 131.9113),
    ("Moscow", "city", "Russia", 55.7558, 37.6173),
    ("Pyongyang", "city", "North Korea", 39.0392, 125.7625),
    ("Washington, D.C.", "city", "United States", 38.9072, -77.0369),
    ("Vostochny Cosmodrome", "facility", "Russia", 51.8844, 128.3336),
    ("Seoul", "city", "South Korea", 37.5665, 126.978),
    ("Kyiv", "city", "Ukraine", 50.4501, 30.5234),
    ("Komsomolsk-on-Amur", "city", "Russia", 50.5499, 137.0079),
    ("Russian Far East", "region", "Russia", 55.0, 135.0),
    ("United Nations Headquarters", "facility", "United States", 40.7489, -73.968),
    ("Jakarta", "city", "Indonesia", -6.2088, 106.8456),
    ("Beijing", "city", "China", 39.9042, 116.4074),
    ("Tokyo", "city", "Japan", 35.6762, 139.6503),
    ("Rason", "port", "North Korea", 42.2566, 130.2976),
    ("Khasan", "border crossing", "Russia", 42.4319, 130.6436),
)
PLACE_KINDS = ("city", "port", "facility", "region", "military base", "airfield")
LINK_SITES = ("https://en.wikipedia.org/wiki/", "https://www.britannica.com/topic/",
              "https://www.reuters.com/world/", "https://www.bbc.com/news/")


def counts(articles: int) -> dict[str, int]:
    """How many entities of each kind a corpus of ``articles`` articles has."""
    return {"articles": articles, "actors": max(20, round(articles / 5)),
            "events": max(1, round(articles / 2)), "claims": max(1, round(articles / 20)),
            "places": max(10, round(articles / 25))}


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --- YAML text, written by hand so the files look like contributors' files ---------------

_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def _plain_ok(text: str, in_flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or text.lower() in _RESERVED:
        return False
    if not text[0].isalnum():
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (in_flow and any(c in text for c in ",[]{}"))


def scalar(text: str, in_flow: bool = False) -> str:
    return text if _plain_ok(text, in_flow) else json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i, in_flow=True) for i in items) + "]"


def block(text: str, indent: int = 2) -> str:
    pad = " " * indent
    lines = [pad + line if line else "" for line in text.rstrip("\n").split("\n")]
    return "|\n" + "\n".join(lines)


def date_value(text: str, quoted: bool) -> str:
    return json.dumps(text) if quoted else text


# --- Entities ------------------------------------------------------------------------------

@dataclass
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    role: str | None = None


@dataclass
class Place:
    id: str
    name: str
    kind: str
    country: str | None
    coordinates: tuple[float, float]


@dataclass
class Article:
    id: str
    day: dt.date
    published: str
    language: str
    outlet: str
    title: str
    actors: list[str]
    places: list[str]
    quotes: list[dict] = field(default_factory=list)


class Zipf:
    """Draws items with probability proportional to 1 / rank**s."""

    def __init__(self, items: list, s: float):
        self.items = items
        self.cumulative = list(itertools.accumulate(1 / (r ** s) for r in range(1, len(items) + 1)))

    def rank(self, rng: random.Random) -> int:
        x = rng.random() * self.cumulative[-1]
        return min(bisect.bisect_right(self.cumulative, x), len(self.items) - 1)

    def sample(self, rng: random.Random, k: int) -> list:
        """``k`` distinct items (fewer only if there are not that many)."""
        k = min(k, len(self.items))
        chosen: dict[int, None] = {}
        while len(chosen) < k:
            chosen.setdefault(self.rank(rng), None)
        return [self.items[i] for i in chosen]


class Writer:
    def __init__(self, articles: int):
        self.rng = random.Random(SEED * 100_003 + articles)
        self.n = counts(articles)
        self.files: dict[str, dict[str, str]] = {f: {} for f in FOLDERS}
        self.actors: list[Actor] = []
        self.places: list[Place] = []
        self.articles: list[Article] = []

    # --- text ---

    def pick(self, seq):
        return self.rng.choice(seq)

    @staticmethod
    def distinct(make, looks: set[str], name_of=lambda drawn: drawn):
        """What ``make()`` returns, drawn again while its name (``name_of``) looks like an
        earlier one's (``looks``, skeletons): `check --strict` refuses two names readers
        cannot tell apart. Nothing is drawn again when the first name is new, so corpora
        without a clash keep their bytes."""
        drawn = make()
        while skeleton(name_of(drawn)) in looks:
            drawn = make()
        looks.add(skeleton(name_of(drawn)))
        return drawn

    def place_name(self) -> tuple[str, str]:
        name = _cap("".join(self.pick(SYLLABLES) for _ in range(self.rng.randint(2, 4))))
        kind = self.pick(PLACE_KINDS)
        return (f"{name} {kind.title()}" if kind != "city" else name), kind

    def unique_id(self, folder: str, base: str, taken: set[str] | None = None) -> str:
        base = base[:110].strip("-") or "entry"
        taken = self.files[folder] if taken is None else taken
        candidate, n = base, 2
        while candidate in taken or candidate == "index":
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def np(self, names: list[str]) -> str:
        r = self.rng.random()
        if names and r < 0.3:
            return self.pick(names)
        if r < 0.65:
            return f"the {self.pick(EN_ADJECTIVES)} {self.pick(EN_NOUNS)}"
        return f"{self.pick(EN_NOUNS)}"

    def clause(self, names: list[str]) -> str:
        text = f"{self.np(names)} {self.pick(EN_VERBS)} {self.np(names)}"
        if self.rng.random() < 0.7:
            text += f" {self.pick(EN_PREPS)} {self.np(names)}"
        return text

    def id_phrase(self, low: int = 2, high: int = 5) -> str:
        words = [self.pick(ID_NOUNS)]
        for _ in range(self.rng.randint(low, high) - 1):
            words.append(self.pick(ID_LINKS + ID_ADJECTIVES + ID_NOUNS + ID_VERBS))
        return " ".join(words)

    def en_sentence(self, names: list[str], outlet: str, day: dt.date) -> str:
        subject = self.pick(names) if names else outlet
        when = _day_label(day - dt.timedelta(days=self.rng.randint(0, 20)))
        form = self.rng.randrange(7)
        if form == 0:
            text = f"{subject} {self.pick(EN_SAY)} on {when} that {self.clause(names)}"
        elif form == 1:
            text = f"According to {self.pick([outlet] + names)}, {self.clause(names)}"
        elif form == 2:
            text = f"{_cap(self.clause(names))}, {subject} {self.pick(EN_SAY)}"
        elif form == 3:
            text = f"The article recalls that {self.clause(names)}"
        elif form == 4:
            text = (f"{subject} is quoted as saying that {self.clause(names)}, which {outlet} "
                    f"renders as *{self.id_phrase()}*")
        elif form == 5:
            text = f"{outlet} reports that {self.clause(names)} and that {self.clause(names)}"
        else:
            text = f"On {when}, {self.clause(names)}"
        return _cap(text).rstrip(".") + "."

    def id_sentence(self, names: list[str], low: int, high: int) -> str:
        words: list[str] = []
        target = self.rng.randint(low, high)
        while len(words) < target:
            r = self.rng.random()
            if r < 0.1 and names:
                words.extend(self.pick(names).split())
            elif r < 0.35:
                words.append(self.pick(ID_LINKS))
            elif r < 0.55:
                words.append(self.pick(ID_VERBS))
            elif r < 0.7:
                words.append(self.pick(ID_ADJECTIVES))
            else:
                words.extend(self.pick(ID_NOUNS).split())
        if SEARCH_WORD not in words and self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), SEARCH_WORD)
        return _cap(" ".join(words))

    def prose(self, names: list[str], outlet: str, day: dt.date, low: int, high: int,
              paragraphs: int = 1) -> str:
        sentences, words = [], 0
        target = self.rng.randint(low, high)
        while words < target:
            sentence = self.en_sentence(names, outlet, day)
            if words >= low and words + len(sentence.split()) > high:
                break
            if self.rng.random() < 0.05:
                sentence = sentence.replace(" that ", " that **", 1).rstrip(".") + "**."
                if sentence.count("**") != 2:
                    sentence = sentence.replace("**", "")
            sentences.append(sentence)
            words += len(sentence.split())
        cuts = sorted(self.rng.sample(range(1, len(sentences)),
                                      min(paragraphs - 1, len(sentences) - 1)))
        parts = [sentences[a:b] for a, b in zip([0] + cuts, cuts + [len(sentences)])]
        return "\n\n".join(textwrap.fill(" ".join(p), 90, break_on_hyphens=False,
                                         break_long_words=False) for p in parts)

    def title_id(self, names: list[str], place: str | None) -> str:
        words = [self.pick(names)] if names else []
        words += [self.pick(ID_VERBS), self.pick(ID_NOUNS)]
        if self.rng.random() < 0.6:
            words += [self.pick(("untuk", "dengan", "soal", "dan")), self.pick(ID_NOUNS)]
        if self.rng.random() < 0.5:
            words.append(SEARCH_WORD)
        if place and self.rng.random() < 0.5:
            words += ["di", place]
        return " ".join(w if w in ID_SMALL else w[:1].upper() + w[1:]
                        for w in " ".join(words).split())

    def title_en(self, names: list[str], place: str | None) -> str:
        text = f"{self.pick(names) if names else 'Officials'} {self.pick(EN_PRESENT)} " \
               f"{self.pick(EN_ADJECTIVES)} {self.pick(EN_NOUNS)}"
        if place and self.rng.random() < 0.6:
            text += f" in {place}"
        return _cap(text)

    # --- entities ---

    def make_actors(self) -> None:
        total = self.n["actors"]
        n_states = max(3, round(total * 0.10))
        n_orgs = round(total * 0.25)
        n_persons = total - n_states - n_orgs
        taken: set[str] = set()
        looks = {skeleton(name) for name, _ in STATES}
        states = []
        for i in range(n_states):
            if i < len(STATES):
                name, aliases = STATES[i]
            else:
                name = self.distinct(lambda: "Republic of " + _cap(
                    "".join(self.pick(SYLLABLES) for _ in range(3))), looks)
                aliases = []
            actor_id = self.unique_id("actors", slug(name), taken)
            taken.add(actor_id)
            states.append(Actor(actor_id, name, "state", aliases=list(aliases)))
        orgs = []
        combos = [(s, t) for s in states for t in ORG_TYPES]
        self.rng.shuffle(combos)
        for state, org_type in combos[:n_orgs]:
            name = f"{state.name} {org_type}"
            actor_id = self.unique_id("actors", slug(name), taken)
            taken.add(actor_id)
            org = Actor(actor_id, name, "organization", country=state.id,
                        role=f"{org_type} of {state.name}")
            if self.rng.random() < 0.2:
                org.aliases = [f"{self.pick(ID_NOUNS).title()} {state.name}"]
            orgs.append(org)
        persons = []
        looks.update(skeleton(org.name) for org in orgs)

        def person_name() -> str:
            name = f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"
            if slug(name) in taken:
                name = f"{name.split()[0]} {self.pick(INITIALS)}. {name.split(' ', 1)[1]}"
            return name

        for _ in range(n_persons):
            name = self.distinct(person_name, looks)
            actor_id = self.unique_id("actors", slug(name), taken)
            taken.add(actor_id)
            state = self.pick(states)
            person = Actor(actor_id, name, "person",
                           country=state.id if self.rng.random() < 0.85 else None)
            same = [o for o in orgs if o.country == state.id]
            if same and self.rng.random() < 0.6:
                person.affiliations = [self.pick(same).id]
                person.role = f"Spokesperson of the {_org_name(orgs, person.affiliations[0])}" \
                    if self.rng.random() < 0.4 else f"Official of {state.name}"
            elif self.rng.random() < 0.5:
                person.role = self.pick(("Analyst", "Researcher", "Journalist", "Diplomat",
                                         "Former minister", "Military commander"))
            if self.rng.random() < 0.25:
                person.aliases = [name.split()[-1], name.replace("-", " ")]
            persons.append(person)
        # The biggest states lead, as in the real dossier; the rest are shuffled.
        rest = states[3:] + orgs + persons
        self.rng.shuffle(rest)
        self.actors = states[:3] + rest

    def write_actors(self) -> None:
        by_id = {a.id: a for a in self.actors}
        for actor in self.actors:
            lines = [f"name: {scalar(actor.name)}", f"kind: {actor.kind}"]
            aliases = [x for x in dict.fromkeys(actor.aliases) if x != actor.name]
            if aliases:
                lines.append(f"aliases: {flow(aliases)}")
            if actor.role:
                lines.append(f"role: {scalar(actor.role)}")
            if actor.country:
                lines.append(f"country: {actor.country}")
            if actor.affiliations:
                lines.append(f"affiliations: {flow(actor.affiliations)}")
            names = [actor.name] + ([by_id[actor.country].name] if actor.country else [])
            summary = self.prose(names, self.pick(OUTLETS), START + dt.timedelta(days=DAYS // 2),
                                 40, 120)
            lines.append(f"summary: {block(summary)}")
            if self.rng.random() < 0.3:
                lines.append("links:")
                for n in range(self.rng.randint(1, 3)):
                    site = self.pick(LINK_SITES)
                    title = f"{actor.name} ({site.split('/')[2]})"
                    lines.append(f"  - title: {scalar(title)}")
                    lines.append(f"    url: {site}{slug(actor.name)}-{n + 1}")
            self.files["actors"][actor.id] = "\n".join(lines) + "\n"

    def make_places(self) -> None:
        states = {a.name: a.id for a in self.actors if a.kind == "state"}
        state_ids = list(states.values())
        taken: set[str] = set()
        looks = {skeleton(place[0]) for place in PLACES}
        for i in range(self.n["places"]):
            if i < len(PLACES):
                name, kind, country, lat, lon = PLACES[i]
                country_id = states.get(country)
            else:
                name, kind = self.distinct(self.place_name, looks, name_of=lambda d: d[0])
                country_id = self.pick(state_ids) if self.rng.random() < 0.9 else None
                lat, lon = round(self.rng.uniform(-60, 70), 4), round(self.rng.uniform(-180, 180), 4)
            place_id = self.unique_id("places", slug(name), taken)
            taken.add(place_id)
            self.places.append(Place(place_id, name, kind, country_id, (lat, lon)))

    def write_places(self) -> None:
        for place in self.places:
            lines = [f"name: {scalar(place.name)}", f"kind: {scalar(place.kind)}"]
            if place.country:
                lines.append(f"country: {place.country}")
            lines.append(f"coordinates: [{place.coordinates[0]}, {place.coordinates[1]}]")
            if self.rng.random() < 0.8:
                summary = self.prose([place.name], self.pick(OUTLETS),
                                     START + dt.timedelta(days=DAYS // 2), 30, 80)
                lines.append(f"summary: {block(summary)}")
            self.files["places"][place.id] = "\n".join(lines) + "\n"

    def make_articles(self) -> None:
        actor_draw = Zipf(self.actors, 1.0)
        place_draw = Zipf(self.places, 0.9)
        taken: set[str] = set()
        for _ in range(self.n["articles"]):
            day = START + dt.timedelta(days=self.rng.randrange(DAYS))
            outlet = self.pick(OUTLETS)
            language = "en" if outlet in ENGLISH_OUTLETS or self.rng.random() < 0.1 else "id"
            actors = [a.id for a in actor_draw.sample(self.rng, self.rng.randint(3, 8))]
            places = [p.id for p in place_draw.sample(self.rng, self.rng.randint(1, 3))]
            self.articles.append(Article("", day, _published(self.rng, day), language, outlet,
                                         "", actors, places))
        self._cover([a.id for a in self.actors], "actors", 8)
        self._cover([p.id for p in self.places], "places", 3)
        names = {a.id: a.name for a in self.actors}
        place_names = {p.id: p.name for p in self.places}
        for article in self.articles:
            people = [names[i] for i in article.actors]
            place = place_names[article.places[0]]
            article.title = (self.title_en(people, place) if article.language == "en"
                             else self.title_id(people, place))
            base = f"{article.published[:10].rstrip('~?')}-{slug(article.outlet)}-" \
                   + "-".join(slug(article.title).split("-")[:5])
            article.id = self.unique_id("articles", base, taken)
            taken.add(article.id)

    def _cover(self, ids: list[str], attr: str, most: int) -> None:
        """Give every entity at least one article, as check --strict demands."""
        used = {i for a in self.articles for i in getattr(a, attr)}
        for missing in ids:
            if missing in used:
                continue
            for _ in range(1000):
                article = self.pick(self.articles)
                if len(getattr(article, attr)) < most:
                    break
            getattr(article, attr).append(missing)
            used.add(missing)

    def write_articles(self) -> None:
        actors = {a.id: a for a in self.actors}
        place_names = {p.id: p.name for p in self.places}
        for article in self.articles:
            people = [actors[i].name for i in article.actors]
            lines = [f"title: {scalar(article.title)}"]
            if article.language != "en":
                lines.append(f"title_en: {scalar(self.title_en(people, place_names[article.places[0]]))}")
            lines += [f"outlet: {scalar(article.outlet)}",
                      f"published: {date_value(article.published, self.rng.random() < 0.7)}",
                      f"language: {article.language}"]
            if self.rng.random() < 0.8:
                lines.append(f"authors: {flow(self._bylines(self.rng.randint(1, 2)))}")
            if self.rng.random() < 0.15:
                lines.append(f"editors: {flow(self._bylines(1))}")
            host = slug(article.outlet).replace("-", "")
            url = (f"https://www.{host}.example/read/{article.day:%Y/%m/%d}/"
                   f"{self.rng.randrange(10**6, 10**7)}/{article.id[11:][:60]}")
            if self.rng.random() < 0.9:
                lines.append(f"url: {url}")
                if self.rng.random() < 0.3:
                    lines.append(f"archived_url: https://web.archive.org/web/{article.day:%Y%m%d}000000/{url}")
            if self.rng.random() < 0.5:
                retrieved = article.day + dt.timedelta(days=self.rng.randint(1, 400))
                lines.append(f"retrieved: {date_value(retrieved.isoformat(), self.rng.random() < 0.5)}")
            if self.rng.random() < 0.4:
                lines.append(f"based_on: {flow(self.rng.sample(WIRES, self.rng.randint(1, 2)))}")
            summary = self.prose(people + [place_names[p] for p in article.places],
                                 article.outlet, article.day, 250, 350, self.rng.randint(2, 3))
            lines.append(f"summary: {block(summary)}")
            lines.append("key_points:")
            for _ in range(self.rng.randint(3, 5)):
                point = self.en_sentence(people, article.outlet, article.day)
                lines.append(f"  - {scalar(point)}")
            lines.append(f"actors: {flow(article.actors)}")
            lines.append(f"places: {flow(article.places)}")
            tags = self.rng.sample(TAGS[:12], 1) + self.rng.sample(TAGS, self.rng.randint(1, 4))
            lines.append(f"tags: {flow(list(dict.fromkeys(tags)))}")
            quotes = self._quotes(article, actors)
            if quotes:
                lines.append("quotes:")
                for q in quotes:
                    lines.append(f"  - by: {q['by']}")
                    lines.append(f"    text: {scalar(q['text'])}")
                    if "translation" in q:
                        lines.append(f"    translation: {scalar(q['translation'])}")
                    if "said_on" in q:
                        lines.append(f"    said_on: {date_value(q['said_on'], self.rng.random() < 0.6)}")
            article.quotes = quotes
            self.files["articles"][article.id] = "\n".join(lines) + "\n"

    def _bylines(self, n: int) -> list[str]:
        return [f"{self.pick(BYLINES_FIRST)} {self.pick(BYLINES_LAST)}" for _ in range(n)]

    def _quotes(self, article: Article, actors: dict[str, Actor]) -> list[dict]:
        n = self.rng.choices((0, 1, 2, 3, 4), weights=(25, 25, 25, 15, 10))[0]
        speakers = [i for i in article.actors if actors[i].kind == "person"] or article.actors
        names = [actors[i].name for i in article.actors]
        quotes = []
        for _ in range(n):
            q = {"by": self.pick(speakers)}
            english = self.en_sentence(names, article.outlet, article.day).rstrip(".")
            if article.language == "en":
                q["text"] = english
            else:
                q["text"] = self.id_sentence(names, 10, 30)
                q["translation"] = english
            if self.rng.random() < 0.5 and len(article.published) >= 10 \
                    and article.published[10:11] in ("", "T"):
                q["said_on"] = (article.day - dt.timedelta(days=self.rng.randint(0, 2))).isoformat()
            quotes.append(q)
        return quotes

    def write_events(self) -> None:
        ordered = sorted(self.articles, key=lambda a: (a.day, a.id))
        actor_names = {a.id: a.name for a in self.actors}
        place_names = {p.id: p.name for p in self.places}
        taken: set[str] = set()
        for _ in range(self.n["events"]):
            i = self.rng.randrange(len(ordered))
            near = ordered[max(0, i - 15): i + 16]
            sources = [ordered[i]] + self.rng.sample(near, min(len(near), self.rng.randint(0, 2)))
            sources = list({a.id: a for a in sources}.values())
            day = min(a.day for a in sources) - dt.timedelta(days=self.rng.randint(0, 30))
            date = _event_date(self.rng, day)
            pool_actors = list(dict.fromkeys(x for a in sources for x in a.actors))
            pool_places = list(dict.fromkeys(x for a in sources for x in a.places))
            actors = self.rng.sample(pool_actors, min(len(pool_actors), self.rng.randint(1, 4)))
            places = self.rng.sample(pool_places, min(len(pool_places), self.rng.randint(0, 2)))
            title = self.title_en([actor_names[x] for x in actors],
                                  place_names[places[0]] if places else None)
            event_id = self.unique_id("events", f"{date[:10].rstrip('~?/')}-"
                                      + "-".join(slug(title).split("-")[:6]), taken)
            taken.add(event_id)
            lines = [f"date: {date_value(date, self.rng.random() < 0.7)}", f"title: {scalar(title)}"]
            if self.rng.random() < 0.7:
                summary = self.prose([actor_names[x] for x in actors] + [place_names[x] for x in places],
                                     sources[0].outlet, day, 40, 120)
                lines.append(f"summary: {block(summary)}")
            lines.append(f"actors: {flow(actors)}")
            if places:
                lines.append(f"places: {flow(places)}")
            lines.append(f"sources: {flow([a.id for a in sources])}")
            self.files["events"][event_id] = "\n".join(lines) + "\n"

    def write_claims(self) -> None:
        states = [a for a in self.actors if a.kind == "state"]
        actor_names = {a.id: a.name for a in self.actors}
        taken: set[str] = set()
        for _ in range(self.n["claims"]):
            a, b = self.rng.sample(states, 2)
            statement = self.pick((
                f"{a.name} supplied {self.pick(EN_NOUNS)} to {b.name}",
                f"{a.name} and {b.name} agreed on {self.pick(EN_ADJECTIVES)} {self.pick(EN_NOUNS)}",
                f"{a.name} is seeking {self.pick(EN_NOUNS)} from {b.name}",
                f"{a.name} plans {self.pick(EN_ADJECTIVES)} {self.pick(EN_NOUNS)} with {b.name}",
                f"The {self.pick(EN_NOUNS)} between {a.name} and {b.name} would violate "
                f"UN Security Council resolutions",
            )) + f" in {_month_label(START + dt.timedelta(days=self.rng.randrange(DAYS)))}."
            claim_id = self.unique_id("claims", "-".join(slug(statement).split("-")[:8]), taken)
            taken.add(claim_id)
            lines = [f"statement: {scalar(statement)}"]
            if self.rng.random() < 0.6:
                article = self.pick(self.articles)
                summary = self.prose([actor_names[x] for x in article.actors], article.outlet,
                                     article.day, 40, 100)
                lines.append(f"summary: {block(summary)}")
            lines.append("stances:")
            contested = self.rng.random() < 0.4
            n = self.rng.randint(2, 6)
            for k in range(n):
                article = self.pick(self.articles)
                if contested and k < 2:
                    position = ("asserts", "denies")[k]
                else:
                    position = self.rng.choices(("asserts", "denies", "questions",
                                                 "declines-to-comment"), weights=(45, 25, 15, 15))[0]
                lines.append(f"  - actor: {self.pick(article.actors)}")
                lines.append(f"    position: {position}")
                lines.append(f"    source: {article.id}")
                if self.rng.random() < 0.5:
                    if article.quotes:
                        quote = self.pick(article.quotes)
                        words = quote["text"].split()
                        start = self.rng.randrange(max(1, len(words) - 6))
                        size = self.rng.randint(6, 14)
                        fragment = " ".join(words[start:start + size])
                        english = " ".join(quote.get("translation", "").split()[start:start + size])
                    else:
                        fragment = self.id_sentence([], 6, 14)
                        english = ""
                    lines.append(f"    quote: {scalar(fragment)}")
                    if article.language != "en":
                        # Like an article's quotes, a stance quote not in English is translated.
                        english = english or self.en_sentence([], article.outlet, article.day)
                        lines.append(f"    translation: {scalar(english)}")
            self.files["claims"][claim_id] = "\n".join(lines) + "\n"

    def build(self) -> dict[str, dict[str, str]]:
        self.make_actors()
        self.make_places()
        self.make_articles()
        self.write_actors()
        self.write_places()
        self.write_articles()
        self.write_events()
        self.write_claims()
        return self.files


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _org_name(orgs: list[Actor], org_id: str) -> str:
    return next(o.name for o in orgs if o.id == org_id)


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _month_label(day: dt.date) -> str:
    return f"{day:%B %Y}"


def _published(rng: random.Random, day: dt.date) -> str:
    r = rng.random()
    if r < 0.10:
        return f"{day.isoformat()}T{rng.randint(5, 22):02d}:{rng.randrange(60):02d}+07:00"
    if r < 0.18:
        return f"{day.isoformat()}~"
    if r < 0.22:
        return f"{day:%Y-%m}"
    if r < 0.25:
        return f"{day.isoformat()}?"
    return day.isoformat()


def _event_date(rng: random.Random, day: dt.date) -> str:
    r = rng.random()
    if r < 0.60:
        return day.isoformat()
    if r < 0.70:
        return f"{day.isoformat()}~"
    if r < 0.75:
        return f"{day.isoformat()}?"
    if r < 0.85:
        return f"{day:%Y-%m}"
    if r < 0.90:
        return f"{day.year}"
    return f"{day.isoformat()}/{(day + dt.timedelta(days=rng.randint(1, 6))).isoformat()}"


CORRECTIONS_START = dt.date(2026, 1, 1)


def add_corrections(files: dict[str, dict[str, str]], share: float, articles: int) -> int:
    """Give about ``share`` of the entities one to three corrections, oldest first, dated
    in 2026; returns how many were added. Its own random numbers, so the rest of the
    corpus is the same with or without them."""
    rng = random.Random(SEED * 7919 + articles)
    added = 0
    for folder in FOLDERS:
        for entity_id in sorted(files[folder]):
            if rng.random() >= share:
                continue
            days = sorted(CORRECTIONS_START + dt.timedelta(days=rng.randrange(330))
                          for _ in range(rng.choices((1, 2, 3), weights=(70, 20, 10))[0]))
            lines = ["corrections:"]
            for day in days:
                wrong, right = rng.sample(EN_NOUNS, 2)
                lines += [f"  - date: {day.isoformat()}",
                          f"    text: {scalar(f'The summary said {wrong}; the article says {right}.')}"]
            files[folder][entity_id] += "\n".join(lines) + "\n"
            added += len(days)
    return added


def generate(articles: int, corrections: float = 0.0) -> dict[str, dict[str, str]]:
    """folder -> id -> YAML text of a corpus with ``articles`` articles, and corrections
    on about ``corrections`` of its entities."""
    if articles < 1:
        raise ValueError("a corpus needs at least one article")
    files = Writer(articles).build()
    if corrections:
        add_corrections(files, corrections, articles)
    return files


def write_corpus(dest: Path, articles: int, corrections: float = 0.0) -> dict[str, int]:
    """Write ``dest/<folder>/<id>.yml``; returns how many files each folder got."""
    files = generate(articles, corrections)
    for folder, entries in files.items():
        target = dest / folder
        target.mkdir(parents=True, exist_ok=True)
        for entity_id, text in entries.items():
            (target / f"{entity_id}.yml").write_text(text, encoding="utf-8")
    return {folder: len(entries) for folder, entries in files.items()}


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python -m tests.bench.synth DEST ARTICLES [SHARE-CORRECTED]")
    print(write_corpus(Path(sys.argv[1]), int(sys.argv[2]),
                       float(sys.argv[3]) if len(sys.argv) == 4 else 0.0))
