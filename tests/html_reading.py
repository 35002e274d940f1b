"""Reading the HTML report the way a browser does (html5lib, the WHATWG parser), and
a journal whose every piece of user text is hostile, for the HTML report's tests.

`make_home(home, texts)` fills a week (2026-W47) with `texts` in every place a
person's words reach the report: a user template's title, prompts, scale labels,
options and score bands; answers of every type; tags; a skip reason; the config's
name. With TAME texts instead of HOSTILE ones the same calls make a report with the
same structure, so any element or attribute that differs came from user text.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import tomli_w

from helpers import hw_in
from test_week import MON, SAT, TUE, WED

NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def hostile_texts(origin: str) -> list[str]:
    """Markup, script, requests to `origin` (a server the test watches), entities,
    right-to-left and control characters, template syntax."""
    return [
        "<script>document.title = 'pwned'</script>",
        f'<img src="{origin}/img" onerror="document.body.dataset.pwned = 1">',
        "</style><style>body { display: none }</style>",
        "</title><script>alert(1)</script>",
        '<a href="javascript:alert(1)">click me</a>',
        "javascript:alert(document.cookie)",
        "&amp; &lt;b&gt; &#60;i&#62; &copy; &nbsp;",
        "<!-- a comment --> and <![CDATA[ x ]]>",
        f"<svg onload=\"fetch('{origin}/svg')\"><circle r=9 /></svg>",
        f'<iframe src="{origin}/iframe"></iframe>',
        f'<link rel="stylesheet" href="{origin}/link.css">',
        f'<div style="background: url({origin}/bg.png)">styled</div>',
        f"@import url({origin}/import.css); url(//{origin[7:]}/protocol-relative)",
        f'<meta http-equiv="refresh" content="0; url={origin}/refresh">',
        "{{ 7 * 7 }} {% raw %} ${7 * 7} #{7 * 7}",
        "\"'><b onmouseover=alert(1)>quotes</b>",
        "שלום עולם — مرحبا بالعالم",
        "\u202eevil override\u202c and \u2067isolate",
        "tab\there, bell \x07, escape \x1b[31m, delete \x7f, next line \x85",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 \U0010fffd \ufeff",
        "<textarea><plaintext><xmp><noscript>",
        f'<object data="{origin}/object"></object><embed src="{origin}/embed">',
        f'<base href="{origin}/"><form action="{origin}/form"><button>go</button></form>',
    ]


def tame_texts(count: int) -> list[str]:
    return [f"plain words {i}" for i in range(count)]


def template_toml(template_id: str, texts: list[str], layout: str | None) -> str:
    """A user template using the texts as its title, prompts, labels and options; a
    scored one when it has no layout."""
    n = len(texts)
    steps = [{"id": f"t{i}", "type": "text", "prompt": texts[i]} for i in range(n)]
    steps += [
        {"id": "story", "type": "long", "prompt": texts[0]},
        {"id": "level", "type": "scale", "prompt": texts[1], "min": 0, "max": 10,
         "labels": {"0": texts[2], "10": texts[3]}, "alert_at": 9},
        {"id": "pick", "type": "choice", "prompt": texts[4], "options": [texts[5], texts[6]],
         "other": True},
        {"id": "picks", "type": "multi", "prompt": texts[7], "options": [texts[8], texts[9]],
         "other": True},
        {"id": "items", "type": "list", "prompt": texts[10]},
        {"id": "count", "type": "number", "prompt": texts[11]},
        {"id": "ok", "type": "yesno", "prompt": texts[12]},
        {"id": "breathe", "type": "timer", "prompt": texts[13], "minutes": 1},
    ]  # fmt: skip
    data = {
        "id": template_id, "title": texts[14], "version": 1, "modality": "test",
        "goals": ["skills"], "summary": "User text.", "why": "To test escaping.",
        "cadence": "daily", "minutes": 1, "steps": steps,
    }  # fmt: skip
    if layout:
        data["layout"] = layout
    else:
        data["alert"] = "A high answer."
        data["scoring"] = {
            "steps": ["level"],
            "bands": [{"max": 4, "label": texts[15]}, {"max": 10, "label": texts[16]}],
        }
    return tomli_w.dumps(data)


def answers_for(texts: list[str]) -> dict:
    long_text = "\n".join(texts[:8]) + "\n\n" + "\n".join(texts[8:])
    return {
        **{f"t{i}": text for i, text in enumerate(texts)},
        "story": long_text,
        "level": 10,
        "pick": texts[5],
        "picks": [texts[8], texts[17]],
        "items": texts,
        "count": 3.5,
        "ok": True,
        "breathe": 65,
    }


def tags_of(texts: list[str]) -> list[str]:
    """Tags are single words: the last texts without their blanks."""
    return ["".join(text.split()) for text in texts[19:]]


def make_home(home: Path, texts: list[str]) -> Path:
    """A week of entries, a skip and a name, all of them in `texts`."""
    folder = home / "templates"
    folder.mkdir(parents=True)
    (folder / "user-measure.toml").write_text(template_toml("user-measure", texts, None))
    (folder / "user-log.toml").write_text(template_toml("user-log", texts, "columns"))
    (home / "config.toml").write_text(tomli_w.dumps({"name": texts[18]}))
    answers = home / "answers.json"
    answers.write_text(json.dumps(answers_for(texts)))
    tags = [x for tag in tags_of(texts) for x in ("--tag", tag)]
    hw_in(home, "assign", "user-measure", "--start", MON, "--for", "7d")
    for template, day in (("user-measure", WED), ("user-log", MON), ("user-log", SAT)):
        hw_in(home, "start", template, "--date", day, "--no-input", "--answers-json",
              str(answers), "--mood", "3", *tags)  # fmt: skip
    hw_in(home, "skip", "user-measure", "--date", TUE, "--barrier", "other",
          "--reason", "\n".join(texts))  # fmt: skip
    return home


# ---------------------------------------------------------------- reading


def parse(text: str) -> ET.Element:
    return html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=True)


def local(tag: str) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else str(tag)


def skeleton(root: ET.Element) -> list[tuple]:
    """Every element in document order as (tag, attributes): the structure, without
    any text."""
    return [(el.tag, tuple(sorted(el.attrib.items()))) for el in root.iter()]


def text_nodes(root: ET.Element) -> list[str]:
    """Every run of text in the document, as a reader (or a screen reader) gets it."""
    found = []
    for el in root.iter():
        if el.text:
            found.append(el.text)
        if el.tail:
            found.append(el.tail)
    return found


def element_text(el: ET.Element) -> str:
    return "".join(el.itertext())


def find_all(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for el in root.iter() if local(el.tag) == name]


def headings(root: ET.Element) -> list[tuple[int, str]]:
    return [
        (int(local(el.tag)[1]), " ".join(element_text(el).split()))
        for el in root.iter()
        if local(el.tag) in ("h1", "h2", "h3", "h4")
    ]
