import { type SweepSetting } from './sweep';
export interface SweepConfig {
    data?: string[];
    out?: string;
    variants?: string;
    seeds?: string;
    preset?: string;
    set?: string;
    settings?: SweepSetting[];
    jobs?: number;
}
/** Read and check a sweep file; every problem names the file and the key. */
export declare function readSweepConfig(file: string): SweepConfig;
