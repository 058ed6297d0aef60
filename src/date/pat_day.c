/*
 * pat_day.c - patterns that name a day, a month or a year: calendar
 * dates ("May 11, 2025", "11 May", "2025-05-12"), years, decades and
 * centuries, weekdays, "today"/"tomorrow", parts of the day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* Month Day [,] [Year] / Day Month [Year] / Month [of] Year / Month.
 * Weekday [,] in front is included. */
size_t px__m_calendar(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    const px_date_lex *l = lx(t, j);
    /* "Saturday, April 25" */
    if (l && l->wday && !l->plural) {
        size_t k = j + 1;
        if (is_punct(t, k, ','))
            k++;
        const px_date_lex *l2 = lx(t, k);
        if (l2 && l2->month) {
            match sub;
            memset(&sub, 0, sizeof(sub));
            size_t e = px__m_calendar(t, k, &sub);
            if (e && strlen(sub.value) == 10) {
                *m = sub;
                if (sub.relative && has_ref(t)) {
                    /* the year whose calendar has that weekday */
                    px_ymd d = {atoi(sub.value), l2->month, atoi(sub.value + 8)};
                    for (int dy = 0; dy <= 2; dy++) {
                        int yy = t->ref.y + (dy == 0 ? 0 : dy == 1 ? -1 : 1);
                        if (d.d <= px__days_in_month(yy, d.m) &&
                            px__weekday((px_ymd){yy, d.m, d.d}) == l->wday) {
                            px__put_day(m, (px_ymd){yy, d.m, d.d});
                            break;
                        }
                    }
                }
                return e;
            }
        }
        return 0;
    }
    int y = 0, mo = 0, d = 0;
    size_t e = 0;
    /* "last May", "next January" */
    if ((fn(t, j) == FN_LAST || fn(t, j) == FN_NEXT || fn(t, j) == FN_THIS) && lx(t, j + 1) &&
        lx(t, j + 1)->month &&
        (t->a[j + 1].len > 4 || !strcmp(t->a[j + 1].low, "may") ||
         !strcmp(t->a[j + 1].low, "june") || !strcmp(t->a[j + 1].low, "july")) &&
        (t->a[j + 1].flags & AF_CAP)) {
        match sub;
        memset(&sub, 0, sizeof(sub));
        e = px__m_calendar(t, j + 1, &sub);
        if (e && strlen(sub.value) == 7) {
            *m = sub;
            return e;
        }
        return 0;
    }
    /* ISO 2025-05-12 */
    if (t->a[j].kind == A_NUM && t->a[j].ndig == 4 && j + 2 < t->n &&
        (t->a[j + 1].flags & AF_HYPH) && (t->a[j + 2].flags & AF_HYPH) &&
        t->a[j + 1].kind == A_NUM && t->a[j + 2].kind == A_NUM && t->a[j + 1].ndig == 2 &&
        t->a[j + 2].ndig == 2) {
        y = t->a[j].num, mo = t->a[j + 1].num, d = t->a[j + 2].num;
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= px__days_in_month(y, mo)) {
            m->type = PX_TIMEX_DATE;
            px__put_day(m, (px_ymd){y, mo, d});
            return j + 3;
        }
        return 0;
    }
    /* 5/12/2025 (US order) */
    if (t->a[j].kind == A_WORD && t->a[j].low[0] >= '0' && t->a[j].low[0] <= '9' &&
        strchr(t->a[j].low, '/')) {
        int a1, a2, a3;
        char extra;
        if (sscanf(t->a[j].low, "%d/%d/%d%c", &a1, &a2, &a3, &extra) == 3 && a1 >= 1 &&
            a1 <= 12 && a2 >= 1 && a2 <= 31) {
            if (a3 < 100)
                a3 += a3 < 50 ? 2000 : 1900;
            if (a3 >= 1000 && a2 <= px__days_in_month(a3, a1)) {
                m->type = PX_TIMEX_DATE;
                px__put_day(m, (px_ymd){a3, a1, a2});
                return j + 1;
            }
        }
        return 0;
    }
    /* Day Month [Year]: "11 May 2025", "the 11th of May" */
    if (!l || !l->month) {
        size_t k = j;
        if (fn(t, k) == FN_THE)
            k++;
        size_t e2 = px__parse_day(t, k, &d);
        if (!e2)
            return 0;
        if (fn(t, e2) == FN_OF)
            e2++;
        const px_date_lex *lm = lx(t, e2);
        if (!lm || !lm->month || !(t->a[e2].flags & AF_CAP))
            return 0;
        mo = lm->month;
        e = e2 + 1;
        size_t e3 = e;
        if (is_punct(t, e3, ','))
            e3++;
        if (px__parse_year(t, e3, &y))
            e = e3 + 1;
        else
            y = 0;
        if (d > px__days_in_month(y ? y : 2000, mo))
            return 0;
        goto day_value;
    }
    /* Month ... */
    if (!(t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_HYPH))
        return 0;
    mo = l->month;
    bool abbrev = t->a[j].len <= 4 && strcmp(t->a[j].low, "june") &&
                  strcmp(t->a[j].low, "july") && strcmp(t->a[j].low, "may");
    bool ambiguous = !strcmp(t->a[j].low, "may") || !strcmp(t->a[j].low, "march");
    e = j + 1;
    {
        size_t k = e;
        if (px__parse_day(t, k, &d)) {
            /* "Sept. 30" / "May 11, 2025" */
            e = k + 1;
            size_t k2 = e;
            if (is_punct(t, k2, ','))
                k2++;
            if (px__parse_year(t, k2, &y))
                e = k2 + 1;
            if (d > px__days_in_month(y ? y : 2000, mo))
                return 0;
            goto day_value;
        }
        /* Month [,] [of] Year */
        size_t k2 = e, ey;
        if (is_punct(t, k2, ',') || fn(t, k2) == FN_OF)
            k2++;
        if ((ey = px__parse_year_any(t, k2, &y)) != 0) {
            e = ey;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
            return e;
        }
        /* "January this year", "June last year" */
        int r = fn(t, e);
        if ((r == FN_THIS || r == FN_LAST || r == FN_NEXT) && unit_at(t, e + 1, NULL) == UNIT_YEAR &&
            !(t->a[e + 1].flags & AF_POSS)) {
            if (!has_ref(t))
                return 0;
            y = t->ref.y + (r == FN_LAST ? -1 : r == FN_NEXT ? 1 : 0);
            m->type = PX_TIMEX_DATE;
            m->relative = true;
            snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
            return e + 2;
        }
        /* Month alone */
        if (abbrev && !(t->a[j].flags & AF_HYPH))
            return 0;
        if (ambiguous) {
            int p = j ? fn(t, j - 1) : FN_NONE;
            bool ok = p == FN_IN || p == FN_SINCE || p == FN_UNTIL || p == FN_BY ||
                      p == FN_EARLY || p == FN_LATE || p == FN_MID || p == FN_LAST ||
                      p == FN_NEXT || p == FN_THIS || p == FN_OF || p == FN_FROM ||
                      p == FN_DURING || p == FN_BEFORE || p == FN_THE ||
                      (j && (word_is(t, j - 1, "after") || word_is(t, j - 1, "through")));
            if (!ok)
                return 0;
        }
        m->type = PX_TIMEX_DATE;
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%02d", mo);
            return e;
        }
        int p = j ? fn(t, j - 1) : FN_NONE;
        tense tn = px__tense_of(t, j, e);
        if (j && is_deadline(t, j - 1))
            tn = px__deadline_verb(t, j - 1, tn);
        if (p == FN_LAST)
            y = mo < t->ref.m ? t->ref.y : t->ref.y - 1;
        else if (p == FN_NEXT)
            y = mo > t->ref.m ? t->ref.y : t->ref.y + 1;
        else if (p == FN_THIS)
            y = t->ref.y;
        else
            y = px__year_for(t, mo, 0, tn);
        m->relative = true;
        snprintf(m->value, sizeof(m->value), "%04d-%02d", y, mo);
        return e;
    }
day_value:
    m->type = PX_TIMEX_DATE;
    if (!y) {
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%02d-%02d", mo, d);
            return e;
        }
        y = px__year_for(t, mo, d, px__tense_of(t, i, e));
        m->relative = true;
    }
    px__put_day(m, (px_ymd){y, mo, d});
    return e;
}

/* ---- bare four-digit numbers ---- */

static bool in_words(const atom *a, const char *const *list)
{
    if (a->kind != A_WORD)
        return false;
    for (; *list; list++)
        if (a->low[0] == (*list)[0] && !strcmp(a->low, *list))
            return true;
    return false;
}

/* A number before these is no year: units, measures, currencies and
 * nouns counted without a plural s. */
static const char *const not_year_after[] = {
    "x", "px", "pixels", "p", "dpi", "mah", "mb", "gb", "kb", "tb", "mhz", "ghz", "hz", "kw", "kwh",
    "w", "watts", "v", "volts", "rpm", "km", "m", "mm", "cm", "ft", "feet", "foot", "miles", "mph",
    "kph", "kg", "g", "lb", "lbs", "pounds", "tons", "tonnes", "calories", "kcal", "cc", "ml", "l",
    "litres", "liters", "gallons", "barrels", "acres", "hectares", "sq", "square", "degrees",
    "bytes", "bits", "dollars", "euros", "yen", "yuan", "rupees", "usd", "eur", "gbp", "points",
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "times", NULL};
/* ... and after these: a flight, a room, a route, a page, a resolution. */
static const char *const not_year_before[] = {
    "no", "nos", "number", "nr", "flight", "flights", "room", "rooms", "route", "suite", "apartment",
    "apt", "unit", "gate", "platform", "bus", "train", "exit", "page", "pages", "pp", "chapter",
    "box", "pier", "terminal", "highway", "interstate", "model", "version", "pin", "zip",
    "extension", "ext", "ward", "resolution", "paragraph", "rule", "item", "tel", "phone", "fax",
    "#", NULL};
/* The words that end a street address ("1600 Pennsylvania Avenue"). */
static const char *const street_words[] = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive",
    "dr", "way", "place", "pl", "court", "ct", "square", "sq", "parkway", "pkwy", "highway", "hwy",
    "terrace", "circle", "plaza", "trail", "close", "crescent", NULL};
/* Words before a number that make it a year: "in 2022", "since 1990",
 * "until 2030", "early 1997". */
static const char *const year_before[] = {
    "in", "since", "from", "between", "until", "till", "til", "through", "thru", "into", "during",
    "before", "after", "by", "circa", "ca", "c", "early", "late", "mid", "around", "of", "for",
    "to", "as", "pre", "post", "year", "born", "founded", "established", "est", "died", "spring",
    "summer", "autumn", "fall", "winter", "season", "vintage", "class", "than", "due", "is", "was",
    /* the same in the languages news pages come in most: "em 2012",
     * "desde 1990", "seit 2019", "depuis 2005" */
    "em", "de", "en", "desde", "hasta", "depuis", "seit", "im", "ab", "bis", "dal", "nel", "dall",
    "copyright", NULL};
/* Of those, the ones that count things as often ("for 2000 people",
 * "one of 1800 workers"): with a plural after them the number counts. */
static const char *const count_before[] = {"of", "for", "to", "around", "than", "as", "between",
                                           "is", "was", "de", "en", NULL};
/* Determiners and possessives before a year that modifies a noun ("the
 * 1996 Olympic bombing", "a 1971 Convention", "its 1989 earnings"). */
static const char *const determiners[] = {"the", "a", "an", "this", "that", "its", "his", "her",
                                          "their", "our", "my", "your", "last", "next", NULL};
/* Plurals a year modifies ("the 2020 elections", "its 1989 earnings");
 * other plurals after a determiner and a number are counted ("the 2000
 * soldiers"). */
static const char *const year_plurals[] = {
    "elections", "games", "olympics", "polls", "talks", "riots", "protests", "negotiations",
    "accords", "earnings", "results", "figures", "levels", "sales", "revenues", "profits",
    "losses", "accounts", "budgets", "championships", "finals", "playoffs", "awards",
    "primaries", "caucuses", "hearings", "statistics", "estimates", "forecasts", "projections",
    "rates", "prices", "totals", "numbers", "data", "midterms", "attacks", "floods", "events",
    "models", "standards", "rules", "plans", "goals", "targets", "laws", "reforms", NULL};

/* A year-like number (1000..2199, four digits) at atom k. */
static bool year_like(const tagger *t, size_t k)
{
    int y;
    return k < t->n && px__parse_year(t, k, &y) != 0;
}

/* A lower-case plural noun at k ("people" aside): a regular plural s. */
static bool plural_noun(const tagger *t, size_t k)
{
    static const char *const not_plural[] = {
        "was", "has", "does", "this", "thus", "his", "its", "plus", "minus", "versus", "bonus",
        "campus", "census", "status", "crisis", "basis", "analysis", "virus", "focus", "bus",
        "gas", "series", "species", "news", "means", "class", "press", "process", "business",
        "address", "access", "success", "progress", "congress", "boss", "loss", "less", "across",
        "unless", "always", "perhaps", "whereas", "yes", "us", "as", "is", NULL};
    if (k >= t->n)
        return false;
    const atom *a = &t->a[k];
    return a->kind == A_WORD && !(a->flags & AF_CAP) && a->len >= 3 && a->low[a->len - 1] == 's' &&
           a->low[a->len - 2] != '\'' && !in_words(a, not_plural);
}

/* "1600 Pennsylvania Avenue": capitalised words, then a street word. */
static bool street_address_after(const tagger *t, size_t k)
{
    for (size_t n = 0; n < 4 && k < t->n && (t->a[k].flags & AF_CAP); n++, k++) {
        const atom *a = &t->a[k];
        char w[24];
        size_t l = a->len;
        if (l && a->low[l - 1] == '.')
            l--; /* "Ave." */
        if (!l || l >= sizeof w)
            return false;
        memcpy(w, a->low, l);
        w[l] = 0;
        for (const char *const *s = street_words; *s; s++)
            if (!strcmp(w, *s))
                return n > 0;
    }
    return false;
}

/* Whether the bare four-digit number at atom j is a year. Only with
 * support: a preposition of time before it ("in 2022", "since 1990"), a
 * range or list of years ("1990 and 1991", "from 1991 to 1997"), an era
 * ("AD"), a possessive ("2019's"), parentheses, or a determiner before a
 * noun it modifies ("the 1996 Olympic bombing"); and never in a street
 * address, a flight, room or page number, money, a measurement ("1920 x
 * 1080", "2000 mAh") or a count ("2000 people", "for 1800 workers"). */
static bool bare_year(const tagger *t, size_t j)
{
    const atom *prev = j > 0 ? &t->a[j - 1] : NULL;
    size_t nx = j + 1;
    const atom *next = nx < t->n ? &t->a[nx] : NULL;
    /* never */
    if (prev && prev->kind != A_WORD && prev->kind != A_NUM && !strcmp(prev->low, "\xc2\xa9"))
        return true; /* "© 2002" */
    if (prev && (in_words(prev, not_year_before) ||
                 (prev->kind != A_WORD && prev->kind != A_NUM &&
                  (prev->low[0] == '#' || (unsigned char)prev->low[0] >= 0x80))))
        return false; /* "#1999", "€2000", "£1500" */
    if (prev && prev->kind == A_WORD && prev->len == 3 && !strcmp(prev->low, "no."))
        return false;
    if (next && (in_words(next, not_year_after) || street_address_after(t, nx)))
        return false;
    /* "2019's election" (digits keep no apostrophe: "1984", "'", "s") */
    bool poss = (t->a[j].flags & AF_POSS) ||
                (next && next->kind != A_WORD && next->kind != A_NUM && next->start == t->a[j].end &&
                 nx + 1 < t->n && t->a[nx + 1].start == next->end && !strcmp(t->a[nx + 1].low, "s"));
    if (!poss && next && next->kind == A_OTHER && (unsigned char)next->low[0] >= 0x80)
        return false; /* "2000 €", "1920 × 1080" */
    bool plural = !poss && plural_noun(t, nx);
    /* support */
    if (poss)
        return true;
    if (next && (next->kind == A_WORD || next->kind == A_OTHER)) {
        static const char *const eras[] = {"ad", "bc", "bce", "ce", "a.d.", "b.c.", "a.d", "b.c", NULL};
        if (in_words(next, eras))
            return true;
    }
    /* a range or list of years: "1990 and 1991", "1994, 1995", "1991 to 1997", "1998/99" */
    if (!plural && next && (in_words(next, (const char *const[]){"and", "or", "to", "through", NULL}) ||
                            (next->kind == A_PUNCT && strchr(",/-", next->low[0]) && !next->low[1])) &&
        year_like(t, nx + 1))
        return true;
    if (next && (next->flags & AF_HYPH) && next->kind == A_NUM && (next->ndig == 2 || year_like(t, nx)))
        return true; /* "1989-90", "1951-1967" */
    /* a month before it: "Tuesday, Nov, 29, 2016" */
    for (size_t k = j, n = 0; k-- > 0 && n < 4; n++)
        if (t->a[k].lex && t->a[k].lex->month && (t->a[k].flags & AF_CAP))
            return true;
    if (!plural && prev && (in_words(prev, (const char *const[]){"and", "or", "to", "through", NULL}) ||
                            (prev->kind == A_PUNCT && strchr(",/-", prev->low[0]) && !prev->low[1]))) {
        for (size_t k = j - 1; k-- > 0 && j - k <= 4;)
            if (year_like(t, k))
                return true;
    }
    if (prev && prev->kind == A_PUNCT && (prev->low[0] == '(' || prev->low[0] == '[') && next &&
        next->kind == A_PUNCT && (next->low[0] == ')' || next->low[0] == ']'))
        return true; /* "Parasite (2019)", "[1994]" */
    /* after a name: "World Drug Report 2014", "Copa América 2019", "Expo
     * 2020", "Groundhog Day 1993" */
    if (prev && prev->kind == A_WORD && (prev->flags & AF_CAP) && !plural)
        return true;
    if (prev && in_words(prev, year_before))
        return !(plural && in_words(prev, count_before));
    /* before a name ("predicting 1990 BellSouth earnings", "a 2000 Toyota
     * Camry"), which is no count of things ("2000 Americans") */
    if (next && next->kind == A_WORD && (next->flags & AF_CAP) && !(next->flags & AF_ALLCAPS) &&
        next->low[next->len - 1] != 's' && !(prev && (prev->flags & AF_CAP)))
        return true;
    /* a determiner, perhaps an adjective or two after it: "the 1996
     * Olympic bombing", "his unsuccessful 1996 campaign" */
    for (size_t k = j, n = 0; k-- > 0 && n < 3; n++) {
        const atom *a = &t->a[k];
        /* "Howells' 1892 short story": the apostrophe of a plural possessive */
        bool plural_poss = a->kind != A_WORD && a->kind != A_NUM && k > 0 && t->a[k - 1].end == a->start &&
                           t->a[k - 1].kind == A_WORD && t->a[k - 1].low[t->a[k - 1].len - 1] == 's' &&
                           (!strcmp(a->low, "'") || !strcmp(a->low, "\xe2\x80\x99"));
        if (in_words(a, determiners) || (a->flags & AF_POSS) || plural_poss)
            return next && (next->kind == A_WORD || next->kind == A_NUM) &&
                   (!plural || in_words(next, year_plurals));
        if (a->kind != A_WORD || (a->flags & AF_CAP) || in_words(a, year_before))
            break;
    }
    return false;
}

/* Years, decades, centuries: "1990", "fiscal 1989", "the year 2000",
 * "the 1990s", "the '90s", "the 20th century", "nineteen ninety-six". */
size_t px__m_year(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    bool the = false;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    if (fn(t, j) == FN_FISCAL)
        j++;
    if (the && unit_at(t, j, NULL) == UNIT_YEAR && !(t->a[j].flags & AF_POSS))
        j++;
    int y;
    size_t e = px__parse_year(t, j, &y);
    if (e) {
        if (j == i || fn(t, i) != FN_THE || j > i + 1) {
            /* a bare number: not money, not a percentage, not a count,
             * and a year only where the sentence says so */
            if (j > 0 && t->a[j - 1].kind == A_OTHER && t->a[j - 1].low[0] == '$')
                return 0;
            if (e < t->n && ((t->a[e].kind == A_OTHER && t->a[e].low[0] == '%') ||
                             word_is(t, e, "percent")))
                return 0;
            if (j == i && !bare_year(t, j))
                return 0;
            if ((t->a[j].flags & AF_HYPH) &&
                !(j > 0 && (fn(t, j - 1) == FN_MID || fn(t, j - 1) == FN_EARLY ||
                            fn(t, j - 1) == FN_LATE || word_is(t, j - 1, "post") ||
                            word_is(t, j - 1, "pre"))))
                return 0; /* "1989-90" ranges, but "mid-1996", "post-1959" */
            if (y < 1800 || y > 2100)
                return 0;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%04d", y);
            return e;
        }
        /* "the 1988 period" is left to other patterns */
        return 0;
    }
    /* decades: "1990s", "'90s", "the 1990s" */
    j = the ? i + 1 : i;
    if (j < t->n && t->a[j].kind == A_QUOTE && j + 1 < t->n) {
        const atom *b = &t->a[j + 1];
        if (b->len == 3 && b->low[2] == 's' && b->low[0] >= '0' && b->low[0] <= '9' &&
            b->low[1] == '0') {
            int c = t->ref.y ? t->ref.y / 100 : 19;
            if (b->low[0] - '0' > (t->ref.y ? t->ref.y % 100 / 10 : 9))
                c--;
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%02d%c", c, b->low[0]);
            return j + 2;
        }
    }
    if (j < t->n && t->a[j].kind == A_WORD && t->a[j].len == 5 && t->a[j].low[4] == 's' &&
        t->a[j].low[3] == '0') {
        bool dig = true;
        for (int k = 0; k < 4; k++)
            dig = dig && t->a[j].low[k] >= '0' && t->a[j].low[k] <= '9';
        if (dig) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%.3s", t->a[j].low);
            return j + 1;
        }
    }
    /* "the nineties", "the early eighties" */
    {
        static const char *const decades[] = {"twenties", "thirties", "forties", "fifties",
                                              "sixties", "seventies", "eighties", "nineties"};
        size_t k = j;
        if (the && (fn(t, k) == FN_EARLY || fn(t, k) == FN_LATE || fn(t, k) == FN_MID))
            k++;
        for (size_t d = 0; the && k < t->n && d < PX_ARRAY_LEN(decades); d++)
            if (!strcmp(t->a[k].low, decades[d])) {
                int c = t->ref.y ? t->ref.y / 100 : 19;
                if ((int)d + 2 > (t->ref.y ? t->ref.y % 100 / 10 : 9))
                    c--;
                m->type = PX_TIMEX_DATE;
                snprintf(m->value, sizeof(m->value), "%02d%d", c, (int)d + 2);
                return k + 1;
            }
    }
    /* centuries: "the 20th century", "the twentieth century" */
    int ordv;
    size_t eo = px__parse_ordinal(t, j, &ordv);
    if (eo && ordv >= 1 && ordv <= 30 && unit_at(t, eo, NULL) == UNIT_CENTURY &&
        !lx(t, eo)->plural) {
        m->type = PX_TIMEX_DATE;
        snprintf(m->value, sizeof(m->value), "%02d", ordv - 1);
        return eo + 1;
    }
    /* spelled years: "nineteen ninety-six", "two thousand" after "the year" */
    const px_date_lex *l = lx(t, j);
    if (l && l->num >= 11 && l->num <= 20 && !l->fn) {
        long rest;
        size_t e2 = px__parse_number(t, j + 1, &rest, false);
        if (e2 && rest >= 10 && rest < 100) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%ld", l->num * 100 + rest);
            return e2;
        }
    }
    if (the && unit_at(t, i + 1, NULL) == UNIT_YEAR) {
        long v;
        size_t e2 = px__parse_number(t, i + 2, &v, false);
        if (e2 && v >= 1000 && v <= 2100) {
            m->type = PX_TIMEX_DATE;
            snprintf(m->value, sizeof(m->value), "%ld", v);
            return e2;
        }
    }
    return 0;
}

/* [last|next|this|coming] Weekday [part of day]; plural: a SET.
 * expr_start: where the whole expression starts (before a clock time:
 * "9 a.m. Tuesday"). */

size_t px__m_weekday(const tagger *t, size_t i, match *m)
{
    return px__m_weekday_in(t, i, i, m);
}

size_t px__m_weekday_in(const tagger *t, size_t i, size_t expr_start, match *m)
{
    size_t j = i;
    /* "the previous Friday", "the following Monday" */
    if (fn(t, j) == FN_THE && (fn(t, j + 1) == FN_PREVIOUS || fn(t, j + 1) == FN_FOLLOWING))
        j++;
    int rel = fn(t, j);
    if (rel == FN_LAST || rel == FN_NEXT || rel == FN_THIS || rel == FN_COMING ||
        rel == FN_PAST || rel == FN_PREVIOUS || rel == FN_FOLLOWING) {
        j++;
        if (rel == FN_THIS && fn(t, j) == FN_COMING)
            rel = FN_COMING, j++;
    } else {
        rel = FN_NONE;
    }
    const px_date_lex *l = lx(t, j);
    if (!l || !l->wday || !(t->a[j].flags & AF_CAP))
        return 0;
    /* "Mon" and the like only with a full stop */
    if (t->a[j].len <= 4 && t->a[j].low[t->a[j].len - 1] != '.')
        return 0;
    size_t e = j + 1;
    int pod = pod_at(t, e);
    if (pod)
        e++;
    m->type = PX_TIMEX_DATE;
    if (l->plural || (pod && lx(t, e - 1)->plural)) {
        m->type = PX_TIMEX_SET;
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d%s%s", l->wday, pod ? "T" : "",
                 px__pod_code[pod]);
        return e;
    }
    if (pod_at(t, e) == 0 && lx(t, e) && lx(t, e)->pod && lx(t, e)->plural) {
        /* "Tuesday nights" */
        m->type = PX_TIMEX_SET;
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%dT%s", l->wday,
                 px__pod_code[lx(t, e)->pod]);
        return e + 1;
    }
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d", l->wday);
    } else {
        px_ymd d;
        if ((rel == FN_PREVIOUS || rel == FN_FOLLOWING) && t->st->last_d) {
            /* "the previous Friday": before the day last named */
            tagger t2 = *t;
            t2.ref = (px_ymd){t->st->last_y, t->st->last_m, t->st->last_d};
            d = px__resolve_weekday(&t2, l->wday, rel, T_NONE);
        } else {
            tense tn = px__tense_of(t, expr_start, e);
            if (rel == FN_NONE)
                tn = px__deadline_tense(t, expr_start, tn);
            d = px__resolve_weekday(t, l->wday, rel, tn);
        }
        px__put_day(m, d);
        m->relative = true;
    }
    /* "Friday morning": TimeML makes it a TIME whose value names the part
     * of the day (1998-02-13TMO) */
    if (pod) {
        size_t n = strlen(m->value);
        m->type = PX_TIMEX_TIME;
        snprintf(m->value + n, sizeof(m->value) - n, "T%s", px__pod_code[pod]);
    }
    return e;
}

/* today, tomorrow, yesterday, tonight [part of day]; this morning; last
 * night; the day before yesterday. */
size_t px__m_deictic(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int f = fn(t, j);
    int off = 0, pod = 0;
    size_t e;
    if (f == FN_THE && unit_at(t, j + 1, NULL) == UNIT_DAY && !lx(t, j + 1)->plural &&
        (fn(t, j + 2) == FN_BEFORE || word_is(t, j + 2, "after")) &&
        (fn(t, j + 3) == FN_YESTERDAY || fn(t, j + 3) == FN_TOMORROW)) {
        off = fn(t, j + 3) == FN_YESTERDAY ? -2 : 2;
        e = j + 4;
    } else if ((f == FN_TODAY || f == FN_TOMORROW || f == FN_YESTERDAY || f == FN_TONIGHT) &&
               !(j > 0 && (t->a[j].flags & AF_CAP) && (t->a[j - 1].flags & AF_CAP) &&
                 t->a[j - 1].kind == A_WORD)) { /* not a name: "VOA Today" */
        off = f == FN_TOMORROW ? 1 : f == FN_YESTERDAY ? -1 : 0;
        if (f == FN_TONIGHT)
            pod = 4;
        e = j + 1;
        if (!pod && (pod = pod_at(t, e)) != 0)
            e++;
    } else if (f == FN_THIS && pod_at(t, j + 1)) {
        pod = pod_at(t, j + 1);
        e = j + 2;
    } else if (f == FN_LAST && pod_at(t, j + 1) == 4) {
        pod = 4, off = -1;
        e = j + 2;
    } else {
        return 0;
    }
    if (f == FN_TODAY && (t->a[i].flags & AF_POSS) && e == i + 1)
        return 0; /* "today's computers": the present in general */
    m->type = pod ? PX_TIMEX_TIME : PX_TIMEX_DATE;
    m->relative = true;
    m->deictic = true;
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-XX-XX%s%s", pod ? "T" : "", px__pod_code[pod]);
        return e;
    }
    px__put_day(m, px__add_days(t->ref, off));
    if (pod) {
        size_t n = strlen(m->value);
        snprintf(m->value + n, sizeof(m->value) - n, "T%s", px__pod_code[pod]);
    }
    return e;
}

/* A part of the day before its day: "mid-afternoon yesterday", "morning
 * on Friday"; or after "early", "mid", "late" on its own ("by mid
 * afternoon"): the reference day's. */
size_t px__m_pod(const tagger *t, size_t i, match *m)
{
    int pod = pod_at(t, i);
    if (!pod || lx(t, i)->fn != FN_NONE)
        return 0;
    size_t k = i + 1;
    if (fn(t, k) == FN_ON)
        k++;
    match day;
    memset(&day, 0, sizeof(day));
    size_t e = px__m_weekday(t, k, &day);
    if (!e) {
        int f = fn(t, k);
        if ((f == FN_YESTERDAY || f == FN_TODAY || f == FN_TOMORROW) && pod_at(t, k + 1) == 0)
            e = px__m_deictic(t, k, &day);
    }
    if (e && day.type == PX_TIMEX_DATE && strlen(day.value) == 10) {
        *m = day;
    } else {
        int p = i > 0 ? fn(t, i - 1) : FN_NONE;
        if (p != FN_MID && p != FN_EARLY && p != FN_LATE)
            return 0;
        /* "late night television": a noun after it makes it a modifier */
        if (i + 1 < t->n && t->a[i + 1].kind == A_WORD && !t->a[i + 1].lex &&
            !(t->a[i + 1].flags & AF_CAP))
            return 0;
        memset(m, 0, sizeof(*m));
        e = i + 1;
        m->relative = true;
        if (has_ref(t))
            px__put_day(m, t->ref);
        else
            snprintf(m->value, sizeof(m->value), "XXXX-XX-XX");
    }
    size_t n = strlen(m->value);
    m->type = PX_TIMEX_TIME;
    snprintf(m->value + n, sizeof(m->value) - n, "T%s", px__pod_code[pod]);
    return e;
}
