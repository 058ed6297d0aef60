/*
 * pat_time.c - clock times, PRESENT_REF/PAST_REF/FUTURE_REF, seasons,
 * holidays, "a year ago", "the month", the end of a period, and the
 * table that tries every pattern at an atom (the longest match wins),
 * with the modifiers that widen a span ("early", "the end of").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* Clock times: "5 p.m.", "10:30 a.m. EST", "noon", "midnight", with a
 * day after them: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST
 * Nov. 9". */
static size_t m_time(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int h = -1, mi = 0;
    int f = fn(t, j);
    if (f == FN_NOON || f == FN_MIDNIGHT) {
        if ((t->a[j].flags & AF_CAP) && j > 0 && (t->a[j - 1].flags & AF_CAP) &&
            t->a[j - 1].kind == A_WORD)
            return 0; /* a title: "High Noon" */
        h = f == FN_NOON ? 12 : 24;
        j++;
    } else if (j < t->n) {
        const atom *a = &t->a[j];
        if (a->kind == A_NUM && a->num >= 1 && a->num <= 12 && a->ndig <= 2) {
            h = a->num;
        } else if (a->kind == A_WORD && a->low[0] >= '0' && a->low[0] <= '9') {
            int hh, mm;
            char extra;
            if (sscanf(a->low, "%d:%d%c", &hh, &mm, &extra) == 2 && hh >= 0 && hh <= 24 &&
                mm >= 0 && mm < 60)
                h = hh, mi = mm;
            else
                return 0;
        } else {
            const px_date_lex *l = a->lex;
            if (l && l->num >= 1 && l->num <= 12 && l->fn == FN_NONE)
                h = l->num;
            else
                return 0;
        }
        j++;
        int g = fn(t, j);
        if (g == FN_AM || g == FN_PM) {
            if (g == FN_PM && h < 12)
                h += 12;
            if (g == FN_AM && h == 12)
                h = 0;
            j++;
        } else if (g == FN_OCLOCK) {
            j++;
        } else if ((g == FN_IN && fn(t, j + 1) == FN_THE && pod_at(t, j + 2)) ||
                   (g == FN_AT && pod_at(t, j + 1) == 4)) {
            /* "4 in the morning", "10 in the evening", "11 at night" */
            int pod = g == FN_IN ? pod_at(t, j + 2) : 4;
            if (pod == 1 && h == 12)
                h = 0;
            else if (pod >= 2 && h < 12 && !(pod == 4 && h <= 4))
                h += 12;
            j += g == FN_IN ? 3 : 2;
        } else if (strchr(t->a[i].low, ':') == NULL) {
            return 0;
        } else if (t->a[i].kind != A_WORD) {
            return 0;
        }
    }
    if (h < 0)
        return 0;
    if (fn(t, j) == FN_TZ)
        j++;
    if (is_punct(t, j, ','))
        j++;
    /* a day after the time */
    match day;
    memset(&day, 0, sizeof(day));
    size_t e = 0;
    size_t k = j;
    if (fn(t, k) == FN_ON)
        k++;
    if ((e = px__m_weekday_in(t, k, i, &day)) == 0 && (e = px__m_deictic(t, k, &day)) == 0)
        e = px__m_calendar(t, k, &day);
    if (e && (day.type == PX_TIMEX_DATE || day.type == PX_TIMEX_TIME) &&
        strlen(day.value) >= 10 && day.value[7] == '-' &&
        (day.value[10] == 0 || day.value[10] == 'T')) {
        j = e;
    } else {
        if (j > i && is_punct(t, j - 1, ','))
            j--;
        memset(&day, 0, sizeof(day));
        if (has_ref(t))
            px__put_day(&day, t->ref);
        else
            snprintf(day.value, sizeof(day.value), "XXXX-XX-XX");
    }
    m->type = PX_TIMEX_TIME;
    m->relative = true;
    snprintf(m->value, sizeof(m->value), "%.10sT%02d:%02d", day.value, h, mi);
    return j;
}

/* PRESENT_REF, PAST_REF, FUTURE_REF: "now", "currently", "recently",
 * "the past", "the future", "soon", "recent years", "coming months". */
static size_t m_ref(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    const char *v = NULL;
    size_t e = i + 1;
    switch (f) {
    case FN_NOW:
        v = "PRESENT_REF";
        break;
    case FN_PRESENT:
        v = "PRESENT_REF";
        break;
    case FN_CURRENT: {
        /* "current" alone, before a noun that is not a unit */
        const px_date_lex *l = lx(t, i + 1);
        if (l && (l->unit || l->fn == FN_FISCAL))
            return 0;
        if (i > 0 && fn(t, i - 1) == FN_THE)
            return 0;
        v = "PRESENT_REF";
        break;
    }
    case FN_RECENT: {
        bool plural;
        int u = unit_at(t, i + 1, &plural);
        if (u && plural && u != UNIT_YEAR) {
            /* "in recent weeks": a span of time */
            m->type = PX_TIMEX_DURATION;
            px__put_duration(m, u, 0, true);
            return i + 2;
        }
        if (u && plural)
            e = i + 2;
        else if (!strcmp(t->a[i].low, "recent"))
            return 0;
        v = "PAST_REF";
        break;
    }
    /* "previously", "formerly" and "soon" are left out: TimeML
     * annotators tag them rarely, so they cost more than they bring */
    case FN_COMING: {
        bool plural;
        int u = unit_at(t, i + 1, &plural);
        if (!u || !plural)
            return 0;
        e = i + 2;
        v = "FUTURE_REF";
        break;
    }
    case FN_THE: {
        int g = fn(t, i + 1);
        if (g == FN_PAST || g == FN_PRESENTN) {
            const px_date_lex *l = lx(t, i + 2);
            if (l && (l->unit || l->num >= 0 || l->ord || l->fn == FN_FEW || l->fn == FN_SEVERAL ||
                      l->season || l->wday))
                return 0;
            if (i + 2 < t->n && t->a[i + 2].kind == A_NUM)
                return 0;
            v = g == FN_PAST ? "PAST_REF" : "PRESENT_REF";
            e = i + 2;
        } else if (g == FN_FUTURE) {
            if (fn(t, i + 2) == FN_OF)
                return 0; /* "the future of our peoples": a thing */
            v = "FUTURE_REF";
            e = i + 2;
        } else if (g == FN_NEAR && fn(t, i + 2) == FN_FUTURE) {
            v = "FUTURE_REF";
            e = i + 3;
        } else if ((g == FN_NEAR || word_is(t, i + 1, "short")) && word_is(t, i + 2, "term")) {
            v = "FUTURE_REF"; /* "in the near term" */
            e = i + 3;
        } else if (g == FN_COMING) {
            bool plural;
            int u = unit_at(t, i + 2, &plural);
            if (!u || !plural)
                return 0;
            v = "FUTURE_REF";
            e = i + 3;
        } else {
            return 0;
        }
        break;
    }
    default: return 0;
    }
    m->type = PX_TIMEX_DATE;
    snprintf(m->value, sizeof(m->value), "%s", v);
    return e;
}

/* Seasons: "this summer" is the relative pattern; here "summer", "the
 * summer of 1990", "spring 2024", "the winter". */
static size_t m_season(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    if (fn(t, j) == FN_THE)
        j++;
    const px_date_lex *l = lx(t, j);
    if (!l || !l->season || l->plural)
        return 0;
    if (!strcmp(t->a[j].low, "fall") && j == i && !(t->a[j].flags & AF_CAP))
        return 0; /* the verb */
    if (j > i) {
        /* "the fall" of a roof, "the spring" of water: a season only
         * after a preposition of time, or with its year */
        int p = i > 0 ? fn(t, i - 1) : FN_NONE;
        bool prep = p == FN_IN || p == FN_DURING || p == FN_BY || p == FN_SINCE ||
                    p == FN_UNTIL || p == FN_OVER || p == FN_BEFORE || p == FN_FROM ||
                    (i > 0 && (word_is(t, i - 1, "after") || word_is(t, i - 1, "through") ||
                               word_is(t, i - 1, "into") || word_is(t, i - 1, "throughout")));
        int y0;
        size_t k0 = j + 1;
        if (fn(t, k0) == FN_OF)
            k0++;
        if (!prep && !px__parse_year_any(t, k0, &y0))
            return 0;
    }
    size_t e = j + 1, ey;
    int y = 0;
    size_t k = e;
    if (fn(t, k) == FN_OF)
        k++;
    if ((ey = px__parse_year_any(t, k, &y)) != 0)
        e = ey;
    else if (j == i && !(i > 0 && (fn(t, i - 1) == FN_IN || fn(t, i - 1) == FN_THIS ||
                                   fn(t, i - 1) == FN_EARLY || fn(t, i - 1) == FN_LATE ||
                                   fn(t, i - 1) == FN_SINCE || fn(t, i - 1) == FN_BY)))
        return 0;
    m->type = PX_TIMEX_DATE;
    if (!y) {
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-%s", px__season_code[l->season]);
            return e;
        }
        y = t->ref.y;
        int cur = season_of(t->ref.m);
        tense tn = px__tense_of(t, i, e);
        if (tn == T_PAST && l->season > cur)
            y--;
        else if (tn == T_FUTURE && l->season < cur)
            y++;
        m->relative = true;
    }
    snprintf(m->value, sizeof(m->value), "%04d-%s", y, px__season_code[l->season]);
    return e;
}

/* Holidays with a fixed rule: Christmas, Thanksgiving (US), New Year's. */
static size_t m_holiday(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    int mo = 0, d = 0;
    size_t e = i + 1;
    if (f == FN_CHRISTMAS && (t->a[i].flags & AF_CAP)) {
        mo = 12, d = 25;
        if (word_is(t, e, "eve"))
            d = 24, e++;
        else if (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural)
            e++;
    } else if (f == FN_THANKSGIVING && (t->a[i].flags & AF_CAP)) {
        mo = 11;
        if (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural)
            e++;
    } else if (f == FN_EASTER && (t->a[i].flags & AF_CAP)) {
        mo = -1; /* computed below, once the year is known */
        if (unit_at(t, e, NULL) == UNIT_WEEK && !lx(t, e)->plural)
            mo = -2, e++; /* "Easter week": the week that ends on Easter */
        else if (word_is(t, e, "sunday") || (unit_at(t, e, NULL) == UNIT_DAY && !lx(t, e)->plural))
            e++;
        else if (e < t->n && t->a[e].kind == A_WORD && !t->a[e].lex && !(t->a[e].flags & AF_CAP))
            return 0; /* "Easter eggs": a modifier */
    } else if (word_is(t, i, "new") && unit_at(t, i + 1, NULL) == UNIT_YEAR &&
               (t->a[i + 1].flags & AF_POSS) && (t->a[i].flags & AF_CAP)) {
        e = i + 2;
        mo = 1, d = 1;
        if (word_is(t, e, "eve"))
            mo = 12, d = 31, e++;
        else if (unit_at(t, e, NULL) == UNIT_DAY)
            e++;
        else
            return 0;
    } else {
        return 0;
    }
    int y;
    size_t k = e;
    if (is_punct(t, k, ','))
        k++;
    if (px__parse_year(t, k, &y)) {
        e = k + 1;
    } else if (has_ref(t)) {
        y = px__year_for(t, mo < 0 ? 4 : mo, d ? d : 25, px__tense_of(t, i, e));
        m->relative = true;
    } else {
        m->type = PX_TIMEX_DATE;
        if (mo < 0)
            snprintf(m->value, sizeof(m->value), "%s", mo == -2 ? "XXXX-WXX" : "XXXX-XX-XX");
        else
            snprintf(m->value, sizeof(m->value), "XXXX-%02d-%02d", mo, d ? d : 25);
        return e;
    }
    if (mo < 0) {
        /* Easter Sunday (Gregorian computus) */
        int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, ee = b % 4;
        int g = (8 * b + 13) / 25, h = (19 * a + b - dd - g + 15) % 30;
        int ii = c / 4, kk = c % 4, l = (32 + 2 * ee + 2 * ii - h - kk) % 7;
        int mm = (a + 11 * h + 19 * l) / 433;
        px_ymd easter = {y, (h + l - 7 * mm + 90) / 25, 0};
        easter.d = (h + l - 7 * mm + 33 * easter.m + 19) % 32;
        m->type = PX_TIMEX_DATE;
        if (mo == -2)
            px__put_week(m, easter);
        else
            px__put_day(m, easter);
        return e;
    }
    if (!d) {
        /* fourth Thursday of November */
        int wd1 = px__weekday((px_ymd){y, 11, 1});
        d = 1 + ((4 - wd1 + 7) % 7) + 21;
    }
    m->type = PX_TIMEX_DATE;
    px__put_day(m, (px_ymd){y, mo, d});
    return e;
}

/* "year-earlier", "year-ago" as adjectives, "the year-earlier period":
 * the year before, or the same quarter of it when the text is about
 * quarters. */
static size_t m_year_ago(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    if (fn(t, j) == FN_THE)
        j++;
    if (unit_at(t, j, NULL) != UNIT_YEAR || j + 1 >= t->n || !(t->a[j + 1].flags & AF_HYPH))
        return 0;
    int g = fn(t, j + 1);
    if (g != FN_AGO && g != FN_EARLIER)
        return 0;
    if (t->a[j].flags & AF_HYPH)
        return 0;
    size_t e = j + 2;
    if (word_is(t, e, "period"))
        e++;
    else if (j > i)
        return 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t))
        snprintf(m->value, sizeof(m->value), "XXXX");
    else if (t->st->quarter_y)
        snprintf(m->value, sizeof(m->value), "%04d-Q%d", t->st->quarter_y - 1, t->st->quarter_q);
    else
        snprintf(m->value, sizeof(m->value), "%04d", t->ref.y - 1);
    return e;
}

/* "the weekend": the last one in a past-tense clause, else the coming
 * one. "the year": this year, or a span of a year when it ends ("the
 * year ended June 30"). */
static size_t m_the_unit(const tagger *t, size_t i, match *m)
{
    if (fn(t, i) != FN_THE)
        return 0;
    size_t j = i + 1;
    bool full = false, fiscal = false;
    if (fn(t, j) == FN_FULL)
        full = true, j++;
    else if (fn(t, j) == FN_FISCAL)
        fiscal = true, j++;
    bool plural;
    int u = unit_at(t, j, &plural);
    if (!u || plural || (t->a[j].flags & AF_POSS))
        return 0;
    if (u == UNIT_WEEKEND && !full && !fiscal) {
        m->type = PX_TIMEX_DATE;
        m->relative = true;
        if (!has_ref(t)) {
            snprintf(m->value, sizeof(m->value), "XXXX-WXX-WE");
            return j + 1;
        }
        int wd = px__weekday(t->ref);
        px_ymd d = t->ref;
        if (px__tense_of(t, i, j + 1) != T_FUTURE && wd < 6)
            d = px__add_days(d, -7);
        px__put_week(m, d);
        strcat(m->value, "-WE");
        return j + 1;
    }
    if (u == UNIT_YEAR) {
        const atom *nx = j + 1 < t->n ? &t->a[j + 1] : NULL;
        if (nx && (nx->flags & AF_HYPH) && (fn(t, j + 1) == FN_AGO || fn(t, j + 1) == FN_EARLIER))
            return 0; /* "the year-ago results": see m_year_ago */
        if (nx && (nx->kind == A_NUM || (nx->lex && nx->lex->num >= 0) || fn(t, j + 1) == FN_OF ||
                   word_is(t, j + 1, "before") || word_is(t, j + 1, "after")))
            return 0;
        if (i > 0 && (word_is(t, i - 1, "of") && !full && !(i > 1 && word_is(t, i - 2, "months"))))
            return 0;
        if (!full && nx && (word_is(t, j + 1, "ended") || word_is(t, j + 1, "ending") ||
                            word_is(t, j + 1, "through"))) {
            m->type = PX_TIMEX_DURATION;
            snprintf(m->value, sizeof(m->value), "P1Y");
            return j + 1;
        }
        m->type = PX_TIMEX_DATE;
        m->relative = true;
        if (has_ref(t))
            snprintf(m->value, sizeof(m->value), "%04d", t->ref.y);
        else
            snprintf(m->value, sizeof(m->value), "XXXX");
        return j + 1;
    }
    return 0;
}

static size_t m_period_end(const tagger *t, size_t i, match *m);

typedef size_t (*pattern_fn)(const tagger *, size_t, match *);
static const pattern_fn patterns[] = {px__m_anaphoric, m_time, px__m_calendar, px__m_year, px__m_weekday,
                                      px__m_deictic, px__m_relative, px__m_quarter, px__m_duration,
                                      px__m_set,     m_season,   m_holiday, m_ref,
                                      m_year_ago, m_the_unit, m_period_end, px__m_pod};

/* The longest pattern at atom i. */
static size_t match_core(const tagger *t, size_t i, match *best)
{
    size_t best_end = 0;
    for (size_t p = 0; p < PX_ARRAY_LEN(patterns); p++) {
        match m;
        memset(&m, 0, sizeof(m));
        size_t e = patterns[p](t, i, &m);
        if (e > best_end) {
            best_end = e;
            *best = m;
        }
    }
    if (best_end) {
        best->a0 = i;
        best->a1 = best_end;
    }
    return best_end;
}

/* "the end of the month", "year-end", "year's end", "year end": the
 * current month or year. */
static size_t m_period_end(const tagger *t, size_t i, match *m)
{
    size_t e = 0;
    int unit = 0;
    if (fn(t, i) == FN_THE && fn(t, i + 1) == FN_END && fn(t, i + 2) == FN_OF &&
        (fn(t, i + 3) == FN_THE || fn(t, i + 3) == FN_THIS)) {
        unit = unit_at(t, i + 4, NULL);
        e = i + 5;
    } else if (unit_at(t, i, NULL) == UNIT_YEAR && fn(t, i + 1) == FN_END &&
               !lx(t, i)->plural && !(t->a[i].flags & AF_HYPH)) {
        unit = UNIT_YEAR; /* "year-end", "year end", "year's end" */
        e = i + 2;
    }
    if (!e || (unit != UNIT_MONTH && unit != UNIT_YEAR && unit != UNIT_WEEK) ||
        (e < t->n + 1 && lx(t, e - 1) && lx(t, e - 1)->plural))
        return 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t))
        snprintf(m->value, sizeof(m->value), "%s",
                 unit == UNIT_YEAR ? "XXXX" : unit == UNIT_MONTH ? "XXXX-XX" : "XXXX-WXX");
    else if (unit == UNIT_YEAR)
        snprintf(m->value, sizeof(m->value), "%04d", t->ref.y);
    else if (unit == UNIT_MONTH)
        snprintf(m->value, sizeof(m->value), "%04d-%02d", t->ref.y, t->ref.m);
    else
        px__put_week(m, t->ref);
    return e;
}

/* Modifiers that belong to the span without changing the value: "early,
 * "late", "mid-", "earlier", "later", "the end of", "the beginning of",
 * "the middle of", "around". */
size_t px__match_at(const tagger *t, size_t i, match *best)
{
    size_t j = i;
    int f = fn(t, i);
    /* "the day before last Tuesday", "the day after March 3" */
    if (f == FN_THE && unit_at(t, i + 1, NULL) == UNIT_DAY && !lx(t, i + 1)->plural &&
        (fn(t, i + 2) == FN_BEFORE || word_is(t, i + 2, "after"))) {
        match m;
        memset(&m, 0, sizeof(m));
        if (match_core(t, i + 3, &m) && m.type == PX_TIMEX_DATE && strlen(m.value) == 10 &&
            m.value[0] != 'X') {
            px_ymd d = {atoi(m.value), atoi(m.value + 5), atoi(m.value + 8)};
            *best = m;
            px__put_day(best, px__add_days(d, fn(t, i + 2) == FN_BEFORE ? -1 : 1));
            best->a0 = i;
            return best->a1;
        }
    }
    if (f == FN_EARLY || f == FN_LATE || f == FN_MID || f == FN_EARLIER || f == FN_LATER) {
        j = i + 1;
    } else if (f == FN_THE && (fn(t, i + 1) == FN_END || fn(t, i + 1) == FN_BEGINNING ||
                               fn(t, i + 1) == FN_MIDDLE || fn(t, i + 1) == FN_START) &&
               fn(t, i + 2) == FN_OF) {
        j = i + 3;
    }
    if (j > i) {
        match m;
        memset(&m, 0, sizeof(m));
        if (match_core(t, j, &m) && m.type != PX_TIMEX_DURATION && m.type != PX_TIMEX_SET &&
            strncmp(m.value, "P", 1) && !strstr(m.value, "_REF")) {
            /* "earlier"/"later" only before this/today: "later this year" */
            if (!((f == FN_EARLIER || f == FN_LATER) &&
                  !(fn(t, j) == FN_THIS || fn(t, j) == FN_THAT || fn(t, j) == FN_TODAY || fn(t, j) == FN_YESTERDAY ||
                    fn(t, j) == FN_TOMORROW || fn(t, j) == FN_TONIGHT || (lx(t, j) && lx(t, j)->wday)))) {
                *best = m;
                best->a0 = i;
                /* "late Saturday night" */
                return best->a1;
            }
        }
    }
    return match_core(t, i, best);
}
