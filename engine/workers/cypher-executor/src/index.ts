// arcrun-cypher-executor: the engine's public API (see engine/openapi.yaml).
import bundle from "../../../arcrun.bundle.json";
import { ApiError, handler, isObject, json, pathSegments, readJsonObject } from "../../../lib/http";
import { pageQuery, prefixQuery, slicePage, type Page } from "../../../lib/paging";
import { DEPTH_HEADER, MAX_RUN_DEPTH } from "./components";
import { CREDENTIAL_NAME, deleteCredential, listCredentials, putCredential } from "./credentials";
import type { Env } from "./env";
import { authorize, register } from "./keys";
import { getApiRecipe, getAuthRecipe, listApiRecipes, listAuthRecipes, putApiRecipe, putAuthRecipe } from "./recipes";
import { runWorkflow } from "./runner";
import { getRun, listRuns, pruneRuns } from "./run-store";
import { registryFetch } from "./registry-client";
import { getSettings, putSettings } from "./settings";
import { testService } from "./service-test";
import { deleteWorkflow, getWorkflow, listWorkflows, putWorkflow, validateWorkflow, WORKFLOW_NAME } from "./workflows";

export default handler<Env>("engine", route);

/** KV lists at most 1,000 keys per call: a page of a KV-backed list is one call. */
const MAX_PAGE = 1000;

/** A list's answer: its collection under its own name, then where the next page starts. */
function pageJson<T>(name: string, page: Page<T>): Response {
  return json({ success: true, [name]: page.items, cursor: page.cursor, truncated: page.truncated });
}

async function route(request: Request, env: Env): Promise<Response> {
  const arrived = Date.now();
  const url = new URL(request.url);
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const method = request.method;
  const p = pathSegments(path);

  if (path === "/health" && method === "GET") {
    return json({ ok: true, version: bundle.version });
  }
  if (path === "/register") {
    allow(method, ["POST"]);
    return json({ success: true, ...(await register(env)) }, 201);
  }

  const keys = await authorize(request, env);

  // /settings
  if (path === "/settings") {
    allow(method, ["GET", "PUT"]);
    if (method === "PUT") return json({ success: true, settings: await putSettings(env, await readJsonObject(request)) });
    return json({ success: true, settings: await getSettings(env) });
  }

  // /credentials
  if (p[0] === "credentials" && p.length === 1) {
    allow(method, ["GET", "POST"]);
    if (method === "GET") {
      return pageJson("credentials", await listCredentials(env, pageQuery(url, MAX_PAGE, MAX_PAGE), prefixQuery(url, CREDENTIAL_NAME, 128)));
    }
    const saved = await putCredential(env, await readJsonObject(request));
    const { created, ...rest } = saved;
    return json({ success: true, credential: rest }, created ? 201 : 200);
  }
  if (p[0] === "credentials" && p.length === 2) {
    allow(method, ["DELETE"]);
    await deleteCredential(env, p[1]);
    return json({ success: true, deleted: p[1] });
  }

  // /auth/recipes
  if (p[0] === "auth" && p[1] === "recipes" && p.length === 2) {
    allow(method, ["GET"]);
    return pageJson("recipes", slicePage(await listAuthRecipes(env), (r) => r.service, pageQuery(url, MAX_PAGE, MAX_PAGE)));
  }
  if (p[0] === "auth" && p[1] === "recipes" && p.length === 3) {
    allow(method, ["GET", "PUT"]);
    if (method === "PUT") return json({ success: true, recipe: await putAuthRecipe(env, p[2], await readJsonObject(request)) });
    const recipe = await getAuthRecipe(env, p[2]);
    if (!recipe) throw new ApiError(404, "recipe_not_found", `No auth recipe for service '${p[2]}'.`);
    return json({ success: true, recipe });
  }

  if (p[0] === "auth" && p[1] === "recipes" && p.length === 4 && p[3] === "test") {
    allow(method, ["POST"]);
    return json(await testService(env, keys, p[2]));
  }

  // /api-recipes
  if (p[0] === "api-recipes" && p.length === 1) {
    allow(method, ["GET"]);
    return pageJson("recipes", slicePage(await listApiRecipes(env), (r) => r.id, pageQuery(url, MAX_PAGE, MAX_PAGE)));
  }
  if (p[0] === "api-recipes" && p.length === 2) {
    allow(method, ["GET", "PUT"]);
    if (method === "PUT") return json({ success: true, recipe: await putApiRecipe(env, p[1], await readJsonObject(request)) });
    const recipe = await getApiRecipe(env, p[1]);
    if (!recipe) throw new ApiError(404, "api_recipe_not_found", `No API recipe '${p[1]}'.`);
    return json({ success: true, recipe });
  }

  // /components (the registry's catalog)
  if (p[0] === "components" && p.length <= 2) {
    allow(method, ["GET"]);
    const res = await registryFetch(env, path + url.search);
    return new Response(res.body, { status: res.status, headers: { "content-type": "application/json; charset=utf-8" } });
  }

  // /webhooks/named
  if (p[0] === "webhooks" && p[1] === "named") {
    if (p.length === 2) {
      allow(method, ["GET", "POST"]);
      if (method === "GET") {
        return pageJson("workflows", await listWorkflows(env, pageQuery(url, MAX_PAGE, MAX_PAGE), prefixQuery(url, WORKFLOW_NAME, 64)));
      }
      const body = await readJsonObject(request);
      if (!isObject(body.workflow)) throw new ApiError(400, "invalid_workflow", "The body must be {name, workflow}.");
      const wf = await validateWorkflow(env, body.workflow, body.name);
      const saved = await putWorkflow(env, wf);
      return json({ success: true, name: wf.name, created_at: saved.created_at, updated_at: saved.updated_at }, saved.created ? 201 : 200);
    }
    if (p.length === 3) {
      allow(method, ["GET", "DELETE"]);
      if (method === "DELETE") {
        await deleteWorkflow(env, p[2]);
        return json({ success: true, deleted: p[2] });
      }
      const stored = await getWorkflow(env, p[2]);
      return json({ success: true, workflow: stored.workflow, created_at: stored.created_at, updated_at: stored.updated_at });
    }
    if (p.length === 4 && p[3] === "trigger") {
      allow(method, ["POST"]);
      // A run's requests carry their depth; a chain of runs triggering runs stops here.
      const depth = Number(request.headers.get(DEPTH_HEADER) ?? 0) || 0;
      if (depth > MAX_RUN_DEPTH) {
        throw new ApiError(429, "run_depth_exceeded",
          `This trigger comes from a run ${depth} levels deep; runs may trigger runs at most ${MAX_RUN_DEPTH} levels deep.`);
      }
      const body = await readJsonObject(request);
      if (body.input !== undefined && !isObject(body.input)) throw new ApiError(400, "invalid_input", "input must be a JSON object.");
      const stored = await getWorkflow(env, p[2]);
      const run = await runWorkflow(env, keys, stored.workflow, (body.input as Record<string, unknown>) ?? {}, depth, arrived);
      return json({
        success: run.status === "ok", run_id: run.run_id, status: run.status, output: run.output, trace: run.trace,
        duration_ms: run.duration_ms, ...(run.error ? { error: run.error } : {}), ...(run.truncated ? { truncated: true } : {}),
      });
    }
  }

  // /runs
  if (p[0] === "runs" && p.length === 1) {
    allow(method, ["GET"]);
    const q = pageQuery(url, 50, MAX_PAGE);
    const workflow = url.searchParams.get("workflow");
    if (workflow !== null && !WORKFLOW_NAME.test(workflow)) throw new ApiError(400, "invalid_workflow", "workflow must be a workflow's name.");
    // Retention: a first page sweeps out a bounded batch of expired runs (at most once an hour).
    if (q.cursor === undefined) await pruneRuns(env, async () => (await getSettings(env)).run_retention_days);
    return pageJson("runs", await listRuns(env, workflow, q));
  }
  if (p[0] === "runs" && p.length === 2) {
    allow(method, ["GET"]);
    return json({ success: true, run: await getRun(env, p[1]) });
  }

  throw new ApiError(404, "not_found", `No route ${method} ${path}.`);
}

function allow(method: string, methods: string[]) {
  if (!methods.includes(method)) {
    throw new ApiError(405, "method_not_allowed", `Use ${methods.join(" or ")} here.`);
  }
}
