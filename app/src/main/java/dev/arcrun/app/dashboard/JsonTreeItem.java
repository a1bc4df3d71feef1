package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A JSON value as a tree node whose children are made only when it is first expanded, so a 15 MB trace opens as
 * fast as a small one: only what the user unfolds is ever turned into nodes. A long list shows its first
 * {@value #MAX_CHILDREN} entries and says how many more there are.
 */
final class JsonTreeItem extends TreeItem<String> {
    static final int MAX_CHILDREN = 500;
    private static final int MAX_SCALAR = 300;

    private final JsonNode node;
    private boolean built;

    JsonTreeItem(String key, JsonNode node) {
        super(label(key, node));
        this.node = node;
    }

    static String label(String key, JsonNode n) {
        String prefix = key == null ? "" : key + ": ";
        if (n == null || n.isNull() || n.isMissingNode()) {
            return prefix + "null";
        }
        if (n.isObject()) {
            return prefix + "{" + n.size() + "}";
        }
        if (n.isArray()) {
            return prefix + "[" + n.size() + "]";
        }
        String text = n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
        return prefix + (text.length() <= MAX_SCALAR ? text : text.substring(0, MAX_SCALAR - 1) + "…");
    }

    @Override
    public boolean isLeaf() {
        return node == null || !node.isContainerNode() || node.isEmpty();
    }

    @Override
    public ObservableList<TreeItem<String>> getChildren() {
        if (!built) {
            built = true;
            super.getChildren().setAll(children());
        }
        return super.getChildren();
    }

    private List<TreeItem<String>> children() {
        List<TreeItem<String>> out = new ArrayList<>();
        if (node == null || !node.isContainerNode()) {
            return out;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext() && out.size() < MAX_CHILDREN) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.add(new JsonTreeItem(f.getKey(), f.getValue()));
            }
        } else {
            for (int i = 0; i < node.size() && out.size() < MAX_CHILDREN; i++) {
                out.add(new JsonTreeItem("[" + i + "]", node.get(i)));
            }
        }
        if (node.size() > MAX_CHILDREN) {
            out.add(new TreeItem<>("… +" + (node.size() - MAX_CHILDREN)));
        }
        return out;
    }
}
