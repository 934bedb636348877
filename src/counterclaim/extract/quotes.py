"""Direct quotations and their speakers (ANNOTATION.md §2).

``find_quotes`` pairs the quotation marks (``quotemarks``) and keeps the stretches that
reproduce someone's words; ``attribute.model`` then says who spoke them.

What counts as a quotation:

1. **Whole sentences or clauses** in marks, starting with a capital (or "...", "["): kept when
   longer than four words, or when a short one is attributed ("“It was scary,” said ..."),
   ends in , ! or ?, contains a verb ("“Get out now”"), or hangs on a speech verb.
2. **Titles and names** in Title Case are not quotations ("the “Justice for Tarnby”
   campaign", "declared “Tarnby Day”"), nor are short capitalised phrases with no verb and
   nobody saying them (the slogan “Never again”).
3. **Partial quotations** (starting in lower case) are kept when they are a clause of three
   words or more ("for allegedly “helping the prisoners escape.”"), end a sentence inside the
   marks ("a “campaign of terror.”"), run to six words or more, or hang on a speech verb or a
   noun for words ("said the “reckless neighbours” had", "told X that ... “barely a tenth”",
   "called the response “a national disgrace”").
4. **Not quotations**: one word ("an “incident”", "“unilaterally”"), anything after "so-called",
   quoted terms listed together ("“reckless endangerment” and “criminal negligence”"), quoted
   words that modify a noun ("the “zero tolerance” policy"), short labels under naming or
   request verbs ("dubbed him “the butcher”", "asked donors to supply “water tablets”").

Unbalanced marks are skipped with a W003 diagnostic (normalised span); the other quotations
are kept. A mark left open at the end of its paragraph runs to the paragraph's end.

Deliberately missed: a short partial quotation nobody is said to utter (kept only when it ends
a sentence inside its marks), and quotations whose marks are missing altogether (pull-quotes).

Example: ``Mr Lund said: “We will rebuild Tarnby.”`` → one quotation, speaker "Lund" (or the
fullest form of that name in the document).
"""

from __future__ import annotations

import re

import spacy.tokens
from spacy.tokens import Doc, Token

from counterclaim import lexicons as _lex
from counterclaim.extract.quotemarks import QuotedStretch, find_stretches
from counterclaim.extract.spans import tokens_between
from counterclaim.nlp.normalize import NormText
from counterclaim.records import Diagnostic

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SMALL = {"of", "the", "a", "an", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "de", "la",
          "du", "von", "van", "al", "el", "as", "&", "vs", "is"}


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content) and len(words) <= 8


_tokens = tokens_between
_SPEECH_VERBS = _lex.words("speech_verbs.txt")
_SPEECH_NOUNS = _lex.words("speech_nouns.txt")
_LABELLING = _lex.words("naming_verbs.txt") | _lex.words("request_verbs.txt")
_REPORTING = _SPEECH_VERBS - _LABELLING


def _listed_with_another(q: QuotedStretch, others: list[QuotedStretch], text: str) -> bool:
    """True for quoted terms in a list: "“A” and “B”", "“A”, “B”"."""
    glue = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s*$")
    for o in others:
        if o is q or o.close_at is None or q.close_at is None:
            continue
        if o.open_at > q.close_at and glue.match(text[q.close_at + 1:o.open_at]) and o.open_at - q.close_at < 8:
            return True
        if o.close_at < q.open_at and glue.match(text[o.close_at + 1:q.open_at]) and q.open_at - o.close_at < 8:
            return True
    return False


def _speech_governed(q: QuotedStretch, doc: Doc, label: bool = False) -> bool:
    """A speech verb or a noun for words above the quoted words, or just before the marks. With ``label``
    (a short stretch), a naming or request verb on the way up stops the search: the words are what was
    named or asked for ("had ordered “heightened alert”"), not words said."""
    inside = _tokens(doc, q.start, q.end)
    for tok in inside:
        node = tok
        for _ in range(10):
            if node.head.i == node.i:
                break
            node = node.head
            if q.start <= node.idx < q.end:
                continue
            lemma = node.lemma_.lower()
            if node.pos_ == "VERB" and lemma in _REPORTING:
                return True
            if label and node.pos_ == "VERB" and lemma in _LABELLING:
                break  # "he said he had ordered “heightened alert”": what was ordered or named, not words said
            if node.pos_ == "NOUN" and node.lower_ in _SPEECH_NOUNS:
                return True
    for t in reversed(_tokens(doc, max(0, q.open_at - 60), q.open_at)[-4:]):
        if label and t.pos_ == "VERB" and t.lemma_.lower() in _LABELLING:
            return False  # the nearest verb names or asks for the quoted words: "had ordered “…”"
        if (t.pos_ == "VERB" and t.lemma_.lower() in _REPORTING) or (t.pos_ == "NOUN" and t.lower_ in _SPEECH_NOUNS):
            return True
    return False


def _is_clause(q: QuotedStretch, doc: Doc) -> bool:
    """The quoted words contain a verb that is not a mere modifier ("attempted murder")."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "nmod")
               for t in _tokens(doc, q.start, q.end))


def _modifies_a_noun(q: QuotedStretch, inside: list[Token]) -> bool:
    """"the “zero tolerance” policy": quoted words used as a modifier of a noun outside the marks."""
    roots = [t for t in inside if not (q.start <= t.head.idx < q.end)]
    return bool(roots) and all(t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN")
                               and t.head.idx >= q.end for t in roots)


def _attributed_right_after(q: QuotedStretch, doc: Doc) -> bool:
    if q.close_at is None:
        return False
    after = _tokens(doc, q.close_at + 1, q.close_at + 60)[:3]
    return any(t.lemma_.lower() in _SPEECH_VERBS and t.pos_ == "VERB" for t in after)


def is_quotation(q: QuotedStretch, text: str, doc: Doc, others: list[QuotedStretch]) -> bool:
    """Whether a quoted stretch reproduces someone's words (rules 1-3 of the module docstring)."""
    inner = text[q.start:q.end]
    words = _WORD.findall(inner)
    if not words:
        return False
    if q.close_at is None:
        return len(words) >= 3
    ending = inner.rstrip()[-1:]
    attributed = _attributed_right_after(q, doc)
    if len(words) == 1:
        return attributed and words[0][:1].isupper() and ending in ",!?."
    if re.search(r"so-called\s*$", text[max(0, q.open_at - 12):q.open_at], re.IGNORECASE):
        return False
    if _title_case(words) and ending not in "!?" and not (attributed and ending == ","):
        return False
    first = next((c for c in inner if c.isalpha()), "")
    if first.isupper() or inner.lstrip().startswith(("...", "…", "[")):
        # a short capitalised phrase needs someone saying it: "Never again" on a banner is a slogan
        return len(words) > 4 or attributed or ending in ",!?" or _is_clause(q, doc) \
            or _speech_governed(q, doc) or text[:q.open_at].rstrip().endswith(":")
    if _listed_with_another(q, others, text):
        return False
    inside = _tokens(doc, q.start, q.end)
    if _modifies_a_noun(q, inside):
        return False
    if _is_clause(q, doc) and len(words) >= 3:
        return True
    if ending in ".!?" or len(words) >= 6:
        return True
    return _speech_governed(q, doc, label=len(words) <= 3)


def find_quotes(norm: NormText, doc: spacy.tokens.Doc) -> tuple[list[QuotedStretch], list[Diagnostic]]:
    """Every direct quotation of the document (normalised offsets), before attribution.

    Returns the quoted stretches in text order and W003 diagnostics for marks that could not be
    paired. Who said each one is the attribution model's job (``attribute.model``).
    """
    stretches, diags = find_stretches(norm)
    return [q for q in stretches if is_quotation(q, norm.text, doc, stretches)], diags
