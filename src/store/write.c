/*
 * write.c - px_store_article_write_jsonl: an article of the corpus as
 * 'parallax show --format jsonl' prints it (docs/schema/show.schema.json).
 */
#include <stdio.h>

#include "store.h"

static void put_json_str(FILE *f, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fputc('\\', f), fputc(c, f);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

int px_store_article_write_jsonl(FILE *f, const px_store_article *a)
{
    fputs("{\"doc\":", f);
    put_json_str(f, a->id);
    fprintf(f, ",\"story\":%lld,\"duplicate_of\":", (long long)a->story);
    put_json_str(f, a->duplicate_of);
    const char *keys[] = {"source", "url", "date", "headline", "text"};
    const char *vals[] = {a->source, a->url, a->date, a->headline, a->text};
    for (int i = 0; i < 5; i++) {
        fprintf(f, ",\"%s\":", keys[i]);
        put_json_str(f, vals[i]);
    }
    fputs("}\n", f);
    return ferror(f) ? PX_EIO : PX_OK;
}
