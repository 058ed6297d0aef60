/*
 * calendar.c - the proleptic Gregorian calendar as day numbers (Howard
 * Hinnant's days_from_civil), so "three days before", weekdays and ISO
 * weeks are arithmetic on integers.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"

long px__days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

px_ymd px__civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    px_ymd r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

int px__weekday(px_ymd d)
{
    long z = px__days_from_civil(d.y, d.m, d.d);
    /* 1970-01-01 was a Thursday (4) */
    long w = ((z % 7) + 7 + 3) % 7; /* 0 Monday */
    return (int)w + 1;
}

int px__iso_week(px_ymd d, int *wy)
{
    /* the Thursday of d's week decides the year */
    long z = px__days_from_civil(d.y, d.m, d.d);
    int wd = px__weekday(d);
    px_ymd thu = px__civil_from_days(z - wd + 4);
    long jan1 = px__days_from_civil(thu.y, 1, 1);
    *wy = thu.y;
    return (int)((z - wd + 4 - jan1) / 7) + 1;
}

int px__days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 30;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

px_ymd px__add_days(px_ymd d, long n)
{
    return px__civil_from_days(px__days_from_civil(d.y, d.m, d.d) + n);
}

px_ymd px__add_months(px_ymd d, int n)
{
    int idx = d.y * 12 + (d.m - 1) + n;
    px_ymd r = {idx / 12, idx % 12 + 1, d.d};
    int dim = px__days_in_month(r.y, r.m);
    if (r.d > dim)
        r.d = dim;
    return r;
}

bool px__parse_ymd(const char *s, px_ymd *out)
{
    if (!s || strlen(s) < 10)
        return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    px_ymd r = {atoi(s), atoi(s + 5), atoi(s + 8)};
    if (r.m < 1 || r.m > 12 || r.d < 1 || r.d > px__days_in_month(r.y, r.m))
        return false;
    *out = r;
    return true;
}
