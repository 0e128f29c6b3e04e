"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const sharp_1 = __importDefault(require("sharp"));
const png_1 = require("../../lib/plots/png");
const errors_1 = require("../../lib/util/errors");
(0, node_test_1.test)('encodePng: an RGB and a grey image decode (libvips) to the same pixels', async () => {
    const w = 37, h = 23;
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < rgb.length; i++)
        rgb[i] = (i * 7919 + (i % 5) * 13) & 0xff; // rough, every filter gets used
    const back = await (0, sharp_1.default)((0, png_1.encodePng)(rgb, w, h, 3)).raw().toBuffer({ resolveWithObject: true });
    strict_1.default.deepEqual([back.info.width, back.info.height, back.info.channels], [w, h, 3]);
    strict_1.default.deepEqual(new Uint8Array(back.data), rgb);
    const grey = new Uint8Array(w * h).map((_, i) => (i % w) * 6);
    const greyPng = (0, png_1.encodePng)(grey, w, h, 1);
    strict_1.default.equal((await (0, sharp_1.default)(greyPng).metadata()).channels, 1);
    const g = await (0, sharp_1.default)(greyPng).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    strict_1.default.deepEqual(new Uint8Array(g.data), grey);
});
(0, node_test_1.test)('encodePng: a smooth image compresses far below its raw size; bad sizes are CfcmlErrors', () => {
    const w = 96, h = 96;
    const px = new Uint8Array(w * h * 3).map((_, i) => Math.floor(i / 3) % w + Math.floor(i / 3 / w));
    const png = (0, png_1.encodePng)(px, w, h, 3);
    strict_1.default.ok(png.length < px.length / 10, `${png.length} bytes for ${px.length} raw`);
    strict_1.default.match((0, png_1.pngDataUri)(png), /^data:image\/png;base64,iVBORw0KGgo/);
    strict_1.default.throws(() => (0, png_1.encodePng)(px, w, h + 1, 3), errors_1.CfcmlError);
    strict_1.default.throws(() => (0, png_1.encodePng)(px, 0, h, 3), errors_1.CfcmlError);
});
//# sourceMappingURL=png.test.js.map