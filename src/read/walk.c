/*
 * walk.c - which files of a folder parallax reads, and the walk itself.
 * A folder's entries are listed in name order; each file is read or
 * named in a message saying why it was passed over, never skipped
 * silently: a note for a file that is not an article (its name says
 * so: a .pdf, a hidden file, a .json), a warning for a broken link. Symbolic links are followed, but every folder and file is
 * entered once, known by its device and inode, so a link back to an
 * ancestor ends the walk there with a warning instead of looping, and a
 * file reached through two links is read once.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read.h"

static bool ieq(const char *a, const char *b, size_t n)
{
    return strlen(b) == n && !strncasecmp(a, b, n);
}

/* The extension of name[0, len) ("" when none; the dot included). */
static const char *extension(const char *name, size_t len, size_t *ext_len)
{
    for (size_t i = len; i > 0; i--) {
        if (name[i - 1] == '/')
            break;
        if (name[i - 1] == '.' && i > 1 && name[i - 2] != '/') {
            *ext_len = len - (i - 1);
            return name + i - 1;
        }
    }
    *ext_len = 0;
    return name + len;
}

px_format px__format_of(const char *path, bool *gz)
{
    size_t len = strlen(path), el;
    const char *ext = extension(path, len, &el);
    *gz = ieq(ext, ".gz", el);
    if (*gz)
        ext = extension(path, len - el, &el);
    if (ieq(ext, ".jsonl", el) || ieq(ext, ".json", el) || ieq(ext, ".ndjson", el))
        return PX_FORMAT_JSONL;
    if (ieq(ext, ".html", el) || ieq(ext, ".htm", el) || ieq(ext, ".xhtml", el) ||
        ieq(ext, ".shtml", el))
        return PX_FORMAT_HTML;
    if (ieq(ext, ".warc", el) || ieq(ext, ".arc", el))
        return PX_FORMAT_WARC;
    return PX_FORMAT_TEXT;
}

const char *px__walk_skip_reason(const char *name)
{
    if (name[0] == '.')
        return "hidden file: skipped";
    size_t len = strlen(name), el;
    const char *ext = extension(name, len, &el);
    if (ieq(ext, ".gz", el))
        ext = extension(name, len - el, &el);
    /* no extension, or a numeric one as news corpora name their files
     * ("APW19981016.0240"): plain text or SGML */
    if (!el)
        return NULL;
    bool numeric = el > 1;
    for (size_t i = 1; i < el; i++)
        numeric = numeric && ext[i] >= '0' && ext[i] <= '9';
    if (numeric)
        return NULL;
    static const char *const read[] = {".txt",  ".text",  ".sgm",   ".sgml", ".tml",  ".jsonl", ".ndjson",
                                       ".html", ".htm",  ".xhtml", ".shtml", ".warc"};
    for (size_t i = 0; i < PX_ARRAY_LEN(read); i++)
        if (ieq(ext, read[i], el))
            return NULL;
    /* a folder's .json is usually one document (a key, a config), not
     * JSON Lines: read only when named */
    if (ieq(ext, ".json", el))
        return "a .json file is read only when named (JSON Lines: .jsonl): skipped";
    return "not a format parallax reads (text, JSON Lines, HTML, WARC, SGML, TimeML, gzipped or not): "
           "skipped";
}

/* ---- the set of folders and files entered ---- */

static uint64_t node_key(const struct stat *st)
{
    uint64_t k[2] = {(uint64_t)st->st_dev, (uint64_t)st->st_ino};
    uint64_t h = px__hash(k, sizeof(k), 0x5157);
    return h ? h : 1;
}

/* Records a node; false when it was there already. */
static bool seen_insert(px_walk *w, const struct stat *st, bool *nomem)
{
    *nomem = false;
    uint64_t h = node_key(st);
    if (2 * (w->n + 1) > w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 256;
        uint64_t *t = px__calloc(cap, sizeof(uint64_t));
        if (!t) {
            *nomem = true;
            return true;
        }
        for (size_t i = 0; i < w->cap; i++) {
            if (!w->keys[i])
                continue;
            size_t k = (size_t)w->keys[i] & (cap - 1);
            while (t[k])
                k = (k + 1) & (cap - 1);
            t[k] = w->keys[i];
        }
        free(w->keys);
        w->keys = t;
        w->cap = cap;
    }
    size_t k = (size_t)h & (w->cap - 1);
    while (w->keys[k]) {
        if (w->keys[k] == h)
            return false;
        k = (k + 1) & (w->cap - 1);
    }
    w->keys[k] = h;
    w->n++;
    return true;
}

void px__walk_release(px_walk *w)
{
    free(w->keys);
    memset(w, 0, sizeof(*w));
}

int px__walk_enter(px_walk *w, const struct stat *st, bool *first)
{
    bool nomem;
    *first = seen_insert(w, st, &nomem);
    return nomem ? PX_ENOMEM : PX_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void warn(px_walk *w, px_severity sev, const char *path, const char *msg)
{
    if (w->on_warn)
        w->on_warn(w->ud, sev, path, msg);
}

int px__walk_list(px_walk *w, const char *path, char ***out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    DIR *d = opendir(path);
    if (!d) {
        char msg[200];
        snprintf(msg, sizeof(msg), "cannot open folder: %s", strerror(errno));
        warn(w, PX_SEV_ERROR, path, msg);
        return PX_OK;
    }
    PX_VEC(char *) items = {0};
    struct dirent *e;
    int rc = PX_OK;
    size_t plen = strlen(path);
    bool slash = plen && path[plen - 1] == '/';
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        px_buf full = PX_BUF_INIT;
        px_buf_printf(&full, "%s%s%s", path, slash ? "" : "/", e->d_name);
        if (full.oom || !PX_VEC_PUSH(items, full.ptr)) {
            px_buf_release(&full);
            rc = PX_ENOMEM;
            break;
        }
    }
    closedir(d);
    if (rc) {
        for (size_t i = 0; i < items.n; i++)
            free(items.v[i]);
        PX_VEC_FREE(items);
        return rc;
    }
    px__qsort(items.v, items.n, sizeof(char *), cmp_str);
    /* keep what is read; name what is not */
    size_t k = 0, i;
    for (i = 0; i < items.n; i++) {
        char *p = items.v[i];
        const char *name = p + plen + !slash;
        struct stat st, lst;
        const char *why = NULL;
        char msg[200];
        /* a file that is not an article is passed over with a note; a
         * link that leads nowhere (or round in circles) is a problem */
        px_severity sev = PX_SEV_NOTE;
        if (stat(p, &st) != 0) {
            sev = PX_SEV_WARNING;
            int err = errno;
            bool link = lstat(p, &lst) == 0 && S_ISLNK(lst.st_mode);
            snprintf(msg, sizeof(msg), "%s: skipped",
                     link && err == ENOENT ? "broken symbolic link"
                     : link && err == ELOOP ? "symbolic link loop"
                                            : strerror(err));
            why = msg;
        } else if (S_ISDIR(st.st_mode)) {
            if (name[0] == '.')
                why = "hidden folder: skipped";
        } else if (!S_ISREG(st.st_mode)) {
            why = "not a regular file: skipped";
        } else if ((why = px__walk_skip_reason(name)) == NULL) {
            bool first;
            if ((rc = px__walk_enter(w, &st, &first)))
                break;
            if (!first)
                why = "same file as one read before (through another link): skipped";
        }
        if (why) {
            warn(w, sev, p, why);
            free(p);
            continue;
        }
        items.v[k++] = p;
    }
    if (rc) {
        /* kept entries are in [0, k), unvisited ones in [i, n) */
        for (size_t j = 0; j < k; j++)
            free(items.v[j]);
        for (size_t j = i; j < items.n; j++)
            free(items.v[j]);
        PX_VEC_FREE(items);
        return rc;
    }
    *out = items.v;
    *n_out = k;
    return PX_OK;
}
