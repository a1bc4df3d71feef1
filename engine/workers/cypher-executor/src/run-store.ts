// Where runs are kept: one R2 object per run in the install's bucket (COMPONENT_BINARIES, under runs/), so a run
// costs no KV write. Per run exactly two R2 Class A operations: the record (runs/all/…, which the run id points
// to) and an empty marker in its workflow's key space (runs/workflow/<name>/…). Both keys start with the inverted
// start time, so a prefix listing gives runs newest first; the runs older than the retention are therefore one
// contiguous range at the end of runs/all/, reached with startAfter and deleted in bounded batches (R2 deletes are
// free). Runs stored in KV by earlier versions stay readable: lists continue into them after the last R2 run.
import { ApiError, isObject } from "../../../lib/http";
import { kvPage, type Page, type PageQuery } from "../../../lib/paging";
import type { Env } from "./env";

export interface RunSummary {
  run_id: string;
  workflow: string;
  status: string;
  started_at: string;
  duration_ms: number;
  truncated?: boolean;
}

export interface StoredRun {
  run_id: string;
  workflow: string;
  status: string;
  started_at: string;
  duration_ms: number;
  truncated?: boolean;
  [field: string]: unknown;
}

const ALL = "runs/all/";
const BY_WORKFLOW = "runs/workflow/";
/** A run's record is kept up to this size; a larger one is stored with its largest parts cut (never lost). */
export const RUN_BUDGET_BYTES = 25 * 1024 * 1024;
export const PRUNE_BATCH = 100;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const LEGACY_NONE_KEY = "meta:legacy-runs";
const RUN_ID = /^run_([0-9a-z]{9})([0-9a-f]{12})$/;

// Index keys list newest first: R2 and KV list keys in ascending order, so the time is inverted.
export function newestFirst(ms: number): string {
  return (9_999_999_999_999 - ms).toString().padStart(13, "0");
}

/** The record's key, from the run id alone (its first part is the start time in base 36). */
export function runKey(runId: string): string | null {
  const m = RUN_ID.exec(runId);
  if (!m) return null;
  return `${ALL}${newestFirst(parseInt(m[1], 36))}-${runId}`;
}

function workflowKey(workflow: string, recordKey: string): string {
  return `${BY_WORKFLOW}${workflow}/${recordKey.slice(ALL.length)}`;
}

function summaryOf(r: StoredRun): RunSummary {
  return {
    run_id: r.run_id, workflow: r.workflow, status: r.status, started_at: r.started_at, duration_ms: r.duration_ms,
    ...(r.truncated ? { truncated: true } : {}),
  };
}

function meta(s: RunSummary): Record<string, string> {
  return {
    run_id: s.run_id, workflow: s.workflow, status: s.status, started_at: s.started_at, duration_ms: String(s.duration_ms),
    ...(s.truncated ? { truncated: "true" } : {}),
  };
}

function fromMeta(m: Record<string, string> | undefined): RunSummary | null {
  if (!m || !m.run_id) return null;
  return {
    run_id: m.run_id, workflow: m.workflow, status: m.status, started_at: m.started_at, duration_ms: Number(m.duration_ms) || 0,
    ...(m.truncated === "true" ? { truncated: true } : {}),
  };
}

/** Stores a run: two R2 PUTs, nothing in KV. Returns the record as stored (cut to the budget when larger). */
export async function saveRun(env: Env, record: StoredRun, budget = RUN_BUDGET_BYTES): Promise<StoredRun> {
  const { body, stored } = fitToBudget(record, budget);
  const key = runKey(record.run_id);
  if (!key) throw new Error("a run id the engine did not make");
  const m = meta(summaryOf(stored));
  await Promise.all([
    env.COMPONENT_BINARIES.put(key, body, { httpMetadata: { contentType: "application/json" }, customMetadata: m }),
    env.COMPONENT_BINARIES.put(workflowKey(record.workflow, key), "", { customMetadata: m }),
  ]);
  return stored;
}

/**
 * The record as JSON within the budget: when it is larger, the largest of the trace's inputs and outputs, then the
 * run's output and input, are replaced by {truncated: true, bytes} until it fits; the record says truncated.
 */
export function fitToBudget(record: StoredRun, budget: number): { body: string; stored: StoredRun } {
  let body = JSON.stringify(record);
  let size = utf8Length(body);
  if (size <= budget) return { body, stored: record };
  const copy: StoredRun = { ...record, truncated: true, trace: Array.isArray(record.trace) ? record.trace.map((e) => ({ ...e })) : [] };
  type Part = { holder: Record<string, unknown>; field: string; bytes: number };
  const parts: Part[] = [];
  for (const entry of copy.trace as Record<string, unknown>[]) {
    for (const field of ["input", "output"]) parts.push({ holder: entry, field, bytes: utf8Length(JSON.stringify(entry[field] ?? null)) });
  }
  for (const field of ["output", "input"]) parts.push({ holder: copy, field, bytes: utf8Length(JSON.stringify(copy[field] ?? null)) });
  parts.sort((a, b) => b.bytes - a.bytes);
  size += 20; // "truncated":true
  for (const p of parts) {
    if (size <= budget) break;
    const marker = { truncated: true, bytes: p.bytes };
    p.holder[p.field] = marker;
    size += utf8Length(JSON.stringify(marker)) - p.bytes;
  }
  body = JSON.stringify(copy);
  if (utf8Length(body) > budget) {
    // Only error messages and ids are left, which are bounded; should they still not fit, the trace goes.
    copy.trace = [{ truncated: true, bytes: utf8Length(JSON.stringify(record.trace)) }];
    body = JSON.stringify(copy);
  }
  return { body, stored: copy };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

export async function getRun(env: Env, runId: string): Promise<StoredRun> {
  const key = runKey(runId);
  if (key) {
    const object = await env.COMPONENT_BINARIES.get(key);
    if (object) return (await object.json()) as StoredRun;
  }
  // A run stored in KV by an earlier version of the engine (whose ids had the same form).
  if (runId.length > 64) throw new ApiError(404, "run_not_found", `No run '${runId.slice(0, 80)}'.`);
  const legacy = await env.RUNS.get<StoredRun>(`run:${runId}`, "json");
  if (!legacy) throw new ApiError(404, "run_not_found", `No run '${runId}'.`);
  return legacy;
}

/**
 * A page of runs, newest first (all, or one workflow's). The cursor says where the next page starts: in R2
 * ("r2:…"), then in the runs an earlier version kept in KV ("kv:…").
 */
export async function listRuns(env: Env, workflow: string | null, q: PageQuery): Promise<Page<RunSummary>> {
  const items: RunSummary[] = [];
  let cursor = q.cursor;
  if (cursor !== undefined && !cursor.startsWith("r2:") && !cursor.startsWith("kv:")) {
    throw new ApiError(400, "invalid_cursor", "cursor is not one this list handed out; start again without it.");
  }
  if (cursor === undefined || cursor.startsWith("r2:")) {
    const prefix = workflow ? `${BY_WORKFLOW}${workflow}/` : ALL;
    let listed: R2Objects;
    try {
      listed = await env.COMPONENT_BINARIES.list({
        prefix, limit: q.limit, cursor: cursor ? cursor.slice(3) : undefined, include: ["customMetadata"],
      });
    } catch {
      throw new ApiError(400, "invalid_cursor", "cursor is not one this list handed out; start again without it.");
    }
    for (const o of listed.objects) {
      const s = fromMeta(o.customMetadata);
      if (s) items.push(s);
    }
    if (listed.truncated) return { items, cursor: `r2:${listed.cursor}`, truncated: true };
    if (await noLegacyRuns(env)) return { items, cursor: null, truncated: false };
    cursor = "kv:";
  }
  const room = q.limit - items.length;
  const kvCursor = cursor.slice(3) || undefined;
  if (room === 0) return { items, cursor: "kv:" + (kvCursor ?? ""), truncated: true };
  const legacy = await kvPage<RunSummary>(env.RUNS, workflow ? `index:workflow:${workflow}:` : "index:all:", { limit: room, cursor: kvCursor });
  for (const k of legacy.keys) if (isObject(k.metadata)) items.push(k.metadata as RunSummary);
  if (!legacy.truncated && kvCursor === undefined && legacy.keys.length === 0 && !workflow) {
    // This install has no runs in KV: remembered with one write, so later lists skip the KV list (1,000 a day).
    await env.RUNS.put(LEGACY_NONE_KEY, "none");
  }
  return { items, cursor: legacy.truncated ? `kv:${legacy.cursor}` : null, truncated: legacy.truncated };
}

async function noLegacyRuns(env: Env): Promise<boolean> {
  return (await env.RUNS.get(LEGACY_NONE_KEY)) === "none";
}

let lastPrune = 0;

/**
 * Deletes up to PRUNE_BATCH runs older than the retention (oldest part of the key space first is not needed: every
 * key after the cutoff's is expired). At most once an hour per isolate; costs one R2 list and one (free) delete.
 */
export async function pruneRuns(env: Env, retentionDays: () => Promise<number>, now = Date.now()): Promise<number> {
  if (now - lastPrune < PRUNE_EVERY_MS) return 0;
  lastPrune = now;
  const days = await retentionDays();
  const cutoff = `${ALL}${newestFirst(now - days * 86_400_000)}`;
  const listed = await env.COMPONENT_BINARIES.list({ prefix: ALL, startAfter: cutoff, limit: PRUNE_BATCH, include: ["customMetadata"] });
  const keys: string[] = [];
  for (const o of listed.objects) {
    keys.push(o.key);
    const workflow = o.customMetadata?.workflow;
    if (workflow) keys.push(workflowKey(workflow, o.key));
  }
  if (keys.length > 0) await env.COMPONENT_BINARIES.delete(keys);
  return listed.objects.length;
}
