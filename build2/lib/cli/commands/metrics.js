"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.metricsCommand = void 0;
const metrics_1 = require("../../metrics");
const runDirectory_1 = require("../../run/runDirectory");
const args_1 = require("../args");
exports.metricsCommand = {
    name: 'metrics',
    summary: 'metrics of a predictions file (columns label,prob_0,…,prob_{C-1})',
    options: [
        { name: 'pred', type: 'string', required: true, metavar: '<csv>', help: 'predictions CSV' },
        { name: 'positive', type: 'integer', default: 1, help: 'positive class for binary metrics' },
        { name: 'json', type: 'boolean', help: 'print one JSON object with snake_case metric names' },
    ],
    async run(a) {
        // The same reader as a run directory's (`RunDirectory.readPredictions`): label,prob_0..prob_{C-1}.
        const { labels, probs } = (0, runDirectory_1.readPredictionsCsv)((0, args_1.str)(a, 'pred'));
        const m = (0, metrics_1.computeMetrics)(labels, probs, { positiveClass: (0, args_1.num)(a, 'positive') });
        if ((0, args_1.bool)(a, 'json'))
            console.log(JSON.stringify(m));
        else
            console.log((0, metrics_1.formatMetricsTable)(m));
        return 0;
    },
};
//# sourceMappingURL=metrics.js.map