"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evalCommand = void 0;
const metrics_1 = require("../../metrics");
const spec_1 = require("../../data/spec");
const train_1 = require("../../train");
const args_1 = require("../args");
exports.evalCommand = {
    name: 'eval',
    summary: "evaluate a run's selected checkpoint on a split and write its predictions",
    options: [
        { name: 'run', type: 'string', required: true, metavar: '<dir>', help: 'run directory written by cfcml train' },
        { name: 'split', type: 'string', choices: spec_1.SPLITS, default: 'test', help: 'split to evaluate' },
        { name: 'data', type: 'string', metavar: '<dir>', help: 'data folder, if it moved since training' },
        { name: 'checkpoint', type: 'string', choices: ['best', 'last'], default: 'best', help: 'which checkpoint' },
        { name: 'json', type: 'boolean', help: 'print one JSON object' },
    ],
    async run(a) {
        const r = await (0, train_1.evaluateRun)((0, args_1.str)(a, 'run'), { split: (0, args_1.str)(a, 'split'), data: (0, args_1.str)(a, 'data'), checkpoint: (0, args_1.str)(a, 'checkpoint') });
        if ((0, args_1.bool)(a, 'json'))
            console.log(JSON.stringify({ split: r.split, metrics: r.metrics, predictions: r.predictionsFile }));
        else {
            console.log(`${r.split} split, ${r.predictions.ids.length} cases; predictions: ${r.predictionsFile}`);
            console.log((0, metrics_1.formatMetricsTable)(r.metrics));
        }
        return 0;
    },
};
//# sourceMappingURL=eval.js.map