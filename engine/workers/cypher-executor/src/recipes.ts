// Auth recipes (how a service's credentials are injected, and the only hosts they may go to) and API recipes
// (one call of an external API, usable as a workflow component). The seeds are compiled in; PUT stores a
// custom recipe or an override in KV, and KV wins.
import { API_RECIPES as SEED_API_RECIPES, AUTH_RECIPES as SEED_AUTH_RECIPES } from "../../../lib/seeds.generated";
import { ApiError, isObject, nowIso } from "../../../lib/http";
import { CREDENTIAL_NAME } from "./credentials";
import type { Env } from "./env";
import { effectivePort } from "./netguard";

export interface AuthRecipe {
  service: string;
  display_name: string;
  description?: string;
  required_secrets: { key: string; label: string }[];
  inject: { header: Record<string, string>; query?: Record<string, string> };
  hosts: string[];
  test?: { method: string; url: string };
  token_exchange?: { type: "google_service_account"; credential: string; scopes: string[]; token_url: string };
  [extra: string]: unknown;
}

export interface ApiRecipe {
  id: string;
  display_name: string;
  description?: string;
  service: string;
  request: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
  inputs: { required: string[]; optional?: string[] };
  [extra: string]: unknown;
}

const SERVICE_ID = /^[a-z][a-z0-9_]{0,63}$/;
const SECRET_REF = /\{\{\s*(?:basic:)?([A-Za-z0-9_:]+)\s*\}\}/g;

export async function listAuthRecipes(env: Env): Promise<AuthRecipe[]> {
  const byId = new Map<string, AuthRecipe>();
  for (const r of SEED_AUTH_RECIPES as AuthRecipe[]) byId.set(r.service, r);
  for (const r of await listKv<AuthRecipe>(env.AUTH_RECIPES, "recipe:")) byId.set(r.service, r);
  return [...byId.values()].sort((a, b) => a.service.localeCompare(b.service));
}

export async function getAuthRecipe(env: Env, service: string): Promise<AuthRecipe | null> {
  if (!SERVICE_ID.test(service)) return null;
  const stored = await env.AUTH_RECIPES.get<AuthRecipe>(`recipe:${service}`, "json");
  return stored ?? (SEED_AUTH_RECIPES as AuthRecipe[]).find((r) => r.service === service) ?? null;
}

export async function putAuthRecipe(env: Env, service: string, body: Record<string, unknown>): Promise<AuthRecipe> {
  const recipe = validateAuthRecipe(service, body);
  const seed = (SEED_AUTH_RECIPES as AuthRecipe[]).find((r) => r.service === service);
  if (seed) {
    const wider = recipe.hosts.filter((h) => !seed.hosts.some((s) => hostEntryCovers(s, h)));
    if (wider.length > 0) {
      throw new ApiError(400, "builtin_hosts_widened",
        `'${service}' is a built-in service: its credentials go only to ${seed.hosts.join(", ")}, so ${wider.join(", ")} cannot be added. ` +
        "Make a service of your own (another id) for other hosts.");
    }
  }
  const existing = await getAuthRecipe(env, service);
  if (!existing || !sameDelivery(existing, recipe)) {
    // A new service must not take over credentials stored for another one whose keys share its prefix
    // (a service "google" listing google_service_account_json); its own not-yet-claimed keys are its to take.
    const others = new Set((await listAuthRecipes(env)).filter((r) => r.service !== service)
      .flatMap((r) => (r.required_secrets ?? []).map((x) => x.key)));
    const keys = new Set([...(existing?.required_secrets ?? []).map((x) => x.key),
      ...recipe.required_secrets.map((x) => x.key).filter((k) => existing || others.has(k))]);
    const stored: string[] = [];
    for (const key of keys) {
      if ((await env.CREDENTIALS.get(`credential:${key}`)) !== null) stored.push(key);
    }
    if (stored.length > 0) {
      throw new ApiError(409, "recipe_has_credentials",
        `The credentials ${stored.join(", ")} of '${service}' are stored, and this change would send them elsewhere or otherwise ` +
        `(hosts, inject, secrets or token exchange differ). Delete them first (DELETE /credentials/{name}), change the recipe, then push them again.`);
    }
  }
  await env.AUTH_RECIPES.put(`recipe:${service}`, JSON.stringify({ ...recipe, updated_at: nowIso() }));
  return recipe;
}

export function validateAuthRecipe(service: string, r: Record<string, unknown>): AuthRecipe {
  const bad = (why: string): never => {
    throw new ApiError(400, "invalid_recipe", `Auth recipe '${service}': ${why}`);
  };
  if (!SERVICE_ID.test(service)) bad("the service id must be lower-case letters, digits and '_' (e.g. openai).");
  if (r.service !== service) bad(`the field service must be '${service}', the id in the path.`);
  if (typeof r.display_name !== "string" || r.display_name.trim() === "") bad("display_name is required.");
  const secrets = r.required_secrets;
  if (!Array.isArray(secrets) || secrets.length === 0) bad("required_secrets must list at least one {key, label}.");
  const keys = new Set<string>();
  for (const s of secrets as unknown[]) {
    if (!isObject(s) || typeof s.key !== "string" || typeof s.label !== "string") bad("each required secret needs a key and a label.");
    const key = (s as { key: string }).key;
    if (!key.startsWith(service + "_")) bad(`secret key '${key}' must start with '${service}_' (keys are prefixed by the service).`);
    if (!CREDENTIAL_NAME.test(key)) bad(`secret key '${key.slice(0, 140)}' must be at most 128 letters, digits, '_', '.' or '-': it is the credential's name.`);
    keys.add(key);
  }
  if (r.token_exchange !== undefined) {
    const t = r.token_exchange;
    if (!isObject(t) || t.type !== "google_service_account" || typeof t.credential !== "string" || !keys.has(t.credential)
      || typeof t.token_url !== "string" || !Array.isArray(t.scopes)) {
      bad("token_exchange must be {type: \"google_service_account\", credential: <one of required_secrets>, scopes, token_url}.");
    }
    keys.add(`${service}_access_token`); // what the exchange yields, usable in inject
  }
  if (!isObject(r.inject) || !isObject(r.inject.header)) bad("inject.header (an object of header name to template) is required.");
  const inject = r.inject as Record<string, unknown>;
  for (const part of ["header", "query"]) {
    const map = inject[part];
    if (map === undefined) continue;
    if (!isObject(map)) bad(`inject.${part} must be an object.`);
    for (const [name, template] of Object.entries(map as Record<string, unknown>)) {
      if (typeof template !== "string") bad(`inject.${part}.${name} must be a string template.`);
      for (const ref of secretRefs(template as string)) {
        if (!keys.has(ref)) bad(`inject.${part}.${name} uses {{${ref}}}, which is not one of required_secrets.`);
      }
    }
  }
  if (!Array.isArray(r.hosts) || r.hosts.length === 0 || !r.hosts.every((h) => typeof h === "string" && HOST_ENTRY.test(h))) {
    bad("hosts must list the hosts the credentials may be sent to (e.g. api.openai.com, *.example.com, or 127.0.0.1:8080 with a port; without a port only the scheme's default port).");
  }
  if (r.test !== undefined) {
    if (!isObject(r.test) || typeof r.test.method !== "string" || typeof r.test.url !== "string") bad("test must be {method, url}.");
  }
  return r as unknown as AuthRecipe;
}

/** Secret keys a template refers to: {{key}} and {{basic:key_a:key_b}}. */
export function secretRefs(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(SECRET_REF)) out.push(...m[1].split(":").filter(Boolean));
  return out;
}

const HOST_ENTRY = /^((\*\.)?[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/** An entry of hosts split into its host and port (null: the scheme's default port only). */
function splitEntry(entry: string): { host: string; port: number | null } {
  const m = /^(.*?)(?::(\d{1,5}))?$/.exec(entry.toLowerCase())!;
  return { host: m[1], port: m[2] !== undefined ? Number(m[2]) : null };
}

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
}

/**
 * True when the URL's host and port are one of the recipe's hosts: exact, or a subdomain of a `*.` entry; an
 * entry with a port allows that port only, one without a port only the scheme's default port (443, or 80).
 */
export function hostAllowed(recipe: AuthRecipe, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const port = effectivePort(url);
  const defaultPort = url.protocol === "https:" ? 443 : 80;
  return recipe.hosts.some((allowed) => {
    const entry = splitEntry(allowed);
    return hostMatches(entry.host, host) && (entry.port === null ? port === defaultPort : port === entry.port);
  });
}

/** True when everything the entry h allows, the entry s allows too (used to keep a built-in's hosts from widening). */
function hostEntryCovers(s: string, h: string): boolean {
  const a = splitEntry(s);
  const b = splitEntry(h);
  const hostCovered = a.host === b.host || (a.host.startsWith("*.") && (b.host.startsWith("*.") ? hostMatches(a.host, b.host.slice(2)) || a.host === b.host : hostMatches(a.host, b.host)));
  return hostCovered && a.port === b.port;
}

/** True when two recipes send the same secrets the same way to the same hosts. */
function sameDelivery(a: AuthRecipe, b: AuthRecipe): boolean {
  const pick = (r: AuthRecipe) => JSON.stringify({
    hosts: [...(r.hosts ?? [])].map((h) => h.toLowerCase()).sort(),
    header: sorted(r.inject?.header), query: sorted(r.inject?.query),
    secrets: (r.required_secrets ?? []).map((s) => s.key).sort(),
    exchange: r.token_exchange ?? null,
  });
  return pick(a) === pick(b);
}

function sorted(o: Record<string, string> | undefined): [string, string][] {
  return Object.entries(o ?? {}).map(([k, v]): [string, string] => [k.toLowerCase(), v]).sort((x, y) => x[0].localeCompare(y[0]));
}

export async function listApiRecipes(env: Env): Promise<ApiRecipe[]> {
  const byId = new Map<string, ApiRecipe>();
  for (const r of SEED_API_RECIPES as ApiRecipe[]) byId.set(r.id, r);
  for (const r of await listKv<ApiRecipe>(env.API_RECIPES, "api-recipe:")) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export async function getApiRecipe(env: Env, id: string): Promise<ApiRecipe | null> {
  if (!SERVICE_ID.test(id)) return null;
  const stored = await env.API_RECIPES.get<ApiRecipe>(`api-recipe:${id}`, "json");
  return stored ?? (SEED_API_RECIPES as ApiRecipe[]).find((r) => r.id === id) ?? null;
}

export async function putApiRecipe(env: Env, id: string, r: Record<string, unknown>): Promise<ApiRecipe> {
  const bad = (why: string): never => {
    throw new ApiError(400, "invalid_api_recipe", `API recipe '${id}': ${why}`);
  };
  if (!SERVICE_ID.test(id)) bad("the id must be lower-case letters, digits and '_' (e.g. telegram_send).");
  if (r.id !== id) bad(`the field id must be '${id}', the id in the path.`);
  if (typeof r.display_name !== "string" || r.display_name.trim() === "") bad("display_name is required.");
  if (typeof r.service !== "string" || !(await getAuthRecipe(env, r.service))) bad("service must name an existing auth recipe.");
  const req = r.request;
  if (!isObject(req) || typeof req.method !== "string" || typeof req.url !== "string") bad("request must be {method, url, headers?, body?}.");
  if (!isObject(r.inputs) || !Array.isArray(r.inputs.required)) bad("inputs must be {required: [...], optional: [...]}.");
  await env.API_RECIPES.put(`api-recipe:${id}`, JSON.stringify({ ...r, updated_at: nowIso() }));
  return r as unknown as ApiRecipe;
}

async function listKv<T>(kv: KVNamespace, prefix: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list({ prefix, cursor });
    for (const k of page.keys) {
      const v = await kv.get<T>(k.name, "json");
      if (v) out.push(v);
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}
