/*
 * fuzz_jsonl_fast.c - differential fuzzing of the JSON Lines fast path
 * (src/read/jsonl.c) against jansson: whenever the fast path accepts a
 * line, jansson must accept it too (same flags as the reader) as an
 * object, and every field the reader uses must have the same string value
 * (or be a non-string in both). Aborts on any disagreement.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../src/read/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    char *line = malloc(size + 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    line[size] = '\0';
    px_jsonl_fields jf;
    if (px__jsonl_fast(line, size, &jf)) {
        json_error_t err;
        json_t *obj = json_loadb((const char *)data, size,
                                 JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
        if (!obj || !json_is_object(obj))
            abort();
        for (int f = 0; f < PX_JF__COUNT; f++) {
            json_t *v = json_object_get(obj, px__jsonl_field_names[f]);
            if (!json_is_string(v) != !jf.v[f])
                abort();
            if (jf.v[f] && (json_string_length(v) != jf.len[f] ||
                            memcmp(json_string_value(v), jf.v[f], jf.len[f]) ||
                            jf.v[f][jf.len[f]] != '\0'))
                abort();
        }
        json_decref(obj);
    }
    free(line);
    return 0;
}
