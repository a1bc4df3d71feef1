// Runs a workflow step by step and records the run with its trace (run-store.ts: one R2 object, no KV write).
import { ApiError, nowIso } from "../../../lib/http";
import { callComponent, RunContext, StepError } from "./components";
import type { Env } from "./env";
import type { Keys } from "./keys";
import { saveRun } from "./run-store";
import { render, TemplateError, truthy, type Scope } from "./template";
import type { Step, Workflow } from "./workflows";

export const MAX_FOREACH = 100;

export interface TraceEntry {
  step: string;
  component: string;
  /** The service whose credentials the step uses, so a client can say which one is missing or refused. */
  service: string | null;
  status: "ok" | "error" | "skipped";
  started_at: string;
  duration_ms: number;
  input: unknown;
  output: unknown;
  error: { code: string; message: string } | null;
}

export interface RunRecord {
  run_id: string;
  workflow: string;
  status: "ok" | "error";
  input: Record<string, unknown>;
  output: unknown;
  error: { code: string; message: string; step: string } | null;
  trace: TraceEntry[];
  started_at: string;
  finished_at: string;
  /** From the trigger's arrival to the rendered output: every step and the output; not the save after it. */
  duration_ms: number;
  /** Set when the record was larger than the storage budget and its largest parts were cut (see run-store.ts). */
  truncated?: boolean;
  [field: string]: unknown;
}

/** started: when the trigger arrived (ms), so the run's time includes loading the workflow. */
export async function runWorkflow(env: Env, keys: Keys, wf: Workflow, input: Record<string, unknown>, depth = 0,
                                  started = Date.now()): Promise<RunRecord> {
  const ctx = new RunContext(env, keys, depth);
  const runId = newRunId();
  const stepsState: Record<string, { status: string; output: unknown; error?: unknown }> = {};
  const scope: Scope = { input, steps: stepsState, run: { id: runId, workflow: wf.name } };
  const trace: TraceEntry[] = [];
  let failure: RunRecord["error"] = null;
  let lastOutput: unknown = null;

  for (const step of wf.steps) {
    const t0 = Date.now();
    const entry: TraceEntry = {
      step: step.id, component: step.component, service: step.service ?? null, status: "ok", started_at: new Date(t0).toISOString(),
      duration_ms: 0, input: null, output: null, error: null,
    };
    try {
      if (step.when !== undefined && !truthy(render(step.when, scope))) {
        entry.status = "skipped";
        stepsState[step.id] = { status: "skipped", output: null };
      } else {
        const { input: usedInput, output: raw } = await runStep(ctx, step, scope);
        // Redacted before any later step, template, condition or the run's output can read it: a credential a
        // service echoed back must not travel on through a step that has no service.
        const output = ctx.redact(raw);
        entry.input = ctx.redact(usedInput);
        entry.output = output;
        stepsState[step.id] = { status: "ok", output };
        lastOutput = output;
      }
    } catch (e) {
      const known = e instanceof StepError || e instanceof ApiError || e instanceof TemplateError;
      const code = e instanceof StepError || e instanceof ApiError ? e.code : e instanceof TemplateError ? "template_failed" : "step_failed";
      // Only the engine's own messages reach the trace; anything else may quote internals.
      const message = ctx.redact(known ? (e as Error).message : "The step failed unexpectedly.");
      if (!known) console.error("step failed unexpectedly:", (e as Error)?.name, (e as Error)?.message);
      entry.status = "error";
      entry.error = { code, message };
      if (entry.input === null) entry.input = ctx.redact(safeRender(step.input ?? {}, scope));
      stepsState[step.id] = { status: "error", output: null, error: entry.error };
      if (step.on_error !== "continue") failure = { code, message, step: step.id };
    }
    entry.duration_ms = Date.now() - t0;
    trace.push(entry);
    if (failure) break;
  }

  let output: unknown = null;
  if (!failure) {
    try {
      output = ctx.redact(wf.output !== undefined ? render(wf.output, scope) : lastOutput);
    } catch (e) {
      // A template that cannot be evaluated fails the run, which is still stored with the reason.
      failure = { code: "output_failed", message: ctx.redact(e instanceof Error ? e.message : String(e)), step: "output" };
    }
  }
  const record: RunRecord = {
    run_id: runId, workflow: wf.name, status: failure ? "error" : "ok", input: ctx.redact(input), output, error: failure, trace,
    started_at: new Date(started).toISOString(), finished_at: nowIso(), duration_ms: Date.now() - started,
  };
  const stored = await saveRun(env, record);
  return stored.truncated ? { ...record, truncated: true } : record;
}

async function runStep(ctx: RunContext, step: Step, scope: Scope): Promise<{ input: unknown; output: unknown }> {
  if (step.foreach === undefined) {
    const input = render(step.input ?? {}, scope) as Record<string, unknown>;
    return { input, output: await callComponent(ctx, step.component, input, step.service) };
  }
  const items = render(step.foreach, scope);
  if (!Array.isArray(items)) throw new StepError("invalid_foreach", `foreach must give a list; it gave ${JSON.stringify(items)}.`);
  if (items.length > MAX_FOREACH) throw new StepError("invalid_foreach", `foreach takes at most ${MAX_FOREACH} items; it got ${items.length}.`);
  const inputs: unknown[] = [];
  const outputs: unknown[] = [];
  for (const [index, item] of items.entries()) {
    const input = render(step.input ?? {}, { ...scope, item, index }) as Record<string, unknown>;
    inputs.push(input);
    outputs.push(await callComponent(ctx, step.component, input, step.service));
  }
  return { input: { foreach: items, inputs }, output: { items: outputs } };
}

function safeRender(v: unknown, scope: Scope): unknown {
  try { return render(v, scope); } catch { return v; }
}

// Run ids sort by time: a fixed-width base-36 timestamp, then randomness.
export function newRunId(at = Date.now()): string {
  const rand = [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `run_${at.toString(36).padStart(9, "0")}${rand}`;
}
