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
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeJsonAtomic = exports.writeFileAtomic = exports.writeTempFile = void 0;
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
/**
 * Write `data` to a new temporary file beside `file` (named `.<name>.<pid>.<time>.tmp`, which
 * lib/run's stale-file cleanup recognises) and fsync it; returns its path. When the write fails (a full disk)
 * the temporary file is removed, since it would keep the space taken.
 */
function writeTempFile(file, data) {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
    const fd = fs.openSync(tmp, 'w');
    try {
        try {
            fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
            fs.fsyncSync(fd);
        }
        finally {
            fs.closeSync(fd);
        }
    }
    catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
    }
    return tmp;
}
exports.writeTempFile = writeTempFile;
/**
 * Write a file atomically: write to a temporary file in the same folder, fsync it, then rename over the
 * target. A crash leaves either the old file or the new one, never half of one.
 */
function writeFileAtomic(file, data) {
    const tmp = writeTempFile(file, data);
    try {
        fs.renameSync(tmp, file);
    }
    catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
    }
}
exports.writeFileAtomic = writeFileAtomic;
/** JSON, pretty-printed, written atomically. */
function writeJsonAtomic(file, value) {
    writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}
exports.writeJsonAtomic = writeJsonAtomic;
//# sourceMappingURL=fs.js.map