/*
 * html_meta.c - the page's own account of itself: headline, publication
 * date, authors, publisher, URL and language, taken in order of trust:
 *
 *  1. JSON-LD (schema.org NewsArticle, Article, BlogPosting,
 *     ReportageNewsArticle and the other Article types, also inside
 *     @graph and arrays, with "@id" references resolved), read with
 *     jansson;
 *  2. meta tags: OpenGraph (og:*), article:*, Dublin Core (dc.*,
 *     dcterms.*), itemprop, and the common name="author"/"date" ones;
 *  3. what the page shows: <time datetime>, bylines ("By Jane Doe") and
 *     datelines.
 *
 * The source is the publisher's name (JSON-LD publisher, og:site_name),
 * else the host of the page's URL (canonical link, og:url, or the URL
 * the container gave); never a headline or a file name.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

typedef struct found {
    /* borrowed from the gumbo tree */
    const char *og_title, *tw_title, *site, *url, *canonical, *base, *html_lang, *meta_lang;
    const char *meta_date, *meta_author;
    const GumboNode *title, *h1[8];
    int n_h1;
    const GumboNode *time_pub, *time_any, *standfirst;
    int meta_date_rank, meta_author_rank;
    /* owned */
    char *ld_headline, *ld_date, *ld_author, *ld_publisher, *ld_lang, *ld_url;
} found;

/* ---- JSON-LD ---- */

static bool is_article_type(const char *t)
{
    if (!t)
        return false;
    size_t n = strlen(t);
    /* every schema.org Article type ends so: NewsArticle, ReportageNewsArticle,
     * AnalysisNewsArticle, TechArticle, ... */
    return (n >= 7 && !strcmp(t + n - 7, "Article")) || !strcmp(t, "BlogPosting") ||
           !strcmp(t, "LiveBlogPosting") || !strcmp(t, "SocialMediaPosting") ||
           !strcmp(t, "Report");
}

static bool has_article_type(json_t *o)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t))
        return is_article_type(json_string_value(t));
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (json_is_string(v) && is_article_type(json_string_value(v)))
        return true;
    return false;
}

/* The first Article-typed object anywhere in v (depth-first). */
static json_t *find_article(json_t *v, int depth)
{
    if (depth > 8)
        return NULL;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            json_t *a = find_article(e, depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (!json_is_object(v))
        return NULL;
    if (has_article_type(v))
        return v;
    static const char *const keys[] = {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"};
    for (size_t k = 0; k < PX_ARRAY_LEN(keys); k++) {
        json_t *a = find_article(json_object_get(v, keys[k]), depth + 1);
        if (a)
            return a;
    }
    return NULL;
}

/* An object with this "@id" somewhere in v, for references. */
static json_t *find_id(json_t *v, const char *id, int depth)
{
    if (depth > 8)
        return NULL;
    if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e)
        {
            json_t *a = find_id(e, id, depth + 1);
            if (a)
                return a;
        }
        return NULL;
    }
    if (!json_is_object(v))
        return NULL;
    json_t *me = json_object_get(v, "@id");
    if (json_is_string(me) && !strcmp(json_string_value(me), id) &&
        json_object_get(v, "name"))
        return v;
    return find_id(json_object_get(v, "@graph"), id, depth + 1);
}

static const char *name_of(json_t *v, json_t *root)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (!json_is_object(v))
        return NULL;
    json_t *n = json_object_get(v, "name");
    if (json_is_string(n))
        return json_string_value(n);
    json_t *id = json_object_get(v, "@id");
    if (json_is_string(id) && root) {
        json_t *o = find_id(root, json_string_value(id), 0);
        if (o)
            return name_of(json_object_get(o, "name"), NULL);
    }
    return NULL;
}

static char *dup_trim(const char *s)
{
    if (!s)
        return NULL;
    px_str t = px__str_trim((px_str){s, strlen(s)});
    return t.len ? px__strndup(t.ptr, t.len) : NULL;
}

static void read_ld_article(json_t *a, json_t *root, found *f)
{
    json_t *v = json_object_get(a, "headline");
    if (!json_is_string(v))
        v = json_object_get(a, "name");
    if (json_is_string(v) && !f->ld_headline)
        f->ld_headline = dup_trim(json_string_value(v));
    static const char *const dates[] = {"datePublished", "dateCreated", "uploadDate"};
    for (size_t k = 0; k < PX_ARRAY_LEN(dates) && !f->ld_date; k++) {
        v = json_object_get(a, dates[k]);
        if (json_is_string(v))
            f->ld_date = dup_trim(json_string_value(v));
    }
    v = json_object_get(a, "author");
    if (!v)
        v = json_object_get(a, "creator");
    if (v && !f->ld_author) {
        px_buf names = PX_BUF_INIT;
        size_t n = json_is_array(v) ? json_array_size(v) : 1;
        for (size_t i = 0; i < n && i < 16; i++) {
            const char *nm = name_of(json_is_array(v) ? json_array_get(v, i) : v, root);
            char *c = nm ? px__html_clean_author(nm, strlen(nm)) : NULL;
            if (c && !strstr(names.ptr, c)) {
                if (names.len)
                    px_buf_puts(&names, ", ");
                px_buf_puts(&names, c);
            }
            free(c);
        }
        if (names.len && !names.oom)
            f->ld_author = px_buf_detach(&names);
        px_buf_release(&names);
    }
    v = json_object_get(a, "publisher");
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (v && !f->ld_publisher)
        f->ld_publisher = dup_trim(name_of(v, root));
    v = json_object_get(a, "inLanguage");
    if (json_is_string(v) && !f->ld_lang)
        f->ld_lang = dup_trim(json_string_value(v));
    v = json_object_get(a, "url");
    if (json_is_string(v) && !f->ld_url)
        f->ld_url = dup_trim(json_string_value(v));
}

static void read_json_ld(const GumboNode *script, found *f)
{
    const GumboVector *k = &script->v.element.children;
    if (!k->length)
        return;
    const GumboNode *t = k->data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA &&
        t->type != GUMBO_NODE_WHITESPACE)
        return;
    /* the JSON itself, without the wrappers pages put around it
     * ("<![CDATA[ ... ]]>", "<!-- ... -->", "//") */
    const char *s = t->v.text.text;
    size_t len = strlen(s), b = 0, e = len;
    for (;;) {
        while (b < len && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r'))
            b++;
        if (!strncmp(s + b, "<![CDATA[", 9))
            b += 9;
        else if (!strncmp(s + b, "<!--", 4))
            b += 4;
        else if (!strncmp(s + b, "//", 2))
            while (b < len && s[b] != '\n')
                b++;
        else
            break;
    }
    for (;;) {
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' ||
                         s[e - 1] == '\r' || s[e - 1] == ';'))
            e--;
        if (e >= b + 3 && (!strncmp(s + e - 3, "]]>", 3) || !strncmp(s + e - 3, "-->", 3)))
            e -= 3;
        else if (e >= b + 2 && !strncmp(s + e - 2, "//", 2))
            e -= 2;
        else
            break;
    }
    if (e <= b)
        return;
    json_error_t err;
    json_t *root = json_loadb(s + b, e - b, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!root)
        return;
    json_t *a = find_article(root, 0);
    if (a)
        read_ld_article(a, root, f);
    /* a publisher given beside the article (an Organization or
     * NewsMediaOrganization object of its own, or the WebSite) */
    json_decref(root);
}

/* ---- meta tags ---- */

/* Rank of a meta key as a publication date (lower is better), 0 if not one. */
static int date_rank(const char *k)
{
    static const char *const keys[] = {
        "article:published_time", "og:article:published_time", "datepublished",
        "published_time", "article.published", "publishdate", "publish-date", "publish_date",
        "pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
        "dc.date", "dcterms.date", "dcterms.created", "date", "citation_publication_date",
        "citation_date", "article:published", "original-publish-date", "created", NULL};
    for (int i = 0; keys[i]; i++)
        if (!strcasecmp(k, keys[i]))
            return i + 1;
    return 0;
}

static int author_rank(const char *k)
{
    static const char *const keys[] = {"article:author", "og:article:author", "dc.creator",
                                       "dcterms.creator", "author", "parsely-author",
                                       "sailthru.author", "byl", "citation_author", NULL};
    for (int i = 0; keys[i]; i++)
        if (!strcasecmp(k, keys[i]))
            return i + 1;
    return 0;
}

static bool looks_like_url(const char *s)
{
    return !strncasecmp(s, "http:", 5) || !strncasecmp(s, "https:", 6) || !strncmp(s, "//", 2) ||
           s[0] == '/' || s[0] == '@';
}

static void read_meta_key(const char *k, const char *c, found *f)
{
    if (!strcasecmp(k, "og:title") && !f->og_title)
        f->og_title = c;
    else if (!strcasecmp(k, "twitter:title") && !f->tw_title)
        f->tw_title = c;
    else if (!strcasecmp(k, "og:site_name") && !f->site)
        f->site = c;
    else if (!strcasecmp(k, "og:url") && !f->url)
        f->url = c;
    else if ((!strcasecmp(k, "og:locale") || !strcasecmp(k, "dc.language") ||
              !strcasecmp(k, "language") || !strcasecmp(k, "inlanguage")) &&
             !f->meta_lang)
        f->meta_lang = c;
    int r = date_rank(k);
    if (r && (!f->meta_date || r < f->meta_date_rank)) {
        int y, m, d;
        if (px__parse_calendar_date(c, strlen(c), &y, &m, &d)) {
            f->meta_date = c;
            f->meta_date_rank = r;
        }
    }
    r = author_rank(k);
    if (r && (!f->meta_author || r < f->meta_author_rank) && !looks_like_url(c)) {
        f->meta_author = c;
        f->meta_author_rank = r;
    }
}

static void read_meta(const GumboNode *n, found *f)
{
    const char *c = px__html_attr(n, "content");
    if (!c || !*c)
        return;
    const char *keys[3] = {px__html_attr(n, "property"), px__html_attr(n, "name"),
                           px__html_attr(n, "itemprop")};
    const char *he = px__html_attr(n, "http-equiv");
    if (he && !strcasecmp(he, "content-language") && !f->meta_lang)
        f->meta_lang = c;
    for (int i = 0; i < 3; i++) {
        /* a property may name several keys ("og:title twitter:title");
         * "dc:creator" and "DC.creator" are one key */
        for (const char *p = keys[i]; p && *p;) {
            while (*p == ' ')
                p++;
            size_t kn = 0;
            char k[64];
            while (p[kn] && p[kn] != ' ' && kn + 1 < sizeof(k)) {
                k[kn] = p[kn] == ':' && kn == 2 && !strncasecmp(p, "dc", 2) ? '.' : p[kn];
                kn++;
            }
            k[kn] = '\0';
            p += kn;
            while (*p && *p != ' ')
                p++;
            if (kn)
                read_meta_key(k, c, f);
        }
    }
}

/* ---- the walk over the whole tree ---- */

static int survey(const GumboNode *root, found *f)
{
    PX_VEC(const GumboNode *) st = {0};
    if (!PX_VEC_PUSH(st, root))
        return PX_ENOMEM;
    int rc = PX_OK;
    while (st.n) {
        const GumboNode *n = st.v[--st.n];
        if (n->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboElement *e = &n->v.element;
        switch (e->tag) {
        case GUMBO_TAG_HTML:
            if (!f->html_lang)
                f->html_lang = px__html_attr(n, "lang");
            if (!f->html_lang)
                f->html_lang = px__html_attr(n, "xml:lang");
            break;
        case GUMBO_TAG_TITLE:
            if (!f->title)
                f->title = n;
            continue;
        case GUMBO_TAG_H1:
            if (f->n_h1 < (int)PX_ARRAY_LEN(f->h1))
                f->h1[f->n_h1++] = n;
            break;
        case GUMBO_TAG_META:
            read_meta(n, f);
            continue;
        case GUMBO_TAG_LINK: {
            const char *rel = px__html_attr(n, "rel"), *href = px__html_attr(n, "href");
            if (rel && href && !strcasecmp(rel, "canonical") && !f->canonical)
                f->canonical = href;
            continue;
        }
        case GUMBO_TAG_BASE:
            if (!f->base)
                f->base = px__html_attr(n, "href");
            continue;
        case GUMBO_TAG_SCRIPT: {
            const char *type = px__html_attr(n, "type");
            if (type && !strcasecmp(type, "application/ld+json"))
                read_json_ld(n, f);
            continue;
        }
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
            continue;
        case GUMBO_TAG_TIME: {
            const char *dt = px__html_attr(n, "datetime");
            const char *ip = px__html_attr(n, "itemprop");
            int y, m, d;
            if (dt && px__parse_calendar_date(dt, strlen(dt), &y, &m, &d)) {
                if (!f->time_any)
                    f->time_any = n;
                if (!f->time_pub && ((ip && strstr(ip, "datePublished")) ||
                                     px__html_attr(n, "pubdate")))
                    f->time_pub = n;
            }
            break;
        }
        case GUMBO_TAG_P:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_DIV:
            if (!f->standfirst && (px__html_class_bits(px__html_attr(n, "class")) & PX_CW_STANDFIRST))
                f->standfirst = n;
            break;
        default:
            break;
        }
        /* itemprop="datePublished" on an element that is not <time> */
        if (!f->time_pub && e->tag != GUMBO_TAG_TIME) {
            const char *ip = px__html_attr(n, "itemprop");
            const char *c = px__html_attr(n, "content");
            if (!c)
                c = px__html_attr(n, "datetime");
            int y, m, d;
            if (ip && c && strstr(ip, "datePublished") &&
                px__parse_calendar_date(c, strlen(c), &y, &m, &d) && !f->meta_date) {
                f->meta_date = c;
                f->meta_date_rank = 100;
            }
        }
        const GumboVector *k = &e->children;
        for (unsigned i = k->length; i > 0; i--)
            if (!PX_VEC_PUSH(st, (const GumboNode *)k->data[i - 1])) {
                rc = PX_ENOMEM;
                st.n = 0;
                break;
            }
    }
    PX_VEC_FREE(st);
    return rc;
}

/* ---- authors ---- */

static bool role_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "staff",     "writer",    "writers",  "reporter",   "reporters", "correspondent",
        "editor",    "editors",   "edited",   "columnist", "contributor", "contributing",
        "senior",    "chief",     "photographer", "photographs", "updated", "published",
        "posted",    "min",       "read",      "minutes",   "ago",      "share",
        "follow",    "email",     "comments",  "comment",   "view",     "profile",
        "more",      "articles",  "the",       "of",        "on",       "at",
        "in",        "for",       "am",        "pm",        "edt",      "est",
        "gmt",       "utc",       "bst",       "pst",       "pdt",      "today",
        "yesterday", "last",      "about",     "author",    "authors",  "bio",
        "all",       "posts",     "illustration", "illustrations", "photos", "photo",
        "video",     "graphics",  "produced",  "analysis",  "opinion",  "guest",
        "team",      "monday",    "tuesday",   "wednesday", "thursday", "friday",
        "saturday",  "sunday",    NULL};
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
            return true;
    return false;
}

static bool has_digit(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isdigit((unsigned char)w[i]))
            return true;
    return false;
}

/* How much of s[0..len) is a name: the words before the first role word,
 * date or digit ("Jane Doe March 25, 2015" -> "Jane Doe"). *cut tells
 * whether something came after. */
static size_t name_prefix(const char *s, size_t len, bool *cut)
{
    size_t end = 0;
    *cut = false;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (j == i)
            break;
        size_t wl = j - i;
        while (wl && (s[i + wl - 1] == '.' || s[i + wl - 1] == ':'))
            wl--;
        /* "June" is a name; "June 3" a date */
        size_t k = j;
        while (k < len && s[k] == ' ')
            k++;
        bool date = px__month_from_name(s + i, wl) && k < len && isdigit((unsigned char)s[k]);
        if (role_word(s + i, wl) || has_digit(s + i, j - i) || date || s[i] == '@') {
            *cut = true;
            break;
        }
        end = j;
        i = j;
    }
    return end;
}

/* One name ("Jane Doe", "Bradley M. Kuhn", "肖春芳"): one to five words,
 * most with a capital first letter (particles such as "van", "de"
 * aside), or in a script without case. */
static bool name_like(const char *s, size_t len, size_t min_words)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (j == i)
            break;
        words++;
        uint32_t cp;
        size_t k = px__utf8_decode(s + i, j - i, &cp);
        if (!k || !px__is_letter(cp))
            return false;
        if (px__is_upper(cp) || !px__is_lower(cp))
            caps++;
        for (size_t c = i; c < j; c++)
            if (s[c] == '@' || s[c] == '/' || s[c] == ':' || s[c] == '|' || s[c] == '#' ||
                s[c] == '=' || s[c] == '<')
                return false;
        i = j;
    }
    /* one word is a name only in a script without case ("肖春芳") */
    bool cased = px__utf8_decode(s, len, &(uint32_t){0}) && (uint8_t)s[0] < 0x80;
    return words >= (cased ? min_words : 1) && words <= 5 && caps * 2 >= words && len <= 60;
}

static size_t skip_by(const char *s, size_t len)
{
    /* "By", and the word for it in other languages bylines use */
    static const char *const pre[] = {"written by", "posted by", "words by", "story by",
                                      "reporting by", "text by", "published by", "by",
                                      "par", "por", "von", "door", "från", "af", NULL};
    size_t n = 0;
    for (int i = 0; pre[i] && !n; i++) {
        size_t m = strlen(pre[i]);
        if (len > m && !strncasecmp(s, pre[i], m) && (s[m] == ' ' || s[m] == ':'))
            n = m;
    }
    while (n && n < len && (s[n] == ' ' || s[n] == ':'))
        n++;
    return n;
}

/* The names of one line of a byline, appended to out. */
static void line_names(const char *p, size_t len, size_t min_words, px_buf *out)
{
    size_t k = skip_by(p, len);
    p += k, len -= k;
    /* a separator ends the names: "|", "—", "–", "•", "·", " - ", " / " */
    static const char *const stops[] = {"|", "\u2014", "\u2013", "\u2022", "\u00b7", " - ",
                                        " / ", NULL};
    for (int i = 0; stops[i]; i++) {
        size_t sl = strlen(stops[i]);
        for (size_t j = 0; j + sl <= len; j++)
            if (!memcmp(p + j, stops[i], sl)) {
                len = j;
                break;
            }
    }
    /* "Tech Industry by Steven Musil": the names follow the last "by" */
    for (size_t j = len; j-- > 0;)
        if (j + 4 <= len && !strncasecmp(p + j, " by ", 4)) {
            p += j + 4, len -= j + 4;
            break;
        }
    /* names split at ",", ";", "&", " and " */
    size_t had = out->len;
    for (size_t i = 0; i < len;) {
        size_t j = i, next = len;
        for (; j < len; j++) {
            if (p[j] == ',' || p[j] == ';' || p[j] == '&') {
                next = j + 1;
                break;
            }
            if (j + 5 <= len && !strncasecmp(p + j, " and ", 5)) {
                next = j + 5;
                break;
            }
        }
        px_str name = px__str_trim((px_str){p + i, j - i});
        size_t b = skip_by(name.ptr, name.len);
        name.ptr += b, name.len -= b;
        bool cut;
        /* a newspaper's credit, "Our Foreign Staff", "Our Correspondent",
         * is the byline as written: its role word is no cut ("Our") */
        bool credit = name.len > 4 && !strncasecmp(name.ptr, "our ", 4);
        if (credit)
            cut = false;
        else
            name.len = name_prefix(name.ptr, name.len, &cut);
        if (name.len && name_like(name.ptr, name.len, min_words)) {
            if (out->len)
                px_buf_puts(out, ", ");
            px_buf_put(out, name.ptr, name.len);
        } else if (out->len > had) {
            break; /* "Jane Doe, Staff Writer": the names are over */
        }
        if (cut && out->len > had)
            break;
        i = next;
    }
}

/* min_words: fewer words are no name (visible text: "Sign in", "CC");
 * *by (may be NULL): the names followed "By". */
static char *clean_author(const char *in, size_t inlen, size_t min_words, bool *by)
{
    px_buf s = PX_BUF_INIT, out = PX_BUF_INIT;
    /* white space collapsed (line breaks kept), parentheses left out
     * ("Bradley M. Kuhn (http://ebb.org/bkuhn/)") */
    bool sp = false, nl = false;
    int paren = 0;
    for (size_t i = 0; i < inlen; i++) {
        char c = in[i];
        if (c == '(' || c == '[')
            paren++;
        if (paren) {
            if (c == ')' || c == ']')
                paren--;
            sp = s.len > 0;
            continue;
        }
        if (c == '\n') {
            nl = s.len > 0;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
            sp = s.len > 0;
            continue;
        }
        if (nl)
            px_buf_putc(&s, '\n');
        else if (sp)
            px_buf_putc(&s, ' ');
        sp = nl = false;
        /* visible text: "Nolan22 Dec" is a name glued to a date (in
         * metadata "CC7567" is a user name, no person's) */
        if (min_words > 1 && isdigit((unsigned char)c) && s.len &&
            isalpha((unsigned char)s.ptr[s.len - 1]))
            px_buf_putc(&s, ' ');
        px_buf_putc(&s, c);
    }
    /* line by line: the line that opens with "By" when there is one, else
     * the first that names someone ("Tech Industry\nby Jane Doe\nMarch 3") */
    for (int pass = 0; pass < 2 && !out.len; pass++)
        for (size_t i = 0; i < s.len && !out.len;) {
            const char *e = memchr(s.ptr + i, '\n', s.len - i);
            size_t j = e ? (size_t)(e - s.ptr) : s.len;
            if (pass || skip_by(s.ptr + i, j - i))
                line_names(s.ptr + i, j - i, min_words, &out);
            if (by && out.len)
                *by = !pass;
            i = j + 1;
        }
    px_buf_release(&s);
    if (!out.len || out.oom) {
        px_buf_release(&out);
        return NULL;
    }
    return px_buf_detach(&out);
}

char *px__html_clean_author(const char *in, size_t inlen)
{
    return clean_author(in, inlen, 1, NULL);
}

/* ---- the host of a URL ---- */

char *px__url_host(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (p)
        p += 3;
    else if (!strncmp(url, "//", 2))
        p = url + 2;
    else
        return NULL;
    const char *e = p;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
        e++;
    const char *at = memchr(p, '@', (size_t)(e - p));
    if (at)
        p = at + 1;
    if (e - p > 4 && !strncasecmp(p, "www.", 4))
        p += 4;
    if (e - p < 3 || !memchr(p, '.', (size_t)(e - p)))
        return NULL;
    char *h = px__strndup(p, (size_t)(e - p));
    for (char *c = h; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return h;
}

/* "en-US", "en_GB", "EN" -> "en"; NULL when not a language tag. */
static char *lang_code(const char *s)
{
    if (!s)
        return NULL;
    while (*s == ' ')
        s++;
    size_t n = 0;
    while (isalpha((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 3 || (s[n] && s[n] != '-' && s[n] != '_' && s[n] != ' ' && s[n] != ','))
        return NULL;
    char *c = px__strndup(s, n);
    for (char *q = c; q && *q; q++)
        *q = (char)tolower((unsigned char)*q);
    return c;
}

static char *node_text(const GumboNode *n)
{
    px_buf b = PX_BUF_INIT;
    px__html_text(n, &b);
    if (!b.len || b.oom) {
        px_buf_release(&b);
        return NULL;
    }
    return px_buf_detach(&b);
}

/* Does the (shorter) a appear in b, ignoring case? */
static bool contains_ci(const char *b, const char *a)
{
    size_t n = strlen(a), m = strlen(b);
    for (size_t i = 0; n && i + n <= m; i++)
        if (!strncasecmp(b + i, a, n))
            return true;
    return false;
}

/* The headline: the page's <h1> when the metadata title agrees with it
 * (the visible one is the page's own wording), else the JSON-LD
 * headline, og:title, the first <h1>, or <title>. */
static char *choose_title(const found *f)
{
    const char *meta = f->ld_headline ? f->ld_headline : f->og_title ? f->og_title : f->tw_title;
    char *title = f->title ? node_text(f->title) : NULL;
    char *best = NULL;
    for (int i = 0; i < f->n_h1 && !best; i++) {
        char *h = node_text(f->h1[i]);
        if (h && strlen(h) >= 8 && ((meta && contains_ci(meta, h)) ||
                                    (title && contains_ci(title, h)) ||
                                    (meta && contains_ci(h, meta))))
            best = h;
        else
            free(h);
    }
    if (!best && meta)
        best = dup_trim(meta);
    if (!best && f->n_h1)
        best = node_text(f->h1[0]);
    if (!best && title) {
        best = title;
        title = NULL;
    }
    free(title);
    return best;
}

/* The page's visible byline: the first short author block whose names
 * follow "By", else the first that names someone with two words or more. */
static char *visible_byline(const px_html_page *page)
{
    const hnode *nd = page->nodes.v;
    char *first = NULL;
    for (size_t i = 0; i < page->nodes.n; i++) {
        if (!(nd[i].flags & HN_BYLINE) || nd[i].text < 3 || nd[i].text > 200)
            continue;
        px_buf b = PX_BUF_INIT;
        px__html_text_lines(nd[i].g, &b);
        bool by = false;
        char *a = b.len ? clean_author(b.ptr, b.len, 2, &by) : NULL;
        px_buf_release(&b);
        if (a && by) {
            free(first);
            return a;
        }
        if (a && !first)
            first = a;
        else
            free(a);
        i = nd[i].end - 1; /* not the blocks inside again */
    }
    return first;
}

/* A date in the text of a dateline element ("Published Monday, May 11,
 * 2025"): the first calendar date at a word start. */
static char *date_in_text(const char *t)
{
    size_t len = strlen(t);
    for (size_t i = 0; i < len; i++) {
        if (i && isalnum((unsigned char)t[i - 1]))
            continue;
        int y, m, d;
        if (px__parse_calendar_date(t + i, len - i, &y, &m, &d)) {
            char tmp[16];
            snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d);
            return px__strdup(tmp);
        }
    }
    return NULL;
}

static char *visible_date(const px_html_page *page)
{
    const hnode *nd = page->nodes.v;
    for (size_t i = 0; i < page->nodes.n; i++) {
        if (nd[i].text < 6 || nd[i].text > 120 || !(nd[i].class_bits & PX_CW_DATE))
            continue;
        char *t = node_text(nd[i].g);
        char *d = t ? date_in_text(t) : NULL;
        free(t);
        if (d)
            return d;
    }
    return NULL;
}

/* Minutes since 2000 of an ISO timestamp with its offset
 * ("2017-02-23T17:18:13-08:00"), and the offset; false without both. */
static bool iso_instant(const char *s, long long *minutes, int *offset)
{
    int y, mo, d, h, mi, n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || !n)
        return false;
    const char *p = s + n;
    if (*p == ':')
        for (p++; isdigit((unsigned char)*p) || *p == '.';)
            p++;
    int off;
    if (*p == 'Z') {
        off = 0;
    } else if (*p == '+' || *p == '-') {
        int oh, om;
        if (sscanf(p + 1, "%2d:%2d", &oh, &om) != 2 && sscanf(p + 1, "%2d%2d", &oh, &om) != 2)
            return false;
        off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
    } else {
        return false;
    }
    /* days from civil (Howard Hinnant's algorithm) */
    long long yy = y - (mo <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
    long long yoe = yy - era * 400, doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *minutes = (days * 24 + h) * 60 + mi - off;
    *offset = off;
    return true;
}

/* The JSON-LD date in UTC and a meta tag's with the local offset name
 * the same moment: the local one tells the day the outlet printed. */
static bool same_instant_local(const char *utc, const char *local)
{
    long long a, b;
    int oa, ob;
    return iso_instant(utc, &a, &oa) && iso_instant(local, &b, &ob) && oa == 0 && ob != 0 &&
           (a > b ? a - b : b - a) <= 1;
}

int px__html_meta(const px_html_page *page, const char *url_hint, px_html_meta *m)
{
    memset(m, 0, sizeof(*m));
    found f;
    memset(&f, 0, sizeof(f));
    int rc = survey(page->out->root, &f);
    if (rc)
        goto done;
    m->title = choose_title(&f);
    /* date */
    if (f.ld_date) {
        int y, mo, d;
        if (px__parse_calendar_date(f.ld_date, strlen(f.ld_date), &y, &mo, &d))
            m->date = px__strdup(f.ld_date);
    }
    if (m->date && f.meta_date && same_instant_local(f.ld_date, f.meta_date)) {
        free(m->date);
        m->date = NULL;
    }
    if (!m->date && f.meta_date)
        m->date = px__strdup(f.meta_date);
    if (!m->date && (f.time_pub || f.time_any))
        m->date = px__strdup(px__html_attr(f.time_pub ? f.time_pub : f.time_any, "datetime"));
    if (!m->date)
        m->date = visible_date(page);
    /* author */
    if (f.ld_author)
        m->author = px__strdup(f.ld_author);
    if (!m->author && f.meta_author)
        m->author = px__html_clean_author(f.meta_author, strlen(f.meta_author));
    m->byline = visible_byline(page);
    if (!m->author && m->byline)
        m->author = px__strdup(m->byline);
    /* url and source */
    const char *url = f.canonical && looks_like_url(f.canonical) && f.canonical[0] != '/'
                          ? f.canonical
                          : f.url         ? f.url
                      : f.ld_url      ? f.ld_url
                      : url_hint      ? url_hint
                                      : f.base;
    char *host = px__url_host(url);
    if (!host && url_hint && url != url_hint) {
        url = url_hint;
        host = px__url_host(url);
    }
    if (url)
        m->url = px__strdup(url);
    if (f.ld_publisher)
        m->source = px__strdup(f.ld_publisher);
    else if (f.site)
        m->source = dup_trim(f.site);
    if (!m->source) {
        m->source = host;
        host = NULL;
    }
    free(host);
    /* language */
    m->lang = lang_code(f.html_lang);
    if (!m->lang)
        m->lang = lang_code(f.ld_lang);
    if (!m->lang)
        m->lang = lang_code(f.meta_lang);
    if (f.standfirst) {
        char *sf = node_text(f.standfirst);
        if (sf && strlen(sf) < 600)
            m->standfirst = sf;
        else
            free(sf);
    }
done:
    free(f.ld_headline);
    free(f.ld_date);
    free(f.ld_author);
    free(f.ld_publisher);
    free(f.ld_lang);
    free(f.ld_url);
    return rc;
}

void px__html_meta_release(px_html_meta *m)
{
    if (!m)
        return;
    free(m->title);
    free(m->source);
    free(m->date);
    free(m->url);
    free(m->standfirst);
    free(m->author);
    free(m->lang);
    free(m->byline);
    memset(m, 0, sizeof(*m));
}
