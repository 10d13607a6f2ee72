"""The text of a page with coding highlights and stripes, and mouse selection of a span.

A Streamlit Custom Component v2 (inline HTML/CSS/JS, no iframe, no build
step). Python passes the page's segments, each cut into runs at coding
boundaries, with their document offsets; the browser reports back the
selected span as document offsets (state ``selection``), a click on a
highlight or stripe (trigger ``clicked``), keyboard shortcuts (trigger
``key``; ``c`` only moves the cursor to the codes box) and pages turned by
key (trigger ``turn``, the page to show), the last two handled in callbacks.
Text is inserted with ``textContent``, never as HTML, so nothing in a plan or
a memo can inject markup or script.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from coder.coding import Coding
from coder.corpus import PageSegment

#: keys the component reports (outside text inputs): see README, "Keyboard shortcuts"
SHORTCUTS = {
    "ArrowRight": "next_page",
    "ArrowLeft": "prev_page",
    "n": "next_page",
    "p": "prev_page",
    "j": "next_coding",
    "k": "prev_coding",
    "g": "next_uncoded",
    "u": "undo",
    "c": "code_selection",
    "Escape": "clear",
}

CSS = """
.cs-page { font-size: 1.02rem; line-height: 1.65; max-width: 52rem; }
.cs-block { display: flex; gap: .75rem; align-items: stretch; }
.cs-text { flex: 1; margin: .45rem 0 .6rem; white-space: pre-wrap; }
.cs-heading { font-weight: 700; margin-top: 1rem; }
.cs-h1 { font-size: 1.45rem; } .cs-h2 { font-size: 1.25rem; } .cs-h3 { font-size: 1.1rem; }
.cs-list { padding-left: 1.2rem; }
.cs-table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }
.cs-table td { border: 1px solid #bbb; padding: .15rem .45rem; }
.cs-stripes { width: 7.5rem; display: flex; gap: 3px; flex-wrap: wrap; align-content: flex-start;
  padding-top: .45rem; }
.cs-stripe { font-size: .68rem; line-height: 1.1; border-left: 4px solid; padding: 0 3px;
  cursor: pointer; max-width: 7.3rem; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.cs-run.cs-coded { cursor: pointer; border-bottom: 2px solid var(--cs-line, #888); }
.cs-run.cs-selected { outline: 2px solid #1f6feb; }
.cs-run.cs-focus { animation: cs-flash 1.2s ease-out 1; }
@keyframes cs-flash { from { background-color: #ffe08a; } }
.cs-empty { color: #888; font-style: italic; }
"""

JS = """
export default function (component) {
  const { data, setStateValue, setTriggerValue, parentElement } = component;
  const root = document.createElement('div');
  root.className = 'cs-page';
  // the CSS (scoped by the cs- class prefix) goes into the document once: a new <style>
  // on every page turn would make the browser restyle the whole app each time
  if (!document.getElementById('cs-style')) {
    const style = document.createElement('style');
    style.id = 'cs-style';
    style.textContent = data.css;
    document.head.appendChild(style);
  }
  parentElement.replaceChildren(root);
  const byId = new Map(data.codings.map(c => [c.id, c]));
  // the page last asked for by key: while the app has not drawn it yet (it echoes the
  // number of the last request it handled), further keys count from there
  const asked = window.__csTurn;
  const inFlight = asked && asked.seq > data.turn_seq && Date.now() - asked.at < 3000;
  let turnedTo = inFlight ? asked.page : data.page;

  function tooltip(ids) {
    return ids.map(id => { const c = byId.get(id); return c ? `${c.code} — ${c.coder}` +
      (c.memo ? `: ${c.memo}` : '') : ''; }).join('\\n');
  }
  function paintRun(span, run) {
    span.className = 'cs-run';
    span.dataset.s = run.start;
    span.textContent = run.text;
    if (run.codings.length) {
      const colours = run.codings.map(id => (byId.get(id) || {}).colour || '#999999');
      span.classList.add('cs-coded');
      span.style.setProperty('--cs-line', colours[0]);
      if (colours.length === 1) span.style.backgroundColor = colours[0] + '33';
      else {
        const step = 100 / colours.length;
        span.style.backgroundImage = 'linear-gradient(180deg,' + colours.map((c, i) =>
          `${c}33 ${i * step}%, ${c}33 ${(i + 1) * step}%`).join(',') + ')';
      }
      span.title = tooltip(run.codings);
      span.addEventListener('click', () => {
        if (String(window.getSelection()).length === 0) setTriggerValue('clicked', run.codings[0]);
      });
      if (data.selected !== null && run.codings.includes(data.selected))
        span.classList.add('cs-selected');
    }
    if (data.focus !== null && run.start <= data.focus && data.focus < run.start + run.text.length)
      span.classList.add('cs-focus');
    return span;
  }
  if (!data.segments.length) {
    const p = document.createElement('p');
    p.className = 'cs-empty';
    p.textContent = data.empty;
    root.appendChild(p);
  }
  for (const seg of data.segments) {
    const block = document.createElement('div');
    block.className = 'cs-block';
    let text;
    if (seg.kind === 'table' && seg.rows) {
      text = document.createElement('table');
      text.className = 'cs-table';
      for (const row of seg.rows) {
        const tr = document.createElement('tr');
        for (const cell of row) {
          const td = document.createElement('td');
          for (const run of cell) td.appendChild(paintRun(document.createElement('span'), run));
          tr.appendChild(td);
        }
        text.appendChild(tr);
      }
    } else {
      text = document.createElement('div');
      const level = Math.min(seg.level || 1, 3);
      text.className = 'cs-text'
        + (seg.kind === 'heading' ? ` cs-heading cs-h${level}` : '')
        + (seg.kind === 'list_item' ? ' cs-list' : '');
      for (const run of seg.runs) text.appendChild(paintRun(document.createElement('span'), run));
    }
    block.appendChild(text);
    const stripes = document.createElement('div');
    stripes.className = 'cs-stripes';
    for (const id of seg.stripes) {
      const c = byId.get(id);
      if (!c) continue;
      const s = document.createElement('div');
      s.className = 'cs-stripe';
      s.dataset.id = id;
      s.style.borderColor = c.colour || '#999999';
      s.textContent = c.short;
      s.title = tooltip([id]);
      s.addEventListener('click', () => setTriggerValue('clicked', id));
      stripes.appendChild(s);
    }
    block.appendChild(stripes);
    root.appendChild(block);
  }
  const focused = root.querySelector('.cs-focus');
  if (focused) focused.scrollIntoView({ block: 'center' });

  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const run = node.parentElement && node.parentElement.closest('[data-s]');
      return run ? Number(run.dataset.s) + offset : null;
    }
    const runs = Array.from(root.querySelectorAll('[data-s]'));
    const child = node.childNodes[offset];
    if (child) {
      const next = runs.find(r => child === r || child.contains(r) ||
        (child.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING));
      return next ? Number(next.dataset.s) : null;
    }
    const inside = runs.filter(r => node.contains(r));
    const last = inside[inside.length - 1];
    return last ? Number(last.dataset.s) + last.textContent.length : null;
  }
  function onMouseUp() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    setStateValue('selection', { start, end, nonce: Date.now(), visit: data.visit });
  }
  function onKey(event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target && target.tagName);
    if (typing || (target && target.isContentEditable)) return;
    if (document.querySelector('[role=dialog]')) return;  // a dialog has the keys
    const action = data.shortcuts[event.key];
    if (!action) return;
    // ours only: Streamlit's own keys would clear its cache (c) or stop the run (Esc)
    event.preventDefault();
    event.stopPropagation();
    if (action === 'next_page' || action === 'prev_page') {
      // the page to go to, counted from the last one asked for: keys pressed before the
      // next page arrives add up (n n n = three pages), and the app goes to the last one
      const to = Math.min(data.pages, Math.max(1, turnedTo + (action === 'next_page' ? 1 : -1)));
      if (to !== turnedTo) {
        turnedTo = to;
        const seq = Math.max((window.__csTurn || {}).seq || 0, data.turn_seq) + 1;
        window.__csTurn = { page: to, seq, at: Date.now() };
        setTriggerValue('turn', { page: to, seq });
      }
      return;
    }
    if (action === 'code_selection') {  // in the browser: put the cursor in the codes box
      const box = document.querySelector('[data-testid=stForm] [data-testid=stMultiSelect] input');
      if (box) box.focus();
      return;
    }
    setTriggerValue('key', action);
  }
  root.addEventListener('mouseup', onMouseUp);
  // one key listener, the newest page's: a page's listener can outlive its page, and a
  // key sent by it would act for the page it showed. Capture phase on window: before
  // Streamlit's own listeners on the document.
  if (window.__csOnKey) window.removeEventListener('keydown', window.__csOnKey, true);
  window.__csOnKey = onKey;
  window.addEventListener('keydown', onKey, true);
  return () => {
    root.removeEventListener('mouseup', onMouseUp);
    if (window.__csOnKey === onKey) {
      window.removeEventListener('keydown', onKey, true);
      window.__csOnKey = null;
    }
  };
}
"""

# CSS travels in the data and is put in a <style> beside the text: with
# isolate_styles=False (needed so window.getSelection() sees the text) the css
# argument was not applied to the mounted element.
_component = st.components.v2.component("coder.span_selector", js=JS, isolate_styles=False)


@dataclass(slots=True)
class SelectorEvent:
    """What the reader did in the text: the current selection, and this run's click."""

    selection: tuple[int, int] | None
    #: changes with every new mouse selection, so a selection can be used once
    nonce: int | None
    clicked: int | None


def _runs(start: int, text: str, codings: list[Coding]) -> list[dict[str, Any]]:
    """Cut ``text`` (beginning at document offset ``start``) where codings begin or end."""
    end = start + len(text)
    cuts = {start, end}
    for c in codings:
        if c.start < end and c.end > start:
            cuts.update(x for x in (c.start, c.end) if start < x < end)
    points = sorted(cuts)
    runs = []
    for a, b in itertools.pairwise(points):
        ids = [c.id for c in codings if c.start < b and c.end > a]
        runs.append({"start": a, "text": text[a - start : b - start], "codings": ids})
    return runs


def _table_rows(segment: PageSegment, codings: list[Coding]) -> list[list[list[dict]]]:
    """Table cells with their document offsets (cells are joined by ' | ', rows by newlines)."""
    rows = []
    offset = segment.start
    for line in segment.text.split("\n"):
        cells, inner = [], 0
        for part in line.split(" | "):
            cells.append(_runs(offset + inner, part, codings))
            inner += len(part) + 3
        rows.append(cells)
        offset += len(line) + 1
    return rows


def page_data(
    segments: list[PageSegment],
    codings: list[Coding],
    *,
    page: int,
    pages: int,
    visit: int = 0,
    short_names: dict[str, str],
    selected: int | None = None,
    focus: int | None = None,
    empty: str = "",
) -> dict[str, Any]:
    """The JSON the component draws: segments cut into runs, stripes, codings.

    ``visit`` changes whenever the reader goes to a page: a selection made on an earlier
    visit (the text it was made in is gone) is not reported as a selection."""
    out = []
    for seg in segments:
        inside = [c for c in codings if c.start < seg.end and c.end > seg.start]
        item: dict[str, Any] = {
            "kind": seg.kind,
            "level": seg.level,
            "stripes": [c.id for c in sorted(inside, key=lambda c: (c.code_name, c.start))],
        }
        if seg.kind == "table" and seg.cells:
            item["rows"] = _table_rows(seg, inside)
        else:
            item["runs"] = _runs(seg.start, seg.text, inside)
        out.append(item)
    return {
        "segments": out,
        "codings": [
            {
                "id": c.id,
                "code": c.code_name,
                "short": short_names.get(c.code_id, c.code_name),
                "colour": c.colour or "#999999",
                "coder": c.coder,
                "memo": c.memo,
            }
            for c in codings
        ],
        "page": page,
        "pages": pages,
        "visit": visit,
        "selected": selected,
        "focus": focus,
        "shortcuts": SHORTCUTS,
        "empty": empty,
        "css": CSS,
    }


def span_selector(
    data: dict[str, Any],
    *,
    key: str,
    on_key: Callable[[str], None],
    on_turn: Callable[[int], None],
) -> SelectorEvent:
    """Draw the page; return the reader's selection and click since the last run.

    A keyboard shortcut goes to ``on_key`` (its action name) and a page turned by key to
    ``on_turn`` (the page to show); both run as callbacks, before the next run draws
    anything, so a key takes one round trip like a button. ``key`` should stay the same
    from page to page (one per plan): a key pressed just before the next page is drawn
    reports to the component that was on screen, and one keyed per page would be gone."""

    def reported(name: str) -> Any:
        # a key from a page no longer drawn has no state left: nothing to do
        return (st.session_state.get(key) or {}).get(name)

    def key_pressed() -> None:
        if action := reported("key"):
            on_key(action)

    seq_key = f"_turn_seq_{key}"

    def turned() -> None:
        if (turn := reported("turn")) is not None:
            st.session_state[seq_key] = int(turn["seq"])
            on_turn(int(turn["page"]))

    result = _component(
        data={**data, "turn_seq": st.session_state.get(seq_key, 0)},
        key=key,
        default={"selection": None},
        on_selection_change=lambda: None,
        on_clicked_change=lambda: None,
        on_key_change=key_pressed,
        on_turn_change=turned,
    )
    raw = result.get("selection")
    if raw and raw.get("visit") != data["visit"]:
        raw = None  # made before the reader went to this page: not a selection on it
    clicked = result.get("clicked")
    return SelectorEvent(
        selection=(int(raw["start"]), int(raw["end"])) if raw else None,
        nonce=int(raw["nonce"]) if raw else None,
        clicked=int(clicked) if clicked is not None else None,
    )
