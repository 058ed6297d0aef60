/*
 * store.h - the SQLite corpus stage. Its whole interface is public
 * (px_store_* in parallax.h); the schema is documented in docs/corpus.md and
 * created by store.c. This header only gathers what store.c includes.
 */
#ifndef PX_STORE_H
#define PX_STORE_H

#include <stdio.h>

#include "../group/group.h"

/* What a distributed run reads of a corpus shard (store.c): each
 * article's features in order of arrival, validated as the repair reads
 * them. f is the callback's to keep (zeroed) or leave (released after);
 * a copy (of an earlier article of the corpus) has f->exact only. A
 * nonzero return stops the walk with it. */
typedef struct px_store_feat_row {
    int64_t seq, story, dup; /* dup: the stored duplicate_of, or -1 */
    const char *id;          /* borrowed for the call */
    bool copy;
} px_store_feat_row;

typedef int (*px__store_feat_fn)(void *ud, const px_store_feat_row *row, px_group_feat *f);
int px__store_walk_features(px_store *s, px__store_feat_fn fn, void *ud);
/* The grouping options the corpus was made with. */
void px__store_options(const px_store *s, px_group_options *opt);

#endif /* PX_STORE_H */
