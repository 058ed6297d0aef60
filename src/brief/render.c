/*
 * render.c - the brief's writers: plain text (one sentence a line and
 * nothing else, what ROUGE scorers read), JSON Lines (one object a
 * sentence with its offsets and sources) and Markdown (a list whose
 * items name their outlets, "(AP, Reuters, +3)").
 */
#include <stdlib.h>
#include <string.h>

#include "brief.h"

/* How many outlets a Markdown item names before "+N". */
#define MD_LABELS 2

static void write_jsonl(px_buf *out, const px_brief *b)
{
    for (size_t i = 0; i < b->n; i++) {
        const px_brief_sentence *s = &b->sents[i];
        const px__brief_item *it = &b->items[i];
        px_json j;
        px_json_init(&j, out);
        px_json_object_begin(&j);
        px_json_key(&j, "text");
        px_json_str(&j, s->text);
        px_json_key(&j, "doc");
        px_json_str(&j, it->doc_id);
        px_json_key(&j, "start");
        px_json_uint(&j, it->char_start);
        px_json_key(&j, "end");
        px_json_uint(&j, it->char_end);
        px_json_key(&j, "sources");
        px_json_array_begin(&j);
        for (size_t k = 0; k < s->n_sources; k++)
            px_json_str(&j, it->source_ids[k]);
        px_json_array_end(&j);
        px_json_key(&j, "outlets");
        px_json_array_begin(&j);
        for (size_t k = 0; k < s->n_sources; k++)
            px_json_str(&j, it->source_labels[k]);
        px_json_array_end(&j);
        px_json_object_end(&j);
        px_buf_putc(out, '\n');
    }
}

/* Markdown-escapes inline text: the characters that would start markup. */
static void md_escape(px_buf *out, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>#|", *s))
            px_buf_putc(out, '\\');
        px_buf_putc(out, *s);
    }
}

static void write_md(px_buf *out, const px_brief *b)
{
    for (size_t i = 0; i < b->n; i++) {
        const px_brief_sentence *s = &b->sents[i];
        const px__brief_item *it = &b->items[i];
        px_buf_puts(out, "- ");
        md_escape(out, s->text);
        px_buf_puts(out, " (");
        /* distinct labels: one outlet with two articles is named once */
        size_t shown = 0, distinct = 0;
        for (size_t k = 0; k < s->n_sources; k++) {
            bool seen = false;
            for (size_t m = 0; m < k && !seen; m++)
                seen = !strcmp(it->source_labels[m], it->source_labels[k]);
            if (seen)
                continue;
            distinct++;
            if (shown < MD_LABELS) {
                if (shown)
                    px_buf_puts(out, ", ");
                md_escape(out, it->source_labels[k]);
                shown++;
            }
        }
        if (distinct > shown)
            px_buf_printf(out, ", +%zu", distinct - shown);
        px_buf_puts(out, ")\n");
    }
}

int px_brief_render(const px_brief *b, px_brief_format format, char **out, size_t *len)
{
    if (!b || !out)
        return PX_EUSAGE;
    *out = NULL;
    if (len)
        *len = 0;
    px_buf buf = PX_BUF_INIT;
    switch (format) {
    case PX_BRIEF_TEXT:
        for (size_t i = 0; i < b->n; i++) {
            px_buf_puts(&buf, b->sents[i].text);
            px_buf_putc(&buf, '\n');
        }
        break;
    case PX_BRIEF_JSONL:
        write_jsonl(&buf, b);
        break;
    case PX_BRIEF_MD:
        write_md(&buf, b);
        break;
    default:
        return PX_EUSAGE;
    }
    if (buf.oom) {
        px_buf_release(&buf);
        return PX_ENOMEM;
    }
    if (len)
        *len = buf.len;
    /* px_buf_detach hands back malloc'd memory even when empty */
    *out = px_buf_detach(&buf);
    return *out ? PX_OK : PX_ENOMEM;
}
