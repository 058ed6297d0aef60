/*
 * _parallax.c - the CPython extension behind 'import parallax': runs the
 * library in process, with the GIL released while it works, and hands
 * back what the CLI would print as JSON Lines (or a report), plus the
 * diagnostics; parallax/__init__.py turns those into records, warnings
 * and exceptions. Uses only the public header, as the CLI does.
 *
 * The work of a verb mirrors cli/cmd_VERB.c, writing into a memory
 * stream (open_memstream) with the library's own writers, so a record
 * has the keys and values of the CLI's.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

/* ---- diagnostics, collected without the GIL ---- */

typedef struct diag {
    int severity;
    char *file, *doc, *message;
    size_t line;
} diag;

typedef struct diags {
    diag *v;
    size_t n, cap;
    bool oom;
} diags;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void on_diag(void *ud, const px_diag *d)
{
    diags *ds = ud;
    if (ds->n == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 16;
        diag *v = realloc(ds->v, cap * sizeof *v);
        if (!v) {
            ds->oom = true;
            return;
        }
        ds->v = v;
        ds->cap = cap;
    }
    diag *x = &ds->v[ds->n++];
    x->severity = d->severity;
    x->file = dup_or_null(d->file);
    x->doc = dup_or_null(d->doc);
    x->message = dup_or_null(d->message);
    x->line = d->line;
}

static void diags_release(diags *ds)
{
    for (size_t i = 0; i < ds->n; i++) {
        free(ds->v[i].file);
        free(ds->v[i].doc);
        free(ds->v[i].message);
    }
    free(ds->v);
}

/* [(severity, file, line, doc, message)] */
static PyObject *diags_to_list(const diags *ds)
{
    PyObject *list = PyList_New((Py_ssize_t)ds->n);
    for (size_t i = 0; list && i < ds->n; i++) {
        const diag *d = &ds->v[i];
        const char *sev = d->severity == PX_SEV_ERROR     ? "error"
                          : d->severity == PX_SEV_WARNING ? "warning"
                                                          : "note";
        PyObject *t = Py_BuildValue("(ssnzs)", sev,
                                    d->file ? d->file : "", (Py_ssize_t)d->line, d->doc,
                                    d->message ? d->message : "");
        if (!t) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, t);
    }
    return list;
}

/* ---- what a call asks for ---- */

enum verb { V_READ, V_QUOTES, V_DATES, V_STORIES, V_REPORT, V_BRIEF, V_ADD, V_ARTICLES, V_SHOW };

typedef struct job {
    enum verb verb;
    const char **paths;
    size_t n_paths;
    const char *buffer; /* texts= as JSON Lines, or NULL */
    size_t buffer_len;
    int format;         /* report: 0 md, 1 html, 2 json */
    bool polnear_spans;
    const char *ref;
    int story;          /* dates: 0 auto, 1 on, 2 off; report: 1 one story */
    px_group_options group;
    size_t max_words, max_sentences;
    const char *db;
    long long story_id;
    /* results */
    FILE *out;
    diags diags;
    int status;         /* 0 or the first fatal px status */
    size_t added, skipped, n_articles, n_stories;
} job;

static void fail(job *j, int rc)
{
    if (rc && !j->status)
        j->status = rc;
}

/* ---- the verbs, as the CLI runs them ---- */

typedef struct id_list {
    char **v;
    size_t n, cap;
} id_list;

typedef struct stories_run {
    job *j;
    id_list ids;
} stories_run;

/* The id of a document, kept before the grouper takes it. */
static int keep_id(stories_run *r, px_doc *doc)
{
    if (r->ids.n == r->ids.cap) {
        size_t cap = r->ids.cap ? r->ids.cap * 2 : 1024;
        char **v = realloc(r->ids.v, cap * sizeof *v);
        if (!v)
            return PX_ENOMEM;
        r->ids.v = v;
        r->ids.cap = cap;
    }
    char *id = strdup(px_doc_id(doc));
    if (!id)
        return PX_ENOMEM;
    r->ids.v[r->ids.n++] = id;
    return 0;
}

/* One line of JSON a document, in input order, as the CLI writes them. */
static int write_assignments(stories_run *r, px_grouper *g)
{
    const char **near = NULL;
    size_t near_cap = 0;
    int rc = 0;
    for (size_t i = 0; i < r->ids.n && !rc; i++) {
        px_group_assign a;
        if ((rc = px_grouper_assign(g, i, &a)))
            break;
        if (a.n_near > near_cap) {
            const char **v = realloc(near, a.n_near * sizeof *v);
            if (!v) {
                rc = PX_ENOMEM;
                break;
            }
            near = v;
            near_cap = a.n_near;
        }
        for (size_t k = 0; k < a.n_near; k++)
            near[k] = r->ids.v[a.near[k]];
        const char *dup = a.dup_of >= 0 ? r->ids.v[a.dup_of] : NULL;
        char *line = px_group_assign_json_near(r->ids.v[i], a.story, dup, near, a.n_near);
        if (!line)
            rc = PX_ENOMEM;
        else
            fprintf(r->j->out, "%s\n", line);
        free(line);
    }
    free(near);
    return rc;
}

/* Dates: a handful of articles (at most 32, or all with story=True) are
 * one story, anchored together before they are written. */
#define STORY_AUTO_MAX 32

static void dates_flush(job *j, px_doc **docs, size_t n, bool anchor)
{
    if (anchor && n > 1 && !j->ref)
        fail(j, px_dates_anchor_story(docs, n));
    for (size_t i = 0; i < n; i++) {
        fail(j, px_dates_write_jsonl(j->out, docs[i], j->ref));
        px_doc_free(docs[i]);
    }
}

static int push_doc(px_doc ***docs, size_t *n, size_t *cap, px_doc *doc)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        px_doc **v = realloc(*docs, c * sizeof *v);
        if (!v) {
            px_doc_free(doc);
            return PX_ENOMEM;
        }
        *docs = v;
        *cap = c;
    }
    (*docs)[(*n)++] = doc;
    return 0;
}

static int article_json(void *ud, const px_store_article *a)
{
    job *j = ud;
    char *line = px_group_assign_json_near(a->id, (size_t)a->story, a->duplicate_of, a->near,
                                           a->n_near);
    if (!line)
        return PX_ENOMEM;
    fprintf(j->out, "%s\n", line);
    free(line);
    return 0;
}

static int article_show(void *ud, const px_store_article *a)
{
    job *j = ud;
    return px_store_article_write_jsonl(j->out, a);
}

static void run_store(job *j, px_reader *r)
{
    px_store *s = NULL;
    /* reading never creates or changes a file */
    int rc = px_store_open_ex(&s, j->db, &j->group, j->verb == V_ADD ? 0 : PX_STORE_READONLY);
    if (rc) {
        px_diag d = {PX_SEV_ERROR, j->db, 0, NULL, s ? px_store_errmsg(s) : px_strerror(rc)};
        on_diag(&j->diags, &d);
        fail(j, rc);
        px_store_close(s);
        return;
    }
    if (j->verb == V_ADD) {
        px_doc *doc;
        while (!j->status && (rc = px_reader_next(r, &doc)) == 1) {
            int skipped = 0;
            fail(j, px_store_add(s, doc, &skipped));
            j->skipped += (size_t)skipped;
        }
        fail(j, rc < 0 ? rc : 0);
        fail(j, px_store_flush(s));
        j->added = px_store_n_added(s);
        j->n_articles = px_store_n_articles(s);
        j->n_stories = px_store_n_stories(s);
    } else if (j->verb == V_ARTICLES) {
        fail(j, px_store_articles(s, article_json, j));
    } else {
        rc = px_store_story_articles(s, j->story_id, article_show, j);
        if (rc == PX_ENOTFOUND) {
            char msg[64];
            snprintf(msg, sizeof msg, "no story %lld", j->story_id);
            px_diag d = {PX_SEV_ERROR, j->db, 0, NULL, msg};
            on_diag(&j->diags, &d);
        }
        fail(j, rc);
    }
    if (j->status && *px_store_errmsg(s)) {
        px_diag d = {PX_SEV_ERROR, j->db, 0, NULL, px_store_errmsg(s)};
        on_diag(&j->diags, &d);
    }
    fail(j, px_store_close(s));
}

/* Runs the job; called without the GIL. */
static void run(job *j)
{
    px_reader *r = NULL;
    px_doc **docs = NULL, *doc;
    size_t n = 0, cap = 0;
    px_story **stories = NULL;
    size_t n_stories = 0;
    stories_run sr = {j, {NULL, 0, 0}};
    px_grouper *g = NULL;
    int rc;
    px_read_options opt = {on_diag, &j->diags, PX_FORMAT_AUTO, 0};
    if (j->verb == V_ARTICLES || j->verb == V_SHOW) {
        run_store(j, NULL);
        return;
    }
    if ((rc = px_reader_new(&r, &opt))) {
        fail(j, rc);
        return;
    }
    for (size_t i = 0; i < j->n_paths && !j->status; i++)
        fail(j, px_reader_add(r, j->paths[i]));
    if (j->buffer && !j->status)
        fail(j, px_reader_add_buffer(r, "texts", j->buffer, j->buffer_len, PX_FORMAT_JSONL));
    if (j->status)
        goto done;
    switch (j->verb) {
    case V_READ:
    case V_QUOTES: {
        px_speakers *sp = NULL; /* one id per person across the run, as the CLI */
        if (j->verb == V_QUOTES && (rc = px_speakers_new(&sp))) {
            fail(j, rc);
            break;
        }
        while ((rc = px_reader_next(r, &doc)) == 1) {
            if (j->verb == V_READ)
                fail(j, px_doc_write_jsonl(j->out, doc));
            else {
                fail(j, px_speakers_assign(sp, doc));
                if (!j->status)
                    fail(j, px_quotes_write(j->out, doc, PX_QUOTES_JSONL,
                                            j->polnear_spans ? PX_QUOTES_POLNEAR_SPANS : 0u));
            }
            px_doc_free(doc);
            if (j->status)
                break;
        }
        px_speakers_free(sp);
        break;
    }
    case V_DATES: {
        bool buffering = j->story != 2;
        while ((rc = px_reader_next(r, &doc)) == 1) {
            if (!buffering) {
                fail(j, px_dates_write_jsonl(j->out, doc, j->ref));
                px_doc_free(doc);
                continue;
            }
            if ((rc = push_doc(&docs, &n, &cap, doc)))
                break;
            if (j->story == 0 && n > STORY_AUTO_MAX) {
                dates_flush(j, docs, n, false);
                n = 0;
                buffering = false;
            }
        }
        dates_flush(j, docs, n, rc >= 0);
        n = 0;
        break;
    }
    case V_STORIES:
        if ((rc = px_grouper_new(&g, &j->group)))
            break;
        while ((rc = px_reader_next(r, &doc)) == 1) {
            if ((rc = keep_id(&sr, doc))) {
                px_doc_free(doc);
                break;
            }
            if ((rc = px_grouper_add(g, doc)))
                break;
        }
        if (rc < 0)
            break;
        if (!(rc = px_grouper_run(g)))
            rc = write_assignments(&sr, g);
        break;
    case V_REPORT:
    case V_BRIEF:
        while ((rc = px_reader_next(r, &doc)) == 1)
            if ((rc = push_doc(&docs, &n, &cap, doc)))
                break;
        if (rc < 0)
            break;
        if (j->verb == V_BRIEF) {
            px_brief_options bo = {j->max_words, j->max_sentences};
            px_brief *b = NULL;
            char *text = NULL;
            size_t len = 0;
            rc = px_brief_new(&b, docs, n, &bo);
            if (!rc)
                rc = px_brief_render(b, PX_BRIEF_JSONL, &text, &len);
            if (!rc)
                fwrite(text, 1, len, j->out);
            free(text);
            px_brief_free(b);
            break;
        }
        if (!n) {
            px_diag d = {PX_SEV_ERROR, "", 0, NULL, "no articles to compare"};
            on_diag(&j->diags, &d);
            break;
        }
        static const px_report_format fmts[] = {PX_REPORT_MD, PX_REPORT_HTML, PX_REPORT_JSON};
        if (j->story == 1) {
            /* story=True: the documents are one story, not grouped again */
            stories = calloc(1, sizeof *stories);
            rc = stories ? px_story_new(&stories[0], docs, n) : PX_ENOMEM;
            n_stories = stories && !rc;
        } else
            rc = px_stories_new(&stories, &n_stories, docs, n);
        if (!rc)
            rc = px_report_write_stories(stories, n_stories, fmts[j->format], j->out);
        break;
    case V_ADD:
        run_store(j, r);
        rc = 0;
        break;
    default:
        break;
    }
    fail(j, rc < 0 ? rc : 0);
done:
    px_grouper_free(g);
    for (size_t i = 0; i < sr.ids.n; i++)
        free(sr.ids.v[i]);
    free(sr.ids.v);
    px_stories_free(stories, n_stories);
    for (size_t i = 0; i < n; i++)
        px_doc_free(docs[i]);
    free(docs);
    px_reader_free(r);
}

/* ---- the Python entry point ---- */

static const char *const verb_names[] = {"read",   "quotes", "dates", "stories", "report",
                                         "brief",  "add",    "articles", "show", NULL};

/* Fills j->paths from a sequence of str/bytes/PathLike; keeps the
 * encoded objects in *keep. */
static int take_paths(job *j, PyObject *paths, PyObject **keep)
{
    PyObject *seq = PySequence_Fast(paths, "paths must be a sequence");
    if (!seq)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    *keep = PyList_New(n);
    j->paths = calloc((size_t)n + 1, sizeof *j->paths);
    if (!*keep || !j->paths) {
        Py_DECREF(seq);
        if (*keep)
            PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(seq, i), &b)) {
            Py_DECREF(seq);
            return -1;
        }
        PyList_SET_ITEM(*keep, i, b);
        j->paths[i] = PyBytes_AS_STRING(b);
    }
    j->n_paths = (size_t)n;
    Py_DECREF(seq);
    return 0;
}

PyDoc_STRVAR(run_doc,
             "_run(verb, paths=(), buffer=None, **options) -> (output: bytes, diagnostics: "
             "list, status: int, counts: tuple)\n\n"
             "Runs one verb of parallax in process, the GIL released. The diagnostics are "
             "(severity, file, line, doc, message) tuples; status is 0 or a negative "
             "px_status; counts are (added, skipped, articles, stories) for 'add'.");

static PyObject *py_run(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"verb", "paths", "buffer", "format", "polnear_spans", "ref",
                             "story", "threshold", "story_threshold", "shingle", "num_perm",
                             "threads", "words", "sentences", "db", "story_id", NULL};
    const char *verb, *ref = NULL, *db = NULL;
    PyObject *paths = NULL, *keep = NULL, *result = NULL;
    Py_buffer buffer = {0};
    int format = 0, polnear = 0, story = 0, shingle = 0, num_perm = 0, threads = 0;
    double threshold = 0, story_threshold = 0;
    Py_ssize_t words = 0, sentences = 0;
    long long story_id = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s|Oz*ipziddiiinnzL", kwlist, &verb, &paths,
                                     &buffer, &format, &polnear, &ref, &story, &threshold,
                                     &story_threshold, &shingle, &num_perm, &threads, &words,
                                     &sentences, &db, &story_id))
        return NULL;
    job j;
    memset(&j, 0, sizeof j);
    int v = 0;
    while (verb_names[v] && strcmp(verb_names[v], verb))
        v++;
    if (!verb_names[v]) {
        PyErr_Format(PyExc_ValueError, "unknown verb '%s'", verb);
        goto done;
    }
    if (format < 0 || format > 2 || words < 0 || sentences < 0) {
        PyErr_SetString(PyExc_ValueError, "bad option value");
        goto done;
    }
    j.verb = (enum verb)v;
    j.format = format;
    j.polnear_spans = polnear;
    j.ref = ref;
    j.story = story;
    j.group = (px_group_options){threshold, shingle, num_perm, story_threshold, threads};
    j.max_words = (size_t)words;
    j.max_sentences = (size_t)sentences;
    j.db = db;
    j.story_id = story_id;
    if (buffer.buf) {
        j.buffer = buffer.buf;
        j.buffer_len = (size_t)buffer.len;
    }
    if (paths && paths != Py_None && take_paths(&j, paths, &keep))
        goto done;
    char *out = NULL;
    size_t out_len = 0;
    j.out = open_memstream(&out, &out_len);
    if (!j.out) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    run(&j);
    if (fclose(j.out) && !j.status)
        j.status = PX_EIO;
    Py_END_ALLOW_THREADS
    if (j.diags.oom && !j.status)
        j.status = PX_ENOMEM;
    PyObject *list = diags_to_list(&j.diags);
    if (list)
        result = Py_BuildValue("(y#Ni(nnnn))", out ? out : "", (Py_ssize_t)out_len, list,
                               j.status, (Py_ssize_t)j.added, (Py_ssize_t)j.skipped,
                               (Py_ssize_t)j.n_articles, (Py_ssize_t)j.n_stories);
    free(out);
done:
    diags_release(&j.diags);
    free(j.paths);
    Py_XDECREF(keep);
    if (buffer.buf)
        PyBuffer_Release(&buffer);
    return result;
}

static PyObject *py_strerror(PyObject *self, PyObject *arg)
{
    long status = PyLong_AsLong(arg);
    if (status == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(px_strerror((int)status));
}

static PyMethodDef methods[] = {
    {"_run", (PyCFunction)(void (*)(void))py_run, METH_VARARGS | METH_KEYWORDS, run_doc},
    {"_strerror", py_strerror, METH_O, "The message of a px_status."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "parallax._parallax",
    "The C extension of parallax: the library, run in process.", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__parallax(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddStringConstant(m, "__version__", px_version())) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
