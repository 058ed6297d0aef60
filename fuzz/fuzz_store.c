/*
 * fuzz_store.c - fuzzes the corpus loader: the input is written to a file
 * and opened as a corpus, read only (the stories, every article, story
 * 0), then for writing, where an add's repair reads back every stored
 * features blob. A damaged file must give an error, never a crash, a hang
 * or an allocation sized by a stored number (a story id of -1 once made
 * loading allocate without limit; shingle and num_perm values of 1e12
 * were undefined in the conversion to int). Seeds: small corpora made by
 * `parallax add`, and ones whose values were damaged.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parallax.h"

static int count_story(void *ud, const px_store_story *s)
{
    (void)s;
    ++*(size_t *)ud;
    return 0;
}

static int count_article(void *ud, const px_store_article *a)
{
    *(size_t *)ud += a->n_near + (a->text ? 1 : 0);
    return 0;
}

static void remove_all(const char *path)
{
    static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
    char p[256];
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        snprintf(p, sizeof p, "%s%s", path, ext[i]);
        unlink(p);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/px_fuzz_store_%ld.db", (long)getpid());
    remove_all(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    size_t wrote = fwrite(data, 1, size, f);
    fclose(f);
    if (wrote != size) {
        remove_all(path);
        return 0;
    }
    px_group_options opt = {.threads = 1};
    px_store *s = NULL;
    size_t n = 0;
    if (px_store_open_ex(&s, path, &opt, PX_STORE_READONLY) == PX_OK) {
        px_store_stories(s, count_story, &n);
        px_store_articles(s, count_article, &n);
        px_store_story_articles(s, 0, count_article, &n);
    }
    px_store_close(s);
    s = NULL;
    if (px_store_open(&s, path, &opt) == PX_OK) {
        static const char text[] = "The storm reached the coast on Tuesday and cut power to "
                                   "thousands of homes, officials said.";
        px_doc_meta meta = {.id = "fuzz-added"};
        px_doc *d = NULL;
        if (px_doc_new(&d, text, sizeof text - 1, &meta, 1, NULL, NULL) == PX_OK)
            px_store_add(s, d, NULL);
        px_store_flush(s);
        px_store_stories(s, count_story, &n);
    }
    px_store_close(s);
    remove_all(path);
    return n == (size_t)-1;
}
