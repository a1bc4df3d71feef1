package dev.arcrun.core.bundle;

import dev.arcrun.core.bundle.BundleRefusedException.Detail;
import dev.arcrun.core.bundle.BundleRefusedException.Reason;
import java.util.HashMap;
import java.util.Map;

/**
 * Every path an archive has put down so far, keyed case- and normalisation-insensitively, so duplicates, case
 * collisions and entries that would pass through a file or a link are caught before anything is written.
 */
final class EntryRegistry {
    enum Kind { DIR, FILE, LINK }

    private record Node(String name, Kind kind, boolean explicit) {}

    private final Map<String, Node> nodes = new HashMap<>();
    private String firstTop;
    private boolean singleTopDir = true;

    /** Records {@code rel} (and its parent folders); refuses what cannot coexist with what came before. */
    void add(String raw, String rel, Kind kind) {
        int lastSlash = rel.lastIndexOf('/');
        // A parent folder seen before, spelt the same, was checked with all its ancestors back then.
        if (lastSlash > 0 && !isKnownDir(rel.substring(0, lastSlash))) {
            addParents(raw, rel);
        }
        String key = EntryNames.foldKey(rel);
        Node n = nodes.get(key);
        if (n == null) {
            nodes.put(key, new Node(rel, kind, true));
            noteTop(rel, kind);
            return;
        }
        if (!n.name.equals(rel)) {
            throw collision(raw, n.name);
        }
        if (n.kind == Kind.DIR && kind == Kind.DIR && !n.explicit) {
            nodes.put(key, new Node(rel, kind, true));
            return;
        }
        if (n.kind == Kind.DIR && kind != Kind.DIR && !n.explicit) {
            throw new BundleRefusedException(Reason.TYPE_CONFLICT, raw, Detail.ALSO_FOLDER);
        }
        throw new BundleRefusedException(Reason.DUPLICATE, raw, Detail.TWICE);
    }

    private boolean isKnownDir(String dir) {
        Node n = nodes.get(EntryNames.foldKey(dir));
        return n != null && n.kind == Kind.DIR && n.name.equals(dir);
    }

    private void addParents(String raw, String rel) {
        int slash = -1;
        while ((slash = rel.indexOf('/', slash + 1)) >= 0) {
            String parent = rel.substring(0, slash);
            String key = EntryNames.foldKey(parent);
            Node n = nodes.get(key);
            if (n == null) {
                nodes.put(key, new Node(parent, Kind.DIR, false));
                noteTop(parent, Kind.DIR);
            } else if (n.kind != Kind.DIR) {
                throw new BundleRefusedException(Reason.TYPE_CONFLICT, raw,
                        n.kind == Kind.LINK ? Detail.INSIDE_LINK : Detail.INSIDE_FILE, n.name);
            } else if (!n.name.equals(parent)) {
                throw collision(raw, n.name);
            }
        }
    }

    /** True when {@code rel} was extracted as a regular file (hard links may only point at those). */
    boolean isFile(String rel) {
        Node n = nodes.get(EntryNames.foldKey(rel));
        return n != null && n.kind == Kind.FILE && n.name.equals(rel);
    }

    /** The one top-level folder every entry sits under, or null when there is not exactly one. */
    String sharedTopFolder() {
        return singleTopDir && firstTop != null ? firstTop : null;
    }

    private void noteTop(String rel, Kind kind) {
        if (rel.indexOf('/') >= 0) {
            return;
        }
        if (firstTop == null && kind == Kind.DIR) {
            firstTop = rel;
        } else {
            singleTopDir = false;
        }
    }

    private static BundleRefusedException collision(String raw, String existing) {
        return new BundleRefusedException(Reason.CASE_COLLISION, raw, Detail.CASE_COLLISION, existing);
    }
}
