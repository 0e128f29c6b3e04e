"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeFigure = exports.applyTheme = exports.deepMerge = exports.notebookTheme = exports.paperTheme = exports.DIVERGING_COLORSCALE = exports.SEQUENTIAL_COLORSCALE = exports.hexToRgba = exports.paletteColor = exports.OKABE_ITO = void 0;
/**
 * Okabe & Ito (2008) colour-universal-design palette: distinguishable under the common colour-vision
 * deficiencies and in greyscale print. Black is moved from first to last so the first series is coloured.
 */
exports.OKABE_ITO = [
    '#E69F00',
    '#56B4E9',
    '#009E73',
    '#0072B2',
    '#D55E00',
    '#CC79A7',
    '#F0E442',
    '#000000', // black
];
/** Colour `i` of the palette, cycling. */
function paletteColor(i, palette = exports.OKABE_ITO) {
    return palette[((i % palette.length) + palette.length) % palette.length];
}
exports.paletteColor = paletteColor;
/** Perceptually uniform, colour-blind-safe sequential scale for heatmaps. */
/** A `#rrggbb` colour as `rgba(r,g,b,alpha)` (bands and fills drawn in a series' colour). */
function hexToRgba(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
exports.hexToRgba = hexToRgba;
exports.SEQUENTIAL_COLORSCALE = 'Viridis';
/** Diverging scale for signed values (similarities); used with `zmid: 0`. */
exports.DIVERGING_COLORSCALE = 'RdBu';
const axisStyle = (fontSize, grid) => ({
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
exports.paperTheme = {
    name: 'paper',
    layout: {
        font: { family: 'Arial, Helvetica, sans-serif', size: 10, color: '#000' },
        title: { font: { size: 12 }, x: 0.5, xanchor: 'center' },
        colorway: [...exports.OKABE_ITO],
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
exports.notebookTheme = {
    name: 'notebook',
    layout: {
        font: { family: 'Helvetica, Arial, sans-serif', size: 13, color: '#222' },
        title: { font: { size: 16 }, x: 0.05 },
        colorway: [...exports.OKABE_ITO],
        paper_bgcolor: '#fff',
        plot_bgcolor: '#fff',
        margin: { l: 60, r: 20, t: 50, b: 50 },
        xaxis: axisStyle(13, true),
        yaxis: axisStyle(13, true),
    },
    config: { responsive: true, displaylogo: false },
};
function isPlainObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
}
/** Deep merge: `over` wins; arrays and typed arrays are replaced, not merged. Inputs are not changed. */
function deepMerge(base, over) {
    const out = { ...base };
    for (const [k, v] of Object.entries(over)) {
        out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
    }
    return out;
}
exports.deepMerge = deepMerge;
/**
 * Style a figure with a theme. The theme is laid *under* the figure: keys the figure sets itself win.
 * The theme's axis style is applied to every cartesian axis the figure declares (`xaxis2`, `yaxis3`, …),
 * not only the first. Returns a new figure; `fig` is not changed.
 */
function applyTheme(fig, theme) {
    const { xaxis: themeX, yaxis: themeY, ...themeRest } = theme.layout;
    const layout = deepMerge(themeRest, fig.layout);
    const axisKeys = new Set(['xaxis', 'yaxis', ...Object.keys(fig.layout).filter((k) => /^[xy]axis\d*$/.test(k))]);
    for (const key of axisKeys) {
        const themeAxis = key.startsWith('x') ? themeX : themeY;
        if (themeAxis)
            layout[key] = deepMerge(themeAxis, fig.layout[key] ?? {});
    }
    return { data: fig.data, layout, config: deepMerge(theme.config, fig.config ?? {}) };
}
exports.applyTheme = applyTheme;
/** A one-line description of a figure, for `text/plain` outputs and logs. */
function describeFigure(fig) {
    const title = fig.layout.title;
    const titleText = typeof title === 'string' ? title : isPlainObject(title) ? title.text : undefined;
    const counts = new Map();
    for (const t of fig.data) {
        const type = typeof t.type === 'string' ? t.type : 'scatter';
        counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const kinds = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
    return `Figure${titleText ? ` "${titleText}"` : ''}: ${fig.data.length} trace(s)${kinds ? ` (${kinds})` : ''}`;
}
exports.describeFigure = describeFigure;
//# sourceMappingURL=figure.js.map