package dev.arcrun.app.shell;

import dev.arcrun.app.theme.AppStyles;
import dev.arcrun.app.common.I18n;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's frame: a sidebar that orders the pages and the page being shown. It knows nothing of any page. */
public final class MainWindow extends BorderPane {
    private final Map<String, Node> built = new HashMap<>();
    private final Map<String, ToggleButton> buttons = new HashMap<>();
    private final ReadOnlyStringWrapper currentPage = new ReadOnlyStringWrapper("");
    /** The page, under an optional banner (see {@link #banner(Node)}) that spans the page's width. */
    private final BorderPane content = new BorderPane();

    public MainWindow(I18n i18n, List<Page> pages) {
        Label brand = new Label(i18n.get("app.brand"));
        brand.getStyleClass().add(AppStyles.APP_TITLE);
        VBox sidebar = new VBox(brand);
        sidebar.getStyleClass().add(AppStyles.APP_SIDEBAR);
        sidebar.setPrefWidth(210);
        ToggleGroup group = new ToggleGroup();
        for (Page page : pages) {
            ToggleButton b = new ToggleButton(i18n.get(page.labelKey()), new FontIcon(page.icon()));
            b.setId("nav-" + page.id());
            b.getStyleClass().add(AppStyles.NAV_BUTTON);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(group);
            b.setOnAction(e -> show(page));
            buttons.put(page.id(), b);
            sidebar.getChildren().add(b);
        }
        // A selected nav button stays selected: clicking it again must not leave the window without a page.
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        setLeft(sidebar);
        setCenter(content);
        if (!pages.isEmpty()) {
            show(pages.getFirst());
        }
    }

    /** Shows the page with this id, as if its nav button was clicked. */
    public void show(String id) {
        ToggleButton b = buttons.get(id);
        if (b != null) {
            b.fire();
        }
    }

    /** Shows {@code banner} above every page (e.g. "your install stopped, finish it"); it sizes itself. */
    public void banner(Node banner) {
        content.setTop(banner);
    }

    /** The id of the page being shown. */
    public ReadOnlyStringProperty currentPageProperty() {
        return currentPage.getReadOnlyProperty();
    }

    private void show(Page page) {
        buttons.get(page.id()).setSelected(true);
        currentPage.set(page.id());
        content.setCenter(built.computeIfAbsent(page.id(), k -> page.view().get()));
    }
}
