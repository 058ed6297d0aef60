/*
 * parallax.h - the public API of libparallax.
 *
 * parallax shows one news story through every outlet that covered it:
 * which articles are copies of one another, who said what and how each
 * outlet quoted it, what outlets agree on or contradict, when things
 * happened, and a brief whose sentences name their sources.
 *
 * The pipeline, one folder of src/ per stage:
 *   read -> text -> quotes / entities / dates -> group -> compare -> report
 *                                                   \-> store (SQLite)
 *
 * Conventions used throughout this header:
 *  - Functions return a px_status (0 or a negative PX_E* code) and hand
 *    results back through out-parameters.
 *  - Every *_free() accepts NULL.
 *  - "Borrowed" results stay valid until the object they come from is
 *    freed; "caller frees" results are released with the named function.
 *  - Offsets inside a px_doc are byte offsets into px_doc_text(); use
 *    px_doc_char_offset() to turn one into the code-point offset into the
 *    original input that parallax prints.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PX_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

#define PX_ERRNO_MAP(XX)                                   \
    XX(NOMEM, -1, "out of memory")                         \
    XX(IO, -2, "input/output error")                       \
    XX(BADINPUT, -3, "malformed input")                    \
    XX(USAGE, -4, "invalid argument")                      \
    XX(NOTFOUND, -5, "not found")                          \
    XX(DB, -6, "database error")                           \
    XX(TOOBIG, -7, "input too large")                      \
    XX(INTERRUPTED, -8, "interrupted")

typedef enum px_status {
    PX_OK = 0,
#define PX__ERRNO_ENUM(name, value, msg) PX_E##name = value,
    PX_ERRNO_MAP(PX__ERRNO_ENUM)
#undef PX__ERRNO_ENUM
} px_status;

/* A static message for a status code; never NULL. */
const char *px_strerror(int status);

/* The library version, PX_VERSION. */
const char *px_version(void);

/* A borrowed view of text; not NUL-terminated. */
typedef struct px_str {
    const char *ptr;
    size_t len;
} px_str;

/* ------------------------------------------------------------------ */
/* Diagnostics: bad input is data, reported and counted, not a crash.  */
/* ------------------------------------------------------------------ */

typedef enum px_severity {
    PX_SEV_NOTE = 0,    /* nothing wrong: what was passed over and why
                         * (e.g. the request records of a WARC file) */
    PX_SEV_WARNING = 1, /* the document was read, with a repair */
    PX_SEV_ERROR = 2    /* the document (or record) was skipped */
} px_severity;

typedef struct px_diag {
    px_severity severity;
    const char *file;    /* path as given, "-" for standard input, or NULL
                            for a message about the whole run */
    size_t line;         /* 1-based line, 0 when not line-related */
    const char *doc;     /* document id when known, else NULL */
    const char *message; /* one line, no trailing newline */
} px_diag;

/* Called for each diagnostic; all pointers are borrowed for the call. */
typedef void (*px_diag_fn)(void *userdata, const px_diag *diag);

/* ------------------------------------------------------------------ */
/* Documents                                                           */
/* ------------------------------------------------------------------ */

typedef struct px_doc px_doc;

/* Paragraph-level blocks of an article, in reading order. */
#define PX_BLOCK_KIND_MAP(XX)         \
    XX(BODY, "body")                  \
    XX(HEADLINE, "headline")          \
    XX(STANDFIRST, "standfirst")      \
    XX(HEADING, "heading")            \
    XX(CAPTION, "caption")            \
    XX(BOILERPLATE, "boilerplate")    \
    XX(EMBED, "embed")                \
    XX(SIGNATURE, "signature")        \
    XX(DATELINE, "dateline")          \
    XX(META, "meta")

typedef enum px_block_kind {
#define PX__BLOCK_ENUM(name, str) PX_BLOCK_##name,
    PX_BLOCK_KIND_MAP(PX__BLOCK_ENUM)
#undef PX__BLOCK_ENUM
        PX_BLOCK__COUNT
} px_block_kind;

/* "body", "heading", ...; never NULL. */
const char *px_block_kind_name(px_block_kind kind);

typedef struct px_block {
    size_t start, end; /* byte offsets into px_doc_text(), end exclusive */
    px_block_kind kind;
    size_t first_sentence; /* index into px_doc_sentences() */
    size_t n_sentences;
} px_block;

typedef struct px_sentence {
    size_t start, end; /* byte offsets, end exclusive */
    size_t block;      /* index into px_doc_blocks() */
    size_t first_token, n_tokens;
} px_sentence;

typedef enum px_token_kind {
    PX_TOK_WORD = 1,   /* letters, digits inside, apostrophes, hyphens */
    PX_TOK_NUMBER,     /* 30, 3.5, 1,000, 30-day starts as NUMBER */
    PX_TOK_PUNCT,      /* . , ; : ! ? ( ) and the like */
    PX_TOK_QUOTE,      /* a quotation mark of any style */
    PX_TOK_DASH,       /* - -- – — used as punctuation */
    PX_TOK_SYMBOL      /* anything else: $ % & @ # ... */
} px_token_kind;

/* px_token.flags */
#define PX_TF_CAP 0x0001u        /* first letter upper case */
#define PX_TF_ALLCAPS 0x0002u    /* two or more letters, all upper case */
#define PX_TF_DIGIT 0x0004u      /* contains a digit */
#define PX_TF_ABBREV 0x0008u     /* word that keeps its final full stop */
#define PX_TF_QOPEN 0x0010u      /* quote that can only open */
#define PX_TF_QCLOSE 0x0020u     /* quote that can only close */
#define PX_TF_QSINGLE 0x0040u    /* single quotation mark (or apostrophe) */
#define PX_TF_SENT_START 0x0080u /* first token of its sentence */
#define PX_TF_HANDLE 0x0100u     /* @handle */
#define PX_TF_URL 0x0200u        /* URL or domain */
#define PX_TF_NL_BEFORE 0x0400u  /* a line break precedes the token */
#define PX_TF_SPACE_BEFORE 0x0800u /* white space precedes the token */

typedef struct px_token {
    uint32_t start, end; /* byte offsets, end exclusive */
    uint16_t kind;       /* px_token_kind */
    uint16_t flags;      /* PX_TF_* */
} px_token;

/* Metadata handed to px_doc_new(); every field optional (NULL). */
typedef struct px_doc_meta {
    const char *id;     /* document id; required */
    const char *file;   /* where it came from, for messages */
    const char *title;  /* headline known from metadata */
    const char *source; /* outlet */
    const char *url;
    const char *date;   /* ISO date (YYYY-MM-DD...), as given */
    const char *standfirst; /* standfirst known from markup */
    const char *author; /* authors, several joined by ", " */
    const char *lang;   /* language tag ("en", "de-CH"); NULL: guessed from the text */
} px_doc_meta;

/* Analyses an article held in memory: repairs invalid UTF-8 (reported
 * through on_diag), normalises (NFC, line breaks, spaces), finds the
 * structure (headline, standfirst, blocks), sentences and tokens.
 * text need not be NUL-terminated. When structure is nonzero, leading
 * front matter and headline/standfirst/heading/caption lines are
 * detected; otherwise every paragraph is body text.
 * *out: caller frees with px_doc_free(). */
int px_doc_new(px_doc **out, const char *text, size_t len,
               const px_doc_meta *meta, int structure, px_diag_fn on_diag,
               void *diag_userdata);
void px_doc_free(px_doc *doc);

/* Borrowed; valid until px_doc_free(). Strings may be NULL when unknown. */
const char *px_doc_id(const px_doc *doc);
const char *px_doc_file(const px_doc *doc);
const char *px_doc_source(const px_doc *doc);
const char *px_doc_url(const px_doc *doc);
const char *px_doc_date(const px_doc *doc);      /* YYYY-MM-DD or NULL */
const char *px_doc_headline(const px_doc *doc);  /* NULL when none */
const char *px_doc_standfirst(const px_doc *doc);
/* The authors, several joined by ", " ("Jane Doe, John Roe"); NULL when
 * none is known. Borrowed; valid until px_doc_free(). */
const char *px_doc_author(const px_doc *doc);
/* The document's language as an ISO 639-1 code ("en", "de", "zh"): from
 * the metadata (px_doc_meta.lang, <html lang>), checked against the
 * text, else guessed from the text's stop words and script; "und" when
 * the text is too short or unlike any language known. parallax's
 * quotation and date rules are English. Borrowed, never NULL; valid
 * until px_doc_free(). */
const char *px_doc_lang(const px_doc *doc);
/* The normalised text; NUL-terminated. */
px_str px_doc_text(const px_doc *doc);
const px_block *px_doc_blocks(const px_doc *doc, size_t *n);
const px_sentence *px_doc_sentences(const px_doc *doc, size_t *n);
const px_token *px_doc_tokens(const px_doc *doc, size_t *n);
/* The code-point offset into the original input for a byte offset of
 * px_doc_text() (0 <= byte <= text length). */
size_t px_doc_char_offset(const px_doc *doc, size_t byte);
/* The number of code points of the original input. */
size_t px_doc_char_length(const px_doc *doc);

/* Writes doc as one line of JSON, the record 'parallax read' prints: doc,
 * file, source, date, url, headline, standfirst (null when unknown),
 * chars, and blocks (start, end, kind, text, sentences with start and
 * end; code points into the original input, end exclusive). Returns 0 or
 * PX_EIO. */
int px_doc_write_jsonl(FILE *f, const px_doc *doc);

/* ------------------------------------------------------------------ */
/* Reading inputs: files, folders (recursively), "-" for stdin.        */
/* ------------------------------------------------------------------ */

typedef enum px_format {
    PX_FORMAT_AUTO = 0, /* by extension; stdin sniffed */
    PX_FORMAT_TEXT,     /* .txt: one article */
    PX_FORMAT_JSONL,    /* .jsonl: one article a line */
    PX_FORMAT_HTML,     /* .html/.htm/.xhtml: a saved page */
    PX_FORMAT_WARC      /* .warc: a web crawl, one article per HTML response */
} px_format;

typedef struct px_read_options {
    px_diag_fn on_diag; /* NULL: diagnostics are only counted */
    void *diag_userdata;
    px_format format;   /* forced input format, or AUTO */
    size_t max_bytes;   /* documents longer are truncated (0: 64 MiB) */
} px_read_options;

typedef struct px_reader px_reader;

int px_reader_new(px_reader **out, const px_read_options *opt);
/* Queues a path: a file, a folder (its .txt, .jsonl, .html, .htm,
 * .xhtml, .warc, .sgml and extension-less or numbered files, each also
 * gzipped as NAME.gz, recursively, in name order, each folder and file
 * once however many symbolic links lead to it; every other file is named
 * in a note) or "-". gzip data is recognised by its magic bytes
 * whatever the name; standard input is sniffed (JSON Lines, HTML, WARC,
 * else text). Problems with the path are reported when it is reached. */
int px_reader_add(px_reader *r, const char *path);
/* Queues an input held in memory, after the inputs queued so far: len
 * bytes of data (copied), read as a file of that format (AUTO: sniffed
 * from the first byte, as for stdin) and named name in diagnostics and
 * in the ids of its documents (a plain text's id is name without its
 * extension; a JSONL record without an id is "name:LINE"). */
int px_reader_add_buffer(px_reader *r, const char *name, const char *data, size_t len,
                         px_format format);
/* Reads the next document: returns 1 and sets *out (caller frees with
 * px_doc_free), 0 at the end, or a negative status on a fatal error
 * (out of memory). Unreadable files and bad records are reported through
 * on_diag and skipped. */
int px_reader_next(px_reader *r, px_doc **out);
/* Counters so far. */
size_t px_reader_n_docs(const px_reader *r);
size_t px_reader_n_warnings(const px_reader *r);
size_t px_reader_n_errors(const px_reader *r);
size_t px_reader_bytes(const px_reader *r); /* input bytes consumed */
void px_reader_free(px_reader *r);

/* ==== quotes: who said what (src/quote) ============================ */

/* direct: the content is a quotation ("A," she said); partial: a few
 * quoted words inside the writer's clause (calling them "ultimatums");
 * indirect: reported speech (X said that ...); embedded: the text of a
 * quoted social-media post signed "- Name (@handle) date". */
typedef enum px_quote_kind {
    PX_QUOTE_DIRECT,
    PX_QUOTE_PARTIAL,
    PX_QUOTE_INDIRECT,
    PX_QUOTE_EMBEDDED
} px_quote_kind;

typedef struct px_quote_part {
    size_t start, end; /* byte offsets in px_doc_text(), marks excluded */
} px_quote_part;

typedef struct px_quote {
    px_quote_kind kind;
    size_t start, end; /* content span, byte offsets, marks excluded */
    const px_quote_part *parts; /* quoted segments (>= 1 for direct) */
    size_t n_parts;
    const char *speaker; /* resolved canonical name, NULL when unknown */
    size_t speaker_start, speaker_end; /* speaker span as written (equal when none) */
    size_t cue_start, cue_end;         /* cue span (equal when none) */
    size_t sentence; /* index of the sentence where the content starts */
    /* The content as PolNeAR annotates it: a direct quotation with its
     * quotation marks (from the first part's opening mark to the last
     * part's closing mark), a partial or indirect one as the clause. */
    size_t span_start, span_end;
    /* Who the speaker is, the same for one person across the documents
     * of a run: "zelenski" for "Zelensky" here and "Volodymyr Zelenskyy"
     * there (see px_speakers). px_quotes_find() gives ids for the
     * document alone; px_speakers_assign() gives the run's. NULL when
     * speaker is. */
    const char *speaker_id;
} px_quote;

/* Finds the attributions of a document, in text order. *out is borrowed:
 * valid until px_doc_free (allocated in the doc's arena); calling twice
 * returns the cached result. Returns 0 or PX_ENOMEM. */
int px_quotes_find(px_doc *doc, const px_quote **out, size_t *n);

/* "direct", "partial", "indirect", "embedded"; never NULL. */
const char *px_quote_kind_name(px_quote_kind kind);

/* ---- speakers: one identity per person across the documents of a run */

/* A run's speaker identities. The id of a speaker is the key of its
 * surname ("trump" for "Trump", "Donald Trump", "Donald J. Trump",
 * "President Trump", "Mr. Trump"), folded as entity names are (case,
 * diacritics, Cyrillic and Greek transliterated, y as i, doubled letters
 * single: "Zelensky", "Zelenskyy", "Зеленський" -> "zelenski"); an
 * organisation's is the key of its whole name ("associatedpress"). A
 * second person with the same surname and another first name gets the
 * first name too ("trump-melania"); a surname alone is the first person
 * of the run with that surname. The ids depend on the names only, not on
 * threads, and not on the order of the documents unless two people of
 * the run share a surname. Not thread-safe: one run, one thread (or a
 * lock). */
typedef struct px_speakers px_speakers;

/* *out: caller frees with px_speakers_free(). Returns 0 or PX_ENOMEM. */
int px_speakers_new(px_speakers **out);
void px_speakers_free(px_speakers *s);
/* The id of the speaker called `name` (a resolved name, as px_quote's
 * speaker), registering it; borrowed, valid until px_speakers_free().
 * NULL when out of memory. */
const char *px_speakers_id(px_speakers *s, const char *name);
/* The same for a name known to be no person's (an organisation, a
 * place: the key of the whole name, "rudnagora"). */
const char *px_speakers_org_id(px_speakers *s, const char *name);
/* Sets the speaker_id of every attribution of doc to the run's id
 * (finding the attributions first when needed); call it for the
 * documents in input order. The ids live in the doc's arena. Returns 0
 * or PX_ENOMEM. */
int px_speakers_assign(px_speakers *s, px_doc *doc);

/* Output formats of px_quotes_write(). */
typedef enum px_quotes_format {
    PX_QUOTES_JSONL = 0, /* one JSON object per attribution */
    PX_QUOTES_TEXT       /* a readable table */
} px_quotes_format;

/* px_quotes_write() flags */
/* Print start/end (and text) as PolNeAR annotates content: a direct
 * quotation with its quotation marks, a partial one with the writer's
 * clause around it. By default start/end exclude the marks (the
 * issue's convention) and span_start/span_end carry the PolNeAR span. */
#define PX_QUOTES_POLNEAR_SPANS 0x1u

/* Writes the attributions of doc to f (finding them first when needed).
 * JSONL objects: doc, start, end, text, kind, speaker, speaker_id, speaker_text,
 * speaker_start, speaker_end, cue, cue_start, cue_end, parts, sentence;
 * offsets are code points into the original input, end exclusive.
 * Returns 0, PX_ENOMEM or PX_EIO. */
int px_quotes_write(FILE *f, px_doc *doc, px_quotes_format format, unsigned flags);


/* ==== entities: people, places, organisations (src/entity) ========= */

/* The people, places and organisations of a story, found in the articles
 * themselves (capitalised names, titles and roles written before them,
 * appositions, "the Ukrainian president") and in the Debian iso-codes
 * gazetteer, with the name variants of each grouped: "Volodymyr
 * Zelensky", "Zelenskyy", "Mr Zelensky", "Володимир Зеленський";
 * "Turkey", "Türkiye", "Turkiye". Two different full names that share one
 * part ("Donald Trump", "Donald Tusk") are never grouped. */

typedef enum px_entity_type {
    PX_ENTITY_PERSON = 1,
    PX_ENTITY_PLACE,
    PX_ENTITY_ORG,
    PX_ENTITY_OTHER
} px_entity_type;

/* "person", "place", "organisation", "other"; never NULL. */
const char *px_entity_type_name(px_entity_type type);

typedef struct px_mention {
    size_t doc;        /* index into the documents given */
    size_t start, end; /* byte offsets of the mention as written, title included */
    size_t sentence;   /* index into px_doc_sentences() of that document */
    const char *text;  /* as written: "Former U.S. President Donald Trump" */
    const char *title; /* title or role written with the name ("Former U.S.
                        * President", "defence analyst"), or NULL */
    int metonymy;      /* 1: a capital standing for its country ("Moscow expects") */
} px_mention;

typedef struct px_entity {
    const char *name; /* the fullest name the outlets write most often */
    px_entity_type type;
    const char *const *aliases; /* distinct written forms, most frequent first */
    size_t n_aliases;
    const px_mention *mentions; /* by document, then position */
    size_t n_mentions;
    size_t n_docs;           /* documents that mention it */
    const char *place;       /* the iso-codes name of a known place, else NULL */
} px_entity;

typedef struct px_entities px_entities;

/* Finds and groups the entities of docs[0..n_docs) (one story).
 * *out: caller frees with px_entities_free(). */
int px_entities_find(px_entities **out, px_doc *const *docs, size_t n_docs);
/* The entities, most widely mentioned first; borrowed, valid until
 * px_entities_free(). */
const px_entity *px_entities_list(const px_entities *e, size_t *n);
/* The entity a mention at [start, end) of document doc belongs to, or -1. */
ptrdiff_t px_entities_at(const px_entities *e, size_t doc, size_t start, size_t end);
/* The person entity a speaker name as written refers to in document doc
 * ("Mr Zelensky", "the Russian leader"), or -1. */
ptrdiff_t px_entities_lookup(const px_entities *e, size_t doc, const char *name);
/* The same, for a name written at byte offset `at`: when two people share
 * the surname, the one mentioned last before `at` in that document. */
ptrdiff_t px_entities_lookup_near(const px_entities *e, size_t doc, size_t at, const char *name);
void px_entities_free(px_entities *e);

/* ==== dates: time expressions (src/date) =========================== */

/* Time expressions as TimeML's TIMEX3 defines them: a DATE ("Thursday",
 * "last week", "March 2022"), a TIME ("5 p.m.", "Sunday morning"), a
 * DURATION ("30 days") or a SET ("every week"). */
typedef enum px_timex_type {
    PX_TIMEX_DATE,
    PX_TIMEX_TIME,
    PX_TIMEX_DURATION,
    PX_TIMEX_SET
} px_timex_type;

typedef struct px_timex {
    size_t start, end;  /* byte offsets in px_doc_text(), end exclusive */
    px_timex_type type;
    /* TimeML value: "2025-05-15", "2025-W20", "2025-05", "2025-Q3",
     * "P30D", "PT2H", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
     * "XXXX-WXX-4" (a Thursday, reference date unknown), "XXXX-XX-XX" */
    const char *value;
    size_t sentence;    /* index into px_doc_sentences() */
} px_timex;

/* Finds the time expressions of doc and resolves them against a
 * reference date: ref ("YYYY-MM-DD"), or when ref is NULL the document's
 * own date (metadata, dateline), else one inferred from its text (the
 * date of an embedded post), else one chosen by px_dates_anchor_story(),
 * else none (values then keep X placeholders: "XXXX-WXX-4").
 * *out: borrowed, in the doc's arena, valid until px_doc_free(); cached
 * per document and reference. Returns 0, PX_EUSAGE (malformed ref) or
 * PX_ENOMEM. */
int px_dates_find(px_doc *doc, const char *ref, const px_timex **out, size_t *n);

/* "DATE", "TIME", "DURATION", "SET"; never NULL. */
const char *px_timex_type_name(px_timex_type t);

/* The reference date px_dates_find() used for doc ("YYYY-MM-DD",
 * borrowed) and, through origin, where it came from: "given",
 * "metadata", "front matter", "dateline", "embedded post", "story" or
 * "none" (static strings). NULL when no date was known or px_dates_find()
 * has not run. */
const char *px_dates_reference(px_doc *doc, const char **origin);

/* Story-level anchoring: given the documents of one story, chooses a
 * reference date for each document that has none of its own (no
 * metadata date, dateline or dated embedded post): the median of the
 * dates the other articles state (publication dates first, embedded
 * posts otherwise). Those documents then report origin "story".
 * Documents that have a date keep it. Returns 0 or PX_ENOMEM. */
int px_dates_anchor_story(px_doc *const *docs, size_t n);

/* Writes one JSON object a line for each expression of doc (after
 * px_dates_find(doc, ref, ...)): doc, start, end (code points into the
 * original input), text, type, value, sentence, ref, ref_origin.
 * Returns 0, PX_EIO or PX_ENOMEM. */
int px_dates_write_jsonl(FILE *f, px_doc *doc, const char *ref);



/* ==== group: near-duplicates and stories (src/group) =============== */

/* Near-duplicates: MinHash over word shingles with LSH banding (the
 * method of datasketch and text-dedup, same knobs); every LSH candidate
 * is verified by its Jaccard (exact on the shingle sets, or estimated on
 * the signatures past a memory budget), and a document joins the family
 * of its closest verified match among the families' first articles, so a
 * chain of weak links never merges unrelated articles. Exact duplicates
 * (same case-folded words) are found first by hash and reuse their
 * original's features.
 * Stories: average-linkage clustering of TF-IDF vectors (stemmed terms,
 * names, numbers and places, headline and lead weighted up) with document
 * frequencies over the whole input; two stories merge while the mean
 * cosine of their articles' pairs reaches story_threshold, and stories
 * whose publication dates lie far apart are held apart unless they share
 * near-duplicates. No number of clusters to choose, and the stories of
 * an input do not depend on the order of its articles. */

typedef struct px_group_options {
    double dup_threshold;   /* Jaccard, default 0.5 (0 -> default) */
    int shingle;            /* words, default 5 */
    int num_perm;           /* default 128 */
    double story_threshold; /* mean cosine to merge stories, 0 -> default
                             * (PX_STORY_THRESHOLD) */
    int threads;            /* 0 -> all cores */
} px_group_options;

/* learnt on ECB+ dev by bench/group/tune.py */
#define PX_STORY_THRESHOLD 0.2

/* Groups n documents held in memory (borrowed): story[i] receives a
 * story number (0-based, dense, numbered by first appearance), dup_of[i]
 * the index of the first document of i's near-duplicate family or -1.
 * opt may be NULL. Either output array may be NULL. */
int px_group_docs(px_doc *const *docs, size_t n, const px_group_options *opt, size_t *story,
                  ptrdiff_t *dup_of);

/* The LSH banding datasketch chooses for a Jaccard threshold: the bands b
 * and rows r (b * r <= num_perm) minimising the false positive plus the
 * false negative probability mass at the threshold (equal weights). */
void px_lsh_params(double threshold, int num_perm, int *bands, int *rows);

/* What grouping decided for one document. */
typedef struct px_group_assign {
    size_t index;         /* 0-based, in the order documents were added */
    size_t story;         /* dense story number, by first appearance */
    ptrdiff_t dup_of;     /* first document of the family, or -1 */
    int exact;            /* 1: same words as an earlier document */
    int new_story;        /* 1: the first document of its story */
    double dup_jaccard;   /* Jaccard with dup_of, or 0 */
    /* the earlier documents verified as near-duplicates of this one
     * (Jaccard at least dup_threshold) or with the same words, ascending;
     * borrowed, valid until the next call. Near-duplication is not
     * transitive: a family (same dup_of) holds documents close to its
     * first one, not necessarily to each other; these links are the
     * pairs. */
    const size_t *near;
    size_t n_near;
} px_group_assign;

typedef struct px_grouper px_grouper;

/* The grouper of a whole input: documents are added one by one (their
 * features computed by worker threads while the caller reads on, the
 * documents then freed: memory holds features, not text), then
 * px_grouper_run groups everything added. *out: caller frees with
 * px_grouper_free(). */
int px_grouper_new(px_grouper **out, const px_group_options *opt);
/* Adds a document; takes ownership (also on failure). Returns 0 or the
 * first error so far. */
int px_grouper_add(px_grouper *g, px_doc *doc);
/* Groups every document added (families and stories). Once: the
 * features become the story vectors, and no document can be added
 * afterwards (PX_EUSAGE). */
int px_grouper_run(px_grouper *g);
/* After px_grouper_run: the assignment of document i (0-based, in the
 * order added). Returns PX_EUSAGE for an index out of range. */
int px_grouper_assign(px_grouper *g, size_t i, px_group_assign *out);
size_t px_grouper_n_docs(const px_grouper *g);
/* The number of stories found by the last px_grouper_run. */
size_t px_grouper_n_stories(const px_grouper *g);
void px_grouper_free(px_grouper *g);

/* The phases one by one, for running the job elsewhere (several
 * processes, a Python binding): the features of a document are a pure
 * function of its text and the options, computed anywhere and shipped as
 * bytes; a grouper given every document's features in input order
 * (px_grouper_add_features) then groups exactly as if it had been given
 * the documents. */
typedef struct px_group_features px_group_features;
/* The features of doc (its exact-text hash, MinHash signature, shingle
 * set, story terms and day). *out: caller frees with
 * px_group_features_free(). */
int px_group_features_new(px_group_features **out, const px_doc *doc,
                          const px_group_options *opt);
/* As bytes (versioned, little-endian): *out malloc'd, caller frees. */
int px_group_features_pack(const px_group_features *f, const px_group_options *opt,
                           unsigned char **out, size_t *len);
/* From bytes, validated: PX_EBADINPUT for a damaged or foreign blob
 * (wrong num_perm, truncated, out of order, non-finite weights). */
int px_group_features_unpack(px_group_features **out, const void *data, size_t len,
                             const px_group_options *opt);
/* The hash of the document's case-folded words (0: no words): documents
 * with equal hashes are exact copies. */
uint64_t px_group_features_exact(const px_group_features *f);
void px_group_features_free(px_group_features *f);
/* Adds the next document by its features (takes ownership). */
int px_grouper_add_features(px_grouper *g, px_group_features *f);

/* One line of JSON for a document's assignment, without the newline:
 * {"doc":ID,"story":N,"duplicate_of":ID|null}. dup_id: the id of the
 * family's first document, or NULL. Caller frees the string. */
char *px_group_assign_json(const char *doc_id, size_t story, const char *dup_id);
/* The same with "near_duplicates": the ids of the document's verified
 * near-duplicate links (n_near of them, may be NULL when 0). */
char *px_group_assign_json_near(const char *doc_id, size_t story, const char *dup_id,
                                const char *const *near_ids, size_t n_near);


/* ==== store: the SQLite corpus (src/store) ========================= */

/* A corpus of articles in one SQLite file (schema in docs/corpus.md):
 * each article with its
 * features, family and story. Adding writes the new articles (each whole
 * and with a provisional story, a few dozen a transaction, so an
 * interrupted add loses nothing already committed), then repairs the
 * stories: the features of every article are read back and grouped as
 * `stories` groups an input, so a corpus built in any number of adds
 * tells exactly the stories of one run over the same articles in the
 * same order. Two adds at once wait for each other's transactions.
 * Everything read back is validated: a damaged corpus is PX_EBADINPUT
 * with px_store_errmsg() saying what is wrong. */

typedef struct px_store px_store;

/* px_store_open_ex flags */
#define PX_STORE_READONLY 0x1u /* read only: never creates or changes a
                                * file (a read-only corpus can be read) */

/* Opens (creating when absent) the corpus at path. opt (may be NULL) is
 * used for a new corpus; an existing one keeps the options it was made
 * with. A file that is not a parallax corpus is refused, never written.
 * *out: caller frees with px_store_close(), also on failure (then
 * px_store_errmsg() tells why). */
int px_store_open(px_store **out, const char *path, const px_group_options *opt);
int px_store_open_ex(px_store **out, const char *path, const px_group_options *opt,
                     unsigned flags);
/* Adds one article; takes ownership of doc. An article whose id is
 * already in the corpus is skipped: returns 0 and sets *skipped (may be
 * NULL). Committed asynchronously; px_store_flush() waits. */
int px_store_add(px_store *s, px_doc *doc, int *skipped);
/* Waits until every added article is committed, then repairs the
 * stories; the first error. */
int px_store_flush(px_store *s);
/* 0 when an add was interrupted before its repair: the stories listed
 * are provisional until the next add (or px_store_flush) repairs them. */
int px_store_repaired(const px_store *s);
/* Counters: articles in the corpus, added by this handle, stories. */
size_t px_store_n_articles(const px_store *s);
size_t px_store_n_added(const px_store *s);
size_t px_store_n_stories(const px_store *s);

typedef struct px_store_story {
    int64_t id;
    const char *headline; /* of its first article; may be NULL */
    size_t n_articles;
    size_t n_families;    /* near-duplicate families */
    const char *outlets;  /* distinct sources, comma separated; may be "" */
    const char *first_date, *last_date; /* may be NULL */
} px_store_story;

typedef struct px_store_article {
    int64_t seq;          /* 0-based order of arrival */
    const char *id, *source, *url, *date, *headline, *file;
    const char *text;
    int64_t story;
    const char *duplicate_of; /* id of the family's first article or NULL */
    const char *const *near;  /* ids of its verified near-duplicate links */
    size_t n_near;
} px_store_article;

/* Calls fn for each story, oldest first (fields borrowed for the call);
 * a nonzero return stops the walk. */
int px_store_stories(px_store *s, int (*fn)(void *ud, const px_store_story *st), void *ud);
/* Calls fn for each article of a story in order of arrival; returns
 * PX_ENOTFOUND when there is no such story. */
int px_store_story_articles(px_store *s, int64_t story,
                            int (*fn)(void *ud, const px_store_article *a), void *ud);
/* Calls fn for every article in order of arrival (for jsonl listings). */
int px_store_articles(px_store *s, int (*fn)(void *ud, const px_store_article *a), void *ud);
/* Writes an article as one line of JSON, the record 'parallax show
 * --format jsonl' prints: doc, story, duplicate_of, source, url, date,
 * headline, text (null when unknown). Returns 0 or PX_EIO. */
int px_store_article_write_jsonl(FILE *f, const px_store_article *a);
/* Flushes and closes; NULL is fine. Returns the first error. */
int px_store_close(px_store *s);
/* The last SQLite error message of the store, or "". */
const char *px_store_errmsg(const px_store *s);


/* ==== compare: quotes, facts, conflicts across outlets (src/compare) */

/* A citation: one sentence of one document. */
typedef struct px_cite {
    size_t doc;        /* index into the story's documents */
    size_t sentence;   /* index into px_doc_sentences() */
    size_t start, end; /* byte offsets of the cited text (the sentence, or
                        * the words within it the finding is about) */
} px_cite;

/* How one outlet's wording of a quotation differs from the fullest one. */
#define PX_VARIANT_KIND_MAP(XX)                     \
    XX(CASE, "case_changed", "case changed")          \
    XX(SPELLING, "spelling_variant", "spelling variant") \
    XX(SUBSTITUTED, "word_substituted", "word substituted") \
    XX(OMITTED, "words_left_out", "words left out")   \
    XX(ADDED, "words_added", "words added")           \
    XX(REORDERED, "sentences_reordered", "sentences reordered") \
    XX(TRUNCATED, "truncated", "truncated")

typedef enum px_variant_kind {
#define PX__VARIANT_ENUM(name, id, label) PX_VARIANT_##name,
    PX_VARIANT_KIND_MAP(PX__VARIANT_ENUM)
#undef PX__VARIANT_ENUM
        PX_VARIANT__COUNT
} px_variant_kind;

/* "case_changed", ... (the JSON name); px_variant_kind_label: "case changed". */
const char *px_variant_kind_name(px_variant_kind kind);
const char *px_variant_kind_label(px_variant_kind kind);

typedef struct px_variant {
    px_variant_kind kind;
    const char *fullest; /* the words in the fullest version ("" if none) */
    const char *here;    /* the words in this occurrence ("" if none) */
} px_variant;

/* One diff operation of an occurrence against the fullest version. */
typedef enum px_diff_op { PX_DIFF_SAME, PX_DIFF_DEL, PX_DIFF_INS, PX_DIFF_CHANGE } px_diff_op;
typedef struct px_diff_word {
    px_diff_op op;
    const char *fullest; /* word(s) of the fullest version (NULL for INS) */
    const char *here;    /* word(s) of this occurrence (NULL for DEL) */
    px_variant_kind kind; /* for CHANGE, DEL, INS */
    const char *after;    /* what follows the word as written (", ",
                           * ". "), or NULL for a plain space */
} px_diff_word;

/* A quotation as input to the comparison: where it is and who said it.
 * parts: the quoted spans (a quotation split by "she said" has two). */
typedef struct px_quote_input {
    size_t doc;
    size_t start, end;
    const size_t *part_start, *part_end; /* n_parts spans, byte offsets */
    size_t n_parts;
    ptrdiff_t speaker; /* entity index, or -1 when unknown */
    const char *speaker_name; /* as written, or NULL */
    /* the speaker's identity (px_speakers: the entity's when speaker is
     * one), or NULL; two inputs with different ids are never one
     * statement */
    const char *speaker_id;
    size_t sentence;
} px_quote_input;

typedef struct px_quote_occurrence {
    size_t doc;
    size_t start, end;  /* byte offsets of the quotation */
    size_t sentence;
    const char *text;   /* the quoted words (parts joined by " … ") */
    size_t input;       /* index into the px_quote_input array given */
    const px_variant *variants; /* findings against the fullest version */
    size_t n_variants;
    const px_diff_word *diff;   /* word-level diff against the fullest */
    size_t n_diff;
} px_quote_occurrence;

typedef struct px_quote_group {
    ptrdiff_t speaker;        /* entity index or -1 */
    const char *speaker_name; /* entity name, or as written, or NULL */
    const char *speaker_id;   /* the speaker's identity, or NULL */
    const char *text;         /* the fullest version */
    size_t fullest;           /* index into occurrences */
    const px_quote_occurrence *occurrences;
    size_t n_occurrences;
    size_t n_docs;            /* outlets that carry it */
    int single_source;        /* carried by one outlet only */
    /* sentences of the fullest version that no other outlet quotes (when
     * several outlets carry the statement) */
    const char *const *single_sentences;
    size_t n_single_sentences;
} px_quote_group;

/* A statement found in the articles. */
typedef struct px_fact {
    const char *text;     /* the representative sentence */
    const px_cite *cites; /* one sentence per supporting document */
    size_t n_cites;
    size_t n_docs;
    int corroborated;     /* carried by two or more outlets */
    /* A single-source fact drawn from a sentence whose gist other outlets
     * also carry: the words only this outlet has ("3.1, local scale"),
     * else NULL. */
    const char *only_here;
} px_fact;

typedef struct px_conflict_side {
    const char *value;    /* "former U.S. President", "17", ... */
    const px_cite *cites;
    size_t n_cites;
} px_conflict_side;

typedef struct px_conflict {
    const char *what;     /* "Donald Trump's title", "number of men" */
    const char *kind;     /* "title", "number", "date", "place" */
    const px_conflict_side *sides;
    size_t n_sides;
} px_conflict;

typedef struct px_compare px_compare;

/* Compares the documents of one story: groups quotes[0..n_quotes) across
 * outlets and diffs them, matches sentence-level statements (facts) and
 * finds conflicts. ents may be NULL. *out: caller frees with
 * px_compare_free(); it borrows docs, quotes and ents, which must outlive it. */
int px_compare_new(px_compare **out, px_doc *const *docs, size_t n_docs,
                   const px_entities *ents, const px_quote_input *quotes, size_t n_quotes);
/* Borrowed; valid until px_compare_free(). */
const px_quote_group *px_compare_quotes(const px_compare *c, size_t *n);
const px_fact *px_compare_facts(const px_compare *c, size_t *n);
const px_conflict *px_compare_conflicts(const px_compare *c, size_t *n);
void px_compare_free(px_compare *c);

/* ==== brief: sourced multi-document summary (src/brief) ============ */

/* The brief: a short extractive summary of all the documents taken as
 * one story, in which every sentence names the documents that carry its
 * content. Sentences are chosen to cover the concepts (stemmed content
 * word bigrams) that the most documents report, without saying the same
 * thing twice, then put in reading order (by date where known, else by
 * where the sources tell it). Headlines, captions, embedded posts and
 * sentences that cannot stand alone (dangling openings, unresolvable
 * pronouns, questions, mostly quotation) are never chosen. */
typedef struct px_brief_options {
    size_t max_words;     /* 0: no limit; else the brief stops at this many
                             words, cutting its last sentence if it must */
    size_t max_sentences; /* 0: default 5 when max_words is 0, else no limit */
} px_brief_options;

typedef struct px_brief_sentence {
    size_t doc;        /* index into the docs array given to px_brief_new */
    size_t start, end; /* byte offsets into that doc's px_doc_text (end
                          is the cut point when the sentence was cut) */
    const char *text;  /* the sentence as printed: one line, pronoun
                          resolved, cut by max_words */
    const size_t *sources; /* indexes of the docs that carry this content,
                              the chosen doc first */
    size_t n_sources;
} px_brief_sentence;

typedef struct px_brief px_brief;

/* Makes the brief of docs[0..n_docs) (opt NULL: defaults). The docs are
 * only read during the call: the brief keeps copies of what it prints.
 * *out: caller frees with px_brief_free. n_docs == 0 gives an empty
 * brief. */
int px_brief_new(px_brief **out, px_doc *const *docs, size_t n_docs,
                 const px_brief_options *opt);
/* The sentences in reading order; borrowed, valid until px_brief_free. */
const px_brief_sentence *px_brief_sentences(const px_brief *b, size_t *n);
void px_brief_free(px_brief *b);

typedef enum px_brief_format {
    PX_BRIEF_TEXT = 0, /* one sentence a line and nothing else */
    PX_BRIEF_JSONL,    /* one object a sentence: text, doc, start, end
                          (code points into the original input), sources
                          (document ids), outlets */
    PX_BRIEF_MD        /* a Markdown list, each item "text (AP, Reuters, +3)" */
} px_brief_format;

/* Renders the brief. *out: NUL-terminated, *len bytes; caller frees with
 * free(). */
int px_brief_render(const px_brief *b, px_brief_format format, char **out, size_t *len);



/* ==== report: the story report (src/report) ======================== */

/* The report on one story: what each outlet says and how they differ.
 * px_story_new runs every stage (quotes, entities, dates, comparison,
 * brief) over the documents of one story. */

typedef struct px_story px_story;

typedef struct px_event {
    const char *value;    /* TIMEX3 value: 2025-05-15, 2025-W20, 2022-03 */
    const char *text;     /* the sentence that best dates it: a body
                           * sentence that puts the event on the date
                           * ("on Monday", not "since Monday"), outside
                           * quotation marks */
    const char *expression; /* the time expression in that sentence */
    const px_cite *cites; /* every sentence giving that date */
    size_t n_cites;
} px_event;

typedef enum px_report_format {
    PX_REPORT_MD = 0,
    PX_REPORT_HTML,
    PX_REPORT_JSON
} px_report_format;

/* Analyses docs[0..n_docs), one story. The documents are borrowed and must
 * outlive the story. *out: caller frees with px_story_free(). */
int px_story_new(px_story **out, px_doc *const *docs, size_t n_docs);
/* Called as the report is made, so a long run can show where it is:
 * stage ("grouping", "entities", "quotations", "comparison", "dates",
 * "brief", "findings"), with step of n_steps done (the articles of the
 * story for the stages that go article by article, else 0 of 1). */
typedef void (*px_report_progress_fn)(void *userdata, const char *stage, size_t step, size_t n_steps);

typedef struct px_report_options {
    px_report_progress_fn progress; /* may be NULL */
    void *userdata;
} px_report_options;

/* An input that may tell several stories: the documents are grouped into
 * stories exactly as px_group_docs() (and `parallax stories`) groups
 * them, and each story is analysed on its own; unrelated articles are
 * stories of one article each. *out: an array of *n_out stories, the
 * largest first (the one told first on equal sizes); caller frees with
 * px_stories_free(). The documents are borrowed, as for px_story_new. */
int px_stories_new(px_story ***out, size_t *n_out, px_doc *const *docs, size_t n_docs);
/* The same, telling opt->progress how far it is (opt may be NULL). */
int px_stories_new_opt(px_story ***out, size_t *n_out, px_doc *const *docs, size_t n_docs,
                       const px_report_options *opt);
void px_stories_free(px_story **stories, size_t n);
/* Borrowed; valid until px_story_free(). */
px_doc *const *px_story_docs(const px_story *s, size_t *n);
const px_entities *px_story_entities(const px_story *s);
const px_compare *px_story_compare(const px_story *s);
/* The speaker identity of entity e of px_story_entities() (px_speakers'
 * id of its name: the one the story's quotation groups and quotation
 * inputs carry as speaker_id), or NULL. */
const char *px_story_entity_id(const px_story *s, size_t e);
const px_event *px_story_timeline(const px_story *s, size_t *n);
/* The outlet name of document i: its source when known, else its id. */
const char *px_story_outlet(const px_story *s, size_t doc);
/* The first document of doc's near-duplicate family (px_group_docs), or
 * -1 when doc is no copy. */
ptrdiff_t px_story_duplicate_of(const px_story *s, size_t doc);
/* Writes the report. Returns 0 or PX_EIO / PX_ENOMEM. */
int px_report_write(const px_story *s, px_report_format format, FILE *out);
/* Writes the reports of several stories (an input that tells several,
 * split with px_group_docs): Markdown one after another, one HTML page
 * with an index, JSON {"parallax": ..., "stories": [report, ...]}. With
 * n == 1, the same as px_report_write(). */
int px_report_write_stories(px_story *const *stories, size_t n, px_report_format format, FILE *out);
void px_story_free(px_story *s);

#ifdef __cplusplus
}
#endif

#endif /* PARALLAX_H */
