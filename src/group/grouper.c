/*
 * grouper.c - the streaming grouper and px_group_docs().
 *
 * Streaming: the caller reads and parses documents while a worker thread
 * assigns them in arrival order and hands each result to the callback; a
 * bounded queue between the two keeps memory flat, so a corpus larger than
 * memory goes through in one pass and both cores are busy. Assignment is
 * the serial step, so the features of a document are computed on the
 * caller's side whenever the worker has enough queued to keep busy, and by
 * the worker when it would otherwise wait: the load balances itself
 * whichever side is slower (features are a pure function of the document,
 * so the output does not depend on which thread computed them). In memory
 * (px_group_docs), features are computed by all threads over slices of
 * the array, then assigned in order.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "group.h"

#define PX_GROUP_SEED 0x5eed0fa11a5ULL
/* QUEUE_BUSY: with at least this many documents queued the worker has
 * work enough, and the caller computes the next document's features */
enum { QUEUE_CAP = 512, QUEUE_BUSY = 4 };

typedef struct queued {
    px_doc *doc;
    bool has_feat;
    px_group_feat f;
} queued;

struct px_grouper {
    px_group_options opt;
    px_group_index *ix;
    px_feat_ctx *ctx;      /* the worker's (or, unthreaded, the caller's) */
    px_feat_ctx *main_ctx; /* the caller's, when threaded */
    px_group_fn fn;
    px__group_feat_fn ffn;
    void *ud;
    int error;
    bool threaded;
    /* queue, when threaded */
    pthread_t worker;
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full, idle;
    queued *queue;
    size_t head, count;
    bool busy, stop;
};

static int n_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* Assigns doc, with its features f when has_feat (else computes them
 * with ctx), calls back and frees both. */
static int process(px_grouper *g, px_feat_ctx *ctx, px_doc *doc, px_group_feat *f,
                   bool has_feat)
{
    px_group_feat own;
    int rc = PX_OK;
    if (!has_feat) {
        f = &own;
        rc = px__feat_compute(ctx, doc, f);
    }
    if (!rc) {
        px_group_assign a;
        rc = px__index_assign(g->ix, f, &a);
        if (!rc) {
            if (g->fn)
                g->fn(g->ud, doc, &a);
            if (g->ffn)
                g->ffn(g->ud, doc, &a, f);
        }
    }
    px__feat_release(f);
    px_doc_free(doc);
    return rc;
}

static void *worker_main(void *arg)
{
    px_grouper *g = arg;
    pthread_mutex_lock(&g->mu);
    for (;;) {
        while (!g->count && !g->stop)
            pthread_cond_wait(&g->not_empty, &g->mu);
        if (!g->count && g->stop)
            break;
        queued q = g->queue[g->head];
        g->head = (g->head + 1) % QUEUE_CAP;
        g->count--;
        g->busy = true;
        int failed = g->error;
        pthread_cond_signal(&g->not_full);
        pthread_mutex_unlock(&g->mu);
        int rc = PX_OK;
        if (failed) {
            px__feat_release(&q.f);
            px_doc_free(q.doc);
        } else {
            rc = process(g, g->ctx, q.doc, &q.f, q.has_feat);
        }
        pthread_mutex_lock(&g->mu);
        if (rc && !g->error)
            g->error = rc;
        g->busy = false;
        if (!g->count)
            pthread_cond_broadcast(&g->idle);
    }
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

int px__grouper_new_ex(px_grouper **out, const px_group_options *opt, px_group_fn fn,
                       px__group_feat_fn ffn, void *ud)
{
    *out = NULL;
    px_grouper *g = px__calloc(1, sizeof *g);
    if (!g)
        return PX_ENOMEM;
    px__group_defaults(opt, &g->opt);
    g->fn = fn;
    g->ffn = ffn;
    g->ud = ud;
    g->ix = px__index_new(&g->opt);
    g->ctx = px__feat_ctx_new(g->opt.num_perm, g->opt.shingle, PX_GROUP_SEED);
    if (!g->ix || !g->ctx) {
        px_grouper_free(g);
        return PX_ENOMEM;
    }
    int threads = g->opt.threads > 0 ? g->opt.threads : n_cores();
    if (threads > 1) {
        g->queue = px__malloc(QUEUE_CAP * sizeof *g->queue);
        g->main_ctx = px__feat_ctx_new(g->opt.num_perm, g->opt.shingle, PX_GROUP_SEED);
        if (!g->queue || !g->main_ctx) {
            px_grouper_free(g);
            return PX_ENOMEM;
        }
        pthread_mutex_init(&g->mu, NULL);
        pthread_cond_init(&g->not_empty, NULL);
        pthread_cond_init(&g->not_full, NULL);
        pthread_cond_init(&g->idle, NULL);
        g->threaded = true;
        if (pthread_create(&g->worker, NULL, worker_main, g)) {
            g->threaded = false; /* fall back to the caller's thread */
            pthread_mutex_destroy(&g->mu);
            pthread_cond_destroy(&g->not_empty);
            pthread_cond_destroy(&g->not_full);
            pthread_cond_destroy(&g->idle);
        }
    }
    *out = g;
    return PX_OK;
}

int px_grouper_new(px_grouper **out, const px_group_options *opt, px_group_fn fn,
                   void *userdata)
{
    if (!out)
        return PX_EUSAGE;
    return px__grouper_new_ex(out, opt, fn, NULL, userdata);
}

px_group_index *px__grouper_index(px_grouper *g)
{
    return g->ix;
}

int px_grouper_add(px_grouper *g, px_doc *doc)
{
    if (!g || !doc) {
        px_doc_free(doc);
        return PX_EUSAGE;
    }
    if (!g->threaded) {
        if (g->error) {
            px_doc_free(doc);
            return g->error;
        }
        return g->error = process(g, g->ctx, doc, NULL, false);
    }
    queued q = {doc, false, {0}};
    pthread_mutex_lock(&g->mu);
    bool feat_here = g->count >= QUEUE_BUSY;
    pthread_mutex_unlock(&g->mu);
    int rc = PX_OK;
    if (feat_here) {
        rc = px__feat_compute(g->main_ctx, doc, &q.f);
        q.has_feat = rc == PX_OK;
    }
    pthread_mutex_lock(&g->mu);
    while (!rc && g->count == QUEUE_CAP)
        pthread_cond_wait(&g->not_full, &g->mu);
    if (rc && !g->error)
        g->error = rc;
    rc = g->error;
    if (!rc) {
        g->queue[(g->head + g->count) % QUEUE_CAP] = q;
        g->count++;
        pthread_cond_signal(&g->not_empty);
    }
    pthread_mutex_unlock(&g->mu);
    if (rc) {
        px__feat_release(&q.f);
        px_doc_free(doc);
    }
    return rc;
}

int px_grouper_finish(px_grouper *g)
{
    if (!g)
        return PX_EUSAGE;
    if (!g->threaded)
        return g->error;
    pthread_mutex_lock(&g->mu);
    while (g->count || g->busy)
        pthread_cond_wait(&g->idle, &g->mu);
    int rc = g->error;
    pthread_mutex_unlock(&g->mu);
    return rc;
}

size_t px_grouper_n_docs(const px_grouper *g)
{
    return g ? px__index_n_docs(g->ix) : 0;
}

size_t px_grouper_n_stories(const px_grouper *g)
{
    return g ? px__index_n_stories(g->ix) : 0;
}

void px_grouper_free(px_grouper *g)
{
    if (!g)
        return;
    if (g->threaded) {
        pthread_mutex_lock(&g->mu);
        g->stop = true;
        pthread_cond_signal(&g->not_empty);
        pthread_mutex_unlock(&g->mu);
        pthread_join(g->worker, NULL);
        pthread_mutex_destroy(&g->mu);
        pthread_cond_destroy(&g->not_empty);
        pthread_cond_destroy(&g->not_full);
        pthread_cond_destroy(&g->idle);
    }
    free(g->queue);
    px__index_free(g->ix);
    px__feat_ctx_free(g->ctx);
    px__feat_ctx_free(g->main_ctx);
    free(g);
}

/* ---- in memory ---- */

typedef struct slice {
    px_doc *const *docs;
    px_group_feat *feats;
    size_t from, to;
    const px_group_options *opt;
    int rc;
} slice;

static void *feat_slice(void *arg)
{
    slice *s = arg;
    px_feat_ctx *c = px__feat_ctx_new(s->opt->num_perm, s->opt->shingle, PX_GROUP_SEED);
    if (!c) {
        s->rc = PX_ENOMEM;
        return NULL;
    }
    for (size_t i = s->from; i < s->to && !s->rc; i++)
        s->rc = px__feat_compute(c, s->docs[i], &s->feats[i]);
    px__feat_ctx_free(c);
    return NULL;
}

int px_group_docs(px_doc *const *docs, size_t n, const px_group_options *opt, size_t *story,
                  ptrdiff_t *dup_of)
{
    if (n && !docs)
        return PX_EUSAGE;
    px_group_options o;
    px__group_defaults(opt, &o);
    px_group_feat *feats = px__calloc(n ? n : 1, sizeof *feats);
    px_group_index *ix = px__index_new(&o);
    int rc = PX_OK;
    if (!feats || !ix) {
        rc = PX_ENOMEM;
        goto done;
    }
    int threads = o.threads > 0 ? o.threads : n_cores();
    if ((size_t)threads > n / 64 + 1)
        threads = (int)(n / 64 + 1);
    slice sl[16];
    pthread_t tid[16];
    bool started[16] = {false};
    if (threads > 16)
        threads = 16;
    for (int t = 0; t < threads; t++) {
        sl[t] = (slice){docs, feats, n * (size_t)t / (size_t)threads,
                        n * (size_t)(t + 1) / (size_t)threads, &o, PX_OK};
        if (t > 0 && !pthread_create(&tid[t], NULL, feat_slice, &sl[t]))
            started[t] = true;
    }
    feat_slice(&sl[0]);
    for (int t = 1; t < threads; t++) {
        if (started[t])
            pthread_join(tid[t], NULL);
        else
            feat_slice(&sl[t]);
    }
    for (int t = 0; t < threads; t++)
        if (sl[t].rc && !rc)
            rc = sl[t].rc;
    for (size_t i = 0; i < n && !rc; i++) {
        px_group_assign a;
        rc = px__index_assign(ix, &feats[i], &a);
        if (!rc && story)
            story[i] = a.story;
        if (!rc && dup_of)
            dup_of[i] = a.dup_of;
    }
done:
    for (size_t i = 0; feats && i < n; i++)
        px__feat_release(&feats[i]);
    free(feats);
    px__index_free(ix);
    return rc;
}

static char *assign_json(const char *doc_id, size_t story, const char *dup_id, bool with_near,
                         const char *const *near_ids, size_t n_near)
{
    px_buf b = PX_BUF_INIT;
    px_json j;
    px_json_init(&j, &b);
    px_json_object_begin(&j);
    px_json_key(&j, "doc");
    px_json_str(&j, doc_id ? doc_id : "");
    px_json_key(&j, "story");
    px_json_uint(&j, story);
    px_json_key(&j, "duplicate_of");
    px_json_str(&j, dup_id);
    if (with_near) {
        px_json_key(&j, "near_duplicates");
        px_json_array_begin(&j);
        for (size_t i = 0; i < n_near; i++)
            px_json_str(&j, near_ids[i]);
        px_json_array_end(&j);
    }
    px_json_object_end(&j);
    if (b.oom) {
        px_buf_release(&b);
        return NULL;
    }
    return px_buf_detach(&b);
}

char *px_group_assign_json(const char *doc_id, size_t story, const char *dup_id)
{
    return assign_json(doc_id, story, dup_id, false, NULL, 0);
}

char *px_group_assign_json_near(const char *doc_id, size_t story, const char *dup_id,
                                const char *const *near_ids, size_t n_near)
{
    return assign_json(doc_id, story, dup_id, true, near_ids, n_near);
}
