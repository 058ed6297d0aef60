/*
 * verbs.c - the table of parallax's verbs: for each its summary,
 * synopsis, description, --format values and options. One table serves
 * the option parser (common.c), '--help' (help.c) and the manual pages
 * (tools/mkman.c turns it into roff at build time), so they cannot drift.
 *
 * Text is written unwrapped: paragraphs are split by a blank line
 * ("\n\n"), a single '\n' breaks the line, and the printers wrap the rest.
 */
#include <stddef.h>

#include "cli.h"

#define F(field) offsetof(cli_opts, field)

/* Options several verbs share. */
#define OPT_FORMAT(help) {"-f", "--format", "F", CLI_FORMAT, F(format), 0, 0, 0, NULL, help}
#define OPT_OUTPUT                                                                             \
    {"-o", "--output", "FILE", CLI_STR, F(out_path), 0, 0, 0, "-o needs a file name",         \
     "write to FILE instead of standard output"}
#define OPT_STRICT                                                                             \
    {NULL, "--strict", NULL, CLI_FLAG, F(strict), 0, 0, 0, NULL,                               \
     "stop at the first input problem"}
#define OPT_QUIET                                                                              \
    {"-q", "--quiet", NULL, CLI_FLAG, F(quiet), 0, 0, 0, NULL,                                 \
     "do not print warnings (the exit status still tells)"}
#define OPT_END {NULL, NULL, NULL, CLI_FLAG, 0, 0, 0, 0, NULL, NULL}

static const char *const jsonl_text[] = {"jsonl", "text", NULL};

static const cli_option read_options[] = {
    OPT_FORMAT("jsonl (default) or text"),
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

static const cli_option quotes_options[] = {
    OPT_FORMAT("jsonl (default) or text"),
    {NULL, "--polnear-spans", NULL, CLI_FLAG, F(polnear_spans), 0, 0, 0, NULL,
     "print start..end and text as span_start..span_end"},
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

static const cli_option dates_options[] = {
    OPT_FORMAT("jsonl (default) or text"),
    {NULL, "--ref", "DATE", CLI_DATE, F(ref), 0, 0, 0, "--ref needs a date YYYY-MM-DD",
     "resolve every article against DATE (YYYY-MM-DD)"},
    {NULL, "--story", NULL, CLI_SET, F(story), CLI_STORY_ON, 0, 0, NULL,
     "treat all inputs as one story: an article without a date takes the median of the "
     "other articles' dates (default when there are at most 32 articles)"},
    {NULL, "--no-story", NULL, CLI_SET, F(story), CLI_STORY_OFF, 0, 0, NULL,
     "resolve each article on its own"},
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

static const cli_option stories_options[] = {
    OPT_FORMAT("jsonl (default) or text"),
    OPT_OUTPUT,
    {NULL, "--threshold", "J", CLI_DOUBLE, F(dup_threshold), 0, 0, 1,
     "--threshold needs a number in (0, 1]",
     "Jaccard threshold of near-duplicates (default 0.5)"},
    {NULL, "--shingle", "K", CLI_SIZE, F(shingle), 0, 1, 1024,
     "--shingle needs a number from 1 to 1024", "words per shingle (default 5)"},
    {NULL, "--num-perm", "N", CLI_SIZE, F(num_perm), 0, 1, 1024,
     "--num-perm needs a number from 1 to 1024", "MinHash permutations (default 128)"},
    {NULL, "--story-threshold", "S", CLI_DOUBLE, F(story_threshold), 0, 0, 1,
     "--story-threshold needs a number in (0, 1]",
     "cosine similarity to join a story (default 0.2)"},
    {NULL, "--threads", "N", CLI_SIZE, F(threads), 0, 0, 1024,
     "--threads needs a number from 0 to 1024", "threads (default 0: all cores)"},
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

static const char *const brief_formats[] = {"text", "jsonl", "md", NULL};
static const cli_option brief_options[] = {
    {"-w", "--words", "N", CLI_SIZE, F(max_words), 0, 1, 0,
     "--words needs a positive number", "stop at N words, cutting the last sentence if it must"},
    {"-n", "--sentences", "N", CLI_SIZE, F(max_sentences), 0, 1, 0,
     "--sentences needs a positive number",
     "at most N sentences (default 5 when --words is not given)"},
    OPT_FORMAT("text (default): one sentence a line and nothing else;\n"
               "jsonl: one object a sentence: text, doc, start, end (code points into the "
               "original input), sources (document ids, the chosen one first), outlets;\n"
               "md: a Markdown list, each item naming its outlets"),
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

static const cli_option add_options[] = {
    {NULL, "--db", "FILE", CLI_STR, F(db), 0, 0, 0, "--db needs a file name", "the corpus file"},
    {NULL, "--threshold", "J", CLI_DOUBLE, F(dup_threshold), 0, 0, 1,
     "--threshold needs a number in (0, 1]",
     "near-duplicate Jaccard threshold of a new corpus (0.5)"},
    {NULL, "--story-threshold", "S", CLI_DOUBLE, F(story_threshold), 0, 0, 1,
     "--story-threshold needs a number in (0, 1]",
     "story similarity threshold of a new corpus (0.2)"},
    OPT_STRICT,
    {"-q", "--quiet", NULL, CLI_FLAG, F(quiet), 0, 0, 0, NULL,
     "do not print warnings or the summary"},
    OPT_END,
};

static const char *const text_jsonl[] = {"text", "jsonl", NULL};
static const cli_option show_options[] = {
    OPT_FORMAT("text (default) or jsonl (one object per article: doc, story, duplicate_of, "
               "source, url, date, headline, text)"),
    {NULL, "--full", NULL, CLI_FLAG, F(full), 0, 0, 0, NULL, "text: print each article's text too"},
    OPT_OUTPUT,
    OPT_END,
};

static const char *const report_formats[] = {"md", "html", "json", NULL};
static const cli_option report_options[] = {
    OPT_FORMAT("md (default), html (one self-contained page) or json"),
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

const cli_verb cli_verbs[CLI_N_VERBS] = {
    [CLI_VERB_report] = {
        "report", "compare how outlets cover one story (the main job)",
        {"report [--format md|html|json] [-o FILE] [--strict] [--quiet] INPUT..."},
        "Compares how the outlets cover one story. INPUT: the story's articles (files, "
        "folders, '-'); an input that tells several stories gets one report per story, the "
        "largest first. The report shows the people, places and organisations with their name "
        "variants; each quotation as every outlet wrote it, with a word diff against the "
        "fullest version and what changed (case, spelling, a word substituted, words left out "
        "or added, sentences reordered, truncated) and the quotations one outlet alone "
        "carries; the facts several outlets carry and those only one does; conflicts (a title, "
        "a number); the timeline; a brief with its sources; and which outlet carries which of "
        "the main facts and quotations.",
        report_formats, report_options, 0,
    },
    [CLI_VERB_read] = {
        "read", "read articles: headline, date, source, blocks, sentences",
        {"read [--format jsonl|text] [-o FILE] [--strict] [--quiet] INPUT..."},
        "Prints each document's structure: doc, file, source, date (and where it came from), "
        "headline, standfirst, and blocks (start, end, kind: body, headline, standfirst, "
        "heading, caption, boilerplate, embed, signature, dateline, meta) with their "
        "sentences. Offsets are Unicode code point offsets into the original text, end "
        "exclusive.",
        jsonl_text, read_options, 0,
    },
    [CLI_VERB_quotes] = {
        "quotes", "who said what: quotations and their speakers",
        {"quotes [--format jsonl|text] [--polnear-spans] [-o FILE] [--strict] [--quiet] "
         "INPUT..."},
        "Finds who said what: one record per attribution with doc, start, end, text (the "
        "content), kind (direct, partial, indirect, embedded), speaker (the resolved name, or "
        "null), speaker_text/speaker_start/speaker_end (the span as written), "
        "cue/cue_start/cue_end, parts (each quoted segment, quotation marks excluded), "
        "span_start/span_end and sentence. Offsets are Unicode code point offsets into the "
        "original text, end exclusive. start..end is the content without quotation marks: a "
        "statement interrupted by its attribution is one record from A's first word to B's "
        "last. span_start..span_end is the span as PolNeAR annotates it (a direct quotation "
        "with its marks, a partial one with the writer's clause around it).",
        jsonl_text, quotes_options, 0,
    },
    [CLI_VERB_dates] = {
        "dates", "time expressions resolved to calendar dates",
        {"dates [--format jsonl|text] [--ref YYYY-MM-DD] [--story|--no-story] [-o FILE] "
         "[--strict] [--quiet] INPUT..."},
        "Finds time expressions (TimeML DATE, TIME, DURATION, SET) and resolves them: \"on "
        "Thursday\" -> 2025-05-15, \"last week\" -> 2025-W19, \"30 days\" -> P30D, \"now\" "
        "-> PRESENT_REF. Each article is resolved against its reference date: its own date "
        "(metadata, front matter, dateline), else the date of a post it embeds, else the "
        "story's.\n\n"
        "JSONL output, one object per expression: doc, start, end (code points into the "
        "original input, end exclusive), text, type, value, sentence, ref (the reference date "
        "used, or null) and ref_origin (given, metadata, front matter, dateline, embedded "
        "post, story, none).",
        jsonl_text, dates_options, 0,
    },
    [CLI_VERB_stories] = {
        "stories", "group articles into duplicate families and stories",
        {"stories [--format jsonl|text] [-o FILE] [OPTIONS] INPUT...",
         "stories [--format jsonl|text] [-o FILE] DB"},
        "Groups articles into near-duplicate families and stories. Near-duplicates: MinHash "
        "over word shingles with LSH banding, candidates verified by their estimated Jaccard. "
        "Stories: TF-IDF weighted stemmed terms, names, numbers, places and publication "
        "dates; no number of clusters to choose. Articles are assigned in the order read, in "
        "one pass. With a SQLite corpus (a file starting 'SQLite format 3' or named *.db), "
        "lists its stories instead.\n\n"
        "jsonl: one object per document: doc, story (a number shared by the story's "
        "documents), duplicate_of (id of the family's first document, or null), "
        "near_duplicates (ids of the earlier documents verified as its near-duplicates). "
        "text: each story with its headline, outlets and documents.",
        jsonl_text, stories_options, 0,
    },
    [CLI_VERB_brief] = {
        "brief", "a short summary whose sentences name their sources",
        {"brief [--words N | --sentences N] [--format text|jsonl|md] [-o FILE] [--strict] "
         "[--quiet] INPUT..."},
        "Summarises every input article, taken together as one story: the sentences that "
        "cover what most outlets report, none saying the same thing twice, in reading order "
        "(by date where every date is known). Headlines, captions, embedded posts and "
        "sentences that cannot stand alone are never chosen.",
        brief_formats, brief_options, 0,
    },
    [CLI_VERB_add] = {
        "add", "add articles to a SQLite corpus (parallax.db)",
        {"add [DB] [--quiet] [--strict] INPUT..."},
        "Adds articles to the SQLite corpus DB (default parallax.db; a first argument ending "
        "in .db or naming an SQLite file is taken as DB) and assigns each to its "
        "near-duplicate family and story as it arrives: adding tomorrow's articles places "
        "them among the stories already there without reclustering. Articles whose id is "
        "already stored are skipped. Each article is committed with its assignment in one "
        "transaction, so an interrupted add keeps everything committed and no half article.",
        NULL, add_options, 0,
    },
    [CLI_VERB_show] = {
        "show", "print one story of a SQLite corpus",
        {"show [--format text|jsonl] [--full] [-o FILE] DB STORY"},
        "Prints story STORY (the number 'parallax stories DB' lists) of the SQLite corpus "
        "DB: its articles in order of arrival with source, date, headline and the article "
        "each copies (duplicate_of).",
        text_jsonl, show_options, 2,
    },
};

const char *const cli_main_synopsis[] = {
    "VERB [OPTIONS] INPUT...",
    "--help | --version | help VERB",
    NULL,
};

const char cli_main_description[] =
    "parallax shows one news story through every outlet that covered it.";

const cli_section cli_main_sections[] = {
    {"Input",
     "INPUT is any mix of files (.txt, .jsonl, .html), folders (read recursively) and - for "
     "standard input.\nRun 'parallax VERB --help' for a verb's options."},
    {"Exit status",
     "0 ok, 1 input problems were reported (or a fatal error), 2 usage error."},
    {NULL, NULL},
};
