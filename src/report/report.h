/*
 * report.h - the story report inside: the px_story every writer reads
 * (story.c runs the stages) and the three writers (render_md.c,
 * render_html.c, render_json.c).
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

struct px_story {
    px_arena arena;
    px_doc *const *docs;
    size_t n_docs;
    const char **outlet;   /* outlet name of each document */
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
    /* px_stories_new: the array every story's documents are slices of,
     * kept by the first story and freed by px_stories_free */
    px_doc **owned_array;
};

int px__report_md(const px_story *s, px_buf *out);
int px__report_html(const px_story *s, px_buf *out);
int px__report_json(const px_story *s, px_buf *out);
/* Several stories in one page or document. */
int px__report_html_many(px_story *const *stories, size_t n, px_buf *out);

/* Helpers the writers share. */
/* The headline of the story: the first document's headline or id. */
const char *px__story_title(const px_story *s);
/* Code-point offset of a byte offset in document doc. */
size_t px__story_char(const px_story *s, size_t doc, size_t byte);
/* The facts and quotations shown in the coverage table: corroborated
 * facts and quotations carried by two or more outlets, at most max each. */
size_t px__coverage_facts(const px_story *s, size_t max);
size_t px__coverage_quotes(const px_story *s, size_t max);
/* True when document doc carries fact f / quote group q. */
bool px__fact_in_doc(const px_fact *f, size_t doc);
bool px__quote_in_doc(const px_quote_group *q, size_t doc);

#endif /* PX_REPORT_H */
