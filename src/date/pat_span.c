/*
 * pat_span.c - patterns of length and repetition: durations ("30 days",
 * "the past two years", "a week") and sets ("every week", "daily"), and
 * a second day coordinated with a date ("April 24 and 25").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

void px__put_duration(match *m, int unit, long n, bool fuzzy)
{
    char num[24];
    if (fuzzy)
        snprintf(num, sizeof(num), "X");
    else
        snprintf(num, sizeof(num), "%ld", n);
    switch (unit) {
    case UNIT_SECOND: snprintf(m->value, sizeof(m->value), "PT%sS", num); break;
    case UNIT_MINUTE: snprintf(m->value, sizeof(m->value), "PT%sM", num); break;
    case UNIT_HOUR: snprintf(m->value, sizeof(m->value), "PT%sH", num); break;
    case UNIT_NIGHT:
    case UNIT_DAY: snprintf(m->value, sizeof(m->value), "P%sD", num); break;
    case UNIT_WEEK: snprintf(m->value, sizeof(m->value), "P%sW", num); break;
    case UNIT_FORTNIGHT:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXW");
        else
            snprintf(m->value, sizeof(m->value), "P%ldW", 2 * n);
        break;
    case UNIT_WEEKEND: snprintf(m->value, sizeof(m->value), "P%sWE", num); break;
    case UNIT_MONTH: snprintf(m->value, sizeof(m->value), "P%sM", num); break;
    case UNIT_QUARTER: snprintf(m->value, sizeof(m->value), "P%sQ", num); break;
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "P%sY", num); break;
    case UNIT_DECADE:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXDE");
        else
            snprintf(m->value, sizeof(m->value), "P%ldY", 10 * n);
        break;
    case UNIT_CENTURY:
        if (fuzzy)
            snprintf(m->value, sizeof(m->value), "PXCE");
        else
            snprintf(m->value, sizeof(m->value), "P%ldY", 100 * n);
        break;
    default: snprintf(m->value, sizeof(m->value), "PX"); break;
    }
}

/* A date n units before (sign -1) or after the reference. */
static void put_shifted(const tagger *t, match *m, int unit, long n, int sign, bool fuzzy)
{
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (fuzzy) {
        snprintf(m->value, sizeof(m->value), "%s", sign < 0 ? "PAST_REF" : "FUTURE_REF");
        return;
    }
    if (!has_ref(t)) {
        snprintf(m->value, sizeof(m->value), "XXXX-XX-XX");
        return;
    }
    px_ymd r = t->ref;
    long k = sign * n;
    switch (unit) {
    case UNIT_SECOND:
    case UNIT_MINUTE:
    case UNIT_HOUR: px__put_day(m, r); break;
    case UNIT_NIGHT:
    case UNIT_DAY: px__put_day(m, px__add_days(r, k)); break;
    case UNIT_WEEKEND:
    case UNIT_WEEK:
        if (n <= 1)
            px__put_day(m, px__add_days(r, 7 * k));
        else
            px__put_week(m, px__add_days(r, 7 * k));
        break;
    case UNIT_FORTNIGHT: px__put_day(m, px__add_days(r, 14 * k)); break;
    case UNIT_MONTH: {
        px_ymd d = px__add_months(r, (int)k);
        snprintf(m->value, sizeof(m->value), "%04d-%02d", d.y, d.m);
        break;
    }
    case UNIT_QUARTER: {
        px_ymd d = px__add_months(r, (int)(3 * k));
        snprintf(m->value, sizeof(m->value), "%04d-Q%d", d.y, (d.m - 1) / 3 + 1);
        break;
    }
    case UNIT_YEAR:
        if (n == 1 && sign < 0 && t->st->quarter_y)
            /* results compared with "a year ago": the same quarter */
            snprintf(m->value, sizeof(m->value), "%04d-Q%d", t->st->quarter_y - 1,
                     t->st->quarter_q);
        else
            snprintf(m->value, sizeof(m->value), "%04ld", r.y + k);
        break;
    case UNIT_DECADE: snprintf(m->value, sizeof(m->value), "%04ld", r.y + 10 * k); break;
    case UNIT_CENTURY: snprintf(m->value, sizeof(m->value), "%02ld", (r.y + 100 * k) / 100); break;
    default: px__put_day(m, r); break;
    }
}

/* Durations and shifted dates: "30 days", "two years", "a decade",
 * "nearly forty years", "more than four hours", "several years", "a few
 * days", "30-day", "two years ago", "a year earlier", "the past two
 * months", "the first nine months", "the next few days". */
size_t px__m_duration(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    /* "will one day be": some day to come, not a span of one day */
    if (t->a[i].len == 3 && word_is(t, i, "one") && unit_at(t, i + 1, NULL) == UNIT_DAY &&
        !lx(t, i + 1)->plural && i > 0) {
        static const char *const modals[] = {"can", "could", "may", "might", "must", "shall",
                                             "should", "will", "would"};
        for (size_t k = 0; k < PX_ARRAY_LEN(modals); k++)
            if (word_is(t, i - 1, modals[k])) {
                m->type = PX_TIMEX_DATE;
                m->relative = true;
                snprintf(m->value, sizeof(m->value), "FUTURE_REF");
                return i + 2;
            }
    }
    /* approximation words stay in the span */
    for (int guard = 0; guard < 3; guard++) {
        int f = fn(t, j);
        if (f == FN_APPROX || f == FN_OVER) {
            j++;
        } else if ((f == FN_MORE || f == FN_LESS) && fn(t, j + 1) == FN_THAN) {
            j += 2;
        } else if (f == FN_AT && fn(t, j + 1) == FN_LEAST) {
            j += 2;
        } else if (f == FN_UP && fn(t, j + 1) == FN_TO) {
            j += 2;
        } else if (f == FN_NO && fn(t, j + 1) == FN_MORE && fn(t, j + 2) == FN_THAN) {
            j += 3;
        } else {
            break;
        }
    }
    bool the = false, span_rel = false;
    int rel = FN_NONE;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    int f = fn(t, j);
    if (f == FN_PAST || f == FN_LAST || f == FN_NEXT || f == FN_COMING || f == FN_PREVIOUS ||
        f == FN_FOLLOWING) {
        rel = f;
        span_rel = true;
        j++;
        if (f == FN_COMING && !the && px__parse_number(t, j, &(long){0}, false) == 0)
            return 0; /* "coming months": FUTURE_REF */
    } else if (the && px__parse_ordinal(t, j, &(int){0}) && !strcmp(t->a[j].low, "first")) {
        span_rel = true; /* "the first nine months" */
        j++;
    }
    long n = 1;
    bool fuzzy = false, have_n = false, half = false;
    size_t e = 0;
    int g = fn(t, j);
    /* "a few", "a couple of" before "a" alone as one */
    if (g == FN_A && fn(t, j + 1) == FN_FEW)
        fuzzy = true, j += 2, have_n = true;
    else if (g == FN_A && fn(t, j + 1) == FN_COUPLE && fn(t, j + 2) == FN_OF)
        n = 2, j += 3, have_n = true;
    else if ((e = px__parse_number(t, j, &n, !span_rel)) != 0) {
        have_n = true;
        j = e;
        if (word_is(t, j, "1/2"))
            half = true, j++; /* "2 1/2 years" */
    } else if (g == FN_COUPLE && fn(t, j + 1) == FN_OF && span_rel)
        n = 2, j += 2, have_n = true;
    else if (g == FN_FEW || g == FN_SEVERAL || g == FN_MANY || g == FN_SOME)
        fuzzy = true, j++, have_n = true;
    if (fn(t, j) == FN_MORE || word_is(t, j, "additional") || word_is(t, j, "full"))
        j++;
    /* "eight trading days", "ten business days" */
    if (have_n && (word_is(t, j, "trading") || word_is(t, j, "business") ||
                   word_is(t, j, "working") || word_is(t, j, "calendar")) &&
        unit_at(t, j + 1, NULL) == UNIT_DAY)
        j++;
    bool plural = false;
    int unit = unit_at(t, j, &plural);
    if (!unit || unit == UNIT_HALF || unit == UNIT_SEASON)
        return 0;
    /* "30-day", "two-year": adjectives, singular after a hyphen */
    bool hyph = (t->a[j].flags & AF_HYPH) != 0;
    if (!have_n && the && !span_rel && plural && j == i + 1 && !(t->a[j].flags & AF_HYPH) &&
        unit != UNIT_NIGHT && unit != UNIT_WEEKEND && unit != UNIT_QUARTER) {
        /* "the weeks ahead", "(over) the years": a span of unknown length */
        size_t e2 = 0;
        if (word_is(t, j + 1, "ahead"))
            e2 = j + 2;
        else if (word_is(t, j + 1, "to") && word_is(t, j + 2, "come"))
            e2 = j + 3;
        else if (i > 0 && word_is(t, i - 1, "over") && unit >= UNIT_DAY)
            e2 = j + 1;
        if (e2) {
            m->type = PX_TIMEX_DURATION;
            px__put_duration(m, unit, 0, true);
            return e2;
        }
    }
    if (!have_n) {
        if (!plural || (t->a[j].flags & AF_HYPH))
            return 0; /* "the past year" is the relative pattern */
        if (!span_rel) {
            /* "years ago"; "for years", "within weeks" */
            int p = j > 0 ? fn(t, j - 1) : FN_NONE;
            if (fn(t, j + 1) == FN_AGO) {
                put_shifted(t, m, unit, 0, -1, true);
                return j + 2;
            }
            /* "within weeks", "for years", "the first time in years":
             * a span of unknown length (TimeML PXY) */
            bool ok = j == i && (p == FN_WITHIN || p == FN_FOR ||
                                 (p == FN_IN && j + 1 < t->n && t->a[j + 1].kind == A_PUNCT));
            if (!ok || unit == UNIT_NIGHT || unit == UNIT_WEEKEND || unit == UNIT_QUARTER)
                return 0;
        }
        fuzzy = true;
    }
    if (have_n && !fuzzy && n == 1 && plural && !hyph)
        return 0;
    if (have_n && !fuzzy && n > 1 && !plural && !hyph && unit != UNIT_HOUR &&
        !(j + 1 < t->n && t->a[j + 1].kind == A_WORD && !(t->a[j + 1].flags & AF_CAP) &&
          !t->a[j + 1].lex))
        return 0; /* "two day rally" is fine, "two day" alone is not */
    if (fuzzy == false && n > 1 && unit == UNIT_QUARTER && hyph)
        return 0; /* "three-quarters": a fraction */
    e = j + 1;
    /* ages are not time expressions: "6-year-old", "52 years old" */
    if (fn(t, e) == FN_OLD)
        return 0;
    /* money and counts are not durations: "$5 a year" is a rate */
    if (i > 0 && t->a[i].kind == A_NUM && t->a[i - 1].kind == A_OTHER && t->a[i - 1].low[0] == '$')
        return 0;
    if (!hyph && !span_rel) {
        g = fn(t, e);
        if (g == FN_AGO) {
            put_shifted(t, m, unit, n, -1, fuzzy);
            return e + 1;
        }
        if (g == FN_EARLIER && !the) {
            put_shifted(t, m, unit, n, -1, fuzzy);
            return e + 1;
        }
        /* "two days before the vote", "three days later" count from an
         * event, not from the reference date: the span of time is what
         * can be told, and TimeML leaves "later" out of it */
    }
    /* "a minute and a half", "a year and a half" */
    if (have_n && !fuzzy && !hyph && fn(t, e) == FN_AND && fn(t, e + 1) == FN_A &&
        word_is(t, e + 2, "half"))
        half = true, e += 3;
    /* "a year" alone is ambiguous ("once a year"); keep it only as a
     * span of time after a preposition of duration */
    if (!span_rel && fn(t, i) == FN_A && !fuzzy && !half && j == i + 1) {
        /* "a week" is a span of time after a word that asks for one
         * ("within a week", "barely a month", "offered him a week"); after
         * an amount it is a rate ("$2 million a year", "700 seats a
         * week"), which annotators mostly leave alone */
        if (i == 0 || unit == UNIT_NIGHT || unit == UNIT_WEEKEND || unit == UNIT_SECOND ||
            !px__before_span(t->a[i - 1].low))
            return 0;
        if (word_is(t, i - 1, "once") || word_is(t, i - 1, "twice")) {
            m->type = PX_TIMEX_SET;
            px__put_duration(m, unit, 1, false);
            return e;
        }
    }
    if (unit == UNIT_QUARTER && !plural &&
        (fn(t, e) == FN_OF || (e < t->n && (t->a[e].flags & AF_HYPH))))
        return 0; /* "a quarter of the market", "quarter-to-quarter" */
    /* "the first two quarters of 1990" is its first half */
    int yy;
    size_t ey;
    if (the && unit == UNIT_QUARTER && plural && have_n && !fuzzy && n == 2 &&
        (rel == FN_LAST || (rel == FN_NONE && span_rel)) && fn(t, e) == FN_OF &&
        (ey = px__year_of(t, e + 1, &yy)) != 0) {
        m->type = PX_TIMEX_DATE;
        snprintf(m->value, sizeof(m->value), "%04d-H%d", yy, rel == FN_LAST ? 2 : 1);
        return ey;
    }
    m->type = PX_TIMEX_DURATION;
    px__put_duration(m, unit, n, fuzzy);
    if (half && !fuzzy) {
        /* half a unit in the next smaller one */
        static const char *const half_of[] = {
            [UNIT_MINUTE] = "PT%ldM30S", [UNIT_HOUR] = "PT%ldH30M", [UNIT_DAY] = "P%ldDT12H",
            [UNIT_MONTH] = "P%ldM15D", [UNIT_YEAR] = "P%ldY6M"};
        if ((size_t)unit < PX_ARRAY_LEN(half_of) && half_of[unit])
            snprintf(m->value, sizeof(m->value), half_of[unit], n);
    }
    return e;
}

/* A day number coordinated with the full date m names ("April 24 and
 * 25", "June 5 or 6"): fills *m2 and returns true. */
bool px__second_day(const tagger *t, const match *m, match *m2)
{
    size_t k = m->a1;
    if (m->type != PX_TIMEX_DATE || strlen(m->value) != 10 || m->value[0] == 'X' ||
        !(fn(t, k) == FN_AND || word_is(t, k, "or")) || k + 1 >= t->n)
        return false;
    const atom *a = &t->a[k + 1];
    if (a->kind != A_NUM || a->ndig > 2 || (a->flags & AF_HYPH) || (a->flags & AF_POSS))
        return false;
    int d0 = atoi(m->value + 8), d = a->num;
    int y = atoi(m->value), mo = atoi(m->value + 5);
    if (d <= d0 || d > px__days_in_month(y, mo))
        return false;
    /* "May 5 and 6 others", "June 3 and 4 percent": a count */
    const atom *b = k + 2 < t->n ? &t->a[k + 2] : NULL;
    if (b && (b->kind == A_WORD || b->kind == A_OTHER || b->kind == A_NUM) &&
        !(b->kind == A_WORD && (b->flags & AF_CAP)))
        return false;
    *m2 = *m;
    m2->a0 = k + 1;
    m2->a1 = k + 2;
    px__put_day(m2, (px_ymd){y, mo, d});
    return true;
}

/* Sets: "every week", "each Thursday", "each July", "daily", "weekly",
 * "annually", "every other year". */
size_t px__m_set(const tagger *t, size_t i, match *m)
{
    int f = fn(t, i);
    /* "quarterly" and "annually" mostly qualify reports and dividends,
     * which TimeML does not tag */
    static const struct {
        int fn;
        const char *value;
    } adverbs[] = {{FN_DAILY, "P1D"}, {FN_WEEKLY, "P1W"}, {FN_MONTHLY, "P1M"},
                   {FN_HOURLY, "PT1H"}, {FN_NIGHTLY, "P1D"}};
    for (size_t k = 0; k < PX_ARRAY_LEN(adverbs); k++) {
        if (f == adverbs[k].fn) {
            if ((t->a[i].flags & AF_CAP) && i + 1 < t->n && (t->a[i + 1].flags & AF_CAP))
                return 0; /* a name: "Daily Express" */
            m->type = PX_TIMEX_SET;
            snprintf(m->value, sizeof(m->value), "%s", adverbs[k].value);
            return i + 1;
        }
    }
    /* "twice a week", "three times a year", "once every month": TimeML
     * takes the count into the span (freq="2X") and the period as value */
    {
        size_t k = i;
        long times = 0;
        if (is_once_twice(&t->a[i]))
            k++, times = 1;
        else if (word_is(t, k + 1, "times") && px__parse_number(t, k, &times, false) == k + 1)
            k += 2;
        else
            times = 0;
        if (times && (fn(t, k) == FN_A || fn(t, k) == FN_PER || fn(t, k) == FN_EVERY ||
                      fn(t, k) == FN_EACH)) {
            bool plural;
            int u = unit_at(t, k + 1, &plural);
            if (u && !plural && u != UNIT_HALF && u != UNIT_SEASON && u != UNIT_NIGHT) {
                m->type = PX_TIMEX_SET;
                px__put_duration(m, u, 1, false);
                return k + 2;
            }
        }
    }
    if (f != FN_EVERY && f != FN_EACH)
        return 0; /* "per second" is a unit of measure, not a set of times */
    size_t j = i + 1;
    long n = 1;
    if (fn(t, j) == FN_OTHER)
        n = 2, j++;
    else {
        size_t e = px__parse_number(t, j, &n, false);
        if (e && f == FN_EVERY)
            j = e;
        else
            n = 1;
    }
    const px_date_lex *l = lx(t, j);
    if (!l)
        return 0;
    m->type = PX_TIMEX_SET;
    if (l->wday && (t->a[j].flags & AF_CAP)) {
        snprintf(m->value, sizeof(m->value), "XXXX-WXX-%d", l->wday);
        return j + 1;
    }
    if (l->month && (t->a[j].flags & AF_CAP) && t->a[j].len > 3) {
        snprintf(m->value, sizeof(m->value), "XXXX-%02d", l->month);
        return j + 1;
    }
    if (l->season) {
        snprintf(m->value, sizeof(m->value), "XXXX-%s", px__season_code[l->season]);
        return j + 1;
    }
    if (l->pod && !l->unit) {
        snprintf(m->value, sizeof(m->value), "TXX%s", px__pod_code[l->pod]);
        return j + 1;
    }
    if (l->unit && l->unit != UNIT_HALF && l->unit != UNIT_SEASON &&
        (n > 1 ? l->plural || f == FN_EVERY : !l->plural)) {
        px__put_duration(m, l->unit, n, false);
        return j + 1;
    }
    return 0;
}
