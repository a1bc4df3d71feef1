package dev.arcrun.app.cloudflare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One page of the wizard as the shell sees it (STYLE convention 6): {@link #enter()} when it is shown,
 * {@link #validProperty()} says whether Next may be pressed, {@link #commit()} hands its values on when Next is
 * pressed. The shell only orders pages; everything else lives in the page's view model.
 */
public interface WizardPage {
    /** Shown (again): start what the page needs, e.g. background checks. */
    default void enter() { }

    /** True when the page's input is complete and checked, so Next may be pressed. */
    ReadOnlyBooleanProperty validProperty();

    /** Next was pressed on a valid page: put the page's values into the shared draft. */
    default void commit() { }

    /** False while the page must not be left backwards (e.g. an install is running or finished). */
    default ReadOnlyBooleanProperty backAllowedProperty() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }

    /** The i18n key of the Next button's label on this page. */
    default String nextKey() {
        return "wizard.next";
    }
}
