// Runs a WASM component of ABI arcrun-text-v1: UTF-8 text in linear memory in, UTF-8 text out. These modules
// import nothing (they are pure), so any worker that bundles them can run them: the executor runs them in its own
// isolate (no subrequest per item), the registry for its invoke route.
import { ApiError, isObject } from "./http";
import { COMPONENT_CONTRACTS } from "./seeds.generated";

const MAX_TEXT_BYTES = 1_000_000;

export async function runTextWasm(id: string, module: WebAssembly.Module, input: Record<string, unknown>): Promise<unknown> {
  if (typeof input.text !== "string") {
    throw new ApiError(400, "invalid_input", `Component '${id}' needs input.text as a string.`);
  }
  const inBytes = new TextEncoder().encode(input.text);
  if (inBytes.length > MAX_TEXT_BYTES) {
    throw new ApiError(400, "invalid_input", `input.text is larger than ${MAX_TEXT_BYTES} bytes.`);
  }
  const instance = await WebAssembly.instantiate(module, {});
  const exports = instance.exports as {
    memory: WebAssembly.Memory;
    alloc(len: number): number;
    run(ptr: number, len: number): number;
    output_ptr(): number;
  };
  const ptr = exports.alloc(inBytes.length);
  new Uint8Array(exports.memory.buffer, ptr, inBytes.length).set(inBytes);
  const outLen = exports.run(ptr, inBytes.length);
  const outPtr = exports.output_ptr();
  const text = new TextDecoder().decode(new Uint8Array(exports.memory.buffer, outPtr, outLen));
  // The contract says how the text maps into the step's output: {"wasm_output": {"field", "type"}}.
  const contract = (COMPONENT_CONTRACTS as Record<string, unknown>[]).find((c) => c.canonical_id === id);
  const shape = isObject(contract?.wasm_output) ? contract.wasm_output : {};
  const field = typeof shape.field === "string" ? shape.field : "text";
  return { [field]: shape.type === "integer" ? Number(text) : text };
}
