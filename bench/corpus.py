"""A synthetic news corpus about an invented crisis, for benchmarks at scale.

`write_corpus(folder, n)` writes n articles (about 1,000 words each) that read like wire copy:
statements with quotes, meetings, treaties signed or left, exercises, sanctions, background;
dates relative to each article's publication date ("on Tuesday", "next month"); a byline,
a dateline and page furniture (advertisement, photo captions, sign-up prompts).

Every sentence pattern below was written for this benchmark. Names are drawn from generated
pools with a Zipf-like law: a few actors recur in most articles and new ones keep appearing,
so the number of distinct entities grows sublinearly with the corpus, as in a real crisis.
Everything comes from one seeded `random.Random`: the same (n, seed) gives the same files.
"""
from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------- vocabularies (general knowledge)

# (name, demonym, capital)
COUNTRIES = [
    ("Norway", "Norwegian", "Oslo"), ("Finland", "Finnish", "Helsinki"), ("Poland", "Polish", "Warsaw"),
    ("Turkey", "Turkish", "Ankara"), ("Germany", "German", "Berlin"), ("France", "French", "Paris"),
    ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
    ("Egypt", "Egyptian", "Cairo"), ("India", "Indian", "New Delhi"), ("Canada", "Canadian", "Ottawa"),
    ("Mexico", "Mexican", "Mexico City"), ("Italy", "Italian", "Rome"), ("Spain", "Spanish", "Madrid"),
    ("Sweden", "Swedish", "Stockholm"), ("Greece", "Greek", "Athens"), ("Nigeria", "Nigerian", "Abuja"),
    ("Indonesia", "Indonesian", "Jakarta"), ("Vietnam", "Vietnamese", "Hanoi"), ("Chile", "Chilean", "Santiago"),
    ("Ghana", "Ghanaian", "Accra"), ("Morocco", "Moroccan", "Rabat"), ("Austria", "Austrian", "Vienna"),
    ("Hungary", "Hungarian", "Budapest"), ("Romania", "Romanian", "Bucharest"), ("Portugal", "Portuguese", "Lisbon"),
    ("Ireland", "Irish", "Dublin"), ("Peru", "Peruvian", "Lima"), ("Thailand", "Thai", "Bangkok"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Denmark", "Danish", "Copenhagen"), ("Estonia", "Estonian", "Tallinn"), ("Latvia", "Latvian", "Riga"),
]
ORGANISATIONS = [
    "United Nations", "European Union", "African Union", "World Bank", "International Monetary Fund",
    "International Atomic Energy Agency", "Organization for Security and Co-operation in Europe",
    "International Committee of the Red Cross", "World Health Organization", "Council of Europe",
    "World Food Programme", "International Criminal Court", "Association of Southeast Asian Nations",
]
FIRST_NAMES = [
    "Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ingrid", "Jonas", "Katarina", "Luis",
    "Maria", "Nikolai", "Olga", "Pedro", "Rania", "Stefan", "Tomas", "Ulrike", "Viktor", "Wanjiru", "Yusuf", "Zofia",
    "Amir", "Beatriz", "Chen", "Daniela", "Emeka", "Fatima", "Gabriel", "Hana", "Ivan", "Julia", "Kofi", "Leila",
    "Marek", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tariq", "Valentina", "Wei", "Ximena", "Yara", "Zoltan",
    "Adrian", "Bianca", "Cyril", "Dalia", "Erik", "Freya", "Goran", "Helga", "Ilya", "Jana", "Karim", "Lucia",
    "Mikhail", "Noor", "Otto", "Paola", "Ruslan", "Samira", "Teodor", "Ursula", "Vera", "Walter", "Yasmin", "Zainab",
    "Alexei", "Brigitte", "Claudio", "Dorota", "Enrique", "Fiona", "Gustav", "Hiroshi", "Irina", "Javier", "Kenji",
    "Lars", "Mette", "Nils", "Orla", "Pavel", "Renata", "Sergio", "Tanja", "Uwe", "Vlad", "Amara", "Kwame", "Ayesha",
]
LAST_NAMES = [
    "Abernathy", "Bakker", "Castellano", "Dimitrov", "Eriksen", "Fontaine", "Gallagher", "Horvath", "Iwanowski",
    "Jablonski", "Kowalczyk", "Lindqvist", "Moreau", "Novak", "Okonkwo", "Petrescu", "Quintero", "Rasmussen",
    "Santoro", "Tanaka", "Urquhart", "Varga", "Whitfield", "Yilmaz", "Zielinski", "Andersson", "Benedetti",
    "Crnkovic", "Delacroix", "Esposito", "Fischer", "Grigoryan", "Haddad", "Ibrahimovic", "Jovanovic", "Kamara",
    "Lehmann", "Mwangi", "Nakamura", "Oyelaran", "Pellegrini", "Rahimi", "Sorensen", "Tkachenko", "Ulrich",
    "Vasquez", "Wozniak", "Yamamoto", "Zamora", "Adeyemi", "Brennan", "Cardoso", "Dunleavy", "Ekwueme",
    "Ferreira", "Gustafsson", "Halvorsen", "Ionescu", "Jankowski", "Karlsson", "Lombardi", "Mendoza", "Nieminen",
    "Orlov", "Pacheco", "Rautio", "Schreiber", "Tomasz", "Underwood", "Valdivia", "Weissmann", "Yoshida",
    "Zeller", "Ashworth", "Bielecki", "Coelho", "Dragomir", "Engstrom", "Falkenberg", "Gorecki", "Hashemi",
    "Ilves", "Jaramillo", "Kuznetsov", "Lindgren", "Marchetti", "Nordin", "Osei", "Papadakis", "Reinholt",
    "Salonen", "Terzic", "Uribe", "Vilkas", "Wojcik", "Yeboah", "Zubiri", "Achterberg", "Bergstrom", "Calloway",
]
TITLES = [
    "Foreign Minister", "Defence Minister", "Prime Minister", "President", "Deputy Foreign Minister",
    "Interior Minister", "Finance Minister", "national security adviser", "Chief of the General Staff",
    "Energy Minister", "chief negotiator", "ambassador to the United Nations", "opposition leader", "Speaker of Parliament",
]
TOPICS = [
    "missile deployments", "troop movements near the border", "grain exports", "prisoner exchanges",
    "nuclear inspections", "fishing rights", "the ceasefire line", "gas transit fees", "airspace violations",
    "refugee returns", "the demilitarised zone", "river water sharing", "port access", "cyber attacks on power grids",
    "the status of the disputed islands", "arms sales", "naval patrols", "election observers",
]
TREATY_TOPICS = [
    "Conventional Forces", "Border Demarcation", "Open Waters", "Nuclear Material Safeguards", "Air Patrols",
    "Transit Rights", "Prisoner Exchange", "Demining", "Shared Rivers", "Missile Notification", "Maritime Boundaries",
    "Confidence-Building Measures", "Grain Corridor", "Energy Transit",
]
PUBLISHERS = ["Northern Ledger", "Harbour Post", "Meridian News Service", "The Evening Courier", "Continental Wire",
              "Riverside Gazette", "Global Desk", "The Morning Dispatch"]
QUOTE_OPENINGS = [
    "We will not negotiate under threat", "This is a step in the right direction", "The door to diplomacy remains open",
    "Nobody wants a war, but we must be prepared", "Our patience is not unlimited", "We expect concrete proposals, not slogans",
    "The agreement must be respected by both sides", "There can be no security without trust",
    "We have made our position very clear", "The next few weeks will be decisive",
    "Our soldiers will stay where they are", "Every family deserves to know where their relatives are",
    "This is not the time for ultimatums", "We are ready to sign tomorrow", "Sanctions have never solved anything",
]
QUOTE_CLOSINGS = [
    "and the other side knows it", "whatever our neighbours say", "and we will keep talking",
    "but words must be followed by actions", "and the world is watching", "as long as the guns are silent",
    "and we owe that to our citizens", "even if the talks take months",
]
SHORT_QUOTES = ["deeply troubling", "a provocation", "a dangerous escalation", "a useful first meeting",
                "unacceptable", "a breakthrough", "premature", "a matter of national survival", "propaganda"]
ACCUSATIONS = ["building up forces along the border", "spying on its diplomats", "blocking humanitarian convoys",
               "jamming civilian aircraft signals", "seizing fishing boats", "funding separatist groups"]
SYLLABLES = ["val", "dor", "ka", "mir", "ost", "len", "bra", "gor", "tes", "vin", "ro", "sel", "mar", "ik", "an",
             "tor", "hel", "us", "ber", "za", "lin", "ova", "grad", "ny", "po", "res", "kal", "dun", "ea", "fir"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# --------------------------------------------------------------------------- sentence patterns (written for this benchmark)

STATEMENTS = [
    "{who} said {past} that {country} would not accept any agreement that left its border regions exposed.",
    '"{quote}," {who} told reporters in {city}.',
    '"{quote}," said {who}. "{quote}."',
    "{who} warned that the talks on {topic} could collapse within weeks if {country2} did not change course.",
    "In a statement, the {demonym} Foreign Ministry accused {country2} of violating the {treaty}.",
    '{who} rejected the accusation, calling it "{short_quote}."',
    "According to {who}, {country} has already moved additional units towards {town}.",
    "{who} said the government in {capital} was studying the proposal.",
    '{who} has described the situation as "{short_quote}."',
    "{who} has made improving relations with {country2} a priority of the government's second term.",
]
MEETINGS = [
    "{who} and {who} met in {city} {past} for talks on {topic}.",
    "Delegations from {country} and {country2} will meet again in {city} {future}, officials said.",
    "{who} is expected to travel to {capital} {future} to meet {who}.",
    "The two sides held a second round of talks in {city} {past}, but made little progress on {topic}.",
    "{who} hosted {who} at a working dinner in {city} {past}.",
    "The next round of talks is scheduled for {date_future} in {city}.",
]
TREATIES = [
    "{country} and {country2} signed the {treaty} in {city} {date_past}.",
    "{country} withdrew from the {treaty} {past}, citing repeated violations by {country2}.",
    "The {treaty}, signed in {year}, limits {topic} along the shared border.",
    "{country} announced {past} that it would suspend its participation in the {treaty}.",
    "Parliament in {capital} voted {past} to ratify the {treaty}, by {n} votes to {m}.",
    "Negotiators hope to finalise a new agreement on {topic} {future}.",
    "Under the {treaty}, both countries agreed to notify each other of exercises involving more than {n} troops.",
    "The {treaty} expires {far_future}, and neither side has proposed extending it.",
]
MILITARY = [
    "{country} began large-scale military exercises near {town} {past}, involving some {n},000 troops.",
    "Satellite images published {past} showed armoured vehicles massing outside {town}.",
    "The {org} said {past} that it had observed unusual troop movements near {town}.",
    "{demonym} defence officials said the drills would end {future}.",
    "Residents of {town} said they had heard explosions overnight, but there was no official confirmation.",
    "Aid agencies said more than {n},000 people had fled their homes around {town}.",
]
INSTITUTIONS = [
    "The {org} announced new sanctions against {country} {past}, targeting banks and energy firms.",
    "Ministers from the {org} will discuss the crisis at a meeting in {city} {future}.",
    "The {org} called on both sides to exercise restraint and return to the negotiating table.",
    "Analysts at the {think_tank} said the dispute over {topic} had deep roots.",
    "{who}, an analyst at the {think_tank}, said the crisis was the most serious since {year}.",
    "The {org} sent a team of observers to {town} {past}.",
    'A spokesperson for the {org}, {name}, said the organisation was "{short_quote}."',
    "The {org} estimates that the crisis has cost the regional economy billions of dollars.",
]
BACKGROUND = [
    "The dispute began {long_ago}, when {country} accused {country2} of {accusation}.",
    "Relations between {capital} and {capital2} have deteriorated sharply since {year}.",
    "Trade between the two countries is down by about {pct} percent, according to official figures.",
    "The border crossing at {town} remained closed {past}, leaving hundreds of lorries stranded.",
    "Officials in {capital} declined to comment on the reports.",
    "Both governments have said they want to avoid a wider conflict.",
    "The crisis has already pushed up energy prices across the region.",
    "Protesters outside the {demonym} embassy in {capital2} have demanded the release of detained journalists.",
    "{country2} has denied any involvement and has called for an independent investigation.",
    "{who} resigned {past} after criticism of the government's handling of the crisis.",
    "In {month_past}, {country} and {country2} agreed a temporary ceasefire that collapsed within days.",
]
ANALYSIS = [
    "Diplomats in {capital} say privately that a compromise on {topic} is within reach.",
    "The government's critics argue that the crisis was avoidable.",
    "{who}'s office did not respond to a request for comment.",
    "Much depends on whether {country2} is willing to discuss {topic} at all.",
    "For now, neither side appears ready to make the first move.",
    "The economic stakes are considerable for both countries.",
    "Opinion polls suggest that most voters in {country} favour a negotiated settlement.",
    "Experts warn that the dispute over {topic} could spread to neighbouring states.",
    "The {demonym} opposition has accused the government of mishandling the talks.",
    "Shipping companies have started to avoid the waters near {town}.",
    "{who} is seen in {capital} as a pragmatist who favours dialogue.",
    "Under the constitution, any agreement on {topic} needs the approval of parliament.",
]
# Weighted so that an article tells about as many events per thousand words as the sample
# articles in seeds/ (about 16), between statements, analysis and background.
PATTERNS = STATEMENTS * 3 + ANALYSIS * 3 + BACKGROUND * 2 + MEETINGS + TREATIES + MILITARY + INSTITUTIONS
LEADS = MEETINGS[:1] + MEETINGS[3:5] + TREATIES[:2] + TREATIES[3:4] + MILITARY[:1] + INSTITUTIONS[:1] + STATEMENTS[:1]
HEADLINES = [
    "{country} and {country2} trade accusations over {topic}",
    "Talks on {topic} stall as {country} hardens its stance",
    "{country} threatens to leave the {treaty}",
    "Envoys meet in {city} as tension over {topic} grows",
    "{org} urges restraint after clashes near {town}",
    "{country} signs the {treaty} with {country2}",
    "Thousands flee {town} as {demonym} forces move closer",
]


# --------------------------------------------------------------------------- pools of names


def zipf_index(rng: random.Random, size: int) -> int:
    """An index in [0, size) drawn with P(k) roughly proportional to 1/(k+1): a few items
    recur everywhere, the long tail keeps bringing new ones."""
    return min(size - 1, int(math.exp(rng.random() * math.log(size + 1))) - 1)


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    country: int  # index into COUNTRIES

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def person(k: int) -> Person:
    """The k-th person of the world: distinct names for k < len(FIRST_NAMES) * len(LAST_NAMES)."""
    size = len(FIRST_NAMES) * len(LAST_NAMES)
    mixed = (k * 7919 + 13) % size  # 7919 is prime: a permutation, so that low k do not share a surname
    first, last = FIRST_NAMES[mixed % len(FIRST_NAMES)], LAST_NAMES[mixed // len(FIRST_NAMES)]
    return Person(f"{first} {last}", TITLES[(k * 31 + 7) % len(TITLES)], (k * 17 + k // 5) % len(COUNTRIES))


def town(k: int) -> str:
    """An invented town name, distinct for each k below 27,000."""
    n = len(SYLLABLES)
    parts = [SYLLABLES[k % n], SYLLABLES[(k // n) % n]] + ([SYLLABLES[(k // n // n) % n]] if k >= n * n else [])
    return "".join(parts).capitalize()


def treaty(k: int) -> str:
    """The k-th treaty: named after an invented town, so that every k gives another name."""
    topic, place = TREATY_TOPICS[k % len(TREATY_TOPICS)], town(k * 7 + 3)
    forms = [f"{place} Accord on {topic}", f"{place} Treaty on {topic}", f"{place} {topic} Agreement", f"{place} Protocol"]
    return forms[(k // len(TREATY_TOPICS)) % len(forms)]


def think_tank(k: int) -> str:
    forms = ["{s} Institute for Strategic Studies", "Centre for {t} Policy", "{p} Peace Research Institute", "{s} Foundation"]
    return forms[k % len(forms)].format(s=LAST_NAMES[(k * 3) % len(LAST_NAMES)], t=TREATY_TOPICS[k % len(TREATY_TOPICS)],
                                        p=town(k * 11 + 5))


# --------------------------------------------------------------------------- one article


@dataclass
class Article:
    index: int
    published: date
    rng: random.Random
    countries: list[int]
    cast: list[Person]
    towns: list[str]
    treaties: list[str]
    organisations: list[str]
    publisher: str
    author: str
    introduced: set[str] = field(default_factory=set)

    # slot values: every occurrence of a slot in a pattern draws again
    def who(self) -> str:
        """A person of the cast: named in full with a title the first time, by surname after."""
        p = self.rng.choice(self.cast)
        if p.name in self.introduced:
            return p.surname
        self.introduced.add(p.name)
        country, demonym, _ = COUNTRIES[p.country]
        titled = f"{demonym} {p.title} {p.name}" if p.title[0].isupper() else f"{p.name}, the {demonym} {p.title},"
        return self.rng.choice([titled, f"{p.name}, {country}'s {p.title},", p.name])

    def country(self) -> str:
        return COUNTRIES[self.countries[0]][0]

    def country2(self) -> str:
        return COUNTRIES[self.countries[1]][0]

    def demonym(self) -> str:
        return COUNTRIES[self.rng.choice(self.countries[:2])][1]

    def capital(self) -> str:
        return COUNTRIES[self.countries[0]][2]

    def capital2(self) -> str:
        return COUNTRIES[self.countries[1]][2]

    def city(self) -> str:
        return self.rng.choice([COUNTRIES[c][2] for c in self.countries] + self.towns[:1])

    def town(self) -> str:
        return self.rng.choice(self.towns)

    def treaty(self) -> str:
        return self.rng.choice(self.treaties)

    def org(self) -> str:
        return self.rng.choice(self.organisations)

    def think_tank(self) -> str:
        return think_tank(zipf_index(self.rng, 60))

    def name(self) -> str:
        return person(6000 + zipf_index(self.rng, 3000)).name  # spokespeople: not in any cast

    def topic(self) -> str:
        return self.rng.choice(TOPICS)

    def accusation(self) -> str:
        return self.rng.choice(ACCUSATIONS)

    def quote(self) -> str:
        opening = self.rng.choice(QUOTE_OPENINGS)
        return opening if self.rng.random() < 0.5 else f"{opening}, {self.rng.choice(QUOTE_CLOSINGS)}"

    def short_quote(self) -> str:
        return self.rng.choice(SHORT_QUOTES)

    def n(self) -> str:
        return str(self.rng.randrange(2, 90))

    def m(self) -> str:
        return str(self.rng.randrange(1, 40))

    def pct(self) -> str:
        return str(self.rng.randrange(5, 60))

    def year(self) -> str:
        return str(self.published.year - self.rng.randrange(2, 30))

    # dates, relative to the publication date
    def past(self) -> str:
        days = self.rng.randrange(1, 6)
        choices = [f"on {WEEKDAYS[(self.published - timedelta(days=days)).weekday()]}", "last week", "earlier this month",
                   "yesterday", "last month", f"on {self._day(self.published - timedelta(days=self.rng.randrange(2, 40)))}"]
        return self.rng.choice(choices)

    def future(self) -> str:
        days = self.rng.randrange(1, 6)
        return self.rng.choice([f"on {WEEKDAYS[(self.published + timedelta(days=days)).weekday()]}", "next week", "next month",
                                "later this month", "by the end of the year", "in the coming days"])

    def far_future(self) -> str:
        return self.rng.choice([f"in {self.published.year + self.rng.randrange(1, 6)}", "at the end of next year",
                                f"in {MONTHS[self.rng.randrange(12)]} {self.published.year + 1}"])

    def long_ago(self) -> str:
        return self.rng.choice([f"in {self.year()}", f"{self.rng.randrange(2, 12)} years ago", "last spring",
                                f"in the summer of {self.year()}"])

    def month_past(self) -> str:
        when = self.published - timedelta(days=self.rng.randrange(60, 700))
        return f"{MONTHS[when.month - 1]} {when.year}"

    def date_past(self) -> str:
        return f"on {self._day(self.published - timedelta(days=self.rng.randrange(1, 90)))}"

    def date_future(self) -> str:
        return self._day(self.published + timedelta(days=self.rng.randrange(3, 60)))

    @staticmethod
    def _day(d: date) -> str:
        return f"{MONTHS[d.month - 1]} {d.day}"

    def fill(self, pattern: str) -> str:
        text = re.sub(r"\{(\w+)\}", lambda m: getattr(self, m.group(1))(), pattern)
        text = re.sub(r",([.,])", r"\1", text).replace(",,", ",")
        return text[0].upper() + text[1:]


# --------------------------------------------------------------------------- the corpus


def article_text(a: Article) -> tuple[str, str]:
    """The title and the body of one article (paragraphs separated by blank lines)."""
    rng = a.rng
    title = a.fill(rng.choice(HEADLINES))
    a.introduced.clear()
    paragraphs = [f"By {a.author}, {a.publisher}", f"{a.capital().upper()} \u2014 " + a.fill(rng.choice(LEADS))]
    words = sum(len(p.split()) for p in paragraphs)
    target = rng.randrange(700, 1300)
    while words < target:
        paragraph = " ".join(a.fill(rng.choice(PATTERNS)) for _ in range(rng.choice((1, 2, 2, 3))))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        furniture = rng.random()
        if furniture < 0.04:
            paragraphs.append("Advertisement")
        elif furniture < 0.07:
            paragraphs.append(f"PHOTO: Officials arrive for talks in {a.city()} on {WEEKDAYS[a.published.weekday()]}. ({a.publisher})")
        elif furniture < 0.08:
            paragraphs.append("Sign up for our daily briefing on the crisis.")
    return title, "\n\n".join(paragraphs) + "\n"


def make_article(i: int, n: int, seed: int) -> Article:
    rng = random.Random(f"{seed}-{i}")
    span = max(30, n)  # about one article a day, several on busy days
    published = date(2024, 1, 1) + timedelta(days=(i * span) // n)
    first = zipf_index(rng, len(COUNTRIES))
    second = next((c for c in (zipf_index(rng, len(COUNTRIES)) for _ in range(50)) if c != first), (first + 1) % len(COUNTRIES))
    countries = [first, second, rng.randrange(len(COUNTRIES))]
    cast = list({p.name: p for p in (person(zipf_index(rng, 6000)) for _ in range(rng.randrange(3, 8)))}.values())
    towns = [town(zipf_index(rng, 800)) for _ in range(3)]
    treaties = [treaty(zipf_index(rng, 150)) for _ in range(2)]
    organisations = [ORGANISATIONS[zipf_index(rng, len(ORGANISATIONS))] for _ in range(2)]
    author = person(9000 + zipf_index(rng, 300)).name
    return Article(i, published, rng, countries, cast, towns, treaties, organisations,
                   PUBLISHERS[zipf_index(rng, len(PUBLISHERS))], author)


def render_file(a: Article) -> tuple[str, str]:
    """(file name, file text): most as Markdown with front matter, some as plain text with a
    title line, a date line and a byline, as scraped copies come."""
    title, body = article_text(a)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")
    stem = f"{a.published.isoformat()}-{a.index:05d}-{slug}"
    if a.index % 7 == 3:
        day = f"{MONTHS[a.published.month - 1]} {a.published.day}, {a.published.year}"
        return f"{stem}.txt", f"{title}\n{day}\n{body}"
    url = f"https://{re.sub(r'[^a-z]+', '', a.publisher.lower())}.example.org/{a.published:%Y/%m/%d}/{slug}"
    front = f'---\ntitle: "{title}"\ndate: {a.published.isoformat()}\npublisher: {a.publisher}\nurl: {url}\nauthor: {a.author}\n---\n\n'
    return f"{stem}.md", front + f"# {title}\n\n" + body


def write_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write n articles into `folder` (created; files of an earlier corpus there are removed)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    written = []
    for i in range(n):
        name, text = render_file(make_article(i, n, seed))
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def word_count(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.iterdir() if p.is_file())
