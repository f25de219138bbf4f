"""Render a WhatDoTheyKnow thread JSON (PeterKarakostas/Sheffield_FOI_Webapp,
data/template/foi_requests/*.json) to the plain-text format of
corpora/real/SheffieldCC_wdtk_*.txt and threads-more/*.txt.

Usage: python render.py THREAD.json [OUT.txt]   (stdout when OUT is omitted)
"""
import json
import sys


def render(thread):
    out = ["# %s (WDTK id %s, url_title %s, status %s)" % (
        thread["title"], thread["id"], thread["url_title"], thread["display_status"]), ""]
    events = sorted(thread["events"], key=lambda e: e["created_at"])
    for ev in events:
        out.append("===== %s %s message_id=%s" % (
            ev["type"].upper(), ev["created_at"], ev["message_id"]))
        out.append("\n".join(ev.get("content") or []).strip("\n"))
        out.append("")
    return "\n".join(out)


def main(argv):
    with open(argv[1], encoding="utf-8") as fh:
        text = render(json.load(fh))
    if len(argv) > 2:
        with open(argv[2], "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv)
