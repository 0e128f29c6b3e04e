"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROTOTYPE_MEMORY_DEFAULTS = exports.PrototypeMemory = exports.l2Normalize = exports.classLayout = exports.computePrototypes = exports.HRM_DEFAULTS = exports.anchorLoss = exports.hrmTotal = exports.hrmLosses = void 0;
/** HRM, the fine stage of CFCML: prototypes (H1)–(H2), anchor losses (H4)–(H7), total (H8), prototype memory. */
var losses_1 = require("./losses");
Object.defineProperty(exports, "hrmLosses", { enumerable: true, get: function () { return losses_1.hrmLosses; } });
Object.defineProperty(exports, "hrmTotal", { enumerable: true, get: function () { return losses_1.hrmTotal; } });
Object.defineProperty(exports, "anchorLoss", { enumerable: true, get: function () { return losses_1.anchorLoss; } });
Object.defineProperty(exports, "HRM_DEFAULTS", { enumerable: true, get: function () { return losses_1.HRM_DEFAULTS; } });
// HrmWeights (the three weights of H8) is re-exported from cfcml through lib/train.
var prototypes_1 = require("./prototypes");
Object.defineProperty(exports, "computePrototypes", { enumerable: true, get: function () { return prototypes_1.computePrototypes; } });
Object.defineProperty(exports, "classLayout", { enumerable: true, get: function () { return prototypes_1.classLayout; } });
Object.defineProperty(exports, "l2Normalize", { enumerable: true, get: function () { return prototypes_1.l2Normalize; } });
var memory_1 = require("./memory");
Object.defineProperty(exports, "PrototypeMemory", { enumerable: true, get: function () { return memory_1.PrototypeMemory; } });
Object.defineProperty(exports, "PROTOTYPE_MEMORY_DEFAULTS", { enumerable: true, get: function () { return memory_1.PROTOTYPE_MEMORY_DEFAULTS; } });
//# sourceMappingURL=index.js.map