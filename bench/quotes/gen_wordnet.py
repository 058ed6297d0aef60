#!/usr/bin/env python3
"""Writes src/quote/wordnet.inc: the word classes that Princeton WordNet 3.0
(Debian's wordnet-base) gives the English word forms a reporting cue may
be made of, for the learned cue detector of src/quote/model.c (parallax
does not read WordNet at run time; this table is all it keeps of it).

The forms: every inflection (-s, -ed, -ing and the irregular forms of
verb.exc and noun.exc) of the verbs that the SemCor sense counts attest,
and of the attested nouns whose first sense is abstract (noun.act,
attribute, cognition, communication, feeling, motive, state), each with
a 16-bit class (QM_WN_* in src/quote/model.h):

- bits 0-3: the lexicographer file of its most frequent verb sense
  (communication, cognition, emotion, perception, social, stative, ...),
- bits 4-7: that of its most frequent noun sense,
- bit 8: one of its first three verb senses takes a that-clause
  (sentence frames 26 "Somebody ----s that CLAUSE", 34 "It ----s that
  CLAUSE"); bit 9: one takes an infinitive (frames 28, 32, 35);
- bits 10-12: the form is a past (-ed, irregular), an -ing or an -s form
  (of a verb, or a plural noun);
- bit 13 (QM_WN_SPEECH): a word of speech or thought: one of its two
  first verb senses is in verb.communication, cognition, emotion or
  perception, or its first noun sense in noun.communication, cognition
  or feeling.

    bench/quotes/gen_wordnet.py > src/quote/wordnet.inc

Needs wordnet-base (tools/install-deps.sh test). Deterministic.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordnet as W  # noqa: E402

VCLS = {"verb.communication": 1, "verb.cognition": 2, "verb.emotion": 3, "verb.perception": 4,
        "verb.social": 5, "verb.stative": 6, "verb.possession": 7, "verb.change": 8,
        "verb.contact": 9, "verb.motion": 10, "verb.creation": 11, "verb.competition": 12}
NCLS = {"noun.communication": 1, "noun.cognition": 2, "noun.feeling": 3, "noun.act": 4,
        "noun.attribute": 5, "noun.state": 6, "noun.person": 7, "noun.group": 8,
        "noun.event": 9, "noun.time": 10, "noun.artifact": 11, "noun.possession": 12,
        "noun.motive": 13}
ABSTRACT = {"noun.act", "noun.attribute", "noun.cognition", "noun.communication",
            "noun.feeling", "noun.motive", "noun.state"}
SPEECH_V = {"verb.communication", "verb.cognition", "verb.emotion", "verb.perception"}
SPEECH_N = {"noun.communication", "noun.cognition", "noun.feeling"}
THAT_FRAMES = {26, 34}
TO_FRAMES = {28, 32, 35}
B_THAT, B_TO, B_PAST, B_ING, B_S, B_SPEECH = 1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12, 1 << 13


def tagged(pos):
    """lemma -> the number of its senses tagged in SemCor (index.* files)."""
    out = {}
    name = W.POS[pos]
    with open(Path(W.WN) / ("index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            p = line.split()
            n_ptr = int(p[3])
            out[p[0]] = int(p[4 + n_ptr + 1])
    return out


SIBILANT = ("s", "x", "z", "ch", "sh", "o")
VOWELS = "aeiou"


def plural(w):
    """The -s form: "tells", "pushes", "worries"."""
    if w.endswith(SIBILANT):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def verb_forms(lemma):
    """The regular inflections of a verb (the irregular ones and doubled
    consonants, "banned", come from verb.exc)."""
    f = {lemma, plural(lemma)}
    if lemma.endswith("e"):
        f.add(lemma + "d")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        f.add(lemma[:-1] + "ied")
    else:
        f.add(lemma + "ed")
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        f.add(lemma[:-1] + "ing")
    else:
        f.add(lemma + "ing")
    return f


def noun_forms(lemma):
    return {lemma, plural(lemma)}


def classify(form):
    """The 16-bit class of a word form, or 0 when WordNet knows nothing
    useful of it."""
    code = 0
    vl = W.lemmas(form, "v")
    if vl:
        ss = W.senses(vl[0], "v")
        code |= VCLS.get(ss[0][0], 13)
        for lex, frames in ss[:3]:
            if frames & THAT_FRAMES:
                code |= B_THAT
            if frames & TO_FRAMES:
                code |= B_TO
        if any(lex in SPEECH_V for lex, _ in ss[:2]):
            code |= B_SPEECH
        if form != vl[0]:
            if form.endswith("ing"):
                code |= B_ING
            elif form.endswith("s") and not form.endswith("ss"):
                code |= B_S
            else:
                code |= B_PAST
    nl = W.lemmas(form, "n")
    if nl:
        ss = W.senses(nl[0], "n")
        code |= NCLS.get(ss[0][0], 14) << 4
        if ss[0][0] in SPEECH_N:
            code |= B_SPEECH
        if form != nl[0] and not vl:
            code |= B_S
    return code


def table():
    """word form -> class, for the forms described above (ASCII, lower
    case, at most 23 bytes: what the lexicon of src/quote/lexicon.c
    holds)."""
    forms = set()
    tv = tagged("v")
    for lemma in W.all_forms("v"):
        if tv.get(lemma, 0) > 0:
            forms |= {x for x in verb_forms(lemma) if lemma in W.lemmas(x, "v")}
    for form, bases in W.exceptions("v").items():
        if any(tv.get(b, 0) > 0 for b in bases):
            forms.add(form)
    tn = tagged("n")
    for lemma in W.all_forms("n"):
        if tn.get(lemma, 0) > 0 and W.senses(lemma, "n")[0][0] in ABSTRACT:
            forms |= {x for x in noun_forms(lemma) if lemma in W.lemmas(x, "n")}
    for form, bases in W.exceptions("n").items():
        if any(tn.get(b, 0) > 0 and W.senses(b, "n")[0][0] in ABSTRACT for b in bases):
            forms.add(form)
    out = {}
    for form in sorted(forms):
        if not form.isascii() or len(form) >= 24 or not form.replace("-", "").isalpha():
            continue
        c = classify(form)
        if c:
            out[form] = c
    return out


def main():
    t = table()
    print("/* wordnet.inc - generated by bench/quotes/gen_wordnet.py from Princeton WordNet 3.0")
    print(" * (Debian's wordnet-base): %d English word forms with their 16-bit class" % len(t))
    print(" * (QM_WN_* in model.h), for the learned cue detector. Do not edit by hand. */")
    items = list(t.items())
    for i in range(0, len(items), 6):
        print(" ".join('{"%s", 0x%x},' % (w, c) for w, c in items[i:i + 6]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
