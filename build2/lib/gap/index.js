"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.umap = exports.toRows = exports.normalizeRows = exports.gapReport = exports.pairwiseMeasure = exports.uniformity = exports.alignment = exports.relativeCentroidGap = exports.relativeModalityGap = exports.gapVector = exports.centroidGap = void 0;
/** Modality-gap measures (centroid gap, relative gap, alignment, uniformity) and a seeded UMAP. */
var measures_1 = require("./measures");
Object.defineProperty(exports, "centroidGap", { enumerable: true, get: function () { return measures_1.centroidGap; } });
Object.defineProperty(exports, "gapVector", { enumerable: true, get: function () { return measures_1.gapVector; } });
Object.defineProperty(exports, "relativeModalityGap", { enumerable: true, get: function () { return measures_1.relativeModalityGap; } });
Object.defineProperty(exports, "relativeCentroidGap", { enumerable: true, get: function () { return measures_1.relativeCentroidGap; } });
Object.defineProperty(exports, "alignment", { enumerable: true, get: function () { return measures_1.alignment; } });
Object.defineProperty(exports, "uniformity", { enumerable: true, get: function () { return measures_1.uniformity; } });
Object.defineProperty(exports, "pairwiseMeasure", { enumerable: true, get: function () { return measures_1.pairwiseMeasure; } });
Object.defineProperty(exports, "gapReport", { enumerable: true, get: function () { return measures_1.gapReport; } });
Object.defineProperty(exports, "normalizeRows", { enumerable: true, get: function () { return measures_1.normalizeRows; } });
Object.defineProperty(exports, "toRows", { enumerable: true, get: function () { return measures_1.toRows; } });
var umap_1 = require("./umap");
Object.defineProperty(exports, "umap", { enumerable: true, get: function () { return umap_1.umap; } });
//# sourceMappingURL=index.js.map