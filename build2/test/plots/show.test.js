"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const bars_1 = require("../../lib/plots/bars");
const render_1 = require("../../lib/plots/render");
const show_1 = require("../../lib/plots/show");
(0, node_test_1.after)(() => (0, render_1.closeRenderer)());
const fig = (0, bars_1.metricBars)([
    { variant: 'full', metric: 'AUC', value: 0.9, ci: [0.85, 0.93] },
    { variant: 'no HRM', metric: 'AUC', value: 0.85, ci: [0.8, 0.9] },
]);
/** Capture console.log / console.warn lines while `fn` runs. */
async function captureConsole(fn) {
    const log = [];
    const warn = [];
    const [l, w] = [console.log, console.warn];
    console.log = (...a) => void log.push(a.join(' '));
    console.warn = (...a) => void warn.push(a.join(' '));
    try {
        await fn();
    }
    finally {
        [console.log, console.warn] = [l, w];
    }
    return { log, warn };
}
(0, node_test_1.test)('outside a kernel, show prints a one-line summary and does not throw', async () => {
    const { log } = await captureConsole(() => (0, show_1.show)(fig));
    strict_1.default.deepEqual(log, ['Figure "Metrics": 1 trace(s) (1 bar)']);
});
(0, node_test_1.test)('in a tslab kernel, show sends ONE display_data with plotly JSON, HTML, PNG and text', async () => {
    // Stand-in for a running kernel: tslab sets globalThis.__tslab__ and, per execution,
    // tslab/dist/jupyter.js's `lastWriteDisplayData`.
    const sent = [];
    const fakeKey = '/nonexistent/node_modules/tslab/dist/jupyter.js';
    globalThis.__tslab__ = {};
    require.cache[fakeKey] = { exports: { lastWriteDisplayData: (msg, update) => sent.push({ msg, update }) } };
    try {
        await (0, show_1.show)(fig, { width: 320, height: 240 });
    }
    finally {
        delete require.cache[fakeKey];
        delete globalThis.__tslab__;
    }
    strict_1.default.equal(sent.length, 1, 'one output');
    const data = sent[0].msg.data;
    strict_1.default.deepEqual(Object.keys(data).sort(), [show_1.PLOTLY_MIME, 'image/png', 'text/html', 'text/plain'].sort());
    const plotly = data[show_1.PLOTLY_MIME];
    strict_1.default.deepEqual(plotly.data, fig.data);
    strict_1.default.equal(plotly.layout.font.size, 13, 'notebook theme applied');
    const png = Buffer.from(data['image/png'], 'base64');
    strict_1.default.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    strict_1.default.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [320, 240]);
    strict_1.default.equal(data['text/plain'], 'Figure "Metrics": 1 trace(s) (1 bar)');
    // The HTML carries the same PNG as its static content, and the figure for plotly.js.
    const html = data['text/html'];
    strict_1.default.ok(html.includes(`src="data:image/png;base64,${data['image/png']}"`), 'PNG inside the HTML');
    strict_1.default.match(html, /Plotly|newPlot/);
    strict_1.default.equal((html.match(/<\/script>/g) ?? []).length, 1, 'one script element, not closed early by the figure JSON');
});
(0, node_test_1.test)('without Chromium the bundle keeps plotly JSON + text and carries a one-line warning', async () => {
    await (0, render_1.closeRenderer)();
    process.env.CFCML_CHROMIUM = '/nonexistent/chromium';
    try {
        const { bundle, warning } = await (0, show_1.mimeBundle)(fig);
        strict_1.default.deepEqual(Object.keys(bundle).sort(), [show_1.PLOTLY_MIME, 'text/html', 'text/plain'].sort());
        strict_1.default.match(warning ?? '', /^cfcml show\(\): no PNG fallback.*apt-get install chromium/);
        strict_1.default.equal(warning?.includes('\n'), false);
    }
    finally {
        delete process.env.CFCML_CHROMIUM;
    }
    const { bundle } = await (0, show_1.mimeBundle)(fig, { png: false, html: false, theme: null });
    strict_1.default.deepEqual(Object.keys(bundle).sort(), [show_1.PLOTLY_MIME, 'text/plain'].sort());
    strict_1.default.deepEqual(bundle[show_1.PLOTLY_MIME].layout, fig.layout);
});
//# sourceMappingURL=show.test.js.map