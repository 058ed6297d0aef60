/*
 * store.h - the SQLite corpus stage. Its whole interface is public
 * (px_store_* in parallax.h); the schema is documented in docs/corpus.md and
 * created by store.c. This header only gathers what store.c includes.
 */
#ifndef PX_STORE_H
#define PX_STORE_H

#include <stdio.h>

#include "../group/group.h"

#endif /* PX_STORE_H */
