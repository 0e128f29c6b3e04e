"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.variantSpec = void 0;
const errors_1 = require("../util/errors");
const FULL = { architecture: 'cfcml', useImages: true, useTabular: true, multiGranularity: true, cie: true, singleHead: false };
function variantSpec(variant) {
    switch (variant) {
        case 'full':
        case 'no-sam':
        case 'no-up':
        case 'no-cp':
        case 'no-hrm':
            return FULL;
        case 'no-mg':
            return { ...FULL, multiGranularity: false };
        case 'no-cie':
            return { ...FULL, cie: false };
        case 'single-head':
            return { ...FULL, singleHead: true };
        case 'no-tabular':
            return { ...FULL, useTabular: false };
        case 'image-only':
            return { ...FULL, architecture: 'pooled', useTabular: false };
        case 'tabular-only':
            return { ...FULL, architecture: 'pooled', useImages: false };
        case 'late-fusion':
            return { ...FULL, architecture: 'pooled' };
        default:
            return (0, errors_1.assertNever)(variant, 'variant');
    }
}
exports.variantSpec = variantSpec;
//# sourceMappingURL=variants.js.map