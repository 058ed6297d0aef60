/*
 * lexicon.c - the word lists of the quotation stage (reporting verbs,
 * role words, stop words of noun phrases, ...) in one hash table built
 * once, so that every lookup is a hash and a probe: the attribution rules
 * ask about the same few tokens many times.
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#include "quote.h"

static const char *const lx_verb_words[] = {
    "endorsed", "endorses", "criticized", "criticised", "criticizes", "defended", "defends",
    "praised", "praises", "supported", "opposed", "opposes", "rejected", "rejects", "blamed",
    "blames", "dismissed", "dismisses", "welcomed", "welcomes", "condemned", "condemns",
    "denounced", "denounces", "attacked", "mocked", "touted", "touts", "hailed", "lamented",
    "acknowledged", "disputed", "disputes", "insisting", "questioned",
    "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "written", "added",
    "adds", "stated", "states", "declared", "declares", "insisted", "insists", "noted", "notes",
    "explained", "explains", "argued", "argues", "claimed", "claims", "warned", "warns",
    "announced", "announces", "tweeted", "tweets", "posted", "replied", "replies", "responded",
    "responds", "continued", "asked", "asks", "acknowledged", "acknowledges", "admitted",
    "admits", "conceded", "concedes", "confirmed", "confirms", "suggested", "suggests",
    "predicted", "predicts", "promised", "promises", "vowed", "vows", "pledged", "pledges",
    "recalled", "recalls", "reported", "reports", "revealed", "reveals", "stressed", "stresses",
    "emphasized", "emphasised", "emphasizes", "urged", "urges", "contended", "contends",
    "countered", "complained", "complains", "cautioned", "alleged", "alleges", "asserted",
    "asserts", "boasted", "maintained", "maintains", "observed", "remarked", "quipped",
    "testified", "mused", "joked", "shouted", "yelled", "exclaimed", "whispered", "described",
    "describes", "accused", "accuses", "criticized", "criticised", "insist", "argue", "claim",
    "warn", "predict", "promise", "vow", "add", "note", "explain", "admit", "wonder",
    "wondered", "demanded", "demands", "proposed", "proposes", "questioned", "denied", "denies",
    "cited", "cites", "concluded", "concludes", "speculated", "surmised", "reiterated",
    "reiterates", "retorted", "blasted", "slammed", "tweet", "write", "writes", "wrote",
    "called", "calls", "read", "reads", "likened", "labeled", "labelled", "dubbed", "branded",
    "quoted", "declined", "declines", "refused", "refuses", "sought", "seeks", "expressed",
    "expresses", "mentioned", "mentions", "echoed", "echoes", "assured", "assures", "offered",
    "discussed", "wants", "wanted", "decided", "ordered", "threatened", "threatens", "slams",
    "blasts", "rips", "knocks", "backs", "champions", "unveils", "unveiled", "continues",
    "interjected", "proclaimed", "proclaims", "commented", "chanted", "recounted", "recounts",
    "quips", "scoffed", "snapped", "fumed", "marveled", "marvelled", "boasts", "pleaded",
    "grumbled", "gushed", "bragged", "rebutted", "intoned", "laments", "reasoned", "texted",
    "emailed", "decried", "decries", "lambasted", "chided", "scolded", "ridiculed",
};
static const char *const lx_that_words[] = {
    "think", "thinks", "thought", "believe", "believes", "believed", "hope", "hopes", "hoped",
    "know", "knows", "knew", "feel", "feels", "felt", "fear", "fears", "feared", "expect",
    "expects", "show", "shows", "showed", "found", "finds", "worry", "worries", "worried",
    "agree", "agrees", "agreed", "estimate", "estimates", "estimated", "indicated", "indicates",
    "signaled", "signalled", "realize", "realized", "understand", "understands", "doubt",
    "doubts", "assume", "assumes", "suspect", "suspects", "acknowledge", "acknowledges",
    "recognize", "recognizes", "recognized", "guess", "imagine", "reckon", "reckons",
};
static const char *const lx_weak_words[] = {
    "called", "calls", "continued", "proposed", "proposes", "demanded", "demands", "posted",
    "questioned", "denied", "denies", "cited", "cites", "asked", "asks", "described",
    "describes", "accused", "accuses", "criticized", "criticised", "blasted", "slammed",
    "reported", "reports", "states", "note", "read", "reads", "continues",
};
static const char *const lx_part_words[] = {
    "saying", "adding", "telling", "writing", "noting", "warning", "arguing", "calling",
    "suggesting", "insisting", "explaining", "claiming", "declaring", "stating", "posting",
    "asking", "urging", "describing", "predicting", "promising", "vowing", "stressing",
    "emphasizing", "emphasising", "acknowledging", "admitting", "tweeting", "complaining",
    "accusing", "citing", "asserting", "contending", "recalling", "questioning", "demanding",
    "conceding", "declaring", "reiterating", "proclaiming", "criticizing", "criticising",
    "hoping", "seeking", "expressing", "mentioning", "echoing", "pledging", "defending",
    "blaming", "attacking", "praising", "touting", "yelling", "shouting", "boasting",
    "bragging", "joking", "lamenting", "decrying", "proclaiming", "chanting",
};
static const char *const lx_npstop_words[] = {
    "that", "which", "when", "while", "because", "as", "if", "and", "but", "or", "so", "than",
    "after", "before", "since", "where", "whether", "though", "although", "until", "then",
    "not", "is", "was", "are", "were", "be", "been", "being", "will", "would", "could",
    "should", "can", "may", "might", "must", "also", "has", "have", "had", "said", "says",
    "told", "what", "why", "how", "to", "in", "on", "by", "with", "from", "into", "about",
    "over", "under", "during", "against", "without", "through", "yet", "however", "did", "do",
    "does", "this", "these", "those", "there", "here", "just", "even", "only", "still", "like",
    "unlike", "per", "via", "upon", "amid", "among", "toward", "towards", "around", "later",
    "earlier", "today", "yesterday", "once", "both",
};
static const char *const lx_det_words[] = {
    "the", "a", "an", "his", "her", "their", "its", "our", "another", "one", "some", "many",
    "several", "two", "three", "most", "all",
};
static const char *const lx_pron_words[] = {
    "he", "she", "they", "we", "i", "it", "you", "who",
};
static const char *const lx_aux_words[] = {
    "has", "have", "had", "also", "later", "previously", "then", "recently", "once",
    "reportedly", "publicly", "repeatedly", "further", "first", "again", "earlier", "would",
    "will", "did", "does", "do", "not", "never", "often", "still", "already", "just", "even",
    "privately", "initially", "subsequently", "has", "is", "was", "been", "had", "could",
    "might", "may", "should", "must", "can", "ultimately", "frequently", "always", "n't",
    "twice", "ever", "sometimes",
};
static const char *const lx_notappos_words[] = {
    "in", "on", "at", "via", "according", "during", "after", "before", "and", "but", "then",
    "when", "while", "because", "as", "to", "from", "by", "though", "although", "if",
};
static const char *const lx_prep_words[] = {
    "in", "on", "at", "by", "from", "with", "to", "for", "of", "into", "about", "during",
    "under",
};
static const char *const lx_role_words[] = {
    "president", "prime", "minister", "chancellor", "leader", "senator", "sen.", "rep.", "gov.",
    "governor", "secretary", "spokesman", "spokeswoman", "spokesperson", "analyst", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "pope", "king",
    "queen", "prince", "princess", "general", "gen.", "judge", "justice", "mayor", "ambassador",
    "chairman", "chairwoman", "chair", "ceo", "director", "candidate", "nominee",
    "representative", "congressman", "congresswoman", "speaker", "adviser", "advisor", "aide",
    "attorney", "lawyer", "professor", "prof.", "economist", "strategist", "commander",
    "foreign", "official", "spokesperson", "founder", "host", "chief", "manager", "pollster",
    "actor", "actress", "rep", "star", "singer", "coach", "captain", "sheriff", "detective",
    "commissioner", "envoy", "diplomat", "author", "columnist", "editor", "correspondent",
    "reporter", "campaign", "vice", "deputy", "acting", "head", "emir", "sheikh", "premier",
    "chairperson", "executive", "officer", "partner", "investor", "expert", "researcher",
    "trader", "engineer", "worker", "resident", "farmer", "teacher", "student", "doctor",
    "nurse", "activist", "organizer", "organiser", "volunteer", "witness", "owner", "economist",
    "scientist", "historian", "inspector", "prosecutor", "lawmaker", "legislator", "producer",
    "councilman", "councilwoman", "councillor", "councilor", "clerk", "trooper", "pastor",
    "reverend", "rev.", "defender", "cto", "cfo", "coo", "insp.", "superintendent",
    "sergeant", "sgt.", "lieutenant", "lt.", "colonel", "col.", "capt.", "brigadier",
};
static const char *const lx_honor_words[] = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
    "prof.", "sen.", "rep.", "gov.", "gen.", "president", "pope", "king", "queen", "prince",
};
static const char *const lx_perspron_words[] = {
    "he", "she", "him", "her", "who",
};
static const char *const lx_namestop_words[] = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "as", "he", "she", "it",
    "they", "we", "i", "you", "his", "her", "their", "its", "our", "this", "that", "these",
    "those", "there", "here", "when", "while", "after", "before", "however", "meanwhile",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "according", "speaking", "since", "although", "though", "yet", "so",
    "for", "with", "what", "who", "why", "how", "where", "still", "also", "now", "then", "last",
    "earlier", "later", "despite", "during", "under", "by", "from", "to", "of", "not", "no",
    "both", "each", "every", "all", "some", "many", "most", "such", "other", "mr", "mrs", "ms",
    "dr", "is", "was", "are", "were", "will", "would", "can", "could", "should", "do", "does",
    "did", "has", "have", "had", "my", "your", "just", "even", "only", "once", "back", "former",
    "today", "yesterday", "tomorrow", "thanks", "please", "well", "oh", "yes",
};

static const char *const lx_prepv_words[] = {
    "advocate", "advocated", "advocating", "argued", "arguing", "asked", "asking", "call", "called", "calling", "calls", "comment", "commented", "commenting", "complained", "complaining", "focused", "point", "pointed", "pointing", "points", "push", "pushed", "pushing", "rail", "railed", "railing", "reacted", "reacting", "refer", "referred", "referring", "refers", "respond", "responded", "responding", "responds", "speak", "speaking", "speaks", "spoke", "talk", "talked", "talking", "talks", "warned", "warning", "weighed", "worried", "worries", "made", "make", "makes", "making", "laid", "lays", "lay", "laying",
};

/* reporting words learnt from the PolNeAR train split, with the per mille
 * probability that the word is a cue (generated by bench/quotes/cue_table.py) */
static const struct {
    const char *word;
    uint32_t pm;
} lx_stat_words[] = {
#include "cue_stats.inc"
};

/* nominal cues with their preposition, learnt the same way
 * (bench/quotes/cue_table.py --nouns) */
static const struct {
    const char *words;
    uint32_t pm;
} lx_noun_cues[] = {
#include "cue_nouns.inc"
};

uint32_t px__noun_cue_pm(const char *w, size_t len, const char *next, size_t next_len)
{
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_noun_cues); i++) {
        const char *p = lx_noun_cues[i].words;
        const char *sp = strchr(p, ' ');
        if ((size_t)(sp - p) != len || strlen(sp + 1) != next_len)
            continue;
        size_t k = 0;
        while (k < len && (w[k] | 0x20) == p[k])
            k++;
        if (k < len)
            continue;
        k = 0;
        while (k < next_len && (next[k] | 0x20) == sp[1 + k])
            k++;
        if (k == next_len)
            return lx_noun_cues[i].pm;
    }
    return 0;
}

/* words of the lexicon that are almost never a cue before a given kind
 * of token, learnt the same way (bench/quotes/cue_context.py) */
static const struct {
    const char *word;
    int nc;
} lx_context_rare[] = {
#include "cue_context.inc"
};

bool px__cue_context_rare(const char *w, size_t len, int nc)
{
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_context_rare); i++) {
        const char *p = lx_context_rare[i].word;
        if (lx_context_rare[i].nc != nc || strlen(p) != len)
            continue;
        size_t k = 0;
        while (k < len && (w[k] | 0x20) == p[k])
            k++;
        if (k == len)
            return true;
    }
    return false;
}

/* One open-addressed table of every word above and of the WordNet forms
 * (wordnet.inc), about 23,000 words in 2^16 slots: the probe reads only
 * key[] (the FNV-1a hash of the lower-case word, with its low bit set so
 * that 0 marks an empty slot), and the word itself is compared only when
 * the keys agree. */
#define TABLE_BITS 16
#define TABLE_SIZE (1u << TABLE_BITS)
#define WORD_MAX 24

typedef struct entry {
    const char *word; /* lower case, static */
    uint32_t flags;
    uint16_t wn;
    uint8_t len;
} entry;

static uint32_t key[TABLE_SIZE];
static entry table[TABLE_SIZE];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static atomic_bool table_ready;

static uint32_t hash_word(const char *w, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h | 1u;
}

/* The entry of word w (lower case, static), made when new. */
static entry *insert_slot(const char *w)
{
    size_t len = strlen(w);
    assert(len > 0 && len < WORD_MAX);
    uint32_t k = hash_word(w, len);
    for (uint32_t h = k & (TABLE_SIZE - 1);; h = (h + 1) & (TABLE_SIZE - 1)) {
        entry *s = &table[h];
        if (!key[h]) {
            key[h] = k;
            s->word = w;
            s->len = (uint8_t)len;
            return s;
        }
        if (key[h] == k && s->len == len && !memcmp(s->word, w, len))
            return s;
    }
}

static void insert(const char *w, uint32_t flag)
{
    insert_slot(w)->flags |= flag;
}

/* English word forms with their WordNet class (bench/quotes/gen_wordnet.py) */
static const struct {
    const char *word;
    uint16_t wn;
} lx_wordnet[] = {
#include "wordnet.inc"
};

/* the words the learned cue detector looks at (model.c), generated with
 * its weights by bench/quotes/train_model.py */
static const char *const lx_model_words[] = {
#include "model_gate.inc"
};

static void build(void)
{
    static const struct {
        const char *const *words;
        size_t n;
        uint32_t flag;
    } lists[] = {
        {lx_verb_words, PX_ARRAY_LEN(lx_verb_words), LX_VERB},
        {lx_that_words, PX_ARRAY_LEN(lx_that_words), LX_THAT},
        {lx_weak_words, PX_ARRAY_LEN(lx_weak_words), LX_WEAK},
        {lx_part_words, PX_ARRAY_LEN(lx_part_words), LX_PART},
        {lx_npstop_words, PX_ARRAY_LEN(lx_npstop_words), LX_NPSTOP},
        {lx_det_words, PX_ARRAY_LEN(lx_det_words), LX_DET},
        {lx_pron_words, PX_ARRAY_LEN(lx_pron_words), LX_PRON},
        {lx_aux_words, PX_ARRAY_LEN(lx_aux_words), LX_AUX},
        {lx_notappos_words, PX_ARRAY_LEN(lx_notappos_words), LX_NOTAPPOS},
        {lx_prep_words, PX_ARRAY_LEN(lx_prep_words), LX_PREP},
        {lx_role_words, PX_ARRAY_LEN(lx_role_words), LX_ROLE},
        {lx_honor_words, PX_ARRAY_LEN(lx_honor_words), LX_HONOR},
        {lx_perspron_words, PX_ARRAY_LEN(lx_perspron_words), LX_PERSPRON},
        {lx_namestop_words, PX_ARRAY_LEN(lx_namestop_words), LX_NAMESTOP},
        {lx_prepv_words, PX_ARRAY_LEN(lx_prepv_words), LX_PREPV},
        {lx_model_words, PX_ARRAY_LEN(lx_model_words), LX_MODEL},
    };
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_stat_words); i++)
        insert(lx_stat_words[i].word,
               LX_STAT | (lx_stat_words[i].pm > 1000 ? 1000 : lx_stat_words[i].pm) << LX_PM_SHIFT);
    static char noun_first[PX_ARRAY_LEN(lx_noun_cues)][WORD_MAX];
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_noun_cues); i++) {
        const char *sp = strchr(lx_noun_cues[i].words, ' ');
        size_t n = (size_t)(sp - lx_noun_cues[i].words);
        assert(sp && n < WORD_MAX);
        memcpy(noun_first[i], lx_noun_cues[i].words, n);
        noun_first[i][n] = 0;
        insert(noun_first[i], LX_NOUNP);
    }
    for (size_t l = 0; l < PX_ARRAY_LEN(lists); l++)
        for (size_t i = 0; i < lists[l].n; i++)
            insert(lists[l].words[i], lists[l].flag);
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_context_rare); i++)
        insert(lx_context_rare[i].word, LX_CTX);
    for (size_t i = 0; i < PX_ARRAY_LEN(lx_wordnet); i++)
        insert_slot(lx_wordnet[i].word)->wn = lx_wordnet[i].wn;
}

uint32_t px__lex_wn(const char *w, size_t len, uint16_t *wn)
{
    *wn = 0;
    if (len == 0 || len >= WORD_MAX || (unsigned char)w[0] >= 0x80)
        return 0;
    if (!atomic_load_explicit(&table_ready, memory_order_acquire)) {
        pthread_once(&table_once, build);
        atomic_store_explicit(&table_ready, true, memory_order_release);
    }
    char low[WORD_MAX];
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)w[i];
        ch = (unsigned char)((unsigned)(ch - 'A') < 26u ? ch + 32u : ch);
        low[i] = (char)ch;
        h = (h ^ ch) * 16777619u;
    }
    h |= 1u;
    for (uint32_t x = h & (TABLE_SIZE - 1); key[x]; x = (x + 1) & (TABLE_SIZE - 1)) {
        if (key[x] != h)
            continue;
        const entry *s = &table[x];
        if (s->len != len)
            continue;
        size_t i = 0;
        while (i < len && s->word[i] == low[i])
            i++;
        if (i == len) {
            *wn = s->wn;
            return s->flags;
        }
    }
    return 0;
}

uint32_t px__lex(const char *w, size_t len)
{
    uint16_t wn;
    return px__lex_wn(w, len, &wn);
}
