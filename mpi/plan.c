/*
 * plan.c - which rank reads what, and the reading itself.
 *
 * Rank 0 walks the input paths as the reader does (folders in name
 * order) and cuts the whole input, taken as one stream of bytes in input
 * order, into equal slices, one per rank. A file goes whole to the rank
 * whose slice holds its first byte, except a big JSONL file, which is cut
 * where the slices cut it: each rank reads the records that start in its
 * piece (px__reader_set_range), so every record is read once and rank
 * r's documents all come before rank r + 1's. Line numbers stay those of
 * the whole file: each rank counts the lines of its pieces and the counts
 * of the pieces before are added (MPI_Allgather). A format with records
 * of its own (WARC) plugs in where a piece is read: the reader must find
 * the first record that starts at or after a byte offset.
 *
 * Each rank feeds its documents to the library's grouper (features on
 * worker threads, exact copies skipped), and keeps, in input order, each
 * document's id and text, and each distinct text's features.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    if (dg->severity == PX_SEV_ERROR)
        m->n_errors++;
    else
        m->n_warnings++;
    if (m->quiet)
        return;
    const char *sev = dg->severity == PX_SEV_ERROR ? "error" : "warning";
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
        int k = px__reader_next_path(r, &path, &fmt);
        if (k <= 0) {
            rc = k;
            break;
        }
        struct stat st;
        uint64_t sz = stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
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
            item w = *it;
            w.path = px__strdup(it->path);
            w.rank = first;
            if (!w.path || !PX_VEC_PUSH(*out, w)) {
                free(w.path);
                rc = PX_ENOMEM;
            }
        } else {
            /* a piece for each rank whose slice meets the file */
            size_t n_pieces = 0, first_piece = out->n;
            for (uint64_t rr = (uint64_t)first; rr < p && !rc; rr++) {
                uint64_t lo = PX_MAX(at, SLICE_START(rr)), hi = PX_MIN(at + s, SLICE_START(rr + 1));
                if (rr == p - 1)
                    hi = at + s;
                if (lo >= hi)
                    continue;
                item w = *it;
                w.path = px__strdup(it->path);
                w.rank = (int)rr;
                w.start = lo - at;
                w.end = hi - at;
                if (!w.path || !PX_VEC_PUSH(*out, w)) {
                    free(w.path);
                    rc = PX_ENOMEM;
                }
                n_pieces++;
            }
            /* a file inside one slice is read whole */
            for (size_t k = first_piece; k < out->n; k++)
                out->v[k].ranged = n_pieces > 1;
            if (n_pieces == 0 && !rc) {
                item w = *it;
                w.path = px__strdup(it->path);
                w.rank = first;
                if (!w.path || !PX_VEC_PUSH(*out, w)) {
                    free(w.path);
                    rc = PX_ENOMEM;
                }
            }
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

static int on_doc(void *ud, px_doc *doc, size_t index, const px_group_feat *f, bool full)
{
    ingest_ctx *c = ud;
    mpx_docs *d = c->d;
    (void)index;
    char *id = px__strdup(px_doc_id(doc) ? px_doc_id(doc) : "");
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

int mpx_read(mpx *m, char **paths, int n_paths, const px_group_options *opt, mpx_docs *d)
{
    memset(d, 0, sizeof *d);
    item_vec plan = {0}, mine = {0};
    px_buf b = PX_BUF_INIT;
    px_grouper *g = NULL;
    int rc = PX_OK;
    mpx_set_phase("planning the inputs", NULL);
    if (m->rank == 0) {
        rc = make_plan(m, paths, n_paths, &plan);
        if (!rc)
            pack_plan(&plan, &b);
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
    if (m->rank != 0) {
        rc = unpack_plan(b.ptr, len, &plan);
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    if (m->rank == 0)
        describe_plan(m, &plan);
    PX_VEC(uint32_t) mine_at = {0}; /* the plan's number of each of mine */
    for (size_t i = 0; i < plan.n && !rc; i++) {
        char *p2 = px__strdup(plan.v[i].path);
        if (!p2 || !PX_VEC_PUSH(d->item_path, p2)) {
            free(p2);
            rc = PX_ENOMEM;
            break;
        }
        if (plan.v[i].rank != m->rank)
            continue;
        item it = plan.v[i];
        it.path = px__strdup(it.path);
        if (!it.path || !PX_VEC_PUSH(mine, it) || !PX_VEC_PUSH(mine_at, (uint32_t)i)) {
            free(it.path);
            rc = PX_ENOMEM;
        }
    }
    /* the lines before each piece: every rank counts the lines of its
     * pieces (at most two: the first and the last of its slice) */
    int64_t my[4] = {-1, 0, -1, 0}, *all = malloc((size_t)m->size * 4 * sizeof *all);
    if (!all)
        rc = PX_ENOMEM;
    mpx_set_phase("counting lines", NULL);
    for (size_t i = 0, k = 0; i < mine.n && !rc; i++) {
        if (!mine.v[i].ranged)
            continue;
        uint64_t lines = 0;
        mpx_set_phase("counting lines", mine.v[i].path);
        if (px__jsonl_range_lines(mine.v[i].path, mine.v[i].start, mine.v[i].end, &lines)) {
            px_diag dg = {PX_SEV_ERROR, mine.v[i].path, 0, NULL, "cannot read this piece"};
            on_diag(m, &dg);
        }
        if (k < 2) {
            my[2 * k] = mine.v[i].file;
            my[2 * k + 1] = (int64_t)lines;
        }
        k++;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done_all;
    mpx_allgather(m, my, 4, all);
    /* the features, by the grouper; documents in input order */
    px_group_options o = *opt;
    o.threads = m->threads;
    ingest_ctx ic = {d, 0};
    px__group_defaults(&o, &o);
    ic.num_perm = o.num_perm;
    rc = px__grouper_new_ex(&g, &o, PX__GROUPER_OWN_DOCS | PX__GROUPER_NO_NODES, on_doc, &ic);
    size_t records[2] = {0, 0};
    for (size_t i = 0, k = 0; i < mine.n && !rc; i++) {
        item *it = &mine.v[i];
        px_read_options ro = {on_diag, m, (px_format)it->fmt, 0};
        px_reader *r = NULL;
        if ((rc = px_reader_new(&r, &ro)))
            break;
        px__reader_keep_ids(r);
        if (it->ranged) {
            uint64_t before = 0;
            for (int s = 0; s < m->rank; s++)
                for (int j = 0; j < 2; j++)
                    if (all[4 * s + 2 * j] == (int64_t)it->file)
                        before += (uint64_t)all[4 * s + 2 * j + 1];
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
                if (!PX_VEC_PUSH(d->item, mine_at.v[i]) ||
                    !PX_VEC_PUSH(d->line, (uint32_t)px__reader_line(r))) {
                    px_doc_free(doc);
                    rc = PX_ENOMEM;
                    break;
                }
                if ((rc = px_grouper_add(g, doc)))
                    break;
                if (m->strict && (m->n_errors || m->n_warnings))
                    break;
            }
            if (st < 0 && !rc)
                rc = st;
        }
        if (it->ranged && k < 2)
            records[k++] = px__reader_range_records(r);
        px_reader_free(r);
        if (m->strict && (m->n_errors || m->n_warnings))
            break;
    }
    mpx_set_phase("computing features", NULL);
    if (g) {
        int fr = px__grouper_flush(g);
        if (!rc)
            rc = fr;
    }
    if (rc)
        mpx_error(m, "reading: %s", px_strerror(rc));
    if ((rc = mpx_agree(m, rc)))
        goto done_all;
    /* a file cut into pieces with no record in any: reported once, as
     * the reader reports an empty file */
    for (size_t i = 0, k = 0; i < mine.n && k < 2; i++)
        if (mine.v[i].ranged)
            my[2 * k + 1] = (int64_t)records[k], k++;
    mpx_allgather(m, my, 4, all);
    for (size_t i = 0, k = 0; i < mine.n && k < 2; i++) {
        if (!mine.v[i].ranged)
            continue;
        k++;
        int64_t f = mine.v[i].file, n = 0;
        int lowest = m->size;
        for (int s = 0; s < m->size; s++)
            for (int j = 0; j < 2; j++)
                if (all[4 * s + 2 * j] == f) {
                    n += all[4 * s + 2 * j + 1];
                    lowest = PX_MIN(lowest, s);
                }
        if (!n && lowest == m->rank) {
            px_diag dg = {PX_SEV_ERROR, mine.v[i].path, 0, NULL, "empty document: no JSON records"};
            on_diag(m, &dg);
        }
    }
done_all:
    free(all);
    PX_VEC_FREE(mine_at);
done:
    px_grouper_free(g);
    items_release(&plan);
    items_release(&mine);
    px_buf_release(&b);
    return rc;
}
