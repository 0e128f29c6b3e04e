"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatSynthSummary = exports.formatOracleAucs = exports.oracleRocSeries = exports.oracleCriteria = exports.oracleAucs = exports.writeOracleCsv = exports.readOracleCsv = exports.renderMenVolumes = exports.MEN_COHORT_VERSION = exports.MEN_COUNTS = exports.menAdditiveWeights = exports.menPosteriors = exports.menOracleRow = exports.planMen = exports.synthMen = exports.DERM7PT_INTERACTIONS = exports.DERM7PT_COHORT_VERSION = exports.derm7ptAdditiveWeights = exports.derm7ptPosteriors = exports.derm7ptOracleRow = exports.planDerm7pt = exports.sevenPointScore = exports.SEVEN_POINT = exports.DERM7PT_COUNTS = exports.synthDerm7pt = exports.getSynth = exports.SYNTH_DATASET_KEYS = exports.SYNTH_REGISTRY = void 0;
/**
 * Synthetic cohorts: per dataset a generative model with an exact oracle (`*Model.ts`), its rendering
 * (`*Render.ts`), and the generator that writes the real layout plus `oracle.csv` and `cohort.json`.
 */
var registry_1 = require("./registry");
Object.defineProperty(exports, "SYNTH_REGISTRY", { enumerable: true, get: function () { return registry_1.SYNTH_REGISTRY; } });
Object.defineProperty(exports, "SYNTH_DATASET_KEYS", { enumerable: true, get: function () { return registry_1.SYNTH_DATASET_KEYS; } });
Object.defineProperty(exports, "getSynth", { enumerable: true, get: function () { return registry_1.getSynth; } });
var derm7pt_1 = require("./derm7pt");
Object.defineProperty(exports, "synthDerm7pt", { enumerable: true, get: function () { return derm7pt_1.synthDerm7pt; } });
var derm7ptRelease_1 = require("./derm7ptRelease");
Object.defineProperty(exports, "DERM7PT_COUNTS", { enumerable: true, get: function () { return derm7ptRelease_1.DERM7PT_COUNTS; } });
Object.defineProperty(exports, "SEVEN_POINT", { enumerable: true, get: function () { return derm7ptRelease_1.SEVEN_POINT; } });
Object.defineProperty(exports, "sevenPointScore", { enumerable: true, get: function () { return derm7ptRelease_1.sevenPointScore; } });
var derm7ptModel_1 = require("./derm7ptModel");
Object.defineProperty(exports, "planDerm7pt", { enumerable: true, get: function () { return derm7ptModel_1.planDerm7pt; } });
Object.defineProperty(exports, "derm7ptOracleRow", { enumerable: true, get: function () { return derm7ptModel_1.derm7ptOracleRow; } });
Object.defineProperty(exports, "derm7ptPosteriors", { enumerable: true, get: function () { return derm7ptModel_1.derm7ptPosteriors; } });
Object.defineProperty(exports, "derm7ptAdditiveWeights", { enumerable: true, get: function () { return derm7ptModel_1.derm7ptAdditiveWeights; } });
Object.defineProperty(exports, "DERM7PT_COHORT_VERSION", { enumerable: true, get: function () { return derm7ptModel_1.DERM7PT_COHORT_VERSION; } });
Object.defineProperty(exports, "DERM7PT_INTERACTIONS", { enumerable: true, get: function () { return derm7ptModel_1.DERM7PT_INTERACTIONS; } });
var men_1 = require("./men");
Object.defineProperty(exports, "synthMen", { enumerable: true, get: function () { return men_1.synthMen; } });
var menModel_1 = require("./menModel");
Object.defineProperty(exports, "planMen", { enumerable: true, get: function () { return menModel_1.planMen; } });
Object.defineProperty(exports, "menOracleRow", { enumerable: true, get: function () { return menModel_1.menOracleRow; } });
Object.defineProperty(exports, "menPosteriors", { enumerable: true, get: function () { return menModel_1.menPosteriors; } });
Object.defineProperty(exports, "menAdditiveWeights", { enumerable: true, get: function () { return menModel_1.menAdditiveWeights; } });
Object.defineProperty(exports, "MEN_COUNTS", { enumerable: true, get: function () { return menModel_1.MEN_COUNTS; } });
Object.defineProperty(exports, "MEN_COHORT_VERSION", { enumerable: true, get: function () { return menModel_1.MEN_COHORT_VERSION; } });
var menRender_1 = require("./menRender");
Object.defineProperty(exports, "renderMenVolumes", { enumerable: true, get: function () { return menRender_1.renderMenVolumes; } });
var oracle_1 = require("./oracle");
Object.defineProperty(exports, "readOracleCsv", { enumerable: true, get: function () { return oracle_1.readOracleCsv; } });
Object.defineProperty(exports, "writeOracleCsv", { enumerable: true, get: function () { return oracle_1.writeOracleCsv; } });
Object.defineProperty(exports, "oracleAucs", { enumerable: true, get: function () { return oracle_1.oracleAucs; } });
Object.defineProperty(exports, "oracleCriteria", { enumerable: true, get: function () { return oracle_1.oracleCriteria; } });
Object.defineProperty(exports, "oracleRocSeries", { enumerable: true, get: function () { return oracle_1.oracleRocSeries; } });
Object.defineProperty(exports, "formatOracleAucs", { enumerable: true, get: function () { return oracle_1.formatOracleAucs; } });
var summary_1 = require("./summary");
Object.defineProperty(exports, "formatSynthSummary", { enumerable: true, get: function () { return summary_1.formatSynthSummary; } });
//# sourceMappingURL=index.js.map