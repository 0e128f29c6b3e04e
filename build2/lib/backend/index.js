"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.blasStatus = exports.COMPUTE_PATHS = exports.useComputePath = exports.nativeBlasAvailable = exports.computePath = exports.backendReport = exports.initBackend = void 0;
/**
 * The compute backend: `initBackend()` picks and prepares it (native TensorFlow, else wasm with this
 * project's kernels, else cpu); nothing else in cfcml knows which one runs.
 */
var select_1 = require("./select");
Object.defineProperty(exports, "initBackend", { enumerable: true, get: function () { return select_1.initBackend; } });
Object.defineProperty(exports, "backendReport", { enumerable: true, get: function () { return select_1.backendReport; } });
var path_1 = require("./path");
Object.defineProperty(exports, "computePath", { enumerable: true, get: function () { return path_1.computePath; } });
Object.defineProperty(exports, "nativeBlasAvailable", { enumerable: true, get: function () { return path_1.nativeBlasAvailable; } });
Object.defineProperty(exports, "useComputePath", { enumerable: true, get: function () { return path_1.useComputePath; } });
Object.defineProperty(exports, "COMPUTE_PATHS", { enumerable: true, get: function () { return path_1.COMPUTE_PATHS; } });
var blas_1 = require("./blas");
Object.defineProperty(exports, "blasStatus", { enumerable: true, get: function () { return blas_1.blasStatus; } });
//# sourceMappingURL=index.js.map