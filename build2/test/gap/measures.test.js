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
 * Modality-gap measures on constructed cases with known answers, against a NumPy/PyTorch reference
 * (scripts/reference/gap_reference.py; alignment and uniformity are Wang & Isola's own code), and the
 * pairwise matrix for more than two modalities.
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
const gap_1 = require("../../lib/gap");
const random_1 = require("../../lib/util/random");
const FIXTURE = path.join(__dirname, '../../../test/fixtures/reference/gap.json');
const ref = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const close = (a, b, what, tol = 1e-10) => strict_1.default.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: got ${a}, expected ${b}`);
function randomRows(rng, N, D, shift = []) {
    return Array.from({ length: N }, () => Array.from({ length: D }, (_, k) => rng.normal() + (shift[k] ?? 0)));
}
/**
 * Two cones of half-angle θ around e1 (modality A) and e2 (modality B), two points each, paired:
 * a_± = cos θ e1 ± sin θ e3, b_± = cos θ e2 ± sin θ e3. Known answers:
 * centroid gap = √2 cos θ; alignment = 2 cos²θ; within-modality d = sin²θ, paired d = cos²θ / 2,
 * so RMG = (cos²θ/2) / (sin²θ + cos²θ/2); distance to own centroid = sin θ.
 */
function cones(theta, scaleA = 1, scaleB = 1) {
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    return [
        [[scaleA * c, 0, scaleA * s, 0], [scaleA * c, 0, -scaleA * s, 0]],
        [[0, scaleB * c, scaleB * s, 0], [0, scaleB * c, -scaleB * s, 0]],
    ];
}
(0, node_test_1.test)('identical modalities: every gap is 0 (rows scaled differently, still identical after normalising)', () => {
    const x = randomRows(new random_1.Rng(1), 20, 6);
    const y = x.map((r, i) => r.map((v) => v * (1 + i)));
    // 0 up to rounding in the normalisation (1 ulp per entry)
    close((0, gap_1.centroidGap)(x, y), 0, 'centroid gap', 1e-14);
    close((0, gap_1.relativeModalityGap)(x, y), 0, 'RMG', 1e-14);
    close((0, gap_1.relativeCentroidGap)(x, y), 0, 'relative centroid gap', 1e-13);
    close((0, gap_1.alignment)(x, y), 0, 'alignment', 1e-14);
    strict_1.default.equal((0, gap_1.centroidGap)(x, x), 0);
    close((0, gap_1.relativeModalityGap)(x, x), 0, 'RMG(x, x)', 1e-15);
});
(0, node_test_1.test)('shifted cones: the gap is the shift between the cone axes', () => {
    for (const theta of [0.2, Math.PI / 4, 1.2]) {
        const [a, b] = cones(theta, 3, 0.5);
        const c = Math.cos(theta);
        const s = Math.sin(theta);
        close((0, gap_1.centroidGap)(a, b), Math.SQRT2 * c, `centroid gap θ=${theta}`);
        const delta = (0, gap_1.gapVector)(a, b);
        [c, -c, 0, 0].forEach((v, k) => close(delta[k], v, `Δ[${k}]`));
        close((0, gap_1.alignment)(a, b), 2 * c * c, `alignment θ=${theta}`);
        close((0, gap_1.relativeModalityGap)(a, b), (c * c) / 2 / (s * s + (c * c) / 2), `RMG θ=${theta}`);
        close((0, gap_1.relativeCentroidGap)(a, b), (Math.SQRT2 * c) / s, `relative centroid gap θ=${theta}`);
    }
    // θ = π/4: RMG = (1/4) / (1/2 + 1/4) = 1/3
    close((0, gap_1.relativeModalityGap)(...cones(Math.PI / 4)), 1 / 3, 'RMG at π/4');
});
(0, node_test_1.test)('uniformity: known configurations', () => {
    close((0, gap_1.uniformity)([[1, 0], [-1, 0]]), -8, 'antipodal pair: log e^{-2·4}');
    close((0, gap_1.uniformity)([[1, 0, 0], [2, 0, 0]]), 0, 'identical directions');
    // regular tetrahedron: ‖x − y‖² = 8/3 for every pair
    const tet = [[1, 1, 1], [1, -1, -1], [-1, 1, -1], [-1, -1, 1]];
    close((0, gap_1.uniformity)(tet), (-2 * 8) / 3, 'tetrahedron');
    close((0, gap_1.uniformity)(tet, 5), (-5 * 8) / 3, 'tetrahedron, t = 5');
    // large t stays finite (log-mean-exp)
    strict_1.default.ok(Number.isFinite((0, gap_1.uniformity)([[1, 0], [-1, 0]], 500)));
});
(0, node_test_1.test)('matches the NumPy / Wang & Isola reference on random data (3 modalities)', () => {
    const mods = ref.mods;
    const report = (0, gap_1.gapReport)(mods, ['clinical', 'dermoscopic', 'tabular']);
    for (const key of ['centroidGap', 'relativeModalityGap', 'alignment']) {
        for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++)
                close(report[key].matrix[i][j], ref[key][i][j], `${key}[${i}][${j}]`, 1e-9);
        const expectedMean = (ref[key][0][1] + ref[key][0][2] + ref[key][1][2]) / 3;
        close(report[key].mean, expectedMean, `${key} mean`, 1e-9);
    }
    ref.uniformity.forEach((u, i) => close(report.uniformity[i], u, `uniformity[${i}]`, 1e-9));
    strict_1.default.deepEqual(report.names, ['clinical', 'dermoscopic', 'tabular']);
});
(0, node_test_1.test)('Float32Array input with dims equals number[][] input', () => {
    const x = randomRows(new random_1.Rng(2), 10, 4);
    const y = randomRows(new random_1.Rng(3), 10, 4, [1, 0, 0, 0]);
    const flat = { data: Float32Array.from(y.flat()), rows: 10, cols: 4 };
    const y32 = y.map((r) => Array.from(Float32Array.from(r)));
    close((0, gap_1.centroidGap)(x, flat), (0, gap_1.centroidGap)(x, y32), 'centroid gap');
    close((0, gap_1.alignment)(x, flat), (0, gap_1.alignment)(x, y32), 'alignment');
});
(0, node_test_1.test)('pairwise matrix: symmetric measures give a symmetric matrix with a zero diagonal', () => {
    const rng = new random_1.Rng(4);
    const mods = [randomRows(rng, 12, 5), randomRows(rng, 12, 5, [2]), randomRows(rng, 12, 5, [0, 2]), randomRows(rng, 12, 5, [0, 0, 2])];
    const { matrix, mean } = (0, gap_1.pairwiseMeasure)(mods, gap_1.centroidGap);
    let sum = 0;
    for (let i = 0; i < 4; i++) {
        strict_1.default.equal(matrix[i][i], 0);
        for (let j = i + 1; j < 4; j++) {
            close(matrix[i][j], matrix[j][i], `sym ${i},${j}`);
            sum += matrix[i][j];
        }
    }
    close(mean, sum / 6, 'mean over pairs');
});
(0, node_test_1.test)('bad input is a clear error', () => {
    strict_1.default.throws(() => (0, gap_1.centroidGap)([[1, 0]], [[1, 0], [0, 1]]), /rows must be paired/);
    strict_1.default.throws(() => (0, gap_1.centroidGap)([[1, 0]], [[1, 0, 0]]), /columns/);
    strict_1.default.throws(() => (0, gap_1.centroidGap)([], []), /no rows/);
    strict_1.default.throws(() => (0, gap_1.uniformity)([[1, 0]]), /at least 2 rows/);
    strict_1.default.throws(() => (0, gap_1.centroidGap)({ data: new Float32Array(5), rows: 2, cols: 3 }, [[1]]), /expected 2×3/);
    strict_1.default.throws(() => (0, gap_1.alignment)([[1, NaN]], [[1, 0]]), /non-finite/);
});
//# sourceMappingURL=measures.test.js.map