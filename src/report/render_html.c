/*
 * render_html.c - the report as one self-contained HTML page: inline CSS,
 * no script, no network, readable on a phone (viewport, one column that
 * reflows, tables that scroll sideways). Each outlet's wording of a
 * quotation is shown as a word diff against the fullest version (<del>
 * left out, <ins> added, <mark> respelt or recased). Every finding links
 * to the sentences it cites, which the page shows at the end with each
 * sentence anchored as #d<doc>-s<sentence>.
 */
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
    for (size_t i = 0; i < n; i++) {
        size_t same = 0;
        for (size_t k = 0; k < i; k++)
            if (c[k].doc == c[i].doc)
                same++;
        if (i)
            px_buf_puts(b, same ? " " : ", ");
        if (same) {
            char label[32];
            snprintf(label, sizeof label, "[%zu]", same + 1);
            sentence_link(b, s, &c[i], label);
        } else {
            sentence_link(b, s, &c[i], NULL);
        }
    }
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

/* One story's report: from its title to its articles. */
static void html_story(const px_story *s, px_buf *b)
{
    const char *title = px__story_title(s);
    px_buf_printf(b, "<div class=\"story\" id=\"%sstory\">\n", idp(s));
    px_buf_puts(b, "<header><p class=\"meta\">parallax story report</p><h1>");
    esc(b, title);
    px_buf_printf(b, "</h1><p class=\"meta\">%zu article%s from %zu outlet%s</p></header>\n", s->n_docs,
                  s->n_docs == 1 ? "" : "s", s->n_outlets, s->n_outlets == 1 ? "" : "s");

    /* documents */
    px_buf_printf(b, "<section id=\"%sdocuments\"><h2>Documents</h2><ul>\n", idp(s));
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
    }
    px_buf_puts(b, "</ul></section>\n");

    /* brief */
    px_buf_printf(b, "<section id=\"%sbrief\"><h2>Brief</h2>\n", idp(s));
    if (s->no_brief)
        missing(b, s->no_brief);
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
            px_buf_puts(b, ")</span></li>\n");
        }
        px_buf_puts(b, "</ol>\n");
    }
    px_buf_puts(b, "</section>\n");

    /* conflicts come early: they are what a reader checks first */
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    px_buf_printf(b, "<section id=\"%sconflicts\"><h2>Conflicts</h2>\n", idp(s));
    if (!nc)
        px_buf_puts(b, "<p>None found.</p>\n");
    for (size_t c = 0; c < nc; c++) {
        px_buf_printf(b, "<div class=\"card conflict\" id=\"%sconflict-%zu\"><span class=\"tag conflict\">", idp(s), c);
        esc(b, cs[c].kind);
        px_buf_puts(b, "</span> <strong>");
        esc(b, cs[c].what);
        px_buf_puts(b, "</strong><ul>\n");
        for (size_t k = 0; k < cs[c].n_sides; k++) {
            px_buf_puts(b, "<li>“");
            esc(b, cs[c].sides[k].value);
            px_buf_puts(b, "”: ");
            cite_links(b, s, cs[c].sides[k].cites, cs[c].sides[k].n_cites);
            px_buf_puts(b, "</li>\n");
        }
        px_buf_puts(b, "</ul></div>\n");
    }
    px_buf_puts(b, "</section>\n");

    /* quotations */
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    px_buf_printf(b, "<section id=\"%squotes\"><h2>Quotations</h2>\n", idp(s));
    if (s->no_quotes)
        missing(b, s->no_quotes);
    for (size_t q = 0; q < nq; q++) {
        const px_quote_group *g = &qs[q];
        px_buf_printf(b, "<div class=\"card quote\" id=\"%squote-%zu\"", idp(s), q);
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
            px_buf_printf(b, "<span class=\"tag ok\">%zu outlets</span>", g->n_docs);
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
            if (g->single_source && g->n_occurrences == 1) {
                px_cite ct = {oc->doc, oc->sentence, oc->start, oc->end};
                px_buf_puts(b, "<div class=\"occ\">");
                sentence_link(b, s, &ct, NULL);
                px_buf_puts(b, "</div>\n");
                continue;
            }
            px_cite ct = {oc->doc, oc->sentence, oc->start, oc->end};
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
        }
        px_buf_puts(b, "</div>\n");
    }
    px_buf_puts(b, "</section>\n");

    /* facts */
    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    px_buf_printf(b, "<section id=\"%sfacts\"><h2>Facts</h2><h3>Carried by several outlets</h3><ul>\n", idp(s));
    for (size_t f = 0; f < nf; f++) {
        if (!fs[f].corroborated)
            continue;
        px_buf_printf(b, "<li id=\"%sfact-%zu\">", idp(s), f);
        esc(b, fs[f].text);
        px_buf_printf(b, " <span class=\"tag ok\">%zu outlets</span> <span class=\"meta\">", fs[f].n_docs);
        cite_links(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, "</span></li>\n");
    }
    px_buf_puts(b, "</ul><h3>Reported by one outlet only</h3><ul>\n");
    for (size_t f = 0; f < nf; f++) {
        if (fs[f].corroborated)
            continue;
        px_buf_printf(b, "<li id=\"%sfact-%zu\">", idp(s), f);
        esc(b, fs[f].text);
        px_buf_puts(b, " <span class=\"tag single\">single source</span> <span class=\"meta\">");
        cite_links(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, "</span>");
        if (fs[f].only_here) {
            px_buf_puts(b, " <span class=\"meta\">part of a shared fact above; words only this outlet has: <mark>");
            esc(b, fs[f].only_here);
            px_buf_puts(b, "</mark></span>");
        }
        px_buf_puts(b, "</li>\n");
    }
    px_buf_puts(b, "</ul></section>\n");

    /* entities */
    size_t ne;
    const px_entity *ents = px_entities_list(s->ents, &ne);
    px_buf_printf(b, "<section id=\"%sentities\"><h2>People, places and organisations</h2><ul>\n", idp(s));
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
    }
    px_buf_puts(b, "</ul></section>\n");

    /* timeline */
    px_buf_printf(b, "<section id=\"%stimeline\"><h2>Timeline</h2>\n", idp(s));
    if (s->no_timeline)
        missing(b, s->no_timeline);
    if (s->n_timeline) {
        px_buf_puts(b, "<ul>\n");
        for (size_t t = 0; t < s->n_timeline; t++) {
            const px_event *ev = &s->timeline[t];
            px_buf_puts(b, "<li><strong>");
            esc(b, ev->value);
            px_buf_puts(b, "</strong> <span class=\"meta\">(“");
            esc(b, ev->expression);
            px_buf_puts(b, "”)</span> ");
            esc(b, ev->text);
            px_buf_puts(b, " <span class=\"meta\">");
            cite_links(b, s, ev->cites, ev->n_cites);
            px_buf_puts(b, "</span></li>\n");
        }
        px_buf_puts(b, "</ul>\n");
    }
    px_buf_puts(b, "</section>\n");

    /* coverage */
    size_t cf = px__coverage_facts(s, 12), cq = px__coverage_quotes(s, 8);
    px_buf_printf(b, "<section id=\"%scoverage\"><h2>Coverage</h2><div class=\"scroll\"><table><tr><th></th>", idp(s));
    for (size_t d = 0; d < s->n_docs; d++) {
        px_buf_printf(b, "<th><a href=\"#%sd%zu\">", idp(s), d);
        esc(b, s->outlet[d]);
        px_buf_puts(b, "</a></th>");
    }
    px_buf_puts(b, "</tr>\n");
    for (size_t k = 0; k < cf + cq; k++) {
        const char *text = k < cf ? fs[k].text : qs[k - cf].text;
        px_buf_printf(b, "<tr><td><a href=\"#%s%s-%zu\">%s</a> ", idp(s), k < cf ? "fact" : "quote",
                      k < cf ? k : k - cf, k < cf ? "fact" : "quote");
        size_t len = strlen(text);
        if (len > 90) {
            size_t cut = 90;
            while (cut > 50 && text[cut] != ' ')
                cut--;
            px__html_escape(b, text, cut);
            px_buf_puts(b, "…");
        } else {
            esc(b, text);
        }
        px_buf_puts(b, "</td>");
        for (size_t d = 0; d < s->n_docs; d++) {
            bool in = k < cf ? px__fact_in_doc(&fs[k], d) : px__quote_in_doc(&qs[k - cf], d);
            px_buf_puts(b, in ? "<td class=\"y\">✓</td>" : "<td></td>");
        }
        px_buf_puts(b, "</tr>\n");
    }
    px_buf_puts(b, "</table></div></section>\n");

    /* the sources: every sentence anchored */
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
    }
    px_buf_puts(b, "</section>\n</div>\n");
}
