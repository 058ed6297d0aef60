/*
 * fuzz_sgml.c - fuzzes the TREC/DUC SGML reader (sgml.c) the way a news
 * corpus file reaches it: through px_reader, from a file without an
 * extension. An input that does not open with <DOC> gets one, so every
 * run reaches the SGML path. Each document read is checked
 * (fuzz_file.h): offsets inside the text, a YYYY-MM-DD date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_file.h"

enum { MAX_INPUT = 64 * 1024 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT)
        return 0;
    static const char open[] = "<DOC>\n";
    uint8_t *buf = malloc(size + sizeof open);
    if (!buf)
        return 0;
    size_t n = 0;
    if (size < 4 || memcmp(data, "<DOC", 4)) {
        memcpy(buf, open, sizeof open - 1);
        n = sizeof open - 1;
    }
    if (size)
        memcpy(buf + n, data, size);
    n += size;
    char path[256];
    if (fuzz_write_temp(buf, n, "", path, sizeof path)) {
        fuzz_read_file(path, PX_FORMAT_AUTO, 0);
        unlink(path);
    }
    free(buf);
    return 0;
}
