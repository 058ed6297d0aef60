/*
 * report.h - the story report inside: the px_story every writer reads
 * (story.c runs the stages; findings.c ranks what a reader needs first,
 * names the outlets and orders the timeline) and the three writers
 * (render_md.c, render_html.c with the pictures of render_svg.c,
 * render_json.c), which write the same sections in the same order
 * (PX__REPORT_SECTIONS).
 */
#ifndef PX_REPORT_H
#define PX_REPORT_H

#include "../compare/compare.h"

/* A sentence of the brief with the documents that support it. */
typedef struct px__brief_line {
    const char *text;
    size_t doc;        /* the document the sentence is taken from */
    size_t start, end; /* byte offsets in that document */
    const size_t *docs; /* supporting documents */
    size_t n_docs;
} px__brief_line;

/* The sections of the report, in the order every format writes them:
 * name (the JSON key and HTML anchor) and heading. Findings come first
 * in the order a reader needs them: conflicts, quotations that differ
 * between outlets, then what one outlet alone reports, by weight. */
#define PX__REPORT_SECTIONS(XX)                              \
    XX(documents, "Articles")                                \
    XX(brief, "Brief")                                       \
    XX(conflicts, "Conflicts")                               \
    XX(quotes, "Quotations")                                 \
    XX(one_outlet, "Reported by one outlet only")            \
    XX(facts, "Facts several outlets carry")                 \
    XX(entities, "People, places and organisations")         \
    XX(timeline, "Timeline")                                 \
    XX(coverage, "Coverage")

/* Why a claim one outlet alone reports weighs: each reason adds to its
 * weight (a number, a named person or organisation, a quotation, a
 * claim of fact beat colour). A name counts once however many the claim
 * holds (a person or an organisation, else a place); a year is a date,
 * not a number. */
#define PX__CLAIM_REASONS(XX)                         \
    XX(NUMBER, "a number", 3)                         \
    XX(PERSON, "a named person", 2)                   \
    XX(ORG, "a named organisation", 2)                \
    XX(QUOTE, "a quotation", 2)                       \
    XX(DATE, "a date", 1)                             \
    XX(PLACE, "a place", 1)                           \
    XX(ATTRIBUTED, "attributed to a source", 1)       \
    XX(FRAGMENT, "a few quoted words", -3)

enum {
#define PX__CLAIM_BIT(name, label, weight) PX__CLAIM_BIT_##name,
    PX__CLAIM_REASONS(PX__CLAIM_BIT)
#undef PX__CLAIM_BIT
    PX__CLAIM_N_REASONS
};
#define PX__CLAIM(name) (1u << PX__CLAIM_BIT_##name)

/* A claim one outlet alone reports: a fact (index into the facts) or a
 * quotation (index into the quote groups), ranked by weight. */
typedef struct px__claim {
    int is_quote;
    size_t index;
    size_t doc, sentence; /* where it is told */
    int weight;
    unsigned reasons;     /* PX__CLAIM() bits */
} px__claim;

/* The label of reason bit b ("a number"). */
const char *px__claim_reason(unsigned bit);

/* Claims shown before the rest is folded ("and 41 more"). */
#define PX__CLAIMS_SHOWN 10

/* A timeline value as days since 1970-01-01: the first and last day it
 * covers ("2025-W20": Monday to Sunday). */
typedef struct px__span {
    long first, last;
} px__span;

struct px_story {
    px_arena arena;
    px_doc *const *docs;
    size_t n_docs;
    const char **outlet;   /* outlet name of each document */
    size_t *outlet_id;     /* the same number for the documents of one outlet */
    const char **heading;  /* its headline, else its opening words ending in "…" */
    size_t n_outlets;      /* distinct outlets */
    px_entities *ents;
    const char **entity_id; /* per entity: its speaker identity */
    px_speakers *speakers;  /* the story's speaker identities */
    px_compare *cmp;
    px_quote_input *quotes; /* inputs handed to the comparison */
    size_t n_quote_inputs;
    px_event *timeline;
    size_t n_timeline;
    px__brief_line *brief;
    size_t n_brief;
    /* sections that could not be made, with the reason (NULL: made) */
    const char *no_quotes, *no_timeline, *no_brief;
    /* reference dates: per document the date used and where it came from */
    const char **ref_date, **ref_origin;
    /* near-duplicates: the first document of each one's family, or -1 */
    ptrdiff_t *dup_of;
    /* prefix of the HTML anchors while several stories share a page */
    const char *id_prefix;
    /* findings.c: the quote groups in report order (those several
     * outlets carry differently, then alike, then those of one outlet),
     * and how many of the first two kinds */
    size_t *quote_order;
    size_t n_quotes_differ, n_quotes_alike;
    /* claims one outlet alone reports (single-source facts and
     * quotations), heaviest first */
    px__claim *claims;
    size_t n_claims;
    /* per brief line: the conflict one of whose sides it carries, or -1,
     * and which side */
    ptrdiff_t *brief_conflict;
    size_t *brief_side;
    /* per timeline event: the days its value covers */
    px__span *event_span;
    /* where a long report goes as it is written (px__report_flush), or
     * NULL to keep it whole in the buffer */
    FILE *sink;
    /* px_stories_new: the array every story's documents are slices of,
     * kept by the first story and freed by px_stories_free */
    px_doc **owned_array;
};

int px__report_md(const px_story *s, px_buf *out);
int px__report_html(const px_story *s, px_buf *out);
int px__report_json(const px_story *s, px_buf *out);
/* Several stories in one page or document. */
int px__report_html_many(px_story *const *stories, size_t n, px_buf *out);

/* Ranks the findings, names the outlets, marks the brief (findings.c). */
int px__story_findings(px_story *s);
/* The display name of each document's outlet: its source, else its web
 * site, else its signature line ("Daily Express"), else a short file name,
 * never a long hex id (findings.c). */
int px__outlet_names(px_story *s);
/* The days a TimeML value covers; false for a value that names none
 * (findings.c). */
bool px__value_span(const char *value, px__span *out);

/* The pictures of the HTML report (render_svg.c): inline SVG, no
 * script, readable at a phone's width. */
void px__svg_coverage(const px_story *s, px_buf *b);
void px__svg_timeline(const px_story *s, px_buf *b);

/* Writes what the writer has put in b to s->sink once it holds more
 * than a few hundred kilobytes: a story of thousands of articles makes a
 * report of a hundred megabytes, which goes out as it is written. */
void px__report_flush(const px_story *s, px_buf *b);

/* Helpers the writers share. */
/* The headline of the story: the first document's headline or id. */
const char *px__story_title(const px_story *s);
/* Code-point offset of a byte offset in document doc. */
size_t px__story_char(const px_story *s, size_t doc, size_t byte);
/* The facts and quotations shown in the coverage table: corroborated
 * facts and quotations carried by two or more outlets, at most max each. */
size_t px__coverage_facts(const px_story *s, size_t max);
size_t px__coverage_quotes(const px_story *s, size_t max);
/* The documents of citations c[0..n), each once (*docs; caller frees),
 * in citation order; with by_outlet, one per outlet. Returns the count,
 * or (size_t)-1 when out of memory. n log n: the timeline of a story of
 * thousands of articles cites each of them. */
size_t px__cite_docs(const px_story *s, const px_cite *c, size_t n, bool by_outlet, size_t **docs);
/* For each citation, how many before it cite the same document
 * (*rank; caller frees). Returns 0 or PX_ENOMEM. */
int px__cite_rank(const px_cite *c, size_t n, size_t **rank);
/* Which documents carry fact f (or, when f is NULL, quote group q): an
 * array of n_docs flags, caller frees; NULL when out of memory. */
bool *px__carriers(const px_story *s, const px_fact *f, const px_quote_group *q);

#endif /* PX_REPORT_H */
