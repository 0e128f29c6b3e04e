"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMMANDS = void 0;
const archive_1 = require("./commands/archive");
const audit_1 = require("./commands/audit");
const backend_1 = require("./commands/backend");
const checkpoint_1 = require("./commands/checkpoint");
const eval_1 = require("./commands/eval");
const inspect_1 = require("./commands/inspect");
const main_1 = require("./commands/main");
const metrics_1 = require("./commands/metrics");
const report_1 = require("./commands/report");
const sweep_1 = require("./commands/sweep");
const synth_1 = require("./commands/synth");
const train_1 = require("./commands/train");
/** Every `cfcml` sub-command, in the order `cfcml --help` lists them. */
exports.COMMANDS = [main_1.mainCommand, synth_1.synthCommand, inspect_1.inspectCommand, audit_1.auditCommand, train_1.trainCommand, eval_1.evalCommand, metrics_1.metricsCommand, backend_1.backendCommand];
exports.COMMANDS.push(sweep_1.sweepCommand);
exports.COMMANDS.push(report_1.reportCommand);
exports.COMMANDS.push(archive_1.archiveCommand);
exports.COMMANDS.push(checkpoint_1.checkpointCommand);
//# sourceMappingURL=registry.js.map