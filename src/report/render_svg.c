/*
 * render_svg.c - the two pictures of the HTML report, inline SVG with no
 * script and no network: the coverage matrix (which outlet carries which
 * fact and quotation: a row per finding, a column per outlet) and the
 * timeline strip (the story's dated events top to bottom in date order,
 * the gaps between them said in words). Both are drawn 400 units wide
 * and scale to the page, so at a phone's width (412 px) their text stays
 * at its drawn size: labels sit on a line of their own above the cells,
 * and outlets are numbered, their names in a list under the picture.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../date/date.h"
#include "report.h"

enum {
    SVG_W = 400,        /* drawing width */
    MAX_COLUMNS = 40,   /* outlets drawn; more are counted in the caption */
    LABEL_CHARS = 62,   /* of a row's label at 11 units */
    MAX_EVENTS = 40     /* timeline events drawn */
};

static void esc(px_buf *b, const char *s)
{
    if (s)
        px__html_escape(b, s, strlen(s));
}

/* At most max characters of s (UTF-8), cut at a space, with an ellipsis. */
static void esc_cut(px_buf *b, const char *s, size_t max)
{
    size_t chars = 0, i = 0, last_space = 0;
    for (; s[i] && chars < max; chars++) {
        if (s[i] == ' ')
            last_space = i;
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    if (!s[i]) {
        esc(b, s);
        return;
    }
    size_t cut = last_space > i / 2 ? last_space : i;
    px__html_escape(b, s, cut);
    px_buf_puts(b, "…");
}

/* ---- coverage ---- */

typedef struct cov_row {
    const char *text;
    int kind; /* 0 fact, 1 quotation, 2 one outlet only */
    const px_fact *fact;
    const px_quote_group *quote;
} cov_row;

void px__svg_coverage(const px_story *s, px_buf *b)
{
    static const char *const fill[] = {"#2e7d32", "#1a56a8", "#d9822b"};
    static const char *const kind_name[] = {"fact", "quotation", "one outlet only"};
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    size_t cf = px__coverage_facts(s, 8), cq = px__coverage_quotes(s, 6);
    size_t nc = PX_MIN(s->n_claims, (size_t)4);
    size_t n_rows = cf + cq + nc;
    /* the outlets, numbered in the order they first appear */
    size_t *col_doc = px__malloc((s->n_docs ? s->n_docs : 1) * sizeof(size_t));
    size_t *col_of = px__malloc((s->n_docs ? s->n_docs : 1) * sizeof(size_t));
    cov_row *rows = px__malloc((n_rows ? n_rows : 1) * sizeof(cov_row));
    if (!col_doc || !col_of || !rows) {
        free(col_doc), free(col_of), free(rows);
        b->oom = true;
        return;
    }
    size_t n_cols = 0;
    for (size_t d = 0; d < s->n_docs; d++) {
        size_t id = s->outlet_id[d];
        if (id == d)
            col_doc[n_cols++] = d;
    }
    for (size_t d = 0; d < s->n_docs; d++)
        col_of[d] = SIZE_MAX;
    for (size_t c = 0; c < n_cols; c++)
        col_of[col_doc[c]] = c;
    for (size_t d = 0; d < s->n_docs; d++)
        col_of[d] = col_of[s->outlet_id[d]];
    size_t k = 0;
    for (size_t i = 0; i < cf; i++)
        rows[k++] = (cov_row){fs[i].text, 0, &fs[i], NULL};
    for (size_t i = 0; i < cq; i++)
        rows[k++] = (cov_row){qs[s->quote_order[i]].text, 1, NULL, &qs[s->quote_order[i]]};
    for (size_t i = 0; i < nc; i++) {
        const px__claim *c = &s->claims[i];
        rows[k++] = c->is_quote ? (cov_row){qs[c->index].text, 2, NULL, &qs[c->index]}
                                : (cov_row){fs[c->index].text, 2, &fs[c->index], NULL};
    }
    size_t drawn = PX_MIN(n_cols, (size_t)MAX_COLUMNS);
    if (!n_rows || !drawn) {
        free(col_doc), free(col_of), free(rows);
        return;
    }
    int cell = (int)PX_MIN((size_t)18, (SVG_W - 8) / drawn) - 2;
    int head = cell >= 10 ? 16 : 6, label_h = 14, row_h = label_h + cell + 8;
    int h = head + (int)n_rows * row_h + 4;
    px_buf_printf(b, "<figure><svg class=\"pic\" viewBox=\"0 0 %d %d\" role=\"img\" "
                     "xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"Which outlet carries which fact and "
                     "quotation\"><style>text{font:11px sans-serif;fill:#222}.n{font-size:9px;fill:#555;"
                     "text-anchor:middle}</style>\n",
                  SVG_W, h);
    /* column numbers */
    for (size_t c = 0; c < drawn && cell >= 10; c++)
        px_buf_printf(b, "<text class=\"n\" x=\"%d\" y=\"11\">%zu</text>", 4 + (int)c * (cell + 2) + cell / 2, c + 1);
    for (size_t r = 0; r < n_rows; r++) {
        const cov_row *row = &rows[r];
        int y = head + (int)r * row_h;
        px_buf_printf(b, "\n<text x=\"4\" y=\"%d\">", y + 11);
        esc_cut(b, row->text, LABEL_CHARS);
        px_buf_puts(b, "</text>");
        bool *on = px__calloc(drawn, sizeof(bool));
        bool *in = px__carriers(s, row->fact, row->quote);
        if (!on || !in) {
            free(on);
            free(in);
            b->oom = true;
            break;
        }
        for (size_t d = 0; d < s->n_docs; d++)
            if (col_of[d] < drawn && in[d])
                on[col_of[d]] = true;
        free(in);
        for (size_t c = 0; c < drawn; c++) {
            px_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\" fill=\"%s\" "
                             "stroke=\"%s\"><title>",
                          4 + (int)c * (cell + 2), y + label_h + 2, cell, cell, on[c] ? fill[row->kind] : "#f1f1f1",
                          on[c] ? fill[row->kind] : "#d6d6d6");
            esc(b, s->outlet[col_doc[c]]);
            px_buf_printf(b, ": %s</title></rect>", on[c] ? kind_name[row->kind] : "not carried");
        }
        free(on);
    }
    px_buf_puts(b, "\n</svg><figcaption>Each row a finding (<span style=\"color:#2e7d32\">■</span> fact "
                   "several outlets carry, <span style=\"color:#1a56a8\">■</span> quotation, "
                   "<span style=\"color:#d9822b\">■</span> reported by one outlet only), each column an "
                   "outlet:");
    if (n_cols > drawn)
        px_buf_printf(b, " the first %zu of %zu outlets", drawn, n_cols);
    px_buf_puts(b, "</figcaption><ol class=\"legend\">");
    for (size_t c = 0; c < drawn; c++) {
        px_buf_printf(b, "<li><a href=\"#%sd%zu\">", s->id_prefix ? s->id_prefix : "", col_doc[c]);
        esc(b, s->outlet[col_doc[c]]);
        px_buf_puts(b, "</a></li>");
    }
    px_buf_puts(b, "</ol></figure>\n");
    free(col_doc);
    free(col_of);
    free(rows);
}

/* ---- timeline ---- */

static const char *const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

/* The value as a reader says it: "15 May 2025", "week of 12 May 2025",
 * "May 2025", "2022", "the 1990s". */
static void say_value(px_buf *b, const char *v, const px__span *sp)
{
    px_ymd f = px__civil_from_days(sp->first);
    size_t n = strlen(v);
    long days = sp->last - sp->first + 1;
    if (days == 1)
        px_buf_printf(b, "%d %s %d", f.d, month_names[f.m - 1], f.y);
    else if (strstr(v, "-WE"))
        px_buf_printf(b, "weekend of %d %s %d", f.d, month_names[f.m - 1], f.y);
    else if (strchr(v, 'W'))
        px_buf_printf(b, "week of %d %s %d", f.d, month_names[f.m - 1], f.y);
    else if (n == 7 && v[4] == '-' && v[5] != 'Q' && v[5] != 'H')
        px_buf_printf(b, "%s %d", month_names[f.m - 1], f.y);
    else if (n == 3)
        px_buf_printf(b, "the %s0s", v);
    else
        esc(b, v);
}

/* "2 years later", "3 months later", "10 days later"; nothing under two
 * days. */
static void say_gap(px_buf *b, long days)
{
    if (days >= 730)
        px_buf_printf(b, "%ld years later", days / 365);
    else if (days >= 60)
        px_buf_printf(b, "%ld months later", days / 30);
    else if (days >= 14)
        px_buf_printf(b, "%ld weeks later", days / 7);
    else
        px_buf_printf(b, "%ld days later", days);
}

/* Days from the end of the events before event i to its start (none
 * when it falls within one: "March 2022" after "2022"). */
static long gap_after(const px_story *s, size_t i)
{
    long end = s->event_span[0].last;
    for (size_t k = 1; k < i; k++)
        end = s->event_span[k].last > end ? s->event_span[k].last : end;
    return s->event_span[i].first - end;
}

void px__svg_timeline(const px_story *s, px_buf *b)
{
    size_t n = PX_MIN(s->n_timeline, (size_t)MAX_EVENTS);
    if (!n)
        return;
    enum { ROW = 34, GAP = 14, TOP = 8 };
    /* heights: a row per event, a gap line where time jumps */
    int h = TOP;
    for (size_t i = 0; i < n; i++) {
        if (i && gap_after(s, i) >= 2)
            h += GAP;
        h += ROW;
    }
    px_buf_printf(b, "<figure><svg class=\"pic\" viewBox=\"0 0 %d %d\" role=\"img\" "
                     "xmlns=\"http://www.w3.org/2000/svg\" aria-label=\"The story's dated events in date "
                     "order\"><style>text{font:12px sans-serif;fill:#222}.d{font-weight:bold}.e{font-size:10px;"
                     "fill:#555}.g{font-size:10px;font-style:italic;fill:#8a6d00}</style>\n",
                  SVG_W, h);
    px_buf_printf(b, "<line x1=\"14\" y1=\"%d\" x2=\"14\" y2=\"%d\" stroke=\"#c5d3ea\" stroke-width=\"3\"/>\n",
                  TOP + 10, h - ROW + 10);
    px_buf tmp = PX_BUF_INIT;
    int y = TOP;
    for (size_t i = 0; i < n; i++) {
        const px_event *ev = &s->timeline[i];
        const px__span *sp = &s->event_span[i];
        if (i && gap_after(s, i) >= 2) {
            px_buf_printf(b, "<text class=\"g\" x=\"30\" y=\"%d\">", y + 9);
            say_gap(b, gap_after(s, i));
            px_buf_puts(b, "</text>\n");
            y += GAP;
        }
        size_t *docs;
        size_t m = px__cite_docs(s, ev->cites, ev->n_cites, true, &docs);
        if (m == (size_t)-1) {
            b->oom = true;
            break;
        }
        free(docs);
        double r = 4 + 1.5 * log((double)m + 1);
        if (r > 9)
            r = 9;
        long days = sp->last - sp->first + 1;
        const char *colour = days == 1 ? "#1a56a8" : days <= 31 ? "#5b8bd0" : "#9bb5e0";
        px_buf_printf(b, "<a href=\"#%sevent-%zu\"><circle cx=\"14\" cy=\"%d\" r=\"%.1f\" fill=\"%s\"><title>",
                      s->id_prefix ? s->id_prefix : "", i, y + 10, r, colour);
        esc(b, ev->value);
        px_buf_printf(b, ": %zu outlet%s</title></circle>", m, m == 1 ? "" : "s");
        px_buf_printf(b, "<text class=\"d\" x=\"30\" y=\"%d\">", y + 14);
        say_value(b, ev->value, sp);
        px_buf_puts(b, "</text>");
        px_buf_clear(&tmp);
        px_buf_printf(&tmp, "“%s” · %zu outlet%s · ", ev->expression ? ev->expression : "", m, m == 1 ? "" : "s");
        px_buf_puts(&tmp, ev->text ? ev->text : "");
        px_buf_printf(b, "<text class=\"e\" x=\"30\" y=\"%d\">", y + 27);
        esc_cut(b, tmp.ptr, 70);
        px_buf_puts(b, "</text></a>\n");
        y += ROW;
    }
    if (tmp.oom)
        b->oom = true;
    px_buf_release(&tmp);
    px_buf_puts(b, "</svg><figcaption>The dated events in date order (a week, a month or a year at its "
                   "start); the larger the dot, the more outlets date something to it.");
    if (s->n_timeline > n)
        px_buf_printf(b, " The first %zu of %zu.", n, s->n_timeline);
    px_buf_puts(b, "</figcaption></figure>\n");
}
