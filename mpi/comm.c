/*
 * comm.c - what the ranks of parallax-mpi do together: exchanging keyed
 * records (MPI_Alltoallv in rounds small enough for MPI's int counts),
 * agreeing on a status, and naming the rank, phase and file when a rank
 * dies, so a failed job never passes for a finished one.
 */
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mpx.h"

static const char *volatile cur_phase = "starting";
static const char *volatile cur_file = NULL;
static char rank_tag[64] = "parallax-mpi: ";
static char *volatile plan_text = NULL;

void mpx_set_phase(const char *phase, const char *file)
{
    cur_phase = phase;
    cur_file = file;
}

static void put(const char *s)
{
    ssize_t w = write(2, s, strlen(s));
    (void)w;
}

static void on_fatal_signal(int sig)
{
    /* only async-signal-safe calls here */
    char num[16];
    int k = 0, v = sig;
    char tmp[16];
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && k < 15);
    for (int i = 0; i < k; i++)
        num[i] = tmp[k - 1 - i];
    num[k] = 0;
    if (!cur_phase) {
        /* finished: nothing to name */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    put(rank_tag);
    /* SIGTERM: mpirun stops the others when one rank died */
    put(sig == SIGTERM ? "stopped (signal " : "died (signal ");
    put(num);
    put(") while ");
    put(cur_phase);
    if (cur_file) {
        put(" ");
        put(cur_file);
    }
    put("\n");
    if (sig == SIGTERM && plan_text)
        put(plan_text);
    signal(sig, SIG_DFL);
    raise(sig);
}

void mpx_set_plan_text(char *text)
{
    free(plan_text);
    plan_text = text;
}

void mpx_install_handlers(mpx *m)
{
    snprintf(rank_tag, sizeof rank_tag, "parallax-mpi: rank %d: ", m->rank);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTERM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_fatal_signal);
}

void mpx_fault_point(mpx *m, const char *file)
{
    static int armed = -1;
    static char what[16];
    if (armed < 0) {
        /* PARALLAX_MPI_FAULT=RANK:abort|kill (the failure tests) */
        const char *e = getenv("PARALLAX_MPI_FAULT");
        int r;
        armed = e && sscanf(e, "%d:%15s", &r, what) == 2 && r == m->rank;
    }
    if (!armed)
        return;
    armed = 0;
    mpx_set_phase("reading", file);
    if (!strcmp(what, "kill"))
        raise(SIGKILL);
    abort();
}

void mpx_error(const mpx *m, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "parallax-mpi: rank %d: %s\n", m->rank, msg);
}

int mpx_agree(mpx *m, int rc)
{
    int all = rc;
    double t0 = mpx_cpu();
    MPI_Allreduce(&rc, &all, 1, MPI_INT, MPI_MIN, m->comm);
    m->t_wait[m->phase] += mpx_cpu() - t0;
    return all;
}

uint64_t mpx_sum(mpx *m, uint64_t x)
{
    uint64_t all = 0;
    double t0 = mpx_cpu();
    MPI_Allreduce(&x, &all, 1, MPI_UINT64_T, MPI_SUM, m->comm);
    m->t_wait[m->phase] += mpx_cpu() - t0;
    return all;
}

uint64_t mpx_exscan(mpx *m, uint64_t x)
{
    uint64_t before = 0;
    double t0 = mpx_cpu();
    MPI_Exscan(&x, &before, 1, MPI_UINT64_T, MPI_SUM, m->comm);
    m->t_wait[m->phase] += mpx_cpu() - t0;
    return m->rank ? before : 0; /* undefined on rank 0 */
}

void mpx_allgather(mpx *m, const int64_t *mine, int k, int64_t *all)
{
    double t0 = mpx_cpu();
    MPI_Allgather(mine, k, MPI_INT64_T, all, k, MPI_INT64_T, m->comm);
    m->t_wait[m->phase] += mpx_cpu() - t0;
}

double mpx_cpu(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int exchange(mpx *m, px_buf *send, px_buf *recv, size_t *off);

int mpx_exchange(mpx *m, px_buf *send, px_buf *recv, size_t *off)
{
    double t0 = mpx_cpu();
    double w0 = m->t_wait[m->phase];
    int rc = exchange(m, send, recv, off);
    /* all of it is communication (the agreements inside count once) */
    m->t_wait[m->phase] = w0 + (mpx_cpu() - t0);
    return rc;
}

static int exchange(mpx *m, px_buf *send, px_buf *recv, size_t *off)
{
    int p = m->size, rc = PX_OK;
    uint64_t *scount = malloc((size_t)p * sizeof *scount);
    uint64_t *rcount = malloc((size_t)p * sizeof *rcount);
    uint64_t *sdone = calloc((size_t)p, sizeof *sdone);
    int *sc = malloc((size_t)p * sizeof *sc), *sd = malloc((size_t)p * sizeof *sd);
    int *rcn = malloc((size_t)p * sizeof *rcn), *rd = malloc((size_t)p * sizeof *rd);
    char *sbuf = NULL, *rbuf = NULL;
    bool oom = !scount || !rcount || !sdone || !sc || !sd || !rcn || !rd;
    for (int d = 0; d < p && !oom; d++) {
        oom = send[d].oom;
        scount[d] = send[d].len;
    }
    if ((rc = mpx_agree(m, oom ? PX_ENOMEM : PX_OK)))
        goto done;
    MPI_Alltoall(scount, 1, MPI_UINT64_T, rcount, 1, MPI_UINT64_T, m->comm);
    px_buf_clear(recv);
    off[0] = 0;
    for (int s = 0; s < p; s++)
        off[s + 1] = off[s] + rcount[s];
    for (int d = 0; d < p; d++) {
        if (d == m->rank)
            m->bytes_self[m->phase] += scount[d];
        else
            m->bytes_sent[m->phase] += scount[d];
    }
    oom = !px_buf_grow(recv, off[p]);
    if ((rc = mpx_agree(m, oom ? PX_ENOMEM : PX_OK)))
        goto done;
    /* rounds: at most `chunk` bytes between two ranks, so every count and
     * displacement of a round fits in an int */
    uint64_t chunk = ((uint64_t)INT_MAX / (uint64_t)p) & ~(uint64_t)7, most = 0;
    for (int d = 0; d < p; d++)
        most = PX_MAX(most, PX_MAX(scount[d], rcount[d]));
    uint64_t rounds = (most + chunk - 1) / chunk, all_rounds = rounds;
    MPI_Allreduce(&rounds, &all_rounds, 1, MPI_UINT64_T, MPI_MAX, m->comm);
    sbuf = malloc(all_rounds > 1 ? (size_t)PX_MIN(chunk * (uint64_t)p, (uint64_t)INT_MAX) : 1);
    rbuf = malloc(all_rounds > 1 ? (size_t)PX_MIN(chunk * (uint64_t)p, (uint64_t)INT_MAX) : 1);
    if ((rc = mpx_agree(m, !sbuf || !rbuf ? PX_ENOMEM : PX_OK)))
        goto done;
    uint64_t *rdone = calloc((size_t)p, sizeof *rdone);
    if ((rc = mpx_agree(m, !rdone ? PX_ENOMEM : PX_OK))) {
        free(rdone);
        goto done;
    }
    for (uint64_t round = 0; round < all_rounds; round++) {
        int spos = 0, rpos = 0;
        for (int d = 0; d < p; d++) {
            uint64_t n = PX_MIN(chunk, scount[d] - sdone[d]);
            sc[d] = (int)n;
            sd[d] = spos;
            if (all_rounds > 1 && n)
                memcpy(sbuf + spos, send[d].ptr + sdone[d], n);
            spos += (int)n;
            uint64_t k = PX_MIN(chunk, rcount[d] - rdone[d]);
            rcn[d] = (int)k;
            rd[d] = all_rounds > 1 ? rpos : (int)off[d];
            rpos += (int)k;
        }
        if (all_rounds == 1) {
            /* one round: straight from the buffers into place */
            char *one = NULL;
            size_t total = 0;
            for (int d = 0; d < p; d++)
                total += send[d].len;
            one = malloc(total ? total : 1);
            if ((rc = mpx_agree(m, !one ? PX_ENOMEM : PX_OK))) {
                free(one);
                free(rdone);
                goto done;
            }
            for (int d = 0; d < p; d++)
                if (send[d].len)
                    memcpy(one + sd[d], send[d].ptr, send[d].len);
            MPI_Alltoallv(one, sc, sd, MPI_BYTE, recv->ptr, rcn, rd, MPI_BYTE, m->comm);
            free(one);
        } else {
            MPI_Alltoallv(sbuf, sc, sd, MPI_BYTE, rbuf, rcn, rd, MPI_BYTE, m->comm);
            for (int s = 0; s < p; s++)
                if (rcn[s])
                    memcpy(recv->ptr + off[s] + rdone[s], rbuf + rd[s], (size_t)rcn[s]);
        }
        for (int d = 0; d < p; d++) {
            sdone[d] += (uint64_t)sc[d];
            rdone[d] += (uint64_t)rcn[d];
        }
    }
    free(rdone);
    recv->len = off[p];
    recv->ptr[recv->len] = 0;
done:
    free(scount);
    free(rcount);
    free(sdone);
    free(sc);
    free(sd);
    free(rcn);
    free(rd);
    free(sbuf);
    free(rbuf);
    return rc;
}
