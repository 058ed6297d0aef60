/*
 * reader.c - px_reader: turns a list of paths (files, folders, "-") into
 * a stream of documents, one at a time, so memory does not grow with the
 * corpus. Plain text is one article a file, JSON Lines one a line, HTML
 * one a page. Every problem is reported with file, line and reason, and
 * the document or record is skipped and counted; nothing is lost
 * silently.
 */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read.h"

typedef PX_VEC(char *) path_vec;

/* A queued input: a path, or a buffer held in memory (px_reader_add_buffer). */
typedef struct input {
    char *path; /* the path, or the buffer's name */
    char *data; /* the buffer's bytes (a copy), NULL for a path */
    size_t len;
    px_format format; /* the buffer's format */
} input;

enum { JSONL_BUFFER = 1 << 20 };

struct px_reader {
    px_read_options opt;
    PX_VEC(input) queue; /* inputs to visit, used as a stack (reversed) */
    /* the JSONL file being read */
    FILE *jf;
    char *jpath;
    char *jdata; /* the buffer under jf, when it reads one */
    size_t jline;
    size_t jrecords; /* non-blank lines of the open JSONL file */
    char *line;
    size_t line_cap;
    char *jbuf; /* stdio buffer of jf (JSONL_BUFFER bytes) */
    size_t n_docs, n_warnings, n_errors, bytes;
    /* documents already built from a multi-document file (SGML) */
    PX_VEC(px_doc *) pending;
    size_t pending_pos;
    /* hashes of the ids handed out, to keep ids unique */
    uint64_t *ids;
    size_t ids_cap, ids_n;
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
    else
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
    else
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
    if (r->jf && r->jf != stdin)
        fclose(r->jf);
    free(r->jpath);
    free(r->jdata);
    free(r->line);
    free(r->jbuf);
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

static px_format format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return PX_FORMAT_TEXT;
    if (!strcasecmp(dot, ".jsonl") || !strcasecmp(dot, ".json") || !strcasecmp(dot, ".ndjson"))
        return PX_FORMAT_JSONL;
    if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm") || !strcasecmp(dot, ".xhtml"))
        return PX_FORMAT_HTML;
    return PX_FORMAT_TEXT;
}

static bool wanted_in_folder(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (name[0] == '.')
        return false;
    /* no extension, or a numeric one as news corpora name their files
     * ("APW19981016.0240"): plain text or SGML */
    if (!dot)
        return true;
    bool numeric = dot[1] != '\0';
    for (const char *c = dot + 1; *c; c++)
        numeric = numeric && *c >= '0' && *c <= '9';
    if (numeric || !strcasecmp(dot, ".sgm") || !strcasecmp(dot, ".sgml"))
        return true;
    /* .json is read when named, not in folder walks: a folder's .json is
     * usually one document (a key, a config), not JSON Lines */
    static const char *const ext[] = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm"};
    for (size_t i = 0; i < PX_ARRAY_LEN(ext); i++)
        if (!strcasecmp(dot, ext[i]))
            return true;
    return false;
}

static int cmp_str_desc(const void *a, const void *b)
{
    return strcmp(*(char *const *)b, *(char *const *)a);
}

/* Pushes a folder's entries (sorted) onto the stack. */
static int expand_dir(px_reader *r, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot open folder: %s", strerror(errno));
        return PX_OK;
    }
    path_vec items = {0};
    struct dirent *e;
    int rc = PX_OK;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        px_buf full = PX_BUF_INIT;
        px_buf_printf(&full, "%s%s%s", path,
                      path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        if (full.oom) {
            rc = PX_ENOMEM;
            break;
        }
        struct stat st;
        bool keep = false;
        if (stat(full.ptr, &st) == 0)
            keep = S_ISDIR(st.st_mode) ? e->d_name[0] != '.' : wanted_in_folder(e->d_name);
        if (keep && PX_VEC_PUSH(items, full.ptr))
            continue;
        px_buf_release(&full);
        if (keep) {
            rc = PX_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (rc == PX_OK) {
        px__qsort(items.v, items.n, sizeof(char *), cmp_str_desc);
        for (size_t i = 0; i < items.n; i++) {
            if (!PX_VEC_PUSH(r->queue, ((input){items.v[i], NULL, 0, PX_FORMAT_AUTO}))) {
                rc = PX_ENOMEM;
                for (; i < items.n; i++)
                    free(items.v[i]);
                break;
            }
        }
    } else {
        for (size_t i = 0; i < items.n; i++)
            free(items.v[i]);
    }
    PX_VEC_FREE(items);
    return rc;
}

static char *id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    return px__strndup(base, n);
}

/* Reads a whole stream; returns false on a read error (errno set). */
static bool slurp(FILE *f, size_t max, px_buf *out, bool *truncated)
{
    char tmp[65536];
    size_t n;
    *truncated = false;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
        if (out->len + n > max) {
            px_buf_put(out, tmp, max - out->len);
            *truncated = true;
            break;
        }
        px_buf_put(out, tmp, n);
    }
    return !ferror(f) && !out->oom;
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

/* parallax's quotation and date rules are English: other languages are
 * read, and named in one warning at the end of the run. */
static void note_language(px_reader *r, const px_doc *doc)
{
    const char *lang = px_doc_lang(doc);
    if (!strcmp(lang, "en") || !strcmp(lang, "und"))
        return;
    if (++r->n_foreign <= 5) {
        const char *f = px_doc_file(doc) ? px_doc_file(doc) : px_doc_id(doc);
        px_buf_printf(&r->foreign_files, "%s%.120s (%s)", r->n_foreign > 1 ? ", " : "", f,
                      lang);
    }
}

static void warn_languages(px_reader *r)
{
    if (!r->n_foreign || r->foreign_warned)
        return;
    r->foreign_warned = true;
    diag(r, PX_SEV_WARNING, "-", 0, NULL,
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
    bool nomem;
    if (!ids_insert(r, px__hash(m.id, strlen(m.id), 0), &nomem)) {
        for (unsigned k = 2;; k++) {
            snprintf(renamed, sizeof(renamed), "%.200s~%u", meta->id, k);
            if (ids_insert(r, px__hash(renamed, strlen(renamed), 0), &nomem))
                break;
        }
        m.id = renamed;
        diag(r, PX_SEV_WARNING, meta->file ? meta->file : "-", line, m.id,
             "document id \"%.200s\" already used: renamed \"%s\"", meta->id, m.id);
    }
    if (nomem)
        return PX_ENOMEM;
    meta = &m;
    int rc = px__doc_build(out, bytes, len, meta, structure, forward_diag, r, line);
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

/* Reads one article from PATH, or from GIVEN when not NULL (a buffer's
 * stream, closed here). */
static int read_text_or_html(px_reader *r, const char *path, FILE *given, px_format fmt,
                             px_doc **out)
{
    FILE *f = given ? given : strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot open: %s", strerror(errno));
        return 0;
    }
    px_buf data = PX_BUF_INIT;
    bool truncated;
    bool ok = slurp(f, r->opt.max_bytes, &data, &truncated);
    int err = errno;
    if (f != stdin)
        fclose(f);
    char *id = given || strcmp(path, "-") ? id_from_path(path) : px__strdup("stdin");
    int rc = 0;
    if (!id || data.oom) {
        rc = PX_ENOMEM;
        goto done;
    }
    r->bytes += data.len;
    if (!ok) {
        diag(r, PX_SEV_ERROR, path, 0, id, "read error: %s", strerror(err));
        goto done;
    }
    if (truncated)
        diag(r, PX_SEV_WARNING, path, 0, id, "document longer than %zu bytes: truncated",
             r->opt.max_bytes);
    if (looks_binary(data.ptr, data.len)) {
        diag(r, PX_SEV_ERROR, path, 0, id, "binary file (NUL or control bytes): skipped");
        goto done;
    }
    if (!px__str_trim((px_str){data.ptr, data.len}).len) {
        diag(r, PX_SEV_ERROR, path, 0, id, "empty document: skipped");
        goto done;
    }
    px_doc_meta meta = {id, path, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (fmt != PX_FORMAT_HTML && px__sgml_sniff(data.ptr, data.len)) {
        rc = read_sgml(r, path, id, data.ptr, data.len, out);
        goto done;
    }
    if (fmt == PX_FORMAT_HTML) {
        rc = read_html(r, path, id, data.ptr, data.len, NULL, NULL, out);
        goto done;
    }
    rc = build(r, out, data.ptr, data.len, &meta, 1, 0);
    if (rc == PX_OK)
        rc = 1;
done:
    free(id);
    px_buf_release(&data);
    return rc;
}

/* Reads the next record of the open JSONL file: 1 doc, 0 end of file. */
static int read_jsonl_record(px_reader *r, px_doc **out)
{
    for (;;) {
        /* getline copes with lines of any length */
        ssize_t n = getline(&r->line, &r->line_cap, r->jf);
        if (n < 0) {
            if (ferror(r->jf))
                diag(r, PX_SEV_ERROR, r->jpath, r->jline, NULL, "read error: %s",
                     strerror(errno));
            return 0;
        }
        r->jline++;
        r->bytes += (size_t)n;
        px_str l = px__str_trim((px_str){r->line, (size_t)n});
        if (!l.len)
            continue;
        r->jrecords++;
        if (memchr(l.ptr, '\0', l.len)) {
            diag(r, PX_SEV_ERROR, r->jpath, r->jline, NULL, "NUL byte in JSON line: skipped");
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
            if (!obj) {
                diag(r, PX_SEV_ERROR, r->jpath, r->jline, NULL,
                     "malformed JSON at column %d: %s: record skipped", jerr.column, jerr.text);
                continue;
            }
            if (!json_is_object(obj)) {
                diag(r, PX_SEV_ERROR, r->jpath, r->jline, NULL,
                     "JSON line is not an object: record skipped");
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
        if (!id && json_is_integer(jid)) {
            snprintf(idbuf, sizeof(idbuf), "%lld", (long long)json_integer_value(jid));
            id = idbuf;
        }
        if (!id) {
            char *stem = id_from_path(r->jpath);
            if (!stem) {
                json_decref(obj);
                return PX_ENOMEM;
            }
            snprintf(idbuf, sizeof(idbuf), "%.40s:%zu", stem, r->jline);
            free(stem);
            id = idbuf;
            diag(r, PX_SEV_WARNING, r->jpath, r->jline, id, "record without \"id\": named %s",
                 id);
        }
        if (!text) {
            diag(r, PX_SEV_ERROR, r->jpath, r->jline, id,
                 "record without a \"text\" string: skipped");
            json_decref(obj);
            continue;
        }
        if (bad)
            diag(r, PX_SEV_WARNING, r->jpath, r->jline, id,
                 "invalid UTF-8: %zu byte%s replaced by U+FFFD", bad, bad == 1 ? "" : "s");
        if (!px__str_trim((px_str){text, tlen}).len) {
            diag(r, PX_SEV_ERROR, r->jpath, r->jline, id, "empty \"text\": record skipped");
            json_decref(obj);
            continue;
        }
        const char *title = jf.v[PX_JF_TITLE] ? jf.v[PX_JF_TITLE] : jf.v[PX_JF_HEADLINE];
        const char *source = jf.v[PX_JF_SOURCE] ? jf.v[PX_JF_SOURCE] : jf.v[PX_JF_OUTLET];
        const char *date = jf.v[PX_JF_DATE] ? jf.v[PX_JF_DATE] : jf.v[PX_JF_PUBLISHED];
        px_doc_meta meta = {id,
                            r->jpath,
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
        int rc = build(r, out, text, tlen, &meta, 1, r->jline);
        free(host);
        json_decref(obj);
        return rc == PX_OK ? 1 : rc;
    }
}

static void close_jsonl(px_reader *r)
{
    if (!r->jrecords)
        diag(r, PX_SEV_ERROR, r->jpath, 0, NULL, "empty document: no JSON records");
    if (r->jf && r->jf != stdin)
        fclose(r->jf);
    r->jf = NULL;
    free(r->jpath);
    r->jpath = NULL;
    free(r->jdata);
    r->jdata = NULL;
}

/* A buffer: its first byte chooses the format, as for standard input. */
static px_format sniff_bytes(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    return i == len ? PX_FORMAT_TEXT : s[i] == '{' ? PX_FORMAT_JSONL
                                     : s[i] == '<' ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
}

/* Standard input: sniff the first byte to choose the format. */
static px_format sniff_stdin(void)
{
    int c;
    while ((c = getc(stdin)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t'))
        ;
    if (c == EOF)
        return PX_FORMAT_TEXT;
    ungetc(c, stdin);
    return c == '{' ? PX_FORMAT_JSONL : c == '<' ? PX_FORMAT_HTML : PX_FORMAT_TEXT;
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
        if (r->jf) {
            int rc = read_jsonl_record(r, out);
            if (rc)
                return rc;
            close_jsonl(r);
            continue;
        }
        if (!r->queue.n) {
            warn_languages(r);
            return 0;
        }
        input in = r->queue.v[--r->queue.n];
        char *path = in.path;
        px_format fmt = r->opt.format;
        FILE *given = NULL;
        if (in.data) {
            if (fmt == PX_FORMAT_AUTO)
                fmt = in.format != PX_FORMAT_AUTO ? in.format : sniff_bytes(in.data, in.len);
            given = fmemopen(in.data, in.len, "rb");
            if (!given) {
                diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot open: %s", strerror(errno));
                free(path);
                free(in.data);
                continue;
            }
        } else if (!strcmp(path, "-")) {
            if (fmt == PX_FORMAT_AUTO)
                fmt = sniff_stdin();
        } else {
            struct stat st;
            if (stat(path, &st) != 0) {
                diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot read: %s", strerror(errno));
                free(path);
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                int rc = expand_dir(r, path);
                free(path);
                if (rc)
                    return rc;
                continue;
            }
            if (fmt == PX_FORMAT_AUTO)
                fmt = format_of(path);
        }
        if (fmt == PX_FORMAT_JSONL) {
            r->jf = given ? given : strcmp(path, "-") ? fopen(path, "rb") : stdin;
            r->jdata = in.data;
            if (!r->jf) {
                diag(r, PX_SEV_ERROR, path, 0, NULL, "cannot open: %s", strerror(errno));
                free(path);
                continue;
            }
            /* large reads: a 4 KB stdio buffer is a system call every
             * two articles (glibc ignores the size without a buffer) */
            if (r->jf != stdin && !given && !r->jbuf)
                r->jbuf = px__malloc(JSONL_BUFFER);
            if (r->jf != stdin && !given && r->jbuf)
                setvbuf(r->jf, r->jbuf, _IOFBF, JSONL_BUFFER);
            r->jpath = path;
            r->jline = 0;
            r->jrecords = 0;
            continue;
        }
        int rc = read_text_or_html(r, path, given, fmt, out);
        free(path);
        free(in.data);
        if (rc)
            return rc;
    }
}
