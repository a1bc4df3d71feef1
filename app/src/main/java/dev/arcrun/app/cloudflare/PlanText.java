package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts core's dry-run lines (English, fixed shapes) into the user's language. A line of an unknown shape is shown
 * as core wrote it, so a new kind of plan item is never hidden.
 */
final class PlanText {
    private static final Map<Pattern, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put(Pattern.compile("use node (\\S+) and wrangler (\\S+)"), "cf.plan.toolchain.use");
        SHAPES.put(Pattern.compile("install node (\\S+) and wrangler (\\S+) with npm into (.+)"), "cf.plan.toolchain.install");
        SHAPES.put(Pattern.compile("token is active; account (.*); all permissions present"), "cf.plan.verify.ok");
        SHAPES.put(Pattern.compile("would-create KV namespace (\\S+)"), "cf.plan.kv.create");
        SHAPES.put(Pattern.compile("(?:exists|created) KV namespace (\\S+)"), "cf.plan.kv.reuse");
        SHAPES.put(Pattern.compile("would-create R2 bucket (\\S+)"), "cf.plan.r2.create");
        SHAPES.put(Pattern.compile("(?:exists|created) R2 bucket (\\S+)"), "cf.plan.r2.reuse");
        SHAPES.put(Pattern.compile("use (\\S+)\\.workers\\.dev"), "cf.plan.subdomain");
        SHAPES.put(Pattern.compile("STOP: the account has no workers\\.dev subdomain yet"), "cf.plan.subdomain.none");
        SHAPES.put(Pattern.compile("fetch the engine from the engine built into this app"), "cf.plan.fetch.builtin");
        SHAPES.put(Pattern.compile("fetch the engine from (.+)"), "cf.plan.fetch");
        SHAPES.put(Pattern.compile("keep this install's keys"), "cf.plan.keys.keep");
        SHAPES.put(Pattern.compile("generate an api key and an encryption key"), "cf.plan.keys.new");
        SHAPES.put(Pattern.compile("deploy (\\S+), then (\\S+), with their secrets"), "cf.plan.deploy");
        SHAPES.put(Pattern.compile("load the bundle's recipes and component contracts"), "cf.plan.seed");
        SHAPES.put(Pattern.compile("create (.+)"), "cf.plan.config.create");
        SHAPES.put(Pattern.compile("update (.+)"), "cf.plan.config.update");
    }

    private PlanText() {}

    static String localize(String action, I18n i18n) {
        for (var shape : SHAPES.entrySet()) {
            Matcher m = shape.getKey().matcher(action);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return i18n.get(shape.getValue(), args);
            }
        }
        return action;
    }
}
