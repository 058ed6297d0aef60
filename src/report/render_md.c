/*
 * render_md.c - the report as Markdown for the terminal: the documents,
 * the brief, the entities, each quotation with every outlet's wording and
 * what changed, the facts (corroborated or single-source), the
 * conflicts, the timeline and the coverage table.
 */
#include <string.h>

#include "report.h"

/* Markdown-safe inline text: characters that would start markup are
 * escaped, line breaks become spaces. */
static void md_text(px_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n') {
            px_buf_putc(b, ' ');
            continue;
        }
        if (c == '*' || c == '_' || c == '`' || c == '|' || c == '[' || c == ']' || c == '<' ||
            c == '>' || c == '\\' || c == '#')
            px_buf_putc(b, '\\');
        px_buf_putc(b, c);
    }
}

static void md_str(px_buf *b, const char *s)
{
    if (s)
        md_text(b, s, strlen(s));
}

/* "Outlet A, Outlet B" for the documents of a citation list. */
static void md_outlets(px_buf *b, const px_story *s, const px_cite *c, size_t n)
{
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            if (c[k].doc == c[i].doc)
                seen = true;
        if (seen)
            continue;
        if (shown++)
            px_buf_puts(b, ", ");
        md_str(b, s->outlet[c[i].doc]);
    }
}

static void md_missing(px_buf *b, const char *why)
{
    px_buf_puts(b, "_Not in this report: ");
    md_str(b, why);
    px_buf_puts(b, "._\n\n");
}

int px__report_md(const px_story *s, px_buf *b)
{
    px_buf_puts(b, "# ");
    md_str(b, px__story_title(s));
    px_buf_printf(b, "\n\n%zu article%s from %zu outlet%s.\n\n", s->n_docs, s->n_docs == 1 ? "" : "s",
                  s->n_outlets, s->n_outlets == 1 ? "" : "s");

    px_buf_puts(b, "## Documents\n\n| # | outlet | date | headline |\n|---|---|---|---|\n");
    for (size_t i = 0; i < s->n_docs; i++) {
        const px_doc *d = s->docs[i];
        px_buf_printf(b, "| %zu | ", i + 1);
        md_str(b, s->outlet[i]);
        px_buf_puts(b, " | ");
        if (px_doc_date(d))
            md_str(b, px_doc_date(d));
        else if (s->ref_date[i]) {
            md_str(b, s->ref_date[i]);
            px_buf_puts(b, " (from the ");
            md_str(b, s->ref_origin[i] && strcmp(s->ref_origin[i], "none") ? s->ref_origin[i] : "story");
            px_buf_puts(b, ")");
        } else
            px_buf_puts(b, "-");
        px_buf_puts(b, " | ");
        md_str(b, s->heading[i]);
        if (s->dup_of[i] >= 0) {
            px_buf_puts(b, " _(a copy of ");
            md_str(b, s->outlet[s->dup_of[i]]);
            px_buf_puts(b, ")_");
        }
        px_buf_puts(b, " |\n");
    }
    px_buf_putc(b, '\n');

    px_buf_puts(b, "## Brief\n\n");
    if (s->no_brief)
        md_missing(b, s->no_brief);
    for (size_t i = 0; i < s->n_brief; i++) {
        px_buf_printf(b, "%zu. ", i + 1);
        md_str(b, s->brief[i].text);
        px_buf_puts(b, " _(");
        for (size_t k = 0; k < s->brief[i].n_docs; k++) {
            if (k)
                px_buf_puts(b, ", ");
            md_str(b, s->outlet[s->brief[i].docs[k]]);
        }
        px_buf_puts(b, ")_\n");
    }
    if (s->n_brief)
        px_buf_putc(b, '\n');

    px_buf_puts(b, "## People, places and organisations\n\n");
    size_t ne;
    const px_entity *ents = px_entities_list(s->ents, &ne);
    for (size_t e = 0; e < ne; e++) {
        const px_entity *en = &ents[e];
        if (en->type == PX_ENTITY_OTHER || (en->n_docs < 2 && en->n_aliases < 2 && en->type != PX_ENTITY_PERSON))
            continue;
        px_buf_puts(b, "- **");
        md_str(b, en->name);
        px_buf_printf(b, "** (%s, %zu %s, %zu %s)", px_entity_type_name(en->type), en->n_docs,
                      en->n_docs == 1 ? "article" : "articles", en->n_mentions,
                      en->n_mentions == 1 ? "mention" : "mentions");
        if (en->n_aliases > 1) {
            px_buf_puts(b, ": ");
            for (size_t a = 0; a < en->n_aliases; a++) {
                if (a)
                    px_buf_puts(b, "; ");
                md_str(b, en->aliases[a]);
            }
        }
        px_buf_putc(b, '\n');
    }
    px_buf_putc(b, '\n');

    px_buf_puts(b, "## Quotations\n\n");
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    if (s->no_quotes)
        md_missing(b, s->no_quotes);
    for (size_t q = 0; q < nq; q++) {
        const px_quote_group *g = &qs[q];
        if (g->single_source)
            continue;
        px_buf_puts(b, "### ");
        md_str(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
        px_buf_printf(b, ", quoted by %zu outlets\n\n> ", g->n_docs);
        md_str(b, g->text);
        px_buf_puts(b, "\n\n");
        for (size_t k = 0; k < g->n_single_sentences; k++) {
            px_buf_puts(b, "- only ");
            md_str(b, s->outlet[g->occurrences[g->fullest].doc]);
            px_buf_puts(b, " quotes “");
            md_str(b, g->single_sentences[k]);
            px_buf_puts(b, "”\n");
        }
        for (size_t o = 0; o < g->n_occurrences; o++) {
            const px_quote_occurrence *oc = &g->occurrences[o];
            px_buf_puts(b, "- **");
            md_str(b, s->outlet[oc->doc]);
            px_buf_puts(b, "**");
            if (o == g->fullest)
                px_buf_puts(b, " (fullest)");
            px_buf_puts(b, ": “");
            md_str(b, oc->text);
            px_buf_puts(b, "”\n");
            for (size_t v = 0; v < oc->n_variants; v++) {
                const px_variant *va = &oc->variants[v];
                px_buf_puts(b, "  - ");
                px_buf_puts(b, px_variant_kind_label(va->kind));
                px_buf_puts(b, ": ");
                if (va->kind == PX_VARIANT_REORDERED) {
                    px_buf_puts(b, "“");
                    md_str(b, va->here);
                    px_buf_puts(b, "” comes first");
                } else if (va->kind == PX_VARIANT_OMITTED || va->kind == PX_VARIANT_TRUNCATED) {
                    px_buf_puts(b, "“");
                    md_str(b, va->fullest);
                    px_buf_puts(b, "”");
                } else if (va->kind == PX_VARIANT_ADDED) {
                    px_buf_puts(b, "“");
                    md_str(b, va->here);
                    px_buf_puts(b, "”");
                } else {
                    px_buf_puts(b, "“");
                    md_str(b, va->fullest);
                    px_buf_puts(b, "” → “");
                    md_str(b, va->here);
                    px_buf_puts(b, "”");
                }
                px_buf_putc(b, '\n');
            }
        }
        px_buf_putc(b, '\n');
    }
    bool any_single = false;
    for (size_t q = 0; q < nq; q++) {
        const px_quote_group *g = &qs[q];
        if (!g->single_source)
            continue;
        if (!any_single)
            px_buf_puts(b, "### Quoted by one outlet only\n\n");
        any_single = true;
        px_buf_puts(b, "- ");
        md_str(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
        px_buf_puts(b, ": “");
        md_str(b, g->text);
        px_buf_puts(b, "” _(");
        md_str(b, s->outlet[g->occurrences[0].doc]);
        px_buf_puts(b, ")_\n");
    }
    if (any_single)
        px_buf_putc(b, '\n');

    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    px_buf_puts(b, "## Facts\n\n### Carried by several outlets\n\n");
    for (size_t f = 0; f < nf; f++) {
        if (!fs[f].corroborated)
            continue;
        px_buf_puts(b, "- ");
        md_str(b, fs[f].text);
        px_buf_printf(b, " _(%zu outlets: ", fs[f].n_docs);
        md_outlets(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, ")_\n");
    }
    px_buf_puts(b, "\n### Reported by one outlet only\n\n");
    for (size_t f = 0; f < nf; f++) {
        if (fs[f].corroborated)
            continue;
        px_buf_puts(b, "- ");
        md_str(b, fs[f].text);
        px_buf_puts(b, " _(");
        md_outlets(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, ")_");
        if (fs[f].only_here) {
            px_buf_puts(b, "; part of a shared fact above; words only this outlet has: ");
            md_str(b, fs[f].only_here);
        }
        px_buf_putc(b, '\n');
    }
    px_buf_putc(b, '\n');

    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    px_buf_puts(b, "## Conflicts\n\n");
    if (!nc)
        px_buf_puts(b, "None found.\n");
    for (size_t c = 0; c < nc; c++) {
        px_buf_puts(b, "- **");
        md_str(b, cs[c].what);
        px_buf_puts(b, "**: ");
        for (size_t k = 0; k < cs[c].n_sides; k++) {
            if (k)
                px_buf_puts(b, " vs ");
            px_buf_puts(b, "“");
            md_str(b, cs[c].sides[k].value);
            px_buf_puts(b, "” (");
            md_outlets(b, s, cs[c].sides[k].cites, cs[c].sides[k].n_cites);
            px_buf_puts(b, ")");
        }
        px_buf_putc(b, '\n');
        for (size_t k = 0; k < cs[c].n_sides; k++)
            for (size_t x = 0; x < cs[c].sides[k].n_cites; x++) {
                const px_cite *ct = &cs[c].sides[k].cites[x];
                const px_doc *d = s->docs[ct->doc];
                size_t ns;
                const px_sentence *se = px_doc_sentences(d, &ns);
                px_str t = px_doc_text(d);
                px_buf_puts(b, "  - ");
                md_str(b, s->outlet[ct->doc]);
                px_buf_puts(b, ": ");
                md_text(b, t.ptr + se[ct->sentence].start, se[ct->sentence].end - se[ct->sentence].start);
                px_buf_putc(b, '\n');
            }
    }
    px_buf_putc(b, '\n');

    px_buf_puts(b, "## Timeline\n\n");
    if (s->no_timeline)
        md_missing(b, s->no_timeline);
    for (size_t t = 0; t < s->n_timeline; t++) {
        const px_event *ev = &s->timeline[t];
        px_buf_puts(b, "- **");
        md_str(b, ev->value);
        px_buf_puts(b, "** (“");
        md_str(b, ev->expression);
        px_buf_puts(b, "”): ");
        md_str(b, ev->text);
        px_buf_puts(b, " _(");
        md_outlets(b, s, ev->cites, ev->n_cites);
        px_buf_puts(b, ")_\n");
    }
    if (s->n_timeline)
        px_buf_putc(b, '\n');

    size_t cf = px__coverage_facts(s, 12), cq = px__coverage_quotes(s, 8);
    px_buf_puts(b, "## Coverage\n\n| | ");
    for (size_t d = 0; d < s->n_docs; d++) {
        md_str(b, s->outlet[d]);
        px_buf_puts(b, " | ");
    }
    px_buf_puts(b, "\n|---|");
    for (size_t d = 0; d < s->n_docs; d++)
        px_buf_puts(b, "---|");
    px_buf_putc(b, '\n');
    for (size_t k = 0; k < cf + cq; k++) {
        const char *text = k < cf ? fs[k].text : qs[k - cf].text;
        px_buf_puts(b, k < cf ? "| fact: " : "| quote: ");
        size_t len = strlen(text);
        if (len > 70) {
            /* cut at a word, on a character boundary */
            size_t cut = 70;
            while (cut > 40 && text[cut] != ' ')
                cut--;
            md_text(b, text, cut);
            px_buf_puts(b, "…");
        } else {
            md_text(b, text, len);
        }
        px_buf_puts(b, " | ");
        for (size_t d = 0; d < s->n_docs; d++)
            px_buf_puts(b, (k < cf ? px__fact_in_doc(&fs[k], d) : px__quote_in_doc(&qs[k - cf], d))
                               ? "✓ | "
                               : "  | ");
        px_buf_putc(b, '\n');
    }
    return b->oom ? PX_ENOMEM : 0;
}
