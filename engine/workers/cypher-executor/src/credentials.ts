// Credentials are stored as the client encrypted them (AES-256-GCM, 12-byte iv, ciphertext with the 16-byte tag
// appended, both base64) and decrypted only while a run needs the value. No route ever returns a value.
import { ApiError, base64ToBytes, nowIso } from "../../../lib/http";
import { kvPage, type Page, type PageQuery } from "../../../lib/paging";
import type { Env } from "./env";
import { MIN_SECRET_LENGTH } from "./redact";

export const CREDENTIAL_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

interface StoredCredential {
  iv: string;
  ciphertext: string;
  created_at: string;
  updated_at: string;
}

interface CredentialMeta {
  created_at: string;
  updated_at: string;
}

export async function putCredential(env: Env, body: Record<string, unknown>) {
  const { name, iv, ciphertext } = body;
  if (typeof name !== "string" || !CREDENTIAL_NAME.test(name)) {
    throw new ApiError(400, "invalid_credential",
      "name must be 1-128 characters of letters, digits, '_', '.' or '-' (e.g. openai_api_key).");
  }
  if (typeof iv !== "string" || decodedLength(iv, "iv") !== 12) {
    throw new ApiError(400, "invalid_credential", "iv must be 12 bytes, base64-encoded.");
  }
  if (typeof ciphertext !== "string" || decodedLength(ciphertext, "ciphertext") < 16) {
    throw new ApiError(400, "invalid_credential",
      "ciphertext must be base64 of the AES-256-GCM ciphertext with its 16-byte tag appended.");
  }
  // The value is encrypted, but its length shows through: ciphertext = value + 16-byte tag.
  if (decodedLength(ciphertext, "ciphertext") - 16 < MIN_SECRET_LENGTH) {
    throw new ApiError(400, "credential_too_short",
      `A credential must be at least ${MIN_SECRET_LENGTH} characters long: a shorter value could not be told apart from ` +
      "ordinary text, so it could not be hidden from traces. Check that you pasted the whole value.");
  }
  const key = `credential:${name}`;
  const existing = await env.CREDENTIALS.get<StoredCredential>(key, "json");
  const now = nowIso();
  const stored: StoredCredential = { iv, ciphertext, created_at: existing?.created_at ?? now, updated_at: now };
  const meta: CredentialMeta = { created_at: stored.created_at, updated_at: now };
  await env.CREDENTIALS.put(key, JSON.stringify(stored), { metadata: meta });
  return { name, ...meta, created: !existing };
}

/** One page of the credentials' names in name order (one KV list call), optionally those starting with prefix. */
export async function listCredentials(env: Env, q: PageQuery, prefix = ""): Promise<Page<{ name: string; created_at: string; updated_at: string }>> {
  const page = await kvPage<CredentialMeta>(env.CREDENTIALS, `credential:${prefix}`, q);
  const items = page.keys.map((k) => ({
    name: k.name.slice("credential:".length), created_at: k.metadata?.created_at ?? "", updated_at: k.metadata?.updated_at ?? "",
  }));
  return { items, cursor: page.cursor, truncated: page.truncated };
}

export async function deleteCredential(env: Env, name: string) {
  if (!CREDENTIAL_NAME.test(name)) throw new ApiError(404, "credential_not_found", `No credential named '${name.slice(0, 80)}'.`);
  const key = `credential:${name}`;
  if ((await env.CREDENTIALS.get(key)) === null) {
    throw new ApiError(404, "credential_not_found", `No credential named '${name}'.`);
  }
  await env.CREDENTIALS.delete(key);
}

/** Decrypts one credential for a run; the error never contains the value. */
export async function credentialValue(env: Env, encryptionKey: string, name: string): Promise<string> {
  const stored = await env.CREDENTIALS.get<StoredCredential>(`credential:${name}`, "json");
  if (!stored) {
    throw new ApiError(400, "credential_missing", `The credential '${name}' is not stored: push it with POST /credentials first.`);
  }
  const raw = base64ToBytes(encryptionKey);
  if (raw.length !== 32) {
    throw new ApiError(500, "keys_misconfigured", "ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  }
  try {
    const key = await crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["decrypt"]);
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: base64ToBytes(stored.iv) }, key, base64ToBytes(stored.ciphertext));
    return new TextDecoder().decode(plain);
  } catch {
    throw new ApiError(400, "credential_undecryptable",
      `The credential '${name}' cannot be decrypted with this engine's encryption key; push it again, encrypted with this engine's key.`);
  }
}

function decodedLength(b64: string, field: string): number {
  try {
    return base64ToBytes(b64).length;
  } catch {
    throw new ApiError(400, "invalid_credential", `${field} is not valid base64.`);
  }
}
