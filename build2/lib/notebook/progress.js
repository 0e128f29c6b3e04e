"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.trainingProgress = void 0;
const display_1 = require("../util/display");
const TERMS = [
    ['loss', 'loss (H8)'],
    ['ce', 'CE'],
    ['sam', 'L_sam'],
    ['up', 'L_up'],
    ['cp', 'L_cp'],
];
let counter = 0;
const fmt = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–');
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function trainingProgress(opts = {}) {
    const title = opts.title ?? 'Training';
    const minInterval = opts.minIntervalMs ?? 500;
    const displayId = `cfcml-progress-${process.pid}-${Date.now().toString(36)}-${++counter}`;
    const started = Date.now();
    const epochs = [];
    const sums = { loss: 0, ce: 0, sam: 0, up: 0, cp: 0 };
    let steps = 0;
    let last = null;
    let shown = false;
    let lastDraw = 0;
    const notebook = (0, display_1.inNotebook)();
    const seconds = () => (Date.now() - started) / 1000;
    const best = () => epochs.reduce((b, r) => (b === null || r.val_auc > b.val_auc ? r : b), null);
    function draw(status, summary) {
        const rows = epochs.map((r) => `<tr${r.best ? ' style="font-weight:bold"' : ''}><td>${r.epoch}</td>${TERMS.map(([k]) => `<td>${fmt(r[k])}</td>`).join('')}<td>${fmt(r.val_auc)}</td><td>${fmt(r.seconds, 1)}</td></tr>`);
        if (last && !summary) {
            const mean = (k) => sums[k] / Math.max(1, steps);
            rows.push(`<tr style="color:#555"><td>${last.epoch} (step ${last.step}/${last.steps})</td>${TERMS.map(([k]) => `<td>${fmt(mean(k))}</td>`).join('')}<td></td><td></td></tr>`);
        }
        const head = `<tr><th>epoch</th>${TERMS.map(([, label]) => `<th>${label}</th>`).join('')}<th>val AUC</th><th>s</th></tr>`;
        const html = `<div class="cfcml-progress"><b>${esc(title)}</b> · ${esc(status)}` +
            `<table style="font-size:12px;border-collapse:collapse">${head}${rows.join('')}</table>` +
            (summary ? `<p>${esc(summary)}</p>` : '') +
            '</div>';
        const text = summary ?? `${title}: ${status}`;
        (0, display_1.displayBundle)({ 'text/html': html, 'text/plain': text }, { displayId, update: shown });
        shown = true;
        lastDraw = Date.now();
    }
    const callbacks = {
        onStep(s) {
            if (last === null || s.epoch !== last.epoch) {
                for (const [k] of TERMS)
                    sums[k] = 0;
                steps = 0;
            }
            for (const [k] of TERMS)
                sums[k] += s[k];
            steps++;
            last = s;
            if (notebook && Date.now() - lastDraw >= minInterval)
                draw(`epoch ${s.epoch}, step ${s.step}/${s.steps}, ${fmt(seconds(), 0)} s`);
        },
        onEpochEnd(r) {
            epochs.push(r);
            last = null;
            const line = `epoch ${r.epoch}: loss ${fmt(r.loss)} (CE ${fmt(r.ce)}, L_sam ${fmt(r.sam)}, L_up ${fmt(r.up)}, L_cp ${fmt(r.cp)}), validation AUC ${fmt(r.val_auc)}${r.best ? ' *' : ''}`;
            if (notebook)
                draw(`${epochs.length} epoch(s) done, ${fmt(seconds(), 0)} s`);
            else
                console.log(`${title}: ${line}`);
        },
    };
    return {
        callbacks,
        epochs,
        finish(note) {
            const b = best();
            const first = epochs[0];
            const end = epochs[epochs.length - 1];
            const summary = !b || !first || !end
                ? `${title}: no epoch finished.`
                : `${title}: ${epochs.length} epoch(s) in ${fmt(seconds(), 0)} s; training loss ${fmt(first.loss)} → ${fmt(end.loss)}; ` +
                    `best validation AUC ${fmt(b.val_auc)} at epoch ${b.epoch}${note ? `; ${note}` : ''}.`;
            if (notebook)
                draw('done', summary);
            else
                console.log(summary);
            return summary;
        },
    };
}
exports.trainingProgress = trainingProgress;
//# sourceMappingURL=progress.js.map