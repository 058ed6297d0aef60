/*
 * spec.h - the kinds a spec file can test. Each turns an input into the
 * text the spec's expected lines are compared with.
 */
#ifndef PX_SPEC_H
#define PX_SPEC_H

#include "../../src/read/read.h"

typedef struct spec_kind {
    const char *name;
    void (*run)(const char *in, size_t len, px_buf *out);
} spec_kind;

void spec_tokenize(const char *in, size_t len, px_buf *out);
void spec_sentences(const char *in, size_t len, px_buf *out);
void spec_structure(const char *in, size_t len, px_buf *out);
void spec_normalize(const char *in, size_t len, px_buf *out);
void spec_dates(const char *in, size_t len, px_buf *out);
void spec_quotes(const char *in, size_t len, px_buf *out);
void spec_quote_rules(const char *in, size_t len, px_buf *out);
void spec_speaker_ids(const char *in, size_t len, px_buf *out);

#endif
