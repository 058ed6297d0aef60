/*
 * spec_runner.c - runs a data-driven spec file (after cmark's spec.txt
 * and jq.test). The file's first line names the kind ("kind: tokenize");
 * then cases:
 *
 *   === name of the case
 *   input lines
 *   ---
 *   expected output lines
 *
 * The input excludes the newline before "---". Each kind turns an input
 * into text that is compared with the expected lines; a mismatch prints
 * both sides.
 */
#include <stdlib.h>
#include <string.h>

#include "spec.h"

static const spec_kind kinds[] = {
    {"tokenize", spec_tokenize},
    {"sentences", spec_sentences},
    {"structure", spec_structure},
    {"normalize", spec_normalize},
    {"dates", spec_dates},
    {"quotes", spec_quotes},
    {"quote_rules", spec_quote_rules},
    {"speaker_ids", spec_speaker_ids},
    /* quotes, dates, ... register here */
};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    px_buf b = PX_BUF_INIT;
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        px_buf_put(&b, tmp, n);
    fclose(f);
    *len = b.len;
    return px_buf_detach(&b);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: spec_runner FILE.spec\n");
        return 2;
    }
    size_t len;
    char *data = read_file(argv[1], &len);
    if (!data) {
        fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    const char *p = data, *end = data + len;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl || strncmp(p, "kind: ", 6)) {
        fprintf(stderr, "%s: first line must be 'kind: NAME'\n", argv[1]);
        free(data);
        return 2;
    }
    char kind[64];
    snprintf(kind, sizeof(kind), "%.*s", (int)(nl - p - 6), p + 6);
    const spec_kind *k = NULL;
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (!strcmp(kinds[i].name, kind))
            k = &kinds[i];
    if (!k) {
        fprintf(stderr, "%s: unknown kind '%s'\n", argv[1], kind);
        free(data);
        return 2;
    }
    int passed = 0, failed = 0;
    p = nl + 1;
    size_t lineno = 2;
    while (p < end) {
        nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (le - p >= 4 && !strncmp(p, "=== ", 4)) {
            char name[200];
            size_t case_line = lineno;
            snprintf(name, sizeof(name), "%.*s", (int)(le - p - 4), p + 4);
            p = nl ? nl + 1 : end;
            lineno++;
            const char *in_s = p, *in_e = NULL, *ex_s = NULL, *ex_e = NULL;
            while (p < end) {
                nl = memchr(p, '\n', (size_t)(end - p));
                le = nl ? nl : end;
                if (!in_e && le - p == 3 && !strncmp(p, "---", 3)) {
                    in_e = p > in_s ? p - 1 : p;
                    ex_s = nl ? nl + 1 : end;
                } else if (le - p >= 4 && !strncmp(p, "=== ", 4)) {
                    break;
                }
                p = nl ? nl + 1 : end;
                lineno++;
            }
            ex_e = p;
            if (!in_e) {
                fprintf(stderr, "%s:%zu: case '%s' has no '---' line\n", argv[1], case_line, name);
                failed++;
                continue;
            }
            /* expected: trailing blank lines do not count */
            while (ex_e > ex_s && (ex_e[-1] == '\n'))
                ex_e--;
            px_buf got = PX_BUF_INIT;
            k->run(in_s, (size_t)(in_e - in_s), &got);
            while (got.len && got.ptr[got.len - 1] == '\n')
                px_buf_truncate(&got, got.len - 1);
            if (got.len == (size_t)(ex_e - ex_s) && !memcmp(got.ptr, ex_s, got.len)) {
                passed++;
            } else {
                failed++;
                fprintf(stderr, "%s:%zu: FAIL %s\n--- expected\n%.*s\n--- got\n%s\n---\n", argv[1],
                        case_line, name, (int)(ex_e - ex_s), ex_s, got.ptr);
            }
            px_buf_release(&got);
            continue;
        }
        p = nl ? nl + 1 : end;
        lineno++;
    }
    free(data);
    printf("%d passed, %d failed\n", passed, failed);
    return failed || !passed ? 1 : 0;
}
