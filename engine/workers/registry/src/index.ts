// arcrun-registry: serves the component catalog and runs WASM components.
//
// Cloudflare Workers may not compile WebAssembly from bytes at run time, so the modules are bundled with this
// worker (static imports, compiled at deploy). The R2 bucket holds the distributed copy of each binary; a
// component runs only when that copy's sha256 equals the bundled module's, so what the catalog serves is
// exactly what runs. A missing R2 copy is written from the bundled bytes on first use.
import bundle from "../../../arcrun.bundle.json";
import { COMPONENT_CONTRACTS } from "../../../lib/seeds.generated";
import { BINDING_HEADER, BINDING_TOKEN_KEY, sameToken } from "../../../lib/binding";
import { ApiError, handler, isObject, json, pathSegments, readJsonObject, sha256Hex, base64ToBytes } from "../../../lib/http";
import { pageQuery, slicePage } from "../../../lib/paging";
import { runTextWasm } from "../../../lib/wasm-text";
import { WASM_MODULES, type BundledWasm } from "./wasm.generated";

export interface Env {
  COMPONENTS: KVNamespace;
  COMPONENT_BINARIES: R2Bucket;
}

/** A component id is part of its KV key (component:<id>; KV keys are at most 512 bytes). */
const COMPONENT_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export default handler<Env>("registry", route);

let knownToken: string | null = null;
/** Contracts stored in KV (rare: only PUT /components/{id} makes them), kept a minute per isolate: a KV list costs. */
let storedContracts: { at: number; contracts: Contract[] } | null = null;
const STORED_CONTRACTS_TTL_MS = 60_000;

async function route(request: Request, env: Env): Promise<Response> {
  // Only the executor's service binding may reach the registry: it carries the token both read from their shared KV.
  // The token is read again only when the one this isolate knows does not match (it is made once, on first use).
  const given = request.headers.get(BINDING_HEADER) ?? "";
  if (!knownToken || !sameToken(given, knownToken)) knownToken = await env.COMPONENTS.get(BINDING_TOKEN_KEY);
  const token = knownToken;
  if (!token || !sameToken(given, token)) {
    throw new ApiError(403, "binding_only", "The registry answers only the arcrun engine's executor; call the engine's API instead.");
  }
  const url = new URL(request.url);
  const parts = pathSegments(url.pathname);
  const method = request.method;
  if (method === "GET" && url.pathname === "/health") {
    return json({ ok: true, version: bundle.version, worker: "arcrun-registry" });
  }
  if (parts[0] !== "components") {
    throw new ApiError(404, "not_found", `No route ${method} ${url.pathname}.`);
  }
  if (parts.length === 1 && method === "GET") {
    const page = slicePage(await catalog(env), (c) => c.canonical_id, pageQuery(url, 1000, 1000));
    return json({ success: true, components: page.items, cursor: page.cursor, truncated: page.truncated });
  }
  const id = parts[1];
  if (parts.length === 2 && method === "GET") {
    const found = (await catalog(env)).find((c) => c.canonical_id === id);
    if (!found) throw new ApiError(404, "component_not_found", `No component '${id}'.`);
    return json({ success: true, component: found });
  }
  if (parts.length === 2 && method === "PUT") {
    if (!COMPONENT_ID.test(id)) {
      throw new ApiError(400, "invalid_component", "A component id is 1-128 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'.");
    }
    const contract = await readJsonObject(request);
    if (contract.canonical_id !== id) {
      throw new ApiError(400, "invalid_component", `The contract's canonical_id must be '${id}'.`);
    }
    await env.COMPONENTS.put(`component:${id}`, JSON.stringify(contract));
    storedContracts = null;
    return json({ success: true, component: contract });
  }
  if (parts.length === 3 && parts[2] === "binary" && method === "GET") {
    const wasm = bundled(id);
    const object = await binary(env, id, wasm);
    return new Response(object, {
      headers: { "content-type": "application/wasm", "x-sha256": wasm.sha256 },
    });
  }
  if (parts.length === 3 && parts[2] === "invoke" && method === "POST") {
    const body = await readJsonObject(request);
    const input = isObject(body.input) ? body.input : {};
    return json({ success: true, output: await invoke(env, id, input) });
  }
  throw new ApiError(404, "not_found", `No route ${method} ${url.pathname}.`);
}

type Contract = Record<string, unknown> & { canonical_id: string };

/** Seeded contracts, overridden or extended by contracts stored in KV; WASM entries carry their binary's digest. */
async function catalog(env: Env): Promise<Contract[]> {
  const byId = new Map<string, Contract>();
  for (const c of COMPONENT_CONTRACTS as Contract[]) byId.set(c.canonical_id, c);
  if (!storedContracts || Date.now() - storedContracts.at > STORED_CONTRACTS_TTL_MS) {
    const contracts: Contract[] = [];
    const listed = await env.COMPONENTS.list({ prefix: "component:" });
    for (const key of listed.keys) {
      const stored = await env.COMPONENTS.get<Contract>(key.name, "json");
      if (stored) contracts.push(stored);
    }
    storedContracts = { at: Date.now(), contracts };
  }
  for (const stored of storedContracts.contracts) byId.set(stored.canonical_id, stored);
  return [...byId.values()]
    .map((c) => {
      const wasm = WASM_MODULES[c.canonical_id];
      return wasm ? { ...c, runtime: "wasm", wasm: { abi: "arcrun-text-v1", sha256: wasm.sha256, size: wasm.size } } : c;
    })
    .sort((a, b) => a.canonical_id.localeCompare(b.canonical_id));
}

function bundled(id: string): BundledWasm {
  const wasm = WASM_MODULES[id];
  if (!wasm) throw new ApiError(404, "component_not_found", `No WASM component '${id}'.`);
  return wasm;
}

/** The R2 copy of a binary, written from the bundled bytes when missing; refused when it does not match. */
async function binary(env: Env, id: string, wasm: BundledWasm): Promise<Uint8Array> {
  const key = `wasm/${id}/component.wasm`;
  let object = await env.COMPONENT_BINARIES.get(key);
  if (!object) {
    await env.COMPONENT_BINARIES.put(key, base64ToBytes(wasm.base64), {
      httpMetadata: { contentType: "application/wasm" },
      customMetadata: { sha256: wasm.sha256 },
    });
    object = await env.COMPONENT_BINARIES.get(key);
    if (!object) throw new ApiError(500, "binary_unavailable", `The binary of '${id}' could not be stored in R2.`);
  }
  const bytes = new Uint8Array(await object.arrayBuffer());
  const digest = await sha256Hex(bytes);
  if (digest !== wasm.sha256) {
    throw new ApiError(409, "binary_mismatch",
      `The R2 copy of '${id}' (sha256 ${digest}) is not the binary this registry was deployed with (${wasm.sha256}); redeploy the engine.`);
  }
  return bytes;
}

/** Runs a component of ABI arcrun-text-v1 after checking its R2 copy. */
async function invoke(env: Env, id: string, input: Record<string, unknown>): Promise<unknown> {
  const wasm = bundled(id);
  await binary(env, id, wasm);
  return runTextWasm(id, wasm.module, input);
}
