/*
 * fuzz_warc.c - fuzzes the WARC reader (record headers, Content-Length,
 * HTTP messages, chunked and gzip-coded bodies, resynchronisation after
 * damage) through a temporary file, the way a crawl reaches parallax.
 * The first byte's low bit chooses the name: one ending in ".warc", or
 * one with no extension (found by sniffing). Gzipped WARC files are
 * fuzz_gzip's. Documents are cut at 64 KB.
 */
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int sniffed = size && (data[0] & 1);
    char path[96];
    if (!fuzz_write_temp(size ? data + 1 : data, size ? size - 1 : 0, sniffed ? "" : ".warc",
                         path, sizeof path))
        return 0;
    fuzz_read_file(path, PX_FORMAT_AUTO, 1 << 16);
    unlink(path);
    return 0;
}
