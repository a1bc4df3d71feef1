package dev.arcrun.core.bundle;

import dev.arcrun.core.bundle.JsoncDocument.Member;
import dev.arcrun.core.bundle.JsoncDocument.Node;
import dev.arcrun.core.bundle.JsoncDocument.Obj;
import java.util.Map;

/**
 * Injection into wrangler.json / wrangler.jsonc, keeping comments and trailing commas: bindings, vars, the worker's
 * {@code name} and the {@code service} of each entry of its {@code services} array.
 */
final class JsoncInjection {
    private JsoncInjection() {}

    static String apply(String text, InjectionValues values) {
        JsoncDocument doc = JsoncDocument.parse(text);
        TextEdits edits = new TextEdits();
        bindings(doc, edits, "kv_namespaces", "id", values.kvIds());
        bindings(doc, edits, "r2_buckets", "bucket_name", values.r2Buckets());
        if (!values.vars().isEmpty()) {
            Member vars = doc.root.member("vars");
            if (vars != null && vars.value() instanceof Obj o) {
                values.vars().forEach((k, v) -> set(text, edits, o, k, JsoncDocument.quote(v)));
            } else {
                StringBuilder sb = new StringBuilder("{");
                values.vars().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : " ")
                        .append(JsoncDocument.quote(k)).append(": ").append(JsoncDocument.quote(v)));
                set(text, edits, doc.root, "vars", sb.append(" }").toString());
            }
        }
        rename(text, doc.root.member("name"), edits, values.workerNames());
        Member services = doc.root.member("services");
        if (services != null && services.value() instanceof JsoncDocument.Arr arr) {
            for (Node item : arr.items()) {
                if (item instanceof Obj o) {
                    rename(text, o.member("service"), edits, values.workerNames());
                }
            }
        }
        return edits.applyTo(text);
    }

    /** Replaces a string member's value when it names a renamed worker. */
    private static void rename(String text, Member m, TextEdits edits, Map<String, String> renames) {
        if (m != null && m.value() instanceof JsoncDocument.Scalar s && text.charAt(s.start()) == '"'
                && renames.containsKey(s.text()) && !renames.get(s.text()).equals(s.text())) {
            edits.replace(s.start(), s.end(), JsoncDocument.quote(renames.get(s.text())));
        }
    }

    private static void bindings(JsoncDocument doc, TextEdits edits, String section, String field, Map<String, String> byBinding) {
        Member m = doc.root.member(section);
        if (m == null || !(m.value() instanceof JsoncDocument.Arr arr)) {
            return;
        }
        for (Node item : arr.items()) {
            if (item instanceof Obj o && o.member("binding") != null
                    && o.member("binding").value() instanceof JsoncDocument.Scalar s && byBinding.containsKey(s.text())) {
                set(doc.text, edits, o, field, JsoncDocument.quote(byBinding.get(s.text())));
            }
        }
    }

    /** Replaces a member's value, or adds the member after the last one in the same layout (line or inline). */
    private static void set(String text, TextEdits edits, Obj o, String key, String json) {
        Member existing = o.member(key);
        if (existing != null) {
            edits.replace(existing.value().start(), existing.value().end(), json);
            return;
        }
        String member = JsoncDocument.quote(key) + ": " + json;
        if (o.members().isEmpty()) {
            edits.insert(o.close(), member);
            return;
        }
        Member last = o.members().getLast();
        boolean ownLine = TextEdits.startsLine(text, last.keyStart());
        String sep = ownLine ? "\n" + TextEdits.indentOf(text, last.keyStart()) : " ";
        int after = last.commaEnd() >= 0 ? last.commaEnd() : last.value().end();
        if (last.commaEnd() < 0) {
            edits.insert(after, ",");
        }
        String tail = last.commaEnd() >= 0 ? "," : "";
        int nl = text.indexOf('\n', after);
        String rest = nl < 0 ? null : text.substring(after, nl).strip();
        if (ownLine && rest != null && (rest.isEmpty() || rest.startsWith("//"))) {
            // After a comment that ends the line, so the comment stays with the member it belongs to.
            int at = nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            edits.insert(at, sep + member + tail);
        } else {
            edits.insert(after, sep + member + tail);
        }
    }
}
