/*
 * fuzz_report.c - fuzzes the story report (px_story_new: entities,
 * quotation grouping and diffs, facts, conflicts, timeline, brief) and its
 * three writers. The input is split into documents at form feeds; every
 * offset the story hands back must lie inside its document. Inputs are
 * capped at 1 KB and each run writes one format (the input's length
 * modulo 3 chooses it), which keeps a run near a millisecond even with
 * sanitizers; run it with -entropic=0 (fuzz/fuzz_report.options), as
 * libFuzzer's entropic schedule spends 90% of the time on its own
 * bookkeeping for a target that covers this much code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

#define MAX_DOCS 6
/* A story of a few short articles reaches every stage: longer inputs
 * only slow the run (a 4 KB input ran at 10 executions a second) */
#define MAX_INPUT 1024

static void check_cite(px_doc *const *docs, size_t n, const px_cite *c)
{
    if (c->doc >= n)
        abort();
    size_t ns;
    px_doc_sentences(docs[c->doc], &ns);
    px_str t = px_doc_text(docs[c->doc]);
    if (c->sentence >= ns || c->start > c->end || c->end > t.len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT)
        return 0;
    px_doc *docs[MAX_DOCS];
    size_t n = 0, from = 0;
    for (size_t i = 0; i <= size && n < MAX_DOCS; i++) {
        if (i < size && data[i] != '\f')
            continue;
        char id[8];
        snprintf(id, sizeof id, "d%zu", n);
        px_doc_meta meta = {id, "fuzz", NULL, n % 2 ? "Outlet" : NULL, NULL, NULL, NULL};
        if (px_doc_new(&docs[n], (const char *)data + from, i - from, &meta, 1, NULL, NULL) == PX_OK)
            n++;
        from = i + 1;
    }
    px_story *s = NULL;
    if (px_story_new(&s, docs, n) == PX_OK) {
        size_t ne, nq, nf, nc, nt;
        const px_entity *e = px_entities_list(px_story_entities(s), &ne);
        for (size_t i = 0; i < ne; i++)
            for (size_t m = 0; m < e[i].n_mentions; m++) {
                const px_mention *x = &e[i].mentions[m];
                if (x->doc >= n || x->start > x->end || x->end > px_doc_text(docs[x->doc]).len)
                    abort();
            }
        const px_quote_group *q = px_compare_quotes(px_story_compare(s), &nq);
        for (size_t i = 0; i < nq; i++) {
            if (q[i].fullest >= q[i].n_occurrences)
                abort();
            for (size_t o = 0; o < q[i].n_occurrences; o++)
                if (q[i].occurrences[o].doc >= n ||
                    q[i].occurrences[o].end > px_doc_text(docs[q[i].occurrences[o].doc]).len)
                    abort();
        }
        const px_fact *f = px_compare_facts(px_story_compare(s), &nf);
        for (size_t i = 0; i < nf; i++)
            for (size_t k = 0; k < f[i].n_cites; k++)
                check_cite(docs, n, &f[i].cites[k]);
        const px_conflict *c = px_compare_conflicts(px_story_compare(s), &nc);
        for (size_t i = 0; i < nc; i++)
            for (size_t k = 0; k < c[i].n_sides; k++)
                for (size_t x = 0; x < c[i].sides[k].n_cites; x++)
                    check_cite(docs, n, &c[i].sides[k].cites[x]);
        const px_event *ev = px_story_timeline(s, &nt);
        for (size_t i = 0; i < nt; i++)
            for (size_t x = 0; x < ev[i].n_cites; x++)
                check_cite(docs, n, &ev[i].cites[x]);
        static const px_report_format fmts[] = {PX_REPORT_MD, PX_REPORT_HTML, PX_REPORT_JSON};
        FILE *out = fopen("/dev/null", "w");
        if (out) {
            if (px_report_write(s, fmts[size % 3], out) != PX_OK)
                abort();
            fclose(out);
        }
    }
    px_story_free(s);
    for (size_t i = 0; i < n; i++)
        px_doc_free(docs[i]);
    return 0;
}
