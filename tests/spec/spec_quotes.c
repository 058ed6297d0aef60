/*
 * spec_quotes.c - the quotes spec kind: one attribution a line,
 *   KIND [content, marks excluded] speaker=NAME src=[as written] cue=[cue]
 * with "-" for what is missing; a record of several quoted parts lists
 * them after "parts=". The kind quote_rules prints what the hand rules
 * find alone, without the learned cue detector (src/quote/model.c, which
 * tests/cli/test_quotes_model and the PolNeAR floors check): the files
 * that pin the rules' decisions use it.
 */
#include <stdlib.h>

#include "spec.h"
#include "../../src/quote/model.h"

static void put_span(px_buf *out, const px_doc *doc, size_t s, size_t e)
{
    if (e > s)
        px_buf_printf(out, "[%.*s]", (int)(e - s), doc->text + s);
    else
        px_buf_puts(out, "-");
}

void spec_quotes(const char *in, size_t len, px_buf *out)
{
    px_doc *doc = NULL;
    px_doc_meta meta = {"spec", "spec", NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (px_doc_new(&doc, in, len, &meta, 0, NULL, NULL) != PX_OK)
        return;
    const px_quote *q;
    size_t n;
    if (px_quotes_find(doc, &q, &n) == PX_OK) {
        for (size_t i = 0; i < n; i++) {
            px_buf_printf(out, "%s ", px_quote_kind_name(q[i].kind));
            put_span(out, doc, q[i].start, q[i].end);
            px_buf_printf(out, " speaker=%s src=", q[i].speaker ? q[i].speaker : "-");
            put_span(out, doc, q[i].speaker_start, q[i].speaker_end);
            px_buf_puts(out, " cue=");
            put_span(out, doc, q[i].cue_start, q[i].cue_end);
            if (q[i].n_parts > 1) {
                px_buf_puts(out, " parts=");
                for (size_t k = 0; k < q[i].n_parts; k++)
                    put_span(out, doc, q[i].parts[k].start, q[i].parts[k].end);
            }
            px_buf_putc(out, '\n');
        }
    }
    px_doc_free(doc);
}

void spec_quote_rules(const char *in, size_t len, px_buf *out)
{
    px__qm_disabled = true;
    spec_quotes(in, len, out);
    px__qm_disabled = false;
}

/* The speaker_ids kind: one speaker name a line, given in that order to
 * one px_speakers (one run); each line comes out as "NAME -> ID". */
void spec_speaker_ids(const char *in, size_t len, px_buf *out)
{
    px_speakers *s;
    if (px_speakers_new(&s) != PX_OK)
        return;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && in[e] != '\n')
            e++;
        if (e > i) {
            char *name = px__strndup(in + i, e - i);
            const char *id = name ? px_speakers_id(s, name) : NULL;
            px_buf_printf(out, "%s -> %s\n", name ? name : "?", id ? id : "(null)");
            free(name);
        }
        i = e + 1;
    }
    px_speakers_free(s);
}
