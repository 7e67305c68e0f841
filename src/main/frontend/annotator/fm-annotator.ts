import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';

/** One highlighted range of `text`; offsets are UTF-16 code units, `end` exclusive. */
export interface FmHighlight {
  id: number;
  start: number;
  end: number;
  color: string;
  tooltip: string;
}

/** A maximal run of text covered by the same set of highlights. */
interface Segment {
  start: number;
  end: number;
  text: string;
  /** Covering highlights, innermost (shortest) first; empty for plain text. */
  covering: FmHighlight[];
  /** Space-separated ids of `covering`, or undefined for plain text. */
  ids?: string;
  style?: string;
}

/** At most this many stacked underlines per segment; deeper nesting stays reachable by click-cycling. */
const MAX_UNDERLINES = 4;

/** Highlight colours end up in inline styles: allow only colour syntax (no `;`, `:`, quotes, braces). */
const safeColor = (c: unknown) => (typeof c === 'string' && /^[#\w\s(),.%+-]{1,64}$/.test(c) ? c : '#868e96');
const tint = (c: string, pct: number) => `color-mix(in srgb, ${c} ${pct}%, transparent)`;
const innerFirst = (a: FmHighlight, b: FmHighlight) =>
  a.end - a.start - (b.end - b.start) || b.start - a.start || a.id - b.id;

// Light DOM on purpose: a selection inside a shadow root is retargeted to the host by
// window.getSelection() in Chromium, which would make selection offsets and test-driven
// selections (getSelection().addRange(el.rangeFor(...))) unreliable. CSS is therefore
// scoped by tag name and injected once per document / shadow root that hosts the element.
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
}
fm-annotator > span[data-ids] { cursor: pointer; padding-bottom: 2px; border-radius: 2px; }
fm-annotator > span.fm-selected { outline: 2px solid var(--fm-selected-color); outline-offset: 1px; }
`;

export class FmAnnotator extends LitElement {
  static properties = {
    text: { type: String },
    highlights: { type: Array },
    selectedId: { type: Number },
  };

  // `declare` so no class field shadows Lit's reactive accessors, whatever useDefineForClassFields says.
  declare text: string;
  declare highlights: FmHighlight[];
  declare selectedId: number | null;

  private segments: Segment[] = [];
  private paintFrame = 0;
  /** The mouse button went down inside the component (a drag may end outside it). */
  private pressedInside = false;
  /** Last reported selection, so releasing Shift does not re-report a mouse selection. */
  private lastReported = '';
  /** Segment key and index of the last highlight click, for cycling through nested highlights. */
  private lastClick?: { key: string; index: number };

  constructor() {
    super();
    this.text = '';
    this.highlights = [];
    this.selectedId = null;
  }

  protected createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    const root = this.getRootNode() as Document | ShadowRoot;
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
    document.addEventListener('keyup', this.onKeyUp);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('mousedown', this.onMouseDown);
    this.removeEventListener('mouseup', this.onMouseUp);
    this.removeEventListener('click', this.onClick);
    document.removeEventListener('mouseup', this.onDocumentMouseUp);
    document.removeEventListener('keyup', this.onKeyUp);
    cancelAnimationFrame(this.paintFrame);
  }

  protected willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('text') || changed.has('highlights')) {
      this.segments = segment(this.text ?? '', this.highlights ?? []);
    }
  }

  protected render() {
    const sel = this.selectedId;
    const selColor = sel == null ? undefined : this.highlights?.find((h) => h.id === sel)?.color;
    // Keyed by start offset: adding or removing one highlight only splits/merges the segments
    // it touches, so every other segment keeps its DOM node and no attribute is rewritten.
    return repeat(
      this.segments,
      (s) => s.start,
      (s) => {
        const selected = selColor !== undefined && s.covering.some((h) => h.id === sel);
        return html`<span
          data-start=${s.start}
          data-end=${s.end}
          data-ids=${s.ids ?? nothing}
          class=${selected ? 'fm-selected' : nothing}
          style=${selected ? `${s.style};--fm-selected-color:${safeColor(selColor)}` : (s.style ?? nothing)}
          title=${s.covering[0]?.tooltip || nothing}
          .textContent=${s.text}
        ></span>`;
      },
    );
  }

  protected updated(changed: Map<PropertyKey, unknown>) {
    if (!changed.has('text') && !changed.has('highlights')) return;
    // Two frames: the first callback runs before that frame's style/layout/paint,
    // the second one runs only after the new DOM has actually been painted.
    cancelAnimationFrame(this.paintFrame);
    this.paintFrame = requestAnimationFrame(() => {
      this.paintFrame = requestAnimationFrame(() => {
        performance.mark('fm-annotator-painted');
        this.dispatchEvent(new CustomEvent('fm-painted', { detail: { segments: this.segments.length } }));
      });
    });
  }

  /** Scrolls the first segment of highlight `id` into view and flashes all of its segments. */
  scrollToHighlight(id: number) {
    const spans = this.segmentSpans();
    const hits = this.segments.flatMap((s, i) => (s.covering.some((h) => h.id === id) ? [spans[i]] : []));
    if (!hits.length) return;
    hits[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    const color = safeColor(this.highlights.find((h) => h.id === id)?.color);
    for (const span of hits) {
      span.animate(
        [{ backgroundColor: tint(color, 75), outline: `3px solid ${color}` }, { backgroundColor: tint(color, 75), offset: 0.3 }, {}],
        { duration: 1000, easing: 'ease-out' },
      );
    }
  }

  /** A DOM Range over [start, end) of `text`, with both ends inside segment text nodes. */
  rangeFor(start: number, end: number): Range {
    const len = this.text.length;
    const from = clamp(Math.min(start, end), len);
    const to = clamp(Math.max(start, end), len);
    const range = document.createRange();
    if (!this.segments.length) {
      range.selectNodeContents(this);
      return range;
    }
    range.setStart(...this.pointAt(from, true));
    range.setEnd(...this.pointAt(to, false));
    return range;
  }

  /** Removes the window selection if it touches the component. */
  clearSelection() {
    const sel = getSelection();
    if (sel && sel.rangeCount && sel.getRangeAt(0).intersectsNode(this)) sel.removeAllRanges();
  }

  private segmentSpans() {
    return this.querySelectorAll<HTMLElement>(':scope > span[data-start]');
  }

  /**
   * DOM position of text offset `offset`. At a boundary between two segments `atSegmentStart`
   * picks the start of the following segment (for range starts) instead of the end of the
   * preceding one (for range ends), so ranges never reach into neighbouring segments.
   */
  private pointAt(offset: number, atSegmentStart: boolean): [Node, number] {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      // last segment with start <= offset
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (!atSegmentStart && lo > 0 && segs[lo].start === offset) lo--;
    const textNode = this.segmentSpans()[lo].firstChild!;
    return [textNode, offset - segs[lo].start];
  }

  /** Maps a DOM boundary point to a text offset; points outside the component clamp to 0 or text.length. */
  private offsetAt(node: Node, offset: number): number {
    const len = this.text.length;
    const own = document.createRange();
    own.selectNodeContents(this);
    const side = own.comparePoint(node, offset);
    if (side !== 0) return side < 0 ? 0 : len;
    const span = node.parentElement;
    if (node.nodeType === Node.TEXT_NODE && span?.dataset.start !== undefined) {
      return clamp(Number(span.dataset.start) + offset, len);
    }
    if (node instanceof HTMLElement && node.dataset.start !== undefined) {
      return Number(offset === 0 ? node.dataset.start : node.dataset.end);
    }
    // A point directly in the host (between segments or inside one of Lit's marker comments):
    // it lies just before the next segment.
    let next = node === this ? this.childNodes[offset] : node.nextSibling;
    for (; next; next = next.nextSibling) {
      if (next instanceof HTMLElement && next.dataset.start !== undefined) return Number(next.dataset.start);
    }
    return len;
  }

  /** The current window selection as clamped text offsets, or null if it is collapsed or elsewhere. */
  private selectedOffsets(): { start: number; end: number } | null {
    const sel = getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!range.intersectsNode(this)) return null;
    const start = this.offsetAt(range.startContainer, range.startOffset);
    const end = this.offsetAt(range.endContainer, range.endOffset);
    return end > start ? { start, end } : null;
  }

  private reportSelection(onlyIfChanged: boolean) {
    const offsets = this.selectedOffsets();
    if (!offsets) return;
    const key = `${offsets.start}:${offsets.end}`;
    if (onlyIfChanged && key === this.lastReported) return;
    this.lastReported = key;
    // Position the caller's form below the part of the selection that lies in the component.
    const rect = this.rangeFor(offsets.start, offsets.end).getBoundingClientRect();
    const detail = { ...offsets, x: rect.left, y: rect.bottom };
    this.dispatchEvent(new CustomEvent('fm-select', { detail, bubbles: true, composed: true }));
  }

  private onMouseDown = () => {
    this.pressedInside = true;
  };

  private onMouseUp = () => {
    this.pressedInside = false;
    this.reportSelection(false);
  };

  /** A drag that started inside the component may end anywhere on the page. */
  private onDocumentMouseUp = (e: MouseEvent) => {
    if (this.pressedInside && !e.composedPath().includes(this)) this.onMouseUp();
  };

  /** Keyboard selection (Shift+arrows) is reported when Shift is released. */
  private onKeyUp = (e: KeyboardEvent) => {
    if (e.key === 'Shift') this.reportSelection(true);
  };

  private onClick = (e: MouseEvent) => {
    if (this.selectedOffsets()) return; // the click ended a text selection
    const span = (e.target as Element).closest<HTMLElement>('span[data-ids]');
    if (!span || span.parentNode !== this) {
      this.lastClick = undefined;
      return;
    }
    const ids = span.dataset.ids!.split(' ').map(Number);
    // Repeated clicks on the same segment walk outwards through the covering highlights.
    const key = `${span.dataset.start}/${span.dataset.ids}`;
    const index = this.lastClick?.key === key ? (this.lastClick.index + 1) % ids.length : 0;
    this.lastClick = { key, index };
    this.dispatchEvent(new CustomEvent('fm-highlight-click', { detail: { id: ids[index] }, bubbles: true, composed: true }));
  };
}

const clamp = (n: number, len: number) => Math.max(0, Math.min(len, Math.floor(Number(n) || 0)));

/**
 * Cuts `text` at every highlight boundary. Boundaries are sorted once and highlights are
 * swept in start order, so the cost is O((b + h) log(b + h) + b·k) for b boundaries and
 * at most k highlights covering one point.
 */
function segment(text: string, highlights: FmHighlight[]): Segment[] {
  const len = text.length;
  const hs = highlights
    .map((h) => ({ ...h, start: clamp(h.start, len), end: clamp(h.end, len), color: safeColor(h.color) }))
    .filter((h) => h.start < h.end)
    .sort((a, b) => a.start - b.start);
  const cuts = new Float64Array(hs.length * 2 + 2);
  hs.forEach((h, i) => {
    cuts[2 * i] = h.start;
    cuts[2 * i + 1] = h.end;
  });
  cuts[hs.length * 2 + 1] = len; // cuts[2n] stays 0
  cuts.sort();

  const segments: Segment[] = [];
  let active: FmHighlight[] = [];
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
function decorate(covering: FmHighlight[]): Pick<Segment, 'ids' | 'style'> {
  if (!covering.length) return {};
  const lines = covering
    .slice(0, MAX_UNDERLINES)
    .reverse()
    .map((h, depth) => `inset 0 -${2 * (depth + 1)}px 0 ${h.color}`);
  return {
    ids: covering.map((h) => h.id).join(' '),
    style: `background-color:${tint(covering[0].color, 22)};box-shadow:${lines.join(',')}`,
  };
}

if (!customElements.get('fm-annotator')) customElements.define('fm-annotator', FmAnnotator);

declare global {
  interface HTMLElementTagNameMap {
    'fm-annotator': FmAnnotator;
  }
}
