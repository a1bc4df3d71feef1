import assert from "node:assert/strict";
import { test } from "node:test";
import type { Env } from "../workers/cypher-executor/src/env";
import { getSettings, putSettings } from "../workers/cypher-executor/src/settings";

function memoryKv() {
  const data = new Map<string, string>();
  return {
    async get(key: string, type?: string) {
      const v = data.get(key);
      return v === undefined ? null : type === "json" ? JSON.parse(v) : v;
    },
    async put(key: string, value: string) {
      data.set(key, value);
    },
  };
}

const env = () => ({ ACCOUNTS: memoryKv() }) as unknown as Env;

test("the free plan's limits are the defaults, also for settings stored before they existed", async () => {
  const e = env();
  assert.deepEqual(await getSettings(e), { allow_private_hosts: [], max_subrequests_per_run: 50, run_retention_days: 30 });
  await (e.ACCOUNTS as unknown as ReturnType<typeof memoryKv>).put("settings", JSON.stringify({ allow_private_hosts: ["127.0.0.1:80"] }));
  assert.deepEqual(await getSettings(e), { allow_private_hosts: ["127.0.0.1:80"], max_subrequests_per_run: 50, run_retention_days: 30 });
});

test("a setting left out keeps its value; a bad one is a 400 naming its range", async () => {
  const e = env();
  await putSettings(e, { max_subrequests_per_run: 1000 });
  const after = await putSettings(e, { run_retention_days: 7 });
  assert.equal(after.max_subrequests_per_run, 1000);
  assert.equal(after.run_retention_days, 7);
  for (const bad of [0, 1.5, "50", -1]) {
    await assert.rejects(putSettings(e, { max_subrequests_per_run: bad }),
      (err: { status?: number; message?: string }) => err.status === 400 && /from 1 to 10000000/.test(err.message ?? ""));
  }
  await assert.rejects(putSettings(e, { run_retention_days: 4000 }), (err: { message?: string }) => /from 1 to 3650/.test(err.message ?? ""));
  await assert.rejects(putSettings(e, { plan: "free" }), (err: { message?: string }) => /max_subrequests_per_run/.test(err.message ?? ""));
});
