/*
 * read.h - the document and its readers. struct px_doc is defined here
 * so the stages after reading (quotes, dates, group, ...) can use its
 * arrays directly; outside the library it is opaque.
 */
#ifndef PX_READ_H
#define PX_READ_H

#include "../text/text.h"

struct px_doc {
    px_arena arena; /* everything below that is a pointer lives here */
    char *id, *file, *source, *url, *date, *headline, *standfirst, *author;
    const char *lang; /* never NULL: a code or "und" */
    /* where date came from: "metadata", "dateline", ... (static string) */
    const char *date_origin;
    char *text; /* normalised, NUL-terminated (malloc, from px_norm) */
    size_t len;
    uint32_t *map; /* len+1 code-point offsets (malloc) */
    size_t n_chars;
    px_block *blocks;
    size_t n_blocks;
    px_sentence *sents;
    size_t n_sents;
    px_token *toks;
    size_t n_toks;
    /* per-stage caches, in the arena; NULL until the stage runs */
    struct px_dates_cache *dates; /* src/date */
    const px_quote *quotes;       /* src/quote: px_quotes_find */
    size_t n_quotes;
    bool quotes_done;
};

/* A calendar date at s[0..len): "2025-05-12", "May 11, 2025",
 * "11 May 2025", "May 03, 2013", "Sept. 5, 2016". Returns the bytes
 * consumed (0 if none) and sets *y, *m, *d. */
size_t px__parse_calendar_date(const char *s, size_t len, int *y, int *m, int *d);
/* Month number for a name or abbreviation ("Jan", "January", "Sept."),
 * 0 if none. */
int px__month_from_name(const char *s, size_t len);

/* TREC/DUC SGML (sgml.c): px__sgml_sniff tells whether a file starts
 * with <DOC>; px__sgml_next extracts the next <DOC> from *pos on, into
 * text (headline line first, one paragraph a line) with its DOCNO, date
 * (YYYY-MM-DD or "") and headline. Returns 1, 0 at the end, or PX_ENOMEM. */
bool px__sgml_sniff(const char *s, size_t len);
int px__sgml_next(const char *s, size_t len, size_t *pos, px_buf *text, char docno[128],
                  char date[11], char headline[512]);

/* Finds blocks (with kinds when structure is set) in doc->text; fills
 * doc->blocks and may set headline, standfirst, date and source. */
/* JSON Lines fast path (jsonl.c): the fields the reader uses. */
enum {
    PX_JF_TEXT, PX_JF_BODY, PX_JF_CONTENT, PX_JF_ID, PX_JF_TITLE, PX_JF_HEADLINE,
    PX_JF_SOURCE, PX_JF_OUTLET, PX_JF_DATE, PX_JF_PUBLISHED, PX_JF_URL, PX_JF_STANDFIRST,
    PX_JF_DOC, /* the id as parallax's own records write it (show, read) */
    PX_JF_AUTHOR, PX_JF_LANG,
    PX_JF__COUNT
};
typedef struct px_jsonl_fields {
    const char *v[PX_JF__COUNT]; /* NUL-terminated, inside the line; NULL when
                                    absent or not a string */
    size_t len[PX_JF__COUNT];
} px_jsonl_fields;
extern const char *const px__jsonl_field_names[PX_JF__COUNT]; /* "text", ... */
/* Parses a flat object of strings and small numbers in valid UTF-8 with
 * distinct keys, decoding the wanted string fields in place (s is
 * modified only on success). false: not the common case, use jansson. */
bool px__jsonl_fast(char *s, size_t len, px_jsonl_fields *out);

/* structure: 0 none, 1 from the text, PX__STRUCTURE_MARKUP when the
 * text came from markup (HTML) that already separated the metadata: no
 * outlet name is then taken from a closing line. */
enum { PX__STRUCTURE_MARKUP = 2 };
int px__doc_structure(px_doc *doc, int structure);

/* Language of a text (lang.c): an ISO 639-1 code when the stop words or
 * the script say so with confidence, else NULL; *words: the words seen. */
const char *px__detect_lang(const char *text, size_t len, size_t *words);

/* HTML pages (html*.c): the article's text, headline line first, one
 * block a line, and the metadata found on the page (every string malloc,
 * NULL when unknown). */
typedef struct px_html_doc {
    px_buf text;
    char *title, *source, *date, *url, *standfirst, *author, *lang;
} px_html_doc;
/* Reads one page. url and date: what the container knows (a WARC
 * record's target URI and date, a JSONL record's url; NULL when none):
 * url names the host when the page gives no publisher, and date is used
 * when the page states none. file and id name the page in the warnings
 * sent to on_diag (caps, no article body). On success *doc holds the
 * result; release it with px__html_doc_release. */
int px__html_read(const char *html, size_t len, const char *url, const char *date,
                  const char *file, const char *id, px_diag_fn on_diag, void *ud,
                  px_html_doc *doc);
void px__html_doc_release(px_html_doc *doc);
/* The host of an absolute URL, lower case, without "www." ("https://www.
 * example.com/a" -> "example.com"); NULL if none. Caller frees. */
char *px__url_host(const char *url);

/* Readers hand documents to this: builds a px_doc from bytes. */
int px__doc_build(px_doc **out, const char *bytes, size_t len, const px_doc_meta *meta,
                  int structure, px_diag_fn on_diag, void *ud, size_t line_for_diag);

#endif /* PX_READ_H */
