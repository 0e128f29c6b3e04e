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
exports.formatInspectReport = exports.inspectCohort = exports.aucOf = exports.formatLeakageReport = exports.auditLeakage = exports.transformInto = exports.drawTransform = exports.AUGMENT_DEFAULTS = exports.disposeBatch = exports.makeBatch = exports.BatchSampler = exports.normaliseVolume = exports.ImageCache = exports.TabularEncoder = exports.encodeNiftiGz = exports.readNifti = exports.loadMen = exports.DIAGNOSIS_GROUPS = exports.CHECKLIST_COLUMNS = exports.DERM7PT_COLUMNS = exports.loadDerm7pt = exports.detectDataset = exports.loadCohort = exports.isDatasetKey = exports.getDatasetSpec = exports.getDataset = exports.DATASETS = exports.DATASET_KEYS = exports.DATASET_REGISTRY = exports.getPreset = exports.MEN = exports.DERM7PT = void 0;
/**
 * Data: loaders for the two cohort layouts, tabular encoding, the image cache, batch sampling, augmentation
 * and batch assembly, and the exploration helpers. The synthetic generators that write the layouts are in
 * lib/synth.
 */
__exportStar(require("./spec"), exports);
__exportStar(require("./types"), exports);
var datasets_1 = require("./datasets");
Object.defineProperty(exports, "DERM7PT", { enumerable: true, get: function () { return datasets_1.DERM7PT; } });
Object.defineProperty(exports, "MEN", { enumerable: true, get: function () { return datasets_1.MEN; } });
Object.defineProperty(exports, "getPreset", { enumerable: true, get: function () { return datasets_1.getPreset; } });
var registry_1 = require("./registry");
Object.defineProperty(exports, "DATASET_REGISTRY", { enumerable: true, get: function () { return registry_1.DATASET_REGISTRY; } });
Object.defineProperty(exports, "DATASET_KEYS", { enumerable: true, get: function () { return registry_1.DATASET_KEYS; } });
Object.defineProperty(exports, "DATASETS", { enumerable: true, get: function () { return registry_1.DATASETS; } });
Object.defineProperty(exports, "getDataset", { enumerable: true, get: function () { return registry_1.getDataset; } });
Object.defineProperty(exports, "getDatasetSpec", { enumerable: true, get: function () { return registry_1.getDatasetSpec; } });
Object.defineProperty(exports, "isDatasetKey", { enumerable: true, get: function () { return registry_1.isDatasetKey; } });
var cohort_1 = require("./cohort");
Object.defineProperty(exports, "loadCohort", { enumerable: true, get: function () { return cohort_1.loadCohort; } });
Object.defineProperty(exports, "detectDataset", { enumerable: true, get: function () { return cohort_1.detectDataset; } });
var derm7pt_1 = require("./derm7pt");
Object.defineProperty(exports, "loadDerm7pt", { enumerable: true, get: function () { return derm7pt_1.loadDerm7pt; } });
Object.defineProperty(exports, "DERM7PT_COLUMNS", { enumerable: true, get: function () { return derm7pt_1.DERM7PT_COLUMNS; } });
Object.defineProperty(exports, "CHECKLIST_COLUMNS", { enumerable: true, get: function () { return derm7pt_1.CHECKLIST_COLUMNS; } });
Object.defineProperty(exports, "DIAGNOSIS_GROUPS", { enumerable: true, get: function () { return derm7pt_1.DIAGNOSIS_GROUPS; } });
var men_1 = require("./men");
Object.defineProperty(exports, "loadMen", { enumerable: true, get: function () { return men_1.loadMen; } });
var nifti_1 = require("./nifti");
Object.defineProperty(exports, "readNifti", { enumerable: true, get: function () { return nifti_1.readNifti; } });
Object.defineProperty(exports, "encodeNiftiGz", { enumerable: true, get: function () { return nifti_1.encodeNiftiGz; } });
var tabular_1 = require("./tabular");
Object.defineProperty(exports, "TabularEncoder", { enumerable: true, get: function () { return tabular_1.TabularEncoder; } });
var imageCache_1 = require("./imageCache");
Object.defineProperty(exports, "ImageCache", { enumerable: true, get: function () { return imageCache_1.ImageCache; } });
Object.defineProperty(exports, "normaliseVolume", { enumerable: true, get: function () { return imageCache_1.normaliseVolume; } });
var sampler_1 = require("./sampler");
Object.defineProperty(exports, "BatchSampler", { enumerable: true, get: function () { return sampler_1.BatchSampler; } });
var batch_1 = require("./batch");
Object.defineProperty(exports, "makeBatch", { enumerable: true, get: function () { return batch_1.makeBatch; } });
Object.defineProperty(exports, "disposeBatch", { enumerable: true, get: function () { return batch_1.disposeBatch; } });
var augment_1 = require("./augment");
Object.defineProperty(exports, "AUGMENT_DEFAULTS", { enumerable: true, get: function () { return augment_1.AUGMENT_DEFAULTS; } });
Object.defineProperty(exports, "drawTransform", { enumerable: true, get: function () { return augment_1.drawTransform; } });
Object.defineProperty(exports, "transformInto", { enumerable: true, get: function () { return augment_1.transformInto; } });
var audit_1 = require("./audit");
Object.defineProperty(exports, "auditLeakage", { enumerable: true, get: function () { return audit_1.auditLeakage; } });
Object.defineProperty(exports, "formatLeakageReport", { enumerable: true, get: function () { return audit_1.formatLeakageReport; } });
Object.defineProperty(exports, "aucOf", { enumerable: true, get: function () { return audit_1.aucOf; } });
var inspect_1 = require("./inspect");
Object.defineProperty(exports, "inspectCohort", { enumerable: true, get: function () { return inspect_1.inspectCohort; } });
Object.defineProperty(exports, "formatInspectReport", { enumerable: true, get: function () { return inspect_1.formatInspectReport; } });
//# sourceMappingURL=index.js.map