#!/usr/bin/env python3
"""Score quotes and acts on a gold folder with the rules of shared/spec/score.py.

usage: .venv/bin/python scripts/quote_eval.py [GOLD_DIR] [--details] [--doc NAME]

Runs only ``find_quotes`` and ``find_acts`` (not the whole pipeline) and prints quote
P/R/F1, speaker accuracy and act P/R/F1; ``--details`` lists every miss, extra and wrong
speaker. score.py is imported from the spec folder at run time.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "spec" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main(argv: list[str]) -> int:
    from counterclaim.extract.acts import find_acts
    from counterclaim.extract.quotes import find_quotes
    from counterclaim.nlp import load_nlp
    from counterclaim.nlp.normalize import normalize

    sc = _score_module()
    args = [a for a in argv if not a.startswith("--")]
    only = None
    if "--doc" in argv:
        only = argv[argv.index("--doc") + 1]
        args = [a for a in args if a != only]
    gold_dir = Path(args[0]) if args else SHARED / "corpus" / "dev"
    details = "--details" in argv
    nlp = load_nlp()
    t = {"qg": 0, "qp": 0, "qm": 0, "spk": 0, "atp": 0, "afp": 0, "afn": 0}
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        name = gold_file.name.removesuffix(".gold.json")
        if only and name != only:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (gold_dir / gold["doc"]).read_text(encoding="utf-8")
        norm = normalize(text)
        doc = nlp(norm.text)
        quotes, _ = find_quotes(norm, doc)
        published = None
        acts = find_acts(norm, doc, published=published)
        gq = [dict(q, _span=sc.locate(text, q["anchor"], q.get("occurrence", 1))) for q in gold.get("quotes", [])]
        pq = [{"_span": norm.to_original(q.start, q.end), "speaker": q.speaker, "via": q.via} for q in quotes]
        pairs = sc.match(gq, pq, lambda g, p: sc.overlaps(g["_span"], p["_span"]))
        t["qg"] += len(gq)
        t["qp"] += len(pq)
        t["qm"] += len(pairs)
        for gi, pi in pairs.items():
            g, p = gq[gi], pq[pi]
            if g.get("speaker") is None:
                ok = not p["speaker"]
            else:
                ok = sc.names_match(p["speaker"], [g["speaker"]] + g.get("speaker_aliases", []))
            t["spk"] += ok
            if details and not ok:
                print(f"  {name}: speaker {p['speaker']!r} / gold {g.get('speaker')!r}  [{g['anchor'][:40]!r}]")
        if "--show" in argv:
            for p in pq:
                s, e = p["_span"]
                print(f"  {name}: {text[s:e][:50]!r} -> {p['speaker']!r} via {p['via']!r}")
            for a in acts:
                print(f"  {name}: ACT {a.jurisdiction} {a.jurisdiction_code} {a.act} {a.date}")
        if details:
            for gi, g in enumerate(gq):
                if gi not in pairs:
                    print(f"  {name}: MISSED quote {g['anchor']!r}")
            hit = set(pairs.values())
            for pi, p in enumerate(pq):
                if pi not in hit:
                    s, e = p["_span"]
                    print(f"  {name}: EXTRA quote {text[s:e][:60]!r} ({p['speaker']!r})")
        ga = {sc.norm(a["jurisdiction"]) for a in gold.get("acts", [])}
        pa = {sc.norm(a.jurisdiction) for a in acts}
        t["atp"] += len(ga & pa)
        t["afp"] += len(pa - ga)
        t["afn"] += len(ga - pa)
        if details and (ga ^ pa):
            print(f"  {name}: acts missed {sorted(ga - pa)}, extra {sorted(pa - ga)}")
        if details:
            gd = {sc.norm(a["jurisdiction"]): a for a in gold.get("acts", [])}
            for a in acts:
                g = gd.get(sc.norm(a.jurisdiction))
                if g and (g["act"] != a.act or g["date"] != a.date):
                    print(f"  {name}: act {a.jurisdiction}: {a.act}/{a.date} vs gold {g['act']}/{g['date']}")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    qp, qr = ratio(t["qm"], t["qp"]), ratio(t["qm"], t["qg"])
    ap, ar = ratio(t["atp"], t["atp"] + t["afp"]), ratio(t["atp"], t["atp"] + t["afn"])
    print(f"quotes: gold {t['qg']} predicted {t['qp']} matched {t['qm']}")
    print(f"quote P {qp:.3f} R {qr:.3f} F1 {sc.f1(qp, qr):.3f}  speaker accuracy {ratio(t['spk'], t['qm']):.3f}")
    print(f"acts: P {ap:.3f} R {ar:.3f} F1 {sc.f1(ap, ar):.3f} (tp {t['atp']} fp {t['afp']} fn {t['afn']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
