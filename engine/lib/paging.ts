// Lists are pages: every list route takes ?limit and ?cursor and answers its collection plus {cursor, truncated}.
// cursor is opaque to clients; null when the list is complete.
import { ApiError } from "./http";

export interface PageQuery {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
  truncated: boolean;
}

/** ?limit (1..max, default def) and ?cursor, or a 400 that names the limit. */
export function pageQuery(url: URL, def: number, max: number): PageQuery {
  const raw = url.searchParams.get("limit");
  let limit = def;
  if (raw !== null) {
    limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > max) {
      throw new ApiError(400, "invalid_limit", `limit must be a whole number from 1 to ${max}; it was '${raw.slice(0, 20)}'.`);
    }
  }
  const cursor = url.searchParams.get("cursor") ?? undefined;
  if (cursor !== undefined && (cursor === "" || cursor.length > 1024)) {
    throw new ApiError(400, "invalid_cursor", "cursor must be the cursor of the previous page (at most 1024 characters).");
  }
  return { limit, cursor };
}

/** ?prefix checked against the names' own pattern: a prefix search finds one name without loading the list. */
export function prefixQuery(url: URL, pattern: RegExp, maxLength: number): string {
  const prefix = url.searchParams.get("prefix") ?? "";
  if (prefix.length > maxLength || (prefix !== "" && !pattern.test(prefix))) {
    throw new ApiError(400, "invalid_prefix",
      `prefix must be the start of a name (at most ${maxLength} characters of letters, digits, '_', '.' or '-').`);
  }
  return prefix;
}

/** A page of a list held in memory, in id order: the cursor is the last id handed out. */
export function slicePage<T>(list: T[], id: (t: T) => string, q: PageQuery): Page<T> {
  const sorted = [...list].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  const start = q.cursor === undefined ? 0 : firstAfter(sorted, id, q.cursor);
  const items = sorted.slice(start, start + q.limit);
  const truncated = start + q.limit < sorted.length;
  return { items, cursor: truncated ? id(items[items.length - 1]) : null, truncated };
}

function firstAfter<T>(sorted: T[], id: (t: T) => string, after: string): number {
  const i = sorted.findIndex((t) => id(t) > after);
  return i < 0 ? sorted.length : i;
}

/** One page of a KV list; a cursor KV does not know is the client's mistake, not a 500. */
export async function kvPage<M>(kv: KVNamespace, prefix: string, q: PageQuery): Promise<{ keys: KVNamespaceListKey<M>[]; cursor: string | null; truncated: boolean }> {
  let page: KVNamespaceListResult<M>;
  try {
    page = await kv.list<M>({ prefix, limit: q.limit, cursor: q.cursor });
  } catch {
    throw new ApiError(400, "invalid_cursor", "cursor is not one this list handed out; start again without it.");
  }
  if (page.list_complete) return { keys: page.keys, cursor: null, truncated: false };
  return { keys: page.keys, cursor: page.cursor, truncated: true };
}
