/**
 * The figure type every builder in `lib/plots` returns, and the themes that style it.
 *
 * A figure is plotly's own JSON (`data` + `layout` + `config`), so it can be shown by JupyterLab's
 * plotly renderer, rendered by plotly.js in a browser, or written to disk as JSON, unchanged.
 *
 * Builders set only what the content decides (titles, axis labels, ranges, trace colours that must
 * match each other). Fonts, sizes, backgrounds and the default colour cycle come from a `Theme`, applied
 * at the end by `show` (notebookTheme) or `saveFigure` (paperTheme), so one figure can be shown in a
 * notebook and exported for a paper without rebuilding it.
 */

/**
 * A plotly JSON object (trace, layout, config). Plotly's schema is large and free-form; `any` values let
 * notebooks read `fig.layout.xaxis.title.text` without casts.
 */
export type PlotlyObject = { [key: string]: any };

/** A plotly figure spec, exactly as `Plotly.newPlot(div, data, layout, config)` takes it. */
export interface Figure {
  data: PlotlyObject[];
  layout: PlotlyObject;
  config?: PlotlyObject;
}

/**
 * Okabe & Ito (2008) colour-universal-design palette: distinguishable under the common colour-vision
 * deficiencies and in greyscale print. Black is moved from first to last so the first series is coloured.
 */
export const OKABE_ITO = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#F0E442', // yellow (weak on white: used last among the colours)
  '#000000', // black
] as const;

/** Colour `i` of the palette, cycling. */
export function paletteColor(i: number, palette: readonly string[] = OKABE_ITO): string {
  return palette[((i % palette.length) + palette.length) % palette.length];
}

/** Perceptually uniform, colour-blind-safe sequential scale for heatmaps. */
/** A `#rrggbb` colour as `rgba(r,g,b,alpha)` (bands and fills drawn in a series' colour). */
export function hexToRgba(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

export const SEQUENTIAL_COLORSCALE = 'Viridis';
/** Diverging scale for signed values (similarities); used with `zmid: 0`. */
export const DIVERGING_COLORSCALE = 'RdBu';

/** A theme: layout defaults laid under a figure's own layout, plus plotly config defaults. */
export interface Theme {
  /** Name, for messages. */
  name: string;
  /** Layout defaults; the figure's own layout wins where both set a key. */
  layout: PlotlyObject;
  /** Config defaults (e.g. hide the mode bar on exported images). */
  config: PlotlyObject;
}

const axisStyle = (fontSize: number, grid: boolean): PlotlyObject => ({
  showline: true,
  linecolor: '#444',
  linewidth: 1,
  ticks: 'outside',
  tickfont: { size: fontSize - 1 },
  title: { font: { size: fontSize } },
  showgrid: grid,
  gridcolor: '#e5e5e5',
  zeroline: false,
  automargin: true,
});

/**
 * Paper styling: serif-free 10 pt text (legible at single-column width, ~3.3 in), no grid, tight
 * margins, white background, Okabe–Ito colours. Sized for `saveFigure` at about 500×350 px.
 */
export const paperTheme: Theme = {
  name: 'paper',
  layout: {
    font: { family: 'Arial, Helvetica, sans-serif', size: 10, color: '#000' },
    title: { font: { size: 12 }, x: 0.5, xanchor: 'center' },
    colorway: [...OKABE_ITO],
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    margin: { l: 50, r: 15, t: 35, b: 45 },
    legend: { font: { size: 9 }, bgcolor: 'rgba(255,255,255,0.8)' },
    xaxis: axisStyle(10, false),
    yaxis: axisStyle(10, false),
  },
  config: { displayModeBar: false },
};

/** Notebook styling: larger text, light grid, Okabe–Ito colours. */
export const notebookTheme: Theme = {
  name: 'notebook',
  layout: {
    font: { family: 'Helvetica, Arial, sans-serif', size: 13, color: '#222' },
    title: { font: { size: 16 }, x: 0.05 },
    colorway: [...OKABE_ITO],
    paper_bgcolor: '#fff',
    plot_bgcolor: '#fff',
    margin: { l: 60, r: 20, t: 50, b: 50 },
    xaxis: axisStyle(13, true),
    yaxis: axisStyle(13, true),
  },
  config: { responsive: true, displaylogo: false },
};

function isPlainObject(v: unknown): v is PlotlyObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** Deep merge: `over` wins; arrays and typed arrays are replaced, not merged. Inputs are not changed. */
export function deepMerge(base: PlotlyObject, over: PlotlyObject): PlotlyObject {
  const out: PlotlyObject = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
  }
  return out;
}

/**
 * Style a figure with a theme. The theme is laid *under* the figure: keys the figure sets itself win.
 * The theme's axis style is applied to every cartesian axis the figure declares (`xaxis2`, `yaxis3`, …),
 * not only the first. Returns a new figure; `fig` is not changed.
 */
export function applyTheme(fig: Figure, theme: Theme): Figure {
  const { xaxis: themeX, yaxis: themeY, ...themeRest } = theme.layout;
  const layout = deepMerge(themeRest, fig.layout);
  const axisKeys = new Set(['xaxis', 'yaxis', ...Object.keys(fig.layout).filter((k) => /^[xy]axis\d*$/.test(k))]);
  for (const key of axisKeys) {
    const themeAxis = key.startsWith('x') ? themeX : themeY;
    if (themeAxis) layout[key] = deepMerge(themeAxis, fig.layout[key] ?? {});
  }
  return { data: fig.data, layout, config: deepMerge(theme.config, fig.config ?? {}) };
}

/** A one-line description of a figure, for `text/plain` outputs and logs. */
export function describeFigure(fig: Figure): string {
  const title = fig.layout.title;
  const titleText = typeof title === 'string' ? title : isPlainObject(title) ? title.text : undefined;
  const counts = new Map<string, number>();
  for (const t of fig.data) {
    const type = typeof t.type === 'string' ? t.type : 'scatter';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const kinds = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
  return `Figure${titleText ? ` "${titleText}"` : ''}: ${fig.data.length} trace(s)${kinds ? ` (${kinds})` : ''}`;
}
