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
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Photos against PIL: every file of the corpus written by scripts/reference/photo_corpus.py (EXIF
 * orientations, progressive and CMYK JPEGs, grey, palette, alpha and 16-bit PNGs, lying extensions) must
 * decode through cfcml's photo path as `ImageOps.exif_transpose(Image.open(f)).convert('RGB')` gives it: the
 * same size and every value within 2 levels (JPEG decoders may round differently).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const imageCache_1 = require("../../lib/data/imageCache");
const imageCheck_1 = require("../../lib/data/imageCheck");
const errors_1 = require("../../lib/util/errors");
const FIX = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reference', 'photo');
const manifest = JSON.parse(fs.readFileSync(path.join(FIX, 'manifest.json'), 'utf8'));
(0, node_test_1.test)('photo corpus: at least 12 files covering orientation, CMYK, grey, palette, alpha, 16-bit, progressive and lying names', () => {
    strict_1.default.ok(manifest.length >= 12, `${manifest.length} files`);
    const covers = manifest.map((m) => m.covers).join(' | ');
    for (const word of ['EXIF orientation 6', 'CMYK', 'grey', 'palette', 'alpha', '16-bit', 'progressive', 'named .jpg'])
        strict_1.default.ok(covers.includes(word), `no file covers ${word}`);
});
for (const m of manifest) {
    (0, node_test_1.test)(`photo ${m.file} decodes as PIL decodes it (${m.covers})`, async (t) => {
        const got = await (0, imageCache_1.decodePhoto)(path.join(FIX, m.file));
        strict_1.default.deepEqual([got.width, got.height], [m.width, m.height]);
        const want = fs.readFileSync(path.join(FIX, m.reference));
        strict_1.default.equal(got.data.length, want.length);
        let max = 0;
        for (let i = 0; i < want.length; i++)
            max = Math.max(max, Math.abs(got.data[i] - want[i]));
        t.diagnostic(`max abs difference ${max} levels`);
        strict_1.default.ok(max <= 2, `max abs difference ${max} levels`);
    });
}
(0, node_test_1.test)('photo: a photo tagged orientation 6 decodes as the same pixels without the tag turned 90° clockwise (not learned sideways)', async () => {
    const upright = await (0, imageCache_1.decodePhoto)(path.join(FIX, 'baseline_444.jpg'));
    const six = await (0, imageCache_1.decodePhoto)(path.join(FIX, 'exif_orientation_6.jpg'));
    // The corpus stores the same scene pixels in both files, one with the tag: applied, it turns 90° clockwise.
    strict_1.default.deepEqual([six.width, six.height], [upright.height, upright.width]);
    let max = 0;
    for (let y = 0; y < upright.height; y++) {
        for (let x = 0; x < upright.width; x++) {
            // Rotating clockwise: upright (x, y) lands at column H-1-y, row x.
            const a = (y * upright.width + x) * 3;
            const b = (x * six.width + (six.width - 1 - y)) * 3;
            for (let c = 0; c < 3; c++)
                max = Math.max(max, Math.abs(upright.data[a + c] - six.data[b + c]));
        }
    }
    strict_1.default.ok(max <= 2, `upright vs orientation-6 rotated back: ${max} levels`);
});
(0, node_test_1.test)('photo: a lying extension is read by content and noted; a GIF named .jpg and a text file are named in errors', async () => {
    const png = (0, imageCheck_1.checkPhoto)(path.join(FIX, 'png_named.jpg'));
    strict_1.default.equal(png.error, undefined);
    strict_1.default.equal(png.info?.format, 'png');
    strict_1.default.ok(png.notes.some((n) => n.includes('png_named.jpg') && n.includes('a PNG named .jpg')));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-photo-'));
    const gif = path.join(dir, 'lesion.jpg');
    fs.writeFileSync(gif, Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(40)]));
    const c = (0, imageCheck_1.checkPhoto)(gif);
    strict_1.default.match(c.error?.message ?? '', /not a JPEG or PNG image \(first bytes 47494638\)/);
    const text = path.join(dir, 'notes.png');
    fs.writeFileSync(text, 'a text file with a picture name');
    await strict_1.default.rejects((0, imageCache_1.decodePhoto)(text), (e) => e instanceof errors_1.CfcmlError && e.message.startsWith(`${text}: corrupt or unreadable image`));
});
//# sourceMappingURL=photoReference.test.js.map