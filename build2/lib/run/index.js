"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.planMicroBatch = exports.fullBatchGradients = exports.splitGradients = exports.numericsFingerprint = exports.probeRunDir = exports.checkFiniteLoss = exports.STOP_SIGNALS = exports.StopSignal = exports.NonFiniteLossError = exports.RunInterruptedError = exports.RunLock = exports.readPredictionsCsv = exports.formatPredictionsCsv = exports.RunDirectory = exports.unpackOptimizerState = exports.unpackWeights = exports.packRunCheckpoint = exports.convertLegacyCheckpoint = exports.decodeCheckpoint = exports.encodeCheckpoint = exports.loadGoodCheckpoint = exports.loadCheckpoint = exports.saveCheckpoint = void 0;
/**
 * The machinery of a training run, apart from the method: the run directory and its files, the guards of a
 * long unattended run (lock, write probe, stop signal, non-finite loss), checkpoints, the numerics
 * fingerprint, and the step's gradient computed in micro-batches.
 */
var checkpoint_1 = require("./checkpoint");
Object.defineProperty(exports, "saveCheckpoint", { enumerable: true, get: function () { return checkpoint_1.saveCheckpoint; } });
Object.defineProperty(exports, "loadCheckpoint", { enumerable: true, get: function () { return checkpoint_1.loadCheckpoint; } });
Object.defineProperty(exports, "loadGoodCheckpoint", { enumerable: true, get: function () { return checkpoint_1.loadGoodCheckpoint; } });
Object.defineProperty(exports, "encodeCheckpoint", { enumerable: true, get: function () { return checkpoint_1.encodeCheckpoint; } });
Object.defineProperty(exports, "decodeCheckpoint", { enumerable: true, get: function () { return checkpoint_1.decodeCheckpoint; } });
Object.defineProperty(exports, "convertLegacyCheckpoint", { enumerable: true, get: function () { return checkpoint_1.convertLegacyCheckpoint; } });
Object.defineProperty(exports, "packRunCheckpoint", { enumerable: true, get: function () { return checkpoint_1.packRunCheckpoint; } });
Object.defineProperty(exports, "unpackWeights", { enumerable: true, get: function () { return checkpoint_1.unpackWeights; } });
Object.defineProperty(exports, "unpackOptimizerState", { enumerable: true, get: function () { return checkpoint_1.unpackOptimizerState; } });
var runDirectory_1 = require("./runDirectory");
Object.defineProperty(exports, "RunDirectory", { enumerable: true, get: function () { return runDirectory_1.RunDirectory; } });
Object.defineProperty(exports, "formatPredictionsCsv", { enumerable: true, get: function () { return runDirectory_1.formatPredictionsCsv; } });
Object.defineProperty(exports, "readPredictionsCsv", { enumerable: true, get: function () { return runDirectory_1.readPredictionsCsv; } });
var runGuard_1 = require("./runGuard");
Object.defineProperty(exports, "RunLock", { enumerable: true, get: function () { return runGuard_1.RunLock; } });
Object.defineProperty(exports, "RunInterruptedError", { enumerable: true, get: function () { return runGuard_1.RunInterruptedError; } });
Object.defineProperty(exports, "NonFiniteLossError", { enumerable: true, get: function () { return runGuard_1.NonFiniteLossError; } });
Object.defineProperty(exports, "StopSignal", { enumerable: true, get: function () { return runGuard_1.StopSignal; } });
Object.defineProperty(exports, "STOP_SIGNALS", { enumerable: true, get: function () { return runGuard_1.STOP_SIGNALS; } });
Object.defineProperty(exports, "checkFiniteLoss", { enumerable: true, get: function () { return runGuard_1.checkFiniteLoss; } });
Object.defineProperty(exports, "probeRunDir", { enumerable: true, get: function () { return runGuard_1.probeRunDir; } });
var numerics_1 = require("./numerics");
Object.defineProperty(exports, "numericsFingerprint", { enumerable: true, get: function () { return numerics_1.numericsFingerprint; } });
var splitStep_1 = require("./splitStep");
Object.defineProperty(exports, "splitGradients", { enumerable: true, get: function () { return splitStep_1.splitGradients; } });
Object.defineProperty(exports, "fullBatchGradients", { enumerable: true, get: function () { return splitStep_1.fullBatchGradients; } });
Object.defineProperty(exports, "planMicroBatch", { enumerable: true, get: function () { return splitStep_1.planMicroBatch; } });
//# sourceMappingURL=index.js.map