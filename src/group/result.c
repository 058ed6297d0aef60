/*
 * result.c - what grouping decided, per document: its node (distinct
 * text), the node's family representative and story, and the documents
 * of its verified near-duplicates. Built from the phases' outputs (the
 * nodes of the documents, the verified pairs, the story labels), so the
 * single-process grouper and a distributed run that gathers those arrays
 * answer px_grouper_assign the same way.
 */
#include <stdlib.h>
#include <string.h>

#include "group.h"

void px__result_release(px_group_result *r)
{
    if (!r)
        return;
    free(r->root);
    free(r->root_j);
    free(r->label);
    free(r->story);
    free(r->story_first);
    free(r->adj_off);
    free(r->adj);
    free(r->docs_off);
    free(r->docs);
    PX_VEC_FREE(r->near);
    memset(r, 0, sizeof *r);
}

int px__result_build(px_group_result *r, size_t n_docs, const uint32_t *node_of, size_t n_nodes,
                     const uint32_t *first_doc, const px_near_pair *pairs, size_t n_pairs,
                     uint32_t *label)
{
    memset(r, 0, sizeof *r);
    r->n_docs = n_docs;
    r->n_nodes = n_nodes;
    r->node_of = node_of;
    r->first_doc = first_doc;
    r->label = label;
    size_t n = n_nodes, nd = n_docs;
    size_t *fill = px__malloc((n + 1) * sizeof *fill);
    uint32_t *num = px__malloc((n ? n : 1) * sizeof *num);
    r->root = px__malloc((n ? n : 1) * sizeof *r->root);
    r->root_j = px__malloc((n ? n : 1) * sizeof *r->root_j);
    r->story = px__malloc((nd ? nd : 1) * sizeof *r->story);
    r->story_first = px__malloc((nd ? nd : 1) * sizeof *r->story_first);
    r->adj_off = px__calloc(n + 1, sizeof *r->adj_off);
    r->adj = px__malloc((2 * n_pairs + 1) * sizeof *r->adj);
    r->docs_off = px__calloc(n + 1, sizeof *r->docs_off);
    r->docs = px__malloc((nd ? nd : 1) * sizeof *r->docs);
    if (!fill || !num || !r->root || !r->root_j || !r->story || !r->story_first ||
        !r->adj_off || !r->adj || !r->docs_off || !r->docs) {
        free(fill);
        free(num);
        px__result_release(r);
        return PX_ENOMEM;
    }
    px__families(n, pairs, n_pairs, r->root, r->root_j);
    /* adjacency of the verified pairs, both ways */
    for (size_t i = 0; i < n_pairs; i++) {
        r->adj_off[pairs[i].a + 1]++;
        r->adj_off[pairs[i].b + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        r->adj_off[v + 1] += r->adj_off[v];
    memcpy(fill, r->adj_off, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < n_pairs; i++) {
        r->adj[fill[pairs[i].a]++] = pairs[i].b;
        r->adj[fill[pairs[i].b]++] = pairs[i].a;
    }
    /* documents by node */
    for (size_t i = 0; i < nd; i++)
        r->docs_off[node_of[i] + 1]++;
    for (size_t v = 0; v < n; v++)
        r->docs_off[v + 1] += r->docs_off[v];
    memcpy(fill, r->docs_off, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < nd; i++)
        r->docs[fill[node_of[i]]++] = (uint32_t)i;
    /* stories numbered by their first article */
    for (size_t v = 0; v < n; v++)
        num[v] = UINT32_MAX;
    size_t k = 0;
    for (size_t i = 0; i < nd; i++) {
        uint32_t l = label[node_of[i]];
        if (num[l] == UINT32_MAX) {
            r->story_first[k] = i;
            num[l] = (uint32_t)k++;
        }
        r->story[i] = num[l];
    }
    r->n_stories = k;
    free(fill);
    free(num);
    return PX_OK;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int px__result_assign(px_group_result *r, size_t i, px_group_assign *out)
{
    if (i >= r->n_docs)
        return PX_EUSAGE;
    memset(out, 0, sizeof *out);
    uint32_t v = r->node_of[i], root = r->root[v];
    out->index = i;
    out->story = r->story[i];
    out->dup_of = -1;
    out->exact = r->first_doc[v] != i;
    if (root != v) {
        out->dup_of = r->first_doc[root];
        out->dup_jaccard = r->root_j[v];
    } else if (out->exact) {
        out->dup_of = r->first_doc[v];
        out->dup_jaccard = 1;
    }
    out->new_story = r->story_first[out->story] == i;
    /* the earlier documents of the same text and of its verified
     * near-duplicates */
    r->near.n = 0;
    for (size_t k = r->adj_off[v]; k <= r->adj_off[v + 1]; k++) {
        uint32_t u = k < r->adj_off[v + 1] ? r->adj[k] : v;
        for (size_t d = r->docs_off[u]; d < r->docs_off[u + 1] && r->docs[d] < i; d++)
            if (!PX_VEC_PUSH(r->near, (size_t)r->docs[d]))
                return PX_ENOMEM;
    }
    px__qsort(r->near.v, r->near.n, sizeof *r->near.v, cmp_size);
    out->near = r->near.v;
    out->n_near = r->near.n;
    return PX_OK;
}
