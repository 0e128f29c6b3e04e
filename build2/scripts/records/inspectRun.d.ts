export declare function inspectRun(runDir: string): Promise<Record<string, unknown>>;
