"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.auditCommand = void 0;
const args_1 = require("../args");
const data_1 = require("../../data");
exports.auditCommand = {
    name: 'audit',
    summary: 'leakage audit: how well each tabular field alone predicts the label; flags fields that give it away',
    options: [
        { name: 'data', type: 'string', help: 'cohort folder (real or synthetic)', metavar: '<dir>', required: true },
        { name: 'dataset', type: 'string', help: 'dataset (autodetected from the layout if absent)', choices: data_1.DATASET_KEYS },
        { name: 'split', type: 'string', help: 'audit one split only', choices: ['train', 'valid', 'test'] },
        { name: 'auc-threshold', type: 'number', help: 'flag a field whose single-field AUC reaches this', default: 0.9 },
        { name: 'json', type: 'boolean', help: 'print one JSON object' },
    ],
    async run(args) {
        const cohort = await (0, data_1.loadCohort)((0, args_1.str)(args, 'data'), { dataset: (0, args_1.str)(args, 'dataset') });
        const split = (0, args_1.str)(args, 'split');
        const report = (0, data_1.auditLeakage)(cohort, { splits: split ? [split] : undefined, aucThreshold: (0, args_1.num)(args, 'auc-threshold') });
        console.log((0, args_1.bool)(args, 'json') ? JSON.stringify(report, null, 2) : (0, data_1.formatLeakageReport)(report));
        return 0;
    },
};
//# sourceMappingURL=audit.js.map