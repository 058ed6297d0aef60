/*
 * plan.c - which rank reads what, and the reading itself.
 *
 * Rank 0 walks the input paths as the reader does (folders in name
 * order) and cuts the whole input, taken as one stream of bytes in input
 * order, into equal slices, one per rank. A file goes whole to the rank
 * whose slice holds its first byte (its reader tells its format as the
 * single process's does), except a big plain JSONL file, which is cut
 * where the slices cut it: each rank reads the records that start in its
 * piece (px__reader_set_range), so every record is read once and rank
 * r's documents all come before rank r + 1's. Line numbers stay those of
 * the whole file: each rank counts the lines of its pieces and the counts
 * of the pieces before are added (MPI_Allgather). A gzipped file and a
 * WARC file are read whole (docs/mpi.md says what cutting a WARC file
 * needs).
 *
 * Each rank feeds its documents to the library's grouper (features on
 * worker threads, exact copies skipped), and keeps, in input order, each
 * document's id and text, and each distinct text's features.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "../src/store/store.h"
#include "mpx.h"

/* a JSONL file is cut into pieces only when it is at least this big */
#define MIN_SPLIT ((uint64_t)1 << 20)

typedef struct item {
    char *path;
    int fmt;
    int rank;
    bool ranged;          /* a piece of a file cut between ranks */
    uint64_t start, end;  /* the piece's bytes */
    uint32_t file;        /* the file's number in the walk */
} item;

typedef PX_VEC(item) item_vec;

/* Adds to out a copy of it with its own path, for rank, bytes [start,
 * end) of the file. PX_ENOMEM when memory ran out. */
static int push_item(item_vec *out, const item *it, int rank, uint64_t start, uint64_t end)
{
    item w = *it;
    w.path = px__strdup(it->path);
    w.rank = rank;
    w.start = start;
    w.end = end;
    if (!w.path || !PX_VEC_PUSH(*out, w)) {
        free(w.path);
        return PX_ENOMEM;
    }
    return PX_OK;
}

static void items_release(item_vec *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->v[i].path);
    PX_VEC_FREE(*v);
}

typedef struct diag_ctx {
    mpx *m;
} diag_ctx;

static void on_diag(void *ud, const px_diag *dg)
{
    mpx *m = ud;
    /* a note says what was passed over on purpose: not a problem */
    if (dg->severity == PX_SEV_ERROR)
        m->n_errors++;
    else if (dg->severity == PX_SEV_WARNING)
        m->n_warnings++;
    if (m->quiet)
        return;
    const char *sev = dg->severity == PX_SEV_ERROR     ? "error"
                      : dg->severity == PX_SEV_WARNING ? "warning"
                                                       : "note";
    if (dg->line)
        fprintf(stderr, "parallax-mpi: rank %d: %s:%zu: %s: %s", m->rank, dg->file, dg->line, sev,
                dg->message);
    else
        fprintf(stderr, "parallax-mpi: rank %d: %s: %s: %s", m->rank, dg->file, sev, dg->message);
    if (dg->doc && !strstr(dg->message, dg->doc))
        fprintf(stderr, " [doc %s]", dg->doc);
    fputc('\n', stderr);
}

/* ---- the plan, made on rank 0 ---- */

static int make_plan(mpx *m, char **paths, int n_paths, item_vec *out)
{
    px_read_options ro = {on_diag, m, PX_FORMAT_AUTO, 0};
    px_reader *r = NULL;
    int rc = px_reader_new(&r, &ro);
    for (int i = 0; i < n_paths && !rc; i++)
        rc = px_reader_add(r, paths[i]);
    PX_VEC(uint64_t) size = {0};
    item_vec files = {0};
    while (!rc) {
        char *path;
        px_format fmt;
        bool gz;
        int k = px__reader_next_path(r, &path, &fmt, &gz);
        if (k <= 0) {
            rc = k;
            break;
        }
        struct stat st;
        uint64_t sz = stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
        /* the format the rank's reader is given: JSONL for a plain JSONL
         * file (as its name tells the reader), which may be cut; for any
         * other the reader decides, by name and first bytes, as it does
         * in a single process (a gzipped file is read whole) */
        fmt = fmt == PX_FORMAT_JSONL && !gz ? PX_FORMAT_JSONL : PX_FORMAT_AUTO;
        item it = {path, (int)fmt, 0, false, 0, sz, (uint32_t)files.n};
        if (!PX_VEC_PUSH(files, it) || !PX_VEC_PUSH(size, sz)) {
            free(path);
            rc = PX_ENOMEM;
        }
    }
    px_reader_free(r);
    uint64_t total = 0;
    for (size_t f = 0; f < files.n; f++)
        total += size.v[f];
    uint64_t p = (uint64_t)m->size, at = 0;
    /* rank r's slice of the stream: [r * total / p, (r + 1) * total / p) */
#define SLICE_START(r) ((total / p) * (r) + (total % p) * (r) / p)
    for (size_t f = 0; f < files.n && !rc; f++) {
        item *it = &files.v[f];
        uint64_t s = size.v[f];
        bool split = it->fmt == PX_FORMAT_JSONL && s >= MIN_SPLIT;
        /* the rank whose slice holds the file's first byte */
        int first = 0;
        while ((uint64_t)first + 1 < p && SLICE_START((uint64_t)first + 1) <= at)
            first++;
        if (!split) {
            rc = push_item(out, it, first, it->start, it->end);
        } else {
            /* a piece for each rank whose slice meets the file */
            size_t n_pieces = 0, first_piece = out->n;
            for (uint64_t rr = (uint64_t)first; rr < p && !rc; rr++) {
                uint64_t lo = PX_MAX(at, SLICE_START(rr)), hi = PX_MIN(at + s, SLICE_START(rr + 1));
                if (rr == p - 1)
                    hi = at + s;
                if (lo >= hi)
                    continue;
                rc = push_item(out, it, (int)rr, lo - at, hi - at);
                n_pieces++;
            }
            /* a file inside one slice is read whole */
            for (size_t k = first_piece; k < out->n; k++)
                out->v[k].ranged = n_pieces > 1;
            if (n_pieces == 0 && !rc)
                rc = push_item(out, it, first, it->start, it->end);
        }
        at += s;
    }
#undef SLICE_START
    items_release(&files);
    PX_VEC_FREE(size);
    return rc;
}

static void pack_plan(const item_vec *v, px_buf *b)
{
    uint64_t n = v->n;
    px_buf_put(b, &n, sizeof n);
    for (size_t i = 0; i < v->n; i++) {
        const item *it = &v->v[i];
        uint64_t len = strlen(it->path);
        int32_t fmt = it->fmt, rank = it->rank;
        uint8_t ranged = it->ranged;
        px_buf_put(b, &len, sizeof len);
        px_buf_put(b, it->path, len);
        px_buf_put(b, &fmt, sizeof fmt);
        px_buf_put(b, &rank, sizeof rank);
        px_buf_put(b, &ranged, 1);
        px_buf_put(b, &it->start, 8);
        px_buf_put(b, &it->end, 8);
        px_buf_put(b, &it->file, 4);
    }
}

static int unpack_plan(const char *p, size_t len, item_vec *v)
{
    const char *e = p + len;
    uint64_t n;
#define TAKE(dst, k)              \
    do {                          \
        if ((size_t)(e - p) < (k)) \
            return PX_EBADINPUT;  \
        memcpy((dst), p, (k));    \
        p += (k);                 \
    } while (0)
    TAKE(&n, 8);
    for (uint64_t i = 0; i < n; i++) {
        item it = {0};
        uint64_t plen;
        int32_t fmt, rank;
        uint8_t ranged;
        TAKE(&plen, 8);
        if ((size_t)(e - p) < plen)
            return PX_EBADINPUT;
        it.path = malloc(plen + 1);
        if (!it.path)
            return PX_ENOMEM;
        memcpy(it.path, p, plen);
        it.path[plen] = 0;
        p += plen;
        if (!PX_VEC_PUSH(*v, it)) {
            free(it.path);
            return PX_ENOMEM;
        }
        item *w = &v->v[v->n - 1];
        TAKE(&fmt, 4);
        TAKE(&rank, 4);
        TAKE(&ranged, 1);
        TAKE(&w->start, 8);
        TAKE(&w->end, 8);
        TAKE(&w->file, 4);
        w->fmt = fmt;
        w->rank = rank;
        w->ranged = ranged;
    }
#undef TAKE
    return PX_OK;
}

/* One item as a rank names it: the path, and the bytes of a piece. */
static void describe_item(const item *it, char *buf, size_t cap)
{
    if (it->ranged)
        snprintf(buf, cap, "%s (bytes %llu-%llu)", it->path, (unsigned long long)it->start,
                 (unsigned long long)it->end);
    else
        snprintf(buf, cap, "%s", it->path);
}

/* For rank 0's message when the job is stopped: each rank's share (its
 * first items), so the file of a rank that died is named. */
static void describe_plan(const mpx *m, const item_vec *plan)
{
    px_buf b = PX_BUF_INIT;
    px_buf_puts(&b, "parallax-mpi: the ranks' shares of the input:\n");
    for (int r = 0; r < m->size; r++) {
        size_t n = 0;
        px_buf_printf(&b, "  rank %d:", r);
        for (size_t i = 0; i < plan->n; i++) {
            if (plan->v[i].rank != r)
                continue;
            char one[1200];
            describe_item(&plan->v[i], one, sizeof one);
            if (n < 3)
                px_buf_printf(&b, "%s %s", n ? "," : "", one);
            n++;
        }
        if (n > 3)
            px_buf_printf(&b, ", and %zu more", n - 3);
        px_buf_puts(&b, n ? "\n" : " nothing\n");
    }
    if (b.oom) {
        px_buf_release(&b);
        return;
    }
    mpx_set_plan_text(px_buf_detach(&b));
}

/* ---- reading ---- */

void mpx_docs_release(mpx_docs *d)
{
    for (size_t i = 0; i < d->id.n; i++)
        free(d->id.v[i]);
    PX_VEC_FREE(d->id);
    PX_VEC_FREE(d->item);
    PX_VEC_FREE(d->line);
    for (size_t i = 0; i < d->item_path.n; i++)
        free(d->item_path.v[i]);
    PX_VEC_FREE(d->item_path);
    PX_VEC_FREE(d->text_of);
    PX_VEC_FREE(d->text_doc);
    PX_VEC_FREE(d->exact);
    PX_VEC_FREE(d->sigs);
    PX_VEC_FREE(d->day);
    PX_VEC_FREE(d->sh_pool);
    PX_VEC_FREE(d->sh_start);
    PX_VEC_FREE(d->sh_len);
    PX_VEC_FREE(d->tm_pool);
    PX_VEC_FREE(d->tm_start);
    PX_VEC_FREE(d->tm_len);
    px__u64map_release(&d->text_by_exact);
    memset(d, 0, sizeof *d);
}

typedef struct ingest_ctx {
    mpx_docs *d;
    int num_perm;
    /* ids of features given without a document (shards), in order */
    PX_VEC(char *) pending_id;
    size_t pending_at;
} ingest_ctx;

static bool vec_ok(bool ok, int *rc)
{
    if (!ok && !*rc)
        *rc = PX_ENOMEM;
    return ok;
}

/* A distinct text of this rank: its features into the pools (as the
 * grouper's nodes keep them: a text without words has no shingles and
 * no terms). */
static int new_text(ingest_ctx *c, const px_group_feat *f, uint32_t doc, uint32_t *text)
{
    mpx_docs *d = c->d;
    int rc = PX_OK;
    size_t np = (size_t)c->num_perm;
    uint32_t t = (uint32_t)d->exact.n;
    size_t sh = f->exact ? f->n_shingles : 0, nt = f->exact ? f->n_terms : 0;
    if (!vec_ok(PX_VEC_PUSH(d->text_doc, doc), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->exact, f->exact), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->day, f->day), &rc) ||
        !vec_ok(PX_VEC_RESERVE(d->sigs, np), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->sh_start, d->sh_pool.n), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->sh_len, (uint32_t)sh), &rc) ||
        !vec_ok(PX_VEC_RESERVE(d->sh_pool, sh), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->tm_start, d->tm_pool.n), &rc) ||
        !vec_ok(PX_VEC_PUSH(d->tm_len, (uint32_t)nt), &rc) ||
        !vec_ok(PX_VEC_RESERVE(d->tm_pool, nt), &rc))
        return rc;
    for (size_t i = 0; i < np; i++)
        d->sigs.v[d->sigs.n + i] = f->sig ? f->sig[i] : UINT32_MAX;
    d->sigs.n += np;
    if (sh)
        memcpy(d->sh_pool.v + d->sh_pool.n, f->shingles, sh * sizeof *f->shingles);
    d->sh_pool.n += sh;
    if (nt)
        memcpy(d->tm_pool.v + d->tm_pool.n, f->terms, nt * sizeof *f->terms);
    d->tm_pool.n += nt;
    if (f->exact && !px__u64map_upsert(&d->text_by_exact, f->exact, t, NULL))
        return PX_ENOMEM;
    *text = t;
    return PX_OK;
}

/* The grouper's hook, in input order: the document's id and text. */
static int on_doc(void *ud, px_doc *doc, size_t index, const px_group_feat *f, bool full)
{
    ingest_ctx *c = ud;
    mpx_docs *d = c->d;
    (void)index;
    char *id;
    if (doc) {
        id = px__strdup(px_doc_id(doc) ? px_doc_id(doc) : "");
    } else {
        /* features read from a shard: the ids were queued in order */
        if (c->pending_at >= c->pending_id.n)
            return PX_EBADINPUT;
        id = c->pending_id.v[c->pending_at];
        c->pending_id.v[c->pending_at++] = NULL;
    }
    if (!id || !PX_VEC_PUSH(d->id, id)) {
        free(id);
        return PX_ENOMEM;
    }
    uint32_t *known = f->exact ? px__u64map_get(&d->text_by_exact, f->exact) : NULL;
    uint32_t t;
    int rc = PX_OK;
    if (known)
        t = *known;
    else if (!full)
        return PX_EBADINPUT; /* a copy without its original: cannot be */
    else if ((rc = new_text(c, f, (uint32_t)d->n, &t)))
        return rc;
    if (!PX_VEC_PUSH(d->text_of, t))
        return PX_ENOMEM;
    d->n++;
    return PX_OK;
}

/* ---- a rank's share ---- */

typedef struct share {
    item_vec plan, mine;
    PX_VEC(uint32_t) mine_at; /* the plan's number of each of mine */
    int64_t *lines;           /* every rank's two pieces: (file, lines) */
    size_t records[2];        /* records read in this rank's pieces */
} share;

static void share_release(share *sh)
{
    items_release(&sh->plan);
    items_release(&sh->mine);
    PX_VEC_FREE(sh->mine_at);
    free(sh->lines);
    memset(sh, 0, sizeof *sh);
}

/* Makes the plan on rank 0 (from the paths, or given), shares it, keeps
 * this rank's items, and counts the lines before each piece. */
static int share_plan(mpx *m, char **paths, int n_paths, item_vec *given, mpx_docs *d, share *sh)
{
    memset(sh, 0, sizeof *sh);
    px_buf b = PX_BUF_INIT;
    int rc = PX_OK;
    mpx_set_phase("planning the inputs", NULL);
    if (m->rank == 0) {
        if (given)
            sh->plan = *given, memset(given, 0, sizeof *given);
        else
            rc = make_plan(m, paths, n_paths, &sh->plan);
        if (!rc)
            pack_plan(&sh->plan, &b);
        if (!rc && b.oom)
            rc = PX_ENOMEM;
    }
    uint64_t len = b.len;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    MPI_Bcast(&len, 1, MPI_UINT64_T, 0, m->comm);
    if (m->rank != 0 && !px_buf_grow(&b, len))
        rc = PX_ENOMEM;
    if ((rc = mpx_agree(m, rc)))
        goto done;
    for (uint64_t o = 0; o < len; o += (1u << 30)) {
        int k = (int)PX_MIN(len - o, (uint64_t)1 << 30);
        MPI_Bcast(b.ptr + o, k, MPI_BYTE, 0, m->comm);
    }
    if (m->rank != 0)
        rc = unpack_plan(b.ptr, len, &sh->plan);
    if ((rc = mpx_agree(m, rc)))
        goto done;
    if (m->rank == 0)
        describe_plan(m, &sh->plan);
    for (size_t i = 0; i < sh->plan.n && !rc; i++) {
        char *p2 = d ? px__strdup(sh->plan.v[i].path) : NULL;
        if (d && (!p2 || !PX_VEC_PUSH(d->item_path, p2))) {
            free(p2);
            rc = PX_ENOMEM;
            break;
        }
        if (sh->plan.v[i].rank != m->rank)
            continue;
        item it = sh->plan.v[i];
        it.path = px__strdup(it.path);
        if (!it.path || !PX_VEC_PUSH(sh->mine, it) || !PX_VEC_PUSH(sh->mine_at, (uint32_t)i)) {
            free(it.path);
            rc = PX_ENOMEM;
        }
    }
    /* the lines before each piece: every rank counts the lines of its
     * pieces (at most two: the first and the last of its slice) */
    int64_t my[4] = {-1, 0, -1, 0};
    sh->lines = malloc((size_t)m->size * 4 * sizeof *sh->lines);
    if (!sh->lines)
        rc = PX_ENOMEM;
    mpx_set_phase("counting lines", NULL);
    for (size_t i = 0, k = 0; i < sh->mine.n && !rc; i++) {
        const item *it = &sh->mine.v[i];
        if (!it->ranged)
            continue;
        uint64_t lines = 0;
        mpx_set_phase("counting lines", it->path);
        if (px__jsonl_range_lines(it->path, it->start, it->end, &lines)) {
            px_diag dg = {PX_SEV_ERROR, it->path, 0, NULL, "cannot read this piece"};
            on_diag(m, &dg);
        }
        if (k < 2) {
            my[2 * k] = it->file;
            my[2 * k + 1] = (int64_t)lines;
        }
        k++;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    mpx_allgather(m, my, 4, sh->lines);
done:
    px_buf_release(&b);
    return rc;
}

/* Called for each document of the share, in order; takes doc. */
typedef int (*doc_sink)(void *ud, px_doc *doc, uint32_t at, size_t line);

/* Reads this rank's items, in order, into sink. */
static int read_share(mpx *m, share *sh, doc_sink sink, void *ud)
{
    int rc = PX_OK;
    for (size_t i = 0, k = 0; i < sh->mine.n && !rc; i++) {
        item *it = &sh->mine.v[i];
        px_read_options ro = {on_diag, m, (px_format)it->fmt, 0};
        px_reader *r = NULL;
        if ((rc = px_reader_new(&r, &ro)))
            break;
        px__reader_keep_ids(r);
        if (it->ranged) {
            uint64_t before = 0;
            for (int s = 0; s < m->rank; s++)
                for (int j = 0; j < 2; j++)
                    if (sh->lines[4 * s + 2 * j] == (int64_t)it->file)
                        before += (uint64_t)sh->lines[4 * s + 2 * j + 1];
            px__reader_set_range(r, it->start, it->end, (size_t)before);
        }
        static char desc[1200];
        describe_item(it, desc, sizeof desc);
        mpx_set_phase("reading", desc);
        if (!(rc = px_reader_add(r, it->path))) {
            px_doc *doc;
            int st;
            while ((st = px_reader_next(r, &doc)) == 1) {
                mpx_fault_point(m, desc);
                if ((rc = sink(ud, doc, sh->mine_at.v[i], px__reader_line(r))))
                    break;
                if (m->strict && (m->n_errors || m->n_warnings))
                    break;
            }
            if (st < 0 && !rc)
                rc = st;
        }
        if (it->ranged && k < 2)
            sh->records[k++] = px__reader_range_records(r);
        px_reader_free(r);
        if (m->strict && (m->n_errors || m->n_warnings))
            break;
    }
    return rc;
}

/* A file cut into pieces with no record in any: reported once, as the
 * reader reports an empty file. */
static void check_pieces(mpx *m, share *sh)
{
    int64_t my[4] = {-1, 0, -1, 0};
    for (size_t i = 0, k = 0; i < sh->mine.n && k < 2; i++)
        if (sh->mine.v[i].ranged) {
            my[2 * k] = sh->mine.v[i].file;
            my[2 * k + 1] = (int64_t)sh->records[k];
            k++;
        }
    mpx_allgather(m, my, 4, sh->lines);
    for (size_t i = 0, k = 0; i < sh->mine.n && k < 2; i++) {
        if (!sh->mine.v[i].ranged)
            continue;
        k++;
        int64_t f = sh->mine.v[i].file, n = 0;
        int lowest = m->size;
        for (int s = 0; s < m->size; s++)
            for (int j = 0; j < 2; j++)
                if (sh->lines[4 * s + 2 * j] == f) {
                    n += sh->lines[4 * s + 2 * j + 1];
                    lowest = PX_MIN(lowest, s);
                }
        if (!n && lowest == m->rank) {
            px_diag dg = {PX_SEV_ERROR, sh->mine.v[i].path, 0, NULL,
                          "empty document: no JSON records"};
            on_diag(m, &dg);
        }
    }
}

/* ---- stories over inputs ---- */

typedef struct feed {
    mpx_docs *d;
    px_grouper *g;
} feed;

static int feed_doc(void *ud, px_doc *doc, uint32_t at, size_t line)
{
    feed *f = ud;
    if (!PX_VEC_PUSH(f->d->item, at) || !PX_VEC_PUSH(f->d->line, (uint32_t)line)) {
        px_doc_free(doc);
        return PX_ENOMEM;
    }
    return px_grouper_add(f->g, doc);
}

static int new_feature_grouper(mpx *m, const px_group_options *opt, ingest_ctx *ic,
                               px_grouper **g)
{
    px_group_options o = *opt;
    o.threads = m->threads;
    px__group_defaults(&o, &o);
    ic->num_perm = o.num_perm;
    return px__grouper_new_ex(g, &o, PX__GROUPER_OWN_DOCS | PX__GROUPER_NO_NODES, on_doc, ic);
}

static void ingest_release(ingest_ctx *ic)
{
    for (size_t i = 0; i < ic->pending_id.n; i++)
        free(ic->pending_id.v[i]);
    PX_VEC_FREE(ic->pending_id);
}

int mpx_read(mpx *m, char **paths, int n_paths, const px_group_options *opt, mpx_docs *d)
{
    memset(d, 0, sizeof *d);
    share sh;
    px_grouper *g = NULL;
    ingest_ctx ic = {d, 0, {0}, 0};
    int rc = share_plan(m, paths, n_paths, NULL, d, &sh);
    if (rc)
        goto done;
    rc = new_feature_grouper(m, opt, &ic, &g);
    feed f = {d, g};
    if (!rc)
        rc = read_share(m, &sh, feed_doc, &f);
    mpx_set_phase("computing features", NULL);
    if (g) {
        int fr = px__grouper_flush(g);
        if (!rc)
            rc = fr;
    }
    if (rc)
        mpx_error(m, "reading: %s", px_strerror(rc));
    if ((rc = mpx_agree(m, rc)))
        goto done;
    check_pieces(m, &sh);
done:
    px_grouper_free(g);
    ingest_release(&ic);
    share_release(&sh);
    return rc;
}

/* ---- add: each rank's share into its shard ---- */

static int shard_path(const char *dir, int k, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/shard-%05d.db", dir, k);
    return n > 0 && (size_t)n < cap ? PX_OK : PX_ETOOBIG;
}

typedef struct add_ctx {
    mpx *m;
    px_store *s;
    px_reader *names; /* the ids of this add on this rank */
    const share *sh;
    uint64_t added, skipped;
} add_ctx;

static int add_doc(void *ud, px_doc *doc, uint32_t at, size_t line)
{
    add_ctx *c = ud;
    /* a repeated id is renamed, as one reader renames it, over this
     * rank's share (the shard's own ids are the store's: skipped) */
    char renamed[256];
    bool changed;
    int rc = px__reader_unique_id(c->names, doc->id, renamed, sizeof renamed, &changed);
    if (!rc && changed) {
        char msg[600];
        const char *path = c->sh->plan.v[at].path;
        px_severity sev = px__reader_rename_severity(doc->id, path, line);
        snprintf(msg, sizeof msg, sev == PX_SEV_NOTE
                 ? "file name \"%.200s\" already used: document named \"%s\""
                 : "document id \"%.200s\" already used: renamed \"%s\"", doc->id, renamed);
        px_diag dg = {sev, path, line, renamed, msg};
        on_diag(c->m, &dg);
        doc->id = px_arena_strdup(&doc->arena, renamed);
        if (!doc->id)
            rc = PX_ENOMEM;
    }
    if (rc) {
        px_doc_free(doc);
        return rc;
    }
    int skipped = 0;
    rc = px_store_add(c->s, doc, &skipped);
    if (!rc) {
        c->added += !skipped;
        c->skipped += skipped != 0;
    }
    return rc;
}

int mpx_add(mpx *m, const char *dir, char **paths, int n_paths, const px_group_options *opt,
            uint64_t *added, uint64_t *skipped)
{
    share sh;
    add_ctx c = {m, NULL, NULL, &sh, 0, 0};
    char path[4096];
    int rc = PX_OK;
    *added = *skipped = 0;
    if (m->rank == 0 && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        mpx_error(m, "cannot make the folder %s: %s", dir, strerror(errno));
        rc = PX_EIO;
    }
    if ((rc = mpx_agree(m, rc)) || (rc = share_plan(m, paths, n_paths, NULL, NULL, &sh)))
        return rc;
    if (!(rc = shard_path(dir, m->rank, path, sizeof path)) &&
        (rc = px_store_open(&c.s, path, opt)))
        mpx_error(m, "%s: %s%s%s", path, px_strerror(rc), c.s ? ": " : "",
                  c.s ? px_store_errmsg(c.s) : "");
    if (!rc)
        rc = px_reader_new(&c.names, NULL);
    if (!rc)
        rc = read_share(m, &sh, add_doc, &c);
    px_reader_free(c.names);
    /* the shard's own repair runs on close */
    mpx_set_phase("writing the shard", path);
    int cr = c.s ? px_store_close(c.s) : PX_OK;
    if (!rc && cr) {
        rc = cr;
        mpx_error(m, "%s: %s", path, px_strerror(rc));
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    check_pieces(m, &sh);
    *added = mpx_sum(m, c.added);
    *skipped = mpx_sum(m, c.skipped);
done:
    share_release(&sh);
    return rc;
}

/* ---- stories over the shards made by add ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool mpx_is_shard_dir(const char *path)
{
    char one[4096];
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) && !shard_path(path, 0, one, sizeof one) &&
           stat(one, &st) == 0;
}

/* The shards of dir in order, each to a rank: contiguous blocks. */
static int plan_shards(mpx *m, const char *dir, item_vec *out)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        mpx_error(m, "cannot open the folder %s: %s", dir, strerror(errno));
        return PX_EIO;
    }
    PX_VEC(char *) names = {0};
    struct dirent *e;
    int rc = PX_OK;
    while ((e = readdir(dh)) && !rc) {
        int k;
        char tail[8];
        if (sscanf(e->d_name, "shard-%d.%7s", &k, tail) == 2 && !strcmp(tail, "db")) {
            char *p = malloc(strlen(dir) + strlen(e->d_name) + 2);
            if (!p || (sprintf(p, "%s/%s", dir, e->d_name), !PX_VEC_PUSH(names, p))) {
                free(p);
                rc = PX_ENOMEM;
            }
        }
    }
    closedir(dh);
    px__qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        item it = {names.v[i], 0, (int)((uint64_t)i * (uint64_t)m->size / names.n), false, 0, 0,
                   (uint32_t)i};
        if (rc || !PX_VEC_PUSH(*out, it)) {
            free(names.v[i]);
            rc = PX_ENOMEM;
        }
    }
    PX_VEC_FREE(names);
    return rc;
}

typedef struct shard_feed {
    ingest_ctx *ic;
    px_grouper *g;
    uint32_t item;
} shard_feed;

static int feed_feature(void *ud, const px_store_feat_row *row, px_group_feat *f)
{
    shard_feed *c = ud;
    mpx_docs *d = c->ic->d;
    char *id = px__strdup(row->id ? row->id : "");
    if (!id || !PX_VEC_PUSH(c->ic->pending_id, id) || !PX_VEC_PUSH(d->item, c->item) ||
        !PX_VEC_PUSH(d->line, 0u)) {
        free(id);
        return PX_ENOMEM;
    }
    return px__grouper_add_feat(c->g, f, row->copy);
}

int mpx_read_shards(mpx *m, const char *dir, px_group_options *opt, mpx_docs *d)
{
    memset(d, 0, sizeof *d);
    share sh;
    item_vec plan = {0};
    px_grouper *g = NULL;
    ingest_ctx ic = {d, 0, {0}, 0};
    int rc = m->rank == 0 ? plan_shards(m, dir, &plan) : PX_OK;
    if ((rc = mpx_agree(m, rc)) || (rc = share_plan(m, NULL, 0, &plan, d, &sh)))
        goto done;
    /* every shard's options must be the same: they are the grouping's */
    bool first = true;
    for (size_t i = 0; i < sh.mine.n && !rc; i++) {
        px_store *s = NULL;
        const char *path = sh.mine.v[i].path;
        mpx_set_phase("reading the shard", path);
        if ((rc = px_store_open_ex(&s, path, NULL, PX_STORE_READONLY))) {
            mpx_error(m, "%s: %s%s%s", path, px_strerror(rc), s ? ": " : "",
                      s ? px_store_errmsg(s) : "");
            px_store_close(s);
            break;
        }
        px_group_options o;
        px__store_options(s, &o);
        if (first) {
            *opt = o;
            rc = new_feature_grouper(m, opt, &ic, &g);
            first = false;
        } else if (o.num_perm != opt->num_perm || o.shingle != opt->shingle ||
                   o.dup_threshold != opt->dup_threshold ||
                   o.story_threshold != opt->story_threshold) {
            mpx_error(m, "%s: made with other options than the shards before it", path);
            rc = PX_EBADINPUT;
        }
        shard_feed c = {&ic, g, sh.mine_at.v[i]};
        if (!rc && (rc = px__store_walk_features(s, feed_feature, &c)))
            mpx_error(m, "%s: %s: %s", path, px_strerror(rc), px_store_errmsg(s));
        px_store_close(s);
    }
    if (g) {
        int fr = px__grouper_flush(g);
        if (!rc)
            rc = fr;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    /* the options of the first shard hold for all: rank 0 has shard 0 */
    double o[4] = {opt->dup_threshold, opt->story_threshold, opt->num_perm, opt->shingle};
    MPI_Bcast(o, 4, MPI_DOUBLE, 0, m->comm);
    opt->dup_threshold = o[0];
    opt->story_threshold = o[1];
    opt->num_perm = (int)o[2];
    opt->shingle = (int)o[3];
done:
    px_grouper_free(g);
    ingest_release(&ic);
    share_release(&sh);
    items_release(&plan);
    return rc;
}
