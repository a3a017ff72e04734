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
    "a storm [that flooded|that hit|over] the [old harbour|river quarter|coast road]",
    "a strike by {org} workers", "a [fire|blaze] at a [warehouse|depot|plant] near {place}",
    "protests outside the {org}", "a shortage of [spare parts|fuel|staff|medicines]",
    "the collapse of a [supplier|contractor|local bank]", "a cyber attack on the {org}",
    "a dispute over land near {place}", "heavy [snow|rain|winds] across {place}",
    "an outbreak of [flu|measles|food poisoning] in {place}",
)

# Sentence templates. Slots: person, role, org, org2, place, place2, day, num,
# num2, period, thing, up, down, action, goal, event, year.
SENTENCES = (
    "{person}, {role} of the {org}, [said|told a briefing|claimed|insisted] on {day} that {thing} [would|could|might|were set to] {up} by {num} percent [over|within|during] {period}.",
    "The {org} {action} {goal} [after|following|in the wake of|days after] {event}.",
    "[Officials|Authorities|Emergency services|Police] in {place} [confirmed|said|reported] that {num} [people|residents|families|workers] had been [affected by|caught up in|hit by] {event}.",
    "According to {person}, {thing} in {place} [could|may|might well] {down} by [as much as|up to|nearly|about] {num} percent.",
    "\"We did not [expect|foresee|plan for] {thing} to {up} [this fast|so quickly|at this pace],\" {person} told [reporters|journalists|a local radio station] in {place}.",
    "The [decision|move|ruling|announcement] follows {event}, which left {num2} [households|homes|businesses|farms] in {place} [without service|cut off|in the dark|waiting for help].",
    "[Critics|Opponents|Several lawmakers|Local campaigners], including {person} of the {org2}, [argue|say|complain] that the {org} [moved too slowly|acted too late|ignored the warnings].",
    "{person} said the {org} had been [warned|told|alerted] about {thing} as early as {year}.",
    "[Data|Figures|Numbers] published by the {org} on {day} show {thing} in {place} [fell|dropped|declined] for the {nth} [month|week|quarter] in a row.",
    "In a [statement|press release|short note], the {org} said it {action} {goal} [before the end of|within|during] {period}.",
    "[Residents|Shop owners|Commuters|Parents] [of|in] {place} have [complained|protested|petitioned] for years about {thing}, {person} [noted|said|added].",
    "The {org2} [welcomed|praised|cautiously backed] the [move|plan|decision] but said {thing} in {place2} [remained|was still|is still] a [concern|worry|problem].",
    "Talks between the {org} and the {org2} are [expected|due|scheduled] to [resume|continue|restart] in {place} on {day}.",
    "{person}, who has [led|run|chaired] the {org} since {year}, did not [respond to|answer|return] [a request for comment|calls|messages] on {day}.",
    "[Analysts|Economists|Experts] at the {org2} [expect|predict|believe] {thing} to {down} once {event} is [resolved|over|dealt with].",
    "The plan would cost [about|roughly|around|close to] {num} million crowns over {period}, {person} [estimated|said|calculated].",
    "Local [media|newspapers|broadcasters] in {place2} reported that the {org} {action} {goal}.",
    "[Last|On] {day}, {person} met the {role} in {place} to [discuss|talk about|review] {thing}.",
    "A [spokesperson|spokesman|spokeswoman|representative] for the {org} said {num} [inspectors|engineers|officers|staff] had been sent to {place}.",
    "[Opposition members|Councillors|Union delegates] in {place} [demanded|asked|insisted] that {person} explain why {thing} were allowed to {up}.",
    "The {org} last faced [similar criticism|such questions|a backlash] in {year}, when {thing} began to {up} [sharply|quickly|steeply].",
    "{person} described the situation in {place} as \"[serious but under control|worrying|difficult but stable|a test for everyone]\".",
    "Figures for {place2} are [due|expected|set to be published] on {day}, the {org2} [said|added|noted].",
    "Shares in [companies|firms|suppliers] [linked to|working with|close to] the {org} {moved} {num2} percent [after the announcement|on {day}|in early trading].",
    "Under the new rules, {thing} in {place} will be [reviewed|checked|audited] every {num2} [months|weeks|days].",
    "The court in {place} gave the {org} until {day} to [respond|reply|explain itself].",
    "Neither the {org} nor the {org2} has [said|explained|disclosed] how the [measures|changes|subsidies] will be [paid for|funded|financed].",
    "[Visitors|Travellers|Drivers] [to|in] {place} were [advised|told|urged] to check {thing} before [travelling|setting off|leaving], {person} added.",
    "It is the {nth} time [this year|since {year}|in a decade] that the {org} has had to {goal}.",
    "[Earlier this month|Last week|In {year}], {person} warned that {event} could [affect|disrupt|raise] {thing} across {place2}.",
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
    "[Here is|This is|Below is] what we know so far about {thing} in {place}[.|, as of {day}.]",
    "Editor's note: this [story|article|report] has been updated with new [figures|details|comments] on {thing}.",
    "{Thing} [is back in the news this {day}|is making headlines again|returns to the agenda], and [not for the first time|once again for the wrong reasons|this time in {place}].",
    "Readers in {place} have been [asking us|writing to us|emailing us] about {thing} [all week|since {day}|for days].",
    "A [short|quick|brief] summary for those who missed it: {thing} [has taken a new turn|is in the news again|has changed course].",
    "This matters for anyone who [follows|cares about|pays for] {thing} in {place}[.|, and that is most of us.]",
    "[UPDATE|Update|Latest]: the [story|report|news] below on {thing} [was first reported|broke|emerged] on {day}.",
    "[We|Our desk|Our team] [have been following|are tracking|keep an eye on] {thing} in {place} [closely|for months|every day].",
    "If you [live in|commute through|work in] {place} and [care about|pay for|follow] {thing}, [read on|this one is for you|take note].",
)

# Headline rewrites a republisher may apply.
HEADLINE_TWEAKS = ("BREAKING: {h}", "{h} (UPDATED)", "{h} - report", "WATCH: {h}",
                   "{h}!", "Report: {h}", "{h} | Latest", "{h} | {site}", "{h} - {site}",
                   "{site}: {h}", "JUST IN: {h}", "{h}, officials say", "{h} (VIDEO)",
                   "Exclusive: {h}", "{h} as pressure mounts", "Why {h}")

# Sentence rewordings: (from, to) word swaps that keep the sentence recognisable.
SWAPS = (
    (" said ", " stated "), (" would ", " will "), (" about ", " roughly "),
    (" people ", " residents "), (" announced ", " revealed "), (" after ", " following "),
    (" warned ", " cautioned "), (" expected ", " anticipated "), (" percent", "%"),
    (" reporters ", " journalists "), (" demanded ", " called for "), (" has ", " had "),
    (" confirmed ", " acknowledged "), (" could ", " might "), (" plan ", " proposal "),
    (" cut ", " reduce "), (" told ", " informed "), (" before ", " ahead of "),
    (" the ", " this "), (" in ", " within "), (" of the ", " from the "), (" and ", " as well as "),
)
# Words a rewording may slip into a sentence when no swap fits.
FILLERS = ("reportedly", "also", "now", "meanwhile", "again", "officially", "indeed", "still")

ROUNDUP_TITLES = ("Morning briefing", "News in brief", "Today's roundup", "The week in review",
                  "Regional digest", "What you missed")

# Outlets: (name, domain, kind); kind = agency | paper | blog.
PAPER_FORMS = ("The {P} Courier", "{P} Daily", "The {P} Ledger", "{P} Herald", "{P} Tribune",
               "The {P} Observer", "{P} Gazette", "{P} Chronicle")
AGENCY_NAMES = ("Kestrel", "Meridian", "Polaris", "Halcyon", "Vantage", "Corvid", "Tessera",
                "Aurora", "Lodestar", "Basalt")
AGENCY_FORMS = ("Press Agency", "News Agency", "Wire Service", "Telegraph Agency", "News Service")
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
