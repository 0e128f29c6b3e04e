"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VARIANTS = void 0;
exports.VARIANTS = [
    'full',
    'no-mg',
    'no-cie',
    'single-head',
    'no-tabular',
    'image-only',
    'tabular-only',
    'late-fusion',
    'no-sam',
    'no-up',
    'no-cp',
    'no-hrm',
];
//# sourceMappingURL=types.js.map