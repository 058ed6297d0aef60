/*
 * fuzz_warc.c - fuzzes the WARC reader (record headers, Content-Length,
 * HTTP messages, chunked and gzip-coded bodies, resynchronisation after
 * damage) through a temporary file, the way a crawl reaches parallax.
 * The first byte's low bit chooses the name: "crawl.warc", or "crawl"
 * (found by sniffing). Gzipped WARC files are fuzz_gzip's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/px_fuzz_warc_XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    int sniffed = size && (data[0] & 1);
    char path[64];
    snprintf(path, sizeof(path), "%s/%s", dir, sniffed ? "crawl" : "crawl.warc");
    FILE *f = fopen(path, "wb");
    if (f) {
        if (size > 1)
            fwrite(data + 1, 1, size - 1, f);
        fclose(f);
        px_reader *r = NULL;
        px_read_options opt = {NULL, NULL, PX_FORMAT_AUTO, 1 << 16};
        if (px_reader_new(&r, &opt) == PX_OK && px_reader_add(r, path) == PX_OK) {
            px_doc *doc;
            while (px_reader_next(r, &doc) == 1) {
                size_t n;
                const px_block *b = px_doc_blocks(doc, &n);
                px_str t = px_doc_text(doc);
                for (size_t i = 0; i < n; i++)
                    if (b[i].start > b[i].end || b[i].end > t.len)
                        abort();
                px_doc_free(doc);
            }
        }
        px_reader_free(r);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
