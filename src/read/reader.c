/*
 * reader.c - px_reader: turns a list of paths (files, folders, "-") into
 * a stream of documents, one at a time, so memory does not grow with the
 * corpus. Plain text is one article a file, JSON Lines one a line, HTML
 * one a page, WARC one an HTML response record; any of them may be
 * gzipped. Every problem is reported with file, line and reason, and
 * the document or record is skipped and counted; nothing is lost
 * silently.
 */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read.h"

/* A queued input: a path, or a buffer held in memory (px_reader_add_buffer). */
typedef struct input {
    char *path; /* the path, or the buffer's name */
    char *data; /* the buffer's bytes (a copy), NULL for a path */
    size_t len;
    px_format format; /* the buffer's format */
} input;

/* What a WARC file's records became, for the note at its end. */
enum { WS_READ, WS_OTHER_TYPE, WS_NOT_ARTICLE, WS_STATUS, WS_EMPTY, WS__COUNT };

struct px_reader {
    px_read_options opt;
    PX_VEC(input) queue; /* inputs to visit, used as a stack (reversed) */
    px_walk walk;   /* folders and files entered by folder walks */
    /* the JSONL or WARC file being read, one record at a time */
    px_input *in;
    px_format in_format;
    char *in_path;
    size_t in_line;
    size_t in_records; /* non-blank lines of the open JSONL file */
    px_warc_io warc;
    px_warc_record *wrec;
    px_buf wbody;
    size_t wstats[WS__COUNT];
    size_t n_docs, n_warnings, n_errors, bytes;
    /* documents already built from a multi-document file (SGML) */
    PX_VEC(px_doc *) pending;
    size_t pending_pos;
    /* hashes of the ids handed out, to keep ids unique */
    uint64_t *ids;
    size_t ids_cap, ids_n;
    bool keep_ids; /* px__reader_keep_ids: ids as given */
    /* px__reader_set_range: the JSONL records starting in [start, end) */
    bool ranged;
    uint64_t range_start, range_end;
    size_t range_line0, range_records;
    /* documents not in English: counted, the first files named, and one
     * warning at the end of the run */
    size_t n_foreign;
    px_buf foreign_files;
    bool foreign_warned;
};

static void diag(px_reader *r, px_severity sev, const char *file, size_t line, const char *doc,
                 const char *fmt, ...) PX_PRINTF(6, 7);

static void diag(px_reader *r, px_severity sev, const char *file, size_t line, const char *doc,
                 const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (sev == PX_SEV_ERROR)
        r->n_errors++;
    else if (sev == PX_SEV_WARNING)
        r->n_warnings++;
    if (r->opt.on_diag) {
        px_diag d = {sev, file, line, doc, msg};
        r->opt.on_diag(r->opt.diag_userdata, &d);
    }
}

/* Counts the warnings px__doc_build reports and forwards them. */
static void forward_diag(void *ud, const px_diag *d)
{
    px_reader *r = ud;
    if (d->severity == PX_SEV_ERROR)
        r->n_errors++;
    else if (d->severity == PX_SEV_WARNING)
        r->n_warnings++;
    if (r->opt.on_diag)
        r->opt.on_diag(r->opt.diag_userdata, d);
}

/* jansson 2.14 does not report every allocation that fails: its lexer
 * drops the byte it could not save, so a string comes back a character
 * short or a valid line is called malformed. Its allocator is wrapped,
 * once, around the functions set before (malloc, or a program's own), so
 * that a parse during which one failed is known. */
static json_malloc_t json_prev_malloc;
static json_free_t json_prev_free;
static _Thread_local bool json_oom;
static pthread_once_t json_wrap_once = PTHREAD_ONCE_INIT;

static void *json_malloc_checked(size_t n)
{
    void *p = json_prev_malloc(n);
    if (!p) {
        json_oom = true;
        px__alloc_note_failure();
    }
    return p;
}

static void json_wrap(void)
{
    json_get_alloc_funcs(&json_prev_malloc, &json_prev_free);
    if (json_prev_malloc && json_prev_free)
        json_set_alloc_funcs(json_malloc_checked, json_prev_free);
}

static void walk_warn(void *ud, px_severity sev, const char *path, const char *msg)
{
    diag(ud, sev, path, 0, NULL, "%s", msg);
}

int px_reader_new(px_reader **out, const px_read_options *opt)
{
    pthread_once(&json_wrap_once, json_wrap);
    px_reader *r = px__calloc(1, sizeof(*r));
    if (!r)
        return PX_ENOMEM;
    if (opt)
        r->opt = *opt;
    if (!r->opt.max_bytes)
        r->opt.max_bytes = (size_t)64 << 20;
    r->walk.on_warn = walk_warn;
    r->walk.ud = r;
    px_buf_init(&r->wbody);
    *out = r;
    return PX_OK;
}

void px_reader_free(px_reader *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->queue.n; i++) {
        free(r->queue.v[i].path);
        free(r->queue.v[i].data);
    }
    PX_VEC_FREE(r->queue);
    px__input_close(r->in);
    free(r->in_path);
    if (r->wrec)
        px__warc_record_release(r->wrec);
    free(r->wrec);
    px_buf_release(&r->wbody);
    px__walk_release(&r->walk);
    free(r->ids);
    for (size_t i = r->pending_pos; i < r->pending.n; i++)
        px_doc_free(r->pending.v[i]);
    PX_VEC_FREE(r->pending);
    px_buf_release(&r->foreign_files);
    free(r);
}

/* Records an id's hash; false if it was already there. Open addressing,
 * kept at most half full; 0 marks an empty slot. */
static bool ids_insert(px_reader *r, uint64_t h, bool *nomem)
{
    *nomem = false;
    if (!h)
        h = 1;
    if (2 * (r->ids_n + 1) > r->ids_cap) {
        size_t cap = r->ids_cap ? 2 * r->ids_cap : 1024;
        uint64_t *t = px__calloc(cap, sizeof(uint64_t));
        if (!t) {
            *nomem = true;
            return true;
        }
        for (size_t i = 0; i < r->ids_cap; i++) {
            uint64_t v = r->ids[i];
            if (!v)
                continue;
            size_t k = (size_t)v & (cap - 1);
            while (t[k])
                k = (k + 1) & (cap - 1);
            t[k] = v;
        }
        free(r->ids);
        r->ids = t;
        r->ids_cap = cap;
    }
    size_t k = (size_t)h & (r->ids_cap - 1);
    while (r->ids[k]) {
        if (r->ids[k] == h)
            return false;
        k = (k + 1) & (r->ids_cap - 1);
    }
    r->ids[k] = h;
    r->ids_n++;
    return true;
}

size_t px_reader_n_docs(const px_reader *r) { return r->n_docs; }
size_t px_reader_n_warnings(const px_reader *r) { return r->n_warnings; }
size_t px_reader_n_errors(const px_reader *r) { return r->n_errors; }
size_t px_reader_bytes(const px_reader *r) { return r->bytes; }

/* Paths are visited in the order given: the queue is a stack, so a new
 * path goes below the ones already pushed by a folder walk... To keep it
 * simple, px_reader_add inserts at the bottom. */
static int queue_at_bottom(px_reader *r, input in)
{
    if (!in.path || !PX_VEC_RESERVE(r->queue, 1)) {
        free(in.path);
        free(in.data);
        return PX_ENOMEM;
    }
    memmove(r->queue.v + 1, r->queue.v, r->queue.n * sizeof(input));
    r->queue.v[0] = in;
    r->queue.n++;
    return PX_OK;
}

int px_reader_add(px_reader *r, const char *path)
{
    return queue_at_bottom(r, (input){px__strdup(path), NULL, 0, PX_FORMAT_AUTO});
}

int px_reader_add_buffer(px_reader *r, const char *name, const char *data, size_t len,
                         px_format format)
{
    char *copy = px__malloc(len + 1);
    if (!copy)
        return PX_ENOMEM;
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    return queue_at_bottom(r, (input){px__strdup(name), copy, len, format});
}

/* Pushes a folder's entries onto the stack, first in name order on top. */
static int expand_dir(px_reader *r, const char *path)
{
    char **items;
    size_t n;
    int rc = px__walk_list(&r->walk, path, &items, &n);
    if (rc)
        return rc;
    if (!PX_VEC_RESERVE(r->queue, n)) {
        for (size_t i = 0; i < n; i++)
            free(items[i]);
        free(items);
        return PX_ENOMEM;
    }
    for (size_t i = n; i-- > 0;)
        r->queue.v[r->queue.n++] = (input){items[i], NULL, 0, PX_FORMAT_AUTO};
    free(items);
    return PX_OK;
}

/* The file name without its folder, ".gz" and extension. */
/* The file name without its folder, ".gz" and extension: base[0, *n). */
static const char *path_stem(const char *path, size_t *n)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    *n = strlen(base);
    if (*n > 3 && !strcasecmp(base + *n - 3, ".gz"))
        *n -= 3;
    const char *dot = NULL;
    for (size_t i = *n; i > 1 && !dot; i--)
        if (base[i - 1] == '.')
            dot = base + i - 1;
    if (dot)
        *n = (size_t)(dot - base);
    return base;
}

px_severity px__reader_rename_severity(const char *id, const char *path, size_t line)
{
    /* files of one name in several folders (a crawl's index.html) */
    size_t n;
    const char *stem = path && !line ? path_stem(path, &n) : NULL;
    return stem && strlen(id) == n && !memcmp(id, stem, n) ? PX_SEV_NOTE : PX_SEV_WARNING;
}

static char *id_from_path(const char *path)
{
    size_t n;
    const char *base = path_stem(path, &n);
    return px__strndup(base, n);
}

/* Reads a whole stream, at most max bytes (*truncated when there was
 * more). PX_OK or PX_ENOMEM. */
static int slurp(px_input *in, size_t max, px_buf *out, bool *truncated)
{
    *truncated = false;
    size_t hint = px__input_size_hint(in);
    if (hint && !px_buf_grow(out, PX_MIN(hint, max)))
        return PX_ENOMEM;
    if (px__input_read_buf(in, out, max))
        return PX_ENOMEM;
    size_t avail;
    px__input_peek(in, 1, &avail);
    *truncated = avail > 0;
    return PX_OK;
}

/* Looks like a binary file: NUL bytes, or many control bytes. */
static bool looks_binary(const char *s, size_t len)
{
    size_t n = PX_MIN(len, (size_t)8192), ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!c)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ctl++;
    }
    return n && ctl * 10 > n;
}

/* Repairs invalid UTF-8 in place of a copy: bad bytes become U+FFFD,
 * so a JSON parser can read the line. Returns the count repaired. */
static size_t repair_utf8(const char *s, size_t len, px_buf *out)
{
    size_t bad = 0, run = 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = px__utf8_decode(s + i, len - i, &cp);
        if (n) {
            i += n;
            continue;
        }
        px_buf_put(out, s + run, i - run);
        px_buf_puts(out, "\xEF\xBF\xBD");
        bad++;
        run = ++i;
    }
    px_buf_put(out, s + run, len - run);
    return bad;
}

int px__reader_unique_id(px_reader *r, const char *id, char *renamed, size_t cap,
                         bool *changed)
{
    bool nomem;
    *changed = false;
    if (ids_insert(r, px__hash(id, strlen(id), 0), &nomem))
        return nomem ? PX_ENOMEM : PX_OK;
    for (unsigned k = 2;; k++) {
        snprintf(renamed, cap, "%.200s~%u", id, k);
        if (ids_insert(r, px__hash(renamed, strlen(renamed), 0), &nomem))
            break;
    }
    *changed = true;
    return nomem ? PX_ENOMEM : PX_OK;
}

void px__reader_keep_ids(px_reader *r)
{
    r->keep_ids = true;
}

/* parallax's quotation and date rules are English: other languages are
 * read, and named in one warning at the end of the run. */
static void note_language(px_reader *r, const px_doc *doc)
{
    const char *lang = px_doc_lang(doc);
    if (!strcmp(lang, "en") || !strcmp(lang, "und"))
        return;
    if (++r->n_foreign <= 5) {
        /* the file, or the document's id when the file holds several
         * (a WARC's "crawl:12", a JSON Lines record) */
        const char *f = px_doc_file(doc), *id = px_doc_id(doc);
        if (!f || !strstr(f, id))
            f = id;
        px_buf_printf(&r->foreign_files, "%s%.120s (%s)", r->n_foreign > 1 ? ", " : "", f,
                      lang);
    }
}

static void warn_languages(px_reader *r)
{
    if (!r->n_foreign || r->foreign_warned)
        return;
    r->foreign_warned = true;
    diag(r, PX_SEV_WARNING, NULL, 0, NULL,
         "%zu document%s not in English, read with English quotation and date rules: %s%s",
         r->n_foreign, r->n_foreign == 1 ? "" : "s", r->foreign_files.ptr,
         r->n_foreign > 5 ? ", ..." : "");
}

static int build(px_reader *r, px_doc **out, const char *bytes, size_t len,
                 const px_doc_meta *meta, int structure, size_t line)
{
    /* document ids must be unique: a repeated one gets a suffix */
    px_doc_meta m = *meta;
    char renamed[256];
    bool changed = false;
    int rc = r->keep_ids ? PX_OK : px__reader_unique_id(r, m.id, renamed, sizeof renamed, &changed);
    if (rc)
        return rc;
    if (changed) {
        m.id = renamed;
        px_severity sev = px__reader_rename_severity(meta->id, meta->file, line);
        diag(r, sev, meta->file ? meta->file : "-", line, m.id, sev == PX_SEV_NOTE
             ? "file name \"%.200s\" already used: document named \"%s\""
             : "document id \"%.200s\" already used: renamed \"%s\"", meta->id, m.id);
    }
    meta = &m;
    rc = px__doc_build(out, bytes, len, meta, structure, forward_diag, r, line);
    if (rc == PX_OK) {
        r->n_docs++;
        note_language(r, *out);
    }
    return rc;
}

/* A page read by the HTML reader (a file, or a WARC record's payload
 * with its url and date): 1 with *out, 0 when it holds no text. */
static int read_html(px_reader *r, const char *path, const char *id, const char *data,
                     size_t len, const char *url, const char *date, px_doc **out)
{
    px_html_doc h;
    int rc = px__html_read(data, len, url, date, path, id, forward_diag, r, &h);
    if (rc)
        return rc;
    if (!px__str_trim((px_str){h.text.ptr, h.text.len}).len) {
        diag(r, PX_SEV_ERROR, path, 0, id, "HTML page without article text: skipped");
        px__html_doc_release(&h);
        return 0;
    }
    px_doc_meta meta = {id,     path,          h.title,  h.source, h.url,
                        h.date, h.standfirst,  h.author, h.lang};
    rc = build(r, out, h.text.ptr, h.text.len, &meta, PX__STRUCTURE_MARKUP, 0);
    px__html_doc_release(&h);
    return rc == PX_OK ? 1 : rc;
}

/* A TREC/DUC SGML file: every <DOC> is built now and handed out one at
 * a time from r->pending. */
static int read_sgml(px_reader *r, const char *path, const char *stem, const char *data,
                     size_t len, px_doc **out)
{
    size_t pos = 0, k = 0;
    int rc;
    for (;;) {
        px_buf text = PX_BUF_INIT;
        char docno[128], date[11], headline[512], fallback[160];
        rc = px__sgml_next(data, len, &pos, &text, docno, date, headline);
        if (rc <= 0) {
            px_buf_release(&text);
            break;
        }
        k++;
        if (!docno[0])
            snprintf(fallback, sizeof(fallback), "%.120s#%zu", stem, k);
        const char *id = docno[0] ? docno : fallback;
        if (!px__str_trim((px_str){text.ptr, text.len}).len) {
            diag(r, PX_SEV_ERROR, path, 0, id, "SGML <DOC> without text: skipped");
            px_buf_release(&text);
            continue;
        }
        px_doc_meta meta = {id,   path, headline[0] ? headline : NULL, NULL, NULL,
                            date[0] ? date : NULL, NULL, NULL, NULL};
        px_doc *doc = NULL;
        rc = build(r, &doc, text.ptr, text.len, &meta, 1, 0);
        px_buf_release(&text);
        if (rc)
            return rc;
        if (!PX_VEC_PUSH(r->pending, doc)) {
            px_doc_free(doc);
            return PX_ENOMEM;
        }
    }
    if (rc < 0)
        return rc;
    if (!k)
        diag(r, PX_SEV_ERROR, path, 0, stem, "SGML file without a <DOC> element: skipped");
    if (r->pending_pos < r->pending.n) {
        *out = r->pending.v[r->pending_pos++];
        return 1;
    }
    return 0;
}

/* Where a document came from beyond its bytes: a WARC record's URI,
 * date and HTTP charset. */
typedef struct origin {
    const char *url, *date, *charset;
    size_t line; /* for messages: the record's line (JSONL) */
} origin;

/* A crawl date ("2016-08-26T10:00:00Z") as the document's date when
 * neither the page nor its text gave one. */
static void date_fallback(px_doc *doc, const char *date)
{
    int y, m, d;
    if (doc->date || !date || !px__parse_calendar_date(date, strlen(date), &y, &m, &d))
        return;
    char tmp[16];
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
    doc->date = px_arena_strdup(&doc->arena, tmp);
    doc->date_origin = doc->date ? "WARC-Date" : NULL;
}

/* Turns a file's (or a record's) bytes into documents: decodes them to
 * UTF-8, then reads them as SGML, HTML or text. 1 doc, 0 none (the
 * problem was reported), <0 fatal. */
static int read_bytes(px_reader *r, const char *path, const char *id, px_format fmt,
                      const char *bytes, size_t len, const origin *from, px_doc **out)
{
    px_buf decoded = PX_BUF_INIT;
    px_decoded dec;
    int rc = px__decode(bytes, len, from ? from->charset : NULL, fmt == PX_FORMAT_HTML,
                        &decoded, &dec);
    if (rc)
        goto done;
    if (dec.unknown[0])
        diag(r, PX_SEV_WARNING, path, 0, id, "unknown charset \"%s\": read as UTF-8",
             dec.unknown);
    if (dec.guessed)
        diag(r, PX_SEV_WARNING, path, 0, id, "no byte order mark: read as %s", dec.encoding);
    if (dec.n_invalid)
        diag(r, PX_SEV_WARNING, path, dec.first_invalid_line, id,
             "%zu byte%s not valid %s replaced by U+FFFD", dec.n_invalid,
             dec.n_invalid == 1 ? "" : "s", dec.encoding);
    const char *data = dec.text.ptr;
    len = dec.text.len;
    if (len >= 16 && !memcmp(data, "SQLite format 3", 16)) {
        /* a corpus given where articles are read ('report news.db') */
        diag(r, PX_SEV_ERROR, path, 0, id,
             "an SQLite file, not articles (a parallax corpus is listed by 'parallax "
             "stories DB' and its stories printed by 'parallax show DB STORY'): skipped");
        goto done;
    }
    if (looks_binary(data, len)) {
        diag(r, PX_SEV_ERROR, path, 0, id, "binary file (NUL or control bytes): skipped");
        goto done;
    }
    if (!px__str_trim((px_str){data, len}).len) {
        diag(r, PX_SEV_ERROR, path, 0, id, "empty document: skipped");
        goto done;
    }
    px_doc_meta meta = {id, path, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (fmt != PX_FORMAT_HTML && px__sgml_sniff(data, len)) {
        rc = read_sgml(r, path, id, data, len, out);
        goto done;
    }
    if (fmt == PX_FORMAT_HTML) {
        /* a WARC record's URI and date fill what the page does not state */
        rc = read_html(r, path, id, data, len, from ? from->url : NULL, from ? from->date : NULL,
                       out);
        goto done;
    }
    char *host = NULL;
    if (from && from->url && from->url[0]) {
        meta.url = from->url;
        meta.source = host = px__url_host(from->url);
    }
    rc = build(r, out, data, len, &meta, 1, 0);
    free(host);
    if (rc == PX_OK) {
        rc = 1;
        if (from)
            date_fallback(*out, from->date);
    }
done:
    px_buf_release(&decoded);
    return rc;
}

/* A text or HTML file: read whole (up to max_bytes), one document. */
static int read_text_or_html(px_reader *r, const char *path, px_format fmt, px_input *in,
                             px_doc **out)
{
    px_buf data = PX_BUF_INIT;
    bool truncated;
    char *id = strcmp(path, "-") ? id_from_path(path) : px__strdup("stdin");
    int rc = 0;
    if (!id || slurp(in, r->opt.max_bytes, &data, &truncated)) {
        rc = PX_ENOMEM;
        goto done;
    }
    r->bytes += data.len;
    bool fatal;
    const char *problem = px__input_problem(in, &fatal);
    if (problem && fatal && !data.len) {
        diag(r, PX_SEV_ERROR, path, 0, id, "%s", problem);
        goto done;
    }
    if (problem)
        diag(r, PX_SEV_WARNING, path, 0, id, "%s%s", problem,
             fatal ? ": read what came before" : "");
    if (truncated)
        diag(r, PX_SEV_WARNING, path, 0, id, "document longer than %zu bytes: truncated",
             r->opt.max_bytes);
    rc = read_bytes(r, path, id, fmt, data.ptr, data.len, NULL, out);
done:
    free(id);
    px_buf_release(&data);
    return rc;
}

/* Reads the next record of the open JSONL file: 1 doc, 0 end of file. */
static int read_jsonl_record(px_reader *r, px_doc **out)
{
    for (;;) {
        char *line;
        size_t n, dropped;
        /* a range ends before the first line that starts at its end */
        if (r->ranged && px__input_offset(r->in) >= r->range_end)
            return 0;
        if (!px__input_getline(r->in, r->opt.max_bytes, &line, &n, &dropped))
            return 0;
        r->in_line++;
        r->bytes += n + dropped;
        if (dropped) {
            r->in_records++;
            diag(r, PX_SEV_ERROR, r->in_path, r->in_line, NULL,
                 "line longer than %zu bytes (%zu): record skipped", r->opt.max_bytes, dropped);
            continue;
        }
        /* a byte order mark before the first record */
        if (r->in_line == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3))
            line += 3, n -= 3;
        px_str l = px__str_trim((px_str){line, n});
        if (!l.len)
            continue;
        r->in_records++;
        if (memchr(l.ptr, '\0', l.len)) {
            diag(r, PX_SEV_ERROR, r->in_path, r->in_line, NULL, "NUL byte in JSON line: skipped");
            continue;
        }
        /* the common flat record is parsed in place; anything else (and
         * every error message) is jansson's */
        px_jsonl_fields jf;
        json_t *obj = NULL;
        size_t bad = 0;
        if (!px__jsonl_fast((char *)l.ptr, l.len, &jf)) {
            px_buf fixed = PX_BUF_INIT;
            bad = repair_utf8(l.ptr, l.len, &fixed);
            if (fixed.oom) {
                px_buf_release(&fixed);
                return PX_ENOMEM;
            }
            json_error_t jerr;
            json_oom = false;
            obj = json_loadb(fixed.ptr, fixed.len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                             &jerr);
            px_buf_release(&fixed);
            if (json_oom || (!obj && json_error_code(&jerr) == json_error_out_of_memory)) {
                json_decref(obj);
                return PX_ENOMEM;
            }
            /* a JSON document (an array of records, or an object over
             * several lines) where JSON Lines are read: its first record
             * says what parallax wanted */
            const char *hint = r->in_records == 1 && (l.ptr[0] == '[' || (l.len == 1 && l.ptr[0] == '{'))
                                   ? " (parallax reads JSON Lines: one article a line, each a "
                                     "whole object {\"id\": ..., \"text\": ...}, not a JSON "
                                     "array or an object over several lines)"
                                   : "";
            if (!obj) {
                diag(r, PX_SEV_ERROR, r->in_path, r->in_line, NULL,
                     "malformed JSON at column %d: %s: record skipped%s", jerr.column, jerr.text,
                     hint);
                continue;
            }
            if (!json_is_object(obj)) {
                diag(r, PX_SEV_ERROR, r->in_path, r->in_line, NULL,
                     "JSON line is not an object: record skipped%s", hint);
                json_decref(obj);
                continue;
            }
            for (int f = 0; f < PX_JF__COUNT; f++) {
                json_t *v = json_object_get(obj, px__jsonl_field_names[f]);
                jf.v[f] = json_is_string(v) ? json_string_value(v) : NULL;
                jf.len[f] = jf.v[f] ? json_string_length(v) : 0;
            }
        }
        int tf = jf.v[PX_JF_TEXT] ? PX_JF_TEXT : jf.v[PX_JF_BODY] ? PX_JF_BODY : PX_JF_CONTENT;
        const char *text = jf.v[tf];
        size_t tlen = jf.len[tf];
        char idbuf[64];
        /* "id", or "doc" as parallax's own records name it */
        const char *id = jf.v[PX_JF_ID] ? jf.v[PX_JF_ID] : jf.v[PX_JF_DOC];
        json_t *jid = obj ? json_object_get(obj, "id") : NULL;
        if (obj && !jid)
            jid = json_object_get(obj, "doc");
        /* an empty id names nothing: named as a record without one */
        bool empty_id = id && !*id;
        if (empty_id)
            id = NULL;
        if (!id && json_is_integer(jid)) {
            snprintf(idbuf, sizeof(idbuf), "%lld", (long long)json_integer_value(jid));
            id = idbuf;
        }
        if (!id) {
            size_t stem_len;
            const char *stem = path_stem(r->in_path, &stem_len);
            snprintf(idbuf, sizeof(idbuf), "%.*s:%zu", (int)PX_MIN(stem_len, (size_t)40), stem,
                     r->in_line);
            id = idbuf;
            diag(r, PX_SEV_WARNING, r->in_path, r->in_line, id, "record %s \"id\": named %s",
                 empty_id ? "with an empty" : "without", id);
        }
        if (!text) {
            diag(r, PX_SEV_ERROR, r->in_path, r->in_line, id,
                 "record without a \"text\" string: skipped");
            json_decref(obj);
            continue;
        }
        if (bad)
            diag(r, PX_SEV_WARNING, r->in_path, r->in_line, id,
                 "invalid UTF-8: %zu byte%s replaced by U+FFFD", bad, bad == 1 ? "" : "s");
        if (!px__str_trim((px_str){text, tlen}).len) {
            diag(r, PX_SEV_ERROR, r->in_path, r->in_line, id, "empty \"text\": record skipped");
            json_decref(obj);
            continue;
        }
        const char *title = jf.v[PX_JF_TITLE] ? jf.v[PX_JF_TITLE] : jf.v[PX_JF_HEADLINE];
        const char *source = jf.v[PX_JF_SOURCE] ? jf.v[PX_JF_SOURCE] : jf.v[PX_JF_OUTLET];
        const char *date = jf.v[PX_JF_DATE] ? jf.v[PX_JF_DATE] : jf.v[PX_JF_PUBLISHED];
        px_doc_meta meta = {id,
                            r->in_path,
                            title,
                            source && *source ? source : NULL,
                            jf.v[PX_JF_URL],
                            date && *date ? date : NULL,
                            jf.v[PX_JF_STANDFIRST],
                            jf.v[PX_JF_AUTHOR] && *jf.v[PX_JF_AUTHOR] ? jf.v[PX_JF_AUTHOR] : NULL,
                            jf.v[PX_JF_LANG]};
        /* no outlet named: the URL's host stands for it */
        char *host = !meta.source && meta.url ? px__url_host(meta.url) : NULL;
        if (host)
            meta.source = host;
        int rc = build(r, out, text, tlen, &meta, 1, r->in_line);
        free(host);
        json_decref(obj);
        return rc == PX_OK ? 1 : rc;
    }
}

/* ---- WARC ---- */

static void warc_problem(void *ud, px_severity sev, const char *msg)
{
    px_reader *r = ud;
    diag(r, sev, r->in_path, 0, NULL, "%s", msg);
}

/* Reads records of the open WARC file until one gives a document: 1 doc,
 * 0 end of file, <0 fatal. */
static int read_warc_record(px_reader *r, px_doc **out)
{
    px_warc_record *rec = r->wrec;
    for (;;) {
        int rc = px__warc_next(&r->warc, rec);
        if (rc <= 0)
            return rc;
        r->bytes += rec->block.len;
        if (strcasecmp(rec->type, "response") && strcasecmp(rec->type, "resource") &&
            strcasecmp(rec->type, "conversion")) {
            r->wstats[WS_OTHER_TYPE]++;
            continue;
        }
        px_warc_payload pl;
        if ((rc = px__warc_payload(rec, r->opt.max_bytes, &pl, &r->wbody)))
            return rc;
        /* the file's stem, written here rather than copied: a failed copy
         * named every record "warc:N" */
        size_t stem_len = 5;
        const char *base = strcmp(r->in_path, "-") ? path_stem(r->in_path, &stem_len) : "stdin";
        char id[200];
        snprintf(id, sizeof(id), "%.*s:%zu", (int)PX_MIN(stem_len, (size_t)120), base,
                 rec->number);
        int kind = px__warc_kind(&pl, r->wbody.ptr, r->wbody.len);
        if (pl.status < 200 || pl.status > 299) {
            r->wstats[pl.status < 0 ? WS_NOT_ARTICLE : WS_STATUS]++;
            continue;
        }
        if (!kind) {
            r->wstats[WS_NOT_ARTICLE]++;
            continue;
        }
        if (pl.damaged) {
            diag(r, PX_SEV_ERROR, r->in_path, 0, id,
                 "WARC record %zu at byte %llu: %s: skipped", rec->number,
                 (unsigned long long)rec->offset, pl.damaged);
            continue;
        }
        if (!px__str_trim((px_str){r->wbody.ptr, r->wbody.len}).len) {
            r->wstats[WS_EMPTY]++;
            continue;
        }
        if (rec->truncated)
            diag(r, PX_SEV_WARNING, r->in_path, 0, id,
                 "WARC record %zu longer than %zu bytes: truncated", rec->number,
                 r->opt.max_bytes);
        origin from = {rec->uri, rec->date, pl.charset, 0};
        rc = read_bytes(r, r->in_path, id, (px_format)kind, r->wbody.ptr, r->wbody.len, &from,
                        out);
        if (rc) {
            if (rc == 1)
                r->wstats[WS_READ]++;
            return rc;
        }
    }
}

/* The end of a WARC file: what its records became. */
static void close_warc(px_reader *r)
{
    size_t *st = r->wstats;
    size_t skipped = st[WS_OTHER_TYPE] + st[WS_NOT_ARTICLE] + st[WS_STATUS] + st[WS_EMPTY];
    if (!r->warc.n_records)
        diag(r, PX_SEV_ERROR, r->in_path, 0, NULL, "no WARC records");
    else if (skipped) {
        static const char *const what[WS__COUNT] = {
            NULL, "of other types (warcinfo, request, metadata, ...)", "not HTML or text",
            "with an HTTP status other than 2xx", "empty"};
        char msg[400];
        int n = snprintf(msg, sizeof(msg), "%zu WARC record%s, %zu article%s read; skipped:",
                         r->warc.n_records, r->warc.n_records == 1 ? "" : "s", st[WS_READ],
                         st[WS_READ] == 1 ? "" : "s");
        const char *sep = " ";
        for (int k = 1; k < WS__COUNT && n > 0 && (size_t)n < sizeof(msg); k++) {
            if (!st[k])
                continue;
            n += snprintf(msg + n, sizeof(msg) - (size_t)n, "%s%zu %s", sep, st[k], what[k]);
            sep = ", ";
        }
        diag(r, PX_SEV_NOTE, r->in_path, 0, NULL, "%s", msg);
    }
    px_buf_release(&r->wbody);
}

static void close_input(px_reader *r)
{
    if (!r->in)
        return;
    bool fatal;
    const char *problem = px__input_problem(r->in, &fatal);
    if (problem)
        diag(r, fatal ? PX_SEV_ERROR : PX_SEV_WARNING, r->in_path, 0, NULL, "%s%s", problem,
             fatal ? ": the rest of the file is lost" : "");
    if (r->in_format == PX_FORMAT_WARC)
        close_warc(r);
    else if (r->ranged)
        r->range_records += r->in_records; /* a piece may hold none: the caller counts */
    else if (!r->in_records && !(problem && fatal))
        diag(r, PX_SEV_ERROR, r->in_path, 0, NULL, "empty document: no JSON records");
    px__input_close(r->in);
    r->in = NULL;
    free(r->in_path);
    r->in_path = NULL;
}

/* Standard input, or a file whose name does not tell: the first bytes
 * decide (after gunzipping). */
static px_format sniff(px_input *in, px_format by_name)
{
    size_t avail;
    const char *p = px__input_peek(in, 8, &avail);
    if (avail >= 5 && !memcmp(p, "WARC/", 5))
        return PX_FORMAT_WARC;
    if (by_name != PX_FORMAT_AUTO)
        return by_name;
    for (size_t want = 64;; want *= 4) {
        p = px__input_peek(in, want, &avail);
        size_t i = 0;
        /* a byte order mark, then white space */
        if (avail >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
            i = 3;
        while (i < avail && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
            i++;
        if (i < avail)
            return p[i] == '{' ? PX_FORMAT_JSONL : p[i] == '<' ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
        if (avail < want || want >= (1 << 20))
            return PX_FORMAT_TEXT;
    }
}

/* The next input to read, folders expanded (in name order) and paths
 * that cannot be read reported and skipped: 1 with *queued (its path and
 * data now the caller's), its format (the reader's, the buffer's or the
 * name's; AUTO when only the bytes can tell) and whether its name told
 * it; 0 at the end, <0 fatal. */
static int next_input(px_reader *r, input *queued, px_format *format, bool *by_name)
{
    while (r->queue.n) {
        *queued = r->queue.v[--r->queue.n];
        char *path = queued->path;
        px_format fmt = r->opt.format;
        *by_name = false;
        if (queued->data) {
            /* a buffer: its format as given, else sniffed as stdin is */
            if (fmt == PX_FORMAT_AUTO)
                fmt = queued->format;
        } else if (strcmp(path, "-")) {
            struct stat st;
            if (stat(path, &st) != 0) {
                diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot read: %s", strerror(errno));
                free(path);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                bool first;
                int rc = px__walk_enter(&r->walk, &st, &first);
                if (!rc && first)
                    rc = expand_dir(r, path);
                else if (!rc)
                    diag(r, PX_SEV_WARNING, path, 0, NULL,
                         "folder already read (a symbolic link loop, or a second link to it): "
                         "skipped");
                free(path);
                if (rc)
                    return rc;
                continue;
            }
            if (fmt == PX_FORMAT_AUTO) {
                bool gz;
                fmt = px__format_of(path, &gz);
                *by_name = true;
            }
        }
        *format = fmt;
        return 1;
    }
    return 0;
}

/* A file that starts with gzip's magic number (false when it cannot be
 * read: its reader reports that). */
static bool starts_gzip(const char *path)
{
    unsigned char head[2];
    FILE *f = fopen(path, "rb");
    bool gz = f && fread(head, 1, 2, f) == 2 && head[0] == 0x1f && head[1] == 0x8b;
    if (f)
        fclose(f);
    return gz;
}

int px__reader_next_path(px_reader *r, char **out, px_format *format, bool *gzip)
{
    *out = NULL;
    for (;;) {
        input queued;
        bool by_name;
        int rc = next_input(r, &queued, format, &by_name);
        if (rc <= 0)
            return rc;
        if (queued.data) {
            /* a buffer is no path: not for a caller that reads paths */
            free(queued.path);
            free(queued.data);
            continue;
        }
        bool gz = false;
        if (by_name)
            px__format_of(queued.path, &gz);
        *gzip = gz || !strcmp(queued.path, "-") || starts_gzip(queued.path);
        *out = queued.path;
        return 1;
    }
}

/* Positions the open JSONL file at the first line that starts at or
 * after range_start (a line starts at 0 or after a line feed): false
 * when it cannot (a gzip stream, standard input, a read error). */
static bool seek_range(px_reader *r)
{
    uint64_t s = r->range_start;
    if (px__input_gzip(r->in)) {
        errno = ESPIPE;
        return false;
    }
    if (!s)
        return true;
    if (px__input_seek(r->in, s - 1))
        return false;
    /* the rest of the line the byte before s is in, its line feed too */
    char *line;
    size_t n, dropped;
    px__input_getline(r->in, 0, &line, &n, &dropped);
    bool fatal;
    errno = EIO;
    return !(px__input_problem(r->in, &fatal) && fatal);
}

void px__reader_set_range(px_reader *r, uint64_t start, uint64_t end, size_t lines_before)
{
    r->ranged = true;
    r->range_start = start;
    r->range_end = end;
    r->range_line0 = lines_before;
    r->range_records = 0;
}

size_t px__reader_line(const px_reader *r)
{
    return r->in && r->in_format == PX_FORMAT_JSONL ? r->in_line : 0;
}

size_t px__reader_range_records(const px_reader *r)
{
    return r->range_records;
}

int px__jsonl_range_lines(const char *path, uint64_t start, uint64_t end, uint64_t *lines)
{
    *lines = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return PX_EIO;
    /* the lines that start in [first, stop): the first line at or after
     * start, then one after each line feed before stop - 1 */
    struct stat st;
    bool ok = fstat(fileno(f), &st) == 0;
    uint64_t stop = ok ? PX_MIN(end, (uint64_t)st.st_size) : 0, pos = start;
    if (ok && start) {
        int c;
        ok = fseeko(f, (off_t)(start - 1), SEEK_SET) == 0;
        pos = start - 1;
        while (ok && (c = getc(f)) != EOF) {
            pos++;
            if (c == '\n')
                break;
        }
    }
    uint64_t n = ok && pos < stop ? 1 : 0;
    char buf[1 << 16];
    while (ok && pos + 1 < stop) {
        size_t got = fread(buf, 1, (size_t)PX_MIN((uint64_t)sizeof buf, stop - 1 - pos), f);
        if (!got)
            break;
        for (const char *p = buf; (p = memchr(p, '\n', got - (size_t)(p - buf))); p++)
            n++;
        pos += got;
    }
    ok = ok && !ferror(f);
    fclose(f);
    *lines = n;
    return ok ? PX_OK : PX_EIO;
}

int px_reader_next(px_reader *r, px_doc **out)
{
    *out = NULL;
    for (;;) {
        if (r->pending_pos < r->pending.n) {
            *out = r->pending.v[r->pending_pos++];
            if (r->pending_pos == r->pending.n)
                r->pending.n = r->pending_pos = 0;
            return 1;
        }
        if (r->in) {
            int rc = r->in_format == PX_FORMAT_WARC ? read_warc_record(r, out)
                                                    : read_jsonl_record(r, out);
            if (rc)
                return rc;
            close_input(r);
            continue;
        }
        input queued;
        px_format fmt;
        bool by_name;
        int nrc = next_input(r, &queued, &fmt, &by_name);
        if (nrc < 0)
            return nrc;
        if (!nrc) {
            warn_languages(r);
            return 0;
        }
        char *path = queued.path;
        px_input *in;
        int orc = queued.data ? px__input_open_buffer(&in, queued.data, queued.len)
                              : px__input_open(&in, path);
        if (orc == PX_ENOMEM) {
            free(path);
            return orc;
        }
        if (orc) {
            diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot open: %s", strerror(errno));
            free(path);
            continue;
        }
        /* a name that says text may hold a WARC file; standard input
         * says nothing */
        if (fmt == PX_FORMAT_AUTO || (by_name && fmt == PX_FORMAT_TEXT))
            fmt = sniff(in, fmt == PX_FORMAT_AUTO ? PX_FORMAT_AUTO : fmt);
        if (fmt == PX_FORMAT_JSONL || fmt == PX_FORMAT_WARC) {
            if (fmt == PX_FORMAT_WARC && !r->wrec) {
                r->wrec = px__calloc(1, sizeof(*r->wrec));
                if (!r->wrec) {
                    px__input_close(in);
                    free(path);
                    return PX_ENOMEM;
                }
                px_buf_init(&r->wrec->block);
            }
            r->in = in;
            r->in_format = fmt;
            r->in_path = path;
            r->in_line = 0;
            r->in_records = 0;
            memset(r->wstats, 0, sizeof(r->wstats));
            r->warc = (px_warc_io){in, r->opt.max_bytes, warc_problem, r, 0, 0};
            if (r->ranged && fmt == PX_FORMAT_JSONL) {
                r->in_line = r->range_line0;
                if (queued.data || !strcmp(path, "-") || !seek_range(r)) {
                    diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot read from byte %llu: %s",
                         (unsigned long long)r->range_start,
                         queued.data || !strcmp(path, "-") ? "not a file" : strerror(errno));
                    close_input(r);
                }
            }
            continue;
        }
        int rc = read_text_or_html(r, path, fmt, in, out);
        px__input_close(in);
        free(path);
        if (rc)
            return rc;
    }
}
