/*
 * fuzz_file.h - for the fuzz targets that go through px_reader, which
 * reads paths: writes the input to a temporary file (in /dev/shm when
 * there is one, so a fuzz run does not wear the disk) and reads it back
 * with every document checked by the caller.
 */
#ifndef PX_FUZZ_FILE_H
#define PX_FUZZ_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallax.h"

/* Writes data[0..size) to a new temporary file whose name ends in
 * suffix; the path goes to path (at least 64 bytes). false on failure. */
static inline int fuzz_write_temp(const uint8_t *data, size_t size, const char *suffix,
                                  char *path, size_t cap)
{
    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(path, cap, "%s/px_fuzz_XXXXXX%s", dir, suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0)
        return 0;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return 0;
    }
    int ok = fwrite(data, 1, size, f) == size;
    ok = fclose(f) == 0 && ok;
    if (!ok)
        unlink(path);
    return ok;
}

/* The checks every document read must pass: offsets inside the text,
 * blocks, sentences and tokens in order, the metadata NUL-terminated
 * and a date, when there is one, YYYY-MM-DD. */
static inline void fuzz_check_doc(const px_doc *doc)
{
    size_t nb, ns, nt;
    px_str t = px_doc_text(doc);
    if (t.ptr[t.len] != '\0')
        abort();
    const px_block *b = px_doc_blocks(doc, &nb);
    const px_sentence *s = px_doc_sentences(doc, &ns);
    for (size_t i = 0; i < nb; i++)
        if (b[i].start > b[i].end || b[i].end > t.len || (i && b[i].start < b[i - 1].end) ||
            b[i].first_sentence + b[i].n_sentences > ns)
            abort();
    const px_token *k = px_doc_tokens(doc, &nt);
    for (size_t i = 0; i < ns; i++)
        if (s[i].start > s[i].end || s[i].end > t.len || s[i].block >= nb ||
            s[i].first_token + s[i].n_tokens > nt)
            abort();
    for (size_t i = 0; i < nt; i++)
        if (k[i].start >= k[i].end || k[i].end > t.len)
            abort();
    if (px_doc_char_offset(doc, t.len) != px_doc_char_length(doc))
        abort();
    const char *fields[] = {px_doc_id(doc),   px_doc_file(doc),     px_doc_source(doc),
                            px_doc_url(doc),  px_doc_headline(doc), px_doc_standfirst(doc)};
    if (!fields[0])
        abort();
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i])
            (void)strlen(fields[i]);
    const char *d = px_doc_date(doc);
    if (d) {
        if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
            abort();
        for (int i = 0; i < 10; i++)
            if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
                abort();
    }
}

/* Reads path as fmt, documents cut at max_bytes (0: the reader's
 * default), and checks each document; returns the count. */
static inline size_t fuzz_read_file(const char *path, px_format fmt, size_t max_bytes)
{
    px_reader *r = NULL;
    px_read_options opt = {NULL, NULL, fmt, max_bytes};
    if (px_reader_new(&r, &opt))
        return 0;
    size_t n = 0;
    if (px_reader_add(r, path) == PX_OK) {
        px_doc *doc;
        while (px_reader_next(r, &doc) == 1) {
            fuzz_check_doc(doc);
            px_doc_free(doc);
            n++;
        }
    }
    if (px_reader_n_docs(r) != n)
        abort();
    px_reader_free(r);
    return n;
}

#endif /* PX_FUZZ_FILE_H */
