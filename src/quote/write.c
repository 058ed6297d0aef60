/*
 * write.c - prints the attributions of a document: one JSON object per
 * attribution (JSONL) or a readable table. Offsets are code points into
 * the original input, as everywhere parallax prints them.
 */
#include <string.h>

#include "quote.h"

/* JSON is written by hand here (the records are flat and many): keys as
 * literals, numbers without printf, strings through px__json_escape. */
static void put_uint(px_buf *b, size_t v)
{
    char tmp[24];
    size_t n = sizeof(tmp);
    do {
        tmp[--n] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    px_buf_put(b, tmp + n, sizeof(tmp) - n);
}

#define PUT_LIT(b, lit) px_buf_put((b), (lit), sizeof(lit) - 1)
/* ,"key": */
#define KEY(k) ",\"" k "\":"
typedef struct key {
    const char *s;
    size_t len;
} key;
#define K(k) ((key){KEY(k), sizeof(KEY(k)) - 1})

static void put_str(px_buf *b, const char *s, size_t len)
{
    px_buf_putc(b, '"');
    px__json_escape(b, s, len);
    px_buf_putc(b, '"');
}

static void json_span(px_buf *b, const px_doc *doc, key k_text, key k_start, key k_end,
                      size_t s, size_t e, bool present)
{
    if (k_text.s) {
        px_buf_put(b, k_text.s, k_text.len);
        if (present)
            put_str(b, doc->text + s, e - s);
        else
            PUT_LIT(b, "null");
    }
    px_buf_put(b, k_start.s, k_start.len);
    if (present)
        put_uint(b, px_doc_char_offset(doc, s));
    else
        PUT_LIT(b, "null");
    px_buf_put(b, k_end.s, k_end.len);
    if (present)
        put_uint(b, px_doc_char_offset(doc, e));
    else
        PUT_LIT(b, "null");
}

static void write_jsonl(px_buf *b, const px_doc *doc, const char *id, size_t id_len,
                        const px_quote *q, unsigned flags)
{
    PUT_LIT(b, "{\"doc\":");
    put_str(b, id, id_len);
    size_t s = q->start, e = q->end;
    if (flags & PX_QUOTES_POLNEAR_SPANS)
        s = q->span_start, e = q->span_end;
    static const key none = {NULL, 0};
    json_span(b, doc, K("text"), K("start"), K("end"), s, e, true);
    json_span(b, doc, none, K("span_start"), K("span_end"), q->span_start, q->span_end, true);
    PUT_LIT(b, KEY("kind") "\"");
    px_buf_puts(b, px_quote_kind_name(q->kind));
    px_buf_putc(b, '"');
    PUT_LIT(b, KEY("speaker"));
    if (q->speaker)
        put_str(b, q->speaker, strlen(q->speaker));
    else
        PUT_LIT(b, "null");
    PUT_LIT(b, KEY("speaker_id"));
    if (q->speaker_id)
        put_str(b, q->speaker_id, strlen(q->speaker_id));
    else
        PUT_LIT(b, "null");
    json_span(b, doc, K("speaker_text"), K("speaker_start"), K("speaker_end"), q->speaker_start,
              q->speaker_end, q->speaker_end > q->speaker_start);
    json_span(b, doc, K("cue"), K("cue_start"), K("cue_end"), q->cue_start, q->cue_end,
              q->cue_end > q->cue_start);
    PUT_LIT(b, KEY("parts") "[");
    for (size_t i = 0; i < q->n_parts; i++) {
        if (i)
            PUT_LIT(b, ",{\"start\":");
        else
            PUT_LIT(b, "{\"start\":");
        put_uint(b, px_doc_char_offset(doc, q->parts[i].start));
        PUT_LIT(b, ",\"end\":");
        put_uint(b, px_doc_char_offset(doc, q->parts[i].end));
        px_buf_putc(b, '}');
    }
    px_buf_putc(b, ']');
    PUT_LIT(b, KEY("sentence"));
    put_uint(b, q->sentence);
    PUT_LIT(b, "}\n");
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
    else {
        const char *id = px_doc_id(doc);
        size_t id_len = strlen(id);
        for (size_t i = 0; i < n; i++)
            write_jsonl(&b, doc, id, id_len, &q[i], flags);
    }
    if (b.oom) {
        px_buf_release(&b);
        return PX_ENOMEM;
    }
    if (b.len && fwrite(b.ptr, 1, b.len, f) != b.len)
        rc = PX_EIO;
    px_buf_release(&b);
    return rc;
}
