/*
 * store.c - the SQLite corpus: articles with their family and story, and
 * the grouping index persisted beside them so that adding articles later
 * places them among the stories already there, without reclustering.
 *
 * Each article is written with its assignment and its story's updated
 * vector in one transaction (WAL journal), so an interrupted add keeps
 * every article already committed and never leaves half of one. The
 * grouper's worker thread writes; the connection is opened in serialized
 * mode, so readers on the caller's thread are safe too.
 * Blobs are little-endian: signature = num_perm uint32; terms and story
 * vectors = (uint64 key, float32 weight) pairs, 12 bytes each.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../group/group.h"
#include "store.h"

/* 2: word and shingle hashes changed (signatures and exact hashes of
 * version 1 do not compare with new ones) */
#define SCHEMA_VERSION "2"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS stories("
    " id INTEGER PRIMARY KEY,"
    " headline TEXT,"
    " n_articles INTEGER NOT NULL,"
    " day_min INTEGER, day_max INTEGER,"
    " vector BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS articles("
    " seq INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " file TEXT, source TEXT, url TEXT, date TEXT, headline TEXT,"
    " text TEXT NOT NULL,"
    " story INTEGER NOT NULL REFERENCES stories(id),"
    " duplicate_of INTEGER REFERENCES articles(seq),"
    " exact INTEGER NOT NULL DEFAULT 0,"
    " exact_hash INTEGER NOT NULL DEFAULT 0,"
    " signature BLOB, shingles BLOB, terms BLOB,"
    " added TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);"
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story, seq);"
    "CREATE TABLE IF NOT EXISTS links("
    " seq INTEGER NOT NULL REFERENCES articles(seq),"
    " other INTEGER NOT NULL REFERENCES articles(seq),"
    " PRIMARY KEY(seq, other)) WITHOUT ROWID;";

struct px_store {
    sqlite3 *db;
    px_grouper *g;
    px_group_options opt;
    sqlite3_stmt *ins_article, *upsert_story, *ins_link, *get_links;
    px_u64map ids; /* hashes of the article ids in the corpus */
    size_t n_articles, n_added;
    int error;
    char errmsg[256];
};

/* SQLite out of memory is PX_ENOMEM; any other failure PX_EDB. */
static int db_error(px_store *s)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s", sqlite3_errmsg(s->db));
    return (sqlite3_errcode(s->db) & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
}

static int exec(px_store *s, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", msg ? msg : sqlite3_errstr(rc));
        sqlite3_free(msg);
        return (rc & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
    }
    return PX_OK;
}

static uint64_t id_hash(const char *id)
{
    uint64_t h = px__hash(id, strlen(id), 0x1d);
    return h ? h : 1;
}

/* ---- columns and blobs ---- */

/* A text column, NULL when SQL NULL; *nomem is set when SQLite could not
 * make the text (it then returns NULL too). */
static const char *col_text(sqlite3_stmt *st, int i, bool *nomem)
{
    bool is_null = sqlite3_column_type(st, i) == SQLITE_NULL;
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t && !is_null)
        *nomem = true;
    return t;
}

/* A blob column (*b NULL when empty); false when SQLite ran out of
 * memory making it. */
static bool col_blob(px_store *s, sqlite3_stmt *st, int i, const unsigned char **b, int *len)
{
    *b = sqlite3_column_blob(st, i);
    *len = *b ? sqlite3_column_bytes(st, i) : 0;
    return *b || (sqlite3_errcode(s->db) & 0xff) != SQLITE_NOMEM;
}

static void *pack_terms(const px_term *t, size_t n, int *len)
{
    unsigned char *b = px__malloc(n * 12 + 1);
    if (!b)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint64_t k = t[i].key;
        uint32_t w;
        memcpy(&w, &t[i].w, 4);
        for (int j = 0; j < 8; j++)
            b[i * 12 + (size_t)j] = (unsigned char)(k >> (8 * j));
        for (int j = 0; j < 4; j++)
            b[i * 12 + 8 + (size_t)j] = (unsigned char)(w >> (8 * j));
    }
    *len = (int)(n * 12);
    return b;
}

/* NULL when the blob is malformed or, with *nomem set, memory ran out */
static px_term *unpack_terms(const unsigned char *b, int len, size_t *n, bool *nomem)
{
    *n = len > 0 && b ? (size_t)len / 12 : 0;
    px_term *t = px__malloc((*n ? *n : 1) * sizeof *t);
    if (!t) {
        *nomem = true;
        return NULL;
    }
    for (size_t i = 0; i < *n; i++) {
        uint64_t k = 0;
        uint32_t w = 0;
        for (int j = 0; j < 8; j++)
            k |= (uint64_t)b[i * 12 + (size_t)j] << (8 * j);
        for (int j = 0; j < 4; j++)
            w |= (uint32_t)b[i * 12 + 8 + (size_t)j] << (8 * j);
        t[i].key = k;
        memcpy(&t[i].w, &w, 4);
    }
    return t;
}

static void *pack_sig(const uint32_t *sig, int np, int *len)
{
    unsigned char *b = px__malloc((size_t)np * 4 + 1);
    if (!b)
        return NULL;
    for (int i = 0; i < np; i++)
        for (int j = 0; j < 4; j++)
            b[i * 4 + j] = (unsigned char)(sig[i] >> (8 * j));
    *len = np * 4;
    return b;
}

static uint32_t *unpack_sig(const unsigned char *b, int len, int np, bool *nomem)
{
    if (len != np * 4 || (np && !b))
        return NULL;
    uint32_t *sig = px__malloc((size_t)(np ? np : 1) * sizeof *sig);
    if (!sig) {
        *nomem = true;
        return NULL;
    }
    for (int i = 0; i < np; i++)
        sig[i] = (uint32_t)b[i * 4] | (uint32_t)b[i * 4 + 1] << 8 | (uint32_t)b[i * 4 + 2] << 16 |
                 (uint32_t)b[i * 4 + 3] << 24;
    return sig;
}

/* ---- writing an article (grouper worker thread) ---- */

/* Binds a copy of s (NULL: SQL NULL) unless an earlier bind failed:
 * *brc keeps the first failure (a copy can run out of memory). */
static void bind_text(int *brc, sqlite3_stmt *st, int i, const char *s, int len)
{
    if (*brc == SQLITE_OK)
        *brc = s ? sqlite3_bind_text(st, i, s, len, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

static int bind_error(int brc)
{
    return (brc & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
}

static int write_article(px_store *s, px_doc *doc, const px_group_assign *a,
                         const px_group_feat *f)
{
    int rc = PX_OK, sig_len = 0, terms_len = 0, vec_len = 0, sh_len = 0;
    void *sig = NULL, *terms = NULL, *vec = NULL, *sh = NULL;
    if (!a->exact) {
        sig = pack_sig(f->sig, s->opt.num_perm, &sig_len);
        sh = pack_sig(f->shingles, (int)f->n_shingles, &sh_len);
        terms = pack_terms(f->terms, f->n_terms, &terms_len);
        if (!sig || !terms || !sh) {
            rc = PX_ENOMEM;
            goto done;
        }
    }
    size_t nv;
    uint32_t n_docs;
    int32_t dmin, dmax;
    const px_term *v = px__index_story_vector(px__grouper_index(s->g), a->story, &nv, &n_docs,
                                              &dmin, &dmax);
    if (!(vec = pack_terms(v, nv, &vec_len))) {
        rc = PX_ENOMEM;
        goto done;
    }
    if ((rc = exec(s, "BEGIN IMMEDIATE")))
        goto done;
    sqlite3_stmt *st = s->upsert_story;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)a->story);
    int brc = SQLITE_OK;
    if (px_doc_headline(doc)) {
        bind_text(&brc, st, 2, px_doc_headline(doc), -1);
    } else {
        /* no headline found: the first sentence stands for it */
        size_t ns;
        const px_sentence *se = px_doc_sentences(doc, &ns);
        px_str t = px_doc_text(doc);
        size_t len = ns ? PX_MIN(se[0].end - se[0].start, (size_t)160) : 0;
        /* cut at a character boundary */
        while (ns && len && len < se[0].end - se[0].start &&
               ((unsigned char)t.ptr[se[0].start + len] & 0xC0) == 0x80)
            len--;
        bind_text(&brc, st, 2, ns ? t.ptr + se[0].start : NULL, (int)len);
    }
    sqlite3_bind_int64(st, 3, n_docs ? n_docs : 1);
    if (dmin != PX__NO_DAY) {
        sqlite3_bind_int(st, 4, dmin);
        sqlite3_bind_int(st, 5, dmax);
    } else {
        sqlite3_bind_null(st, 4);
        sqlite3_bind_null(st, 5);
    }
    sqlite3_bind_blob(st, 6, vec, vec_len, SQLITE_STATIC);
    if (brc != SQLITE_OK) {
        rc = bind_error(brc);
        goto rollback;
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = db_error(s);
        goto rollback;
    }
    st = s->ins_article;
    sqlite3_reset(st);
    px_str text = px_doc_text(doc);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)a->index);
    bind_text(&brc, st, 2, px_doc_id(doc), -1);
    bind_text(&brc, st, 3, px_doc_file(doc), -1);
    bind_text(&brc, st, 4, px_doc_source(doc), -1);
    bind_text(&brc, st, 5, px_doc_url(doc), -1);
    bind_text(&brc, st, 6, px_doc_date(doc), -1);
    bind_text(&brc, st, 7, px_doc_headline(doc), -1);
    sqlite3_bind_text(st, 8, text.ptr, (int)text.len, SQLITE_STATIC);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)a->story);
    if (a->dup_of >= 0)
        sqlite3_bind_int64(st, 10, (sqlite3_int64)a->dup_of);
    else
        sqlite3_bind_null(st, 10);
    sqlite3_bind_int(st, 11, a->exact);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)f->exact);
    if (sig) {
        sqlite3_bind_blob(st, 13, sig, sig_len, SQLITE_STATIC);
        sqlite3_bind_blob(st, 14, sh, sh_len, SQLITE_STATIC);
        sqlite3_bind_blob(st, 15, terms, terms_len, SQLITE_STATIC);
    } else {
        sqlite3_bind_null(st, 13);
        sqlite3_bind_null(st, 14);
        sqlite3_bind_null(st, 15);
    }
    if (brc != SQLITE_OK) {
        rc = bind_error(brc);
        goto rollback;
    }
    if (sqlite3_step(st) != SQLITE_DONE) {
        rc = db_error(s);
        goto rollback;
    }
    for (size_t i = 0; i < a->n_near; i++) {
        sqlite3_reset(s->ins_link);
        sqlite3_bind_int64(s->ins_link, 1, (sqlite3_int64)a->index);
        sqlite3_bind_int64(s->ins_link, 2, (sqlite3_int64)a->near[i]);
        if (sqlite3_step(s->ins_link) != SQLITE_DONE) {
            rc = db_error(s);
            goto rollback;
        }
    }
    if ((rc = exec(s, "COMMIT")))
        goto rollback;
    s->n_articles++;
    s->n_added++;
    goto done;
rollback:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
done:
    sqlite3_reset(s->upsert_story);
    sqlite3_reset(s->ins_article);
    sqlite3_clear_bindings(s->upsert_story);
    sqlite3_clear_bindings(s->ins_article);
    free(sig);
    free(sh);
    free(terms);
    free(vec);
    return rc;
}

static void on_assign(void *ud, px_doc *doc, const px_group_assign *a, const px_group_feat *f)
{
    px_store *s = ud;
    if (s->error)
        return;
    s->error = write_article(s, doc, a, f);
}

/* ---- opening ---- */

/* 1 found, 0 absent, or a negative status. */
static int meta_get(px_store *s, const char *key, double *v)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL))
        return db_error(s);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    int found = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : db_error(s);
    if (found == 1)
        *v = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return found;
}

static int meta_init(px_store *s)
{
    double v;
    int rc = meta_get(s, "schema_version", &v);
    if (rc < 0)
        return rc;
    if (rc == 1) {
        if (v != 2) {
            snprintf(s->errmsg, sizeof s->errmsg,
                     v == 1 ? "made by an older parallax (schema version 1: other signature "
                              "hashes); create a new corpus"
                            : "unknown schema version %g",
                     v);
            return PX_EDB;
        }
        if ((rc = meta_get(s, "dup_threshold", &v)) == 1)
            s->opt.dup_threshold = v;
        if (rc >= 0 && (rc = meta_get(s, "shingle", &v)) == 1)
            s->opt.shingle = (int)v;
        if (rc >= 0 && (rc = meta_get(s, "num_perm", &v)) == 1)
            s->opt.num_perm = (int)v;
        if (rc >= 0 && (rc = meta_get(s, "story_threshold", &v)) == 1)
            s->opt.story_threshold = v;
        return rc < 0 ? rc : PX_OK;
    }
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO meta(key, value) VALUES ('schema_version', '" SCHEMA_VERSION "'),"
             "('dup_threshold', '%.17g'), ('shingle', '%d'), ('num_perm', '%d'),"
             "('story_threshold', '%.17g')",
             s->opt.dup_threshold, s->opt.shingle, s->opt.num_perm, s->opt.story_threshold);
    return exec(s, sql);
}

static int load_index(px_store *s)
{
    px_group_index *ix = px__grouper_index(s->g);
    sqlite3_stmt *st = NULL;
    int rc = PX_OK;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT seq, id, story, duplicate_of, exact, exact_hash, signature, "
                           "terms, shingles FROM articles ORDER BY seq",
                           -1, &st, NULL))
        return db_error(s);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if ((size_t)sqlite3_column_int64(st, 0) != s->n_articles) {
            snprintf(s->errmsg, sizeof s->errmsg, "article sequence has a gap at %zu",
                     s->n_articles);
            rc = PX_EDB;
            goto done;
        }
        bool nomem = false;
        const char *id = col_text(st, 1, &nomem);
        if (nomem || !px__u64map_upsert(&s->ids, id_hash(id ? id : ""), 1, NULL)) {
            rc = PX_ENOMEM;
            goto done;
        }
        px_group_feat f = {0};
        int exact = sqlite3_column_int(st, 4);
        f.exact = (uint64_t)sqlite3_column_int64(st, 5);
        if (!exact) {
            const unsigned char *b;
            int nb;
            nomem = !col_blob(s, st, 6, &b, &nb);
            f.sig = nomem ? NULL : unpack_sig(b, nb, s->opt.num_perm, &nomem);
            nomem = nomem || !col_blob(s, st, 7, &b, &nb);
            f.terms = nomem ? NULL : unpack_terms(b, nb, &f.n_terms, &nomem);
            nomem = nomem || !col_blob(s, st, 8, &b, &nb);
            f.n_shingles = (size_t)nb / 4;
            f.shingles = nomem ? NULL : unpack_sig(b, nb, nb / 4, &nomem);
            if (!f.sig || !f.terms || !f.shingles) {
                px__feat_release(&f);
                snprintf(s->errmsg, sizeof s->errmsg, "bad signature of article %zu",
                         s->n_articles);
                rc = nomem ? PX_ENOMEM : PX_EDB;
                goto done;
            }
        }
        ptrdiff_t dup = sqlite3_column_type(st, 3) == SQLITE_NULL
                            ? -1
                            : (ptrdiff_t)sqlite3_column_int64(st, 3);
        rc = px__index_load_doc(ix, &f, (size_t)sqlite3_column_int64(st, 2), dup, exact);
        px__feat_release(&f);
        if (rc)
            goto done;
        s->n_articles++;
    }
    if (step != SQLITE_DONE) {
        rc = db_error(s);
        goto done;
    }
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, vector, n_articles, day_min, day_max FROM stories "
                           "ORDER BY id",
                           -1, &st, NULL))
        return db_error(s);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        size_t n;
        const unsigned char *b;
        int nb;
        bool nomem = !col_blob(s, st, 1, &b, &nb);
        px_term *v = nomem ? NULL : unpack_terms(b, nb, &n, &nomem);
        if (!v) {
            rc = PX_ENOMEM;
            goto done;
        }
        int32_t dmin = sqlite3_column_type(st, 3) == SQLITE_NULL ? PX__NO_DAY
                                                                 : sqlite3_column_int(st, 3);
        int32_t dmax = sqlite3_column_type(st, 4) == SQLITE_NULL ? PX__NO_DAY
                                                                 : sqlite3_column_int(st, 4);
        rc = px__index_load_story(ix, (size_t)sqlite3_column_int64(st, 0), v, n,
                                  (uint32_t)sqlite3_column_int64(st, 2), dmin, dmax);
        free(v);
        if (rc)
            goto done;
    }
    if (step != SQLITE_DONE)
        rc = db_error(s);
done:
    sqlite3_finalize(st);
    return rc;
}

int px_store_open(px_store **out, const char *path, const px_group_options *opt)
{
    if (!out)
        return PX_EUSAGE;
    *out = NULL;
    px_store *s = px__calloc(1, sizeof *s);
    if (!s)
        return PX_ENOMEM;
    *out = s;
    px__group_defaults(opt, &s->opt);
    int rc;
    if (sqlite3_open_v2(path ? path : "parallax.db", &s->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL) != SQLITE_OK) {
        rc = s->db ? db_error(s) : PX_ENOMEM;
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if ((rc = exec(s, "PRAGMA journal_mode=WAL")) || (rc = exec(s, "PRAGMA synchronous=NORMAL")) ||
        (rc = exec(s, "BEGIN IMMEDIATE")))
        goto fail;
    if ((rc = exec(s, schema)) || (rc = meta_init(s))) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    if ((rc = exec(s, "COMMIT")))
        goto fail;
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO articles(seq, id, file, source, url, date, headline, "
                           "text, story, duplicate_of, exact, exact_hash, signature, shingles, "
                           "terms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &s->ins_article, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "INSERT INTO stories(id, headline, n_articles, day_min, day_max, "
                           "vector) VALUES (?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                           "n_articles = excluded.n_articles, day_min = excluded.day_min, "
                           "day_max = excluded.day_max, vector = excluded.vector",
                           -1, &s->upsert_story, NULL) ||
        sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO links(seq, other) VALUES (?,?)", -1,
                           &s->ins_link, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT d.id FROM links l JOIN articles d ON d.seq = l.other "
                           "WHERE l.seq = ? ORDER BY l.other",
                           -1, &s->get_links, NULL)) {
        rc = db_error(s);
        goto fail;
    }
    if ((rc = px__grouper_new_ex(&s->g, &s->opt, NULL, on_assign, s)))
        goto fail;
    if ((rc = load_index(s)))
        goto fail;
    return PX_OK;
fail:
    return rc;
}

int px_store_add(px_store *s, px_doc *doc, int *skipped)
{
    if (skipped)
        *skipped = 0;
    if (!s || !doc) {
        px_doc_free(doc);
        return PX_EUSAGE;
    }
    if (s->error) {
        px_doc_free(doc);
        return s->error;
    }
    bool inserted;
    if (!px__u64map_upsert(&s->ids, id_hash(px_doc_id(doc)), 1, &inserted)) {
        px_doc_free(doc);
        return PX_ENOMEM;
    }
    if (!inserted) {
        if (skipped)
            *skipped = 1;
        px_doc_free(doc);
        return PX_OK;
    }
    int rc = px_grouper_add(s->g, doc);
    return rc ? rc : s->error;
}

int px_store_flush(px_store *s)
{
    if (!s)
        return PX_EUSAGE;
    int rc = s->g ? px_grouper_finish(s->g) : PX_OK;
    return rc ? rc : s->error;
}

size_t px_store_n_articles(const px_store *s)
{
    return s ? s->n_articles : 0;
}

size_t px_store_n_added(const px_store *s)
{
    return s ? s->n_added : 0;
}

size_t px_store_n_stories(const px_store *s)
{
    return s && s->g ? px_grouper_n_stories(s->g) : 0;
}

const char *px_store_errmsg(const px_store *s)
{
    return s ? s->errmsg : "";
}

/* ---- reading ---- */


int px_store_stories(px_store *s, int (*fn)(void *ud, const px_store_story *st), void *ud)
{
    if (!s || !fn)
        return PX_EUSAGE;
    int rc = px_store_flush(s);
    if (rc)
        return rc;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT s.id, s.headline, count(*), sum(a.duplicate_of IS NULL), "
                           "group_concat(DISTINCT nullif(a.source, '')), min(a.date), "
                           "max(a.date) FROM stories s JOIN articles a ON a.story = s.id "
                           "GROUP BY s.id ORDER BY s.id",
                           -1, &st, NULL))
        return db_error(s);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        bool nomem = false;
        const char *outlets = col_text(st, 4, &nomem);
        px_store_story row = {sqlite3_column_int64(st, 0),
                              col_text(st, 1, &nomem),
                              (size_t)sqlite3_column_int64(st, 2),
                              (size_t)sqlite3_column_int64(st, 3),
                              outlets ? outlets : "",
                              col_text(st, 5, &nomem),
                              col_text(st, 6, &nomem)};
        if (nomem) {
            rc = PX_ENOMEM;
            break;
        }
        if ((rc = fn(ud, &row)))
            break;
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_error(s);
    sqlite3_finalize(st);
    return rc > 0 ? PX_OK : rc;
}

static int walk_articles(px_store *s, int64_t story, bool one,
                         int (*fn)(void *ud, const px_store_article *a), void *ud)
{
    int rc = px_store_flush(s);
    if (rc)
        return rc;
    sqlite3_stmt *st;
    const char *sql = one ? "SELECT a.seq, a.id, a.source, a.url, a.date, a.headline, a.file, "
                            "a.text, a.story, d.id FROM articles a LEFT JOIN articles d ON "
                            "d.seq = a.duplicate_of WHERE a.story = ? ORDER BY a.seq"
                          : "SELECT a.seq, a.id, a.source, a.url, a.date, a.headline, a.file, "
                            "NULL, a.story, d.id FROM articles a LEFT JOIN articles d ON "
                            "d.seq = a.duplicate_of ORDER BY a.seq";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
        return db_error(s);
    if (one)
        sqlite3_bind_int64(st, 1, story);
    int step;
    size_t n = 0;
    PX_VEC(char *) near = {0};
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        bool nomem = false;
        px_store_article a = {sqlite3_column_int64(st, 0),
                              col_text(st, 1, &nomem),
                              col_text(st, 2, &nomem),
                              col_text(st, 3, &nomem),
                              col_text(st, 4, &nomem),
                              col_text(st, 5, &nomem),
                              col_text(st, 6, &nomem),
                              col_text(st, 7, &nomem),
                              sqlite3_column_int64(st, 8),
                              col_text(st, 9, &nomem),
                              NULL,
                              0};
        if (nomem) {
            rc = PX_ENOMEM;
            break;
        }
        n++;
        /* the article's near-duplicate links, ids copied (the next step
         * invalidates the text) */
        for (size_t i = 0; i < near.n; i++)
            free(near.v[i]);
        near.n = 0;
        sqlite3_reset(s->get_links);
        sqlite3_bind_int64(s->get_links, 1, a.seq);
        int ls;
        while ((ls = sqlite3_step(s->get_links)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(s->get_links, 0);
            char *copy = id ? px__strdup(id) : NULL;
            if (!copy || !PX_VEC_PUSH(near, copy)) {
                free(copy);
                rc = PX_ENOMEM;
                break;
            }
        }
        if (!rc && ls != SQLITE_DONE)
            rc = db_error(s);
        if (rc)
            break;
        a.near = (const char *const *)near.v;
        a.n_near = near.n;
        if ((rc = fn(ud, &a)))
            break;
    }
    for (size_t i = 0; i < near.n; i++)
        free(near.v[i]);
    PX_VEC_FREE(near);
    /* the error before the reset, which clears it */
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_error(s);
    sqlite3_reset(s->get_links);
    sqlite3_finalize(st);
    if (!rc && one && !n)
        rc = PX_ENOTFOUND;
    return rc > 0 ? PX_OK : rc;
}

int px_store_story_articles(px_store *s, int64_t story,
                            int (*fn)(void *ud, const px_store_article *a), void *ud)
{
    if (!s || !fn)
        return PX_EUSAGE;
    return walk_articles(s, story, true, fn, ud);
}

int px_store_articles(px_store *s, int (*fn)(void *ud, const px_store_article *a), void *ud)
{
    if (!s || !fn)
        return PX_EUSAGE;
    return walk_articles(s, 0, false, fn, ud);
}

int px_store_close(px_store *s)
{
    if (!s)
        return PX_OK;
    int rc = s->g ? px_grouper_finish(s->g) : PX_OK;
    if (!rc)
        rc = s->error;
    px_grouper_free(s->g);
    sqlite3_finalize(s->ins_article);
    sqlite3_finalize(s->upsert_story);
    sqlite3_finalize(s->ins_link);
    sqlite3_finalize(s->get_links);
    if (s->db)
        sqlite3_close(s->db);
    px__u64map_release(&s->ids);
    free(s);
    return rc;
}
