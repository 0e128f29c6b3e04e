"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const datasets_1 = require("../../lib/data/datasets");
const data_1 = require("../../lib/data");
const errors_1 = require("../../lib/util/errors");
function menCase(id, split, age, location = 'convexity') {
    return {
        id,
        split,
        label: 0,
        imagePaths: [],
        tabular: { location, sex: 'male', age, adc: 1, tumour_area: 10, oedema_area: 5 },
        source: `clinical.csv row ${id}`,
    };
}
(0, node_test_1.test)('numeric fields are standardised with train statistics only; categorical give level indices', () => {
    const train = [menCase('a', 'train', 40), menCase('b', 'train', 60, 'skull base')];
    const enc = data_1.TabularEncoder.fit(datasets_1.MEN, train);
    strict_1.default.deepEqual(enc.inputSpec(), [{ kind: 'categorical', levels: 5 }, { kind: 'categorical', levels: 2 }, { kind: 'numeric' }, { kind: 'numeric' }, { kind: 'numeric' }, { kind: 'numeric' }]);
    const test1 = [menCase('c', 'test', 70, 'intraventricular')];
    // age mean 50, std 10 (population std over the train cases) → (70 − 50) / 10 = 2; constant fields → 0
    strict_1.default.deepEqual([...enc.encode(test1)], [4, 1, 2, 0, 0, 0]);
    strict_1.default.equal(enc.oneHotWidth, 5 + 2 + 4);
    strict_1.default.deepEqual([...enc.oneHot(test1)], [0, 0, 0, 0, 1, 0, 1, 2, 0, 0, 0]);
    const back = data_1.TabularEncoder.fromJSON(datasets_1.MEN, JSON.parse(JSON.stringify(enc.toJSON())));
    strict_1.default.deepEqual([...back.encode(test1)], [...enc.encode(test1)]);
});
(0, node_test_1.test)('exclude drops a field everywhere; unknown category and NaN are named', () => {
    const c = {
        id: '9',
        split: 'train',
        label: 1,
        imagePaths: [],
        tabular: { difficulty: 'high', elevation: 'nodular', location: 'acral', sex: 'male', management: 'excision' },
        source: 'meta.csv row 11',
    };
    const enc = data_1.TabularEncoder.fit(datasets_1.DERM7PT, [c], { exclude: ['management'] });
    strict_1.default.deepEqual(enc.fields.map((f) => f.name), ['difficulty', 'elevation', 'location', 'sex']);
    strict_1.default.deepEqual([...enc.encode([c])], [2, 2, 7, 1]);
    strict_1.default.equal(enc.oneHotWidth, 17);
    strict_1.default.throws(() => data_1.TabularEncoder.fit(datasets_1.DERM7PT, [c], { exclude: ['managment'] }), /unknown tabular field 'managment'/);
    const bad = { ...c, tabular: { ...c.tabular, location: 'elbow' } };
    strict_1.default.throws(() => enc.encode([bad]), (e) => e instanceof errors_1.CfcmlError && /meta\.csv row 11/.test(e.message) && /column 'location'/.test(e.message) && /'elbow'/.test(e.message));
    const nan = menCase('x', 'train', NaN);
    strict_1.default.throws(() => data_1.TabularEncoder.fit(datasets_1.MEN, [nan]), (e) => e instanceof errors_1.CfcmlError && /column 'age'/.test(e.message) && /NaN/.test(e.message));
});
//# sourceMappingURL=tabular.test.js.map