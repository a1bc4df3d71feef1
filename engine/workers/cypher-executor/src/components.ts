// What a step can run: builtin components, API recipes (an external call with the service's credential
// injected) and WASM components (run by arcrun-registry over the REGISTRY service binding).
import { ApiError, base64ToBytes, bytesToBase64, isObject } from "../../../lib/http";
import { credentialValue } from "./credentials";
import type { Env } from "./env";
import type { Keys } from "./keys";
import { hostPort, privateReason } from "./netguard";
import { getApiRecipe, getAuthRecipe, hostAllowed, type ApiRecipe, type AuthRecipe } from "./recipes";
import { Redactor } from "./redact";
import { runTextWasm } from "../../../lib/wasm-text";
import { WASM_MODULES } from "../../registry/src/wasm.generated";
import { registryFetch } from "./registry-client";
import { getSettings, type Settings } from "./settings";
import { FORBIDDEN_PATH_PARTS, getPath, render, truthy } from "./template";

export const BUILTINS = ["template", "pick", "if", "http_request"] as const;
const HTTP_TIMEOUT_MS = 30_000;
const MAX_BODY_CHARS = 1_000_000;
const MAX_REDIRECTS = 5;
/** Carried on every request a run sends, so a run that triggers this engine again is stopped after a few levels. */
export const DEPTH_HEADER = "x-arcrun-run-depth";
export const MAX_RUN_DEPTH = 3;
/** Cloudflare Workers Free: subrequests per invocation (the engine's default limit per run). */
export const FREE_PLAN_SUBREQUESTS = 50;

/** A step's failure: the code and message go into the trace (after redaction). */
export class StepError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** One run's state shared by its steps; remembers every credential value it decrypted, to redact them. */
export class RunContext {
  private readonly redactor = new Redactor();
  private settings: Promise<Settings> | null = null;
  private subrequests = 0;

  /** depth: how many runs triggered this one (0 for a run the owner started). */
  constructor(readonly env: Env, readonly keys: Keys, readonly depth = 0) {}

  /** A value to hide from traces, answers and later steps, in every spelling it can travel in. */
  remember(value: string) {
    this.redactor.remember(value);
  }

  redact<T>(value: T): T {
    return this.redactor.redact(value);
  }

  /** The owner's settings, read once per run. */
  ownerSettings(): Promise<Settings> {
    this.settings ??= getSettings(this.env);
    return this.settings;
  }

  async allowedPrivateHosts(): Promise<Set<string>> {
    return new Set((await this.ownerSettings()).allow_private_hosts);
  }

  /**
   * Counts one outbound request (a fetch, or a call of the registry over its service binding) and stops the run
   * before it would pass the plan's subrequests per invocation, which the platform would end with no clear reason.
   */
  async subrequest(): Promise<void> {
    const max = (await this.ownerSettings()).max_subrequests_per_run;
    if (this.subrequests >= max) {
      throw new StepError("subrequest_limit",
        `This run has made ${max} outbound requests (fetches and registry calls), the engine's limit per run ` +
        `(max_subrequests_per_run = ${max}; Cloudflare's free plan allows ${FREE_PLAN_SUBREQUESTS} subrequests per invocation), ` +
        "so the next was not sent. Make fewer requests (smaller foreach lists), or on a paid plan raise " +
        "max_subrequests_per_run in the engine's settings (PUT /settings).");
    }
    this.subrequests++;
  }

  get subrequestCount(): number {
    return this.subrequests;
  }
}

export async function callComponent(ctx: RunContext, component: string, input: Record<string, unknown>, service?: string): Promise<unknown> {
  switch (component) {
    case "template": return templateComponent(input);
    case "pick": return pick(input);
    case "if": {
      const result = truthy(input.condition);
      return { result, value: result ? (input.then ?? null) : (input.else ?? null) };
    }
    case "http_request": return send(ctx, httpSpec(input), service);
  }
  const recipe = await getApiRecipe(ctx.env, component);
  if (recipe) return runApiRecipe(ctx, recipe, input, service);
  return runWasm(ctx, component, input);
}

function pick(input: Record<string, unknown>): unknown {
  const path = String(input.path ?? "");
  const bad = path.replace(/\[(\d+)\]/g, ".$1").split(".").find((p) => FORBIDDEN_PATH_PARTS.has(p));
  if (bad) throw new StepError("invalid_path", `pick's path may not use '${bad}': it names no data.`);
  return getPath(input.data, path) ?? null;
}

/** Renders the leftover {{name}} placeholders of input.template from input.vars. */
function templateComponent(input: Record<string, unknown>): string {
  if (typeof input.template !== "string") throw new StepError("invalid_input", "template needs input.template as a string.");
  const vars = isObject(input.vars) ? input.vars : {};
  return input.template.replace(/\{\{\s*([A-Za-z0-9_.[\]]+)\s*\}\}/g, (m, path: string) => {
    const v = getPath(vars, path);
    if (v === undefined) return m;
    return typeof v === "string" ? v : JSON.stringify(v);
  });
}

interface HttpSpec {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

function httpSpec(input: Record<string, unknown>): HttpSpec {
  if (typeof input.url !== "string") throw new StepError("invalid_input", "http_request needs input.url as a string.");
  const headers: Record<string, string> = {};
  if (input.headers !== undefined && input.headers !== null) {
    if (!isObject(input.headers)) throw new StepError("invalid_input", "http_request's input.headers must be an object.");
    for (const [k, v] of Object.entries(input.headers)) headers[k] = String(v);
  }
  return { method: String(input.method ?? "GET").toUpperCase(), url: input.url, headers, body: input.body };
}

async function runApiRecipe(ctx: RunContext, recipe: ApiRecipe, input: Record<string, unknown>, service?: string) {
  for (const name of recipe.inputs?.required ?? []) {
    const v = input[name];
    if (v === undefined || v === null || v === "") {
      throw new StepError("missing_input", `${recipe.id} needs input.${name}.`);
    }
  }
  const req = render(recipe.request, { input }) as Record<string, unknown>;
  const res = await send(ctx, httpSpec(req), service ?? recipe.service);
  if (res.status < 200 || res.status > 299) {
    // Redacted before the cut, so the cut cannot leave a secret's prefix behind.
    const detail = ctx.redact(typeof res.body === "string" ? res.body : JSON.stringify(res.body));
    throw new StepError("api_error", `${recipe.id}: the API answered ${res.status}: ${detail.slice(0, 500)}`);
  }
  return res;
}

async function runWasm(ctx: RunContext, component: string, input: Record<string, unknown>) {
  // A component bundled with the engine is pure (it imports nothing): it runs here, with no call to the registry.
  const bundled = WASM_MODULES[component];
  if (bundled) {
    try {
      return await runTextWasm(component, bundled.module, input);
    } catch (e) {
      if (e instanceof ApiError) throw new StepError(e.code, e.message);
      throw new StepError("wasm_failed", `The component '${component}' failed while it ran.`);
    }
  }
  await ctx.subrequest();
  const res = await registryFetch(ctx.env, `/components/${encodeURIComponent(component)}/invoke`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json().catch(() => null)) as { success?: boolean; output?: unknown; error?: { code: string; message: string } } | null;
  if (res.ok && body?.success) return body.output;
  if (body?.error?.code === "component_not_found") {
    throw new StepError("unknown_component", `No component named '${component}'.`);
  }
  throw new StepError(body?.error?.code ?? "wasm_failed", body?.error?.message ?? `The registry answered ${res.status}.`);
}

const SECRET_IN_URL = /\{\{\s*secret\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Sends one HTTP request. With a service, its recipe's headers are injected, and only when the request goes to
 * one of the recipe's hosts; otherwise nothing is sent. Credentials go over https only (http to loopback for
 * tests and local services), and redirects are not followed so they cannot carry a credential elsewhere.
 */
export async function send(ctx: RunContext, spec: HttpSpec, service?: string) {
  let target: URL;
  try {
    target = new URL(spec.url);
  } catch {
    throw new StepError("invalid_url", `'${spec.url}' is not an absolute http(s) URL.`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new StepError("invalid_url", `'${spec.url}' is not an http(s) URL.`);
  }
  const headers = new Headers(spec.headers);
  let url = spec.url;
  if (service) {
    const recipe = await getAuthRecipe(ctx.env, service);
    if (!recipe) throw new StepError("unknown_service", `No auth recipe for service '${service}'.`);
    if (!hostAllowed(recipe, target)) {
      throw new StepError("host_not_allowed",
        `The credentials of '${service}' may only be sent to ${recipe.hosts.join(", ")}; this request goes to ${target.host}, so it was not sent.`);
    }
    if (target.protocol === "http:" && privateReason(target) === null) {
      throw new StepError("insecure_url", `Credentials of '${service}' are sent over https only; use an https:// URL.`);
    }
    const values = await secretValues(ctx, recipe);
    for (const [name, template] of Object.entries(recipe.inject?.header ?? {})) headers.set(name, fill(ctx, template, values));
    url = url.replace(SECRET_IN_URL, (_m, key: string) => {
      if (!(key in values)) throw new StepError("unknown_secret", `The url uses {{secret.${key}}}, which is not a secret of '${service}'.`);
      return encodeURIComponent(values[key]);
    });
    if (recipe.inject?.query) {
      const withQuery = new URL(url);
      for (const [name, template] of Object.entries(recipe.inject.query)) withQuery.searchParams.set(name, fill(ctx, template, values));
      url = withQuery.toString();
    }
  } else if (/\{\{\s*secret\./.test(url)) {
    throw new StepError("secret_without_service", "The url uses {{secret.…}} but the step names no service.");
  }
  let body: BodyInit | undefined;
  if (spec.body !== undefined && spec.body !== null && spec.method !== "GET" && spec.method !== "HEAD") {
    if (typeof spec.body === "string") body = spec.body;
    else if ((headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded") && isObject(spec.body)) {
      body = new URLSearchParams(Object.entries(spec.body).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    } else {
      body = JSON.stringify(spec.body);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
  }
  headers.set(DEPTH_HEADER, String(ctx.depth + 1));
  let res: Response;
  let method = spec.method;
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    await refusePrivate(ctx, current);
    await ctx.subrequest();
    try {
      // Redirects are followed by hand, so each hop is checked; never with credentials, which stay on their hosts.
      res = await fetch(current.toString(), { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    } catch (e) {
      throw new StepError("request_failed", ctx.redact(`${method} ${current.host} failed: ${(e as Error).message}`));
    }
    const location = res.headers.get("location");
    if (service || res.status < 300 || res.status > 399 || !location || hop >= MAX_REDIRECTS) break;
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      break;
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") break;
    await res.body?.cancel();
    if (next.origin !== current.origin) {
      // As browsers do: what authenticated the first request is not handed to another origin.
      for (const h of ["authorization", "cookie", "proxy-authorization"]) headers.delete(h);
    }
    current = next;
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      headers.delete("content-type");
    }
  }
  const text = (await res.text()).slice(0, MAX_BODY_CHARS);
  let parsed: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    try { parsed = JSON.parse(text); } catch { /* keep the text */ }
  }
  return { status: res.status, headers: Object.fromEntries(res.headers), body: parsed };
}

async function secretValues(ctx: RunContext, recipe: AuthRecipe): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const s of recipe.required_secrets) {
    values[s.key] = await credentialValue(ctx.env, ctx.keys.encryptionKey, s.key);
    ctx.remember(values[s.key]);
  }
  if (recipe.token_exchange?.type === "google_service_account") {
    const token = await googleAccessToken(ctx, recipe, values[recipe.token_exchange.credential]);
    ctx.remember(token);
    values[`${recipe.service}_access_token`] = token;
  }
  return values;
}

/**
 * {{key}} → the secret; {{basic:a:b}} → base64("a-value:b-value") for HTTP Basic auth. Derived values are
 * remembered for redaction too, so an echo of the header is hidden like the secret itself.
 */
function fill(ctx: RunContext, template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*(basic:)?([A-Za-z0-9_:]+)\s*\}\}/g, (_m, basic: string | undefined, keys: string) => {
    if (!basic) return values[keys] ?? "";
    const encoded = bytesToBase64(new TextEncoder().encode(keys.split(":").map((k) => values[k] ?? "").join(":")));
    ctx.remember(encoded);
    return encoded;
  });
}

/** Refuses a request to a loopback, link-local or private address unless the owner allowed its host:port. */
async function refusePrivate(ctx: RunContext, url: URL): Promise<void> {
  const why = privateReason(url);
  if (why === null) return;
  if ((await ctx.allowedPrivateHosts()).has(hostPort(url))) return;
  throw new StepError("private_host_refused",
    `${url.host} is ${why}; workflows may not reach it unless the engine's owner allows '${hostPort(url)}' ` +
    `(PUT /settings {"allow_private_hosts": ["${hostPort(url)}"]}). Nothing was sent.`);
}

/** OAuth 2 JWT bearer grant for a Google service account key (RS256 signed with WebCrypto). */
async function googleAccessToken(ctx: RunContext, recipe: AuthRecipe, keyJson: string | undefined): Promise<string> {
  const exchange = recipe.token_exchange!;
  let sa: { client_email?: string; private_key?: string };
  try {
    sa = JSON.parse(keyJson ?? "");
  } catch {
    throw new StepError("invalid_credential", `The credential '${exchange.credential}' is not a service account key (JSON).`);
  }
  if (!sa.client_email || !sa.private_key) {
    throw new StepError("invalid_credential", `The credential '${exchange.credential}' lacks client_email or private_key.`);
  }
  ctx.remember(sa.private_key);
  const tokenUrl = new URL(exchange.token_url);
  if (!hostAllowed(recipe, tokenUrl) || tokenUrl.protocol !== "https:") {
    throw new StepError("host_not_allowed", `The token url of '${recipe.service}' must be https and one of its hosts.`);
  }
  await refusePrivate(ctx, tokenUrl);
  await ctx.subrequest();
  const b64url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const enc = (o: unknown) => b64url(new TextEncoder().encode(JSON.stringify(o)));
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${enc({ alg: "RS256", typ: "JWT" })}.${enc({
    iss: sa.client_email, scope: exchange.scopes.join(" "), aud: exchange.token_url, iat: now, exp: now + 3600,
  })}`;
  const der = base64ToBytes(sa.private_key.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
  const key = await crypto.subtle.importKey("pkcs8", der, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(unsigned)));
  const res = await fetch(exchange.token_url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: `${unsigned}.${b64url(signature)}`,
    }),
    redirect: "manual",
    signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token) {
    throw new StepError("token_exchange_failed", `Google refused the service account: ${body.error_description ?? res.status}.`);
  }
  return body.access_token;
}
