/*
 * cli.h - what the verbs of the parallax command share: the table of
 * verbs and their options (verbs.c), the option parser and the input
 * loop (common.c), the help printer (help.c), printing diagnostics,
 * opening outputs, and the exit codes (0 ok, 1 input problems reported,
 * 2 usage). The CLI uses only the public header.
 *
 * A verb is a row of cli_verbs[] (name, help text, --format values,
 * options) and a function cmd_NAME(const cli_opts *) in cmd_NAME.c that
 * does the verb's work on options already parsed by cli_parse().
 */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "parallax.h"

enum { CLI_OK = 0, CLI_INPUT = 1, CLI_USAGE = 2 };

/* The verbs, in the order 'parallax --help' lists them. */
#define CLI_VERBS(X) X(report) X(read) X(quotes) X(dates) X(stories) X(brief) X(add) X(show)

typedef enum cli_verb_id {
#define CLI_VERB_ENUM(name) CLI_VERB_##name,
    CLI_VERBS(CLI_VERB_ENUM)
#undef CLI_VERB_ENUM
    CLI_N_VERBS
} cli_verb_id;

/* dates: --story, --no-story or neither; report: --story */
enum { CLI_STORY_AUTO = 0, CLI_STORY_ON, CLI_STORY_OFF };

/* A parsed command line. Zero is every option's default. */
typedef struct cli_opts {
    const char *verb;
    bool help;               /* -h/--help: print the verb's help and nothing else */
    int format;              /* index into the verb's --format values; 0 the default */
    const char *out_path;    /* -o FILE; NULL: standard output */
    bool strict, quiet;
    char **inputs;           /* the arguments that are not options, in order;
                                borrowed from argv, the array owned (cli_opts_release) */
    int n_inputs;
    bool polnear_spans;      /* quotes --polnear-spans */
    const char *ref;         /* dates --ref YYYY-MM-DD */
    int story;               /* dates, report: CLI_STORY_* */
    size_t max_words, max_sentences;       /* brief --words, --sentences */
    double dup_threshold, story_threshold; /* stories, add */
    size_t shingle, num_perm, threads;     /* stories */
    const char *db;          /* add --db */
    bool full;               /* show --full */
    char error[192];         /* the usage error when cli_parse fails */
} cli_opts;

/* How an option takes its value. */
typedef enum cli_arg {
    CLI_FLAG,   /* no value: the bool field becomes true */
    CLI_SET,    /* no value: the int field becomes .set */
    CLI_STR,    /* a string (a file name) */
    CLI_FORMAT, /* one of the verb's formats: the int field gets its index */
    CLI_SIZE,   /* a whole number in [min, max] (max 0: no bound) */
    CLI_DOUBLE, /* a number in (min, max] */
    CLI_DATE    /* YYYY-MM-DD */
} cli_arg;

typedef struct cli_option {
    const char *short_name;  /* "-o", or NULL */
    const char *long_name;   /* "--output" */
    const char *value;       /* the value's name in the help ("FILE"); NULL for flags */
    cli_arg arg;
    size_t field;            /* offsetof(cli_opts, ...) */
    int set;                 /* CLI_SET: the value stored */
    double min, max;         /* CLI_SIZE, CLI_DOUBLE bounds */
    const char *error;       /* usage error for a missing or bad value (CLI_FORMAT:
                                generated from the formats) */
    const char *help;        /* one paragraph; '\n' breaks the line */
} cli_option;

typedef struct cli_verb {
    const char *name;
    const char *summary;      /* one line, for 'parallax --help' and NAME */
    const char *synopsis[3];  /* the forms of the command line, after "parallax " */
    const char *description;  /* paragraphs split by "\n\n"; '\n' breaks the line */
    const char *const *formats; /* --format values, the default first; NULL: none */
    const cli_option *options;  /* ended by an entry with long_name NULL */
    int max_inputs;           /* more arguments are a usage error; 0: no limit */
    const char *examples;     /* command lines, one a line, each with a comment
                                 after "  # " */
} cli_verb;

extern const cli_verb cli_verbs[CLI_N_VERBS];

/* The text of 'parallax --help' beyond the list of verbs: sections with a
 * title and paragraphs, shared with the parallax(1) page. */
typedef struct cli_section {
    const char *title;
    const char *text;
} cli_section;
extern const cli_section cli_main_sections[];
extern const char *const cli_main_synopsis[];
extern const char cli_main_summary[];
extern const char cli_main_description[];

/* The verb called NAME, or NULL. */
const cli_verb *cli_verb_find(const char *name);

/* Parses argv[1..argc) (argv[0] is the verb) against the options of verb
 * V into *o. Pure: no output, no exit, no file access. Returns CLI_OK
 * (o->help may be set: nothing else is checked after a help option), or
 * CLI_USAGE with the message in o->error, or CLI_INPUT when out of memory.
 * Call cli_opts_release(o) in every case. */
int cli_parse(const cli_verb *v, int argc, char **argv, cli_opts *o);
void cli_opts_release(cli_opts *o);

/* Prints 'parallax VERB --help' / 'parallax --help' (FULL false: only
 * the synopsis and the verbs, after a usage error). */
void cli_print_help(FILE *f, const cli_verb *v);
void cli_print_main_help(FILE *f, bool full);

/* The running state of a verb that reads articles. */
typedef struct cli_ctx {
    const cli_opts *opt;
    size_t n_warnings, n_errors;
    bool stop;          /* set by --strict on the first problem */
    bool progress;      /* show a progress line on a terminal while reading */
    bool streams;       /* -o is written while the inputs are read */
    px_reader *reader;
    char **paths;
    int n_paths;
} cli_ctx;

/* The px_diag_fn the verbs use: "parallax: FILE:LINE: warning: ...". */
void cli_diag(void *ctx, const px_diag *d);

/* Reports a usage error and returns CLI_USAGE. */
int cli_usage_error(const char *verb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Opens ctx->reader over paths[0..n); n == 0 is a usage error (message
 * printed). Returns CLI_OK, CLI_USAGE or CLI_INPUT. */
int cli_open_reader(cli_ctx *ctx, char **paths, int n);

/* The input loop: hands every document to each(ud, doc), which owns it,
 * until the end, a fatal read error (message printed), --strict's stop,
 * or a nonzero return of each. Returns 0, or the fatal px status (<0). */
int cli_each_doc(cli_ctx *ctx, int (*each)(void *ud, px_doc *doc), void *ud);

/* The input loop that keeps every document: *docs (caller frees each and
 * the array, also on failure) and *n. Returns as cli_each_doc (PX_ENOMEM
 * when the array cannot grow). */
int cli_read_all(cli_ctx *ctx, px_doc ***docs, size_t *n);

/* Frees the reader (NULL is fine). */
void cli_close_reader(cli_ctx *ctx);

/* The exit code for a finished run: fatal status, problems, or OK. */
int cli_exit_code(cli_ctx *ctx, int fatal);

/* Closes OUT (if not NULL), frees the reader, and returns the exit code
 * for FATAL and the problems reported (CLI_INPUT after a write error). */
int cli_finish(cli_ctx *ctx, FILE *out, int fatal);

/* Opens -o FILE (or stdout for NULL / "-"); NULL and a message on
 * failure. */
FILE *cli_open_output(const char *path);
/* Closes an output opened by cli_open_output; false on a write error
 * (message printed). */
bool cli_close_output(FILE *f, const char *path);

/* True for "-h" and "--help". */
bool cli_is_help(const char *arg);

/* True for a file whose first bytes say SQLite, or a name ending in .db. */
bool cli_is_sqlite(const char *path);

/* Verbs: each is int cmd_NAME(const cli_opts *). */
#define CLI_VERB_DECL(name) int cmd_##name(const cli_opts *o);
CLI_VERBS(CLI_VERB_DECL)
#undef CLI_VERB_DECL

#endif /* PX_CLI_H */
