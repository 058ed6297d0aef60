/*
 * render_html.c - the report as one self-contained HTML page: inline CSS,
 * no script, no network, readable on a phone (viewport, one column that
 * reflows, tables that scroll sideways), the sections of
 * PX__REPORT_SECTIONS in their order. Conflicts show the sentences on
 * each side with their outlets; each outlet's wording of a quotation is
 * a word diff against the fullest version (<del> left out, <ins> added,
 * <mark> respelt or recased); what one outlet alone reports comes
 * heaviest first with the long tail folded in a <details>; the coverage
 * and the timeline are also pictures (render_svg.c). Every finding links
 * to the sentences it cites, which the page shows at the end with each
 * sentence anchored as #d<doc>-s<sentence>.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void esc(px_buf *b, const char *s)
{
    if (s)
        px__html_escape(b, s, strlen(s));
}

static const char css[] =
    "*{box-sizing:border-box}"
    "body{font:16px/1.5 -apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;margin:0;"
    "color:#1d1d1f;background:#fafafa}"
    "main{max-width:52rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.45rem;line-height:1.25;margin:.5rem 0}"
    "h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}"
    "h3{font-size:1rem;margin:1.2rem 0 .4rem}"
    "section{margin-bottom:1rem}"
    ".meta{color:#555;font-size:.9rem}"
    ".card{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:.7rem .9rem;"
    "margin:.6rem 0}"
    "blockquote{margin:.3rem 0;padding:.2rem .7rem;border-left:4px solid #8aa9d6;background:#f3f6fb}"
    ".occ{margin:.5rem 0;padding-left:.6rem;border-left:3px solid #ccc}"
    ".outlet{font-weight:600}"
    "del{background:#fde2e2;color:#8a1c1c}"
    "ins{background:#dff5e1;color:#17561f;text-decoration:none;border-bottom:2px solid #5cb86a}"
    "mark.case{background:#fff3c4}mark.spelling{background:#e6dcff}"
    "del.trunc{background:#eee;color:#777}"
    ".tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:1rem;"
    "background:#eef;color:#335;margin:.1rem .2rem .1rem 0}"
    ".tag.single{background:#ffe9d6;color:#7a3d00}.tag.ok{background:#dff5e1;color:#17561f}"
    ".tag.conflict{background:#fde2e2;color:#8a1c1c}"
    "ul{padding-left:1.2rem}li{margin:.25rem 0}"
    "a{color:#1a56a8}"
    ".scroll{overflow-x:auto}"
    "table{border-collapse:collapse;font-size:.85rem}"
    "th,td{border:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}"
    "td.y{text-align:center;color:#17561f;font-weight:700}"
    ".doc p{margin:.3rem 0}.doc .s:target{background:#fff3c4;outline:2px solid #e0b400}"
    ".missing{color:#7a3d00;font-style:italic}"
    ".side{margin:.4rem 0;padding:.3rem .6rem;border-left:4px solid #d9534f;background:#fff7f7}"
    ".side blockquote{border-left-color:#e8a5a5;background:#fff}"
    ".warn{background:#fde2e2;color:#8a1c1c;font-size:.8rem;padding:0 .35rem;border-radius:1rem}"
    ".why{color:#555;font-size:.8rem}"
    "details>summary{cursor:pointer;color:#1a56a8;margin:.4rem 0}"
    "figure{margin:.6rem 0}figcaption{color:#555;font-size:.85rem}"
    "svg.pic{width:100%;max-width:40rem;height:auto;display:block}"
    "ol.legend{font-size:.85rem;color:#333;columns:2;padding-left:1.6rem}"
    "@media (max-width:600px){main{padding:.6rem}body{font-size:15px}h1{font-size:1.25rem}}";

/* Anchors of the story being written: "" alone, "s2-" for the third of
 * several stories on one page. */
static const char *idp(const px_story *s)
{
    return s->id_prefix ? s->id_prefix : "";
}

static void sentence_link(px_buf *b, const px_story *s, const px_cite *c, const char *label)
{
    px_buf_printf(b, "<a href=\"#%sd%zu-s%zu\">", idp(s), c->doc, c->sentence);
    esc(b, label ? label : s->outlet[c->doc]);
    px_buf_puts(b, "</a>");
}

/* Links to the cited sentences, one per document named by its outlet,
 * further sentences of the same document numbered. */
static void cite_links(px_buf *b, const px_story *s, const px_cite *c, size_t n)
{
    size_t *same;
    if (px__cite_rank(c, n, &same)) {
        b->oom = true;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            px_buf_puts(b, same[i] ? " " : ", ");
        if (same[i]) {
            char label[32];
            snprintf(label, sizeof label, "[%zu]", same[i] + 1);
            sentence_link(b, s, &c[i], label);
        } else {
            sentence_link(b, s, &c[i], NULL);
        }
    }
    free(same);
}

static void missing(px_buf *b, const char *why)
{
    px_buf_puts(b, "<p class=\"missing\">Not in this report: ");
    esc(b, why);
    px_buf_puts(b, ".</p>\n");
}

static void diff_html(px_buf *b, const px_quote_occurrence *oc)
{
    for (size_t k = 0; k < oc->n_diff; k++) {
        const px_diff_word *d = &oc->diff[k];
        if (k) {
            const char *sep = oc->diff[k - 1].after;
            if (sep)
                esc(b, sep);
            else
                px_buf_putc(b, ' ');
        }
        switch (d->op) {
        case PX_DIFF_SAME:
            esc(b, d->here);
            break;
        case PX_DIFF_DEL:
            px_buf_printf(b, "<del%s title=\"%s\">", d->kind == PX_VARIANT_TRUNCATED ? " class=\"trunc\"" : "",
                          px_variant_kind_label(d->kind));
            esc(b, d->fullest);
            px_buf_puts(b, "</del>");
            break;
        case PX_DIFF_INS:
            px_buf_puts(b, "<ins title=\"words added\">");
            esc(b, d->here);
            px_buf_puts(b, "</ins>");
            break;
        case PX_DIFF_CHANGE:
            if (d->kind == PX_VARIANT_CASE || d->kind == PX_VARIANT_SPELLING) {
                px_buf_printf(b, "<mark class=\"%s\" title=\"%s: ",
                              d->kind == PX_VARIANT_CASE ? "case" : "spelling", px_variant_kind_label(d->kind));
                esc(b, d->fullest);
                px_buf_puts(b, "\">");
                esc(b, d->here);
                px_buf_puts(b, "</mark>");
            } else {
                px_buf_puts(b, "<del title=\"word substituted\">");
                esc(b, d->fullest);
                px_buf_puts(b, "</del> <ins title=\"word substituted\">");
                esc(b, d->here);
                px_buf_puts(b, "</ins>");
            }
            break;
        }
    }
}

static void html_head(px_buf *b, const char *title)
{
    px_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>parallax: ");
    esc(b, title);
    px_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", css);
}

static void html_story(const px_story *s, px_buf *b);

int px__report_html(const px_story *s, px_buf *b)
{
    html_head(b, px__story_title(s));
    html_story(s, b);
    px_buf_puts(b, "</main>\n</body>\n</html>\n");
    return b->oom ? PX_ENOMEM : 0;
}

int px__report_html_many(px_story *const *stories, size_t n, px_buf *b)
{
    char title[64];
    snprintf(title, sizeof title, "%zu stories", n);
    html_head(b, title);
    px_buf_printf(b, "<header><p class=\"meta\">parallax story report</p><h1>%zu stories</h1>"
                     "<p class=\"meta\">The articles tell several stories; each has its report below, "
                     "the largest first.</p><ol>\n", n);
    for (size_t i = 0; i < n; i++) {
        px_buf_printf(b, "<li><a href=\"#s%zu-story\">", i);
        esc(b, px__story_title(stories[i]));
        px_buf_printf(b, "</a> <span class=\"meta\">%zu articles</span></li>\n", stories[i]->n_docs);
    }
    px_buf_puts(b, "</ol></header>\n");
    for (size_t i = 0; i < n; i++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "s%zu-", i);
        stories[i]->id_prefix = prefix;
        html_story(stories[i], b);
        stories[i]->id_prefix = NULL;
    }
    px_buf_puts(b, "</main>\n</body>\n</html>\n");
    return b->oom ? PX_ENOMEM : 0;
}

static void section_open(const px_story *s, px_buf *b, const char *name, const char *title)
{
    px_buf_printf(b, "<section id=\"%s%s\"><h2>", idp(s), name);
    esc(b, title);
    px_buf_puts(b, "</h2>\n");
}

/* Links to the outlets of a citation list, each outlet once, to its
 * first cited sentence. */
static void outlet_links(px_buf *b, const px_story *s, const px_cite *c, size_t n)
{
    size_t *docs;
    size_t m = px__cite_docs(s, c, n, true, &docs);
    if (m == (size_t)-1) {
        b->oom = true;
        return;
    }
    for (size_t i = 0, k = 0; i < m; i++) {
        while (c[k].doc != docs[i])
            k++;
        if (i)
            px_buf_puts(b, ", ");
        sentence_link(b, s, &c[k], NULL);
    }
    free(docs);
}

static void html_documents(const px_story *s, px_buf *b, const char *title)
{
    section_open(s, b, "documents", title);
    px_buf_puts(b, "<ul>\n");
    for (size_t i = 0; i < s->n_docs; i++) {
        const px_doc *d = s->docs[i];
        px_buf_printf(b, "<li><a class=\"outlet\" href=\"#%sd%zu\">", idp(s), i);
        esc(b, s->outlet[i]);
        px_buf_puts(b, "</a> <span class=\"meta\">");
        if (px_doc_date(d))
            esc(b, px_doc_date(d));
        else if (s->ref_date[i]) {
            esc(b, s->ref_date[i]);
            px_buf_puts(b, " (from the ");
            esc(b, s->ref_origin[i] && strcmp(s->ref_origin[i], "none") ? s->ref_origin[i] : "story");
            px_buf_puts(b, ")");
        } else
            px_buf_puts(b, "undated");
        if (s->dup_of[i] >= 0) {
            px_buf_printf(b, " <span class=\"tag\">a copy of <a href=\"#%sd%zd\">", idp(s), s->dup_of[i]);
            esc(b, s->outlet[s->dup_of[i]]);
            px_buf_puts(b, "</a></span>");
        }
        px_buf_puts(b, "</span><br>");
        esc(b, s->heading[i]);
        px_buf_puts(b, "</li>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</ul></section>\n");
}

static void html_brief(const px_story *s, px_buf *b, const char *title)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    section_open(s, b, "brief", title);
    if (s->no_brief)
        missing(b, s->no_brief);
    else if (!s->n_brief)
        px_buf_puts(b, "<p>None: no sentence qualifies (a brief takes whole statements of 8 to "
                       "60 words).</p>\n");
    if (s->n_brief) {
        px_buf_puts(b, "<ol>\n");
        for (size_t i = 0; i < s->n_brief; i++) {
            const px__brief_line *bl = &s->brief[i];
            px_buf_puts(b, "<li>");
            esc(b, bl->text);
            px_buf_puts(b, " <span class=\"meta\">(");
            for (size_t k = 0; k < bl->n_docs; k++) {
                if (k)
                    px_buf_puts(b, ", ");
                px_buf_printf(b, "<a href=\"#%sd%zu\">", idp(s), bl->docs[k]);
                esc(b, s->outlet[bl->docs[k]]);
                px_buf_puts(b, "</a>");
            }
            px_buf_puts(b, ")</span>");
            if (s->brief_conflict[i] >= 0) {
                const px_conflict *c = &cs[s->brief_conflict[i]];
                px_buf_printf(b, " <a class=\"warn\" href=\"#%sconflict-%zd\">⚠ one side of a conflict</a> "
                                 "<span class=\"why\">",
                              idp(s), s->brief_conflict[i]);
                esc(b, c->what);
                px_buf_puts(b, ": “");
                esc(b, c->sides[s->brief_side[i]].value);
                px_buf_puts(b, "” here</span>");
            }
            px_buf_puts(b, "</li>\n");
        }
        px_buf_puts(b, "</ol>\n");
    }
    px_buf_puts(b, "</section>\n");
}

typedef struct sent_key {
    uint64_t hash; /* of the sentence's text */
    size_t cite;
} sent_key;

static int cmp_sent_key(const void *a, const void *b)
{
    const sent_key *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->cite > y->cite) - (x->cite < y->cite);
}

static px_str cite_sentence(const px_story *s, const px_cite *c)
{
    size_t ns;
    const px_sentence *se = px_doc_sentences(s->docs[c->doc], &ns);
    px_str t = px_doc_text(s->docs[c->doc]);
    return (px_str){t.ptr + se[c->sentence].start, se[c->sentence].end - se[c->sentence].start};
}

/* The sentences of one side of a conflict, each once (copies write the
 * same sentence) with the outlets that write it, in citation order. */
static void side_sentences(const px_story *s, px_buf *b, const px_conflict_side *sd)
{
    size_t n = sd->n_cites;
    sent_key *k = px__malloc((n ? n : 1) * sizeof(sent_key));
    size_t *group = px__malloc((n ? n : 1) * sizeof(size_t)); /* first cite of its sentence */
    if (!k || !group) {
        free(k);
        free(group);
        b->oom = true;
        return;
    }
    for (size_t x = 0; x < n; x++) {
        px_str t = cite_sentence(s, &sd->cites[x]);
        k[x] = (sent_key){px__hash(t.ptr, t.len, 3), x};
    }
    px__sort(k, n, sizeof(sent_key), cmp_sent_key);
    for (size_t a = 0, e; a < n; a = e) {
        for (e = a + 1; e < n && k[e].hash == k[a].hash; e++)
            ;
        for (size_t x = a; x < e; x++)
            group[k[x].cite] = k[a].cite;
    }
    for (size_t x = 0; x < n; x++) {
        if (group[x] != x)
            continue;
        px_str t = cite_sentence(s, &sd->cites[x]);
        px_buf_puts(b, "<blockquote>");
        px__html_escape(b, t.ptr, t.len);
        px_buf_puts(b, " <span class=\"meta\">— ");
        for (size_t y = x, shown = 0; y < n; y++)
            if (group[y] == x) {
                if (shown++)
                    px_buf_puts(b, ", ");
                sentence_link(b, s, &sd->cites[y], NULL);
            }
        px_buf_puts(b, "</span></blockquote>\n");
        px__report_flush(s, b);
    }
    free(k);
    free(group);
}

/* A conflict: each side's value, then its sentences, each sentence once
 * with every outlet that writes it. */
static void html_conflicts(const px_story *s, px_buf *b, const char *title)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    section_open(s, b, "conflicts", title);
    if (!nc)
        px_buf_puts(b, "<p>None found.</p>\n");
    for (size_t c = 0; c < nc; c++) {
        px_buf_printf(b, "<div class=\"card conflict\" id=\"%sconflict-%zu\"><span class=\"tag conflict\">", idp(s), c);
        esc(b, cs[c].kind);
        px_buf_puts(b, "</span> <strong>");
        esc(b, cs[c].what);
        px_buf_puts(b, "</strong>\n");
        for (size_t k = 0; k < cs[c].n_sides; k++) {
            const px_conflict_side *sd = &cs[c].sides[k];
            px_buf_puts(b, "<div class=\"side\"><strong>“");
            esc(b, sd->value);
            px_buf_puts(b, "”</strong> <span class=\"meta\">");
            outlet_links(b, s, sd->cites, sd->n_cites);
            px_buf_puts(b, "</span>\n");
            side_sentences(s, b, sd);
            px_buf_puts(b, "</div>\n");
        }
        px_buf_puts(b, "</div>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</section>\n");
}

static void quote_card(const px_story *s, px_buf *b, const px_quote_group *g, size_t r, bool differs)
{
    px_buf_printf(b, "<div class=\"card quote\" id=\"%squote-%zu\"", idp(s), r);
    if (g->speaker_id) { /* the same identity as the entity's <li> */
        px_buf_puts(b, " data-speaker=\"");
        esc(b, g->speaker_id);
        px_buf_putc(b, '"');
    }
    px_buf_puts(b, "><strong>");
    esc(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
    px_buf_puts(b, "</strong> ");
    if (g->single_source)
        px_buf_puts(b, "<span class=\"tag single\">one outlet only</span>");
    else
        px_buf_printf(b, "<span class=\"tag ok\">%zu outlets</span>%s", g->n_docs,
                      differs ? " <span class=\"tag conflict\">worded differently</span>" : "");
    px_buf_puts(b, "<blockquote>");
    esc(b, g->text);
    px_buf_puts(b, "</blockquote>\n");
    for (size_t k = 0; k < g->n_single_sentences; k++) {
        px_buf_puts(b, "<div class=\"meta\"><span class=\"tag single\">one outlet only</span> ");
        esc(b, s->outlet[g->occurrences[g->fullest].doc]);
        px_buf_puts(b, " alone quotes “");
        esc(b, g->single_sentences[k]);
        px_buf_puts(b, "”</div>\n");
    }
    for (size_t o = 0; o < g->n_occurrences; o++) {
        const px_quote_occurrence *oc = &g->occurrences[o];
        px_cite ct = {oc->doc, oc->sentence, oc->start, oc->end};
        if (g->single_source && g->n_occurrences == 1) {
            px_buf_puts(b, "<div class=\"occ\">");
            sentence_link(b, s, &ct, NULL);
            px_buf_puts(b, "</div>\n");
            continue;
        }
        px_buf_puts(b, "<div class=\"occ\"><span class=\"outlet\">");
        sentence_link(b, s, &ct, NULL);
        px_buf_puts(b, "</span>");
        if (o == g->fullest)
            px_buf_puts(b, " <span class=\"tag\">fullest</span>");
        for (size_t v = 0; v < oc->n_variants; v++) {
            bool shown = false;
            for (size_t u = 0; u < v; u++)
                shown |= oc->variants[u].kind == oc->variants[v].kind;
            if (shown)
                continue; /* each kind of change once */
            px_buf_puts(b, " <span class=\"tag\">");
            esc(b, px_variant_kind_label(oc->variants[v].kind));
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, "<br>");
        if (oc->n_diff)
            diff_html(b, oc);
        else
            esc(b, oc->text);
        px_buf_puts(b, "</div>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</div>\n");
}

static void html_quotes(const px_story *s, px_buf *b, const char *title)
{
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    section_open(s, b, "quotes", title);
    if (s->no_quotes)
        missing(b, s->no_quotes);
    size_t several = s->n_quotes_differ + s->n_quotes_alike;
    if (!s->no_quotes)
        px_buf_printf(b, "<p class=\"meta\">%zu quoted statement%s several outlets carry, %zu of them worded "
                         "differently (first); the quotations one outlet alone carries are with <a "
                         "href=\"#%sone_outlet\">what it alone reports</a>.</p>\n",
                      several, several == 1 ? "" : "s", s->n_quotes_differ, idp(s));
    for (size_t r = 0; r < several; r++)
        quote_card(s, b, &qs[s->quote_order[r]], r, r < s->n_quotes_differ);
    px_buf_puts(b, "</section>\n");
}

static void reasons_html(px_buf *b, unsigned reasons)
{
    size_t n = 0;
    px_buf_puts(b, "<span class=\"why\">");
    for (unsigned bit = 0; bit < PX__CLAIM_N_REASONS; bit++)
        if (reasons & (1u << bit)) {
            px_buf_puts(b, n++ ? ", " : "");
            px_buf_puts(b, px__claim_reason(bit));
        }
    if (!n)
        px_buf_puts(b, "colour");
    px_buf_puts(b, "</span>");
}

static void claim_item(const px_story *s, px_buf *b, const px__claim *c)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    px_cite ct = {c->doc, c->sentence, 0, 0};
    if (c->is_quote) {
        const px_quote_group *g = &qs[c->index];
        px_buf_printf(b, "<li id=\"%squote-one-%zu\"><strong>", idp(s), c->index);
        esc(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
        px_buf_puts(b, "</strong>: “");
        esc(b, g->text);
        px_buf_puts(b, "”");
    } else {
        px_buf_printf(b, "<li id=\"%sfact-%zu\">", idp(s), c->index);
        esc(b, fs[c->index].text);
        if (fs[c->index].only_here) {
            px_buf_puts(b, " <span class=\"meta\">part of a fact several outlets carry; words only this outlet "
                           "has: <mark>");
            esc(b, fs[c->index].only_here);
            px_buf_puts(b, "</mark></span>");
        }
    }
    px_buf_puts(b, " <span class=\"meta\">");
    sentence_link(b, s, &ct, NULL);
    px_buf_puts(b, "</span> ");
    reasons_html(b, c->reasons);
    px_buf_puts(b, "</li>\n");
}

static void html_one_outlet(const px_story *s, px_buf *b, const char *title)
{
    section_open(s, b, "one_outlet", title);
    if (!s->n_claims) {
        px_buf_puts(b, "<p>Nothing.</p></section>\n");
        return;
    }
    px_buf_printf(b, "<p class=\"meta\">%zu claim%s one outlet alone reports, the heaviest first: a number, a "
                     "named person or organisation, a date, a quotation weigh more than colour.</p>\n<ol>\n",
                  s->n_claims, s->n_claims == 1 ? "" : "s");
    size_t shown = PX_MIN(s->n_claims, (size_t)PX__CLAIMS_SHOWN);
    for (size_t k = 0; k < shown; k++)
        claim_item(s, b, &s->claims[k]);
    px_buf_puts(b, "</ol>\n");
    if (s->n_claims > shown) {
        px_buf_printf(b, "<details><summary>and %zu more</summary><ol start=\"%zu\">\n", s->n_claims - shown,
                      shown + 1);
        for (size_t k = shown; k < s->n_claims; k++) {
            claim_item(s, b, &s->claims[k]);
            px__report_flush(s, b);
        }
        px_buf_puts(b, "</ol></details>\n");
    }
    px_buf_puts(b, "</section>\n");
}

static void html_facts(const px_story *s, px_buf *b, const char *title)
{
    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    section_open(s, b, "facts", title);
    px_buf_puts(b, "<ul>\n");
    size_t n = 0;
    for (size_t f = 0; f < nf; f++) {
        if (!fs[f].corroborated)
            continue;
        n++;
        px_buf_printf(b, "<li id=\"%sfact-%zu\">", idp(s), f);
        esc(b, fs[f].text);
        px_buf_printf(b, " <span class=\"tag ok\">%zu outlets</span> <span class=\"meta\">", fs[f].n_docs);
        cite_links(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, "</span></li>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, n ? "</ul></section>\n" : "</ul><p>None found.</p></section>\n");
}

static void html_entities(const px_story *s, px_buf *b, const char *title)
{
    size_t ne;
    const px_entity *ents = px_entities_list(s->ents, &ne);
    section_open(s, b, "entities", title);
    px_buf_puts(b, "<ul>\n");
    for (size_t e = 0; e < ne; e++) {
        const px_entity *en = &ents[e];
        if (en->type == PX_ENTITY_OTHER || (en->n_docs < 2 && en->n_aliases < 2 && en->type != PX_ENTITY_PERSON))
            continue;
        const char *sid = px_story_entity_id(s, e);
        px_buf_puts(b, "<li");
        if (sid) {
            px_buf_puts(b, " data-speaker=\"");
            esc(b, sid);
            px_buf_putc(b, '"');
        }
        px_buf_puts(b, "><strong>");
        esc(b, en->name);
        px_buf_printf(b, "</strong> <span class=\"tag\">%s</span> <span class=\"meta\">%zu %s, %zu %s</span>",
                      px_entity_type_name(en->type), en->n_docs, en->n_docs == 1 ? "article" : "articles",
                      en->n_mentions, en->n_mentions == 1 ? "mention" : "mentions");
        if (en->n_aliases > 1) {
            px_buf_puts(b, "<br><span class=\"meta\">");
            for (size_t a = 0; a < en->n_aliases; a++) {
                if (a)
                    px_buf_puts(b, " · ");
                esc(b, en->aliases[a]);
            }
            px_buf_puts(b, "</span>");
        }
        px_buf_puts(b, "</li>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</ul></section>\n");
}

static void html_timeline(const px_story *s, px_buf *b, const char *title)
{
    section_open(s, b, "timeline", title);
    if (s->no_timeline)
        missing(b, s->no_timeline);
    if (s->n_timeline) {
        px__svg_timeline(s, b);
        px_buf_puts(b, "<ul>\n");
        for (size_t t = 0; t < s->n_timeline; t++) {
            const px_event *ev = &s->timeline[t];
            px_buf_printf(b, "<li id=\"%sevent-%zu\"><strong>", idp(s), t);
            esc(b, ev->value);
            px_buf_puts(b, "</strong> <span class=\"meta\">(“");
            esc(b, ev->expression);
            px_buf_puts(b, "”)</span> ");
            esc(b, ev->text);
            px_buf_puts(b, " <span class=\"meta\">");
            outlet_links(b, s, ev->cites, ev->n_cites);
            px_buf_puts(b, "</span></li>\n");
            px__report_flush(s, b);
        }
        px_buf_puts(b, "</ul>\n");
    }
    px_buf_puts(b, "</section>\n");
}

static void html_coverage(const px_story *s, px_buf *b, const char *title)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    size_t cf = px__coverage_facts(s, 12), cq = px__coverage_quotes(s, 8);
    section_open(s, b, "coverage", title);
    px__svg_coverage(s, b);
    px_buf_puts(b, "<div class=\"scroll\"><table><tr><th></th>");
    for (size_t d = 0; d < s->n_docs; d++) {
        px_buf_printf(b, "<th><a href=\"#%sd%zu\">", idp(s), d);
        esc(b, s->outlet[d]);
        px_buf_puts(b, "</a></th>");
    }
    px_buf_puts(b, "</tr>\n");
    for (size_t k = 0; k < cf + cq; k++) {
        const px_quote_group *g = k < cf ? NULL : &qs[s->quote_order[k - cf]];
        const char *text = g ? g->text : fs[k].text;
        px_buf_printf(b, "<tr><td><a href=\"#%s%s-%zu\">%s</a> ", idp(s), g ? "quote" : "fact", g ? k - cf : k,
                      g ? "quote" : "fact");
        size_t len = strlen(text);
        if (len > 90) {
            size_t cut = 90;
            while (cut > 50 && text[cut] != ' ')
                cut--;
            while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
                cut--;
            px__html_escape(b, text, cut);
            px_buf_puts(b, "…");
        } else {
            esc(b, text);
        }
        px_buf_puts(b, "</td>");
        bool *in = px__carriers(s, g ? NULL : &fs[k], g);
        if (!in) {
            b->oom = true;
            break;
        }
        for (size_t d = 0; d < s->n_docs; d++)
            px_buf_puts(b, in[d] ? "<td class=\"y\">✓</td>" : "<td></td>");
        free(in);
        px_buf_puts(b, "</tr>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</table></div></section>\n");
}

/* The articles themselves, every sentence anchored: where the findings'
 * links lead. */
static void html_articles(const px_story *s, px_buf *b)
{
    px_buf_printf(b, "<section id=\"%ssources\"><h2>The articles</h2>\n", idp(s));
    for (size_t i = 0; i < s->n_docs; i++) {
        const px_doc *d = s->docs[i];
        size_t nb, ns;
        const px_block *bl = px_doc_blocks(d, &nb);
        const px_sentence *se = px_doc_sentences(d, &ns);
        px_str t = px_doc_text(d);
        px_buf_printf(b, "<article class=\"card doc\" id=\"%sd%zu\"><h3>", idp(s), i);
        esc(b, s->outlet[i]);
        px_buf_puts(b, "</h3><p class=\"meta\">");
        esc(b, px_doc_id(d));
        if (px_doc_url(d)) {
            px_buf_puts(b, " · ");
            esc(b, px_doc_url(d));
        }
        px_buf_puts(b, "</p>\n");
        for (size_t k = 0; k < nb; k++) {
            if (bl[k].kind == PX_BLOCK_BOILERPLATE || bl[k].kind == PX_BLOCK_META)
                continue;
            px_buf_puts(b, bl[k].kind == PX_BLOCK_HEADLINE ? "<p><strong>" : "<p>");
            for (size_t x = 0; x < bl[k].n_sentences; x++) {
                size_t si = bl[k].first_sentence + x;
                px_buf_printf(b, "<span class=\"s\" id=\"%sd%zu-s%zu\">", idp(s), i, si);
                px__html_escape(b, t.ptr + se[si].start, se[si].end - se[si].start);
                px_buf_puts(b, "</span> ");
            }
            px_buf_puts(b, bl[k].kind == PX_BLOCK_HEADLINE ? "</strong></p>\n" : "</p>\n");
        }
        px_buf_puts(b, "</article>\n");
        px__report_flush(s, b);
    }
    px_buf_puts(b, "</section>\n");
}

/* One story's report: from its title to its articles. */
static void html_story(const px_story *s, px_buf *b)
{
    const char *title = px__story_title(s);
    px_buf_printf(b, "<div class=\"story\" id=\"%sstory\">\n", idp(s));
    px_buf_puts(b, "<header><p class=\"meta\">parallax story report</p><h1>");
    esc(b, title);
    px_buf_printf(b, "</h1><p class=\"meta\">%zu article%s from %zu outlet%s</p></header>\n", s->n_docs,
                  s->n_docs == 1 ? "" : "s", s->n_outlets, s->n_outlets == 1 ? "" : "s");
#define PX__HTML_SECTION(name, title) html_##name(s, b, title);
    PX__REPORT_SECTIONS(PX__HTML_SECTION)
#undef PX__HTML_SECTION
    html_articles(s, b);
    px_buf_puts(b, "</div>\n");
}
