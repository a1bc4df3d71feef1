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

/** A template that cannot be evaluated (e.g. a fallback that is neither a path nor valid JSON). */
export class TemplateError extends Error {}

/** True for expressions this templater owns (their first path starts with a known root). */
export function handles(expr: string): boolean {
  const first = splitTerms(expr)[0];
  return ROOTS.has(first.split(/[.[]/)[0]);
}

/** The terms of a || b, split only outside quotes and brackets (so "a||b" stays one literal). */
export function splitTerms(expr: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "|" && expr[i + 1] === "|" && depth === 0) {
      terms.push(expr.slice(start, i).trim());
      start = i + 2;
      i++;
    }
  }
  terms.push(expr.slice(start).trim());
  return terms;
}

const PATH = /^[A-Za-z_$][^\s"{}[\]|]*(\[\d+\][^\s"{}[\]|]*)*$/;

/** Why a term is neither a path nor a JSON literal, or null when it is fine. */
function termProblem(term: string): string | null {
  if (isLiteral(term)) {
    try {
      JSON.parse(term);
      return null;
    } catch {
      return `'${term}' is not a valid JSON value`;
    }
  }
  return PATH.test(term) ? null : `'${term}' is neither a path (input.a.b) nor a JSON value`;
}

/** The first problem of the templates in a value (e.g. {{input.x || [oops]}}), for refusing a workflow at push. */
export function templateProblem(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      for (const m of v.matchAll(ANY)) {
        if (!handles(m[1])) continue;
        for (const term of splitTerms(m[1])) {
          const why = termProblem(term);
          if (why) return `the template {{${m[1]}}}: ${why}.`;
        }
      }
    } else if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) stack.push(...Object.values(v));
  }
  return null;
}

function evaluate(expr: string, scope: Scope): unknown {
  const terms = splitTerms(expr);
  const value = (term: string) => {
    const why = termProblem(term);
    if (why) throw new TemplateError(`The template {{${expr}}} cannot be evaluated: ${why}.`);
    return isLiteral(term) ? JSON.parse(term) : getPath(scope, term);
  };
  if (terms.length === 1) return value(terms[0]);
  // a || b: the first that is not missing, null or "".
  for (const term of terms) {
    const v = value(term);
    if (v !== undefined && v !== null && v !== "") return v;
  }
  return undefined;
}

function isLiteral(term: string): boolean {
  return /^(".*"|-?\d+(\.\d+)?|true|false|null|\[.*\])$/s.test(term);
}

/** Path parts that would reach an object's prototype instead of its data. */
export const FORBIDDEN_PATH_PARTS = new Set(["__proto__", "constructor", "prototype"]);

/** Reads a.b[0].c or a.b.0.c (own properties only); undefined when any part is missing. */
export function getPath(root: unknown, path: string): unknown {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".").filter((p) => p !== "");
  let cur: unknown = root;
  for (const p of parts) {
    if (Array.isArray(cur) && /^\d+$/.test(p)) cur = cur[Number(p)];
    else if (isObject(cur) && Object.hasOwn(cur, p)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

/** JSON with object keys sorted, so two objects that differ only in key order compare equal. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (isObject(v)) {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The step ids a value refers to with steps.<id>, to check they are earlier steps. */
export function stepRefs(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(ANY)) {
        for (const part of splitTerms(m[1])) {
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
      case "equals": return pair !== null && canonicalJson(pair[0]) === canonicalJson(pair[1]);
      case "not_equals": return pair !== null && canonicalJson(pair[0]) !== canonicalJson(pair[1]);
      case "gt": return pair !== null && Number(pair[0]) > Number(pair[1]);
      case "gte": return pair !== null && Number(pair[0]) >= Number(pair[1]);
      case "lt": return pair !== null && Number(pair[0]) < Number(pair[1]);
      case "lte": return pair !== null && Number(pair[0]) <= Number(pair[1]);
      case "contains":
        if (pair === null) return false;
        if (typeof pair[0] === "string") return pair[0].includes(String(pair[1]));
        return Array.isArray(pair[0]) && pair[0].some((x) => canonicalJson(x) === canonicalJson(pair[1]));
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
