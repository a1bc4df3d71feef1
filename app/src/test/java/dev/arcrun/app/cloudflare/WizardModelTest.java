package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.junit.jupiter.api.Test;

class WizardModelTest {
    private final List<String> calls = new ArrayList<>();

    private final class Page implements WizardPage {
        final String name;
        final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
        final ReadOnlyBooleanWrapper back = new ReadOnlyBooleanWrapper(true);

        Page(String name) { this.name = name; }

        @Override public void enter() { calls.add("enter " + name); }

        @Override public void commit() { calls.add("commit " + name); }

        @Override public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

        @Override public ReadOnlyBooleanProperty backAllowedProperty() { return back.getReadOnlyProperty(); }
    }

    @Test
    void nextNeedsAValidPageCommitsItAndEntersTheNextBackFollowsThePage() {
        Page a = new Page("a");
        Page b = new Page("b");
        WizardModel wizard = new WizardModel(List.of(a, b));
        wizard.start();
        assertThat(wizard.canNextProperty().get()).isFalse();
        wizard.next();
        assertThat(wizard.indexProperty().get()).isZero();

        a.valid.set(true);
        assertThat(wizard.canNextProperty().get()).isTrue();
        assertThat(wizard.canBackProperty().get()).isFalse();
        wizard.next();
        assertThat(wizard.indexProperty().get()).isEqualTo(1);
        assertThat(calls).containsExactly("enter a", "commit a", "enter b");
        b.valid.set(true);
        assertThat(wizard.canNextProperty().get()).as("the last page has no Next").isFalse();

        b.back.set(false);
        assertThat(wizard.canBackProperty().get()).isFalse();
        b.back.set(true);
        wizard.back();
        assertThat(wizard.current()).isSameAs(a);
        assertThat(calls).endsWith("enter a");
    }
}
