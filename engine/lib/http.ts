// Small helpers shared by both workers: JSON responses and the one error shape of the API.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function errorResponse(status: number, code: string, message: string): Response {
  return json({ success: false, error: { code, message } }, status);
}

/** Reads a JSON object body or throws a 400 that says what is wrong with it. */
/**
 * A worker's fetch handler around its router: an ApiError becomes its JSON error; anything else a 500 whose log
 * line holds only the error's message (never a request body or a value).
 */
export function handler<E>(label: string, route: (request: Request, env: E) => Promise<Response>) {
  return {
    async fetch(request: Request, env: E): Promise<Response> {
      try {
        return await route(request, env);
      } catch (e) {
        if (e instanceof ApiError) return errorResponse(e.status, e.code, e.message);
        // The message stays in the log: it may quote input or a value, and an answer must not carry it.
        console.error(label + ": unexpected error:", (e as Error)?.name, (e as Error)?.message);
        return errorResponse(500, "internal_error", "The " + label + " failed unexpectedly; its log says more.");
      }
    },
  };
}

export async function readJsonObject(request: Request, maxBytes = 1_000_000): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > maxBytes) {
    throw new ApiError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  }
  if (text.trim() === "") {
    return {};
  }
  // Nesting is judged on the text before parsing, so a body nested thousands deep never reaches a recursive walk.
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError(400, "json_too_deep", `The request body nests deeper than ${MAX_JSON_DEPTH} levels; flatten it.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    // The parser's own message may quote the body; only the position is passed on.
    const at = /position (\d+)/.exec((e as Error)?.message ?? "");
    throw new ApiError(400, "invalid_json",
      `The request body is not valid JSON${at ? ` (near character ${at[1]})` : ""}: check its quotes, commas and brackets.`);
  }
  if (!isObject(parsed)) {
    throw new ApiError(400, "invalid_json", "The request body must be a JSON object.");
  }
  return parsed;
}

export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of [ and { in JSON text, outside strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 92) i++; // backslash
      else if (c === 34) quoted = false;
    } else if (c === 34) quoted = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Path segments decoded, or a 400 for a malformed % escape. */
export function pathSegments(pathname: string): string[] {
  try {
    return pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new ApiError(400, "invalid_path", "The path has a malformed % escape; encode '%' as %25.");
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}
