// The engine's two keys: the api key (Bearer auth) and the encryption key (AES-256-GCM of credentials).
// The installer makes both and sets them as secrets; then nothing of them is stored in KV. POST /register answers
// 403 unless the variable ALLOW_REGISTER is "true" (only the README's by-hand `wrangler dev` sets it): then it
// creates them once and keeps them in ACCOUNTS (only a digest of the api key), and every later call answers 409.
import { ApiError, bytesToBase64, sha256Hex } from "../../../lib/http";
import type { Env } from "./env";

const KEYS_KEY = "account:keys";

interface StoredKeys {
  api_key_sha256: string;
  encryption_key: string;
  created_at: string;
}

export interface Keys {
  apiKeySha256: string;
  encryptionKey: string;
}

export async function loadKeys(env: Env): Promise<Keys | null> {
  if (env.API_KEY || env.ENCRYPTION_KEY) {
    if (!env.API_KEY || !env.ENCRYPTION_KEY) {
      throw new ApiError(500, "keys_misconfigured",
        "Only one of the secrets API_KEY and ENCRYPTION_KEY is set on this engine; set both (the installer does).");
    }
    return { apiKeySha256: await sha256Hex(new TextEncoder().encode(env.API_KEY)), encryptionKey: env.ENCRYPTION_KEY };
  }
  const stored = await env.ACCOUNTS.get<StoredKeys>(KEYS_KEY, "json");
  return stored ? { apiKeySha256: stored.api_key_sha256, encryptionKey: stored.encryption_key } : null;
}

export async function register(env: Env): Promise<{ api_key: string; encryption_key: string }> {
  if (env.ALLOW_REGISTER !== "true") {
    throw new ApiError(403, "register_disabled",
      "This engine does not hand out keys: its owner's installer set them as the secrets API_KEY and ENCRYPTION_KEY. " +
      "Use the api key from your install (arcrun config); only an engine started by hand with ALLOW_REGISTER=true answers here.");
  }
  if (await loadKeys(env)) {
    throw new ApiError(409, "already_registered",
      "This engine already has its keys. Use the api key you were given; they are shown only once.");
  }
  const apiKey = "arc_" + hex(crypto.getRandomValues(new Uint8Array(32)));
  const encryptionKey = bytesToBase64(crypto.getRandomValues(new Uint8Array(32)));
  const stored: StoredKeys = {
    api_key_sha256: await sha256Hex(new TextEncoder().encode(apiKey)),
    encryption_key: encryptionKey,
    created_at: new Date().toISOString(),
  };
  await env.ACCOUNTS.put(KEYS_KEY, JSON.stringify(stored));
  return { api_key: apiKey, encryption_key: encryptionKey };
}

/** Throws 401 unless the request carries `Authorization: Bearer <api key>`; returns the keys. */
export async function authorize(request: Request, env: Env): Promise<Keys> {
  const keys = await loadKeys(env);
  if (!keys) {
    throw new ApiError(401, "not_registered", env.ALLOW_REGISTER === "true"
      ? "This engine has no api key yet: call POST /register first."
      : "This engine has no keys: set its secrets API_KEY and ENCRYPTION_KEY (the installer does).");
  }
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new ApiError(401, "unauthorized", "Send the api key as 'Authorization: Bearer <api key>'.");
  }
  const given = await sha256Hex(new TextEncoder().encode(match[1]));
  if (!constantTimeEquals(given, keys.apiKeySha256)) {
    throw new ApiError(401, "unauthorized", "The api key is not this engine's api key.");
  }
  return keys;
}

function constantTimeEquals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
