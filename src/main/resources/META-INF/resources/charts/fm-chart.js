/*
 * <fm-chart>: one Apache ECharts chart, for Factmark's dashboards (docs/decisions/0008).
 *
 * The server sets `library` (the URL of ECharts' self-contained script, loaded once per page) and
 * `option` (an ECharts option as JSON). Colours of text and axes come from the Lumo theme, so the
 * chart reads in light and dark mode alike; tooltips are drawn as chart text, never as HTML, so
 * names from user data cannot become markup. A click on a bar, point or slice is reported as
 * `fm-chart-click` with {series, index} (the series' name and the data item's index); `data-rendered` is set once the chart is drawn.
 */
let library;

function loadLibrary(url) {
  if (window.echarts) return Promise.resolve(window.echarts);
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    document.head.append(script);
  });
  return library;
}

class FmChart extends HTMLElement {
  constructor() {
    super();
    // The server may set properties before this module has loaded; pass them through the accessors.
    for (const name of ['option', 'library']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  get option() { return this._option; }
  set option(value) { this._option = value; this.render(); }

  get library() { return this._library; }
  set library(value) { this._library = value; this.render(); }

  connectedCallback() {
    // A new width (window, column or phone rotated) re-fits the chart and its axis labels to it.
    this.resizing = new ResizeObserver(() => {
      if (this.chart && this.clientWidth !== this.drawnWidth) this.render();
    });
    this.resizing.observe(this);
    this.schemeQuery = matchMedia('(prefers-color-scheme: dark)');
    this.onScheme = () => this.render();
    this.schemeQuery.addEventListener('change', this.onScheme);
    this.render();
  }

  disconnectedCallback() {
    this.resizing?.disconnect();
    this.schemeQuery?.removeEventListener('change', this.onScheme);
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** The width of {@code text} in the chart's 12 px labels. */
  measure(text) {
    FmChart.canvas ??= document.createElement('canvas');
    const context = FmChart.canvas.getContext('2d');
    context.font = `12px ${getComputedStyle(this).fontFamily}`;
    return context.measureText(text).width;
  }

  /** Text and line colours of the current Lumo theme. */
  colours() {
    const style = getComputedStyle(this);
    const value = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      text: value('--lumo-body-text-color', '#1a1a1a'),
      secondary: value('--lumo-secondary-text-color', '#666'),
      line: value('--lumo-contrast-20pct', '#ccc'),
      background: value('--lumo-base-color', '#fff'),
    };
  }

  async render() {
    if (!this.isConnected || !this._option || !this._library) return;
    const echarts = await loadLibrary(this._library);
    if (!this.isConnected) return;
    if (!this.chart) {
      this.chart = echarts.init(this, null, { renderer: 'svg' });
      this.chart.on('click', (event) => this.dispatchEvent(new CustomEvent('fm-chart-click', {
        detail: { series: String(event.seriesName ?? ''), index: Number(event.dataIndex ?? -1) },
      })));
    }
    this.chart.resize();
    this.drawnWidth = this.clientWidth;
    const c = this.colours();
    const option = JSON.parse(this._option);
    const axis = { axisLabel: { color: c.secondary }, axisLine: { lineStyle: { color: c.line } },
      splitLine: { lineStyle: { color: c.line } } };
    const styled = (axes, fit) => (axes === undefined ? undefined
      : [].concat(axes).map((a) => ({ ...axis, ...a, axisLabel: { ...axis.axisLabel, ...a.axisLabel, ...fit(a) } })));
    // Every category's label shown in full, fitted to the width the chart has now: below the bars,
    // each label gets its bar's share of the width and breaks into lines between words, or, when a
    // word is wider than that (on a phone), stands upright; beside bars laid out sideways, labels
    // take at most two fifths of the chart (long names end in an ellipsis, and the table has them
    // whole). The grid's containLabel then makes room for them.
    const width = this.clientWidth;
    const below = (a) => {
      if (a.type !== 'category' || a.axisLabel?.interval !== 0) return {};
      const labels = (a.data ?? []).map(String);
      const share = Math.floor((width - 64) / Math.max(1, labels.length)) - 8;
      const widestWord = Math.max(0, ...labels.flatMap((label) => label.split(/\s+/)).map((word) => this.measure(word)));
      return widestWord <= share ? { width: share, overflow: 'break' } : { rotate: 90, width: 120, overflow: 'truncate' };
    };
    const beside = (a) => (a.type !== 'category' ? {}
      : { width: Math.min(a.axisLabel?.width ?? 140, Math.floor(width * 0.4)) });
    this.chart.setOption({
      ...option,
      backgroundColor: 'transparent',
      // Drawn at once: the figures are there to be read (and clicked) as soon as they appear.
      animation: false,
      textStyle: { color: c.text, fontFamily: 'inherit' },
      legend: option.legend && { ...option.legend, textStyle: { color: c.text } },
      tooltip: { trigger: 'item', ...option.tooltip, renderMode: 'richText',
        backgroundColor: c.background, borderColor: c.line, textStyle: { color: c.text } },
      xAxis: styled(option.xAxis, below),
      yAxis: styled(option.yAxis, beside),
      aria: { enabled: true, decal: { show: false } },
    }, true);
    this.dataset.rendered = 'true';
  }
}

if (!customElements.get('fm-chart')) customElements.define('fm-chart', FmChart);
