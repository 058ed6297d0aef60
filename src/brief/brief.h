/*
 * brief.h - internals of the brief (src/brief): the word lists that decide
 * what is content and what cannot open a stand-alone sentence, and the
 * brief object itself, shared by selection (brief.c) and the writers
 * (render.c).
 */
#ifndef PX_BRIEF_H
#define PX_BRIEF_H

#include "../read/read.h"

/* English function words, lowercase ASCII: they carry no content, so a
 * concept (bigram) made only of them is dropped. Single letters count. */
bool px__brief_is_stopword(const char *w, size_t len);
/* Lowercase words that, opening a sentence, tie it to the one before
 * ("but", "however", "meanwhile", "this", ...): such a sentence cannot
 * stand alone in a brief. */
bool px__brief_is_dangling_opener(const char *w, size_t len);
/* Lowercase words that are titles or roles, never a name by themselves
 * ("president", "mr", "minister"). */
bool px__brief_is_title(const char *w, size_t len);
/* "monday" ... "sunday". */
bool px__brief_is_weekday(const char *w, size_t len);

/* One printed sentence with what the writers need, so the brief does
 * not depend on the documents after px_brief_new. */
typedef struct px__brief_item {
    const char *doc_id;
    size_t char_start, char_end; /* code points into the original input */
    const char **source_ids;     /* n_sources document ids */
    const char **source_labels;  /* outlet when known, else document id */
} px__brief_item;

struct px_brief {
    px_arena arena;
    px_brief_sentence *sents;
    px__brief_item *items;
    size_t n;
};

#endif /* PX_BRIEF_H */
