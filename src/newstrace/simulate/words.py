"""Word lists and sentence templates for synthetic news (written for newstrace).

Everything here is invented: the places, people and outlets do not exist.
Templates use `{slot}` names filled by `articles.py`.
"""

from __future__ import annotations

FIRST = (
    "Anna Boris Carla Dmitri Elena Farid Greta Hugo Ines Jonas Kira Luca Maya Nikolai "
    "Olga Pavel Rosa Samir Tanya Ulrich Vera Walter Xenia Yusuf Zora Amir Bianca Cyril "
    "Dalia Emil Fiona Gustav Hana Ivo Jana Karim Lena Marek Nadia Oscar Petra Quentin "
    "Rami Sofia Tomas Una Viktor Wanda Yara Zeno Alma Bruno Celia Dario Edith Felix"
).split()

LAST = (
    "Adler Baranov Castell Dorn Eskola Ferrand Galvez Halloran Ivanic Jessup Kowal "
    "Lindqvist Marchetti Novak Okafor Petrov Quist Rahimi Sandoval Tamura Ulman Varga "
    "Wexler Yilmaz Zeller Ambrose Brandt Corvin Delacroix Engel Falk Grieg Holm Ibarra "
    "Janssen Kessler Lorenz Moreau Nyberg Orlov Pryce Rask Strand Thorne Urquhart Vidal "
    "Whitlock Yates Zamora Arden Bishop Crane Doyle Ellery Frost Gale Harker Irwin Kemp"
).split()

# Syllables for invented place names ("Varnholm", "Keldoria").
HEAD = "var kel dro mar tal sen bor ost lun pel gra vin hal ser tor mir kas bel nor ash".split()
MID = "a e i o u an el or in ar en".split()
TAIL = "holm dor ria burg stad vik mont grad field port ton ville heim sk ford".split()

ROLES = (
    "minister of finance", "head of the regional council", "chief economist",
    "spokesperson", "mayor", "deputy director", "senior analyst", "chair",
    "health commissioner", "transport secretary", "lead prosecutor", "union leader",
    "director general", "foreign minister", "energy secretary", "police chief",
)

ORG_ADJ = (
    "National Northern Southern Eastern Western Federal United Central Coastal Regional "
    "Independent Royal Civic Allied Metropolitan Continental Highland Lowland"
).split()
ORG_NOUN = (
    "Grain Rail Energy Water Health Ports Mining Housing Textile Fisheries Aviation "
    "Forestry Steel Transit Pension Medical Shipping Timber Dairy Telecom"
).split()
ORG_TYPE = (
    "Council Authority Board Association Union Commission Institute Agency Ministry "
    "Federation Trust Company Group Alliance Bureau"
).split()

DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PERIODS = ("two years", "three months", "the coming decade", "five years", "the winter",
           "next quarter", "the current season", "eighteen months")

THINGS = (
    "fuel prices", "rail fares", "hospital waiting lists", "grain exports", "rents",
    "water tariffs", "wages in the public sector", "ferry routes", "school budgets",
    "electricity bills", "border checks", "fishing quotas", "bus services",
    "housing permits", "pension payments", "bridge tolls", "timber sales", "air fares",
)
VERB_UP = ("rise", "climb", "grow", "increase", "jump", "edge up")
VERB_DOWN = ("fall", "drop", "decline", "shrink", "slide", "ease")
ACTIONS = (
    "approved a plan to", "voted against a proposal to", "announced it would",
    "is preparing to", "has refused to", "agreed in principle to", "postponed a decision to",
    "quietly moved to", "was ordered by a court to", "pledged to",
)
GOALS = (
    "freeze {thing}", "review {thing}", "cut {thing} for families", "expand {thing}",
    "audit {thing}", "cap {thing}", "publish new rules on {thing}",
    "end subsidies for {thing}", "double spending on {thing}", "restructure {thing}",
)
EVENTS = (
    "a storm that flooded the old harbour", "a strike by {org} workers",
    "a fire at a warehouse near the station", "protests outside the {org}",
    "a shortage of spare parts", "the collapse of a supplier", "a cyber attack on {org}",
    "a dispute over land near {place}", "heavy snow across the valley",
    "an outbreak of flu in the northern districts",
)

# Sentence templates. Slots: person, role, org, org2, place, place2, day, num,
# num2, period, thing, up, down, action, goal, event, year.
SENTENCES = (
    "{person}, {role} of the {org}, said on {day} that {thing} would {up} by {num} percent over {period}.",
    "The {org} {action} {goal} after {event}.",
    "Officials in {place} confirmed that {num} people had been affected by {event}.",
    "According to {person}, {thing} in {place} could {down} by as much as {num} percent.",
    "\"We did not expect {thing} to {up} this fast,\" {person} told reporters in {place}.",
    "The decision follows {event}, which left {num2} households in {place} without service.",
    "Critics, including {person} of the {org2}, argue that the {org} moved too slowly.",
    "{person} said the {org} had been warned about {thing} as early as {year}.",
    "Data published by the {org} on {day} show {thing} in {place} fell for the {nth} month in a row.",
    "In a statement, the {org} said it {action} {goal} before the end of {period}.",
    "Residents of {place} have complained for years about {thing}, {person} noted.",
    "The {org2} welcomed the move but said {thing} in {place2} remained a concern.",
    "Talks between the {org} and the {org2} are expected to resume in {place} on {day}.",
    "{person}, who has led the {org} since {year}, did not respond to a request for comment.",
    "Analysts at the {org2} expect {thing} to {down} once {event} is resolved.",
    "The plan would cost about {num} million crowns over {period}, {person} estimated.",
    "Local media in {place2} reported that the {org} {action} {goal}.",
    "Last {day}, {person} met the {role} in {place} to discuss {thing}.",
    "A spokesperson for the {org} said {num} inspectors had been sent to {place}.",
    "Opposition members in {place} demanded that {person} explain why {thing} were allowed to {up}.",
    "The {org} last faced similar criticism in {year}, when {thing} began to {up} sharply.",
    "{person} described the situation in {place} as \"serious but under control\".",
    "Figures for {place2} are due on {day}, the {org2} said.",
    "Shares in companies linked to the {org} {moved} {num2} percent after the announcement.",
    "Under the new rules, {thing} in {place} will be reviewed every {num2} months.",
    "The court in {place} gave the {org} until {day} to respond.",
    "Neither the {org} nor the {org2} has said how the measures will be paid for.",
    "Visitors to {place} were advised to check {thing} before travelling, {person} added.",
    "It is the {nth} time this year that the {org} has had to {goal}.",
    "Earlier this month, {person} warned that {event} could affect {thing} across {place2}.",
)

HEADLINES = (
    "{org} {action_h} {goal}",
    "{thing_c} in {place} set to {up}, says {last}",
    "{place} hit by {event_h}",
    "{last} warns {thing} could {down}",
    "{org} and {org2} resume talks in {place}",
    "{num} affected in {place} after {event_h}",
    "Court orders {org} to {goal}",
    "{place} residents protest over {thing}",
    "{last}: {thing} will {up} by {num} percent",
    "{org} under pressure over {thing} in {place}",
)
ACTIONS_H = ("plans to", "moves to", "refuses to", "agrees to", "votes to", "delays plan to")
EVENTS_H = ("storm", "strike", "warehouse fire", "supply shortage", "heavy snow",
            "cyber attack", "flu outbreak", "power cut", "flooding")
NTH = ("second", "third", "fourth", "fifth", "sixth")
MOVED = ("rose", "fell", "jumped", "slipped", "dropped")

# Intro paragraphs a republisher may put on top (slots: place, org, thing, day).
INTROS = (
    "Here is what we know so far about the situation in {place}.",
    "Editor's note: this story has been updated with new figures on {thing}.",
    "The {org} is back in the news this {day}, and not for the first time.",
    "Readers in {place} have been asking us about {thing} all week.",
    "A short summary for those who missed it: the {org} has made a move on {thing}.",
    "This matters for anyone who follows {thing} in {place}.",
)

# Headline rewrites a republisher may apply.
HEADLINE_TWEAKS = ("BREAKING: {h}", "{h} (UPDATED)", "{h} - report", "WATCH: {h}",
                   "{h}!", "Report: {h}", "{h} | Latest")

# Sentence rewordings: (from, to) word swaps that keep the sentence recognisable.
SWAPS = (
    (" said ", " stated "), (" would ", " will "), (" about ", " roughly "),
    (" people ", " residents "), (" announced ", " revealed "), (" after ", " following "),
    (" warned ", " cautioned "), (" expected ", " anticipated "), (" percent", "%"),
    (" reporters ", " journalists "), (" demanded ", " called for "), (" has ", " had "),
)

ROUNDUP_TITLES = ("Morning briefing", "News in brief", "Today's roundup", "The week in review",
                  "Regional digest", "What you missed")

# Outlets: (name, domain, kind); kind = agency | paper | blog.
PAPER_FORMS = ("The {P} Courier", "{P} Daily", "The {P} Ledger", "{P} Herald", "{P} Tribune",
               "The {P} Observer", "{P} Gazette", "{P} Chronicle")
AGENCY_NAMES = ("Kestrel", "Meridian", "Polaris", "Halcyon", "Vantage", "Corvid", "Tessera",
                "Aurora", "Lodestar", "Basalt")
AGENCY_FORMS = ("{A} Press", "{A} News", "{A} Wire", "{A} Agency")
BLOG_WORDS = ("truth", "daily", "buzz", "report", "insider", "watch", "wire", "pulse",
              "digest", "eye", "voice", "feed", "times", "post", "now", "today")
BLOG_ADJ = ("free", "real", "global", "world", "true", "open", "patriot", "urban", "liberty",
            "hidden", "smart", "alt", "prime", "grand", "rapid", "bright")
TLDS = (".com", ".net", ".info", ".news", ".org", ".co", ".online", ".press")

SECTIONS = ("news", "world", "politics", "economy", "local", "business", "society", "latest")
NAV = ("Home", "News", "World", "Politics", "Economy", "Sport", "Culture", "Opinion",
       "Video", "Contact", "About us", "Subscribe", "Login", "Search")
SHARE = ("Share", "Facebook", "Twitter", "WhatsApp", "Telegram", "Email", "Print", "Reddit")
WIDGETS = ("Related posts", "You may also like", "Most read", "Trending now",
           "Leave a comment", "Comments", "Follow us", "Tags:", "Advertisement",
           "Sign up for our newsletter")
