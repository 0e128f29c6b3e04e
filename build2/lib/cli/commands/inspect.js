"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inspectCommand = void 0;
const args_1 = require("../args");
const data_1 = require("../../data");
const problems_1 = require("../../util/problems");
exports.inspectCommand = {
    name: 'inspect',
    summary: 'per-split class counts, cases left out and why, image sizes, tabular level counts, every problem of the folder',
    options: [
        { name: 'data', type: 'string', help: 'cohort folder (real or synthetic)', metavar: '<dir>', required: true },
        { name: 'dataset', type: 'string', help: 'dataset (autodetected from the layout if absent)', choices: data_1.DATASET_KEYS },
        { name: 'max-problems', type: 'integer', default: 100, min: 1, help: 'problems listed in full (the rest are counted)' },
        { name: 'json', type: 'boolean', help: 'print one JSON object' },
    ],
    epilog: 'Exit code: 0 when the folder is usable, 1 when it has problems (all listed), 2 when it cannot be read at all.',
    async run(args) {
        const problems = new problems_1.ProblemList((0, args_1.num)(args, 'max-problems'));
        const cohort = await (0, data_1.loadCohort)((0, args_1.str)(args, 'data'), { dataset: (0, args_1.str)(args, 'dataset'), problems });
        const report = await (0, data_1.inspectCohort)(cohort, { problems });
        console.log((0, args_1.bool)(args, 'json') ? JSON.stringify(report, null, 2) : (0, data_1.formatInspectReport)(report));
        return problems.empty ? 0 : 1;
    },
};
//# sourceMappingURL=inspect.js.map