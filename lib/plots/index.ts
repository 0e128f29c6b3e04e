/**
 * Figures: builders that turn results (plain arrays) into plotly figure specs, `show` for notebooks,
 * and `saveFigure` / `renderFigure` for PNG / SVG / PDF files via headless Chromium.
 */
export type { Figure, PlotlyObject, Theme } from './figure';
export {
  OKABE_ITO,
  SEQUENTIAL_COLORSCALE,
  DIVERGING_COLORSCALE,
  paletteColor,
  hexToRgba,
  paperTheme,
  notebookTheme,
  applyTheme,
  deepMerge,
  describeFigure,
} from './figure';

export type { HistoryRow, TrainingCurvesOptions, RocCurveSeries, PrCurveSeries, CurveFigureOptions } from './curves';
export { trainingCurves, rocCurveFigure, prCurveFigure, legendLabel, referenceLine } from './curves';

export type { ConfusionNormalize, ConfusionMatrixOptions, SimilarityHeatmapOptions } from './heatmaps';
export { confusionMatrixFigure, normalizeConfusion, similarityHeatmap } from './heatmaps';

export type { PlainImage, AttentionOverImageOptions, ImageGridOptions } from './images';
export { attentionOverImage, imageGrid, imageToRgbRows } from './images';

export type { UmapScatterOptions } from './embedding';
export { umapScatter, CLASS_SYMBOLS } from './embedding';

export type { MetricRow, MetricBarsOptions } from './bars';
export { metricBars } from './bars';
export type { Ceiling, CeilingOptions } from './ceiling';
export { withCeilings } from './ceiling';

export type { ImageFormat, RenderOptions, SaveFigureOptions } from './render';
export { renderFigure, saveFigure, closeRenderer, rendererStats, chromiumPath, DEFAULT_CHROMIUM } from './render';

export type { ShowOptions, MimeBundle } from './show';
export { show, mimeBundle, PLOTLY_MIME } from './show';
export type { CurvePoint, LearningCurveOptions } from './learningCurve';
export { learningCurveFigure } from './learningCurve';
