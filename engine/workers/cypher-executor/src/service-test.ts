// POST /auth/recipes/{service}/test: makes the recipe's harmless test call with the stored credentials, so a user
// learns at once whether what they pushed works. Only the status comes back, never the answer's body.
import { ApiError } from "../../../lib/http";
import { RunContext, send, StepError } from "./components";
import type { Env } from "./env";
import type { Keys } from "./keys";
import { getAuthRecipe } from "./recipes";

export async function testService(env: Env, keys: Keys, service: string) {
  const recipe = await getAuthRecipe(env, service);
  if (!recipe) throw new ApiError(404, "recipe_not_found", `No auth recipe for service '${service}'.`);
  if (!recipe.test) throw new ApiError(400, "no_test_call", `The recipe of '${service}' has no test call.`);
  const ctx = new RunContext(env, keys);
  try {
    const res = await send(ctx, { method: recipe.test.method, url: recipe.test.url, headers: {} }, service);
    const ok = res.status >= 200 && res.status < 300;
    return {
      success: ok, service, status: res.status,
      ...(ok ? {} : { error: { code: "test_call_refused", message: `${recipe.test.method} ${new URL(recipe.test.url).host} answered ${res.status}.` } }),
    };
  } catch (e) {
    if (e instanceof StepError || e instanceof ApiError) {
      return { success: false, service, status: null, error: { code: e.code, message: ctx.redact(e.message) } };
    }
    throw e;
  }
}
