"""Who said a quotation, and who relays it (ANNOTATION.md §2: ``speaker`` and ``via``).

Rules, in order, for each quotation:

1. **Introduced right before the marks** – "X said: “…”", "X said, “…”", "X said the “…”
   had ...", "RAND noted, “…”": the subject of that speech verb; a quotation that opens a
   paragraph after one ending in a colon is introduced there ("... and she said:\n\n“…”").
2. **Attribution after the marks** – "“…,” X said", "“…” said X, Chargé d'Affaires of ...",
   "“…”, echoed X", "“…” reads part of the declaration signed by ..." (the document): the
   first verb after the closing mark, when it is a speech verb of a short clause.
3. **Any speech verb earlier in the sentence** – "As one report described the scene, “…”",
   "X told Al-Monitor that the US provided ... “…”", "with one official calling it “…”",
   "It is also stated in the declaration that “…”" (the document).
4. **According to / colon** – "According to X, “…”", "“…”, according to X", and "The mayor
   was blunt: “…”" (the subject of the clause that ends in the colon).
5. **Continuation** – a quotation with no attribution of its own that follows the previous
   one with at most that quotation's attribution sentence in between (and nobody else's speech
   verb) keeps its speaker and via.

Whatever the rule, "X said doctors had told her of “…”" is X's (she relays what she was told),
and a speech verb after the marks that only continues the clause before them ("Y told her of
“…” and accused Z") is no attribution.

The subject becomes a name, and a pronoun a person, as :mod:`counterclaim.attribute.people` says.

``via`` is who relays the words: "As reported by X, Y said", "according to X", the listener
of "told X" (an outlet, not "reporters"), "X quoted Y as saying" (every quotation that hangs
on it is Y's), "“…,” ..., the news agency X reported".

Deliberately missed: quotations attributed only by a headline or a photo caption, and speakers
named more than one sentence away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from counterclaim.attribute import speakerwords as sw
from counterclaim.attribute.people import ROLE_WORDS, SPEAKER_WINDOW, People, somebody
from counterclaim.attribute.speakerframes import is_speech, is_stop, relay_in
from counterclaim.attribute.speakernames import Who
from counterclaim.extract.spans import tokens_between


@dataclass(frozen=True)
class Attribution:
    """Speaker and intermediary of one quotation (either may be None)."""

    speaker: Who | None
    via: Who | None


_tokens = tokens_between


class _Attributor(People):
    """The quotation rules of the module docstring, on the people model of the piece."""

    # ---------------------------------------------------------------- rules
    def speech_after(self, k: int) -> Token | None:
        q = self.quotes[k]
        s, e = self.frames.after(k)
        toks = _tokens(self.doc, s, e)
        inner = self.text[q.start:q.end].rstrip()
        first = next((t for t in toks if not t.is_punct and not t.is_space), None)
        # the quotation ends its sentence: the next words open a new one (read from the parse as well as
        # the case, which a text in capitals does not show)
        sentence_final = inner[-1:] == "." and (not self.text[s:s + 3].lstrip(" ,")[:1].islower()
                                               or (first is not None and first.is_sent_start))
        for n, t in enumerate(toks):
            if t.pos_ in ("VERB", "AUX") and not (t.pos_ == "AUX" and t.dep_ in ("aux", "auxpass")):
                if n > 25 or not is_speech(t):
                    return None
                if t.dep_ == "acl" and t.head.idx > q.end and t.head.dep_ == "pobj":
                    return None  # "“…”, as well as the rules relating to …": the participle qualifies a new noun
                if t.dep_ == "conj" and t.head.idx < q.open_at:
                    return None  # "X told her of “…” and accused Y": the clause goes on, no attribution
                if sentence_final and any(c.dep_ in ("ccomp", "dobj") and c.i > t.i for c in t.children):
                    return None
                return t
        return None

    def speech_before(self, k: int, immediate: bool) -> Token | None:
        s, e = self.frames.before(k)
        toks = _tokens(self.doc, s, e)
        for n in range(len(toks) - 1, -1, -1):
            t = toks[n]
            if not immediate and t.pos_ == "NOUN" and t.lower_ in sw.SPEECH_NOUNS and not self.inside_quote(t) \
                    and n >= len(toks) - 4:
                return t  # "sent instructions for “...”"
            if is_speech(t) and not self.inside_quote(t):
                if immediate:
                    between = toks[n + 1:]
                    ok = all(b.is_punct or b.pos_ in ("DET", "ADV", "SCONJ", "PART") or b.lower_ == "that"
                             or (t.lemma_.lower() == "tell" and b.pos_ in ("PROPN", "NOUN", "PRON"))
                             or (t.tag_ == "VBN" and any(a.i == t.i for a in b.ancestors)
                                 and any(c.dep_ == "agent" for c in t.children))  # "was told by X of “…”"
                             for b in between)
                    return t if ok else None
                return t
            if immediate and n < len(toks) - 8:
                return None
        return None

    def governing(self, k: int) -> Token | None:
        """The speech verb or noun for words that the quoted words hang on in the parse."""
        q = self.quotes[k]
        best: tuple[int, Token] | None = None
        for tok in _tokens(self.doc, q.start, q.end):
            node = tok
            for depth in range(10):
                if node.head.i == node.i:
                    break
                node = node.head
                if q.start <= node.idx < q.end:
                    continue
                carrier = node.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in sw.SPEECH_NOUNS
                                                      for c in node.children)  # "sent instructions"
                if is_speech(node) or carrier or (node.pos_ == "NOUN" and node.lower_ in sw.SPEECH_NOUNS):
                    if best is None or depth < best[0]:
                        best = (depth, node)
                    break
        return best[1] if best else None

    def according_to(self, k: int) -> Token | None:
        """"According to X, “…”" or "“…”, according to X": X."""
        q = self.quotes[k]
        b0, _ = self.frames.before(k)
        _, a1 = self.frames.after(k)
        for t in _tokens(self.doc, b0, q.open_at) + _tokens(self.doc, self.frames.close_end(q), a1):
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                obj = next((g for g in self.doc[t.i + 1].children if g.dep_ == "pobj"), None)
                if obj is not None and not self.inside_quote(obj):
                    return obj
        return None

    def colon_subject(self, k: int) -> Token | None:
        """"The mayor was blunt: “We failed.”": the subject of a clause that ends in a colon."""
        q = self.quotes[k]
        b0, b1 = self.frames.before(k)
        if not self.text[b0:b1].rstrip().endswith(":"):
            return None
        toks = _tokens(self.doc, b0, b1)
        ids = {t.i for t in toks}
        subj = next((t for t in toks if t.dep_ == "nsubj" and t.head.i in ids), None)
        if subj is None or self.inside_quote(subj) or subj.idx >= q.open_at:
            return None
        return subj  # a pronoun ("In his message, he praised her: “…”") is resolved like any other

    def label_before(self, k: int) -> Token | None:
        """"Governor Hale: ‘No new tolls’", "Reid: “…”": a name or a role alone before a colon (a label,
        as in headlines and transcripts), with no verb of its own."""
        q = self.quotes[k]
        b0, b1 = self.frames.before(k)
        label = self.text[b0:q.open_at].strip()
        if not label.endswith(":") or len(label.split()) > 6:
            return None
        toks = [t for t in _tokens(self.doc, b0, q.open_at) if not t.is_punct]
        if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks) or toks[-1].pos_ not in ("PROPN", "NOUN"):
            return None
        head = toks[-1]
        return head if head.pos_ == "PROPN" or head.lemma_.lower() in ROLE_WORDS else None

    def byline_after(self, k: int) -> Token | None:
        """"“We deserve better.” ― Rosa Delgado": a dash and a name right after the closing mark."""
        q = self.quotes[k]
        s0 = self.frames.close_end(q)
        tail = self.text[s0:s0 + 80]
        m = re.match(r"\s*[―—–-]{1,2}\s*", tail)
        if m is None:
            return None
        toks = _tokens(self.doc, s0 + m.end(), s0 + 80)
        names = []
        for t in toks:
            if t.pos_ != "PROPN" or t.is_punct:
                break
            names.append(t)
        return names[-1] if names else None

    def own(self, k: int) -> Attribution | None:
        q = self.quotes[k]
        inner = self.text[q.start:q.end].rstrip()
        s_after, _ = self.frames.after(k)
        trailing = inner[-1:] in ",?!—–-:" or self.text[s_after:s_after + 1] == "," or inner[-1:].isalnum()
        first = self.speech_before(k, immediate=True)
        after = self.speech_after(k)
        verb: Token | None
        if first is not None:
            verb = first
        elif after is not None and trailing:
            verb = after
        else:
            verb = self.governing(k) or self.speech_before(k, immediate=False) or after
        verb = self.relaying(verb)
        self.used[k] = verb
        if verb is None or (self.text[self.frames.before(k)[0]:q.open_at].rstrip().endswith(":")
                            and self.according_to(k) is not None and verb.idx < q.open_at
                            and not self.inside_quote(verb)):
            # "According to X, the memo was plain: “…”": the cited person speaks
            source = self.according_to(k) or self.colon_subject(k) or self.label_before(k) or self.byline_after(k)
            return Attribution(self.as_who(source), None) if source is not None else None
        subj, via_tok = self.subject_of(verb)
        speaker = self.as_who(subj)
        if speaker is None and subj is None and verb.tag_ == "VBG" and verb.pos_ == "VERB" \
                and all(t.is_punct or t.is_space or t.pos_ == "CCONJ" for t in verb.doc[verb.sent.start:verb.i]):
            # "X said the report was poor. Adding, “…”": a participle that opens its sentence goes on with the
            # person who spoke last
            speaker = self.history.last_speaker(verb.idx, SPEAKER_WINDOW)
        via = self.as_who(via_tok) if via_tok is not None else None
        if via is None:
            via = self.as_who(self.listener(verb))
        if via is None and verb is not after and after is not None and trailing:
            other, _ = self.subject_of(after)
            other_who = self.mention(other, appos=False) if other is not None else None
            if other_who is not None and (speaker is None or other_who.name != speaker.name):
                via = other_who
        if via is None:
            b0, _ = self.frames.before(k)
            relay = relay_in(_tokens(self.doc, b0, min(q.open_at, subj.idx if subj is not None else q.open_at)))
            via = self.mention(relay, appos=False) if relay is not None else None
        if via is not None and speaker is not None and via.name == speaker.name:
            via = None
        return Attribution(speaker, via)

    def continues(self, k: int) -> bool:
        """Rule 5: the previous quotation's own attribution sentence, or up to three sentences of the text's
        own voice that name nobody else, lie in between."""
        if k == 0:
            return False
        gap_start = self.frames.close_end(self.quotes[k - 1])
        gap_end = self.quotes[k].open_at
        gap = self.text[gap_start:gap_end]
        stops = sum(1 for i in range(len(gap)) if is_stop(gap, i))
        if stops > 3 or len(gap) > 500:
            return False
        used = self.used.get(k - 1)
        own = used if used is not None and gap_start <= used.idx < gap_end else None  # the previous one's "X said"
        if own is not None and stops <= 1:
            return True  # the gap is the previous quotation's attribution
        # a few sentences in the text's own voice between two quotations: the same person still speaks,
        # unless somebody else speaks, or (over more than one sentence) somebody else is named
        between = [t for t in _tokens(self.doc, gap_start, gap_end) if own is None or t.sent != own.sent]
        if any(is_speech(t) for t in between):
            return False
        return stops <= 1 or not any(somebody(t) for t in between)

    def run(self) -> list[Attribution]:
        out: list[Attribution] = []
        for k in range(len(self.quotes)):
            found = self.own(k)
            if found is None or found.speaker is None:
                if self.continues(k) and out:
                    found = out[-1]
                elif found is None:
                    found = Attribution(None, None)
            if found.speaker is not None and found.speaker.person:
                self.history.add(found.speaker, speaker=True)
            out.append(found)
        return out
