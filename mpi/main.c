/*
 * main.c - parallax-mpi: the stories job of parallax across the ranks of
 * an MPI job, with the output of the single process.
 *
 *   mpirun -np N parallax-mpi stories [--format jsonl] [-o FILE] INPUT...
 */
#include <errno.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpx.h"

static const char usage[] =
    "usage: mpirun -np N parallax-mpi stories [--format jsonl] [-o FILE] [OPTIONS] INPUT...\n"
    "       mpirun -np N parallax-mpi stories [--format jsonl] [-o FILE] DIR\n"
    "       mpirun -np N parallax-mpi add DIR [OPTIONS] INPUT...\n";

static const char help[] =
    "usage: mpirun -np N parallax-mpi stories [--format jsonl] [-o FILE] [OPTIONS] INPUT...\n"
    "       mpirun -np N parallax-mpi stories [--format jsonl] [-o FILE] DIR\n"
    "       mpirun -np N parallax-mpi add DIR [OPTIONS] INPUT...\n\n"
    "The job of 'parallax stories' across the ranks of an MPI job, with the same\n"
    "output: the same near-duplicate families, the same duplicate_of (the earliest\n"
    "article in input order), the same stories and story numbers. Each rank reads\n"
    "its share of the inputs (whole files; big JSONL files are cut between ranks\n"
    "at record boundaries), keyed records go to the rank that owns the key\n"
    "(MPI_Alltoallv), and rank 0 writes the output in input order.\n\n"
    "add stores each rank's share of the inputs, with its features, in the\n"
    "rank's shard of DIR (DIR/shard-NNNNN.db, a parallax corpus that\n"
    "'parallax show' and 'parallax stories' read, with the stories of that\n"
    "shard alone); 'parallax-mpi stories DIR' then groups the articles of all\n"
    "the shards from their stored features, without reading any text again,\n"
    "as 'parallax stories' groups the same articles in shard order (a single\n"
    "add: input order). Any number of ranks reads the shards; the options are\n"
    "those the shards were made with.\n\n"
    "  --format jsonl      one object per document (the only format)\n"
    "  -o FILE             write to FILE (complete or not at all) instead of\n"
    "                      standard output\n"
    "  -o DIR/             (a folder) each rank writes the lines of its own\n"
    "                      documents to DIR/part-NNNNN.jsonl: the parts in rank\n"
    "                      order are the output\n"
    "  --threshold J       Jaccard threshold of near-duplicates (default 0.5)\n"
    "  --shingle K         words per shingle (default 5)\n"
    "  --num-perm N        MinHash permutations (default 128)\n"
    "  --story-threshold S mean cosine of two stories' articles to merge them\n"
    "                      (default 0.2)\n"
    "  --threads N         threads per rank (default: the cores of the node\n"
    "                      shared by its ranks)\n"
    "  --strict            any input problem on any rank fails the job\n"
    "  --quiet             do not print warnings (the exit status still tells)\n"
    "  --stats             print, on standard error, the CPU time of each phase\n"
    "                      (the most of any rank, and the sum) and the bytes\n"
    "                      exchanged between ranks\n\n"
    "Exit status: 0 done; 1 input problems were reported (named with the rank\n"
    "that met them), or the job failed (no output); 2 usage. A rank that dies\n"
    "ends the job (mpirun names it; the rank names its phase and file when it\n"
    "can), never with a partial output.\n";

static bool parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= 0))
        return false;
    *out = v;
    return true;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

typedef struct args {
    bool add;
    const char *dir; /* add: the shards' folder */
    const char *out_path;
    px_group_options opt;
    bool stats;
    char **inputs;
    int n_inputs;
} args;

/* 0 ok, 1 help printed, 2 usage error (printed) */
static int parse_args(mpx *m, int argc, char **argv, args *a)
{
    const char *verb = argc > 1 ? argv[1] : NULL;
    bool talk = m->rank == 0;
    if (verb && (!strcmp(verb, "-h") || !strcmp(verb, "--help"))) {
        if (talk)
            fputs(help, stdout);
        return 1;
    }
    if (!verb || (strcmp(verb, "stories") && strcmp(verb, "add"))) {
        if (talk)
            fprintf(stderr, "parallax-mpi: %s%s%s\n%s", verb ? "unknown verb '" : "no verb given",
                    verb ? verb : "", verb ? "'" : "", usage);
        return 2;
    }
    a->inputs = calloc((size_t)argc, sizeof *a->inputs);
    if (!a->inputs)
        return 2;
    const char *bad = NULL;
    int first = 2;
    a->add = !strcmp(verb, "add");
    if (a->add) {
        if (argc < 3 || argv[2][0] == '-') {
            if (talk)
                fprintf(stderr, "parallax-mpi add: the shards' folder comes first\n%s", usage);
            return 2;
        }
        a->dir = argv[2];
        first = 3;
    }
    for (int i = first; i < argc && !bad; i++) {
        const char *s = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            if (talk)
                fputs(help, stdout);
            return 1;
        } else if (!a->add && (!strcmp(s, "--format") || !strcmp(s, "-f"))) {
            if (!v || strcmp(v, "jsonl"))
                bad = "--format needs jsonl";
            i++;
        } else if (!a->add && (!strcmp(s, "-o") || !strcmp(s, "--output"))) {
            if (!v)
                bad = "-o needs a file name";
            a->out_path = v;
            i++;
        } else if (!strcmp(s, "--threshold")) {
            if (!v || !parse_double(v, &a->opt.dup_threshold) || a->opt.dup_threshold > 1)
                bad = "--threshold needs a number in (0, 1]";
            i++;
        } else if (!strcmp(s, "--story-threshold")) {
            if (!v || !parse_double(v, &a->opt.story_threshold))
                bad = "--story-threshold needs a number";
            i++;
        } else if (!strcmp(s, "--shingle")) {
            if (!v || !parse_int(v, 1, 1024, &a->opt.shingle))
                bad = "--shingle needs a number from 1 to 1024";
            i++;
        } else if (!strcmp(s, "--num-perm")) {
            if (!v || !parse_int(v, 1, 1024, &a->opt.num_perm))
                bad = "--num-perm needs a number from 1 to 1024";
            i++;
        } else if (!strcmp(s, "--threads")) {
            if (!v || !parse_int(v, 1, 1024, &m->threads))
                bad = "--threads needs a number from 1 to 1024";
            i++;
        } else if (!strcmp(s, "--strict")) {
            m->strict = true;
        } else if (!strcmp(s, "--quiet") || !strcmp(s, "-q")) {
            m->quiet = true;
        } else if (!strcmp(s, "--stats")) {
            a->stats = true;
        } else if (!strcmp(s, "-")) {
            bad = "standard input cannot be shared between ranks: give files";
        } else if (s[0] == '-' && s[1]) {
            bad = "unknown option";
        } else {
            a->inputs[a->n_inputs++] = argv[i];
        }
        if (bad && talk)
            fprintf(stderr, "parallax-mpi %s: %s (%s)\n%s", verb, bad, s, usage);
    }
    if (!bad && !a->n_inputs) {
        bad = "no input";
        if (talk)
            fprintf(stderr, "parallax-mpi %s: no input given (files or folders)\n%s", verb,
                    usage);
    }
    return bad ? 2 : 0;
}

/* Threads per rank: the cores of this node shared by the ranks on it. */
static int default_threads(mpx *m)
{
    MPI_Comm node;
    int local = 1;
    if (MPI_Comm_split_type(m->comm, MPI_COMM_TYPE_SHARED, m->rank, MPI_INFO_NULL, &node) ==
        MPI_SUCCESS) {
        MPI_Comm_size(node, &local);
        MPI_Comm_free(&node);
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int t = (int)(cores > 0 ? cores : 1) / (local > 0 ? local : 1);
    return t > 0 ? t : 1;
}

/* The lines of documents [from, to). */
static int write_jsonl(FILE *f, mpx_result *r, size_t from, size_t to)
{
    const char **near = NULL;
    size_t cap = 0;
    int rc = PX_OK;
    for (size_t i = from; i < to && !rc; i++) {
        px_group_assign a;
        if ((rc = px__result_assign(&r->res, i, &a)))
            break;
        if (a.n_near > cap) {
            const char **v = realloc(near, a.n_near * sizeof *v);
            if (!v) {
                rc = PX_ENOMEM;
                break;
            }
            near = v;
            cap = a.n_near;
        }
        for (size_t k = 0; k < a.n_near; k++)
            near[k] = r->id[a.near[k]];
        char *line = px_group_assign_json_near(r->id[i], a.story,
                                               a.dup_of >= 0 ? r->id[a.dup_of] : NULL, near,
                                               a.n_near);
        if (!line)
            rc = PX_ENOMEM;
        else
            fprintf(f, "%s\n", line);
        free(line);
    }
    free(near);
    return rc;
}

/* Writes bytes (or, on rank 0 with r, the whole output) to path, or
 * standard output, through a temporary name, so the file is complete or
 * untouched. */
static int write_output(mpx *m, const char *path, mpx_result *r, const px_buf *bytes)
{
    char *tmp = NULL;
    FILE *f = stdout;
    if (path && strcmp(path, "-")) {
        size_t n = strlen(path) + 32;
        tmp = malloc(n);
        if (!tmp)
            return PX_ENOMEM;
        snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
        f = fopen(tmp, "wb");
        if (!f) {
            mpx_error(m, "cannot write %s: %s", path, strerror(errno));
            free(tmp);
            return PX_EIO;
        }
    }
    int rc = PX_OK;
    if (r)
        rc = write_jsonl(f, r, 0, r->n_docs);
    else
        fwrite(bytes->ptr, 1, bytes->len, f);
    bool ok = !ferror(f);
    ok = (f == stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
    if (!rc && !ok) {
        mpx_error(m, "write error on %s: %s", path ? path : "standard output", strerror(errno));
        rc = PX_EIO;
    }
    if (tmp) {
        if (!rc && rename(tmp, path) != 0) {
            mpx_error(m, "cannot write %s: %s", path, strerror(errno));
            rc = PX_EIO;
        }
        if (rc)
            unlink(tmp);
        free(tmp);
    }
    return rc;
}

static bool is_dir(const char *path)
{
    struct stat st;
    size_t n = path ? strlen(path) : 0;
    return n && (path[n - 1] == '/' || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)));
}

/* -o DIR: each rank writes the lines of its own documents to
 * DIR/part-NNNNN.jsonl (rank 0 makes them and sends each rank its own);
 * the parts in rank order are the output. */
static int write_parts(mpx *m, const char *dir, mpx_result *r, uint64_t my_docs)
{
    int p = m->size, rc = PX_OK;
    int64_t mine = (int64_t)my_docs, *counts = malloc((size_t)p * sizeof *counts);
    px_buf *out = calloc((size_t)p, sizeof *out), in = PX_BUF_INIT;
    size_t *off = malloc((size_t)(p + 1) * sizeof *off);
    if (!counts || !out || !off)
        rc = PX_ENOMEM;
    if (m->rank == 0 && !rc && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        mpx_error(m, "cannot make the folder %s: %s", dir, strerror(errno));
        rc = PX_EIO;
    }
    if ((rc = mpx_agree(m, rc)))
        goto done;
    mpx_allgather(m, &mine, 1, counts);
    for (int k = 0; k < p; k++)
        px_buf_init(&out[k]);
    if (m->rank == 0) {
        size_t at = 0;
        for (int k = 0; k < p && !rc; k++) {
            char *mem = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&mem, &len);
            if (!f) {
                rc = PX_ENOMEM;
                break;
            }
            rc = write_jsonl(f, r, at, at + (size_t)counts[k]);
            if (fclose(f) != 0 && !rc)
                rc = PX_ENOMEM;
            if (!rc)
                px_buf_put(&out[k], mem, len);
            free(mem);
            at += (size_t)counts[k];
        }
    }
    if ((rc = mpx_agree(m, rc)) || (rc = mpx_exchange(m, out, &in, off)))
        goto done;
    char path[4096];
    snprintf(path, sizeof path, "%s/part-%05d.jsonl", dir, m->rank);
    rc = write_output(m, path, NULL, &in);
done:
    if (out)
        for (int k = 0; k < p; k++)
            px_buf_release(&out[k]);
    free(out);
    px_buf_release(&in);
    free(counts);
    free(off);
    return rc;
}

static void print_stats(mpx *m, size_t n_docs, double wall)
{
    double work[PH_N], most[PH_N], wsum[PH_N], wmost[PH_N], wall_most[PH_N];
    uint64_t sent[PH_N], self[PH_N], link_most = 0, link_bytes = 0;
    for (int k = 0; k < PH_N; k++)
        work[k] = m->t_phase[k] - m->t_wait[k];
    MPI_Reduce(m->t_phase, most, PH_N, MPI_DOUBLE, MPI_MAX, 0, m->comm);
    MPI_Reduce(work, wmost, PH_N, MPI_DOUBLE, MPI_MAX, 0, m->comm);
    MPI_Reduce(work, wsum, PH_N, MPI_DOUBLE, MPI_SUM, 0, m->comm);
    MPI_Reduce(m->w_phase, wall_most, PH_N, MPI_DOUBLE, MPI_MAX, 0, m->comm);
    MPI_Reduce(m->bytes_sent, sent, PH_N, MPI_UINT64_T, MPI_SUM, 0, m->comm);
    MPI_Reduce(m->bytes_self, self, PH_N, MPI_UINT64_T, MPI_SUM, 0, m->comm);
    MPI_Reduce(&m->link_nodes, &link_most, 1, MPI_UINT64_T, MPI_MAX, 0, m->comm);
    MPI_Reduce(&m->link_bytes, &link_bytes, 1, MPI_UINT64_T, MPI_MAX, 0, m->comm);
    struct rusage ru;
    uint64_t rss = getrusage(RUSAGE_SELF, &ru) == 0 ? (uint64_t)ru.ru_maxrss : 0, rss_most = 0;
    MPI_Reduce(&rss, &rss_most, 1, MPI_UINT64_T, MPI_MAX, 0, m->comm);
    if (m->rank)
        return;
    static const char *const names[PH_N] = {"read+features", "exact texts", "near-duplicates",
                                            "vectors",       "postings",    "linkage",
                                            "output"};
    double t[5] = {0};
    uint64_t bs = 0, bself = 0;
    double nd = n_docs ? (double)n_docs : 1;
    fprintf(stderr, "parallax-mpi: %d ranks, %d thread%s each, %zu documents, %.3f s wall\n",
            m->size, m->threads, m->threads == 1 ? "" : "s", n_docs, wall);
    fprintf(stderr, "  %-16s %9s %9s %9s %9s %12s\n", "phase", "wall s", "cpu max", "work max",
            "work sum", "bytes/doc");
    for (int k = 0; k < PH_N; k++) {
        fprintf(stderr, "  %-16s %9.3f %9.3f %9.3f %9.3f %12.1f\n", names[k], wall_most[k],
                most[k], wmost[k], wsum[k], (double)sent[k] / nd);
        t[0] += wall_most[k];
        t[1] += most[k];
        t[2] += wmost[k];
        t[3] += wsum[k];
        bs += sent[k];
        bself += self[k];
    }
    fprintf(stderr, "  %-16s %9.3f %9.3f %9.3f %9.3f %12.1f\n", "total", t[0], t[1], t[2], t[3],
            (double)bs / nd);
    fprintf(stderr, "  (cpu: all threads of a rank; work: cpu outside MPI calls, where waiting "
                    "ranks poll)\n");
    fprintf(stderr, "  peak memory of a rank: %.1f MB\n", (double)rss_most / 1024);
    fprintf(stderr, "  bytes exchanged between ranks: %llu (%.1f a document); kept on the "
                    "sending rank: %llu\n",
            (unsigned long long)bs, (double)bs / nd, (unsigned long long)bself);
    fprintf(stderr, "  %llu distinct texts, %llu verified near-duplicate pairs, %llu candidate "
                    "edges, %llu components (largest %llu texts); the most texts clustered on "
                    "one rank: %llu (input %.1f MB)\n",
            (unsigned long long)m->n_nodes, (unsigned long long)m->n_pairs,
            (unsigned long long)m->n_edges, (unsigned long long)m->n_comps,
            (unsigned long long)m->largest_comp, (unsigned long long)link_most,
            (double)link_bytes / 1e6);
}

/* Rank 0 names the ranks that met unreadable or bad input, so a run
 * whose output leaves documents out never looks like a clean one. */
static void summarize_problems(mpx *m)
{
    uint64_t mine[2] = {m->n_errors, m->n_warnings};
    uint64_t *all = m->rank == 0 ? malloc((size_t)m->size * 2 * sizeof *all) : NULL;
    MPI_Gather(mine, 2, MPI_UINT64_T, all, 2, MPI_UINT64_T, 0, m->comm);
    if (!all)
        return;
    uint64_t errors = 0;
    for (int r = 0; r < m->size; r++)
        errors += all[2 * r];
    if (errors && !m->quiet) {
        fprintf(stderr, "parallax-mpi: input errors (reported above):");
        for (int r = 0; r < m->size; r++)
            if (all[2 * r])
                fprintf(stderr, " rank %d: %llu;", r, (unsigned long long)all[2 * r]);
        fprintf(stderr, " what could not be read is left out%s\n",
                m->strict ? "" : " (exit status 1)");
    }
    free(all);
}

int main(int argc, char **argv)
{
    int provided;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    mpx m = {0};
    m.comm = MPI_COMM_WORLD;
    MPI_Comm_rank(m.comm, &m.rank);
    MPI_Comm_size(m.comm, &m.size);
    mpx_install_handlers(&m);
    double wall0 = MPI_Wtime();
    args a = {0};
    int status = parse_args(&m, argc, argv, &a);
    if (status) {
        free(a.inputs);
        MPI_Finalize();
        return status == 1 ? 0 : 2;
    }
    if (!m.threads)
        m.threads = default_threads(&m);
    if (a.add) {
        uint64_t added = 0, skipped = 0;
        int rc = mpx_add(&m, a.dir, a.inputs, a.n_inputs, &a.opt, &added, &skipped);
        summarize_problems(&m);
        uint64_t mine = m.n_errors + m.n_warnings, problems = mpx_sum(&m, mine);
        if (!rc && m.rank == 0)
            fprintf(stderr, "parallax-mpi add: %llu article%s added to %s (%d shard%s), %llu "
                            "already there\n",
                    (unsigned long long)added, added == 1 ? "" : "s", a.dir, m.size,
                    m.size == 1 ? "" : "s", (unsigned long long)skipped);
        if (rc && m.rank == 0)
            fprintf(stderr, "parallax-mpi add: failed (%s)\n", px_strerror(rc));
        free(a.inputs);
        mpx_set_phase(NULL, NULL);
        MPI_Finalize();
        return m.rank == 0 && (rc || problems) ? 1 : 0;
    }
    mpx_docs d;
    mpx_result r = {0};
    double t0 = mpx_cpu(), w0 = MPI_Wtime();
    m.phase = PH_READ;
    bool shards = a.n_inputs == 1 && mpx_is_shard_dir(a.inputs[0]);
    int rc = shards ? mpx_read_shards(&m, a.inputs[0], &a.opt, &d)
                    : mpx_read(&m, a.inputs, a.n_inputs, &a.opt, &d);
    m.t_phase[PH_READ] = mpx_cpu() - t0;
    m.w_phase[PH_READ] = MPI_Wtime() - w0;
    /* input problems: counted on every rank, summed up by rank 0 */
    uint64_t mine = m.n_errors + m.n_warnings, problems = 0;
    MPI_Allreduce(&mine, &problems, 1, MPI_UINT64_T, MPI_SUM, m.comm);
    summarize_problems(&m);
    if (!rc && m.strict && problems) {
        if (m.rank == 0)
            fprintf(stderr, "parallax-mpi: --strict: %llu input problem%s: no output\n",
                    (unsigned long long)problems, problems == 1 ? "" : "s");
        rc = PX_EBADINPUT;
    }
    if (!rc)
        rc = mpx_stories(&m, &a.opt, &d, &r);
    uint64_t my_docs = d.n;
    mpx_docs_release(&d);
    m.phase = PH_OUTPUT;
    mpx_set_phase("writing the output", a.out_path);
    int parts = is_dir(a.out_path); /* -o DIR: the same on every rank (one file system) */
    if (!rc && (parts || m.rank == 0)) {
        double c0 = mpx_cpu(), wl0 = MPI_Wtime();
        rc = parts ? write_parts(&m, a.out_path, &r, my_docs)
                   : write_output(&m, a.out_path, &r, NULL);
        m.t_phase[PH_OUTPUT] += mpx_cpu() - c0;
        m.w_phase[PH_OUTPUT] += MPI_Wtime() - wl0;
    }
    m.phase = PH_N;
    rc = mpx_agree(&m, rc);
    if (rc && m.rank == 0 && rc != PX_EBADINPUT)
        fprintf(stderr, "parallax-mpi: the job failed (%s): no output\n", px_strerror(rc));
    if (a.stats) {
        uint64_t nd = r.n_docs;
        MPI_Bcast(&nd, 1, MPI_UINT64_T, 0, m.comm);
        print_stats(&m, (size_t)nd, MPI_Wtime() - wall0);
    }
    /* the rename warnings of rank 0 count too */
    mine = m.n_errors + m.n_warnings;
    MPI_Allreduce(&mine, &problems, 1, MPI_UINT64_T, MPI_SUM, m.comm);
    mpx_result_release(&r);
    free(a.inputs);
    mpx_set_phase(NULL, NULL);
    MPI_Finalize();
    /* the status from rank 0 alone: mpirun passes on the first non-zero
     * one, and stops the ranks still running when it sees it */
    return m.rank == 0 && (rc || problems) ? 1 : 0;
}
