#!/usr/bin/env python3
"""gen_date_lexicon.py - writes src/date/lexicon.inc, the sorted word table
the time-expression tagger (src/date/atoms.c) looks words up in.

Each word carries what it can mean in a time expression: a month, a
weekday, a cardinal or ordinal number, a unit of time, a season, a part of
the day, or a function code (FN_*, see src/date/date.h). A word may have
several meanings ("second" is an ordinal and a unit; "march" a month).
Run: python3 tools/gen_date_lexicon.py > src/date/lexicon.inc
"""

MONTHS = ["january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"]
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
              "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WDAY_ABBR = {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
             "fri": 5, "sat": 6, "sun": 7}
CARD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
        "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
        "dozen": 12}
ORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
       "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
       "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
ORD_MORE = {"twenty-first": 21, "thirtieth": 30, "last": 0}
# units: code (see UNIT_* in date.h)
UNITS = {"second": 1, "minute": 2, "hour": 3, "day": 4, "week": 5, "month": 6,
         "quarter": 7, "year": 8, "decade": 9, "century": 10, "weekend": 11,
         "night": 12, "half": 13, "season": 14, "fortnight": 15}
UNIT_PLURAL = {"seconds": 1, "minutes": 2, "hours": 3, "days": 4, "weeks": 5,
               "months": 6, "quarters": 7, "years": 8, "decades": 9, "centuries": 10,
               "weekends": 11, "nights": 12, "seasons": 14, "fortnights": 15,
               "mins": 2, "hrs": 3, "yrs": 8}
SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4}
PODS = {"morning": 1, "afternoon": 2, "evening": 3, "night": 4, "overnight": 4,
        "mornings": 1, "afternoons": 2, "evenings": 3, "nights": 4}
FN = {
    "the": "THE", "a": "A", "an": "A",
    "last": "LAST", "next": "NEXT", "this": "THIS", "coming": "COMING",
    "past": "PAST", "previous": "PREVIOUS", "following": "FOLLOWING",
    "upcoming": "COMING", "current": "CURRENT", "latest": "LATEST",
    "early": "EARLY", "late": "LATE", "mid": "MID", "middle": "MIDDLE",
    "end": "END", "beginning": "BEGINNING", "start": "START",
    "ago": "AGO", "earlier": "EARLIER", "later": "LATER", "before": "BEFORE",
    "every": "EVERY", "each": "EACH", "per": "PER", "fiscal": "FISCAL",
    "of": "OF", "today": "TODAY", "tomorrow": "TOMORROW", "yesterday": "YESTERDAY",
    "tonight": "TONIGHT", "now": "NOW", "noon": "NOON", "midnight": "MIDNIGHT",
    "midday": "NOON",
    "a.m.": "AM", "am": "AM", "p.m.": "PM", "pm": "PM", "a.m": "AM", "p.m": "PM",
    "currently": "PRESENT", "presently": "PRESENT", "nowadays": "PRESENT",
    "recently": "RECENT", "recent": "RECENT", "lately": "RECENT",
    "previously": "PASTREF", "formerly": "PASTREF", "future": "FUTURE", "soon": "SOON",
    "nearly": "APPROX", "about": "APPROX", "almost": "APPROX", "around": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some": "SOME", "over": "OVER",
    "under": "APPROX", "more": "MORE", "less": "LESS", "than": "THAN", "least": "LEAST",
    "at": "AT", "up": "UP", "to": "TO", "no": "NO", "just": "APPROX", "only": "APPROX",
    "few": "FEW", "several": "SEVERAL", "many": "MANY", "couple": "COUPLE",
    "daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY", "annually": "ANNUALLY",
    "yearly": "ANNUALLY", "annual": "ANNUALLY", "hourly": "HOURLY", "nightly": "NIGHTLY",
    "quarterly": "QUARTERLY",
    "christmas": "CHRISTMAS", "thanksgiving": "THANKSGIVING", "easter": "EASTER",
    "year-end": "YEAREND", "and": "AND", "other": "OTHER", "o'clock": "OCLOCK",
    "present": "PRESENTN", "near": "NEAR", "same": "SAME", "that": "THAT", "full": "FULL",
    "half": "HALFW", "in": "IN", "since": "SINCE", "until": "UNTIL", "by": "BY",
    "from": "FROM", "on": "ON", "for": "FOR", "during": "DURING", "within": "WITHIN",
    "old": "OLD", "long": "LONG", "year-ago": "YEARAGO", "year-earlier": "YEARAGO",
    "est": "TZ", "edt": "TZ", "gmt": "TZ", "utc": "TZ", "pst": "TZ", "pdt": "TZ",
    "cst": "TZ", "cdt": "TZ", "bst": "TZ", "cet": "TZ",
}

entries = {}


def add(word, **kw):
    e = entries.setdefault(word, {"num": -1, "month": 0, "wday": 0, "ord": 0, "unit": 0,
                                  "season": 0, "pod": 0, "fn": "NONE", "plural": 0})
    for k, v in kw.items():
        e[k] = v


for i, m in enumerate(MONTHS, 1):
    add(m, month=i)
for w, i in MONTH_ABBR.items():
    add(w, month=i)
for i, w in enumerate(WEEKDAYS, 1):
    add(w, wday=i)
    add(w + "s", wday=i, plural=1)
for w, i in WDAY_ABBR.items():
    add(w, wday=i)
for i, w in enumerate(CARD):
    add(w, num=i)
for w, i in TENS.items():
    add(w, num=i)
for i, w in enumerate(ORD):
    if w:
        add(w, ord=i)
for w, i in UNITS.items():
    add(w, unit=i)
for w, i in UNIT_PLURAL.items():
    add(w, unit=i, plural=1)
for w, i in SEASONS.items():
    add(w, season=i)
    add(w + "s", season=i, plural=1)
for w, i in PODS.items():
    add(w, pod=i, plural=1 if w.endswith("s") else entries.get(w, {}).get("plural", 0))
for w, f in FN.items():
    add(w, fn=f)
add("a", num=1)
add("an", num=1)
add("half", unit=13)

HASH_SIZE = 1024  # power of two, well above the number of words


def fnv1a(word):
    h = 2166136261
    for b in word.encode():
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


words = sorted(entries)
slots = [0] * HASH_SIZE
for i, w in enumerate(words):
    k = fnv1a(w) & (HASH_SIZE - 1)
    while slots[k]:
        k = (k + 1) & (HASH_SIZE - 1)
    slots[k] = i + 1

print("/* Generated by tools/gen_date_lexicon.py; do not edit. */")
print("#ifdef PX_DATE_LEX_ENTRIES")
for w in words:
    e = entries[w]
    print(f'    {{"{w}", {e["num"]}, {e["month"]}, {e["wday"]}, {e["ord"]}, {e["unit"]}, '
          f'{e["season"]}, {e["pod"]}, {e["plural"]}, FN_{e["fn"]}}},')
print("#else")
print(f"#define PX_DATE_LEX_HASH_SIZE {HASH_SIZE}")
print("/* open addressing over FNV-1a of the word: 1 + index into the table, 0 empty */")
print("static const uint16_t lexicon_hash[PX_DATE_LEX_HASH_SIZE] = {")
for i in range(0, HASH_SIZE, 16):
    print("    " + ", ".join(str(x) for x in slots[i:i + 16]) + ",")
print("};")
print("#endif")
