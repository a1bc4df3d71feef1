// Workflow documents: validation (a malformed one is refused with the reason) and storage in WORKFLOWS.
import { ApiError, isObject, nowIso } from "../../../lib/http";
import { kvPage, type Page, type PageQuery } from "../../../lib/paging";
import { BUILTINS } from "./components";
import type { Env } from "./env";
import { getApiRecipe, getAuthRecipe } from "./recipes";
import { registryFetch } from "./registry-client";
import { stepRefs, templateProblem } from "./template";

export interface Step {
  id: string;
  component: string;
  input?: Record<string, unknown>;
  service?: string;
  when?: unknown;
  foreach?: unknown;
  on_error?: "stop" | "continue";
  description?: string;
}

export interface Workflow {
  name: string;
  description?: string;
  steps: Step[];
  output?: unknown;
}

interface StoredWorkflow {
  workflow: Workflow;
  created_at: string;
  updated_at: string;
}

export const WORKFLOW_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const STEP_ID = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const WORKFLOW_FIELDS = new Set(["name", "description", "steps", "output", "version"]);
const STEP_FIELDS = new Set(["id", "component", "input", "service", "when", "foreach", "on_error", "description"]);
export const MAX_STEPS = 100;
/**
 * The description is kept in the workflow list's KV metadata (so a page of the list is one KV call), and KV allows
 * 1,024 bytes of metadata per key: with the other fields, a description fits in these many characters and bytes.
 */
export const MAX_DESCRIPTION_CHARS = 300;
export const MAX_DESCRIPTION_BYTES = 900;

/** Checks a workflow document; throws 400 invalid_workflow with the first reason found. */
export async function validateWorkflow(env: Env, doc: unknown, nameFromRequest?: unknown): Promise<Workflow> {
  const bad = (why: string): never => {
    throw new ApiError(400, "invalid_workflow", why);
  };
  if (!isObject(doc)) bad("workflow must be an object {name, description, steps}.");
  const wf = doc as Record<string, unknown>;
  const name = wf.name ?? nameFromRequest;
  if (typeof name !== "string" || !WORKFLOW_NAME.test(name)) {
    bad("name must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit.");
  }
  if (nameFromRequest !== undefined && wf.name !== undefined && wf.name !== nameFromRequest) {
    bad(`name '${String(nameFromRequest)}' differs from the workflow's own name '${String(wf.name)}'.`);
  }
  for (const key of Object.keys(wf)) if (!WORKFLOW_FIELDS.has(key)) bad(`unknown field '${key}' in the workflow.`);
  if (wf.description !== undefined && typeof wf.description !== "string") bad("description must be a string.");
  if (typeof wf.description === "string") {
    const chars = [...wf.description].length;
    // As stored: UTF-8 of the JSON-escaped text (without its quotes), so control characters count as escaped.
    const bytes = new TextEncoder().encode(JSON.stringify(wf.description)).length - 2;
    if (chars > MAX_DESCRIPTION_CHARS || bytes > MAX_DESCRIPTION_BYTES) {
      throw new ApiError(400, "description_too_long",
        `The description is ${chars} characters (${bytes} bytes as stored); a workflow's description may have at most ` +
        `${MAX_DESCRIPTION_CHARS} characters and ${MAX_DESCRIPTION_BYTES} bytes, since it is kept in the workflow list's ` +
        "metadata (Cloudflare KV allows 1,024 bytes per key). Shorten it; longer notes fit in a step's description.");
    }
  }
  if (!Array.isArray(wf.steps) || wf.steps.length === 0) bad("steps must be a non-empty list.");
  const steps = wf.steps as unknown[];
  if (steps.length > MAX_STEPS) bad(`a workflow has at most ${MAX_STEPS} steps.`);
  // The registry's catalog is asked only when a step names a component that is neither builtin nor an API recipe.
  let wasm: Set<string> | null = null;
  const seen = new Set<string>();
  for (const [i, raw] of steps.entries()) {
    if (!isObject(raw)) bad(`step ${i + 1} must be an object {id, component, input}.`);
    const step = raw as Record<string, unknown>;
    const where = typeof step.id === "string" ? `step '${step.id}'` : `step ${i + 1}`;
    if (typeof step.id !== "string" || !STEP_ID.test(step.id)) bad(`${where}: id must be letters, digits, '_' or '-', starting with a letter or '_'.`);
    if (seen.has(step.id as string)) bad(`${where}: the id is used twice.`);
    for (const key of Object.keys(step)) if (!STEP_FIELDS.has(key)) bad(`${where}: unknown field '${key}'.`);
    if (typeof step.component !== "string" || step.component === "") bad(`${where}: component is required.`);
    const component = step.component as string;
    const isBuiltin = (BUILTINS as readonly string[]).includes(component);
    const isApi = !isBuiltin && (await getApiRecipe(env, component)) !== null;
    if (!isBuiltin && !isApi && !(wasm ??= await wasmComponents(env)).has(component)) bad(`${where}: unknown component '${component}'.`);
    if (step.input !== undefined && !isObject(step.input)) bad(`${where}: input must be an object.`);
    if (step.service !== undefined) {
      if (typeof step.service !== "string") bad(`${where}: service must be a string.`);
      if (component !== "http_request" && !isApi) bad(`${where}: only http_request and API-recipe steps take a service.`);
      if (!(await getAuthRecipe(env, step.service as string))) bad(`${where}: unknown service '${String(step.service)}'.`);
    }
    if (step.on_error !== undefined && step.on_error !== "stop" && step.on_error !== "continue") {
      bad(`${where}: on_error must be "stop" or "continue".`);
    }
    const problem = templateProblem([step.input, step.when, step.foreach]);
    if (problem) bad(`${where}: ${problem}`);
    for (const ref of stepRefs([step.input, step.when, step.foreach])) {
      if (!seen.has(ref)) bad(`${where} refers to steps.${ref}, which is not an earlier step.`);
    }
    seen.add(step.id as string);
  }
  const outputProblem = templateProblem(wf.output);
  if (outputProblem) bad(`output: ${outputProblem}`);
  for (const ref of stepRefs(wf.output)) if (!seen.has(ref)) bad(`output refers to steps.${ref}, which is not a step.`);
  return { ...(wf as unknown as Workflow), name: name as string };
}

/** Ids of the WASM components the registry can run. */
async function wasmComponents(env: Env): Promise<Set<string>> {
  const res = await registryFetch(env, "/components");
  if (!res.ok) throw new ApiError(503, "registry_unavailable", `The component registry answered ${res.status}.`);
  const body = (await res.json()) as { components: { canonical_id: string; runtime?: string }[] };
  return new Set(body.components.filter((c) => c.runtime === "wasm").map((c) => c.canonical_id));
}

export async function putWorkflow(env: Env, wf: Workflow): Promise<{ created: boolean; created_at: string; updated_at: string }> {
  const existing = await env.WORKFLOWS.get<StoredWorkflow>(`workflow:${wf.name}`, "json");
  const now = nowIso();
  const stored = storedWorkflow(wf, existing?.created_at ?? now, now);
  await env.WORKFLOWS.put(stored.key, stored.value, { metadata: stored.metadata });
  return { created: !existing, created_at: existing?.created_at ?? now, updated_at: now };
}

/** A workflow as KV keeps it: the document, and the list's metadata (what a page of the list shows). */
export function storedWorkflow(wf: Workflow, createdAt: string, updatedAt: string) {
  const stored: StoredWorkflow = { workflow: wf, created_at: createdAt, updated_at: updatedAt };
  return {
    key: `workflow:${wf.name}`, value: JSON.stringify(stored),
    metadata: { description: wf.description ?? "", steps: wf.steps.length, updated_at: updatedAt },
  };
}

export async function getWorkflow(env: Env, name: string): Promise<StoredWorkflow> {
  // A name no workflow can have is not looked up: KV refuses keys over 512 bytes with an error, not a miss.
  if (!WORKFLOW_NAME.test(name)) throw new ApiError(404, "workflow_not_found", `No workflow named '${name.slice(0, 80)}'.`);
  const stored = await env.WORKFLOWS.get<StoredWorkflow>(`workflow:${name}`, "json");
  if (!stored) throw new ApiError(404, "workflow_not_found", `No workflow named '${name}'.`);
  return stored;
}

export interface WorkflowSummary {
  name: string;
  description: string;
  steps: number;
  updated_at: string;
}

/** One page of the workflows in name order (one KV list call), optionally those whose name starts with prefix. */
export async function listWorkflows(env: Env, q: PageQuery, prefix = ""): Promise<Page<WorkflowSummary>> {
  const page = await kvPage<{ description: string; steps: number; updated_at: string }>(env.WORKFLOWS, `workflow:${prefix}`, q);
  const items = page.keys.map((k) => ({
    name: k.name.slice("workflow:".length), description: k.metadata?.description ?? "", steps: k.metadata?.steps ?? 0,
    updated_at: k.metadata?.updated_at ?? "",
  }));
  return { items, cursor: page.cursor, truncated: page.truncated };
}

export async function deleteWorkflow(env: Env, name: string) {
  await getWorkflow(env, name);
  await env.WORKFLOWS.delete(`workflow:${name}`);
}
