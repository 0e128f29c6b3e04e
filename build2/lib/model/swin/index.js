"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.relativePositionIndex = exports.shiftedWindowMask = exports.shiftRegions = exports.cyclicShift = exports.windowReverse = exports.windowPartition = exports.timmName = exports.isSkippedTimmName = exports.assignTimmWeights = exports.loadSwinWeights = exports.stageGeometry = exports.SWIN_T = exports.IMAGENET_STD = exports.IMAGENET_MEAN = exports.swinStageOf = exports.swinEncoder = void 0;
/** lib/model/swin: a Swin Transformer image encoder by timm's names and layouts, and its pretrained-weight loader. */
var encoder_1 = require("./encoder");
Object.defineProperty(exports, "swinEncoder", { enumerable: true, get: function () { return encoder_1.swinEncoder; } });
Object.defineProperty(exports, "swinStageOf", { enumerable: true, get: function () { return encoder_1.swinStageOf; } });
Object.defineProperty(exports, "IMAGENET_MEAN", { enumerable: true, get: function () { return encoder_1.IMAGENET_MEAN; } });
Object.defineProperty(exports, "IMAGENET_STD", { enumerable: true, get: function () { return encoder_1.IMAGENET_STD; } });
var config_1 = require("./config");
Object.defineProperty(exports, "SWIN_T", { enumerable: true, get: function () { return config_1.SWIN_T; } });
Object.defineProperty(exports, "stageGeometry", { enumerable: true, get: function () { return config_1.stageGeometry; } });
var weights_1 = require("./weights");
Object.defineProperty(exports, "loadSwinWeights", { enumerable: true, get: function () { return weights_1.loadSwinWeights; } });
Object.defineProperty(exports, "assignTimmWeights", { enumerable: true, get: function () { return weights_1.assignTimmWeights; } });
Object.defineProperty(exports, "isSkippedTimmName", { enumerable: true, get: function () { return weights_1.isSkippedTimmName; } });
Object.defineProperty(exports, "timmName", { enumerable: true, get: function () { return weights_1.timmName; } });
var windows_1 = require("./windows");
Object.defineProperty(exports, "windowPartition", { enumerable: true, get: function () { return windows_1.windowPartition; } });
Object.defineProperty(exports, "windowReverse", { enumerable: true, get: function () { return windows_1.windowReverse; } });
var shiftedWindows_1 = require("./shiftedWindows");
Object.defineProperty(exports, "cyclicShift", { enumerable: true, get: function () { return shiftedWindows_1.cyclicShift; } });
Object.defineProperty(exports, "shiftRegions", { enumerable: true, get: function () { return shiftedWindows_1.shiftRegions; } });
Object.defineProperty(exports, "shiftedWindowMask", { enumerable: true, get: function () { return shiftedWindows_1.shiftedWindowMask; } });
var windowAttention_1 = require("./windowAttention");
Object.defineProperty(exports, "relativePositionIndex", { enumerable: true, get: function () { return windowAttention_1.relativePositionIndex; } });
//# sourceMappingURL=index.js.map