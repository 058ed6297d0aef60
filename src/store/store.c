/*
 * store.c - the SQLite corpus: articles with their features, family and
 * story, so that a corpus built in any number of `add` runs tells exactly
 * the stories one `stories` run over the same articles would.
 *
 * Adding: worker threads compute each new article's features (grouper
 * in features-only mode); in input order each article is written with
 * its packed features and a provisional place (its original's story for
 * an exact copy, else a story of its own), a few dozen articles a
 * transaction, so an interrupted add keeps every article committed, each
 * whole and with a valid story. Then the repair: in one transaction the
 * features of every stored article are read back, in order, into a
 * grouper, which runs the same phases as `stories` (families, document
 * frequencies over all texts, average linkage), and the rows whose story,
 * family or links changed are rewritten. The stories are thus a function
 * of the articles and their order, however many runs added them; meta
 * 'repaired' says whether an add was interrupted before its repair.
 *
 * Two adds at once: each transaction takes the write lock, and a second
 * add waits for it (busy timeout) instead of failing; article numbers
 * are taken inside the transaction, and the last repair sees everything.
 *
 * Everything read back is validated before it is used: the options in
 * meta (finite, in range), article and story numbers (dense, in range),
 * links and duplicate_of (earlier articles), the features blobs (pack.c).
 * A damaged corpus is an error naming what is wrong, never a crash, a
 * hang or an allocation sized by a damaged value. Reading (stories, show)
 * opens the file read-only and never creates or changes anything, so a
 * read-only corpus can be read, and a file that is not a parallax corpus
 * is left alone.
 */
#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../group/group.h"
#include "store.h"

#define SCHEMA_VERSION 3
/* articles a transaction while adding */
enum { COMMIT_EVERY = 64 };
/* how long an add waits for another one's transaction (ms) */
enum { ADD_BUSY_MS = 3600 * 1000, READ_BUSY_MS = 30 * 1000 };

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE stories("
    " id INTEGER PRIMARY KEY,"
    " n_articles INTEGER NOT NULL,"
    " headline TEXT);"
    /* the small columns first: scans that need them do not read text */
    "CREATE TABLE articles("
    " seq INTEGER PRIMARY KEY,"
    " story INTEGER NOT NULL REFERENCES stories(id),"
    " duplicate_of INTEGER REFERENCES articles(seq),"
    " exact INTEGER NOT NULL DEFAULT 0,"
    " exact_hash INTEGER NOT NULL DEFAULT 0,"
    " id TEXT NOT NULL UNIQUE,"
    " file TEXT, source TEXT, url TEXT, date TEXT, headline TEXT,"
    " title TEXT,"
    " added TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
    " text TEXT NOT NULL,"
    " features BLOB);"
    "CREATE INDEX articles_story ON articles(story, seq);"
    "CREATE INDEX articles_exact ON articles(exact_hash) WHERE exact = 0;"
    "CREATE TABLE links("
    " seq INTEGER NOT NULL REFERENCES articles(seq),"
    " other INTEGER NOT NULL REFERENCES articles(seq),"
    " PRIMARY KEY(seq, other)) WITHOUT ROWID;";

struct px_store {
    sqlite3 *db;
    bool readonly;
    px_group_options opt;
    px_grouper *g; /* features of the articles being added */
    px_u64map ids; /* hashes of the article ids stored */
    bool ids_loaded;
    sqlite3_stmt *ins_article, *ins_story, *find_copy, *has_id, *next_seq, *n_story_rows,
        *get_links;
    size_t n_articles, n_added, n_stories, in_tx;
    bool dirty;    /* articles added since the last repair */
    bool repaired; /* meta: no add was interrupted */
    bool opened;   /* the file is a parallax corpus, opened */
    int error;
    char errmsg[256];
};

/* SQLite out of memory is PX_ENOMEM; any other failure PX_EDB. */
static int db_error(px_store *s)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s", sqlite3_errmsg(s->db));
    return (sqlite3_errcode(s->db) & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
}

/* The status for a failed sqlite3_step that returned code (its own
 * code, as a later reset may clear the connection's). */
static int step_error(px_store *s, int code)
{
    snprintf(s->errmsg, sizeof s->errmsg, "%s", sqlite3_errstr(code));
    return (code & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
}

static int damaged(px_store *s, const char *fmt, ...) PX_PRINTF(2, 3);

/* A corpus whose contents fail validation. */
static int damaged(px_store *s, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(s->errmsg, sizeof s->errmsg, "damaged corpus: %s", msg);
    return PX_EBADINPUT;
}

static int exec(px_store *s, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s", msg ? msg : sqlite3_errmsg(s->db));
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

/* Binds a copy of str (NULL: SQL NULL) unless an earlier bind failed:
 * *brc keeps the first failure (a copy can run out of memory). */
static void bind_text(int *brc, sqlite3_stmt *st, int i, const char *str)
{
    if (*brc == SQLITE_OK)
        *brc = str ? sqlite3_bind_text(st, i, str, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* A text column, NULL when SQL NULL; *nomem is set when SQLite could not
 * make the text (it then returns NULL too). */
static const char *col_text_nm(sqlite3_stmt *st, int i, bool *nomem)
{
    bool is_null = sqlite3_column_type(st, i) == SQLITE_NULL;
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t && !is_null)
        *nomem = true;
    return t;
}

/* One integer from a query (no parameters); *v untouched on NULL. */
static int query_int(px_store *s, const char *sql, int64_t *v)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL))
        return db_error(s);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
        *v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? PX_OK : step_error(s, step);
}

/* ---- meta: the options a corpus was made with ---- */

static int meta_text(px_store *s, const char *key, char *out, size_t cap, bool *found)
{
    sqlite3_stmt *st;
    *found = false;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL))
        return db_error(s);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    bool nomem = false;
    if (step == SQLITE_ROW) {
        const char *v = col_text_nm(st, 0, &nomem);
        snprintf(out, cap, "%s", v ? v : "");
        *found = true;
    }
    sqlite3_finalize(st);
    if (nomem)
        return PX_ENOMEM;
    return step == SQLITE_ROW || step == SQLITE_DONE ? PX_OK : step_error(s, step);
}

/* A number in meta: finite, in [lo, hi], an integer when integral. */
static int meta_number(px_store *s, const char *key, double lo, double hi, bool integral,
                       double *v)
{
    char buf[64];
    bool found;
    int rc = meta_text(s, key, buf, sizeof buf, &found);
    if (rc)
        return rc;
    if (!found)
        return damaged(s, "meta has no %s", key);
    char *end;
    errno = 0;
    double x = strtod(buf, &end);
    if (end == buf || *end || errno || !isfinite(x) || x < lo || x > hi ||
        (integral && x != floor(x)))
        return damaged(s, "meta %s is \"%.40s\", not a %s in [%g, %g]", key, buf,
                       integral ? "whole number" : "number", lo, hi);
    *v = x;
    return PX_OK;
}

static int meta_read(px_store *s)
{
    double v;
    int rc;
    if ((rc = meta_number(s, "schema_version", 0, 1e9, true, &v)))
        return rc;
    if (v != SCHEMA_VERSION) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 v < SCHEMA_VERSION ? "made by an older parallax (schema version %g: other "
                                      "features and stories); create a new corpus"
                                    : "unknown schema version %g (a newer parallax?)",
                 v);
        return PX_EDB;
    }
    if ((rc = meta_number(s, "dup_threshold", 1e-9, 1, false, &s->opt.dup_threshold)) ||
        (rc = meta_number(s, "story_threshold", 1e-9, 1, false, &s->opt.story_threshold)))
        return rc;
    if ((rc = meta_number(s, "shingle", 1, 1024, true, &v)))
        return rc;
    s->opt.shingle = (int)v;
    if ((rc = meta_number(s, "num_perm", 1, 1024, true, &v)))
        return rc;
    s->opt.num_perm = (int)v;
    if ((rc = meta_number(s, "repaired", 0, 1, true, &v)))
        return rc;
    s->repaired = v == 1;
    return PX_OK;
}

static int meta_create(px_store *s)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO meta(key, value) VALUES ('schema_version', '%d'),"
             "('dup_threshold', '%.17g'), ('shingle', '%d'), ('num_perm', '%d'),"
             "('story_threshold', '%.17g'), ('repaired', '1')",
             SCHEMA_VERSION, s->opt.dup_threshold, s->opt.shingle, s->opt.num_perm,
             s->opt.story_threshold);
    return exec(s, sql);
}

/* The numbers of a corpus: dense, in range, links and copies pointing
 * back. Aggregates over small columns and indexes: no text is read. */
static int validate_counts(px_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*), min(seq), max(seq), min(story), max(story),"
                           " sum(duplicate_of IS NOT NULL AND (duplicate_of < 0 OR duplicate_of "
                           ">= seq)), sum(exact NOT IN (0, 1)) FROM articles",
                           -1, &st, NULL))
        return db_error(s);
    int rc = PX_OK;
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = db_error(s);
        sqlite3_finalize(st);
        return rc;
    }
    int64_t n = sqlite3_column_int64(st, 0);
    int64_t smin = sqlite3_column_int64(st, 1), smax = sqlite3_column_int64(st, 2);
    int64_t stmin = sqlite3_column_int64(st, 3), stmax = sqlite3_column_int64(st, 4);
    int64_t bad_dup = sqlite3_column_int64(st, 5), bad_exact = sqlite3_column_int64(st, 6);
    sqlite3_finalize(st);
    if (n && (smin != 0 || smax != n - 1))
        return damaged(s, "article numbers run from %lld to %lld for %lld articles",
                       (long long)smin, (long long)smax, (long long)n);
    if (bad_dup)
        return damaged(s, "%lld articles are copies of no earlier article", (long long)bad_dup);
    if (bad_exact)
        return damaged(s, "%lld articles have an exact flag that is not 0 or 1",
                       (long long)bad_exact);
    int64_t ns = 0, idmin = 0, idmax = -1, bad_n = 0;
    if ((rc = query_int(s, "SELECT count(*) FROM stories", &ns)) ||
        (rc = query_int(s, "SELECT min(id) FROM stories", &idmin)) ||
        (rc = query_int(s, "SELECT max(id) FROM stories", &idmax)) ||
        (rc = query_int(s, "SELECT count(*) FROM stories WHERE n_articles < 1 OR "
                           "typeof(n_articles) != 'integer'",
                        &bad_n)))
        return rc;
    if (ns > n || (ns && (idmin != 0 || idmax != ns - 1)))
        return damaged(s, "story numbers run from %lld to %lld for %lld stories of %lld articles",
                       (long long)idmin, (long long)idmax, (long long)ns, (long long)n);
    if (bad_n)
        return damaged(s, "%lld stories have no valid article count", (long long)bad_n);
    if (n && (stmin < 0 || stmax >= ns))
        return damaged(s, "story number %lld of an article is not a story (0 to %lld)",
                       (long long)(stmin < 0 ? stmin : stmax), (long long)ns - 1);
    int64_t bad_links = 0;
    if ((rc = query_int(s, "SELECT count(*) FROM links WHERE other < 0 OR other >= seq OR "
                           "seq >= (SELECT count(*) FROM articles)",
                        &bad_links)))
        return rc;
    if (bad_links)
        return damaged(s, "%lld links point to no earlier article", (long long)bad_links);
    s->n_articles = (size_t)n;
    s->n_stories = (size_t)ns;
    return PX_OK;
}

/* Whether the open file holds a parallax corpus: 1 yes, 0 an empty
 * database, -1 something else (a database of another program). */
static int corpus_kind(px_store *s, int *kind)
{
    /* one statement, so one snapshot: in two, another add's schema
     * committed between them read as "no meta table, but tables" */
    int64_t k = 0;
    int rc = query_int(s,
                       "SELECT CASE WHEN EXISTS (SELECT 1 FROM sqlite_master WHERE type = "
                       "'table' AND name = 'meta') THEN 1 WHEN EXISTS (SELECT 1 FROM "
                       "sqlite_master) THEN -1 ELSE 0 END",
                       &k);
    if (rc)
        return rc;
    *kind = (int)k;
    return PX_OK;
}

/* PRAGMA journal_mode=WAL. Changing the mode needs the file to itself,
 * and SQLite answers SQLITE_BUSY at once, without the busy handler, while
 * another connection (a concurrent add creating the corpus, or one
 * switching it back at close) holds it: tried again for the add's busy
 * timeout. */
static int journal_wal(px_store *s)
{
    for (int waited = 0;; waited += 20) {
        char *msg = NULL;
        int rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            return PX_OK;
        if ((rc & 0xff) != SQLITE_BUSY || waited >= ADD_BUSY_MS) {
            snprintf(s->errmsg, sizeof s->errmsg, "%s", msg ? msg : sqlite3_errmsg(s->db));
            sqlite3_free(msg);
            return (rc & 0xff) == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB;
        }
        sqlite3_free(msg);
        sqlite3_sleep(20);
    }
}

static bool sqlite_header(const char *path, bool *empty)
{
    FILE *f = fopen(path, "rb");
    char head[16] = {0};
    *empty = true;
    if (!f)
        return false;
    size_t n = fread(head, 1, 16, f);
    fclose(f);
    *empty = n == 0;
    return n == 16 && !memcmp(head, "SQLite format 3", 16);
}

static int prepare_writes(px_store *s)
{
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO articles(seq, story, duplicate_of, exact, exact_hash, id, "
                           "file, source, url, date, headline, title, text, features) VALUES "
                           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &s->ins_article, NULL) ||
        sqlite3_prepare_v2(s->db, "INSERT INTO stories(id, n_articles, headline) VALUES (?,?,?)",
                           -1, &s->ins_story, NULL) ||
        sqlite3_prepare_v2(s->db,
                           "SELECT seq, story FROM articles WHERE exact_hash = ? AND exact = 0 "
                           "ORDER BY seq LIMIT 1",
                           -1, &s->find_copy, NULL) ||
        sqlite3_prepare_v2(s->db, "SELECT 1 FROM articles WHERE id = ?", -1, &s->has_id, NULL) ||
        sqlite3_prepare_v2(s->db, "SELECT coalesce(max(seq) + 1, 0) FROM articles", -1,
                           &s->next_seq, NULL) ||
        sqlite3_prepare_v2(s->db, "SELECT count(*) FROM stories", -1, &s->n_story_rows, NULL))
        return db_error(s);
    return PX_OK;
}

static int store_ingest(void *ud, px_doc *doc, size_t index, const px_group_feat *f, bool full);

int px_store_open_ex(px_store **out, const char *path, const px_group_options *opt,
                     unsigned flags)
{
    if (!out)
        return PX_EUSAGE;
    *out = NULL;
    px_store *s = px__calloc(1, sizeof *s);
    if (!s)
        return PX_ENOMEM;
    *out = s;
    s->readonly = (flags & PX_STORE_READONLY) != 0;
    s->repaired = true;
    px__group_defaults(opt, &s->opt);
    if (!path)
        path = "parallax.db";
    bool empty;
    bool sqlite = sqlite_header(path, &empty);
    if (!s->readonly && !sqlite && !empty) {
        snprintf(s->errmsg, sizeof s->errmsg,
                 "not a parallax corpus (not an SQLite file): refusing to write into it");
        return PX_EBADINPUT;
    }
    int oflags = SQLITE_OPEN_FULLMUTEX |
                 (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK)
        return s->db ? db_error(s) : PX_ENOMEM;
    sqlite3_busy_timeout(s->db, s->readonly ? READ_BUSY_MS : ADD_BUSY_MS);
    int kind, rc;
    if ((rc = corpus_kind(s, &kind)))
        return rc;
    if (kind < 0 || (kind == 0 && s->readonly)) {
        snprintf(s->errmsg, sizeof s->errmsg, "not a parallax corpus%s",
                 s->readonly || kind == 0 ? "" : " (a database of another program): "
                                                 "refusing to write into it");
        return PX_EBADINPUT;
    }
    if (!s->readonly) {
        if ((rc = journal_wal(s)) ||
            (rc = exec(s, "PRAGMA synchronous=NORMAL")) || (rc = exec(s, "BEGIN IMMEDIATE")))
            return rc;
        /* another add may have created it meanwhile */
        if (!(rc = corpus_kind(s, &kind)) && kind == 0 && !(rc = exec(s, schema)))
            rc = meta_create(s);
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
        if ((rc = exec(s, "COMMIT")))
            return rc;
    }
    if ((rc = meta_read(s)) || (rc = validate_counts(s)))
        return rc;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT d.id FROM links l JOIN articles d ON d.seq = l.other "
                           "WHERE l.seq = ? ORDER BY l.other",
                           -1, &s->get_links, NULL))
        return db_error(s);
    if (!s->readonly && ((rc = prepare_writes(s)) ||
                         (rc = px__grouper_new_ex(&s->g, &s->opt,
                                                  PX__GROUPER_OWN_DOCS | PX__GROUPER_NO_NODES,
                                                  store_ingest, s))))
        return rc;
    s->opened = true;
    return PX_OK;
}

int px_store_open(px_store **out, const char *path, const px_group_options *opt)
{
    return px_store_open_ex(out, path, opt, 0);
}

/* ---- adding ---- */

/* The ids of the stored articles (to skip them) and their texts (an
 * exact copy of one is not analysed again). */
static int load_ids(px_store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id, exact, exact_hash FROM articles", -1, &st, NULL))
        return db_error(s);
    int step, rc = PX_OK;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        bool nomem = false;
        const char *id = col_text_nm(st, 0, &nomem);
        if (nomem || !px__u64map_upsert(&s->ids, id_hash(id ? id : ""), 1, NULL)) {
            rc = PX_ENOMEM;
            break;
        }
        if (!sqlite3_column_int(st, 1) &&
            (rc = px__grouper_known_text(s->g, (uint64_t)sqlite3_column_int64(st, 2))))
            break;
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_error(s);
    sqlite3_finalize(st);
    s->ids_loaded = !rc;
    return rc;
}

/* What stands for an article's headline in listings: its headline, or
 * its first sentence cut at 160 bytes on a character boundary. */
static char *display_title(px_doc *doc)
{
    if (px_doc_headline(doc))
        return px__strdup(px_doc_headline(doc));
    size_t ns;
    const px_sentence *se = px_doc_sentences(doc, &ns);
    if (!ns)
        return NULL;
    px_str t = px_doc_text(doc);
    size_t full = se[0].end - se[0].start, len = PX_MIN(full, (size_t)160);
    while (len && len < full && ((unsigned char)t.ptr[se[0].start + len] & 0xC0) == 0x80)
        len--;
    return px__strndup(t.ptr + se[0].start, len);
}

static int step_done(px_store *s, sqlite3_stmt *st)
{
    int step = sqlite3_step(st);
    int rc = step == SQLITE_DONE ? PX_OK : step_error(s, step);
    sqlite3_reset(st);
    return rc;
}

/* One integer row of a statement without parameters into *v (untouched
 * when there is no row). */
static int step_int(px_store *s, sqlite3_stmt *st, int64_t *v)
{
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        *v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return step == SQLITE_ROW || step == SQLITE_DONE ? PX_OK : step_error(s, step);
}

/* Writes one article (in input order, on the thread that takes it in)
 * with a provisional place: its original's story for an exact copy,
 * else a story of its own. */
static int write_article(px_store *s, px_doc *doc, const px_group_feat *f, bool full)
{
    int rc;
    unsigned char *blob = NULL;
    size_t blob_len = 0;
    char *title = NULL;
    if (!s->in_tx) {
        if ((rc = exec(s, "BEGIN IMMEDIATE")))
            return rc;
        if ((rc = exec(s, "UPDATE meta SET value = '0' WHERE key = 'repaired'")))
            goto fail;
    }
    /* an article another add stored meanwhile */
    sqlite3_bind_text(s->has_id, 1, px_doc_id(doc), -1, SQLITE_STATIC);
    int step = sqlite3_step(s->has_id);
    sqlite3_reset(s->has_id);
    if (step == SQLITE_ROW) {
        rc = PX_OK;
        goto next;
    }
    if (step != SQLITE_DONE) {
        rc = db_error(s);
        goto fail;
    }
    int64_t seq = 0, story = 0, orig = -1, n_st = 0;
    /* a failed step is no "none": it would number or place the article
     * wrongly */
    if ((rc = step_int(s, s->next_seq, &seq)) || (rc = step_int(s, s->n_story_rows, &n_st)))
        goto fail;
    if (f->exact) {
        sqlite3_bind_int64(s->find_copy, 1, (sqlite3_int64)f->exact);
        int fs = sqlite3_step(s->find_copy);
        if (fs == SQLITE_ROW) {
            orig = sqlite3_column_int64(s->find_copy, 0);
            story = sqlite3_column_int64(s->find_copy, 1);
        }
        sqlite3_reset(s->find_copy);
        if (fs != SQLITE_ROW && fs != SQLITE_DONE) {
            rc = step_error(s, fs);
            goto fail;
        }
    }
    title = display_title(doc);
    if (!title && (px_doc_headline(doc) || px_doc_text(doc).len)) {
        size_t ns;
        px_doc_sentences(doc, &ns);
        if (px_doc_headline(doc) || ns) {
            rc = PX_ENOMEM;
            goto fail;
        }
    }
    int brc = SQLITE_OK;
    if (orig < 0) {
        if (!full) {
            snprintf(s->errmsg, sizeof s->errmsg, "article %s: its text is gone from the corpus",
                     px_doc_id(doc));
            rc = PX_EDB;
            goto fail;
        }
        if ((rc = px__feat_pack(f, s->opt.num_perm, &blob, &blob_len)))
            goto fail;
        story = n_st;
        sqlite3_bind_int64(s->ins_story, 1, story);
        sqlite3_bind_int64(s->ins_story, 2, 1);
        bind_text(&brc, s->ins_story, 3, title);
        if (brc != SQLITE_OK) {
            rc = step_error(s, brc);
            goto fail;
        }
        if ((rc = step_done(s, s->ins_story)))
            goto fail;
    }
    sqlite3_stmt *st = s->ins_article;
    px_str text = px_doc_text(doc);
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_int64(st, 2, story);
    if (orig >= 0)
        sqlite3_bind_int64(st, 3, orig);
    else
        sqlite3_bind_null(st, 3);
    sqlite3_bind_int(st, 4, orig >= 0);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)f->exact);
    bind_text(&brc, st, 6, px_doc_id(doc));
    bind_text(&brc, st, 7, px_doc_file(doc));
    bind_text(&brc, st, 8, px_doc_source(doc));
    bind_text(&brc, st, 9, px_doc_url(doc));
    bind_text(&brc, st, 10, px_doc_date(doc));
    bind_text(&brc, st, 11, px_doc_headline(doc));
    bind_text(&brc, st, 12, title);
    sqlite3_bind_text(st, 13, text.ptr, (int)PX_MIN(text.len, (size_t)INT32_MAX), SQLITE_STATIC);
    if (blob)
        sqlite3_bind_blob(st, 14, blob, (int)blob_len, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 14);
    rc = brc != SQLITE_OK ? step_error(s, brc) : step_done(s, st);
    sqlite3_clear_bindings(st);
    if (rc)
        goto fail;
    s->n_articles++;
    s->n_added++;
    s->dirty = true;
next:
    free(blob);
    free(title);
    if (++s->in_tx >= COMMIT_EVERY) {
        s->in_tx = 0;
        if ((rc = exec(s, "COMMIT")))
            return rc;
    }
    return PX_OK;
fail:
    free(blob);
    free(title);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
    return rc;
}

static int store_ingest(void *ud, px_doc *doc, size_t index, const px_group_feat *f, bool full)
{
    (void)index;
    px_store *s = ud;
    if (s->error)
        return s->error;
    if (!doc)
        return PX_EUSAGE;
    return s->error = write_article(s, doc, f, full);
}

int px_store_add(px_store *s, px_doc *doc, int *skipped)
{
    if (skipped)
        *skipped = 0;
    if (!s || !doc || s->readonly || !s->g) {
        px_doc_free(doc);
        return PX_EUSAGE;
    }
    int rc;
    if (!s->ids_loaded && (rc = load_ids(s))) {
        px_doc_free(doc);
        return rc;
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
    return px_grouper_add(s->g, doc);
}

/* ---- the repair: the stories of all the articles, recomputed ---- */

typedef struct stored {
    int64_t story, dup;
} stored;

int px__store_walk_features(px_store *s, px__store_feat_fn fn, void *ud)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT seq, story, duplicate_of, exact, exact_hash, features, id "
                           "FROM articles ORDER BY seq",
                           -1, &st, NULL))
        return db_error(s);
    int step, rc = PX_OK;
    size_t i = 0, n = s->n_articles;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (i >= n || sqlite3_column_int64(st, 0) != (int64_t)i) {
            rc = damaged(s, "article numbers have a gap at %zu", i);
            break;
        }
        px_store_feat_row row = {(int64_t)i, sqlite3_column_int64(st, 1),
                                 sqlite3_column_type(st, 2) == SQLITE_NULL
                                     ? -1
                                     : sqlite3_column_int64(st, 2),
                                 (const char *)sqlite3_column_text(st, 6),
                                 sqlite3_column_int(st, 3) != 0};
        uint64_t hash = (uint64_t)sqlite3_column_int64(st, 4);
        px_group_feat f = {0};
        if (row.copy) {
            if (!hash) {
                rc = damaged(s, "article %zu is a copy of an empty text", i);
                break;
            }
            f.exact = hash;
        } else {
            const char *why = "no features";
            int blen = sqlite3_column_bytes(st, 5);
            const void *b = sqlite3_column_blob(st, 5);
            rc = b ? px__feat_unpack(b, (size_t)blen, s->opt.num_perm, &f, &why) : PX_EBADINPUT;
            if (rc == PX_EBADINPUT)
                rc = damaged(s, "features of article %zu: %s", i, why);
            else if (!rc && f.exact != hash) {
                px__feat_release(&f);
                rc = damaged(s, "features of article %zu are of another text", i);
            }
            if (rc)
                break;
        }
        if ((rc = fn(ud, &row, &f))) {
            px__feat_release(&f);
            if (rc == PX_EBADINPUT)
                rc = damaged(s, "article %zu is a copy of no earlier article", i);
            break;
        }
        i++;
    }
    if (!rc && step != SQLITE_DONE)
        rc = db_error(s);
    if (!rc && i != n)
        rc = damaged(s, "%zu articles where %zu were counted", i, n);
    sqlite3_finalize(st);
    return rc;
}

void px__store_options(const px_store *s, px_group_options *opt)
{
    *opt = s->opt;
}

typedef struct load_ctx {
    px_grouper *g;
    stored *old;
} load_ctx;

static int load_one(void *ud, const px_store_feat_row *row, px_group_feat *f)
{
    load_ctx *c = ud;
    c->old[row->seq].story = row->story;
    c->old[row->seq].dup = row->dup;
    return px__grouper_add_feat(c->g, f, row->copy);
}

/* The features of every article, in order, into a grouper; the stored
 * story and duplicate_of of each into old[] (n articles, as counted). */
static int load_all(px_store *s, px_grouper *g, stored *old, size_t n)
{
    (void)n;
    load_ctx c = {g, old};
    int rc = px__store_walk_features(s, load_one, &c);
    if (!rc && (rc = px__grouper_flush(g)) == PX_EBADINPUT)
        rc = damaged(s, "an article is a copy of no earlier article");
    return rc;
}

/* The stored links, as seq -> sorted others (CSR over n articles). */
static int load_links(px_store *s, size_t n, size_t **off, int64_t **other)
{
    int64_t count = 0;
    int rc = query_int(s, "SELECT count(*) FROM links", &count);
    if (rc)
        return rc;
    /* validated at open: every link joins two articles, so count is
     * bounded by the table itself, not by a stored number */
    *off = px__calloc(n + 1, sizeof **off);
    *other = px__malloc((size_t)(count ? count : 1) * sizeof **other);
    if (!*off || !*other)
        return PX_ENOMEM;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT seq, other FROM links ORDER BY seq, other", -1, &st,
                           NULL))
        return db_error(s);
    int step;
    size_t k = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && k < (size_t)count) {
        int64_t a = sqlite3_column_int64(st, 0);
        if (a < 0 || (size_t)a >= n) {
            rc = damaged(s, "a link of article %lld, which does not exist", (long long)a);
            break;
        }
        (*off)[a + 1]++;
        (*other)[k++] = sqlite3_column_int64(st, 1);
    }
    if (!rc && step != SQLITE_DONE && step != SQLITE_ROW)
        rc = db_error(s);
    sqlite3_finalize(st);
    for (size_t i = 0; !rc && i < n; i++)
        (*off)[i + 1] += (*off)[i];
    return rc;
}

static int repair(px_store *s)
{
    px_grouper *g = NULL;
    stored *old = NULL;
    size_t *loff = NULL;
    int64_t *lother = NULL;
    sqlite3_stmt *upd = NULL, *del_links = NULL, *ins_link = NULL, *title = NULL;
    int rc;
    if ((rc = exec(s, "BEGIN IMMEDIATE")))
        return rc;
    /* another add may have added articles since this one opened */
    if ((rc = validate_counts(s)))
        goto fail;
    size_t n = s->n_articles;
    old = px__malloc((n ? n : 1) * sizeof *old);
    if (!old) {
        rc = PX_ENOMEM;
        goto fail;
    }
    if ((rc = px__grouper_new_ex(&g, &s->opt, 0, NULL, NULL)) || (rc = load_all(s, g, old, n)) ||
        (rc = px_grouper_run(g)) || (rc = load_links(s, n, &loff, &lother)))
        goto fail;
    if (sqlite3_prepare_v2(s->db, "UPDATE articles SET story = ?, duplicate_of = ? WHERE seq = ?",
                           -1, &upd, NULL) ||
        sqlite3_prepare_v2(s->db, "DELETE FROM links WHERE seq = ?", -1, &del_links, NULL) ||
        sqlite3_prepare_v2(s->db, "INSERT INTO links(seq, other) VALUES (?, ?)", -1, &ins_link,
                           NULL) ||
        sqlite3_prepare_v2(s->db, "SELECT title FROM articles WHERE seq = ?", -1, &title, NULL)) {
        rc = db_error(s);
        goto fail;
    }
    if ((rc = exec(s, "DELETE FROM stories")))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        px_group_assign a;
        if ((rc = px_grouper_assign(g, i, &a)))
            goto fail;
        if (old[i].story != (int64_t)a.story || old[i].dup != (int64_t)a.dup_of) {
            sqlite3_bind_int64(upd, 1, (sqlite3_int64)a.story);
            if (a.dup_of >= 0)
                sqlite3_bind_int64(upd, 2, (sqlite3_int64)a.dup_of);
            else
                sqlite3_bind_null(upd, 2);
            sqlite3_bind_int64(upd, 3, (sqlite3_int64)i);
            if ((rc = step_done(s, upd)))
                goto fail;
        }
        bool same = loff[i + 1] - loff[i] == a.n_near;
        for (size_t k = 0; same && k < a.n_near; k++)
            same = lother[loff[i] + k] == (int64_t)a.near[k];
        if (!same) {
            sqlite3_bind_int64(del_links, 1, (sqlite3_int64)i);
            if ((rc = step_done(s, del_links)))
                goto fail;
            for (size_t k = 0; k < a.n_near; k++) {
                sqlite3_bind_int64(ins_link, 1, (sqlite3_int64)i);
                sqlite3_bind_int64(ins_link, 2, (sqlite3_int64)a.near[k]);
                if ((rc = step_done(s, ins_link)))
                    goto fail;
            }
        }
        if (a.new_story) {
            sqlite3_bind_int64(title, 1, (sqlite3_int64)i);
            int step = sqlite3_step(title);
            sqlite3_bind_int64(s->ins_story, 1, (sqlite3_int64)a.story);
            sqlite3_bind_int64(s->ins_story, 2, 1);
            /* a failed step, text or copy is no story without a title */
            bool nomem = false;
            const char *t = step == SQLITE_ROW ? col_text_nm(title, 0, &nomem) : NULL;
            int brc = step == SQLITE_ROW || step == SQLITE_DONE ? SQLITE_OK : step;
            if (nomem)
                brc = SQLITE_NOMEM;
            bind_text(&brc, s->ins_story, 3, t);
            sqlite3_reset(title);
            if (brc != SQLITE_OK) {
                rc = step_error(s, brc);
                goto fail;
            }
            if ((rc = step_done(s, s->ins_story)))
                goto fail;
        }
    }
    if ((rc = exec(s, "UPDATE stories SET n_articles = (SELECT count(*) FROM articles a WHERE "
                      "a.story = stories.id)")) ||
        (rc = exec(s, "UPDATE meta SET value = '1' WHERE key = 'repaired'")) ||
        (rc = exec(s, "COMMIT")))
        goto fail;
    s->n_stories = px_grouper_n_stories(g);
    s->dirty = false;
    s->repaired = true;
    goto done;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
done:
    sqlite3_finalize(upd);
    sqlite3_finalize(del_links);
    sqlite3_finalize(ins_link);
    sqlite3_finalize(title);
    px_grouper_free(g);
    free(old);
    free(loff);
    free(lother);
    return rc;
}

int px_store_flush(px_store *s)
{
    if (!s)
        return PX_EUSAGE;
    if (s->readonly || !s->g)
        return s->error;
    int rc = px__grouper_flush(s->g);
    if (!rc)
        rc = s->error;
    if (s->in_tx) {
        s->in_tx = 0;
        int c = rc ? (sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL), rc) : exec(s, "COMMIT");
        if (!rc)
            rc = c;
    }
    if (!rc && (s->dirty || !s->repaired))
        rc = repair(s);
    if (rc && !s->error)
        s->error = rc;
    return rc;
}

int px_store_repaired(const px_store *s)
{
    return s ? s->repaired : 0;
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
    return s ? s->n_stories : 0;
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
        const char *outlets = col_text_nm(st, 4, &nomem);
        px_store_story row = {sqlite3_column_int64(st, 0),
                              col_text_nm(st, 1, &nomem),
                              (size_t)sqlite3_column_int64(st, 2),
                              (size_t)sqlite3_column_int64(st, 3),
                              outlets ? outlets : "",
                              col_text_nm(st, 5, &nomem),
                              col_text_nm(st, 6, &nomem)};
        if (nomem) {
            rc = PX_ENOMEM;
            break;
        }
        if ((rc = fn(ud, &row)))
            break;
    }
    if (!rc && step != SQLITE_DONE)
        rc = step_error(s, step);
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
                              col_text_nm(st, 1, &nomem),
                              col_text_nm(st, 2, &nomem),
                              col_text_nm(st, 3, &nomem),
                              col_text_nm(st, 4, &nomem),
                              col_text_nm(st, 5, &nomem),
                              col_text_nm(st, 6, &nomem),
                              col_text_nm(st, 7, &nomem),
                              sqlite3_column_int64(st, 8),
                              col_text_nm(st, 9, &nomem),
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
            rc = step_error(s, ls);
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
    sqlite3_reset(s->get_links);
    if (!rc && step != SQLITE_DONE)
        rc = step_error(s, step); /* its own code: the reset cleared the connection's */
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
    int rc = s->opened ? px_store_flush(s) : s->error;
    /* the grouper's workers stop before the statements they use go */
    px_grouper_free(s->g);
    s->g = NULL;
    sqlite3_finalize(s->ins_article);
    sqlite3_finalize(s->ins_story);
    sqlite3_finalize(s->find_copy);
    sqlite3_finalize(s->has_id);
    sqlite3_finalize(s->next_seq);
    sqlite3_finalize(s->n_story_rows);
    sqlite3_finalize(s->get_links);
    if (s->opened && !s->readonly && !rc) {
        /* at rest the corpus is one file (no -wal, -shm), which readers
         * open without writing anything; another connection keeps WAL */
        sqlite3_busy_timeout(s->db, 0);
        sqlite3_exec(s->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    }
    if (s->db)
        sqlite3_close(s->db);
    px__u64map_release(&s->ids);
    free(s);
    return rc;
}
