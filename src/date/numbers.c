/*
 * numbers.c - what the patterns read from atoms (cardinals, ordinals,
 * days of the month, years) and what they write: calendar values (days,
 * ISO weeks), weekdays and months placed against the reference date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tagger.h"

/* ---- numbers ---- */

/* A cardinal at i: digits or words ("twenty-four", "two thousand").
 * Returns the end atom, 0 if none. allow_a: "a"/"an" count as 1. */
size_t px__parse_number(const tagger *t, size_t i, long *val, bool allow_a)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->num >= 0) {
        *val = a->num;
        return i + 1;
    }
    long total = 0, cur = 0;
    size_t j = i;
    bool any = false;
    while (j < t->n) {
        const px_date_lex *l = t->a[j].lex;
        if (!l || l->num < 0)
            break;
        if (l->fn == FN_A) {
            /* "a hundred", or "a" alone as one when allowed */
            const px_date_lex *nx = lx(t, j + 1);
            if (any)
                break;
            if (nx && (nx->num == 100 || nx->num == 1000 || nx->num == 12)) {
                cur = 1;
                j++;
                any = true;
                continue;
            }
            if (!allow_a)
                break;
            *val = 1;
            return j + 1;
        }
        long v = l->num;
        if (v == 100)
            cur = (cur ? cur : 1) * 100;
        else if (v == 1000)
            total += (cur ? cur : 1) * 1000, cur = 0;
        else if (v == 12 && !strcmp(t->a[j].low, "dozen"))
            cur = (cur ? cur : 1) * 12;
        else if (any && cur % 10 == 0 && cur % 100 >= 20 && v < 10)
            cur += v;
        else if (any && cur % 100 == 0 && cur > 0 && v < 100)
            cur += v;
        else if (any)
            break;
        else
            cur = v;
        any = true;
        j++;
    }
    if (!any)
        return 0;
    *val = total + cur;
    return j;
}

/* An ordinal at i: "third", "3rd", "30th". */
size_t px__parse_ordinal(const tagger *t, size_t i, int *val)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->lex && a->lex->ord) {
        *val = a->lex->ord;
        return i + 1;
    }
    if (a->kind == A_WORD && a->len >= 3 && a->len <= 4 && a->low[0] >= '0' &&
        a->low[0] <= '9') {
        int v = 0;
        size_t k = 0;
        while (k < a->len && a->low[k] >= '0' && a->low[k] <= '9')
            v = v * 10 + (a->low[k++] - '0');
        const char *suf = a->low + k;
        if (!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") ||
            !strcmp(suf, "th")) {
            *val = v;
            return i + 1;
        }
    }
    return 0;
}

/* A day of the month at i: 1..31 as digits or ordinal. */
size_t px__parse_day(const tagger *t, size_t i, int *d)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->ndig <= 2 && a->num >= 1 && a->num <= 31 && !(a->flags & AF_HYPH)) {
        *d = a->num;
        return i + 1;
    }
    int v;
    size_t e = px__parse_ordinal(t, i, &v);
    if (e && v >= 1 && v <= 31 && t->a[i].kind != A_NUM) {
        /* "first" as a day only in "May first"; digits+suffix always */
        *d = v;
        return e;
    }
    return 0;
}

/* A four-digit year at i. */
size_t px__parse_year(const tagger *t, size_t i, int *y)
{
    if (i >= t->n)
        return 0;
    const atom *a = &t->a[i];
    if (a->kind == A_NUM && a->ndig == 4 && a->num >= 1000 && a->num <= 2199 &&
        !strchr(a->low, ',')) {
        *y = a->num;
        return i + 1;
    }
    return 0;
}

/* A year in digits or spelled out ("nineteen ninety-four") at i. */
size_t px__parse_year_any(const tagger *t, size_t i, int *y)
{
    size_t e = px__parse_year(t, i, y);
    if (e)
        return e;
    const px_date_lex *l = i < t->n ? t->a[i].lex : NULL;
    if (l && l->num >= 11 && l->num <= 20 && !l->fn) {
        long rest;
        e = px__parse_number(t, i + 1, &rest, false);
        if (e && rest >= 10 && rest < 100) {
            *y = (int)(l->num * 100 + rest);
            return e;
        }
    }
    return 0;
}

/* ---- resolution helpers ---- */

/* Writes n (0 <= n < 10^width) as width digits; returns the end. */
static char *put_digits(char *o, int n, int width)
{
    for (int k = width - 1; k >= 0; k--, n /= 10)
        o[k] = (char)('0' + n % 10);
    return o + width;
}

void px__put_day(match *m, px_ymd d)
{
    if (d.y < 0 || d.y > 9999 || d.m < 0 || d.m > 99 || d.d < 0 || d.d > 99) {
        snprintf(m->value, sizeof(m->value), "%04d-%02d-%02d", d.y, d.m, d.d);
        return;
    }
    /* by hand: this runs for every candidate day, and snprintf costs more
     * than the rest of the pattern */
    char *o = put_digits(m->value, d.y, 4);
    *o++ = '-';
    o = put_digits(o, d.m, 2);
    *o++ = '-';
    o = put_digits(o, d.d, 2);
    *o = 0;
}

void px__put_week(match *m, px_ymd d)
{
    int wy;
    int w = px__iso_week(d, &wy);
    snprintf(m->value, sizeof(m->value), "%04d-W%02d", wy, w);
}

px_ymd px__resolve_weekday(const tagger *t, int wd, int rel, tense tn)
{
    int cur = px__weekday(t->ref);
    int diff = wd - cur;
    switch (rel) {
    case FN_LAST:
    case FN_PAST:
    case FN_PREVIOUS:
        if (diff >= 0)
            diff -= 7;
        break;
    case FN_NEXT:
    case FN_COMING:
    case FN_FOLLOWING:
        if (diff <= 0)
            diff += 7;
        break;
    case FN_THIS: break;
    default:
        if (tn == T_FUTURE) {
            if (diff < 0)
                diff += 7;
        } else if (diff > 0) {
            diff -= 7;
        }
    }
    return px__add_days(t->ref, diff);
}

/* The year of a month (and day) named without one. News looks back more
 * than ahead: in a past-tense clause the month is this year's if it is at
 * most two months ahead ("gave them until mid-November", written in
 * October), else last year's; with no cue, up to four months ahead is
 * this year's, and a month just after the turn of the year is next
 * year's. */
int px__year_for(const tagger *t, int m, int d, tense tn)
{
    int y = t->ref.y;
    int dm = m - t->ref.m;
    if (dm == 0 && d)
        dm = d > t->ref.d ? 1 : d < t->ref.d ? -1 : 0;
    if (tn == T_FUTURE) {
        if (dm < 0)
            y++;
    } else if (tn == T_PAST) {
        if (dm > 2)
            y--;
    } else {
        if (dm > 4)
            y--;
        else if (dm <= -9)
            y++;
    }
    return y;
}

const char *const px__season_code[] = {"", "SP", "SU", "FA", "WI"};
const char *const px__pod_code[] = {"", "MO", "AF", "EV", "NI"};
