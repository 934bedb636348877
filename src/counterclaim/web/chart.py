"""Geometry of the event page's range chart: one line per claim, labelled, on a shared axis.

The chart draws a row's whole-incident tolls only (partial counts, breakdowns, denied figures
and background tolls are listed under it, never charted against it: they are not comparable).
A claim reported with distance is labelled "reportedly"; a superseded count is labelled with
the revision that replaced it ("→ 613").

The chart is drawn by the template as SVG from these numbers; every label is written out
(source and count beside each mark), so it reads without hovering. Ranges are bars,
single counts dots, "at least" counts dots with an arrow to the right, vague amounts
dashed bars. The axis is logarithmic when the claims span more than a factor of 20
(a note says so), else linear from zero.

>>> chart = range_chart([{"source": "A", "count": "10", "low": 10, "high": 10, "qualifier": "exact"}])
>>> chart["rows"][0]["point"], chart["scale"]
(True, 'linear')
"""

from __future__ import annotations

import math
from typing import Any

WIDTH = 900
LABEL_W = 260
COUNT_W = 110
ROW_H = 24
TOP = 8
AXIS_H = 26
LOG_RATIO = 20


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


def _label(v: float) -> str:
    if v >= 1_000_000:
        return f"{v / 1_000_000:g}M"
    if v >= 10_000:
        return f"{v / 1000:g}k"
    return f"{v:,.0f}"


def _cut(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _count_label(claim: dict[str, Any]) -> str:
    text = str(claim.get("count") or "")
    if claim.get("superseded"):
        text += f" → {claim['superseded']}"
    if claim.get("stance") == "hedged" or claim.get("hedged") and not claim.get("stance"):
        text += " (reportedly)"
    return text


def range_chart(claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The chart of a comparison row's claims (None when no claim has a number)."""
    usable = [c for c in claims if c.get("low") is not None or c.get("high") is not None]
    if not usable:
        return None
    values = [float(v) for c in usable for v in (c.get("low"), c.get("high")) if v is not None]
    lo, hi = min(values), max(values)
    log = lo > 0 and hi / lo > LOG_RATIO
    x0, x1 = LABEL_W, WIDTH - COUNT_W
    if log:
        a, b = math.log10(lo) - 0.05, math.log10(hi) + 0.05

        def xpos(v: float) -> float:
            return x0 + (math.log10(max(v, 1e-9)) - a) / (b - a) * (x1 - x0)
        ticks = [10.0 ** k for k in range(math.ceil(a), math.floor(b) + 1)]
    else:
        top = hi * 1.05 or 1.0

        def xpos(v: float) -> float:
            return x0 + v / top * (x1 - x0)
        ticks = _nice_ticks(0, top)
    rows = []
    for n, c in enumerate(usable):
        low = float(c["low"] if c.get("low") is not None else c["high"])
        high = float(c["high"] if c.get("high") is not None else c["low"])
        y = TOP + n * ROW_H + ROW_H / 2
        qualifier = c.get("qualifier") or "exact"
        rows.append({"y": round(y, 1), "x1": round(xpos(low), 1), "x2": round(xpos(high), 1),
                     "point": low == high, "open_right": qualifier in ("at_least", "more_than"),
                     "open_left": qualifier == "at_most", "vague": qualifier == "vague",
                     "own": c.get("voice") == "own", "hedged": bool(c.get("hedged")),
                     "label": _cut(str(c.get("source") or "?")), "count": _count_label(c),
                     "stance": c.get("stance") or ("hedged" if c.get("hedged") else "asserted"),
                     "kind": c.get("kind")})
    axis_y = TOP + len(rows) * ROW_H + 4
    return {"width": WIDTH, "height": axis_y + AXIS_H, "plot_left": x0, "plot_right": x1, "axis_y": axis_y,
            "count_x": x1 + 10, "label_x": x0 - 10, "scale": "log" if log else "linear", "rows": rows,
            "ticks": [{"x": round(xpos(t), 1), "label": _label(t)} for t in ticks if x0 <= xpos(t) <= x1 + 0.5]}
