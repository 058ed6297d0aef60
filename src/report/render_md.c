/*
 * render_md.c - the report as Markdown for the terminal, section by
 * section in the order of PX__REPORT_SECTIONS: the articles, the brief
 * (a sentence that carries one side of a conflict says so), the
 * conflicts with the sentences on each side, the quotations (those the
 * outlets word differently first, each outlet's wording and what
 * changed), what one outlet alone reports (heaviest first, the long
 * tail folded), the facts several outlets carry, the entities, the
 * timeline in date order and the coverage table.
 */
#include <stdlib.h>
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

/* At most max bytes of s, cut at a space on a character boundary, with
 * an ellipsis when cut. */
static void md_cut(px_buf *b, const char *s, size_t max)
{
    size_t len = strlen(s);
    if (len <= max) {
        md_text(b, s, len);
        return;
    }
    size_t cut = max;
    while (cut > max / 2 && s[cut] != ' ')
        cut--;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    md_text(b, s, cut);
    px_buf_puts(b, "…");
}

/* "Outlet A, Outlet B" for the documents of a citation list, each outlet
 * once. */
static void md_outlets(px_buf *b, const px_story *s, const px_cite *c, size_t n)
{
    size_t *docs;
    size_t m = px__cite_docs(s, c, n, true, &docs);
    if (m == (size_t)-1) {
        b->oom = true;
        return;
    }
    for (size_t i = 0; i < m; i++) {
        if (i)
            px_buf_puts(b, ", ");
        md_str(b, s->outlet[docs[i]]);
    }
    free(docs);
}

static void md_sentence(px_buf *b, const px_story *s, size_t doc, size_t sentence)
{
    size_t ns;
    const px_sentence *se = px_doc_sentences(s->docs[doc], &ns);
    px_str t = px_doc_text(s->docs[doc]);
    md_text(b, t.ptr + se[sentence].start, se[sentence].end - se[sentence].start);
}

static void md_missing(px_buf *b, const char *why)
{
    px_buf_puts(b, "_Not in this report: ");
    md_str(b, why);
    px_buf_puts(b, "._\n\n");
}

static void md_heading(px_buf *b, const char *title)
{
    px_buf_puts(b, "## ");
    px_buf_puts(b, title);
    px_buf_puts(b, "\n\n");
}

static void md_documents(const px_story *s, px_buf *b, const char *title)
{
    md_heading(b, title);
    px_buf_puts(b, "| # | outlet | date | headline |\n|---|---|---|---|\n");
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
        px__report_flush(s, b);
    }
    px_buf_putc(b, '\n');
}

static void md_brief(const px_story *s, px_buf *b, const char *title)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    md_heading(b, title);
    if (s->no_brief)
        md_missing(b, s->no_brief);
    else if (!s->n_brief)
        px_buf_puts(b, "None: no sentence qualifies (a brief takes whole statements of 8 to 60 "
                       "words).\n\n");
    for (size_t i = 0; i < s->n_brief; i++) {
        px_buf_printf(b, "%zu. ", i + 1);
        md_str(b, s->brief[i].text);
        px_buf_puts(b, " _(");
        for (size_t k = 0; k < s->brief[i].n_docs; k++) {
            if (k)
                px_buf_puts(b, ", ");
            md_str(b, s->outlet[s->brief[i].docs[k]]);
        }
        px_buf_puts(b, ")_");
        if (s->brief_conflict[i] >= 0) {
            const px_conflict *c = &cs[s->brief_conflict[i]];
            px_buf_puts(b, " **⚠ one side of a conflict** (");
            md_str(b, c->what);
            px_buf_puts(b, ": “");
            md_str(b, c->sides[s->brief_side[i]].value);
            px_buf_puts(b, "” here; see Conflicts)");
        }
        px_buf_putc(b, '\n');
    }
    if (s->n_brief)
        px_buf_putc(b, '\n');
}

static void md_conflicts(const px_story *s, px_buf *b, const char *title)
{
    size_t nc;
    const px_conflict *cs = px_compare_conflicts(s->cmp, &nc);
    md_heading(b, title);
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
                px_buf_puts(b, "  - “");
                md_str(b, cs[c].sides[k].value);
                px_buf_puts(b, "”, ");
                md_str(b, s->outlet[ct->doc]);
                px_buf_puts(b, ": ");
                md_sentence(b, s, ct->doc, ct->sentence);
                px_buf_putc(b, '\n');
            }
        px__report_flush(s, b);
    }
    px_buf_putc(b, '\n');
}

static void md_variant(px_buf *b, const px_variant *va)
{
    px_buf_puts(b, "  - ");
    px_buf_puts(b, px_variant_kind_label(va->kind));
    px_buf_puts(b, ": “");
    if (va->kind == PX_VARIANT_REORDERED) {
        md_str(b, va->here);
        px_buf_puts(b, "” comes first");
    } else if (va->kind == PX_VARIANT_OMITTED || va->kind == PX_VARIANT_TRUNCATED) {
        md_str(b, va->fullest);
        px_buf_puts(b, "”");
    } else if (va->kind == PX_VARIANT_ADDED) {
        md_str(b, va->here);
        px_buf_puts(b, "”");
    } else {
        md_str(b, va->fullest);
        px_buf_puts(b, "” → “");
        md_str(b, va->here);
        px_buf_puts(b, "”");
    }
    px_buf_putc(b, '\n');
}

static void md_quotes(const px_story *s, px_buf *b, const char *title)
{
    size_t nq;
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    md_heading(b, title);
    if (s->no_quotes)
        md_missing(b, s->no_quotes);
    size_t several = s->n_quotes_differ + s->n_quotes_alike;
    if (!s->no_quotes)
        px_buf_printf(b, "%zu quoted statement%s several outlets carry, %zu of them worded differently; "
                         "the quotations one outlet alone carries are with what it alone reports.\n\n",
                      several, several == 1 ? "" : "s", s->n_quotes_differ);
    for (size_t r = 0; r < several; r++) {
        const px_quote_group *g = &qs[s->quote_order[r]];
        px_buf_puts(b, "### ");
        md_str(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
        px_buf_printf(b, ", quoted by %zu outlets%s\n\n> ", g->n_docs,
                      r < s->n_quotes_differ ? ", worded differently" : " alike");
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
            for (size_t v = 0; v < oc->n_variants; v++)
                md_variant(b, &oc->variants[v]);
        }
        px_buf_putc(b, '\n');
        px__report_flush(s, b);
    }
}

/* "a number, a named person" */
static void md_reasons(px_buf *b, unsigned reasons)
{
    size_t n = 0;
    for (unsigned bit = 0; bit < PX__CLAIM_N_REASONS; bit++)
        if (reasons & (1u << bit)) {
            if (n++)
                px_buf_puts(b, ", ");
            px_buf_puts(b, px__claim_reason(bit));
        }
    if (!n)
        px_buf_puts(b, "colour");
}

static void md_one_outlet(const px_story *s, px_buf *b, const char *title)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    md_heading(b, title);
    if (!s->n_claims) {
        px_buf_puts(b, "Nothing.\n\n");
        return;
    }
    px_buf_printf(b, "%zu claim%s one outlet alone reports, the heaviest first (a number, a named person or "
                     "organisation, a date, a quotation weigh more than colour).\n\n",
                  s->n_claims, s->n_claims == 1 ? "" : "s");
    size_t shown = PX_MIN(s->n_claims, (size_t)PX__CLAIMS_SHOWN);
    for (size_t k = 0; k < shown; k++) {
        const px__claim *c = &s->claims[k];
        px_buf_printf(b, "%zu. **", k + 1);
        md_str(b, s->outlet[c->doc]);
        px_buf_puts(b, "**: ");
        if (c->is_quote) {
            const px_quote_group *g = &qs[c->index];
            md_str(b, g->speaker_name ? g->speaker_name : "Unknown speaker");
            px_buf_puts(b, ": “");
            md_str(b, g->text);
            px_buf_puts(b, "”");
        } else {
            md_str(b, fs[c->index].text);
            if (fs[c->index].only_here) {
                px_buf_puts(b, " (part of a fact several outlets carry; words only this outlet has: ");
                md_str(b, fs[c->index].only_here);
                px_buf_puts(b, ")");
            }
        }
        px_buf_puts(b, " _(");
        md_reasons(b, c->reasons);
        px_buf_puts(b, ")_\n");
    }
    if (s->n_claims > shown) {
        px_buf_printf(b, "\nand %zu more of less weight:\n\n", s->n_claims - shown);
        for (size_t k = shown; k < s->n_claims; k++) {
            const px__claim *c = &s->claims[k];
            px_buf_puts(b, "- ");
            md_str(b, s->outlet[c->doc]);
            px_buf_puts(b, ": ");
            if (c->is_quote) {
                px_buf_puts(b, "“");
                md_cut(b, qs[c->index].text, 100);
                px_buf_puts(b, "”");
            } else {
                md_cut(b, fs[c->index].text, 100);
            }
            px_buf_putc(b, '\n');
            px__report_flush(s, b);
        }
    }
    px_buf_putc(b, '\n');
}

static void md_facts(const px_story *s, px_buf *b, const char *title)
{
    size_t nf;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    md_heading(b, title);
    size_t n = 0;
    for (size_t f = 0; f < nf; f++) {
        if (!fs[f].corroborated)
            continue;
        n++;
        px_buf_puts(b, "- ");
        md_str(b, fs[f].text);
        px_buf_printf(b, " _(%zu outlets: ", fs[f].n_docs);
        md_outlets(b, s, fs[f].cites, fs[f].n_cites);
        px_buf_puts(b, ")_\n");
        px__report_flush(s, b);
    }
    if (!n)
        px_buf_puts(b, "None found.\n");
    px_buf_putc(b, '\n');
}

static void md_entities(const px_story *s, px_buf *b, const char *title)
{
    size_t ne;
    const px_entity *ents = px_entities_list(s->ents, &ne);
    md_heading(b, title);
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
        px__report_flush(s, b);
    }
    px_buf_putc(b, '\n');
}

static void md_timeline(const px_story *s, px_buf *b, const char *title)
{
    md_heading(b, title);
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
        px__report_flush(s, b);
    }
    if (s->n_timeline)
        px_buf_putc(b, '\n');
}

static void md_coverage(const px_story *s, px_buf *b, const char *title)
{
    size_t nf, nq;
    const px_fact *fs = px_compare_facts(s->cmp, &nf);
    const px_quote_group *qs = px_compare_quotes(s->cmp, &nq);
    size_t cf = px__coverage_facts(s, 12), cq = px__coverage_quotes(s, 8);
    md_heading(b, title);
    px_buf_puts(b, "| | ");
    for (size_t d = 0; d < s->n_docs; d++) {
        md_str(b, s->outlet[d]);
        px_buf_puts(b, " | ");
    }
    px_buf_puts(b, "\n|---|");
    for (size_t d = 0; d < s->n_docs; d++)
        px_buf_puts(b, "---|");
    px_buf_putc(b, '\n');
    for (size_t k = 0; k < cf + cq; k++) {
        const px_quote_group *g = k < cf ? NULL : &qs[s->quote_order[k - cf]];
        px_buf_puts(b, k < cf ? "| fact: " : "| quote: ");
        md_cut(b, g ? g->text : fs[k].text, 70);
        px_buf_puts(b, " | ");
        bool *in = px__carriers(s, g ? NULL : &fs[k], g);
        if (!in) {
            b->oom = true;
            break;
        }
        for (size_t d = 0; d < s->n_docs; d++)
            px_buf_puts(b, in[d] ? "✓ | " : "  | ");
        free(in);
        px_buf_putc(b, '\n');
        px__report_flush(s, b);
    }
}

int px__report_md(const px_story *s, px_buf *b)
{
    px_buf_puts(b, "# ");
    md_str(b, px__story_title(s));
    px_buf_printf(b, "\n\n%zu article%s from %zu outlet%s.\n\n", s->n_docs, s->n_docs == 1 ? "" : "s",
                  s->n_outlets, s->n_outlets == 1 ? "" : "s");
#define PX__MD_SECTION(name, title) md_##name(s, b, title);
    PX__REPORT_SECTIONS(PX__MD_SECTION)
#undef PX__MD_SECTION
    return b->oom ? PX_ENOMEM : 0;
}
