/*
 * read.h - the document and its readers. struct px_doc is defined here
 * so the stages after reading (quotes, dates, group, ...) can use its
 * arrays directly; outside the library it is opaque.
 */
#ifndef PX_READ_H
#define PX_READ_H

#include "../text/text.h"

/* A document's offset map once its text is final (offmap.c). */
typedef struct px_offmap {
    uint32_t *base; /* the offset at every 64th byte */
    uint8_t *step;  /* each byte's offset minus its block's base; 255: see exc */
    size_t *exc_at; /* bytes whose step does not fit, in order */
    uint32_t *exc_val;
    size_t n_exc, n; /* n: entries (text length + 1) */
} px_offmap;
int px__offmap_build(px_offmap *m, const uint32_t *map, size_t n);
uint32_t px__offmap_get(const px_offmap *m, size_t i);
void px__offmap_release(px_offmap *m);

struct px_doc {
    px_arena arena; /* everything below that is a pointer lives here */
    char *id, *file, *source, *url, *date, *headline, *standfirst, *author;
    const char *lang; /* never NULL: a code or "und" */
    /* where date came from: "metadata", "dateline", ... (static string) */
    const char *date_origin;
    char *text; /* normalised, NUL-terminated (malloc, from px_norm) */
    size_t len;
    /* len+1 code-point offsets into the original input: map (malloc)
     * while the text is built and edited, then offs (px_doc_char_offset) */
    uint32_t *map;
    px_offmap offs;
    size_t n_chars;
    px_block *blocks;
    size_t n_blocks;
    px_sentence *sents;
    size_t n_sents;
    px_token *toks; /* malloc: the document's largest array, not in the arena */
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

/* ---- hard wrapping and long lines (wrap.c) ---- */

/* Lines longer than this are split or cut (px__split_long_lines). */
enum { PX_LINE_MAX = 1 << 20 };
/* Joins the lines of hard-wrapped text in doc->text[from, len) into
 * paragraphs (text and map edited together); leaves other text as it
 * is. *n_joined: line breaks removed. PX_OK or PX_ENOMEM. */
int px__unwrap(px_doc *doc, size_t from, size_t *n_joined);
/* Breaks lines longer than limit at a sentence end or a space (*n_split
 * breaks), or cuts a run without a space at the limit (*n_cut runs);
 * *first_line: the line number of the first one. */
int px__split_long_lines(px_doc *doc, size_t limit, size_t *n_split, size_t *n_cut,
                         size_t *first_line);

/* ---- input streams (gzip.c) ---- */

/* zlib's allocation through the library's allocator (z_stream.zalloc,
 * zfree), so that a failure can be tested like any other. */
void *px__zalloc(void *opaque, unsigned items, unsigned size);
void px__zfree(void *opaque, void *p);

/* A file or standard input ("-"), gunzipped on the fly when it starts
 * with gzip's magic bytes (members after members). */
typedef struct px_input px_input;
/* PX_OK, PX_EIO (errno set) or PX_ENOMEM; *out: close with
 * px__input_close. */
int px__input_open(px_input **out, const char *path);
/* The same over len bytes of data, which the input owns from now on
 * (freed by px__input_close, or here on failure). PX_OK or PX_ENOMEM. */
int px__input_open_buffer(px_input **out, char *data, size_t len);
void px__input_close(px_input *in);
bool px__input_gzip(const px_input *in);
/* Goes to byte offset of a plain file or buffer (what was read ahead is
 * dropped): PX_OK, or PX_EIO (errno set) for a gzip stream or a pipe. */
int px__input_seek(px_input *in, uint64_t offset);
/* The size of a plain regular file (0 when unknown): to size buffers. */
size_t px__input_size_hint(const px_input *in);
unsigned px__input_members(const px_input *in); /* gzip members ended */
uint64_t px__input_offset(const px_input *in);  /* stream bytes consumed */
/* What went wrong, or NULL: a read error, truncated or corrupt gzip data
 * (fatal: the stream ended early), bytes after the gzip data (not). */
const char *px__input_problem(const px_input *in, bool *fatal);
/* At least want bytes ahead (fewer at the end), not consumed; borrowed
 * until the next call. */
const char *px__input_peek(px_input *in, size_t want, size_t *avail);
/* Consumes up to n bytes into dst (dropped when dst is NULL); returns the
 * count, short only at the end. */
size_t px__input_read(px_input *in, void *dst, size_t n);
/* Appends up to n bytes to out; PX_ENOMEM or PX_OK (short at the end). */
int px__input_read_buf(px_input *in, px_buf *out, size_t n);
/* The next line with its '\n' (not NUL-terminated; borrowed and writable
 * until the next call): 1, or 0 at the end. A line longer than max is
 * consumed but not returned: *len is 0 and *dropped its length. */
int px__input_getline(px_input *in, size_t max, char **line, size_t *len, size_t *dropped);

/* ---- WARC (warc.c) ---- */

typedef struct px_warc_record {
    size_t number;   /* 1-based, in the file */
    uint64_t offset; /* of its "WARC/" line in the (gunzipped) stream */
    char type[32];   /* WARC-Type: "response", "request", ... */
    char uri[8192];  /* WARC-Target-URI, "" when none */
    char date[64];   /* WARC-Date as written */
    char content_type[256];
    bool truncated;  /* the block was longer than max_block: cut */
    px_buf block;    /* kept for response, resource, conversion records */
} px_warc_record;

typedef struct px_warc_io {
    px_input *in;
    size_t max_block;
    /* damaged records: the message names the record number and offset */
    void (*on_problem)(void *ud, px_severity sev, const char *msg);
    void *ud;
    size_t n_records, n_damaged;
} px_warc_io;

/* Reads the next record: 1, 0 at the end, PX_ENOMEM. */
int px__warc_next(px_warc_io *w, px_warc_record *rec);
void px__warc_record_release(px_warc_record *rec);

typedef struct px_warc_payload {
    int status;             /* HTTP status; 200 for resource/conversion; -1 none */
    char content_type[256]; /* of the payload */
    char charset[64];       /* its charset parameter, "" when none */
    const char *damaged;    /* why the body could not be decoded, or NULL */
} px_warc_payload;

/* The payload of a record (the HTTP body of a response, with chunked
 * and gzip/deflate coding undone, at most max bytes inflated) in body. */
int px__warc_payload(const px_warc_record *rec, size_t max, px_warc_payload *pl, px_buf *body);
/* PX_FORMAT_HTML, PX_FORMAT_TEXT, or 0 when the payload is no article. */
int px__warc_kind(const px_warc_payload *pl, const char *body, size_t len);
/* The charset parameter of a Content-Type value ("" when none). */
void px__charset_param(const char *ct, size_t len, char *out, size_t cap);

/* ---- folder walks (walk.c) ---- */

struct stat;
/* The folders and files a walk has entered, by device and inode. */
typedef struct px_walk {
    uint64_t *keys;
    size_t n, cap;
    /* every entry passed over, with the reason */
    void (*on_warn)(void *ud, px_severity sev, const char *path, const char *msg);
    void *ud;
} px_walk;

/* The format a file's name asks for, .gz stripped (*gz set). */
px_format px__format_of(const char *path, bool *gz);
/* Why a folder walk passes over a file of that name, NULL when it reads
 * it. */
const char *px__walk_skip_reason(const char *name);
/* Marks a folder or file as entered; *first is false when it was
 * already. PX_OK or PX_ENOMEM. */
int px__walk_enter(px_walk *w, const struct stat *st, bool *first);
/* The entries of a folder to read, in name order (*out: malloc'd paths
 * in a malloc'd array, caller frees both); every other entry is named
 * through on_warn. */
int px__walk_list(px_walk *w, const char *path, char ***out, size_t *n_out);
void px__walk_release(px_walk *w);

/* ---- encodings (encoding.c) ---- */

typedef struct px_decoded {
    px_str text;          /* the UTF-8 text: the input, or in out */
    const char *encoding; /* NULL: the bytes were used as they are */
    bool converted;       /* text is in out */
    bool guessed;         /* UTF-16 recognised without a mark */
    char declared[64];    /* the declared charset that was applied */
    char unknown[64];     /* a declared charset iconv does not know */
    size_t n_invalid, first_invalid_line; /* bytes the encoding does not define */
} px_decoded;

/* Decodes a document's bytes to UTF-8: a byte order mark, else the
 * declared charset (transport, then for HTML the page's own
 * declaration), else the bytes as they are. */
int px__decode(const char *in, size_t len, const char *declared, bool html, px_buf *out,
               px_decoded *info);
/* The charset an HTML page declares in its first 64 KB (<meta charset>,
 * http-equiv Content-Type, <?xml encoding>); false when none. */
bool px__html_declared_charset(const char *s, size_t len, char *out, size_t cap);

/* Readers hand documents to this: builds a px_doc from bytes. */
int px__doc_build(px_doc **out, const char *bytes, size_t len, const px_doc_meta *meta,
                  int structure, px_diag_fn on_diag, void *ud, size_t line_for_diag);

/* ---- pieces of the reader for a distributed run (reader.c) ---- */

/* Ids are taken as given (not made unique): the caller does it with
 * px__reader_unique_id over the whole input, in input order. */
void px__reader_keep_ids(px_reader *r);
/* The id a document with id gets so that ids stay unique, as the reader
 * names it: *changed and renamed (cap bytes) when it was already used. */
int px__reader_unique_id(px_reader *r, const char *id, char *renamed, size_t cap,
                         bool *changed);
/* The severity of the message on a renamed id: a note when the id is the
 * name of its file (line 0: files of one name in two folders are no
 * problem of the input), else a warning (the data gives an id twice). */
px_severity px__reader_rename_severity(const char *id, const char *path, size_t line);
/* The next file the reader would read (folders expanded in name order,
 * paths that cannot be read reported and skipped; buffers passed over):
 * 1 and *path (caller frees), 0 at the end, or a negative status.
 * *format is the reader's option, else the format the name asks for (the
 * reader still sniffs a file whose name says text, and standard input);
 * *gzip is set for a file gzipped by name or by its first bytes, and for
 * standard input: their bytes cannot be cut into ranges. */
int px__reader_next_path(px_reader *r, char **path, px_format *format, bool *gzip);
/* The JSONL files read next (plain files: not gzipped, not standard
 * input) are read from the first line that starts at or after byte start
 * (a line starts at 0 or after a line feed) up to the last line that
 * starts before end; lines_before is the number of lines before the
 * first (so diagnostics and ids made of line numbers are those of the
 * whole file). A piece with no record is not an error:
 * px__reader_range_records counts the records read in such pieces.
 * (WARC files are read whole; docs/mpi.md says what cutting one needs.) */
void px__reader_set_range(px_reader *r, uint64_t start, uint64_t end, size_t lines_before);
size_t px__reader_range_records(const px_reader *r);
/* The line of the JSONL record last read (0 for other files). */
size_t px__reader_line(const px_reader *r);
/* The number of lines that start in [start, end) of a file, with the
 * boundaries of px__reader_set_range. PX_EIO when it cannot be read. */
int px__jsonl_range_lines(const char *path, uint64_t start, uint64_t end, uint64_t *lines);

#endif /* PX_READ_H */
