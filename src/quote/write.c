/*
 * write.c - prints the attributions of a document: one JSON object per
 * attribution (JSONL) or a readable table. Offsets are code points into
 * the original input, as everywhere parallax prints them.
 */
#include <string.h>

#include "quote.h"

static void json_span(px_json *j, const px_doc *doc, const char *k_text, const char *k_start,
                      const char *k_end, size_t s, size_t e, bool present)
{
    if (k_text) {
        px_json_key(j, k_text);
        if (present)
            px_json_strn(j, doc->text + s, e - s);
        else
            px_json_null(j);
    }
    px_json_key(j, k_start);
    if (present)
        px_json_uint(j, px_doc_char_offset(doc, s));
    else
        px_json_null(j);
    px_json_key(j, k_end);
    if (present)
        px_json_uint(j, px_doc_char_offset(doc, e));
    else
        px_json_null(j);
}

static void write_jsonl(px_buf *b, const px_doc *doc, const px_quote *q, unsigned flags)
{
    px_json j;
    px_json_init(&j, b);
    px_json_object_begin(&j);
    px_json_key(&j, "doc");
    px_json_str(&j, px_doc_id(doc));
    size_t s = q->span_start, e = q->span_end;
    if (flags & PX_QUOTES_MARKS_EXCLUDED)
        s = q->start, e = q->end;
    json_span(&j, doc, NULL, "start", "end", s, e, true);
    px_json_key(&j, "text");
    px_json_strn(&j, doc->text + s, e - s);
    px_json_key(&j, "kind");
    px_json_str(&j, px_quote_kind_name(q->kind));
    px_json_key(&j, "speaker");
    px_json_str(&j, q->speaker);
    json_span(&j, doc, "speaker_text", "speaker_start", "speaker_end", q->speaker_start,
              q->speaker_end, q->speaker_end > q->speaker_start);
    json_span(&j, doc, "cue", "cue_start", "cue_end", q->cue_start, q->cue_end,
              q->cue_end > q->cue_start);
    px_json_key(&j, "parts");
    px_json_array_begin(&j);
    for (size_t i = 0; i < q->n_parts; i++) {
        px_json_object_begin(&j);
        json_span(&j, doc, NULL, "start", "end", q->parts[i].start, q->parts[i].end, true);
        px_json_object_end(&j);
    }
    px_json_array_end(&j);
    px_json_key(&j, "sentence");
    px_json_uint(&j, q->sentence);
    px_json_object_end(&j);
    px_buf_putc(b, '\n');
}

/* one line of at most max bytes (cut at a character boundary) */
static void put_clipped(px_buf *b, const char *s, size_t len, size_t max)
{
    size_t n = 0;
    bool cut = false;
    while (n < len) {
        uint32_t cp;
        size_t k = px__utf8_decode(s + n, len - n, &cp);
        if (!k)
            k = 1;
        if (n + k > max) {
            cut = true;
            break;
        }
        n += k;
    }
    for (size_t i = 0; i < n; i++)
        px_buf_putc(b, s[i] == '\n' ? ' ' : s[i]);
    if (cut)
        px_buf_puts(b, "...");
}

static void write_text(px_buf *b, const px_doc *doc, const px_quote *q, size_t n)
{
    px_buf_printf(b, "== %s: %zu attribution%s\n", px_doc_id(doc), n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const px_quote *x = &q[i];
        px_buf_printf(b, "%6zu-%-6zu %-8s ", px_doc_char_offset(doc, x->start),
                      px_doc_char_offset(doc, x->end), px_quote_kind_name(x->kind));
        px_buf_puts(b, x->speaker ? x->speaker : "?");
        if (x->speaker_end > x->speaker_start) {
            px_buf_puts(b, " [");
            put_clipped(b, doc->text + x->speaker_start, x->speaker_end - x->speaker_start, 60);
            px_buf_puts(b, "]");
        }
        if (x->cue_end > x->cue_start) {
            px_buf_puts(b, " <");
            put_clipped(b, doc->text + x->cue_start, x->cue_end - x->cue_start, 40);
            px_buf_puts(b, ">");
        }
        px_buf_puts(b, "\n                       ");
        put_clipped(b, doc->text + x->start, x->end - x->start, 160);
        px_buf_putc(b, '\n');
    }
    px_buf_putc(b, '\n');
}

int px_quotes_write(FILE *f, px_doc *doc, px_quotes_format format, unsigned flags)
{
    const px_quote *q;
    size_t n;
    int rc = px_quotes_find(doc, &q, &n);
    if (rc)
        return rc;
    px_buf b = PX_BUF_INIT;
    if (format == PX_QUOTES_TEXT)
        write_text(&b, doc, q, n);
    else
        for (size_t i = 0; i < n; i++)
            write_jsonl(&b, doc, &q[i], flags);
    if (b.oom) {
        px_buf_release(&b);
        return PX_ENOMEM;
    }
    if (b.len && fwrite(b.ptr, 1, b.len, f) != b.len)
        rc = PX_EIO;
    px_buf_release(&b);
    return rc;
}
