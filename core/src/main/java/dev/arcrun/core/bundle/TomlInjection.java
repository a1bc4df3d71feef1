package dev.arcrun.core.bundle;

import dev.arcrun.core.bundle.TomlDocument.Arr;
import dev.arcrun.core.bundle.TomlDocument.Inline;
import dev.arcrun.core.bundle.TomlDocument.KeyVal;
import dev.arcrun.core.bundle.TomlDocument.Str;
import dev.arcrun.core.bundle.TomlDocument.Table;
import dev.arcrun.core.bundle.TomlDocument.Value;
import java.util.List;
import java.util.Map;

/**
 * Injection into wrangler.toml: {@code [[kv_namespaces]]} / inline arrays, {@code [[r2_buckets]]}, {@code [vars]},
 * the worker's {@code name} and the {@code service} of its {@code [[services]]} (or inline) bindings.
 */
final class TomlInjection {
    private TomlInjection() {}

    static String apply(String text, InjectionValues values) {
        TomlDocument doc = TomlDocument.parse(text);
        TextEdits edits = new TextEdits();
        bindings(doc, edits, "kv_namespaces", "id", values.kvIds());
        bindings(doc, edits, "r2_buckets", "bucket_name", values.r2Buckets());
        vars(doc, edits, values.vars());
        rename(doc, edits, values.workerNames());
        return edits.applyTo(text);
    }

    /** Replaces the top-level {@code name} and each top-level service binding's {@code service} that is renamed. */
    private static void rename(TomlDocument doc, TextEdits edits, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        renameValue(edits, TomlDocument.entry(doc.tables.getFirst().entries(), "name"), renames);
        for (Table t : doc.tables) {
            if (t.arrayTable() && t.path().equals(List.of("services"))) {
                renameValue(edits, TomlDocument.entry(t.entries(), "service"), renames);
            }
        }
        KeyVal inline = TomlDocument.entry(doc.tables.getFirst().entries(), "services");
        if (inline != null && inline.value() instanceof Arr arr) {
            for (Value item : arr.items()) {
                if (item instanceof Inline it) {
                    renameValue(edits, TomlDocument.entry(it.entries(), "service"), renames);
                }
            }
        }
    }

    private static void renameValue(TextEdits edits, KeyVal kv, Map<String, String> renames) {
        if (kv != null && kv.value() instanceof Str s && renames.containsKey(s.value()) && !renames.get(s.value()).equals(s.value())) {
            edits.replace(s.start(), s.end(), quote(renames.get(s.value())));
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Sets {@code field} in every top-level entry of {@code section}, matched by its binding. */
    private static void bindings(TomlDocument doc, TextEdits edits, String section, String field, Map<String, String> byBinding) {
        for (Table t : doc.tables) {
            if (t.arrayTable() && t.path().equals(List.of(section))) {
                KeyVal binding = TomlDocument.entry(t.entries(), "binding");
                String value = binding != null && binding.value() instanceof Str s ? byBinding.get(s.value()) : null;
                if (value != null) {
                    setInTable(doc.text, edits, t.entries(), binding, field, value);
                }
            }
        }
        KeyVal inline = TomlDocument.entry(doc.tables.getFirst().entries(), section);
        if (inline != null && inline.value() instanceof Arr arr) {
            for (Value item : arr.items()) {
                if (item instanceof Inline it) {
                    KeyVal binding = TomlDocument.entry(it.entries(), "binding");
                    String value = binding != null && binding.value() instanceof Str s ? byBinding.get(s.value()) : null;
                    if (value != null) {
                        setInInline(edits, it, field, value);
                    }
                }
            }
        }
    }

    /** Replaces {@code key}'s value in a table, or adds a line after {@code after}, indented like it. */
    private static void setInTable(String text, TextEdits edits, List<KeyVal> entries, KeyVal after, String key, String value) {
        KeyVal existing = TomlDocument.entry(entries, key);
        if (existing != null) {
            edits.replace(existing.value().start(), existing.value().end(), quote(value));
        } else {
            insertLine(text, edits, after.lineEnd(), TextEdits.indentOf(text, after.keyStart()), bareOrQuoted(key) + " = " + quote(value));
        }
    }

    private static void setInInline(TextEdits edits, Inline it, String key, String value) {
        KeyVal existing = TomlDocument.entry(it.entries(), key);
        if (existing != null) {
            edits.replace(existing.value().start(), existing.value().end(), quote(value));
        } else if (it.entries().isEmpty()) {
            edits.insert(it.close(), " " + bareOrQuoted(key) + " = " + quote(value) + " ");
        } else {
            edits.insert(it.entries().getLast().value().end(), ", " + bareOrQuoted(key) + " = " + quote(value));
        }
    }

    private static void insertLine(String text, TextEdits edits, int at, String indent, String line) {
        boolean needsNewline = at > 0 && text.charAt(at - 1) != '\n';
        edits.insert(at, (needsNewline ? "\n" : "") + indent + line + "\n");
    }

    private static void vars(TomlDocument doc, TextEdits edits, Map<String, String> vars) {
        if (vars.isEmpty()) {
            return;
        }
        String text = doc.text;
        List<KeyVal> root = doc.tables.getFirst().entries();
        Table varsTable = doc.tables.stream().filter(t -> !t.arrayTable() && t.path().equals(List.of("vars"))).findFirst().orElse(null);
        KeyVal inline = TomlDocument.entry(root, "vars");
        List<KeyVal> dotted = root.stream().filter(kv -> kv.key().size() == 2 && kv.key().getFirst().equals("vars")).toList();
        for (Map.Entry<String, String> v : vars.entrySet()) {
            String line = bareOrQuoted(v.getKey()) + " = " + quote(v.getValue());
            if (varsTable != null) {
                KeyVal existing = TomlDocument.entry(varsTable.entries(), v.getKey());
                if (existing != null) {
                    edits.replace(existing.value().start(), existing.value().end(), quote(v.getValue()));
                } else if (varsTable.entries().isEmpty()) {
                    insertLine(text, edits, varsTable.headerLineEnd(), "", line);
                } else {
                    KeyVal last = varsTable.entries().getLast();
                    insertLine(text, edits, last.lineEnd(), TextEdits.indentOf(text, last.keyStart()), line);
                }
            } else if (inline != null && inline.value() instanceof Inline it) {
                setInInline(edits, it, v.getKey(), v.getValue());
            } else if (!dotted.isEmpty()) {
                KeyVal existing = TomlDocument.entry(dotted, "vars", v.getKey());
                if (existing != null) {
                    edits.replace(existing.value().start(), existing.value().end(), quote(v.getValue()));
                } else {
                    KeyVal last = dotted.getLast();
                    insertLine(text, edits, last.lineEnd(), TextEdits.indentOf(text, last.keyStart()), "vars." + line);
                }
            } else {
                // No vars yet: a [vars] table at the end, where a new table can always go.
                StringBuilder sb = new StringBuilder();
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    sb.append('\n');
                }
                sb.append(text.isEmpty() || text.endsWith("\n\n") ? "" : "\n").append("[vars]\n");
                vars.forEach((k, val) -> sb.append(bareOrQuoted(k)).append(" = ").append(quote(val)).append('\n'));
                edits.insert(text.length(), sb.toString());
                return;
            }
        }
    }

    private static String bareOrQuoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : quote(key);
    }
}
