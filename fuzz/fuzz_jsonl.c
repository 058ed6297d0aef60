/*
 * fuzz_jsonl.c - fuzzes the JSON Lines reader (truncated, malformed and
 * oversized records) through a temporary file, the way
 * a .jsonl file reaches parallax.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallax.h"

static int read_all(const char *path)
{
    px_reader *r = NULL;
    px_read_options opt = {NULL, NULL, PX_FORMAT_JSONL, 0};
    if (px_reader_new(&r, &opt))
        return 0;
    px_reader_add(r, path);
    px_doc *doc;
    while (px_reader_next(r, &doc) == 1)
        px_doc_free(doc);
    px_reader_free(r);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/px_fuzz_jsonl_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return 0;
    }
    fwrite(data, 1, size, f);
    fclose(f);
    read_all(path);
    unlink(path);
    return 0;
}
