/*
 * fuzz_front_matter.c - fuzzes a plain-text article through px_reader,
 * the way a .txt file reaches parallax: the binary and empty-file checks,
 * the SGML sniff, front matter ("title:", "source:", "date:", "url:"
 * lines at the top), then the structure (headline, dateline, standfirst,
 * signature). Each document is checked (fuzz_file.h): offsets inside the
 * text, metadata NUL-terminated, a date YYYY-MM-DD.
 */
#include <stdint.h>
#include <unistd.h>

#include "fuzz_file.h"

enum { MAX_INPUT = 64 * 1024 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT)
        return 0;
    char path[256];
    if (fuzz_write_temp(data, size, ".txt", path, sizeof path)) {
        fuzz_read_file(path, PX_FORMAT_AUTO, 0);
        unlink(path);
    }
    return 0;
}
