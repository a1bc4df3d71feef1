// The owner's engine settings (GET/PUT /settings), kept in ACCOUNTS. allow_private_hosts lists the host:port
// pairs on loopback or private networks that workflows may reach; every other private address is refused.
import { ApiError } from "../../../lib/http";
import type { Env } from "./env";
import { normaliseHostPort } from "./netguard";

const SETTINGS_KEY = "settings";
const MAX_PRIVATE_HOSTS = 100;

export interface Settings {
  allow_private_hosts: string[];
}

export async function getSettings(env: Env): Promise<Settings> {
  const stored = await env.ACCOUNTS.get<Settings>(SETTINGS_KEY, "json");
  return { allow_private_hosts: Array.isArray(stored?.allow_private_hosts) ? stored.allow_private_hosts : [] };
}

export async function putSettings(env: Env, body: Record<string, unknown>): Promise<Settings> {
  const bad = (why: string): never => {
    throw new ApiError(400, "invalid_settings", why);
  };
  for (const key of Object.keys(body)) if (key !== "allow_private_hosts") bad(`unknown setting '${key}'; the settings are: allow_private_hosts.`);
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
  const settings: Settings = { allow_private_hosts: hosts };
  await env.ACCOUNTS.put(SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}

