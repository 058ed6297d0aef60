/*
 * fuzz_gzip.c - fuzzes the gzip stream under every reader: the input is
 * a file whose name asks for text, JSON Lines, HTML or WARC (chosen by
 * the first byte), gunzipped when it starts with gzip's magic bytes;
 * members, truncation, corruption and trailing bytes must end in a
 * message, never a crash or a hang.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallax.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"a.txt.gz", "a.jsonl.gz", "a.html.gz", "a.warc.gz"};
    char dir[] = "/tmp/px_fuzz_gzip_XXXXXX";
    if (!mkdtemp(dir))
        return 0;
    char path[64];
    snprintf(path, sizeof(path), "%s/%s", dir, names[size ? data[0] % 4 : 0]);
    FILE *f = fopen(path, "wb");
    if (f) {
        if (size > 1)
            fwrite(data + 1, 1, size - 1, f);
        fclose(f);
        px_reader *r = NULL;
        px_read_options opt = {NULL, NULL, PX_FORMAT_AUTO, 1 << 16};
        if (px_reader_new(&r, &opt) == PX_OK && px_reader_add(r, path) == PX_OK) {
            px_doc *doc;
            while (px_reader_next(r, &doc) == 1)
                px_doc_free(doc);
        }
        px_reader_free(r);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
