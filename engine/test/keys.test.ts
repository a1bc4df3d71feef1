import assert from "node:assert/strict";
import { test } from "node:test";
import type { Env } from "../workers/cypher-executor/src/env";
import { authorize, register } from "../workers/cypher-executor/src/keys";

/** A KV namespace in memory: enough of the interface for the keys. */
function memoryKv() {
  const data = new Map<string, string>();
  return {
    data,
    async get(key: string, type?: string) {
      const v = data.get(key);
      return v === undefined ? null : type === "json" ? JSON.parse(v) : v;
    },
    async put(key: string, value: string) {
      data.set(key, value);
    },
  };
}

const envWith = (vars: Partial<Env>) => ({ ACCOUNTS: memoryKv(), ...vars }) as unknown as Env & { ACCOUNTS: ReturnType<typeof memoryKv> };

test("POST /register is refused unless ALLOW_REGISTER is true, and stores nothing", async () => {
  for (const allow of [undefined, "", "false", "1", "TRUE"]) {
    const env = envWith({ ALLOW_REGISTER: allow });
    await assert.rejects(register(env), (e: { status?: number; code?: string }) => e.status === 403 && e.code === "register_disabled");
    assert.equal(env.ACCOUNTS.data.size, 0);
  }
});

test("with ALLOW_REGISTER=true the first call gets the keys, later ones 409", async () => {
  const env = envWith({ ALLOW_REGISTER: "true" });
  const keys = await register(env);
  assert.match(keys.api_key, /^arc_[0-9a-f]{64}$/);
  await assert.rejects(register(env), (e: { status?: number }) => e.status === 409);
  const request = new Request("http://engine/credentials", { headers: { authorization: `Bearer ${keys.api_key}` } });
  assert.equal((await authorize(request, env)).encryptionKey, keys.encryption_key);
});

test("keys from the secrets are never written to KV, and /register stays closed", async () => {
  const env = envWith({ API_KEY: "arc_" + "a".repeat(64), ENCRYPTION_KEY: "A".repeat(43) + "=" });
  const request = new Request("http://engine/credentials", { headers: { authorization: `Bearer arc_${"a".repeat(64)}` } });
  assert.equal((await authorize(request, env)).encryptionKey, "A".repeat(43) + "=");
  await assert.rejects(register(env), (e: { status?: number }) => e.status === 403);
  assert.equal(env.ACCOUNTS.data.size, 0);
});
