"""wordnet: what Princeton WordNet 3.0 (Debian's wordnet-base, read from
/usr/share/wordnet) says about an English word form, for the word classes
of the learned cue detector (bench/quotes/gen_wordnet.py writes them into
src/quote/wordnet.inc; parallax never reads WordNet at run time).

- lemmas(form, pos): WordNet's morphy: the form itself when it is a lemma,
  the exception lists (said -> say, men -> man), then the detachment
  rules (-ies -> -y, -ed -> -e / -, -ing -> -e / -, ...);
- senses(lemma, pos): the synsets of a lemma, most frequent first, each
  with its lexicographer file (verb.communication, noun.act, ...) and,
  for verbs, its sentence frames ("Somebody ----s that CLAUSE").
"""
import os

WN = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

# lexicographer files (lexnames(5WN)): number -> name
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute "
    "noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group "
    "noun.location noun.motive noun.object noun.person noun.phenomenon noun.plant "
    "noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
    "noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl").split()

# morphy's detachment rules
RULES = {
    "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")],
    "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}

_index = {}
_exc = {}
_data = {}


def _load(pos):
    if pos in _index:
        return
    idx = {}
    with open(os.path.join(WN, "index." + POS[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            lemma, n_syn, n_ptr = p[0], int(p[2]), int(p[3])
            offs = p[4 + n_ptr + 2:4 + n_ptr + 2 + n_syn]
            idx[lemma] = offs
    _index[pos] = idx
    exc = {}
    with open(os.path.join(WN, POS[pos] + ".exc"), encoding="latin-1") as f:
        for line in f:
            p = line.split()
            exc.setdefault(p[0], []).extend(p[1:])
    _exc[pos] = exc
    data = {}
    with open(os.path.join(WN, "data." + POS[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split(" ")
            off, lex = p[0], int(p[1])
            frames = set()
            if pos == "v":
                # frames: "f_cnt + f_num w_num ..." after the pointers
                w_cnt = int(p[3], 16)
                k = 4 + 2 * w_cnt
                p_cnt = int(p[k])
                k += 1 + 4 * p_cnt
                f_cnt = int(p[k])
                for j in range(f_cnt):
                    frames.add(int(p[k + 2 + 3 * j]))
            data[off] = (LEXNAMES[lex], frozenset(frames))
    _data[pos] = data


def lemmas(form, pos):
    """The lemmas of a lower-case word form as part of speech pos ("n",
    "v", "a", "r"), as WordNet's morphy finds them (the form first)."""
    _load(pos)
    idx = _index[pos]
    out = []
    if form in idx:
        out.append(form)
    for b in _exc[pos].get(form, ()):
        if b in idx and b not in out:
            out.append(b)
    if pos == "n" and form.endswith("ful"):
        pass
    for suf, rep in RULES[pos]:
        if form.endswith(suf) and len(form) > len(suf):
            b = form[:len(form) - len(suf)] + rep
            if b in idx and b not in out:
                out.append(b)
    return out


def senses(lemma, pos):
    """[(lexname, frames)] of the synsets of a lemma, most frequent first."""
    _load(pos)
    return [_data[pos][o] for o in _index[pos].get(lemma, ())]


def all_forms(pos):
    """Every lemma of a part of speech that is one word (no "_")."""
    _load(pos)
    return [w for w in _index[pos] if "_" not in w]


def exceptions(pos):
    _load(pos)
    return _exc[pos]
