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
    this.resizing = new ResizeObserver(() => this.chart?.resize());
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
    const c = this.colours();
    const option = JSON.parse(this._option);
    const axis = { axisLabel: { color: c.secondary }, axisLine: { lineStyle: { color: c.line } },
      splitLine: { lineStyle: { color: c.line } } };
    const styled = (axes) => (axes === undefined ? undefined
      : [].concat(axes).map((a) => ({ ...axis, ...a, axisLabel: { ...axis.axisLabel, ...a.axisLabel } })));
    this.chart.setOption({
      ...option,
      backgroundColor: 'transparent',
      // Drawn at once: the figures are there to be read (and clicked) as soon as they appear.
      animation: false,
      textStyle: { color: c.text, fontFamily: 'inherit' },
      legend: option.legend && { ...option.legend, textStyle: { color: c.text } },
      tooltip: { trigger: 'item', ...option.tooltip, renderMode: 'richText',
        backgroundColor: c.background, borderColor: c.line, textStyle: { color: c.text } },
      xAxis: styled(option.xAxis),
      yAxis: styled(option.yAxis),
      aria: { enabled: true, decal: { show: false } },
    }, true);
    this.dataset.rendered = 'true';
  }
}

if (!customElements.get('fm-chart')) customElements.define('fm-chart', FmChart);
