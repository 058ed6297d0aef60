/*
 * test_cli_options.c - the CLI's option parser (cli_parse), a pure
 * function of argv and the verb's row of cli_verbs[]: values land in
 * their fields, bad or missing values give the usage message the CLI
 * prints, help stops the parse, arguments stay in order, and every
 * verb's table is well formed (each option has help, values have names,
 * value options have an error message).
 */
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "cli.h"

/* Parses the NULL-terminated ARGS for VERB into *o. */
static int parse(const char *verb, const char **args, cli_opts *o)
{
    int argc = 0;
    while (args[argc])
        argc++;
    return cli_parse(cli_verb_find(verb), argc, (char **)args, o);
}

static void test_defaults_and_inputs(void)
{
    cli_opts o;
    const char *a[] = {"read", "x.txt", "-", "dir", NULL};
    ASSERT_EQ(parse("read", a, &o), CLI_OK);
    ASSERT_EQ(o.n_inputs, 3);
    ASSERT_STR_EQ(o.inputs[0], "x.txt");
    ASSERT_STR_EQ(o.inputs[1], "-");
    ASSERT_STR_EQ(o.inputs[2], "dir");
    ASSERT_EQ(o.format, 0);
    ASSERT_TRUE(!o.out_path && !o.strict && !o.quiet && !o.help);
    cli_opts_release(&o);
}

static void test_values(void)
{
    cli_opts o;
    const char *a[] = {"stories", "--threshold", "0.7", "--shingle", "4", "-f", "text",
                       "--threads", "0", "-o", "out", "--story-threshold", "1", "-q", "in",
                       NULL};
    ASSERT_EQ(parse("stories", a, &o), CLI_OK);
    ASSERT_TRUE(o.dup_threshold == 0.7 && o.story_threshold == 1.0);
    ASSERT_EQ(o.shingle, 4);
    ASSERT_EQ(o.threads, 0);
    ASSERT_EQ(o.format, 1);
    ASSERT_STR_EQ(o.out_path, "out");
    ASSERT_TRUE(o.quiet);
    ASSERT_EQ(o.n_inputs, 1);
    cli_opts_release(&o);

    const char *d[] = {"dates", "--no-story", "--ref", "2020-01-02", "--story", NULL};
    ASSERT_EQ(parse("dates", d, &o), CLI_OK);
    ASSERT_EQ(o.story, CLI_STORY_ON);
    ASSERT_STR_EQ(o.ref, "2020-01-02");
    cli_opts_release(&o);

    const char *e[] = {"dates", "--ref=2024-02-29", "--format=text", "--", "-o", "--story", NULL};
    ASSERT_EQ(parse("dates", e, &o), CLI_OK);
    ASSERT_STR_EQ(o.ref, "2024-02-29");
    ASSERT_EQ(o.format, 1);
    /* after "--" everything is an input, even what reads like an option */
    ASSERT_EQ(o.n_inputs, 2);
    ASSERT_STR_EQ(o.inputs[0], "-o");
    ASSERT_STR_EQ(o.inputs[1], "--story");
    ASSERT_TRUE(!o.out_path && o.story == CLI_STORY_AUTO);
    cli_opts_release(&o);

    const char *b[] = {"brief", "-w", "40", "--sentences", "3", "--format", "md", NULL};
    ASSERT_EQ(parse("brief", b, &o), CLI_OK);
    ASSERT_TRUE(o.max_words == 40 && o.max_sentences == 3 && o.format == 2);
    cli_opts_release(&o);
}

static void expect_error(const char *verb, const char **args, const char *message)
{
    cli_opts o;
    ASSERT_EQ(parse(verb, args, &o), CLI_USAGE);
    ASSERT_STR_EQ(o.error, message);
    cli_opts_release(&o);
}

static void test_errors(void)
{
    expect_error("read", (const char *[]){"read", "--bogus", NULL}, "unknown option '--bogus'");
    expect_error("read", (const char *[]){"read", "--format", NULL},
                 "--format needs jsonl or text");
    expect_error("brief", (const char *[]){"brief", "-f", "html", NULL},
                 "--format needs text, jsonl or md");
    expect_error("report", (const char *[]){"report", "--format", "x", NULL},
                 "--format needs md, html or json");
    expect_error("read", (const char *[]){"read", "-o", NULL}, "-o needs a file name");
    expect_error("dates", (const char *[]){"dates", "--ref", "2020", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("dates", (const char *[]){"dates", "--ref", "2025-13-45", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("dates", (const char *[]){"dates", "--ref", "2025-02-29", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("dates", (const char *[]){"dates", "--ref", "2025-0x-01", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("read", (const char *[]){"read", "--strict=yes", NULL},
                 "--strict takes no value");
    expect_error("read", (const char *[]){"read", "--format=xml", NULL},
                 "--format needs jsonl or text");
    expect_error("read", (const char *[]){"read", "--bogus=1", NULL}, "unknown option '--bogus=1'");
    /* what px_dates_find would refuse for every article (found by fuzz_options) */
    expect_error("dates", (const char *[]){"dates", "--ref", "abcd-ef-gh", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("dates", (const char *[]){"dates", "--ref", "2023-02-29", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("dates", (const char *[]){"dates", "--ref", "2024-13-01", NULL},
                 "--ref needs a date YYYY-MM-DD");
    expect_error("stories", (const char *[]){"stories", "--threshold", "0", NULL},
                 "--threshold needs a number in (0, 1]");
    expect_error("stories", (const char *[]){"stories", "--threshold", "nan", NULL},
                 "--threshold needs a number in (0, 1]");
    expect_error("stories", (const char *[]){"stories", "--shingle", "0", NULL},
                 "--shingle needs a number from 1 to 1024");
    expect_error("stories", (const char *[]){"stories", "--num-perm", "-5", NULL},
                 "--num-perm needs a number from 1 to 1024");
    expect_error("stories", (const char *[]){"stories", "--threads", "1025", NULL},
                 "--threads needs a number from 0 to 1024");
    expect_error("brief", (const char *[]){"brief", "--words", "0", NULL},
                 "--words needs a positive number");
    expect_error("brief", (const char *[]){"brief", "--words", " 5", NULL},
                 "--words needs a positive number");
    expect_error("add", (const char *[]){"add", "--format", "text", NULL},
                 "unknown option '--format'");
    expect_error("show", (const char *[]){"show", "--strict", NULL}, "unknown option '--strict'");
    expect_error("show", (const char *[]){"show", "a", "b", "c", NULL}, "too many arguments");
    /* the first problem is the one reported */
    expect_error("read", (const char *[]){"read", "--nope", "--format", NULL},
                 "unknown option '--nope'");
}

static void test_help(void)
{
    cli_opts o;
    const char *a[] = {"quotes", "x", "--help", "--bogus", NULL};
    ASSERT_EQ(parse("quotes", a, &o), CLI_OK);
    ASSERT_TRUE(o.help);
    cli_opts_release(&o);
    /* a value is a value, even when it reads like an option */
    const char *b[] = {"read", "-o", "--help", "x", NULL};
    ASSERT_EQ(parse("read", b, &o), CLI_OK);
    ASSERT_TRUE(!o.help);
    ASSERT_STR_EQ(o.out_path, "--help");
    cli_opts_release(&o);
    /* an error before the help option wins */
    expect_error("read", (const char *[]){"read", "--bogus", "-h", NULL},
                 "unknown option '--bogus'");
}

static void test_table(void)
{
    for (int i = 0; i < CLI_N_VERBS; i++) {
        const cli_verb *v = &cli_verbs[i];
        ASSERT_TRUE(v->name && v->summary && v->synopsis[0] && v->description);
        ASSERT_TRUE(cli_verb_find(v->name) == v);
        for (const cli_option *op = v->options; op->long_name; op++) {
            ASSERT_TRUE(op->help && op->help[0]);
            ASSERT_TRUE(!strncmp(op->long_name, "--", 2));
            bool takes_value = op->arg != CLI_FLAG && op->arg != CLI_SET;
            ASSERT_TRUE(takes_value == (op->value != NULL));
            ASSERT_TRUE(!takes_value || op->arg == CLI_FORMAT || op->error);
            ASSERT_TRUE(op->arg != CLI_FORMAT || v->formats);
            /* no two options of a verb share a name */
            for (const cli_option *q = op + 1; q->long_name; q++) {
                ASSERT_TRUE(strcmp(op->long_name, q->long_name));
                ASSERT_TRUE(!op->short_name || !q->short_name ||
                            strcmp(op->short_name, q->short_name));
            }
        }
    }
    ASSERT_TRUE(cli_verb_find("nope") == NULL);
}

int main(void)
{
    RUN_TEST(test_defaults_and_inputs);
    RUN_TEST(test_values);
    RUN_TEST(test_errors);
    RUN_TEST(test_help);
    RUN_TEST(test_table);
    return px_test_summary();
}
