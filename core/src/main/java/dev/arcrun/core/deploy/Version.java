package dev.arcrun.core.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** major.minor.patch, enough to compare Node and wrangler versions ("v22.12.0", "4.164.0", "⛅️ wrangler 4.1.0"). */
record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** The first x.y.z in the text; throws when there is none. */
    static Version parse(String text) {
        Matcher m = SEMVER.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("no version number in '" + text + "'");
        }
        return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    boolean atLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) c = Integer.compare(minor, o.minor);
        if (c == 0) c = Integer.compare(patch, o.patch);
        return c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
