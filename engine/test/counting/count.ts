// Counting wrappers around a worker's KV and R2 bindings (test builds only).
export interface Counts {
  kv: { reads: number; writes: number; deletes: number; lists: number };
  r2: { class_a: number; class_b: number; deletes: number };
}

const fresh = (): Counts => ({ kv: { reads: 0, writes: 0, deletes: 0, lists: 0 }, r2: { class_a: 0, class_b: 0, deletes: 0 } });
let current = fresh();

export const counts = (): Counts => current;
export function resetCounts() {
  current = fresh();
}

export function sum(a: Counts, b: Counts): Counts {
  return {
    kv: { reads: a.kv.reads + b.kv.reads, writes: a.kv.writes + b.kv.writes, deletes: a.kv.deletes + b.kv.deletes, lists: a.kv.lists + b.kv.lists },
    r2: { class_a: a.r2.class_a + b.r2.class_a, class_b: a.r2.class_b + b.r2.class_b, deletes: a.r2.deletes + b.r2.deletes },
  };
}

export const KV_KIND: Record<string, keyof Counts["kv"]> = { get: "reads", getWithMetadata: "reads", put: "writes", delete: "deletes", list: "lists" };
// R2's pricing classes: writes and lists are Class A, reads Class B, deletes free.
export const R2_KIND: Record<string, keyof Counts["r2"]> = {
  put: "class_a", list: "class_a", createMultipartUpload: "class_a", resumeMultipartUpload: "class_a",
  get: "class_b", head: "class_b", delete: "deletes",
};

export function counted<T extends object>(target: T, kinds: Record<string, string>, bucket: Record<string, number>): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop);
      if (typeof value !== "function") return value;
      const kind = typeof prop === "string" ? kinds[prop] : undefined;
      return (...args: unknown[]) => {
        if (kind) bucket[kind]++;
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}
