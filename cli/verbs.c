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
     "mean cosine of two stories' articles to merge them (default 0.2, learnt on ECB+ dev)"},
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
     "story threshold of a new corpus (0.2)"},
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
    {NULL, "--story", NULL, CLI_SET, F(story), CLI_STORY_ON, 0, 0, NULL,
     "the inputs are one story (a corpus's, from 'show'): one report, the articles not "
     "grouped again"},
    OPT_OUTPUT,
    OPT_STRICT,
    OPT_QUIET,
    OPT_END,
};

const cli_verb cli_verbs[CLI_N_VERBS] = {
    [CLI_VERB_report] = {
        "report", "compare how outlets cover one story (the main job)",
        {"report [--format md|html|json] [--story] [-o FILE] [--strict] [--quiet] INPUT..."},
        "Compares how the outlets cover one story. INPUT: the story's articles (files, "
        "folders, '-'); an input that tells several stories (a day's crawl) gets one "
        "report per story, the largest first: the articles are grouped exactly as 'parallax "
        "stories' groups them (unrelated articles are stories of their own). With --story "
        "the inputs are taken as one story, as a corpus told it ('parallax show --format "
        "jsonl news.db 3 | parallax report --story -'): grouped again on their own, a "
        "story's articles may fall into several.\n\n"
        "Every format has the same sections in the same order, what a "
        "reader needs first at the top: the articles, each with its outlet (the source, "
        "else the web site, else the signature line, else a short file name, never a hex "
        "id); a brief (sentences telling the story, each with the outlets that support it; "
        "a sentence that carries one side of a conflict says so); conflicts (outlets "
        "giving different values for one thing: a person's title, a count, a date, with "
        "the sentences on each side and their outlets); quotations (the same statement as "
        "every outlet quoted it, those worded differently first, grouped even when split, "
        "reordered, cut short or reworded, with a word diff against the fullest version "
        "and what changed: case, spelling, a word substituted, words left out or added, "
        "sentences reordered, truncated); what one outlet alone reports, heaviest first (a "
        "number, a named person or organisation, a date, a quotation weigh more than "
        "colour; the long tail folded); the facts several outlets carry; people, places "
        "and organisations with their name variants (\"Zelensky\", \"Zelenskyy\", \"Mr "
        "Zelensky\", \"the Ukrainian president\"); the timeline (dated events in date "
        "order, weeks, months and years at their start, each with its outlets; a bare "
        "four-digit number is a year only where the sentence says so); and coverage "
        "(which outlet carries which of the main facts and quotations). Near-copies of "
        "another article are marked. A long run shows its progress on standard error.\n\n"
        "The HTML page is self-contained (inline CSS, no script, no network), reads on a "
        "phone, highlights the quotation diffs, draws the coverage and the timeline (inline "
        "SVG) and links "
        "every finding to the sentences it cites. JSON: the members are described by "
        "share/parallax/schema/report.schema.json.",
        report_formats, report_options, 0,
        "parallax report examples/story  # Markdown on the terminal\n"
        "parallax report --format html -o report.html examples/story  # one self-contained page\n"
        "parallax show --format jsonl news.db 3 | parallax report --story -  # a corpus's story",
    },
    [CLI_VERB_read] = {
        "read", "read articles: headline, date, source, blocks, sentences",
        {"read [--format jsonl|text] [-o FILE] [--strict] [--quiet] INPUT..."},
        "Prints each document's structure: doc, file, source, date, url, headline, "
        "standfirst, author (several joined by \", \"; null when none), lang (an ISO 639-1 "
        "code, \"und\" when unknown: parallax's quotation and date rules are English, other "
        "languages are read and named in one warning a run), and blocks (start, end, kind: "
        "body, headline, standfirst, heading, caption, boilerplate, embed, signature, "
        "dateline, meta) with their sentences. Offsets are Unicode code point offsets into "
        "the original text, end exclusive. The input formats and how each is read are in "
        "parallax(1).\n\n--format text prints each document's fields, then each block "
        "with its kind, offsets and sentences, one a line.",
        jsonl_text, read_options, 0,
        "parallax read --format text examples/story  # what parallax sees in each article",
    },
    [CLI_VERB_quotes] = {
        "quotes", "who said what: quotations and their speakers",
        {"quotes [--format jsonl|text] [--polnear-spans] [-o FILE] [--strict] [--quiet] "
         "INPUT..."},
        "Finds who said what: one record per attribution with doc, start, end, text (the "
        "content), kind (direct, partial, indirect, embedded), speaker (the resolved "
        "name, or null), speaker_id (the same for one person in every input of the run: "
        "the key of the surname, as in \"zelenski\" for Zelensky and Volodymyr "
        "Zelenskyy; a second person with that surname gets the first name too, "
        "\"trump-melania\"), speaker_text/speaker_start/speaker_end (the span as written), "
        "cue/cue_start/cue_end, parts (each quoted segment, quotation marks excluded), "
        "span_start/span_end and sentence. Offsets are Unicode code point offsets into "
        "the original text, end exclusive. start..end is the content without quotation "
        "marks: a statement interrupted by its attribution (\"A,\" she said. \"B.\") is "
        "one record from A's first word to B's last, with one part for each. "
        "span_start..span_end is the span as PolNeAR annotates it (a direct quotation "
        "with its marks, a partial one with the writer's clause around it). --format text "
        "prints a table: offsets, kind, speaker [as written] <cue> and the "
        "content.\n\nDirect quotations are found in every quotation-mark style news uses: "
        "straight and typographic double quotes, British single quotes, guillemets, "
        "German marks, nested quotes, a quotation broken across a line, and the newspaper "
        "convention of a multi-paragraph quotation whose paragraphs only open; mismatched "
        "and unbalanced marks never run past their paragraph. Partial quotations are a "
        "few quoted words inside the writer's sentence (calling them \"ultimatums\"); "
        "scare quotes with no reporting cue and titles (the song \"American Pie\") are "
        "the writer's words, not attributions. Reported speech: \"X said that ...\", "
        "\"according to X, ...\", \"X told reporters ...\", \"is expected to ...\". "
        "Headlines (\"Pence Endorses Paul Ryan\", \"Poll: ...\") and embedded "
        "social-media posts signed \"- Name (@handle) date\" are attributions too. "
        "After the rules, a cue detector learnt from the PolNeAR train split (an "
        "averaged perceptron over the words around, built in) adds reported speech "
        "whose cue is no verb of speech (\"wants\", \"supports\", \"questions "
        "about\") with its content and source.\n\nThe "
        "speaker is found around the cue (before, after, inverted \"said Mr Smith\", a "
        "line ending in a colon before the quotation, carried over to a quotation alone "
        "in the next paragraph, or the person the paragraph before is about) and resolved "
        "through the article's earlier mentions: pronouns to the subject before them, "
        "roles (\"the Ukrainian president\") to the person who carried that title, "
        "surnames and titles (\"Mr Macron\", \"Sir Keir\") to the fullest name the "
        "article gives. A speaker is a person or an organisation the article names: the "
        "head of the source's noun phrase (\"Biden administration officials\" name no "
        "one), never a word that opens the sentence, a Title Case headline's common word, "
        "an acronym the article neither spells out nor makes the subject of a reporting "
        "verb, a label before a colon that it never names elsewhere, nor a place a "
        "pronoun would point to.",
        jsonl_text, quotes_options, 0,
        "parallax quotes --format text examples/story  # a table: offsets, kind, speaker, cue, content",
    },
    [CLI_VERB_dates] = {
        "dates", "time expressions resolved to calendar dates",
        {"dates [--format jsonl|text] [--ref YYYY-MM-DD] [--story|--no-story] [-o FILE] "
         "[--strict] [--quiet] INPUT..."},
        "Finds time expressions (TimeML DATE, TIME, DURATION, SET) and resolves them: "
        "\"on Thursday\" -> 2025-05-15, \"last week\" -> 2025-W19, \"since March 2022\" "
        "-> 2022-03, \"30 days\" -> P30D, \"every week\" -> P1W, \"now\" -> PRESENT_REF, "
        "\"two years ago\" -> 2023.\n\nEach article is resolved against its reference "
        "date, and the output says where it came from: the article's own date (metadata, "
        "front matter, dateline), else the date of a social-media post it embeds "
        "(embedded post), else the story's (story), else none (values then keep "
        "placeholders: XXXX-WXX-4 for \"Thursday\"); --ref imposes one (given). Weekdays "
        "follow the tense around them (\"said on Sunday\" is the last Sunday, \"will meet "
        "on Thursday\" the next). An embedded post is resolved against its own date, and "
        "\"today\" inside a quotation counts from when the words were said, when that is "
        "known. Expressions that point back at the story's own timeline (\"the following "
        "year\", \"that day\") count from the last date the article named.\n\nInputs "
        "given together are one story when there are at most 32 articles (or always with "
        "--story; never with --no-story): an article without a date of its own takes the "
        "median of the dates the other articles state. Larger runs stream, each article "
        "on its own.\n\nJSONL output, one object per expression: doc, start, end (code "
        "points into the original input, end exclusive), text, type, value, sentence, ref "
        "(the reference date used, or null) and ref_origin (given, metadata, front "
        "matter, dateline, embedded post, story, none). --format text prints one line per "
        "expression under a \"== doc (reference DATE, origin)\" header.",
        jsonl_text, dates_options, 0,
        "parallax dates --format text examples/story  # each article's reference date and expressions",
    },
    [CLI_VERB_stories] = {
        "stories", "group articles into duplicate families and stories",
        {"stories [--format jsonl|text] [-o FILE] [OPTIONS] INPUT...",
         "stories [--format jsonl|text] [-o FILE] DB"},
        "Groups articles into near-duplicate families and stories over the whole input; "
        "no number of clusters is chosen, and the stories do not depend on the order of "
        "the input. With a SQLite corpus (a file starting 'SQLite format 3' or named "
        "*.db) it lists the corpus's stories instead (read only).\n\nExact duplicates "
        "(the same case-folded words) are found first by hash and reuse their original's "
        "features. "
        "Near-duplicates: MinHash over word shingles with LSH banding (the method of "
        "datasketch and text-dedup, with the same knobs), every candidate verified by its "
        "Jaccard before it counts; in input order an article joins the family of its "
        "closest verified match among the families' first articles, so a family is a star "
        "around its first article and a chain of weak links never merges families. "
        "Stories: TF-IDF over stemmed words, names, numbers and places (the headline and "
        "lead counting more) with document frequencies over the whole input, and "
        "average-linkage clustering: two stories merge while the mean cosine of their "
        "articles' pairs reaches the story threshold, which keeps a look-alike event (the "
        "same kind of thing happening elsewhere) apart; stories whose dates lie more than "
        "two months apart are held apart unless near-duplicates join them. See "
        "docs/stories.md.\n\njsonl: one object per document: "
        "doc, story (a number shared by the story's documents, by first appearance), "
        "duplicate_of (id of the family's first document, or null), near_duplicates (ids "
        "of the earlier documents verified as its near-duplicates). text: each story with "
        "its headline, outlets and documents, copies marked. A progress line is shown on "
        "standard error when it is a terminal.",
        jsonl_text, stories_options, 0,
        "parallax stories --format text crawl/  # each story with its outlets and copies",
    },
    [CLI_VERB_brief] = {
        "brief", "a short summary whose sentences name their sources",
        {"brief [--words N | --sentences N] [--format text|jsonl|md] [-o FILE] [--strict] "
         "[--quiet] INPUT..."},
        "Summarises every input article, taken together as one story: whole sentences "
        "that cover what most outlets report (stemmed word pairs weighted by the number "
        "of articles that carry them, as ICSISumm), none saying the same thing twice, in "
        "reading order (by date where every date is known, else by where the sources tell "
        "it).\n\nNever chosen: headlines, captions, headings, embedded posts, "
        "boilerplate; sentences under 8 words or over 60, questions, sentences without a "
        "final full stop or mostly quotation; dangling openings (\"But\", \"However\", "
        "\"He added that ...\"). A sentence opening with a pronoun is kept only when the "
        "sentence before names its subject, which then replaces the pronoun. A document "
        "carries a sentence when two consecutive sentences of it hold 40% of the "
        "sentence's content words (weighted by idf); the chosen document comes first.",
        brief_formats, brief_options, 0,
        "parallax brief --words 60 examples/story  # about 60 words, one sentence a line",
    },
    [CLI_VERB_add] = {
        "add", "add articles to a SQLite corpus (parallax.db)",
        {"add [DB] [--quiet] [--strict] [INPUT...]"},
        "Adds articles to the SQLite corpus DB (default parallax.db; a first argument "
        "ending in .db or naming an SQLite file is taken as DB), then repairs the "
        "stories: the stored features of every article are grouped again as 'parallax "
        "stories' groups an input, so a corpus built in any number of adds tells exactly "
        "the stories of one 'stories' run over the same articles. Articles whose id is "
        "already stored are skipped. Each article is committed whole with a provisional "
        "story, so an interrupted add keeps everything committed and no half article; "
        "the next add (or 'parallax add DB' with no input) repairs the stories. Two adds "
        "at once wait for each other. A file that is not a parallax corpus is refused, "
        "never written.\n\n'parallax stories DB' lists the corpus's stories (--format "
        "text) or every article's assignment (jsonl); 'parallax show DB STORY' prints one "
        "story. The file holds the tables meta (the corpus's options), stories, articles "
        "(id, file, source, url, date, headline, normalised text, story, duplicate_of, "
        "and the article's features) and links (verified near-duplicate pairs); see "
        "docs/corpus.md.",
        NULL, add_options, 0,
        "parallax add news.db crawl/2025-05-14/  # store and place in stories\n"
        "parallax add news.db crawl/2025-05-15/  # the next day joins the same stories",
    },
    [CLI_VERB_show] = {
        "show", "print one story of a SQLite corpus",
        {"show [--format text|jsonl] [--full] [-o FILE] [DB] STORY"},
        "Prints story STORY (the number 'parallax stories DB' lists) of the SQLite corpus "
        "DB (default parallax.db, as for add): its articles in order of arrival with source, date, headline and the article "
        "each copies (duplicate_of).",
        text_jsonl, show_options, 2,
        "parallax show news.db 3  # story 3: outlets, dates, headlines, copies\n"
        "parallax show --format jsonl news.db 3 | parallax report --story -  # its report",
    },
};

const char *const cli_main_synopsis[] = {
    "VERB [OPTIONS] INPUT...",
    "--help | --version | help VERB",
    NULL,
};

const char cli_main_summary[] = "one news story through every outlet that covered it";

const char cli_main_description[] =
        "parallax shows one news story through every outlet that covered it. Give it the "
        "articles of a story (or a whole crawl) and it tells you, offline: which articles "
        "tell the same story and which are copies of one another; who said what, and how "
        "each outlet quoted the same statement; what the outlets agree on, what only one "
        "reports, and where they contradict each other; when things happened, with \"on "
        "Thursday\" resolved to a date; and a short brief in which every sentence names "
        "its sources.\n\nEvery verb reads INPUT: any mix of files, folders (read "
        "recursively, in name order) and - for standard input, and writes JSON Lines or "
        "text (report: Markdown, HTML or JSON). The same work is available from C "
        "(parallax.h, pkg-config parallax) and Python (import parallax).";

const cli_section cli_main_sections[] = {
    {"Input formats",
        "Plain text (.txt, or anything not recognised below): one article a file, with "
        "optional front matter (title:, source:, date:, url: lines, then a blank line); "
        "without it parallax finds the headline, date, standfirst, headings, captions, "
        "boilerplate, embedded posts and signature itself.\nJSON Lines (.jsonl, .json, "
        ".ndjson, or - when the input starts with '{'): one article a line, {\"id\": ..., "
        "\"text\": ...} with optional title or headline, source, url, date; parallax's "
        "own records are read back too (doc is taken as the id). A record without id is "
        "named FILE:LINE.\nHTML (.html, .htm, .xhtml): a saved news page; headline from <h1> or "
        "og:title, outlet from og:site_name, date from article:published_time, the body "
        "from <article> or the element with the most paragraph text, without navigation, "
        "asides and footers.\nWARC (.warc, or an input that starts with WARC/): a web "
        "crawl such as CC-NEWS, one article per response record whose HTTP payload is "
        "HTML (chunked and gzip-coded bodies undone), its WARC-Target-URI as url and its "
        "WARC-Date as the date when the page gives none; other records are counted in a "
        "note. Its documents are named FILE:RECORD.\nTREC/DUC SGML (a file that starts "
        "with <DOC>): one article a <DOC>, entities such as &amp; decoded.\nTimeML (.tml, "
        "or a file that starts with <TimeML> after its XML declaration: TimeBank, "
        "AQUAINT, TempEval): one article a file, its DOCID as id, the creation time of "
        "<DCT> as its date, <TITLE> as headline and <TEXT> without its annotations.\nAny of these may be gzipped (found by gzip's "
        "magic bytes, whatever the name: .txt.gz, .html.gz, .warc.gz, .jsonl.gz, on "
        "standard input too). Text may be UTF-8 (a byte order mark is dropped), UTF-16 "
        "with a byte order mark, or a legacy encoding that a page (<meta charset>, "
        "http-equiv, <?xml encoding>) or a WARC record's HTTP header declares, converted "
        "with iconv. Hard-wrapped text (newswire, e-mail: lines of about one width, line "
        "breaks inside sentences) is joined into its paragraphs. A folder is read in name "
        "order, each folder and file once however many symbolic links lead to it; a file "
        "of another kind is named in a note.\nThe document id is the file name without "
        "folder, .gz and extension, the JSON id, the SGML DOCNO or the TimeML DOCID; an "
        "id met again is renamed ID~2, ID~3 (with a warning when the data gives it twice, a "
        "note when files of one name lie in different folders)."},
    {"Offsets",
        "Every offset parallax prints is a Unicode code point offset into the original "
        "text, end exclusive: into the file for text, into the text field for JSON Lines, "
        "into the extracted text (headline line first, one paragraph a line) for HTML, "
        "SGML and TimeML; after a UTF-8 byte order mark for text."},
    {"Bad input",
        "Problems are reported on standard error as 'parallax: FILE:LINE: warning|error: "
        "reason [doc ID]' and the run goes on: invalid UTF-8 is repaired (warning), "
        "binary and empty files are skipped (error), a malformed JSON line is skipped "
        "(error), documents over 64 MiB are truncated and lines over 1 MB split "
        "(warning), a damaged WARC record is skipped with its number and byte offset "
        "(error); a note (files of other kinds, WARC records that are no article, a file "
        "name met again) is no problem. --strict stops at the "
        "first problem, --quiet does not print them. Every input document appears in the "
        "output or in a message."},
    {"Exit status",
        "0 ok, 1 input problems were reported (or a fatal error), 2 usage error."},
    {"Files",
        "share/parallax/schema/*.schema.json: JSON Schemas of every JSON output (read, "
        "quotes, dates, stories, brief, show, report)."},
    {NULL, NULL},
};
