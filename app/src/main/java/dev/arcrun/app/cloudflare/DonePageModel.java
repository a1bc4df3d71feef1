package dev.arcrun.app.cloudflare;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

/** Page 5: the engine's address, and the health warning when it did not answer yet. */
public final class DonePageModel implements WizardPage {
    private final InstallDraft draft;
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ObservableStringValue installWarning;
    private final ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(false);

    public DonePageModel(InstallDraft draft, ObservableStringValue installWarning) {
        this.draft = draft;
        this.installWarning = installWarning;
    }

    @Override
    public void enter() {
        url.set(draft.engineUrl());
        warning.set(installWarning.get());
    }

    /** The last page: there is no Next. */
    @Override
    public ReadOnlyBooleanProperty validProperty() { return never.getReadOnlyProperty(); }

    @Override
    public ReadOnlyBooleanProperty backAllowedProperty() { return never.getReadOnlyProperty(); }

    public ReadOnlyStringProperty urlProperty() { return url.getReadOnlyProperty(); }

    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
}
