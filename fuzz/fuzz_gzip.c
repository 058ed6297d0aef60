/*
 * fuzz_gzip.c - fuzzes the gzip stream under every reader: the input is
 * a file whose name asks for text, JSON Lines, HTML or WARC (chosen by
 * the first byte), gunzipped when it starts with gzip's magic bytes;
 * members, truncation, corruption and trailing bytes must end in a
 * message, never a crash or a hang. Documents are cut at 64 KB, so a
 * small input that inflates to megabytes stays a fast run.
 */
#include "fuzz_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const suffix[] = {".txt.gz", ".jsonl.gz", ".html.gz", ".warc.gz"};
    char path[96];
    if (!fuzz_write_temp(size ? data + 1 : data, size ? size - 1 : 0,
                         suffix[size ? data[0] % 4 : 0], path, sizeof path))
        return 0;
    fuzz_read_file(path, PX_FORMAT_AUTO, 1 << 16);
    unlink(path);
    return 0;
}
