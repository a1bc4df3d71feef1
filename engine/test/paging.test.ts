import assert from "node:assert/strict";
import { test } from "node:test";
import { ApiError } from "../lib/http";
import { pageQuery, prefixQuery, slicePage } from "../lib/paging";
import { fitToBudget, newestFirst, runKey, type StoredRun } from "../workers/cypher-executor/src/run-store";
import { newRunId } from "../workers/cypher-executor/src/runner";

const rejects = (f: () => unknown, code: string, mentions: string) =>
  assert.throws(f, (e: unknown) => e instanceof ApiError && e.status === 400 && e.code === code && e.message.includes(mentions));

test("limit defaults, and a limit out of range is a 400 that names the range", () => {
  assert.deepEqual(pageQuery(new URL("https://e/x"), 50, 1000), { limit: 50, cursor: undefined });
  assert.deepEqual(pageQuery(new URL("https://e/x?limit=7&cursor=abc"), 50, 1000), { limit: 7, cursor: "abc" });
  rejects(() => pageQuery(new URL("https://e/x?limit=1001"), 50, 1000), "invalid_limit", "1 to 1000");
  rejects(() => pageQuery(new URL("https://e/x?limit=0"), 50, 1000), "invalid_limit", "1 to 1000");
  rejects(() => pageQuery(new URL("https://e/x?limit=abc"), 50, 1000), "invalid_limit", "1 to 1000");
});

test("a prefix must be the start of a name", () => {
  assert.equal(prefixQuery(new URL("https://e/x?prefix=wf-01"), /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 64), "wf-01");
  rejects(() => prefixQuery(new URL("https://e/x?prefix=a%2Fb"), /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 64), "invalid_prefix", "64");
});

test("paging an in-memory list hands out every item once, in id order, and ends with cursor null", () => {
  const ids = ["b", "a_x", "c", "a", "d"].map((id) => ({ id }));
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const page = slicePage(ids, (x) => x.id, { limit: 2, cursor });
    seen.push(...page.items.map((x) => x.id));
    if (!page.truncated) {
      assert.equal(page.cursor, null);
      break;
    }
    cursor = page.cursor!;
  }
  assert.deepEqual(seen, ["a", "a_x", "b", "c", "d"]);
});

test("run keys list newest first and come from the run id alone", () => {
  const older = newRunId(1_700_000_000_000);
  const newer = newRunId(1_700_000_000_001);
  assert.ok(runKey(newer)! < runKey(older)!);
  assert.ok(runKey(older)!.startsWith(`runs/all/${newestFirst(1_700_000_000_000)}-`));
  assert.equal(runKey("run:../../etc"), null);
});

function run(trace: unknown[], output: unknown): StoredRun {
  return { run_id: newRunId(), workflow: "w", status: "ok", started_at: "", duration_ms: 1, input: {}, output, error: null, trace };
}

test("a run within the budget is stored as it is", () => {
  const r = run([{ step: "a", input: { x: 1 }, output: "small" }], "small");
  const { body, stored } = fitToBudget(r, 10_000);
  assert.equal(stored.truncated, undefined);
  assert.deepEqual(JSON.parse(body), r);
});

test("a run over the budget is cut, largest parts first, and says so", () => {
  const big = "x".repeat(5000);
  const r = run([{ step: "a", input: { t: "small" }, output: big }, { step: "b", input: { t: big }, output: "ok" }], "done");
  const { body, stored } = fitToBudget(r, 4000);
  assert.ok(body.length <= 4000, `stored ${body.length} bytes`);
  const parsed = JSON.parse(body);
  assert.equal(parsed.truncated, true);
  assert.deepEqual(parsed.trace[0].output, { truncated: true, bytes: 5002 });
  assert.equal(parsed.trace[0].input.t, "small");
  assert.equal(parsed.output, "done");
  assert.equal(stored.truncated, true);
  assert.equal(r.truncated, undefined, "the run given is not changed");
});
