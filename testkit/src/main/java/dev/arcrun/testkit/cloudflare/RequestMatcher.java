package dev.arcrun.testkit.cloudflare;

import java.util.regex.Pattern;

/**
 * Selects requests by method (null: any) and a regular expression over the path below /client/v4.
 */
public record RequestMatcher(String method, Pattern path) {

    public static RequestMatcher any() {
        return new RequestMatcher(null, Pattern.compile(".*"));
    }

    public static RequestMatcher of(String method, String pathRegex) {
        return new RequestMatcher(method, Pattern.compile(pathRegex));
    }

    public boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }
}
