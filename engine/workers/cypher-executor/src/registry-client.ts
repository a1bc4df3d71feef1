// Calls to arcrun-registry over the REGISTRY service binding. Each carries the binding token: a random value both
// workers read from the KV namespace they share (COMPONENTS, key binding:token, never served by any route), so
// the registry can refuse whatever reaches it some other way (e.g. the local runtime port with a route override).
import { BINDING_HEADER, BINDING_TOKEN_KEY } from "../../../lib/binding";
import type { Env } from "./env";

let cached: string | null = null;

async function bindingToken(env: Env): Promise<string> {
  if (cached) return cached;
  let token = await env.COMPONENTS.get(BINDING_TOKEN_KEY);
  if (!token) {
    token = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
    await env.COMPONENTS.put(BINDING_TOKEN_KEY, token);
  }
  cached = token;
  return token;
}

export async function registryFetch(env: Env, path: string, init: RequestInit = {}): Promise<Response> {
  const send = async () => {
    const headers = new Headers(init.headers);
    headers.set(BINDING_HEADER, await bindingToken(env));
    return env.REGISTRY.fetch(`https://arcrun-registry${path}`, { ...init, headers });
  };
  const res = await send();
  if (res.status !== 403) return res;
  // Two first calls may have raced to make the token: read it again once.
  cached = null;
  return send();
}
