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
export type PlotlyObject = {
    [key: string]: any;
};
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
export declare const OKABE_ITO: readonly ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"];
/** Colour `i` of the palette, cycling. */
export declare function paletteColor(i: number, palette?: readonly string[]): string;
/** Perceptually uniform, colour-blind-safe sequential scale for heatmaps. */
/** A `#rrggbb` colour as `rgba(r,g,b,alpha)` (bands and fills drawn in a series' colour). */
export declare function hexToRgba(hex: string, alpha: number): string;
export declare const SEQUENTIAL_COLORSCALE = "Viridis";
/** Diverging scale for signed values (similarities); used with `zmid: 0`. */
export declare const DIVERGING_COLORSCALE = "RdBu";
/** A theme: layout defaults laid under a figure's own layout, plus plotly config defaults. */
export interface Theme {
    /** Name, for messages. */
    name: string;
    /** Layout defaults; the figure's own layout wins where both set a key. */
    layout: PlotlyObject;
    /** Config defaults (e.g. hide the mode bar on exported images). */
    config: PlotlyObject;
}
/**
 * Paper styling: serif-free 10 pt text (legible at single-column width, ~3.3 in), no grid, tight
 * margins, white background, Okabe–Ito colours. Sized for `saveFigure` at about 500×350 px.
 */
export declare const paperTheme: Theme;
/** Notebook styling: larger text, light grid, Okabe–Ito colours. */
export declare const notebookTheme: Theme;
/** Deep merge: `over` wins; arrays and typed arrays are replaced, not merged. Inputs are not changed. */
export declare function deepMerge(base: PlotlyObject, over: PlotlyObject): PlotlyObject;
/**
 * Style a figure with a theme. The theme is laid *under* the figure: keys the figure sets itself win.
 * The theme's axis style is applied to every cartesian axis the figure declares (`xaxis2`, `yaxis3`, …),
 * not only the first. Returns a new figure; `fig` is not changed.
 */
export declare function applyTheme(fig: Figure, theme: Theme): Figure;
/** A one-line description of a figure, for `text/plain` outputs and logs. */
export declare function describeFigure(fig: Figure): string;
