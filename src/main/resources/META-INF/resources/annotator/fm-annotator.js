/*
 * <fm-annotator>: a document's text with highlights, for Factmark's annotation workspace.
 *
 * The server owns the data and sets three properties: `text` (shown exactly, as text nodes only,
 * never parsed as HTML), `highlights` ([{id, start, end, color, tooltip}], UTF-16 offsets, end
 * exclusive; they may overlap and nest) and `selectedId`. The element reports what the reviewer
 * does with `fm-select` ({start, end}) and `fm-highlight-click` ({id}) events, and a keyboard
 * selection being adjusted with `fm-selection-change` ({start, end}).
 *
 * A keyboard user moves a caret of our own through the text and selects with Shift (see the
 * "Keyboard" part of the class and docs/decisions/0016); Enter opens the new-claim form on the
 * selection, or the claim under the caret.
 *
 * It has no dependencies on purpose (docs/decisions/0005): it is served as a static module.
 */

/** At most this many stacked underlines per segment; deeper nesting stays reachable by click-cycling. */
const MAX_UNDERLINES = 4;

/** Highlight colours end up in inline styles: allow only colour syntax (no `;`, `:`, quotes, braces). */
const safeColor = (c) => (typeof c === 'string' && /^[#\w\s(),.%+-]{1,64}$/.test(c) ? c : '#868e96');
const tint = (c, pct) => `color-mix(in srgb, ${c} ${pct}%, transparent)`;
const clamp = (n, len) => Math.max(0, Math.min(len, Math.floor(Number(n) || 0)));
/** Innermost (shortest) highlight first; ties by later start, then id, so the order is stable. */
const innerFirst = (a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || a.id - b.id;

// Light DOM on purpose: Chromium retargets a selection inside a shadow root to the host, which
// would make selection offsets unreliable. The CSS is therefore scoped by tag name.
const CSS = `
fm-annotator {
  display: block;
  max-width: 46rem;
  white-space: pre-wrap;
  overflow-wrap: break-word;
  unicode-bidi: plaintext;
  text-align: start;
  color: var(--lumo-body-text-color, inherit);
  font-size: var(--lumo-font-size-l, 1.1rem);
  line-height: 1.7;
  outline: none;
  position: relative;
}
fm-annotator:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 6px; border-radius: 2px; }
fm-annotator:focus::after {
  content: '';
  position: absolute;
  left: var(--fm-caret-x, 0);
  top: var(--fm-caret-y, 0);
  height: var(--fm-caret-h, 1.7em);
  width: 2px;
  background: var(--lumo-body-text-color, currentColor);
  animation: fm-caret-blink 1.1s step-end infinite;
  pointer-events: none;
}
@keyframes fm-caret-blink { 50% { opacity: 0; } }
fm-annotator > div { unicode-bidi: plaintext; }
fm-annotator > div > span[data-ids] { cursor: pointer; padding-bottom: 2px; border-radius: 2px; }
fm-annotator > div > span.fm-selected { outline: 2px solid var(--fm-selected-color); outline-offset: 1px; }
`;

/**
 * Cuts `text` at every highlight boundary and after every line break into segments, each knowing
 * the highlights covering it (innermost first). Boundaries are sorted once and highlights swept in
 * start order, so the cost is O((b + h) log(b + h) + b·k) for b boundaries and at most k highlights
 * covering one point.
 */
function segment(text, highlights) {
  const len = text.length;
  const hs = highlights
    .map((h) => ({ id: h.id, tooltip: h.tooltip, start: clamp(h.start, len), end: clamp(h.end, len), color: safeColor(h.color) }))
    .filter((h) => h.start < h.end)
    .sort((a, b) => a.start - b.start);
  const lineEnds = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineEnds.push(i + 1);
  const cuts = new Float64Array(hs.length * 2 + lineEnds.length + 2);
  hs.forEach((h, i) => {
    cuts[2 * i] = h.start;
    cuts[2 * i + 1] = h.end;
  });
  lineEnds.forEach((end, i) => {
    cuts[hs.length * 2 + i] = end;
  });
  cuts[cuts.length - 1] = len; // cuts[length - 2] stays 0
  cuts.sort();

  const segments = [];
  let active = [];
  let next = 0;
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    if (start === end) continue;
    active = active.filter((h) => h.end > start);
    while (next < hs.length && hs[next].start <= start) active.push(hs[next++]);
    const covering = active.length > 1 ? [...active].sort(innerFirst) : [...active];
    segments.push({ start, end, text: text.slice(start, end), covering, ...decorate(covering) });
  }
  return segments;
}

/** Background of the innermost highlight, plus one underline per covering highlight, outermost lowest. */
function decorate(covering) {
  if (!covering.length) return { ids: '', style: '', title: '' };
  const lines = covering
    .slice(0, MAX_UNDERLINES)
    .reverse()
    .map((h, depth) => `inset 0 -${2 * (depth + 1)}px 0 ${h.color}`);
  return {
    ids: covering.map((h) => h.id).join(' '),
    style: `background-color:${tint(covering[0].color, 22)};box-shadow:${lines.join(',')}`,
    // Every claim covering the passage, innermost first, for the pointer's tooltip and for screen readers.
    title: covering.map((h) => h.tooltip || '').filter(Boolean).join('\n'),
  };
}

/** Groups the segments into lines: a line ends with the segment that ends with a line break. */
function lines(segments) {
  const result = [];
  let current = null;
  for (const s of segments) {
    if (!current) {
      current = { start: s.start, end: s.end, segments: [] };
      result.push(current);
    }
    current.segments.push(s);
    current.end = s.end;
    if (s.text.endsWith('\n')) current = null;
  }
  return result;
}

/** One segment as a span: its text as a text node, its highlights as data and style. */
function segmentSpan(s, selectedColor) {
  const span = document.createElement('span');
  span.dataset.start = String(s.start);
  span.dataset.end = String(s.end);
  span.textContent = s.text;
  if (s.ids) {
    span.dataset.ids = s.ids;
    span.title = s.title;
    span.setAttribute('role', 'mark');
    span.setAttribute('aria-description', s.covering.length > 1
      ? `${s.covering.length} claims: ${s.title.replaceAll('\n', '; ')}` : s.title);
    span.setAttribute('style', selectedColor === undefined ? s.style
      : `${s.style};--fm-selected-color:${safeColor(selectedColor)}`);
    if (selectedColor !== undefined) span.className = 'fm-selected';
  }
  return span;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const segmenters = {
  grapheme: graphemes,
  word: new Intl.Segmenter(undefined, { granularity: 'word' }),
  sentence: new Intl.Segmenter(undefined, { granularity: 'sentence' }),
};

/**
 * The caret offset one unit (grapheme, word or sentence) from `offset` in direction `dir`; always a
 * grapheme boundary, so a keyboard selection never splits a user-perceived character
 * (docs/decisions/0012). Forwards, a word or sentence step stops at its end (without the blanks
 * after a sentence); backwards, at its start.
 */
function stepFrom(text, offset, unit, dir) {
  const segments = segmenters[unit].segment(text);
  if (dir > 0) {
    for (let s = segments.containing(offset); s; s = segments.containing(s.index + s.segment.length)) {
      const end = unit === 'sentence' ? s.index + s.segment.trimEnd().length : s.index + s.segment.length;
      if (end > offset && (unit !== 'word' || s.isWordLike)) return end;
    }
    return text.length;
  }
  for (let s = offset > 0 ? segments.containing(offset - 1) : undefined; s;
    s = s.index > 0 ? segments.containing(s.index - 1) : undefined) {
    if (unit !== 'word' || s.isWordLike) return s.index;
  }
  return 0;
}

/**
 * Keys that move the caret: [unit or line motion, direction]; Ctrl picks words, Alt sentences. Alt+Left
 * and Alt+Right alone stay the browser's Back and Forward: a sentence step without Shift is Alt+Up/Down.
 */
function motion(e) {
  const unit = e.altKey ? 'sentence' : e.ctrlKey || e.metaKey ? 'word' : 'grapheme';
  const back = e.altKey && !e.shiftKey;
  switch (e.key) {
    case 'ArrowRight': return back ? null : [unit, 1];
    case 'ArrowLeft': return back ? null : [unit, -1];
    case 'ArrowDown': return [e.altKey ? 'sentence' : 'line', 1];
    case 'ArrowUp': return [e.altKey ? 'sentence' : 'line', -1];
    case 'PageDown': return ['page', 1];
    case 'PageUp': return ['page', -1];
    case 'Home': return [e.ctrlKey || e.metaKey ? 'text' : 'lineEdge', -1];
    case 'End': return [e.ctrlKey || e.metaKey ? 'text' : 'lineEdge', 1];
    default: return null;
  }
}
// Renders as nothing: whitespace and Unicode's default-ignorable characters (zero-width space,
// joiners, soft hyphen, bidi controls...), as the server's VisibleText counts them.
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * The span a selection of [start, end) becomes as a claim, by the server's rule (Anchor.nearestValid):
 * widened to whole user-perceived characters (an emoji with its joiners, a letter with its accent),
 * then without blank characters at its ends; null when nothing visible is left.
 */
function snapSpan(text, start, end) {
  const segments = graphemes.segment(text);
  let from = segments.containing(start).index;
  let to = end;
  if (end < text.length) {
    const last = segments.containing(end);
    if (last.index < end) to = last.index + last.segment.length;
  }
  for (let s = segments.containing(from); from < to && INVISIBLE.test(s.segment); s = segments.containing(from)) {
    from = s.index + s.segment.length;
  }
  for (let s = segments.containing(to - 1); to > from && INVISIBLE.test(s.segment); s = segments.containing(to - 1)) {
    to = s.index;
  }
  return from < to ? { start: from, end: to } : null;
}

/** Margin between a popup and the window's edges or the text it belongs to, in CSS pixels. */
const POPUP_MARGIN = 8;
/** A popup shorter than this cannot show its fields: the text is scrolled to make room first. */
const POPUP_MIN_HEIGHT = 260;

/** The nearest ancestor that scrolls vertically, or the page's scrolling element. */
function scrollerOf(el) {
  for (let n = el.parentElement; n; n = n.parentElement) {
    const overflow = getComputedStyle(n).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && n.scrollHeight > n.clientHeight) return n;
  }
  return document.scrollingElement;
}

/** Whether all of `el` is visible: inside the window and inside every scrolling ancestor. */
function isInView(el) {
  const r = el.getBoundingClientRect();
  let top = 0;
  let bottom = innerHeight;
  for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
    if (getComputedStyle(n).overflowY !== 'visible') {
      const box = n.getBoundingClientRect();
      top = Math.max(top, box.top);
      bottom = Math.min(bottom, box.bottom);
    }
  }
  return r.top >= top && r.bottom <= bottom;
}

/**
 * Places the fixed-position `popup` where it covers none of `range`'s lines: beside the passage (right,
 * then left) when the window has the width, else below or above it, whichever has more room. Its
 * height is capped to the room it gets (its body scrolls, its buttons stay in view); when the window
 * leaves it too little, `scroller` is scrolled to make room.
 */
function placeBeside(popup, range, scroller) {
  // A fixed element inside a transformed or contained ancestor is placed relative to that ancestor.
  popup.style.left = '0px';
  popup.style.top = '0px';
  popup.style.maxHeight = '';
  const origin = popup.getBoundingClientRect();
  const width = popup.offsetWidth;
  const wanted = Math.min(popup.offsetHeight, innerHeight - 2 * POPUP_MARGIN);
  const m = POPUP_MARGIN;
  const spot = () => {
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const box = rects.length ? rects.reduce((a, r) => ({
      left: Math.min(a.left, r.left), right: Math.max(a.right, r.right),
      top: Math.min(a.top, r.top), bottom: Math.max(a.bottom, r.bottom),
    })) : range.getBoundingClientRect();
    const top = Math.max(m, Math.min(box.top, innerHeight - m - wanted));
    if (box.right + m + width <= innerWidth - m) return { left: box.right + m, top, height: wanted };
    if (box.left - m - width >= m) return { left: box.left - m - width, top, height: wanted };
    const left = Math.max(m, Math.min(box.left, innerWidth - m - width));
    const below = innerHeight - m - (box.bottom + m);
    const above = box.top - m - m;
    if (below >= Math.min(wanted, POPUP_MIN_HEIGHT) || below >= above) {
      return { left, top: Math.max(m, box.bottom + m), height: Math.min(wanted, below), short: wanted - below, box };
    }
    const height = Math.min(wanted, above);
    return { left, top: box.top - m - height, height, short: wanted - above, box };
  };
  let place = spot();
  if (place.short > 0 && place.height < POPUP_MIN_HEIGHT && scroller) {
    // Scroll the passage up (or down) by what is missing, never so far that it leaves the window.
    const below = place.top > place.box.top;
    const room = below ? place.box.top - m : innerHeight - m - place.box.bottom;
    const by = Math.max(0, Math.min(POPUP_MIN_HEIGHT - place.height, room));
    scroller.scrollTop += below ? by : -by;
    place = spot();
  }
  popup.style.left = `${place.left - origin.left}px`;
  popup.style.top = `${place.top - origin.top}px`;
  popup.style.maxHeight = `${Math.max(0, place.height)}px`;
}

class FmAnnotator extends HTMLElement {
  constructor() {
    super();
    this._text = '';
    this._highlights = [];
    this._selectedId = null;
    this.segments = [];
    this.renderQueued = false;
    this.paintFrame = 0;
    /** Where the mouse went down inside the element and the selection then; a drag may end outside. */
    this.press = undefined;
    /** The last press ended with a new text selection, so its click is not a highlight click. */
    this.pressSelected = false;
    /** The last reported selection, so releasing Shift does not report a mouse selection again. */
    this.lastReported = '';
    /** Segment key and index of the last highlight click, for cycling through nested highlights. */
    this.lastClick = undefined;
    this.onMouseDown = this.onMouseDown.bind(this);
    this.onMouseUp = this.onMouseUp.bind(this);
    this.onDocumentMouseUp = this.onDocumentMouseUp.bind(this);
    /** The keyboard's selection as text offsets: where it started and where the caret is. */
    this.keyboard = { anchor: 0, caret: 0 };
    /** The horizontal position Up and Down keep to, across short lines. */
    this.goalX = undefined;
    this.onKeyDown = this.onKeyDown.bind(this);
    this.onFocus = this.onFocus.bind(this);
    this.onSelectionChange = this.onSelectionChange.bind(this);
    this.caretObserver = new ResizeObserver(() => this.placeCaret());
    this.onClick = this.onClick.bind(this);
    // The server may set properties before this module has loaded; they then sit on the instance
    // and would hide the accessors below, so pass them through the accessors now.
    for (const name of ['text', 'highlights', 'selectedId']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  get text() { return this._text; }
  set text(value) {
    this._text = value == null ? '' : String(value);
    this.textVersion = (this.textVersion || 0) + 1;
    this.queueRender(true);
  }

  get highlights() { return this._highlights; }
  set highlights(value) {
    this._highlights = Array.isArray(value) ? value : [];
    // Marks when the server's answer arrived, for the benchmark of "save to highlight on screen".
    performance.mark('fm-annotator-highlights-set');
    this.queueRender(true);
  }

  get selectedId() { return this._selectedId; }
  set selectedId(value) { this._selectedId = value == null ? null : Number(value); this.queueRender(false); }

  connectedCallback() {
    const root = this.getRootNode();
    const styleHost = root instanceof Document ? root.head : root;
    if (!styleHost.querySelector(':scope > style[data-fm-annotator]')) {
      const style = document.createElement('style');
      style.dataset.fmAnnotator = '';
      style.textContent = CSS;
      styleHost.append(style);
    }
    this.addEventListener('mousedown', this.onMouseDown);
    this.addEventListener('mouseup', this.onMouseUp);
    this.addEventListener('click', this.onClick);
    document.addEventListener('mouseup', this.onDocumentMouseUp);
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('focus', this.onFocus);
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.caretObserver.observe(this);
    this.queueRender(true);
  }

  disconnectedCallback() {
    this.removeEventListener('mousedown', this.onMouseDown);
    this.removeEventListener('mouseup', this.onMouseUp);
    this.removeEventListener('click', this.onClick);
    document.removeEventListener('mouseup', this.onDocumentMouseUp);
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('focus', this.onFocus);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.caretObserver.disconnect();
    cancelAnimationFrame(this.paintFrame);
  }

  /** Batches property changes made in one task (text, highlights and selection arrive together). */
  queueRender(contentChanged) {
    this.contentChanged = this.contentChanged || contentChanged;
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      const changed = this.contentChanged;
      this.contentChanged = false;
      if (changed) this.segments = segment(this._text, this._highlights);
      this.render();
      if (changed) this.announcePaint();
    });
  }

  /**
   * Brings the DOM in line with the segments. Each line of the text is a block of its own, keyed by
   * its start offset; a line whose segments did not change keeps its nodes untouched, so adding one
   * highlight re-renders, and makes the browser lay out again, only the lines it touches.
   */
  render() {
    // Highlights may change under the reviewer's hands (someone else saved a claim): a text
    // selection that lies in a line drawn anew is put back where it was.
    const kept = this.renderedTextVersion === this.textVersion ? this.selectedOffsets() : null;
    this.renderLines();
    this.renderedTextVersion = this.textVersion;
    if (kept && this.selectionKey() !== `${kept.start}:${kept.end}`) {
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(this.rangeFor(kept.start, kept.end));
    }
  }

  renderLines() {
    const selected = this._selectedId;
    const selectedColor = selected == null ? undefined : this._highlights.find((h) => h.id === selected)?.color;
    const isSelected = (s) => selectedColor !== undefined && s.covering.some((h) => h.id === selected);
    let child = this.firstElementChild;
    for (const line of lines(this.segments)) {
      while (child && Number(child.dataset.start) < line.start) {
        const gone = child;
        child = child.nextElementSibling;
        gone.remove();
      }
      let block = child;
      if (block && Number(block.dataset.start) === line.start) {
        child = child.nextElementSibling;
      } else {
        block = document.createElement('div');
        block.dataset.start = String(line.start);
        this.insertBefore(block, child);
      }
      const signature = this.textVersion + '#' + line.segments
        .map((s) => `${s.end}|${s.ids}|${s.style}|${s.title}|${isSelected(s) ? 1 : 0}`).join(';');
      if (block.fmSignature !== signature) {
        block.fmSignature = signature;
        block.dataset.end = String(line.end);
        block.replaceChildren(...line.segments.map((s) => segmentSpan(s, isSelected(s) ? selectedColor : undefined)));
      }
    }
    while (child) {
      const gone = child;
      child = child.nextElementSibling;
      gone.remove();
    }
  }

  /** Two frames: the first callback runs before that frame's paint, the second only after it. */
  announcePaint() {
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = requestAnimationFrame(() => {
      this.paintFrame = requestAnimationFrame(() => {
        performance.mark('fm-annotator-painted');
        this.dispatchEvent(new CustomEvent('fm-painted', { detail: { segments: this.segments.length } }));
      });
    });
  }

  /**
   * Brings the first segment of highlight `id` into view and flashes all of its segments. A highlight
   * already in view stays where it is: the reviewer may have just clicked it, and a click on the same
   * spot must reach the same words (and, click after click, the claims around them).
   */
  scrollToHighlight(id) {
    const spans = this.segmentSpans();
    const hits = [];
    this.segments.forEach((s, i) => {
      if (s.covering.some((h) => h.id === id)) hits.push(spans[i]);
    });
    if (!hits.length) return;
    if (!isInView(hits[0])) hits[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    const color = safeColor(this._highlights.find((h) => h.id === id)?.color);
    for (const span of hits) {
      span.animate(
        [{ backgroundColor: tint(color, 75), outline: `3px solid ${color}` }, { backgroundColor: tint(color, 75), offset: 0.3 }, {}],
        { duration: 1000, easing: 'ease-out' },
      );
    }
  }

  /**
   * Places `popup` (a fixed-position form) beside the text [start, end) and keeps it there while the
   * text scrolls, until the popup is hidden. See placeBeside.
   */
  placePopup(popup, start, end) {
    const range = () => this.rangeFor(start, end);
    placeBeside(popup, range(), scrollerOf(this));
    popup.fmFollow?.();
    const follow = (e) => {
      if (!popup.isConnected || popup.hidden) {
        stop();
      } else if (!popup.contains(e.target)) {
        // Following never scrolls the text itself, and scrolling inside the form moves nothing.
        placeBeside(popup, range(), null);
      }
    };
    const stop = () => {
      document.removeEventListener('scroll', follow, true);
      removeEventListener('resize', follow);
      popup.fmFollow = undefined;
    };
    document.addEventListener('scroll', follow, { capture: true, passive: true });
    addEventListener('resize', follow);
    popup.fmFollow = stop;
  }

  /** A DOM Range over [start, end) of the text, with both ends inside segment text nodes. */
  rangeFor(start, end) {
    const len = this._text.length;
    const from = clamp(Math.min(start, end), len);
    const to = clamp(Math.max(start, end), len);
    const range = document.createRange();
    if (!this.segments.length) {
      range.setStart(this, 0);
      return range;
    }
    range.setStart(...this.pointAt(from, true));
    range.setEnd(...this.pointAt(to, false));
    return range;
  }

  /** Removes the window selection if it touches the element. */
  clearSelection() {
    const sel = getSelection();
    if (sel && sel.rangeCount && sel.getRangeAt(0).intersectsNode(this)) sel.removeAllRanges();
    this.lastReported = '';
    this.keyboard = { anchor: this.keyboard.caret, caret: this.keyboard.caret };
  }

  segmentSpans() {
    return this.querySelectorAll(':scope > div > span[data-start]');
  }

  /**
   * DOM position of a text offset. At a boundary between two segments `atSegmentStart` picks the
   * start of the following segment (for range starts) rather than the end of the preceding one.
   */
  pointAt(offset, atSegmentStart) {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1; // the last segment with start <= offset
      if (segs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (!atSegmentStart && lo > 0 && segs[lo].start === offset) lo--;
    return [this.segmentSpans()[lo].firstChild, offset - segs[lo].start];
  }

  /** Maps a DOM boundary point to a text offset; points outside the element clamp to 0 or the length. */
  offsetAt(node, offset) {
    const len = this._text.length;
    const own = document.createRange();
    own.selectNodeContents(this);
    const side = own.comparePoint(node, offset);
    if (side !== 0) return side < 0 ? 0 : len;
    const span = node.parentElement;
    if (node.nodeType === Node.TEXT_NODE && span?.dataset.start !== undefined) {
      return clamp(Number(span.dataset.start) + offset, len);
    }
    if (node instanceof HTMLElement && node.parentNode === this.lineOf(node)) {
      // A point inside a segment span but not in its text (rare): its start or its end.
      return Number(offset === 0 ? node.dataset.start : node.dataset.end);
    }
    // A point between children of a line block or of the element: before the child at `offset`.
    if (node === this || node.parentNode === this) {
      const next = node.childNodes[offset];
      if (next instanceof HTMLElement && next.dataset.start !== undefined) return Number(next.dataset.start);
      return node === this ? len : Number(node.dataset.end);
    }
    return len;
  }

  /** The line block that holds `node`, or null. */
  lineOf(node) {
    for (let n = node; n && n !== this; n = n.parentNode) {
      if (n.parentNode === this) return n;
    }
    return null;
  }

  /** The window selection as clamped text offsets, or null if it is collapsed or elsewhere. */
  selectedOffsets() {
    const sel = getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    // A drag that starts or ends outside the text (on the title, say) is not a claim's span.
    if (!this.contains(range.startContainer) || !this.contains(range.endContainer)) return null;
    const start = this.offsetAt(range.startContainer, range.startOffset);
    const end = this.offsetAt(range.endContainer, range.endOffset);
    return end > start ? { start, end } : null;
  }

  selectionKey() {
    const offsets = this.selectedOffsets();
    return offsets ? `${offsets.start}:${offsets.end}` : '';
  }

  /**
   * Reports the selection if there is one in the element; returns whether there is. What is reported
   * is the span the claim will get (see snapSpan), and the selection is set to it, so the reviewer
   * sees that span before the form opens.
   */
  reportSelection(onlyIfChanged) {
    const selected = this.selectedOffsets();
    if (!selected) return false;
    const offsets = snapSpan(this._text, selected.start, selected.end);
    if (!offsets) return true; // nothing visible selected: nothing to claim
    if (offsets.start !== selected.start || offsets.end !== selected.end) {
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(this.rangeFor(offsets.start, offsets.end));
    }
    const key = `${offsets.start}:${offsets.end}`;
    if (onlyIfChanged && key === this.lastReported) return true;
    this.lastReported = key;
    const detail = { start: offsets.start, end: offsets.end };
    this.dispatchEvent(new CustomEvent('fm-select', { detail, bubbles: true, composed: true }));
    return true;
  }

  onMouseDown(e) {
    // Only real presses: a scripted mouseup after a scripted selection must always be reported.
    this.press = e.isTrusted ? { x: e.clientX, y: e.clientY, selection: this.selectionKey() } : undefined;
  }

  onMouseUp(e) {
    const press = this.press;
    this.press = undefined;
    // A click into an existing selection: Chromium still reports that selection during mouseup and
    // click and collapses it only afterwards, so it is not reported again.
    const click = press && Math.abs(e.clientX - press.x) < 4 && Math.abs(e.clientY - press.y) < 4;
    this.pressSelected = !(click && press.selection === this.selectionKey()) && this.reportSelection(false);
  }

  /** A drag that started inside the element may end anywhere on the page. */
  onDocumentMouseUp(e) {
    if (this.press && !e.composedPath().includes(this)) this.onMouseUp(e);
  }

  onClick(e) {
    const selected = this.pressSelected;
    this.pressSelected = false;
    if (selected || e.detail > 1) return; // the press selected text, or a double click selects a word
    const span = e.target.closest('span[data-ids]');
    if (!span || span.parentNode?.parentNode !== this) {
      this.lastClick = undefined;
      return;
    }
    const ids = span.dataset.ids.split(' ').map(Number);
    // Repeated clicks on the same segment walk outwards through the covering highlights.
    const key = `${span.dataset.start}/${span.dataset.ids}`;
    const index = this.lastClick?.key === key ? (this.lastClick.index + 1) % ids.length : 0;
    this.lastClick = { key, index };
    this.dispatchEvent(new CustomEvent('fm-highlight-click', { detail: { id: ids[index] }, bubbles: true, composed: true }));
  }

  // ---- Keyboard: a caret of our own, moved by keys, mirrored in the window selection ----------------

  onKeyDown(e) {
    if (e.target !== this || e.isComposing) return;
    const move = motion(e);
    if (move) {
      e.preventDefault();
      this.moveCaret(move[0], move[1], e.shiftKey);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      this.enter();
    } else if ((e.key === ']' || e.key === '[') && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      this.toHighlight(e.key === ']' ? 1 : -1);
    }
  }

  /** Focus from Tab, a skip link or a closed form: show the keyboard's selection and caret again. */
  onFocus() {
    if (!this.windowSelectionInside()) this.showKeyboardSelection(false);
    this.placeCaret();
  }

  /** A selection made with the mouse is where the keyboard goes on from. */
  onSelectionChange() {
    const sel = getSelection();
    if (!this.windowSelectionInside()) return;
    // Redrawing a line (a highlight came or went) drops a caret that sat in it onto the line's parent:
    // that is not the reviewer moving it. A click always puts it into the text.
    if (sel.isCollapsed && sel.anchorNode.nodeType !== Node.TEXT_NODE) return;
    const anchor = this.offsetAt(sel.anchorNode, sel.anchorOffset);
    const caret = this.offsetAt(sel.focusNode, sel.focusOffset);
    const { anchor: a, caret: c } = this.keyboard;
    // A redraw may put the same selection back without its direction: keep ours then.
    if (Math.min(a, c) !== Math.min(anchor, caret) || Math.max(a, c) !== Math.max(anchor, caret)) {
      this.keyboard = { anchor, caret };
      this.goalX = undefined;
    }
    this.placeCaret();
  }

  windowSelectionInside() {
    const sel = getSelection();
    return !!sel && sel.rangeCount > 0 && this.contains(sel.anchorNode) && this.contains(sel.focusNode);
  }

  moveCaret(unit, dir, extend) {
    const len = this._text.length;
    const { anchor, caret } = this.keyboard;
    let next;
    if (!extend && anchor !== caret && unit === 'grapheme') {
      next = dir > 0 ? Math.max(anchor, caret) : Math.min(anchor, caret); // an arrow collapses a selection to its side
    } else if (unit === 'text') {
      next = dir > 0 ? len : 0;
    } else if (unit === 'line' || unit === 'page' || unit === 'lineEdge') {
      next = this.verticalTarget(unit, dir);
    } else {
      next = stepFrom(this._text, caret, unit, dir);
    }
    if (unit !== 'line' && unit !== 'page') this.goalX = undefined;
    this.keyboard = { anchor: extend ? anchor : next, caret: next };
    this.showKeyboardSelection(true);
    if (extend) this.reportAdjustment();
  }

  /** Caret offset for Up/Down (a line), PageUp/PageDown (a screen) and Home/End (the visual line's ends). */
  verticalTarget(unit, dir) {
    const box = this.caretBox(this.keyboard.caret);
    // A character's box is shorter than the line it sits on: step by the line's height.
    const height = parseFloat(getComputedStyle(this).lineHeight) || Math.max(1, box.bottom - box.top);
    const middle = (box.top + box.bottom) / 2;
    if (unit === 'lineEdge') {
      const line = this.lineAt(middle);
      return (dir > 0 ? line[line.length - 1] : line[0]).offset;
    }
    if (this.goalX === undefined) this.goalX = box.x;
    const distance = unit === 'page' ? Math.max(height, innerHeight * 0.8) : height;
    const first = this.caretBox(0);
    const last = this.caretBox(this._text.length);
    const y = middle + dir * distance;
    if (y < first.top) return 0;
    if (y > last.bottom) return this._text.length;
    let best = null;
    for (const point of this.lineAt(y)) {
      if (!best || Math.abs(point.x - this.goalX) < Math.abs(best.x - this.goalX)) best = point;
    }
    return best.offset;
  }

  /**
   * The caret positions ({offset, x}) on the visual line at client height y. Found by layout, not by
   * hit-testing a point, so that text under the open form or outside the viewport is reached too.
   */
  lineAt(y) {
    const text = this._text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.caretBox(mid).bottom > y) hi = mid;
      else lo = mid + 1;
    }
    const segments = graphemes.segment(text);
    let offset = lo < text.length ? segments.containing(lo).index : text.length;
    const top = this.caretBox(offset);
    const points = [{ offset, x: top.x }];
    while (offset < text.length && text[offset] !== '\n') {
      const s = segments.containing(offset);
      offset = s.index + s.segment.length;
      const box = this.caretBox(offset);
      if (box.top >= top.bottom - 1) break; // wrapped onto the next line
      points.push({ offset, x: box.x });
    }
    return points;
  }

  /** Where a caret at `offset` is drawn, in client coordinates: before its character, or after the line's last. */
  caretBox(offset) {
    const text = this._text;
    const rectOf = (from) => {
      const s = graphemes.segment(text).containing(from);
      const rects = this.rangeFor(s.index, s.index + s.segment.length).getClientRects();
      return rects.length ? rects[rects.length - 1] : null;
    };
    if (offset < text.length && text[offset] !== '\n') {
      const r = rectOf(offset);
      if (r) return { x: r.left, top: r.top, bottom: r.bottom };
    }
    if (offset > 0 && text[offset - 1] !== '\n') {
      const r = rectOf(offset - 1);
      if (r) return { x: r.right, top: r.top, bottom: r.bottom };
    }
    // An empty line, or the end after a line break: the start of that line's block.
    const block = this.segments.length ? this.lineOf(this.pointAt(Math.min(offset, text.length), true)[0]) : null;
    const r = (offset >= text.length && text.endsWith('\n') ? null : block?.getBoundingClientRect())
      || this.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(this).lineHeight) || 24;
    const top = offset >= text.length && text.endsWith('\n') ? r.bottom - lineHeight : r.top;
    return { x: r.left, top, bottom: top + lineHeight };
  }

  /** Puts the keyboard's selection into the window selection, and shows the caret. */
  showKeyboardSelection(scroll) {
    if (!this.segments.length) return;
    const { anchor, caret } = this.keyboard;
    const [anchorNode, anchorOffset] = this.pointAt(anchor, anchor <= caret);
    const [caretNode, caretOffset] = this.pointAt(caret, caret < anchor);
    getSelection().setBaseAndExtent(anchorNode, anchorOffset, caretNode, caretOffset);
    this.placeCaret();
    if (scroll) this.scrollCaretIntoView();
  }

  placeCaret() {
    if (!this.segments.length || !this.isConnected) return;
    const box = this.caretBox(this.keyboard.caret);
    const own = this.getBoundingClientRect();
    this.style.setProperty('--fm-caret-x', `${box.x - own.left - this.clientLeft}px`);
    this.style.setProperty('--fm-caret-y', `${box.top - own.top - this.clientTop}px`);
    this.style.setProperty('--fm-caret-h', `${box.bottom - box.top}px`);
  }

  /** Scrolls the nearest scrolling ancestor (across shadow roots) just enough to show the caret. */
  scrollCaretIntoView() {
    const box = this.caretBox(this.keyboard.caret);
    const margin = (box.bottom - box.top) * 2;
    let scroller = document.scrollingElement;
    for (let n = this.parentNode; n; n = n.assignedSlot || n.parentNode || n.host) {
      if (n instanceof Element && n.scrollHeight > n.clientHeight
        && /(auto|scroll)/.test(getComputedStyle(n).overflowY)) {
        scroller = n;
        break;
      }
    }
    const view = scroller === document.scrollingElement ? { top: 0, bottom: innerHeight } : scroller.getBoundingClientRect();
    if (box.top < view.top + margin) scroller.scrollBy(0, box.top - view.top - margin);
    else if (box.bottom > view.bottom - margin) scroller.scrollBy(0, box.bottom - view.bottom + margin);
    this.placeCaret();
  }

  /**
   * Enter: a selection becomes the new-claim form (as a mouse selection does); on a collapsed caret
   * inside highlights, the claim there opens, and Enter again walks outwards through nested claims.
   */
  enter() {
    const { anchor, caret } = this.keyboard;
    if (anchor !== caret) {
      this.showKeyboardSelection(false);
      this.lastReported = '';
      if (this.reportSelection(false)) this.onSelectionChange();
      return;
    }
    const ids = this.claimsAt(caret);
    if (!ids.length) return;
    const key = `${caret}/${ids.join(' ')}`;
    const index = this.lastEnter?.key === key ? (this.lastEnter.index + 1) % ids.length : 0;
    this.lastEnter = { key, index };
    this.dispatchEvent(new CustomEvent('fm-highlight-click', { detail: { id: ids[index] }, bubbles: true, composed: true }));
  }

  /** Ids of the highlights covering the character at `offset`, innermost first. */
  claimsAt(offset) {
    const s = this.segments.find((seg) => seg.start <= offset && offset < seg.end);
    return s ? s.covering.map((h) => h.id) : [];
  }

  /** `]` and `[`: the caret jumps to the start of the next or previous highlight, and says which claims are there. */
  toHighlight(dir) {
    const caret = this.keyboard.caret;
    const starts = [...new Set(this.segments.filter((s) => s.covering.length).map((s) => s.start))];
    const target = dir > 0 ? starts.find((start) => start > caret) : starts.reverse().find((start) => start < caret);
    if (target === undefined) return;
    this.keyboard = { anchor: target, caret: target };
    this.goalX = undefined;
    this.showKeyboardSelection(true);
    const status = this.dataset.statusRegion && document.getElementById(this.dataset.statusRegion);
    const segment = this.segments.find((s) => s.start === target);
    if (status && segment) status.textContent = `${segment.covering.length === 1 ? 'Claim' : `${segment.covering.length} claims`}: ${segment.title.replaceAll('\n', '; ')}. Enter opens it.`;
  }

  /** While the reviewer adjusts a keyboard selection, the open new-claim form follows its span. */
  reportAdjustment() {
    clearTimeout(this.adjustTimer);
    this.adjustTimer = setTimeout(() => {
      const { anchor, caret } = this.keyboard;
      const span = snapSpan(this._text, Math.min(anchor, caret), Math.max(anchor, caret));
      if (span) this.dispatchEvent(new CustomEvent('fm-selection-change', { detail: span, bubbles: true, composed: true }));
    }, 150);
  }
}

if (!customElements.get('fm-annotator')) customElements.define('fm-annotator', FmAnnotator);
