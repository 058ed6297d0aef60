/*
 * pat_relative.c - patterns whose value is counted from the reference
 * date or from the last date the article named: "last week", "this
 * year", "the following year", "that day", quarters and halves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* [the] this/last/next/coming/past/previous/current/following + unit:
 * "last week", "this year", "next month", "the past year", "last fall". */
size_t px__m_relative(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    bool the = false;
    if (fn(t, j) == FN_THE)
        the = true, j++;
    int rel = fn(t, j);
    if (!(rel == FN_THIS || rel == FN_LAST || rel == FN_NEXT || rel == FN_COMING ||
          rel == FN_PAST || rel == FN_PREVIOUS || rel == FN_CURRENT || rel == FN_FOLLOWING))
        return 0;
    if (the && rel == FN_THIS)
        return 0;
    if (!the && (rel == FN_PREVIOUS || rel == FN_FOLLOWING || rel == FN_CURRENT))
        return 0;
    j++;
    if (fn(t, j) == FN_FISCAL)
        j++;
    const px_date_lex *l = lx(t, j);
    if (!l || l->plural)
        return 0;
    int unit = l->unit, season = l->season;
    if (!unit && !season)
        return 0;
    if (unit && (t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_HYPH) &&
        !(t->a[j].flags & AF_ALLCAPS))
        return 0; /* a title: "This Week" */
    if (unit == UNIT_QUARTER || unit == UNIT_HALF || unit == UNIT_SECOND ||
        unit == UNIT_MINUTE || unit == UNIT_HOUR || unit == UNIT_NIGHT || unit == UNIT_SEASON)
        return 0;
    /* "this year's third quarter" belongs to the quarter pattern */
    if ((t->a[j].flags & AF_POSS) && lx(t, j + 1) &&
        (lx(t, j + 1)->ord || unit_at(t, j + 1, NULL) == UNIT_QUARTER))
        return 0;
    size_t e = j + 1;
    int delta = rel == FN_LAST || rel == FN_PAST || rel == FN_PREVIOUS ? -1
              : rel == FN_NEXT || rel == FN_COMING || rel == FN_FOLLOWING ? 1 : 0;
    m->type = PX_TIMEX_DATE;
    m->relative = true;
    if (!has_ref(t)) {
        static const char *const unknown[] = {"", "", "", "", "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX",
                                              "XXXX-QX", "XXXX", "XXX", "XX", "XXXX-WXX-WE"};
        if (season)
            snprintf(m->value, sizeof(m->value), "XXXX-%s", px__season_code[season]);
        else
            snprintf(m->value, sizeof(m->value), "%s", unit < 12 ? unknown[unit] : "XXXX");
        return e;
    }
    px_ymd r = t->ref;
    if (season) {
        /* seasons on one line: winter belongs to the year it begins in
         * (December 1997 to February 1998 is 1997-WI) */
        int cur = r.m <= 2 ? (r.y - 1) * 4 + 3 : r.y * 4 + season_of(r.m) - 1;
        int y = cur / 4 + (season - 1 < cur % 4 && delta > 0 ? 1 : 0);
        if (delta > 0 && season - 1 == cur % 4)
            y++;
        if (delta < 0) {
            y = cur / 4 - (season - 1 >= cur % 4 ? 1 : 0);
            /* "last spring" is last year's; "this past spring" the latest */
            if (rel == FN_LAST && season != 4)
                y = r.y - 1;
        } else if (delta == 0 && season != 4) {
            y = r.y;
        }
        snprintf(m->value, sizeof(m->value), "%04d-%s", y, px__season_code[season]);
        return e;
    }
    switch (unit) {
    case UNIT_DAY:
        if (rel != FN_FOLLOWING && rel != FN_PREVIOUS && rel != FN_PAST)
            return 0;
        px__put_day(m, px__add_days(r, delta));
        break;
    case UNIT_WEEK: px__put_week(m, px__add_days(r, 7 * delta)); break;
    case UNIT_FORTNIGHT: return 0;
    case UNIT_WEEKEND: {
        px_ymd d = px__add_days(r, 7 * delta);
        if (delta < 0 && px__weekday(r) >= 6)
            d = px__add_days(r, 0);
        px__put_week(m, d);
        strcat(m->value, "-WE");
        break;
    }
    case UNIT_MONTH: {
        px_ymd d = px__add_months(r, delta);
        snprintf(m->value, sizeof(m->value), "%04d-%02d", d.y, d.m);
        break;
    }
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "%04d", r.y + delta); break;
    case UNIT_DECADE: snprintf(m->value, sizeof(m->value), "%03d", r.y / 10 + delta); break;
    case UNIT_CENTURY: snprintf(m->value, sizeof(m->value), "%02d", r.y / 100 + delta); break;
    default: return 0;
    }
    return e;
}

/* Expressions that count from the last date the text named, not from the
 * reference date: "the following year", "the previous day", "the next
 * day", "that month", "the same day", "that same week". A story that
 * says "In 1995 ... The following year" means 1996 whenever it was
 * written. With no date named before, they count from the reference
 * date. */
size_t px__m_anaphoric(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int rel;
    if (fn(t, j) == FN_THE) {
        rel = fn(t, j + 1);
        if (rel != FN_FOLLOWING && rel != FN_PREVIOUS && rel != FN_SAME && rel != FN_NEXT)
            return 0;
        j += 2;
    } else if (fn(t, j) == FN_THAT) {
        rel = FN_SAME;
        j++;
        if (fn(t, j) == FN_SAME)
            j++;
    } else {
        return 0;
    }
    bool plural;
    int unit = unit_at(t, j, &plural);
    if (plural || (unit != UNIT_DAY && unit != UNIT_WEEK && unit != UNIT_MONTH &&
                   unit != UNIT_YEAR))
        return 0;
    if (rel == FN_NEXT && unit != UNIT_DAY)
        return 0; /* "in the next year" counts from now */
    if (unit != UNIT_DAY && (t->a[j].flags & AF_CAP) && !(t->a[j].flags & AF_ALLCAPS))
        return 0; /* a title: "That Week" */
    int y = t->st->last_y, mo = t->st->last_m, d = t->st->last_d;
    if (!y) {
        if (!has_ref(t))
            return 0;
        y = t->ref.y, mo = t->ref.m, d = t->ref.d;
    }
    int delta = rel == FN_PREVIOUS ? -1 : rel == FN_SAME ? 0 : 1;
    m->type = PX_TIMEX_DATE;
    switch (unit) {
    case UNIT_YEAR: snprintf(m->value, sizeof(m->value), "%04d", y + delta); break;
    case UNIT_MONTH:
        if (mo) {
            px_ymd x = px__add_months((px_ymd){y, mo, 1}, delta);
            snprintf(m->value, sizeof(m->value), "%04d-%02d", x.y, x.m);
        } else {
            snprintf(m->value, sizeof(m->value), "%04d-XX", y);
        }
        break;
    case UNIT_WEEK:
        if (d)
            px__put_week(m, px__add_days((px_ymd){y, mo, d}, 7 * delta));
        else
            snprintf(m->value, sizeof(m->value), "%04d-WXX", y);
        break;
    default:
        if (d)
            px__put_day(m, px__add_days((px_ymd){y, mo, d}, delta));
        else if (mo && !delta)
            snprintf(m->value, sizeof(m->value), "%04d-%02d-XX", y, mo);
        else
            snprintf(m->value, sizeof(m->value), "%04d-XX-XX", y);
        break;
    }
    return j + 1;
}

/* Notes the date a match names, for the anaphoric expressions after it. */
void px__note_anchor(doc_state *st, const match *m)
{
    const char *v = m->value;
    if (m->type != PX_TIMEX_DATE && m->type != PX_TIMEX_TIME)
        return;
    for (int k = 0; k < 4; k++)
        if (v[k] < '0' || v[k] > '9')
            return;
    if (v[4] && v[4] != '-')
        return;
    int y = atoi(v), mo = 0, d = 0;
    if (v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9') {
        mo = (v[5] - '0') * 10 + (v[6] - '0');
        if (v[7] == '-' && v[8] >= '0' && v[8] <= '9' && v[9] >= '0' && v[9] <= '9')
            d = (v[8] - '0') * 10 + (v[9] - '0');
    }
    if (mo < 1 || mo > 12)
        mo = d = 0;
    /* a coarser mention of the period last named ("in June 1998 ...
     * later that year") keeps its precision */
    if (y == st->last_y && (!mo || mo == st->last_m)) {
        if (!mo)
            mo = st->last_m;
        if (!d)
            d = st->last_d;
    }
    st->last_y = y, st->last_m = mo, st->last_d = d;
}

/* The year an "of" phrase names: "1990", "fiscal 1990", "next year",
 * "this year", "last year". Returns the end atom, 0 if none. */
size_t px__year_of(const tagger *t, size_t k, int *y)
{
    if (fn(t, k) == FN_FISCAL)
        k++;
    size_t e = px__parse_year(t, k, y);
    if (e)
        return e;
    int f = fn(t, k);
    if ((f == FN_THIS || f == FN_LAST || f == FN_NEXT) && unit_at(t, k + 1, NULL) == UNIT_YEAR &&
        !lx(t, k + 1)->plural && !(t->a[k + 1].flags & AF_POSS) && has_ref(t)) {
        *y = t->ref.y + (f == FN_LAST ? -1 : f == FN_NEXT ? 1 : 0);
        return k + 2;
    }
    return 0;
}

/* Quarters and halves: "the third quarter", "third-quarter", "the latest
 * quarter", "the 1988 second quarter", "this year's first quarter",
 * "the year-ago quarter", "the first half". */
size_t px__m_quarter(const tagger *t, size_t i, match *m)
{
    size_t j = i;
    int y = 0, q = 0, yoff = 0;
    enum { Q_NONE, Q_LATEST, Q_CURRENT, Q_LAST, Q_NEXT } which = Q_NONE;
    if (fn(t, j) == FN_THE)
        j++;
    /* year in front: "the 1988 second quarter", "this year's", "year-ago" */
    int yy;
    if (fn(t, j) == FN_FISCAL && px__parse_year(t, j + 1, &yy) && px__parse_ordinal(t, j + 2, &(int){0})) {
        y = yy; /* "fiscal 1990 first quarter" */
        j += 2;
    } else if (px__parse_year(t, j, &yy) && j > i) {
        y = yy;
        j++;
    } else if ((fn(t, j) == FN_THIS || fn(t, j) == FN_LAST || fn(t, j) == FN_NEXT) &&
               unit_at(t, j + 1, NULL) == UNIT_YEAR && (t->a[j + 1].flags & AF_POSS)) {
        yoff = fn(t, j) == FN_LAST ? -1 : fn(t, j) == FN_NEXT ? 1 : 0;
        y = -1;
        j += 2;
    } else if (unit_at(t, j, NULL) == UNIT_YEAR && j + 1 < t->n &&
               (t->a[j + 1].flags & AF_HYPH) &&
               (fn(t, j + 1) == FN_AGO || fn(t, j + 1) == FN_EARLIER)) {
        yoff = -1;
        y = -1;
        which = Q_LATEST;
        j += 2;
    }
    if (fn(t, j) == FN_FISCAL)
        j++;
    int ordv;
    size_t eo = px__parse_ordinal(t, j, &ordv);
    if (eo && ordv >= 1 && ordv <= 4) {
        q = ordv;
        j = eo;
    } else if (fn(t, j) == FN_LATEST || fn(t, j) == FN_SAME) {
        which = Q_LATEST;
        j++;
    } else if (fn(t, j) == FN_CURRENT || (fn(t, j) == FN_THIS && y == 0)) {
        which = Q_CURRENT;
        j++;
    } else if ((fn(t, j) == FN_LAST || fn(t, j) == FN_PREVIOUS) && y == 0) {
        which = Q_LAST;
        j++;
    } else if (fn(t, j) == FN_NEXT && y == 0) {
        which = Q_NEXT;
        j++;
    }
    if (fn(t, j) == FN_FISCAL)
        j++;
    bool plural = false;
    int u = unit_at(t, j, &plural);
    /* "the 1988 quarter", "the 1988 period" in a quarterly report: the
     * quarter last named, in that year */
    bool same_q = y > 0 && q == 0 && which == Q_NONE && fn(t, i) == FN_THE &&
                  t->st->quarter_q && (u == UNIT_QUARTER || word_is(t, j, "period")) &&
                  !plural;
    if (word_is(t, j, "period") && (which == Q_LATEST || same_q) && t->st->quarter_y)
        u = UNIT_QUARTER; /* "the latest period" of a quarterly report */
    if (same_q)
        q = t->st->quarter_q;
    if ((u != UNIT_QUARTER && u != UNIT_HALF) || plural)
        return 0;
    if (u == UNIT_HALF && which == Q_LAST && !plural && fn(t, j + 1) == FN_OF &&
        px__year_of(t, j + 2, &yy))
        q = 2, which = Q_NONE; /* "the last half of 1989" */
    if (u == UNIT_HALF && !q)
        return 0;
    if (u == UNIT_HALF && q > 2)
        return 0;
    size_t e = j + 1;
    /* "quarter of 1990", "the first half of next year" */
    size_t ey;
    if (fn(t, e) == FN_OF && y == 0 && (ey = px__year_of(t, e + 1, &yy)) != 0) {
        y = yy, e = ey;
    }
    bool bare = !q && which == Q_NONE;
    if (bare && y == -1 && u == UNIT_QUARTER && t->st->quarter_q) {
        q = t->st->quarter_q; /* "last year's quarter": the one reported */
        bare = false;
    }
    if (bare && (fn(t, i) != FN_THE || y != 0))
        return 0; /* "quarter" alone is not a date */
    if (bare)
        which = Q_LATEST;
    m->type = PX_TIMEX_DATE;
    char prefix = u == UNIT_HALF ? 'H' : 'Q';
    if (!has_ref(t) && y <= 0) {
        if (q)
            snprintf(m->value, sizeof(m->value), "XXXX-%c%d", prefix, q);
        else
            snprintf(m->value, sizeof(m->value), "XXXX-QX");
        return e;
    }
    int rq = has_ref(t) ? (t->ref.m - 1) / 3 + 1 : 1;
    int ry = t->ref.y;
    if (!q) {
        switch (which) {
        case Q_LATEST: q = rq - 1; break;
        case Q_CURRENT: q = rq; break;
        case Q_LAST: q = rq - 1; break;
        case Q_NEXT: q = rq + 1; break;
        default: q = rq; break;
        }
        if (q < 1)
            q = 4, ry--;
        if (q > 4)
            q = 1, ry++;
        if (y == -1)
            y = ry + yoff;
        else if (y == 0)
            y = ry;
        m->relative = true;
    } else if (y == -1) {
        y = ry + yoff;
        m->relative = true;
    } else if (y == 0) {
        int cur = u == UNIT_HALF ? (t->ref.m - 1) / 6 + 1 : rq;
        y = ry;
        if (q > cur && px__tense_of(t, i, e) != T_FUTURE)
            y--;
        m->relative = true;
    }
    snprintf(m->value, sizeof(m->value), "%04d-%c%d", y, prefix, q);
    m->quarter = prefix == 'Q' && yoff == 0 && !same_q;
    return e;
}
