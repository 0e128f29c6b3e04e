"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.backboneEncoder = exports.makeTabularTokenizer = exports.cieStage = exports.crossAttention = exports.ParamStore = exports.variantSpec = exports.layersModelEncoder = exports.residualEncoder = exports.createModel = void 0;
/** lib/model: encoders → (C1) tokens → (C2) CIE → (C3) fusion → (C4) classifier, and its variants. */
var cfcml_1 = require("./cfcml");
Object.defineProperty(exports, "createModel", { enumerable: true, get: function () { return cfcml_1.createModel; } });
var residualEncoder_1 = require("./residualEncoder");
Object.defineProperty(exports, "residualEncoder", { enumerable: true, get: function () { return residualEncoder_1.residualEncoder; } });
Object.defineProperty(exports, "layersModelEncoder", { enumerable: true, get: function () { return residualEncoder_1.layersModelEncoder; } });
var variants_1 = require("./variants");
Object.defineProperty(exports, "variantSpec", { enumerable: true, get: function () { return variants_1.variantSpec; } });
var params_1 = require("./params");
Object.defineProperty(exports, "ParamStore", { enumerable: true, get: function () { return params_1.ParamStore; } });
var crossAttention_1 = require("./crossAttention");
Object.defineProperty(exports, "crossAttention", { enumerable: true, get: function () { return crossAttention_1.crossAttention; } });
Object.defineProperty(exports, "cieStage", { enumerable: true, get: function () { return crossAttention_1.cieStage; } });
var tabularTokenizer_1 = require("./tabularTokenizer");
Object.defineProperty(exports, "makeTabularTokenizer", { enumerable: true, get: function () { return tabularTokenizer_1.makeTabularTokenizer; } });
__exportStar(require("./types"), exports);
var backbone_1 = require("./backbone");
Object.defineProperty(exports, "backboneEncoder", { enumerable: true, get: function () { return backbone_1.backboneEncoder; } });
__exportStar(require("./swin"), exports);
//# sourceMappingURL=index.js.map