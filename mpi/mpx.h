/*
 * mpx.h - parallax-mpi, the stories job on MPI: what its files share.
 *
 * The job is map, shuffle, reduce over MPI collectives. Each rank reads
 * its share of the inputs (plan.c: whole files, or byte ranges of big
 * JSONL files cut at record boundaries) and computes the features of its
 * documents with the library's grouper; stories.c then runs the phases of
 * src/group/group.h across the ranks: keyed records (exact-text hashes,
 * LSH band keys, story terms, postings) go to the rank that owns the key
 * (comm.c: MPI_Alltoallv), counts and sums are reduced, and what must be
 * decided in one place (the families, the connected components of the
 * candidate graph, the output in input order) is decided on rank 0 from
 * gathered arrays with the same library functions the single process
 * uses, so the output is byte for byte that of `parallax stories`.
 *
 * The driver uses the library's internal phases (px__ names): it is part
 * of the project, built from the same tree and linked with the static
 * library, not a client of the public API.
 */
#ifndef PX_MPX_H
#define PX_MPX_H

#include <mpi.h>
#include <stdbool.h>
#include <stdint.h>

#include "../src/group/group.h"

/* the phases, for the CPU times of --stats */
enum { PH_READ, PH_NODES, PH_NEAR, PH_VECTORS, PH_POSTINGS, PH_LINKAGE, PH_OUTPUT, PH_N };

typedef struct mpx {
    MPI_Comm comm;
    int rank, size;
    int threads;          /* worker threads of this rank */
    bool quiet, strict;
    size_t n_warnings, n_errors; /* input problems this rank reported */
    int phase;            /* PH_*: what the counters below count for (PH_N:
                           * none, after the phases) */
    uint64_t bytes_sent[PH_N + 1]; /* payload bytes sent to other ranks */
    uint64_t bytes_self[PH_N + 1]; /* payload bytes a rank sent to itself */
    double t_phase[PH_N + 1]; /* CPU seconds by phase (all threads) */
    double t_wait[PH_N + 1];  /* of those, CPU seconds inside MPI calls
                               * (waiting ranks poll) */
    double w_phase[PH_N + 1]; /* wall seconds by phase */
    /* the shape of the run (rank 0) and this rank's share of the linkage */
    uint64_t n_nodes, n_pairs, n_edges, n_comps, largest_comp, link_nodes, link_bytes;
} mpx;

/* ---- comm.c ---- */

/* The phase and file being worked on, named if the rank dies. */
void mpx_set_phase(const char *phase, const char *file);
/* Installs the handlers that name the rank, phase and file on a fatal
 * signal; and the fault injection of the failure tests
 * (PARALLAX_MPI_FAULT=RANK:abort|kill|unreadable at the first document). */
void mpx_install_handlers(mpx *m);
/* What each rank reads, printed by rank 0 when mpirun stops it because
 * another rank died (text taken over, malloc). */
void mpx_set_plan_text(char *text);
/* Called at each document read: the injected fault, if any. */
void mpx_fault_point(mpx *m, const char *file);

/* Prints "parallax-mpi: rank R: message" on stderr. */
void mpx_error(const mpx *m, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The least of every rank's status (0 or a negative PX_E*): all ranks
 * learn whether one failed (that one printed why). */
int mpx_agree(mpx *m, int rc);
/* Sums over all ranks; the sum over the ranks before this one; every
 * rank's k values into all (size * k). CPU time counted as waiting. */
uint64_t mpx_sum(mpx *m, uint64_t x);
uint64_t mpx_exscan(mpx *m, uint64_t x);
void mpx_allgather(mpx *m, const int64_t *mine, int k, int64_t *all);

/* All-to-all of bytes: send[d] goes to rank d; what arrives from rank s
 * is recv->ptr[off[s] .. off[s + 1]). Large volumes go in rounds of at
 * most INT_MAX bytes in all. */
int mpx_exchange(mpx *m, px_buf *send, px_buf *recv, size_t *off);

/* The rank that owns a 64-bit key (by its top bits: keys that are
 * hashes spread evenly). */
static inline int mpx_owner(const mpx *m, uint64_t key)
{
    return (int)(((key >> 32) * (uint64_t)m->size) >> 32);
}

/* The owner of an index i of [0, n) cut into equal ranges, and the first
 * index of rank r's range. */
static inline int mpx_range_owner(const mpx *m, uint64_t i, uint64_t n)
{
    if (!n)
        return 0;
    uint64_t per = (n + (uint64_t)m->size - 1) / (uint64_t)m->size;
    return (int)(i / per);
}

/* CPU time of this process (all its threads), seconds. */
double mpx_cpu(void);

/* ---- plan.c: reading ---- */

/* What the ranks read: documents in input order, rank r's before rank
 * r + 1's. */
typedef struct mpx_docs {
    size_t n;
    PX_VEC(char *) id;        /* per document, as read (not yet unique) */
    PX_VEC(uint32_t) item;    /* per document: its input item (of the plan) */
    PX_VEC(uint32_t) line;    /* per document: its line (JSONL), or 0 */
    PX_VEC(char *) item_path; /* per item of the plan (every rank's) */
    /* distinct texts of this rank, in order of first appearance here */
    PX_VEC(uint32_t) text_of; /* per document: its text */
    PX_VEC(uint32_t) text_doc; /* per text: its first document here */
    PX_VEC(uint64_t) exact;   /* per text; 0 for a text without words */
    PX_VEC(uint32_t) sigs;    /* per text: num_perm values */
    PX_VEC(int32_t) day;
    PX_VEC(uint32_t) sh_pool;
    PX_VEC(size_t) sh_start;
    PX_VEC(uint32_t) sh_len;
    PX_VEC(px_term) tm_pool;  /* raw story terms, by key */
    PX_VEC(size_t) tm_start;
    PX_VEC(uint32_t) tm_len;
    px_u64map text_by_exact;
} mpx_docs;

void mpx_docs_release(mpx_docs *d);

/* Plans the inputs on rank 0 (paths walked as the reader walks them),
 * shares the plan, and reads this rank's share into d with features
 * computed by opt's grouper. Input problems are reported with the rank
 * and counted in m; the status is agreed by all ranks. */
int mpx_read(mpx *m, char **paths, int n_paths, const px_group_options *opt, mpx_docs *d);

/* The shards of a corpus made by add: dir/shard-NNNNN.db, one a rank. */
bool mpx_is_shard_dir(const char *path);
/* add: each rank stores its share of the inputs in its shard of dir
 * (a parallax corpus, created when absent); counts summed on all ranks. */
int mpx_add(mpx *m, const char *dir, char **paths, int n_paths, const px_group_options *opt,
            uint64_t *added, uint64_t *skipped);
/* The features stored in the shards of dir (in shard order, each shard
 * in order of arrival), the shards spread over the ranks; *opt: the
 * options the shards were made with. */
int mpx_read_shards(mpx *m, const char *dir, px_group_options *opt, mpx_docs *d);

/* ---- stories.c ---- */

typedef struct mpx_result {
    /* rank 0 only: the documents in input order and what was decided */
    size_t n_docs;
    char **id;              /* unique ids */
    uint32_t *node_of;
    uint32_t *first_doc;
    px_group_result res;
} mpx_result;

void mpx_result_release(mpx_result *r);

/* The phases after reading; r filled on rank 0. */
int mpx_stories(mpx *m, const px_group_options *opt, mpx_docs *d, mpx_result *r);

#endif /* PX_MPX_H */
