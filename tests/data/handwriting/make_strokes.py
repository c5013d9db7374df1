#!/usr/bin/env python3
"""Writes the handwriting samples (口 十 人 王) as point lists.

Each character is described by the turning points of its strokes, in the
order and direction they are written, in box coordinates 0..1000 (the same
coordinates as the kiosk script command `stroke x1,y1 x2,y2 ...`). Between
turning points a point is placed every ~40 units, with a small deterministic
wobble, the way a finger's samples arrive. Run it to regenerate *.strokes:
one stroke per line, points "x,y" separated by spaces.
"""
import math
import os

CHARS = {
    "kou": ("口", [[(300, 330), (310, 690)],
                   [(300, 330), (700, 320), (690, 695)],
                   [(310, 675), (690, 672)]]),
    "shi": ("十", [[(150, 480), (850, 470)],
                   [(500, 120), (505, 900)]]),
    "ren": ("人", [[(500, 130), (440, 480), (180, 860)],
                   [(470, 470), (650, 700), (860, 860)]]),
    "wang": ("王", [[(220, 220), (780, 215)],
                    [(280, 500), (720, 495)],
                    [(500, 220), (500, 780)],
                    [(160, 790), (850, 780)]]),
}


def stroke_points(turns, seed):
    points = []
    for (x0, y0), (x1, y1) in zip(turns, turns[1:]):
        steps = max(2, int(math.hypot(x1 - x0, y1 - y0) / 40))
        for i in range(steps):
            t = i / steps
            wobble = int(6 * math.sin(seed + len(points) * 1.7))
            points.append((round(x0 + (x1 - x0) * t) + wobble, round(y0 + (y1 - y0) * t) - wobble))
    points.append(turns[-1])
    return points


here = os.path.dirname(os.path.abspath(__file__))
for name, (char, strokes) in CHARS.items():
    with open(os.path.join(here, name + ".strokes"), "w", encoding="utf-8") as out:
        out.write("# " + char + "\n")
        for n, turns in enumerate(strokes):
            out.write(" ".join("%d,%d" % p for p in stroke_points(turns, n)) + "\n")
