/*
 * fuzz_walk.c - fuzzes the folder walk on generated trees of folders,
 * files and symbolic links: each three bytes of input make one entry
 * (a folder, a file of one of the names a walk meets, or a link to an
 * ancestor, itself, a sibling, the root or nowhere) inside one of the
 * folders made so far. The walk must end (each folder and file entered
 * once), read each file at most once, and name what it passes over.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallax.h"

enum { MAX_ENTRIES = 48 };

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (flag == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

/* gzip of "<html><body><p>A page. It has text.</p></body></html>" */
static const unsigned char gz_page[] =
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xb3\xc9\x28\xc9\xcd\xb1\xb3\x49\xca\x4f\xa9\xb4"
    "\xb3\x29\xb0\x73\x54\x28\x48\x4c\x4f\xd5\x53\xf0\x2c\x51\xc8\x48\x2c\x56\x28\x49\xad\x28"
    "\xd1\xb3\xd1\x2f\xb0\xb3\xd1\x87\xa8\xd0\x07\x2b\x07\x00\x4d\x8a\x8a\x26\x35\x00\x00\x00";

static void count_diag(void *ud, const px_diag *d)
{
    (void)d;
    ++*(size_t *)ud;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"a.txt", "b.html.gz", "c.json", "d.pdf", ".e.txt",
                                        "f",     "g.jsonl",   "h.warc", "i.xhtml", "j.0001"};
    static const char *const contents[] = {
        "Headline\n\nThe council met on Monday. It voted.\n",
        "", /* page.html.gz: gz_page below */
        "{}", "%PDF-1.4\n", "hidden\n", "No extension. Plain text here.\n",
        "{\"id\":\"r\",\"text\":\"A record. It is short.\"}\n",
        "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: "
        "0\r\n\r\n\r\n\r\n",
        "<html><body><p>A page. It has text.</p></body></html>", "<DOC><TEXT>Wire text.</TEXT></DOC>\n",
    };
    char root[] = "/tmp/px_fuzz_walk_XXXXXX";
    if (!mkdtemp(root))
        return 0;
    char dirs[MAX_ENTRIES + 1][256];
    unsigned depth[MAX_ENTRIES + 1];
    size_t n_dirs = 1;
    snprintf(dirs[0], sizeof(dirs[0]), "%s", root);
    depth[0] = 0;
    for (size_t i = 0; i + 3 <= size && i / 3 < MAX_ENTRIES; i += 3) {
        size_t p = data[i + 1] % n_dirs;
        const char *parent = dirs[p];
        char path[512];
        unsigned kind = data[i] % 3, arg = data[i + 2];
        if (kind == 0) {
            snprintf(path, sizeof(path), "%s/d%zu", parent, i / 3);
            if (strlen(path) < sizeof(dirs[0]) && mkdir(path, 0700) == 0) {
                depth[n_dirs] = depth[p] + 1;
                snprintf(dirs[n_dirs++], sizeof(dirs[0]), "%s", path);
            }
        } else if (kind == 1) {
            snprintf(path, sizeof(path), "%s/%zu%s", parent, i / 3, names[arg % 10]);
            FILE *f = fopen(path, "wb");
            if (f) {
                if (arg % 10 == 1)
                    fwrite(gz_page, 1, sizeof(gz_page) - 1, f);
                else
                    fwrite(contents[arg % 10], 1, strlen(contents[arg % 10]), f);
                fclose(f);
            }
        } else {
            /* never above the root: an ancestor, itself, the root, a
             * folder anywhere in the tree, or nowhere */
            char target[300] = "";
            unsigned up = depth[p] ? (arg >> 3) % (depth[p] + 1) : 0;
            switch (arg % 5) {
            case 0:
                for (unsigned k = 0; k < up && strlen(target) + 4 < sizeof(target); k++)
                    strcat(target, k ? "/.." : "..");
                if (!target[0])
                    strcpy(target, ".");
                break;
            case 1:
                strcpy(target, ".");
                break;
            case 2:
                snprintf(target, sizeof(target), "%s", root);
                break;
            case 3:
                snprintf(target, sizeof(target), "%s", dirs[(arg >> 3) % n_dirs]);
                break;
            default:
                strcpy(target, "missing");
            }
            snprintf(path, sizeof(path), "%s/l%zu%s", parent, i / 3, arg & 0x80 ? ".txt" : "");
            if (symlink(target, path) != 0)
                continue;
        }
    }
    px_reader *r = NULL;
    size_t n_diag = 0;
    px_read_options opt = {count_diag, &n_diag, PX_FORMAT_AUTO, 1 << 16};
    if (px_reader_new(&r, &opt) == PX_OK && px_reader_add(r, root) == PX_OK) {
        px_doc *doc;
        size_t docs = 0;
        while (px_reader_next(r, &doc) == 1) {
            px_doc_free(doc);
            /* each of at most MAX_ENTRIES files once (a WARC file or a
             * JSON Lines file holds one document) */
            if (++docs > MAX_ENTRIES)
                abort();
        }
    }
    px_reader_free(r);
    nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}
