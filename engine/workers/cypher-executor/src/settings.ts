// The owner's engine settings (GET/PUT /settings), kept in ACCOUNTS. allow_private_hosts lists the host:port
// pairs on loopback or private networks that workflows may reach; every other private address is refused.
// max_subrequests_per_run: outbound requests a run may make (the token cannot read the account's plan, so the
// free plan's 50 by default); run_retention_days: how long runs are kept.
import { ApiError } from "../../../lib/http";
import type { Env } from "./env";
import { normaliseHostPort } from "./netguard";

const SETTINGS_KEY = "settings";
const MAX_PRIVATE_HOSTS = 100;
export const DEFAULT_SUBREQUESTS = 50;
const MAX_SUBREQUESTS = 10_000_000;
export const DEFAULT_RETENTION_DAYS = 30;
const MAX_RETENTION_DAYS = 3650;
const KNOWN = ["allow_private_hosts", "max_subrequests_per_run", "run_retention_days"];

export interface Settings {
  allow_private_hosts: string[];
  max_subrequests_per_run: number;
  run_retention_days: number;
}

export async function getSettings(env: Env): Promise<Settings> {
  const stored = await env.ACCOUNTS.get<Partial<Settings>>(SETTINGS_KEY, "json");
  return {
    allow_private_hosts: Array.isArray(stored?.allow_private_hosts) ? stored.allow_private_hosts : [],
    max_subrequests_per_run: wholeIn(stored?.max_subrequests_per_run, 1, MAX_SUBREQUESTS) ?? DEFAULT_SUBREQUESTS,
    run_retention_days: wholeIn(stored?.run_retention_days, 1, MAX_RETENTION_DAYS) ?? DEFAULT_RETENTION_DAYS,
  };
}

function wholeIn(v: unknown, min: number, max: number): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

export async function putSettings(env: Env, body: Record<string, unknown>): Promise<Settings> {
  const bad = (why: string): never => {
    throw new ApiError(400, "invalid_settings", why);
  };
  for (const key of Object.keys(body)) if (!KNOWN.includes(key)) bad(`unknown setting '${key}'; the settings are: ${KNOWN.join(", ")}.`);
  const current = await getSettings(env);
  let hosts = current.allow_private_hosts;
  if (body.allow_private_hosts !== undefined) {
    const list = body.allow_private_hosts;
    if (!Array.isArray(list) || list.length > MAX_PRIVATE_HOSTS) bad(`allow_private_hosts must be a list of at most ${MAX_PRIVATE_HOSTS} "host:port" strings.`);
    hosts = [];
    for (const entry of list as unknown[]) {
      const normal = typeof entry === "string" ? normaliseHostPort(entry) : null;
      if (!normal) bad(`allow_private_hosts: '${String(entry)}' is not host:port (e.g. 127.0.0.1:8080 or [::1]:8080).`);
      if (!hosts.includes(normal as string)) hosts.push(normal as string);
    }
  }
  const number = (key: "max_subrequests_per_run" | "run_retention_days", max: number): number => {
    if (body[key] === undefined) return current[key];
    const v = wholeIn(body[key], 1, max);
    if (v === null) bad(`${key} must be a whole number from 1 to ${max}.`);
    return v as number;
  };
  const settings: Settings = {
    allow_private_hosts: hosts,
    max_subrequests_per_run: number("max_subrequests_per_run", MAX_SUBREQUESTS),
    run_retention_days: number("run_retention_days", MAX_RETENTION_DAYS),
  };
  await env.ACCOUNTS.put(SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

