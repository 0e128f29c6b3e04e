/// <reference types="node" />
/// <reference types="node" />
/**
 * The safetensors format (the format of the Hugging Face hub and `safetensors.torch.save_file`), read and
 * written without a dependency: an 8-byte little-endian header length `N`, `N` bytes of UTF-8 JSON, then one
 * byte buffer. The header maps each tensor name to `{ dtype, shape, data_offsets: [begin, end] }` (byte
 * offsets into the buffer) and may hold `__metadata__`, a map of strings to strings.
 *
 * cfcml writes float32 only (`F32`); it reads the dtypes published weights use and converts them to float32.
 * The header is padded with spaces to a multiple of 8 bytes, as the reference implementation writes it, so
 * every tensor starts 8-byte aligned.
 */
export type SafetensorsDtype = 'F32' | 'F16' | 'BF16' | 'F64' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL';
/** One tensor as a header describes it. */
export interface SafetensorsEntry {
    dtype: SafetensorsDtype;
    shape: number[];
    data_offsets: [number, number];
}
/** A float32 tensor: what cfcml writes, and what reading converts every dtype to. */
export interface Float32Tensor {
    shape: number[];
    data: Float32Array;
}
/** A parsed file: its tensors' headers (in file order), its metadata, and a reader for one tensor. */
export interface SafetensorsFile {
    /** The file (or a label) that errors name. */
    source: string;
    metadata: Record<string, string>;
    entries: Map<string, SafetensorsEntry>;
    /** The byte buffer after the header: every tensor's bytes (a view, not a copy). */
    data: Uint8Array;
    /** The raw bytes of one tensor (a view, not a copy). */
    bytes(name: string): Uint8Array;
    /** One tensor converted to float32. */
    tensor(name: string): Float32Tensor;
}
/** Serialise float32 tensors (in the order given) and string metadata to one safetensors buffer. */
export declare function encodeSafetensors(tensors: Array<{
    name: string;
} & Float32Tensor>, metadata?: Record<string, string>): Buffer;
/** Parse a safetensors buffer; every header inconsistency is an error naming `source` and the tensor. */
export declare function decodeSafetensors(buf: Uint8Array, source?: string): SafetensorsFile;
/** Read and parse a safetensors file. */
export declare function readSafetensors(file: string): SafetensorsFile;
