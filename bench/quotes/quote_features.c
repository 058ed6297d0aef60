/*
 * quote_features.c - dumps what the learned part of attribution sees
 * (src/quote/model.h) for bench/quotes/train_model.py: for every document
 * read, its tokens with their attributes and the records of the hand
 * rules, as tab-separated lines:
 *
 *   D  doc-id
 *   T  start end kind flags lex quote block unit sentence mention person rule-cue wn text
 *   R  ca cb sa sb va vb embedded
 *   O  start end speaker-start speaker-end kind cue-start cue-end
 *
 * start/end are code-point offsets into the input text; quote is the
 * quotation holding the token (-1: none); mention the person-mention
 * table's index (-1: none) and person 1 when its entity is a person;
 * rule-cue the QM_CUE_* of the rules; wn the WordNet class (QM_WN_*). R lines are the rules' records
 * before their final filtering, as token ranges [a, b); O lines what
 * `parallax quotes` prints for the document without the model (code
 * points; speaker -1 -1 when none; kind as px_quote_kind_name).
 *
 *   quote_features INPUT... > features.tsv
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/quote/model.h"

static void dump(const px__qm_doc *v, void *user)
{
    FILE *out = user;
    const px_doc *d = v->doc;
    fprintf(out, "D\t%s\n", px_doc_id(d));
    uint32_t unit = 0;
    size_t sent = 0;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        const px_token *t = &d->toks[i];
        while (unit + 1 < v->n_units && v->units[unit].b <= i)
            unit++;
        while (sent + 1 < d->n_sents && d->sents[sent].first_token + d->sents[sent].n_tokens <= i)
            sent++;
        int32_t m = v->mn->tok_mention[i];
        int person = m >= 0 && v->mn->e.v[v->mn->m.v[m].entity].person;
        fprintf(out, "T\t%zu\t%zu\t%u\t%u\t%u\t%d\t%u\t%u\t%zu\t%d\t%d\t%u\t%u\t",
                px_doc_char_offset(d, t->start), px_doc_char_offset(d, t->end), (unsigned)t->kind,
                (unsigned)t->flags, (unsigned)v->lex[i], (int)v->qs->tok_quote[i],
                (unsigned)v->qs->tok_block[i], unit, sent, (int)m, person,
                (unsigned)v->rule_cue(v->rule_ctx, i), (unsigned)v->wn[i]);
        for (uint32_t k = t->start; k < t->end; k++) {
            char ch = d->text[k];
            fputc(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch, out);
        }
        fputc('\n', out);
    }
    for (size_t r = 0; r < v->n_recs; r++) {
        const px__qm_rec *x = &v->recs[r];
        fprintf(out, "R\t%u\t%u\t%u\t%u\t%u\t%u\t%d\n", x->ca, x->cb, x->sa, x->sb, x->va, x->vb,
                (int)x->embedded);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs("usage: quote_features INPUT... > features.tsv\n", argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    px_reader *r = NULL;
    px_read_options opt = {NULL, NULL, PX_FORMAT_AUTO, 0};
    if (px_reader_new(&r, &opt))
        return 2;
    for (int i = 1; i < argc; i++)
        if (px_reader_add(r, argv[i]))
            return 2;
    px__qm_trace = dump;
    px__qm_trace_user = stdout;
    px__qm_disabled = true;
    px_doc *doc;
    int st, rc = 0;
    while ((st = px_reader_next(r, &doc)) == 1) {
        const px_quote *q;
        size_t n;
        if (px_quotes_find(doc, &q, &n)) {
            fprintf(stderr, "quote_features: %s: out of memory\n", px_doc_id(doc));
            rc = 2;
            n = 0;
        }
        for (size_t i = 0; i < n; i++) {
            bool sp = q[i].speaker_end > q[i].speaker_start;
            printf("O\t%zu\t%zu\t%ld\t%ld\t%s\t%zu\t%zu\n", px_doc_char_offset(doc, q[i].start),
                   px_doc_char_offset(doc, q[i].end),
                   sp ? (long)px_doc_char_offset(doc, q[i].speaker_start) : -1L,
                   sp ? (long)px_doc_char_offset(doc, q[i].speaker_end) : -1L,
                   px_quote_kind_name(q[i].kind), px_doc_char_offset(doc, q[i].cue_start),
                   px_doc_char_offset(doc, q[i].cue_end));
        }
        px_doc_free(doc);
    }
    if (st < 0 || px_reader_n_errors(r))
        rc = 2;
    px_reader_free(r);
    return rc;
}
