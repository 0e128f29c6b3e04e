"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PRESET_NAMES = exports.VOLUME_GRID_POLICIES = exports.SPLITS = void 0;
exports.SPLITS = ['train', 'valid', 'test'];
exports.VOLUME_GRID_POLICIES = ['resize', 'refuse', 'resample'];
exports.PRESET_NAMES = ['paper', 'cpu', 'tiny'];
//# sourceMappingURL=spec.js.map