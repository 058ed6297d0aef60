/*
 * help.c - prints 'parallax --help' and 'parallax VERB --help' from the
 * table in verbs.c, wrapping its unwrapped paragraphs to the terminal's
 * customary 79 columns.
 */
#include <string.h>

#include "cli.h"

#define WIDTH 79

/* The length of the word at P; a synopsis keeps "[-o FILE]" whole. */
static size_t word_len(const char *p, bool synopsis)
{
    size_t len = 0;
    int depth = 0;
    for (; p[len] && p[len] != '\n'; len++) {
        if (p[len] == '[')
            depth++;
        else if (p[len] == ']')
            depth--;
        else if (p[len] == ' ' && (!synopsis || depth <= 0))
            break;
    }
    return len;
}

/* Writes TEXT starting at column COL, wrapping at WIDTH with later lines
 * indented to INDENT; '\n' breaks the line, "\n\n" leaves a blank one. */
static void wrap_text(FILE *f, const char *text, size_t col, size_t indent, bool synopsis)
{
    const char *p = text;
    bool line_start = true; /* nothing written on this line yet */
    while (*p) {
        if (*p == '\n') {
            fputc('\n', f);
            p++;
            if (*p == '\n') {
                fputc('\n', f);
                p++;
            }
            fprintf(f, "%*s", (int)indent, "");
            col = indent;
            line_start = true;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        size_t len = word_len(p, synopsis);
        if (!line_start && col + 1 + len > WIDTH) {
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent;
            line_start = true;
        }
        if (!line_start) {
            fputc(' ', f);
            col++;
        }
        fwrite(p, 1, len, f);
        col += len;
        p += len;
        line_start = false;
    }
    fputc('\n', f);
}

static void wrap(FILE *f, const char *text, size_t col, size_t indent)
{
    wrap_text(f, text, col, indent, false);
}

static void synopsis(FILE *f, const char *const *forms, size_t n)
{
    for (size_t i = 0; i < n && forms[i]; i++) {
        fputs(i ? "       parallax " : "usage: parallax ", f);
        /* continuation lines start under the verb's first option */
        size_t verb = strcspn(forms[i], " ");
        size_t indent = forms[i][verb] && forms[i][0] != '-' ? 16 + verb + 1 : 16;
        wrap_text(f, forms[i], 16, indent, true);
    }
}

static size_t option_width(const cli_option *op)
{
    return 4 + strlen(op->long_name) + (op->value ? 1 + strlen(op->value) : 0);
}

void cli_print_help(FILE *f, const cli_verb *v)
{
    synopsis(f, v->synopsis, sizeof v->synopsis / sizeof v->synopsis[0]);
    fputc('\n', f);
    wrap(f, v->description, 0, 0);
    size_t w = 0;
    for (const cli_option *op = v->options; op->long_name; op++)
        if (option_width(op) > w)
            w = option_width(op);
    fputs("\nOptions:\n", f);
    for (const cli_option *op = v->options; op->long_name; op++) {
        fprintf(f, "  %-2s%s%s%s%s", op->short_name ? op->short_name : "",
                op->short_name ? ", " : "  ", op->long_name, op->value ? " " : "",
                op->value ? op->value : "");
        fprintf(f, "%*s", (int)(w - option_width(op) + 2), "");
        wrap(f, op->help, 2 + w + 2, 2 + w + 2);
    }
    if (v->examples) {
        fputs("\nExamples:\n", f);
        for (const char *p = v->examples; *p;) {
            size_t len = strcspn(p, "\n");
            fprintf(f, "  %.*s\n", (int)len, p);
            p += len + (p[len] == '\n');
        }
    }
}

void cli_print_main_help(FILE *f, bool full)
{
    size_t n = 0;
    while (cli_main_synopsis[n])
        n++;
    synopsis(f, cli_main_synopsis, n);
    if (full) {
        fputc('\n', f);
        wrap(f, cli_main_description, 0, 0);
    }
    fputs("\nVerbs:\n", f);
    for (int i = 0; i < CLI_N_VERBS; i++)
        fprintf(f, "  %-8s %s\n", cli_verbs[i].name, cli_verbs[i].summary);
    if (!full) {
        fputs("\nRun 'parallax --help' for more, 'parallax VERB --help' for a verb.\n", f);
        return;
    }
    for (const cli_section *s = cli_main_sections; s->title; s++) {
        fprintf(f, "\n%s:\n  ", s->title);
        wrap(f, s->text, 2, 2);
    }
}
