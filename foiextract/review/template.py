"""The review page: one HTML file, its style and script inline, its data embedded as JSON.

No CDN and no network: the page needs nothing but itself and its ``pages/`` images. The
script keeps every decision in the browser's localStorage; served by ``foiextract review
--serve`` it also POSTs each to ``/corrections``, which writes ``corrections.csv``, and
opened from disk its "Export corrections" button downloads the whole file.

>>> "__DATA__" in PAGE and "<script src" not in PAGE
True
"""

from __future__ import annotations

PAGE = r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>foiextract review</title>
<link rel="icon" href="data:,">
<style>
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #f3f3f1; }
header { display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #24303a;
  color: #fff; }
header h1 { font-size: 1em; margin: 0; font-weight: 600; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; max-width: 24em; }
header > * { flex-shrink: 0; } header h1, header .spacer { flex-shrink: 1; }
header .spacer { flex: 1; }
header button, .actions button { font: inherit; padding: .25em .7em; border-radius: 4px;
  border: 1px solid #888; background: #fff; color: #1b1b1b; cursor: pointer; }
header button.on { background: #ffd866; }
#progress { font-variant-numeric: tabular-nums; }
#bar { height: 4px; background: #3b4a56; } #bar div { height: 4px; background: #5fbf77; width: 0; }
main { display: grid; grid-template-columns: 16em minmax(22em, 1fr) minmax(24em, 1.3fr);
  height: calc(100vh - 3.1em); }
nav { overflow-y: auto; border-right: 1px solid #ccc; background: #fafaf8; }
nav input { width: 100%; padding: .4em; border: 0; border-bottom: 1px solid #ccc; font: inherit; }
nav ol { list-style: none; margin: 0; padding: 0; }
nav li { padding: .3em .6em; border-bottom: 1px solid #eee; cursor: pointer; font-size: .85em; }
nav li.current { background: #ffe9a8; }
nav li.done::before { content: "\2713 "; color: #2c8a45; }
nav li.doubt::after { content: " \2022"; color: #c0392b; }
#card { padding: 1em 1.2em; overflow-y: auto; }
#card h2 { font-size: 1.05em; margin: 0 0 .4em; }
.reason { display: inline-block; background: #fbe3df; color: #8c2417; border-radius: 3px;
  padding: .1em .5em; font-size: .85em; margin-bottom: .6em; }
.reason.none { background: #e3efe6; color: #245a33; }
.label { font-size: .75em; text-transform: uppercase; letter-spacing: .05em; color: #666;
  margin-top: .8em; }
.question { font-weight: 600; } .answer { white-space: pre-wrap; }
.typed { font-size: 1.4em; font-weight: 600; } .typed .kind { font-size: .65em; color: #555;
  font-weight: 400; margin-left: .5em; background: #e8e8e4; padding: .1em .4em; border-radius: 3px; }
.decision { margin-top: .6em; padding: .4em .6em; background: #e3efe6; border-radius: 4px; }
.actions { margin-top: 1em; display: flex; flex-wrap: wrap; gap: .4em; }
kbd { font: .8em monospace; border: 1px solid #aaa; border-radius: 3px; padding: 0 .3em;
  background: #fff; color: #333; }
#editor { margin-top: .8em; display: none; } #editor input, #editor select { font: inherit;
  padding: .3em; width: 100%; }
#source { overflow: auto; border-left: 1px solid #ccc; background: #e5e5e1; padding: .6em; }
.sheet { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
.sheet img { display: block; width: 100%; }
.box { position: absolute; border: 3px solid #e8590c; background: rgba(255, 200, 0, .25);
  border-radius: 2px; pointer-events: none; }
.lines { background: #fff; padding: .8em 1em; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
.lines p { margin: .3em 0; white-space: pre-wrap; } .lines p.marked { background: #ffe08a;
  outline: 2px solid #e8590c; }
.where { font-size: .8em; color: #555; margin-bottom: .4em; }
#stale { margin: 1em 0 0; padding: .6em; background: #fff4e5; border: 1px solid #f0b86e;
  border-radius: 4px; display: none; font-size: .85em; }
#help { font-size: .8em; color: #555; margin-top: 1.2em; }
#status { font-size: .8em; color: #cfd8dc; }
</style>
</head>
<body>
<header>
  <h1>Review: <span id="what"></span></h1>
  <button id="mode-queue" class="on" title="Doubtful cells (q)">To review</button>
  <button id="mode-all" title="Every cell (l)">All cells</button>
  <span id="progress"></span>
  <span class="spacer"></span>
  <span id="status"></span>
  <button id="export" title="Download corrections.csv">Export corrections</button>
</header>
<div id="bar"><div></div></div>
<main>
  <nav><input id="filter" placeholder="Find a cell (/)"><ol id="list"></ol></nav>
  <section id="card"></section>
  <section id="source"></section>
</main>
<script type="application/json" id="data">__DATA__</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const STORE = "foiextract-review:" + D.id;
const SERVED = location.protocol === "http:" || location.protocol === "https:";
const COLUMNS = ["key", "field", "old_value", "new_value", "who", "when", "note"];
let made = [];
try { made = JSON.parse(localStorage.getItem(STORE) || "[]"); } catch (e) { made = []; }
let mode = "queue", position = 0, editing = null, filterText = "";
const byKey = new Map(D.items.map((item, n) => [item.key, n]));

function same(a, b) { return COLUMNS.every(c => (a[c] || "") === (b[c] || "")); }
function allCorrections() {
  const out = D.corrections.slice();
  for (const c of made) if (!out.some(o => same(o, c))) out.push(c);
  return out;
}
function decisions() {
  const found = new Map();
  for (const c of allCorrections()) {
    if (!found.has(c.key)) found.set(c.key, {});
    found.get(c.key)[c.field] = c;
  }
  return found;
}
function view() {
  const all = D.items.map((_, n) => n);
  let shown = mode === "queue" ? all.filter(n => D.items[n].doubtful) : all;
  if (filterText) {
    const words = filterText.toLowerCase();
    shown = shown.filter(n => (D.items[n].title + " " + D.items[n].question + " " +
      D.items[n].answer).toLowerCase().includes(words));
  }
  return shown;
}
function esc(text) {
  return String(text == null ? "" : text).replace(/[&<>"]/g,
    c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
}
function reviewed(item, found) { return item.corrected || found.has(item.key); }

function render() {
  const found = decisions();
  const shown = view();
  position = Math.max(0, Math.min(position, shown.length - 1));
  const doubtful = D.items.filter(i => i.doubtful);
  const done = doubtful.filter(i => reviewed(i, found)).length;
  document.getElementById("progress").textContent =
    `Reviewed ${done} / ${doubtful.length} to review · ${found.size} decided · ${D.items.length} cells`;
  document.querySelector("#bar div").style.width =
    (doubtful.length ? 100 * done / doubtful.length : 100) + "%";
  document.getElementById("mode-queue").classList.toggle("on", mode === "queue");
  document.getElementById("mode-all").classList.toggle("on", mode === "all");
  const limit = 400, start = Math.max(0, Math.min(position - 50, shown.length - limit));
  document.getElementById("list").innerHTML = shown.slice(start, start + limit).map((n, k) => {
    const item = D.items[n], cls = [start + k === position ? "current" : "",
      reviewed(item, found) ? "done" : "", item.doubtful ? "doubt" : ""].join(" ");
    return `<li class="${cls}" data-at="${start + k}">${esc(item.title)}</li>`;
  }).join("");
  const current = document.querySelector("#list li.current");
  if (current) current.scrollIntoView({block: "nearest"});
  if (!shown.length) {
    document.getElementById("card").innerHTML = mode === "queue" && !filterText ?
      "<h2>Nothing to review</h2><p>No cell is doubtful. Press <kbd>l</kbd> for every cell.</p>" :
      "<h2>No cell matches</h2>";
    document.getElementById("source").innerHTML = "";
    renderStale();
    return;
  }
  renderCard(D.items[shown[position]], found.get(D.items[shown[position]].key) || {},
             position + 1, shown.length);
  renderStale();
}

function renderCard(item, decided, at, of) {
  const lines = [];
  lines.push(`<div class="where">${at} of ${of} · ${esc(item.key)}</div>`);
  lines.push(`<h2 id="title">${esc(item.title)}</h2>`);
  lines.push(item.reason ? `<span class="reason" id="reason">${esc(item.reason)}</span>` :
             `<span class="reason none" id="reason">not doubtful</span>`);
  lines.push(`<div class="label">Question</div><div class="question" id="question">${esc(item.question)}</div>`);
  if (item.asked && item.asked !== item.question)
    lines.push(`<div class="label">As the response asks it</div><div>${esc(item.asked)}</div>`);
  lines.push(`<div class="label">Answer</div><div class="answer" id="answer">${esc(item.answer) || "<em>(no answer found)</em>"}</div>`);
  lines.push(`<div class="label">Value</div><div class="typed" id="value">${esc(item.value) || "&mdash;"}<span class="kind" id="kind">${esc(item.kind)}</span></div>`);
  const notes = [];
  if (item.corrected) notes.push("corrected in the output");
  for (const field of ["accept", "value", "kind", "not_an_answer"]) {
    const c = decided[field];
    if (!c) continue;
    notes.push(field === "accept" ? "accepted" : field === "not_an_answer" ? "not an answer" :
               `${field}: ${esc(c.old_value) || "—"} → <b>${esc(c.new_value)}</b>`);
  }
  if (notes.length) lines.push(`<div class="decision" id="decision">${notes.join("; ")}</div>`);
  lines.push(`<div id="editor"></div>`);
  lines.push(`<div class="actions">
    <button data-act="accept"><kbd>a</kbd> accept</button>
    <button data-act="value"><kbd>e</kbd> correct value</button>
    <button data-act="kind"><kbd>c</kbd> change kind</button>
    <button data-act="not_an_answer"><kbd>x</kbd> not an answer</button>
    <button data-act="prev"><kbd>k</kbd> previous</button>
    <button data-act="next"><kbd>j</kbd> next</button></div>`);
  lines.push(`<div id="stale"></div>`);
  lines.push(`<p id="help">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>a</kbd> accept,
    <kbd>e</kbd> type the right value then <kbd>Enter</kbd>, <kbd>c</kbd> change kind,
    <kbd>x</kbd> not an answer, <kbd>q</kbd> cells to review, <kbd>l</kbd> every cell,
    <kbd>/</kbd> find. ${SERVED ? "Each decision is saved to corrections.csv." :
    "Decisions stay in this browser: Export corrections to save corrections.csv."}</p>`);
  document.getElementById("card").innerHTML = lines.join("");
  renderSource(item);
}

function renderSource(item) {
  const target = document.getElementById("source");
  const page = item.page ? " · page " + item.page : "";
  const span = item.line_start ?
    ` · lines ${item.line_start}-${item.line_end || item.line_start}` : "";
  const where = `<div class="where">${esc(item.source)}${page}${span}</div>`;
  if (item.image) {
    const box = item.bbox ? (() => {
      // 2 points round the box, so its border does not cover the first and last letters.
      const [x0, top, x1, bottom] = [item.bbox[0] - 2, item.bbox[1] - 2, item.bbox[2] + 2,
                                     item.bbox[3] + 2], w = item.image.width, h = item.image.height;
      return `<div class="box" id="box" style="left:${100 * x0 / w}%;top:${100 * top / h}%;` +
        `width:${100 * (x1 - x0) / w}%;height:${100 * (bottom - top) / h}%"></div>`;
    })() : "";
    target.innerHTML = where + `<div class="sheet"><img id="page" alt="page ${item.page}" src="${esc(item.image.src)}">${box}</div>`;
    const img = document.getElementById("page"), mark = document.getElementById("box");
    if (mark) img.addEventListener("load", () => mark.scrollIntoView({block: "center"}), {once: true});
    return;
  }
  if (item.context) {
    const blocks = D.documents[item.context.doc] || [];
    const [a, b] = item.context.marked;
    const shown = [];
    for (let n = item.context.first; n <= item.context.last; n++)
      shown.push(`<p class="${n >= a && n <= b ? "marked" : ""}">${esc(blocks[n])}</p>`);
    target.innerHTML = where + `<div class="lines" id="lines">${shown.join("")}</div>`;
    const mark = target.querySelector("p.marked");
    if (mark) mark.scrollIntoView({block: "center"});
    return;
  }
  target.innerHTML = where + `<div class="lines"><p>The source is not at hand: the answer as read is on the left.</p></div>`;
}

function renderStale() {
  const box = document.getElementById("stale");
  if (!box || !D.stale.length) return;
  box.style.display = "block";
  box.innerHTML = `<b>${D.stale.length} correction(s) point at cells that are gone</b> (kept in corrections.csv):<ul>` +
    D.stale.map(c => `<li class="stale-row">${esc(c.key)}: ${esc(c.field)} ${esc(c.old_value)} → ${esc(c.new_value)}</li>`).join("") + "</ul>";
}

function status(text) { document.getElementById("status").textContent = text; }

function record(item, field, value) {
  const correction = {key: item.key, field: field, old_value: field === "kind" ? item.kind :
    field === "value" ? item.value : (item.value || item.kind), new_value: value, who: D.who,
    when: new Date().toISOString().replace(/\.\d+Z$/, "+00:00"), note: ""};
  made.push(correction);
  try { localStorage.setItem(STORE, JSON.stringify(made)); } catch (e) { /* full: keep in memory */ }
  if (SERVED) {
    status("saving…");
    fetch("corrections", {method: "POST", headers: {"Content-Type": "application/json"},
                          body: JSON.stringify(correction)})
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(r => status(`saved (${r.count} in corrections.csv)`))
      .catch(() => status("not saved: use Export corrections"));
  } else {
    status(`${made.length} decision(s) in this browser: export to save`);
  }
}

function move(step) { position += step; editing = null; render(); }
function currentItem() { const shown = view(); return shown.length ? D.items[shown[position]] : null; }

function act(action) {
  const item = currentItem();
  if (action === "next") return move(1);
  if (action === "prev") return move(-1);
  if (!item) return;
  if (action === "accept") { record(item, "accept", item.value || item.kind); return advance(); }
  if (action === "not_an_answer") { record(item, "not_an_answer", "true"); return advance(); }
  if (action === "value") return edit(item, "value");
  if (action === "kind") return edit(item, "kind");
}
function advance() { if (mode === "queue") position += 1; render(); }

function edit(item, field) {
  editing = field;
  const editor = document.getElementById("editor");
  editor.style.display = "block";
  if (field === "value") {
    editor.innerHTML = `<div class="label">Right value (Enter saves, Esc cancels)</div><input id="new-value" autocomplete="off">`;
  } else {
    const options = D.kinds.map(k => `<option${k === item.kind ? " selected" : ""}>${k}</option>`);
    editor.innerHTML = `<div class="label">Right kind (Enter saves, Esc cancels)</div>` +
      `<select id="new-kind" size="6">${options.join("")}</select>`;
  }
  const input = editor.querySelector("input, select");
  if (field === "value") input.value = item.value;
  input.focus();
  if (input.select && field === "value") input.select();
  input.addEventListener("keydown", event => {
    if (event.key === "Enter") {
      event.preventDefault();
      const value = input.value.trim();
      editing = null;
      if (value !== "" || field === "value") record(item, field, value);
      advance();
    } else if (event.key === "Escape") {
      editing = null; render();
    }
    event.stopPropagation();
  });
}

function exportCorrections() {
  const quote = v => /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  const rows = [COLUMNS.join(",")].concat(allCorrections().map(c =>
    COLUMNS.map(col => quote(String(c[col] == null ? "" : c[col]))).join(",")));
  const blob = new Blob([rows.join("\n") + "\n"], {type: "text/csv"});
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "corrections.csv";
  document.body.appendChild(link); link.click(); link.remove();
  status("exported corrections.csv");
}

document.addEventListener("keydown", event => {
  if (editing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (document.activeElement && document.activeElement.id === "filter") {
    if (event.key === "Escape" || event.key === "Enter") document.activeElement.blur();
    return;
  }
  const keys = {j: "next", k: "prev", a: "accept", e: "value", c: "kind", x: "not_an_answer",
                ArrowDown: "next", ArrowUp: "prev"};
  if (event.key === "q" || event.key === "l") {
    mode = event.key === "q" ? "queue" : "all"; position = 0; render(); return;
  }
  if (event.key === "/") { event.preventDefault(); document.getElementById("filter").focus(); return; }
  if (keys[event.key]) { event.preventDefault(); act(keys[event.key]); }
});
document.getElementById("card").addEventListener("click", event => {
  const button = event.target.closest("button[data-act]");
  if (button) act(button.dataset.act);
});
document.getElementById("list").addEventListener("click", event => {
  const entry = event.target.closest("li[data-at]");
  if (entry) { position = Number(entry.dataset.at); editing = null; render(); }
});
document.getElementById("filter").addEventListener("input", event => {
  filterText = event.target.value.trim(); position = 0; render();
});
document.getElementById("mode-queue").onclick = () => { mode = "queue"; position = 0; render(); };
document.getElementById("mode-all").onclick = () => { mode = "all"; position = 0; render(); };
document.getElementById("export").onclick = exportCorrections;
document.getElementById("what").textContent = D.title;
document.getElementById("what").title = D.path;
render();
document.body.dataset.ready = "true";
</script>
</body>
</html>
"""
