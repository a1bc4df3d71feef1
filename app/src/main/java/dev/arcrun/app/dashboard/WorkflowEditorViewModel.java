package dev.arcrun.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.workflow.WorkflowText;
import dev.arcrun.core.workflow.WorkflowText.Bad;
import dev.arcrun.core.workflow.WorkflowText.Format;
import dev.arcrun.core.workflow.WorkflowText.Good;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The workflow editor: the text the user writes or pastes, in JSON or YAML, checked as they type (core's
 * {@link WorkflowText}, the same check a file gets) and said in plain words with the line and column of the first
 * error. Adding is possible only while the text is a workflow; the data-leaving notice still comes after.
 */
public final class WorkflowEditorViewModel {
    private final I18n i18n;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.JSON);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private JsonNode workflow;

    public WorkflowEditorViewModel(I18n i18n) {
        this.i18n = i18n;
        text.addListener((o, was, now) -> check());
        format.addListener((o, was, now) -> check());
        check();
    }

    private void check() {
        switch (WorkflowText.check(text.get(), format.get() == null ? Format.JSON : format.get())) {
            case Good g -> {
                workflow = g.workflow();
                problem.set(i18n.get("dashboard.editor.ok"));
                valid.set(true);
            }
            case Bad b -> {
                workflow = null;
                valid.set(false);
                problem.set(words(b));
            }
        }
    }

    private String words(Bad b) {
        String language = format.get() == Format.YAML ? "YAML" : "JSON";
        return switch (b.problem()) {
            case EMPTY -> i18n.get("dashboard.editor.problem.empty");
            case SYNTAX -> i18n.get("dashboard.editor.problem.syntax", b.line(), b.column(), language);
            case NOT_AN_OBJECT -> i18n.get("dashboard.editor.problem.not_an_object");
            case NO_NAME -> i18n.get("dashboard.editor.problem.no_name");
            case NO_STEPS -> i18n.get("dashboard.editor.problem.no_steps");
        };
    }

    /** What the user wrote; checked on every change. */
    public StringProperty textProperty() { return text; }

    /** The language the text is read in. */
    public ObjectProperty<Format> formatProperty() { return format; }

    /** The first problem in plain words, or that the text looks right. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** Whether the text is a workflow that may be added. */
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** The parsed workflow while the text is valid, else null. */
    public JsonNode workflow() { return workflow; }
}
