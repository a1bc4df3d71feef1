// A test build of the executor (never deployed): the same worker, with every KV and R2 call of its bindings
// counted (and, through its test build, the registry's), so a test can assert what an action costs on Cloudflare's
// free plan. Extra routes, outside the API:
//   GET  /__test/counts   the counts since the last reset      POST /__test/counts/reset
//   POST /__test/seed     writes data straight into the bindings (not counted, no API, no validation):
//        {workflows?: {from, count}, credentials?: {from, count}, runs?: {workflow, count, start_ms, step_ms},
//         legacy_runs?: {workflow, count, start_ms, step_ms}}  (legacy: in KV, as engines before 0.2 kept them)
import engine from "../../workers/cypher-executor/src/index";
import { counted, counts, KV_KIND, R2_KIND, resetCounts, sum, type Counts } from "./count";
import type { Env } from "../../workers/cypher-executor/src/env";
import { newRunId } from "../../workers/cypher-executor/src/runner";
import { newestFirst, saveRun } from "../../workers/cypher-executor/src/run-store";
import { storedWorkflow } from "../../workers/cypher-executor/src/workflows";

async function inBatches(n: number, each: (i: number) => Promise<unknown>) {
  for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => each(i + j)));
}

const pad = (i: number) => i.toString().padStart(5, "0");

async function seed(env: Env, body: Record<string, { from?: number; count: number; workflow?: string; start_ms?: number; step_ms?: number }>) {
  const now = new Date().toISOString();
  if (body.workflows) {
    const { from = 0, count } = body.workflows;
    await inBatches(count, (i) => {
      const name = `wf-${pad(from + i)}`;
      const s = storedWorkflow({ name, description: `Workflow number ${from + i}`, steps: [{ id: "a", component: "template", input: { template: "x" } }] }, now, now);
      return env.WORKFLOWS.put(s.key, s.value, { metadata: s.metadata });
    });
  }
  if (body.credentials) {
    const { from = 0, count } = body.credentials;
    await inBatches(count, (i) => env.CREDENTIALS.put(`credential:cred_${pad(from + i)}`,
      JSON.stringify({ iv: "AAAAAAAAAAAAAAAA", ciphertext: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", created_at: now, updated_at: now }),
      { metadata: { created_at: now, updated_at: now } }));
  }
  const runAt = (spec: { count: number; start_ms?: number; step_ms?: number }, i: number) => (spec.start_ms ?? Date.now()) + i * (spec.step_ms ?? 1000);
  if (body.runs) {
    const spec = body.runs;
    await inBatches(spec.count, (i) => {
      const at = runAt(spec, i);
      return saveRun(env, {
        run_id: newRunId(at), workflow: spec.workflow ?? "seeded", status: "ok", input: { i }, output: { i }, error: null, trace: [],
        started_at: new Date(at).toISOString(), finished_at: new Date(at).toISOString(), duration_ms: 1,
      });
    });
  }
  if (body.legacy_runs) {
    // Exactly what the engine wrote per run before runs moved to R2: the record and two index keys.
    const spec = body.legacy_runs;
    await inBatches(spec.count, async (i) => {
      const at = runAt(spec, i);
      const r = { run_id: newRunId(at), workflow: spec.workflow ?? "seeded", status: "ok", input: { i }, output: { legacy: i }, error: null,
        trace: [], started_at: new Date(at).toISOString(), finished_at: new Date(at).toISOString(), duration_ms: 1 };
      const summary = { run_id: r.run_id, workflow: r.workflow, status: r.status, started_at: r.started_at, duration_ms: r.duration_ms };
      const order = `${newestFirst(at)}:${r.run_id}`;
      await env.RUNS.put(`run:${r.run_id}`, JSON.stringify(r));
      await env.RUNS.put(`index:all:${order}`, "", { metadata: summary });
      await env.RUNS.put(`index:workflow:${r.workflow}:${order}`, "", { metadata: summary });
    });
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/__test/counts")) {
      // The registry is a worker of its own, with its own bindings: its counts are added to the executor's.
      const theirs = await env.REGISTRY.fetch(`https://arcrun-registry${url.pathname}`, { method: request.method });
      if (url.pathname === "/__test/counts/reset") resetCounts();
      return Response.json(sum(counts(), (await theirs.json()) as Counts));
    }
    if (url.pathname === "/__test/seed" && request.method === "POST") {
      await seed(env, await request.json());
      return Response.json({ seeded: true });
    }
    const c = counts();
    const out: Record<string, unknown> = { ...env };
    for (const name of ["CREDENTIALS", "WORKFLOWS", "AUTH_RECIPES", "API_RECIPES", "RUNS", "ACCOUNTS", "COMPONENTS"] as const) {
      out[name] = counted(env[name], KV_KIND, c.kv);
    }
    out.COMPONENT_BINARIES = counted(env.COMPONENT_BINARIES, R2_KIND, c.r2);
    return engine.fetch(request, out as unknown as Env);
  },
};
