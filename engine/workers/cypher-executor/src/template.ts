// Workflow templating: {{input.x}}, {{steps.<id>.output.y}}, {{steps.<id>.status}}, {{item}}, {{index}},
// with fallbacks {{input.name || "world"}} (a path, or a JSON string, number, boolean, null or list). A string that is exactly one {{...}} takes the value itself (an
// object stays an object); inside longer text, values are written as text. Other {{...}} (e.g. {{secret.key}}
// or a template component's {{name}}) are left for later.
import { isObject } from "../../../lib/http";

export type Scope = Record<string, unknown>;

const ROOTS = new Set(["input", "steps", "item", "index", "run"]);
const WHOLE = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/;
const ANY = /\{\{\s*([^{}]+?)\s*\}\}/g;

export function render(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") return renderString(value, scope);
  if (Array.isArray(value)) return value.map((v) => render(v, scope));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = render(v, scope);
    return out;
  }
  return value;
}

function renderString(s: string, scope: Scope): unknown {
  const whole = WHOLE.exec(s);
  if (whole && handles(whole[1])) {
    const v = evaluate(whole[1], scope);
    return v === undefined ? null : v;
  }
  return s.replace(ANY, (match, expr: string) => {
    if (!handles(expr)) return match;
    const v = evaluate(expr, scope);
    if (v === undefined || v === null) return "";
    return typeof v === "string" ? v : JSON.stringify(v);
  });
}

/** True for expressions this templater owns (their first path starts with a known root). */
export function handles(expr: string): boolean {
  const first = expr.split("||")[0].trim();
  return ROOTS.has(first.split(/[.[]/)[0]);
}

function evaluate(expr: string, scope: Scope): unknown {
  const terms = expr.split("||").map((t) => t.trim());
  const value = (term: string) => (isLiteral(term) ? JSON.parse(term) : getPath(scope, term));
  if (terms.length === 1) return value(terms[0]);
  // a || b: the first that is not missing, null or "".
  for (const term of terms) {
    const v = value(term);
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

function isLiteral(term: string): boolean {
  return /^(".*"|-?\d+(\.\d+)?|true|false|null|\[.*\])$/.test(term);
}

/** Reads a.b[0].c or a.b.0.c; undefined when any part is missing. */
export function getPath(root: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".").filter((p) => p !== "");
  let cur: unknown = root;
  for (const p of parts) {
    if (Array.isArray(cur) && /^\d+$/.test(p)) cur = cur[Number(p)];
    else if (isObject(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

/** The step ids a value refers to with steps.<id>, to check they are earlier steps. */
export function stepRefs(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(ANY)) {
        for (const part of m[1].split("||")) {
          const ref = /^\s*steps\.([A-Za-z0-9_-]+)/.exec(part);
          if (ref) out.push(ref[1]);
        }
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  return out;
}

/**
 * A condition, already rendered: an operator object ({"equals": [a, b]}, not_equals, gt, gte, lt, lte,
 * contains, exists, empty, not, and, or) or any value judged by truthiness (false, null, "", 0, "false", "0",
 * [] and {} are false).
 */
export function truthy(c: unknown): boolean {
  if (isObject(c) && Object.keys(c).length === 1) {
    const [op, arg] = Object.entries(c)[0];
    const pair = Array.isArray(arg) && arg.length === 2 ? (arg as [unknown, unknown]) : null;
    switch (op) {
      case "equals": return pair !== null && JSON.stringify(pair[0]) === JSON.stringify(pair[1]);
      case "not_equals": return pair !== null && JSON.stringify(pair[0]) !== JSON.stringify(pair[1]);
      case "gt": return pair !== null && Number(pair[0]) > Number(pair[1]);
      case "gte": return pair !== null && Number(pair[0]) >= Number(pair[1]);
      case "lt": return pair !== null && Number(pair[0]) < Number(pair[1]);
      case "lte": return pair !== null && Number(pair[0]) <= Number(pair[1]);
      case "contains":
        if (pair === null) return false;
        if (typeof pair[0] === "string") return pair[0].includes(String(pair[1]));
        return Array.isArray(pair[0]) && pair[0].some((x) => JSON.stringify(x) === JSON.stringify(pair[1]));
      case "exists": return arg !== null && arg !== undefined;
      case "empty": return !truthy(arg);
      case "not": return !truthy(arg);
      case "and": return Array.isArray(arg) && arg.every(truthy);
      case "or": return Array.isArray(arg) && arg.some(truthy);
    }
  }
  if (c === null || c === undefined || c === false || c === 0 || c === "" || c === "false" || c === "0") return false;
  if (Array.isArray(c)) return c.length > 0;
  if (isObject(c)) return Object.keys(c).length > 0;
  return true;
}
