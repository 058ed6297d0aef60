/*
 * doc.c - px_doc: one article, normalised, with its structure, sentences
 * and tokens. Everything the later stages need about the text is computed
 * once here.
 */
#include <stdlib.h>
#include <string.h>

#include "read.h"

const char *px_block_kind_name(px_block_kind kind)
{
    static const char *const names[] = {
#define PX__BLOCK_NAME(name, str) str,
        PX_BLOCK_KIND_MAP(PX__BLOCK_NAME)
#undef PX__BLOCK_NAME
    };
    return (unsigned)kind < PX_ARRAY_LEN(names) ? names[kind] : "body";
}

/* The trimmed value, NULL when absent or blank; *nomem is set when the
 * copy could not be made. */
static char *dup_meta(px_arena *a, const char *s, bool *nomem)
{
    if (!s)
        return NULL;
    px_str t = px__str_trim((px_str){s, strlen(s)});
    if (!t.len)
        return NULL;
    char *p = px_arena_strndup(a, t.ptr, t.len);
    if (!p)
        *nomem = true;
    return p;
}

/* Keeps a YYYY-MM-DD prefix of an ISO date or timestamp; parses other
 * common forms ("May 11, 2025"). NULL when no date is recognised (or
 * *nomem set). */
static char *normalise_date(px_arena *a, const char *s, bool *nomem)
{
    if (!s)
        return NULL;
    int y, m, d;
    size_t len = strlen(s);
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    if (!px__parse_calendar_date(s, len, &y, &m, &d))
        return NULL;
    char tmp[16];
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    return dup_meta(a, tmp, nomem);
}

/* The language: the metadata's when the text does not clearly say
 * otherwise (templates often keep lang="en" on pages in other
 * languages), else the text's own, else "und". */
static int choose_lang(px_doc *doc, const char *meta_lang)
{
    size_t words = 0;
    const char *guess = px__detect_lang(doc->text, doc->len, &words);
    char code[16] = "";
    if (meta_lang) {
        size_t n = 0;
        while (meta_lang[n] == ' ')
            meta_lang++;
        while (n + 1 < sizeof(code) && (unsigned)((meta_lang[n] | 32) - 'a') < 26u)
            code[n] = (char)(meta_lang[n] | 32), n++;
        code[n] = '\0';
        if (n < 2 || n > 3)
            code[0] = '\0';
    }
    if (code[0] && !(guess && words >= 50 && strcmp(guess, code)))
        doc->lang = px_arena_strdup(&doc->arena, code);
    else
        doc->lang = guess ? guess : "und";
    return doc->lang ? PX_OK : PX_ENOMEM;
}

static int tokenize_and_split(px_doc *doc)
{
    px_token_vec toks = {0};
    PX_VEC(px_sentence) sents = {0};
    px_span_vec spans = {0};
    int rc = PX_ENOMEM;
    /* about one token in five bytes of news: few regrowths */
    if (!PX_VEC_RESERVE(toks, doc->len / 5 + 16))
        goto done;
    for (size_t b = 0; b < doc->n_blocks; b++) {
        px_block *blk = &doc->blocks[b];
        size_t first = toks.n;
        if (px__tokenize(doc->text, blk->start, blk->end, &toks))
            goto done;
        size_t nt = toks.n - first;
        spans.n = 0;
        if (px__split_sentences(doc->text, toks.v, first, nt, &spans))
            goto done;
        blk->first_sentence = sents.n;
        blk->n_sentences = 0;
        for (size_t s = 0; s < spans.n; s++) {
            px_sentence sent;
            sent.first_token = spans.v[s].start;
            sent.n_tokens = spans.v[s].end - spans.v[s].start;
            if (!sent.n_tokens)
                continue;
            sent.start = toks.v[sent.first_token].start;
            sent.end = toks.v[spans.v[s].end - 1].end;
            sent.block = b;
            toks.v[sent.first_token].flags |= PX_TF_SENT_START;
            if (!PX_VEC_PUSH(sents, sent))
                goto done;
            blk->n_sentences++;
        }
    }
    /* the tokens, the largest array of a document, are handed over
     * rather than copied into the arena: a copy doubled the peak memory
     * of a long document */
    if (!PX_VEC_RESERVE(toks, 1))
        goto done;
    px_token *exact = px__realloc(toks.v, (toks.n + 1) * sizeof(px_token));
    doc->toks = exact ? exact : toks.v;
    toks.v = NULL;
    doc->sents = px_arena_alloc(&doc->arena, (sents.n + 1) * sizeof(px_sentence));
    if (!doc->sents)
        goto done;
    if (sents.n)
        memcpy(doc->sents, sents.v, sents.n * sizeof(px_sentence));
    doc->n_toks = toks.n;
    doc->n_sents = sents.n;
    rc = PX_OK;
done:
    PX_VEC_FREE(toks);
    PX_VEC_FREE(sents);
    PX_VEC_FREE(spans);
    return rc;
}

static void report(px_diag_fn fn, void *ud, px_severity sev, const px_doc_meta *meta,
                   size_t line, const char *msg)
{
    if (!fn)
        return;
    px_diag d = {sev, meta && meta->file ? meta->file : "-", line, meta ? meta->id : NULL, msg};
    fn(ud, &d);
}

int px__doc_build(px_doc **out, const char *bytes, size_t len, const px_doc_meta *meta,
                  int structure, px_diag_fn on_diag, void *ud, size_t line_for_diag)
{
    *out = NULL;
    px_doc *doc = px__calloc(1, sizeof(*doc));
    if (!doc)
        return PX_ENOMEM;
    px_arena_init(&doc->arena, 16 * 1024);
    px_norm norm;
    int rc = px__normalize(bytes, len, &norm);
    if (rc)
        goto fail;
    doc->text = norm.text;
    doc->len = norm.len;
    doc->map = norm.map;
    doc->n_chars = norm.n_chars;
    if (norm.n_invalid) {
        char msg[160];
        snprintf(msg, sizeof(msg),
                 "invalid UTF-8: %zu byte sequence%s replaced by U+FFFD (first on line %zu)",
                 norm.n_invalid, norm.n_invalid == 1 ? "" : "s",
                 line_for_diag ? line_for_diag : norm.first_invalid_line);
        report(on_diag, ud, PX_SEV_WARNING, meta,
               line_for_diag ? line_for_diag : norm.first_invalid_line, msg);
    }
    size_t n_split, n_cut, first_long;
    px__split_long_lines(doc, PX_LINE_MAX, &n_split, &n_cut, &first_long);
    if (n_split || n_cut) {
        char msg[200];
        size_t at = line_for_diag ? line_for_diag : first_long;
        if (n_cut)
            snprintf(msg, sizeof(msg),
                     "line longer than %d MB without a space: cut at %d MB (%zu time%s)",
                     PX_LINE_MAX >> 20, PX_LINE_MAX >> 20, n_cut, n_cut == 1 ? "" : "s");
        else
            snprintf(msg, sizeof(msg),
                     "line longer than %d MB: split at sentence or space boundaries (%zu time%s)",
                     PX_LINE_MAX >> 20, n_split, n_split == 1 ? "" : "s");
        report(on_diag, ud, PX_SEV_WARNING, meta, at, msg);
    }
    bool nomem = false;
    doc->id = dup_meta(&doc->arena, meta && meta->id ? meta->id : "doc", &nomem);
    doc->file = dup_meta(&doc->arena, meta ? meta->file : NULL, &nomem);
    doc->source = dup_meta(&doc->arena, meta ? meta->source : NULL, &nomem);
    doc->url = dup_meta(&doc->arena, meta ? meta->url : NULL, &nomem);
    doc->headline = dup_meta(&doc->arena, meta ? meta->title : NULL, &nomem);
    doc->standfirst = dup_meta(&doc->arena, meta ? meta->standfirst : NULL, &nomem);
    doc->author = dup_meta(&doc->arena, meta ? meta->author : NULL, &nomem);
    if (meta && meta->date && !nomem) {
        doc->date = normalise_date(&doc->arena, meta->date, &nomem);
        doc->date_origin = "metadata";
        if (!doc->date && !nomem) {
            char msg[200];
            snprintf(msg, sizeof(msg), "unrecognised date \"%.60s\" ignored", meta->date);
            report(on_diag, ud, PX_SEV_WARNING, meta, line_for_diag, msg);
            doc->date_origin = NULL;
        }
    }
    if (nomem) {
        rc = PX_ENOMEM;
        goto fail;
    }
    if (!doc->id)
        doc->id = px_arena_strdup(&doc->arena, "doc");
    if ((rc = px__doc_structure(doc, structure)))
        goto fail;
    if ((rc = choose_lang(doc, meta ? meta->lang : NULL)))
        goto fail;
    /* the text is final: the map shrinks to its compact form */
    if ((rc = px__offmap_build(&doc->offs, doc->map, doc->len + 1)))
        goto fail;
    free(doc->map);
    doc->map = NULL;
    if ((rc = tokenize_and_split(doc)))
        goto fail;
    if (!doc->id) {
        rc = PX_ENOMEM;
        goto fail;
    }
    *out = doc;
    return PX_OK;
fail:
    px_doc_free(doc);
    return rc;
}

int px_doc_new(px_doc **out, const char *text, size_t len, const px_doc_meta *meta,
               int structure, px_diag_fn on_diag, void *diag_userdata)
{
    if (!out || (!text && len))
        return PX_EUSAGE;
    return px__doc_build(out, text ? text : "", len, meta, structure, on_diag, diag_userdata, 0);
}

void px_doc_free(px_doc *doc)
{
    if (!doc)
        return;
    free(doc->text);
    free(doc->map);
    px__offmap_release(&doc->offs);
    free(doc->toks);
    px_arena_release(&doc->arena);
    free(doc);
}

const char *px_doc_id(const px_doc *doc) { return doc->id; }
const char *px_doc_file(const px_doc *doc) { return doc->file; }
const char *px_doc_source(const px_doc *doc) { return doc->source; }
const char *px_doc_url(const px_doc *doc) { return doc->url; }
const char *px_doc_date(const px_doc *doc) { return doc->date; }
const char *px_doc_headline(const px_doc *doc) { return doc->headline; }
const char *px_doc_standfirst(const px_doc *doc) { return doc->standfirst; }
const char *px_doc_author(const px_doc *doc) { return doc->author; }
const char *px_doc_lang(const px_doc *doc) { return doc->lang; }

px_str px_doc_text(const px_doc *doc)
{
    return (px_str){doc->text, doc->len};
}

const px_block *px_doc_blocks(const px_doc *doc, size_t *n)
{
    *n = doc->n_blocks;
    return doc->blocks;
}

const px_sentence *px_doc_sentences(const px_doc *doc, size_t *n)
{
    *n = doc->n_sents;
    return doc->sents;
}

const px_token *px_doc_tokens(const px_doc *doc, size_t *n)
{
    *n = doc->n_toks;
    return doc->toks;
}

size_t px_doc_char_offset(const px_doc *doc, size_t byte)
{
    if (byte > doc->len)
        byte = doc->len;
    /* inside a multi-byte character, round to its start */
    return doc->map ? doc->map[byte] : px__offmap_get(&doc->offs, byte);
}

size_t px_doc_char_length(const px_doc *doc)
{
    return doc->n_chars;
}
