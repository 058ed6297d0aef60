/*
 * cmd_quotes.c - 'parallax quotes': every attribution in each article:
 * direct and partial quotations, reported speech and embedded posts, with
 * the cue and the speaker (as written and resolved to a name).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: parallax quotes [--format jsonl|text] [--polnear-spans] [-o FILE] [--strict]\n"
    "                       [--quiet] INPUT...\n\n"
    "Finds who said what: one record per attribution with doc, start, end, text\n"
    "(the content), kind (direct, partial, indirect, embedded), speaker (the\n"
    "resolved name, or null), speaker_text/speaker_start/speaker_end (the span as\n"
    "written), cue/cue_start/cue_end, parts (each quoted segment, quotation marks\n"
    "excluded), span_start/span_end and sentence. Offsets are Unicode code point\n"
    "offsets into the original text, end exclusive. start..end is the content\n"
    "without quotation marks: a statement interrupted by its attribution is one\n"
    "record from A's first word to B's last. span_start..span_end is the span as\n"
    "PolNeAR annotates it (a direct quotation with its marks, a partial one with\n"
    "the writer's clause around it).\n\n"
    "  --format F         jsonl (default) or text\n"
    "  --polnear-spans    print start..end and text as span_start..span_end\n"
    "  -o FILE            write to FILE instead of standard output\n"
    "  --strict           stop at the first input problem\n"
    "  --quiet            do not print warnings (the exit status still tells)\n";

int cmd_quotes(int argc, char **argv)
{
    static const char *const formats[] = {"jsonl", "text", NULL};
    cli_ctx ctx = {.verb = "quotes"};
    int format = 0;
    unsigned flags = 0;
    const char *out_path = NULL;
    char **inputs = calloc((size_t)argc + 1, sizeof(char *));
    int n_inputs = 0;
    if (!inputs)
        return CLI_INPUT;
    int rc = CLI_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            fputs(help, stdout);
            goto done;
        } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (++i >= argc || (format = cli_format(argv[i], formats)) < 0) {
                rc = cli_usage_error(ctx.verb, "--format needs jsonl or text");
                goto done;
            }
        } else if (!strcmp(a, "--polnear-spans")) {
            flags |= PX_QUOTES_POLNEAR_SPANS;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc) {
                rc = cli_usage_error(ctx.verb, "-o needs a file name");
                goto done;
            }
            out_path = argv[i];
        } else if (!strcmp(a, "--strict")) {
            ctx.strict = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            ctx.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage_error(ctx.verb, "unknown option '%s'", a);
            goto done;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    px_reader *r = NULL;
    if ((rc = cli_open_reader(&ctx, inputs, n_inputs, &r)))
        goto done;
    FILE *out = cli_open_output(out_path);
    if (!out) {
        px_reader_free(r);
        rc = CLI_INPUT;
        goto done;
    }
    px_doc *doc;
    int st;
    while ((st = cli_next(&ctx, r, &doc)) == 1) {
        int wr = px_quotes_write(out, doc,
                                 format == 0 ? PX_QUOTES_JSONL : PX_QUOTES_TEXT, flags);
        px_doc_free(doc);
        if (wr) {
            fprintf(stderr, "parallax quotes: %s\n", px_strerror(wr));
            st = wr;
            break;
        }
    }
    bool ok = cli_close_output(out, out_path);
    rc = cli_exit_code(&ctx, st);
    if (!ok)
        rc = CLI_INPUT;
    px_reader_free(r);
done:
    free(inputs);
    return rc;
}
