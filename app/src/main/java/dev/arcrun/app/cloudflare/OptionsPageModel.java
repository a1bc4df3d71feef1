package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.cloudflare.ResourceManifest;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.install.InstallOptions;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Page 2: the install's name prefix and where the engine comes from. Validated as the user types, without I/O:
 * a chosen file is read later, in the background, when the plan is made.
 */
public final class OptionsPageModel implements WizardPage {

    public enum SourceKind { BUILTIN, GITHUB, URL, FILE }

    /** Lower-case letters, digits and hyphens: the bucket name (prefix + "components") must be a valid R2 name. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern GITHUB = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}@[A-Za-z0-9._/+-]{1,250}");

    private final InstallDraft draft;
    private final I18n i18n;
    private final StringProperty prefix = new SimpleStringProperty(ResourceManifest.DEFAULT_PREFIX);
    private final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(SourceKind.BUILTIN);
    private final StringProperty github = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper prefixError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

    public OptionsPageModel(InstallDraft draft, I18n i18n) {
        this.draft = draft;
        this.i18n = i18n;
        for (Observable o : new Observable[] {prefix, kind, github, url, file}) {
            o.addListener(x -> validate());
        }
        validate();
    }

    private void validate() {
        String p = prefix.get().strip();
        prefixError.set(PREFIX.matcher(p).matches() ? "" : i18n.get("cf.options.prefix.invalid"));
        sourceError.set(switch (kind.get()) {
            case BUILTIN -> "";
            case GITHUB -> GITHUB.matcher(github.get().strip()).matches() && !github.get().contains("..") ? ""
                    : i18n.get("cf.options.github.invalid");
            case URL -> validUrl(url.get().strip()) ? "" : i18n.get("cf.options.url.invalid");
            case FILE -> {
                String f = file.get().strip().toLowerCase(Locale.ROOT);
                yield f.endsWith(".tar.gz") || f.endsWith(".tgz") || f.endsWith(".tar") ? "" : i18n.get("cf.options.file.invalid");
            }
        });
        boolean ok = prefixError.get().isEmpty() && sourceError.get().isEmpty();
        valid.set(ok);
        // follows the prefix only: a source being typed must not make the page jump under the pointer
        summary.set(prefixError.get().isEmpty() ? i18n.get("cf.options.summary", options().name(), p + "credentials", p + "components") : "");
    }

    private static boolean validUrl(String s) {
        try {
            var uri = java.net.URI.create(s);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What the core pipeline gets as its {@code --source}. */
    String source() {
        return switch (kind.get()) {
            case BUILTIN -> InstallOptions.BUILTIN;
            case GITHUB -> "github:" + github.get().strip();
            case URL -> url.get().strip();
            case FILE -> file.get().strip();
        };
    }

    private InstallOptions options() {
        return new InstallOptions(Target.CLOUDFLARE, null, source(), prefix.get().strip(), null, null, null, false, false);
    }

    /** Finishing a stopped install shows the choices it was started with (what the user typed otherwise stays). */
    @Override
    public void enter() {
        if (!draft.resuming() || draft.prefix() == null) {
            return;
        }
        prefix.set(draft.prefix());
        String s = draft.source() == null ? InstallOptions.BUILTIN : draft.source();
        if (s.equals(InstallOptions.BUILTIN)) {
            kind.set(SourceKind.BUILTIN);
        } else if (s.startsWith("github:")) {
            github.set(s.substring("github:".length()));
            kind.set(SourceKind.GITHUB);
        } else if (s.startsWith("https://")) {
            url.set(s);
            kind.set(SourceKind.URL);
        } else {
            file.set(s);
            kind.set(SourceKind.FILE);
        }
    }

    @Override
    public void commit() {
        draft.options(prefix.get().strip(), source());
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    public StringProperty prefixProperty() { return prefix; }

    public ObjectProperty<SourceKind> kindProperty() { return kind; }

    public StringProperty githubProperty() { return github; }

    public StringProperty urlProperty() { return url; }

    /** The chosen .tar.gz (set by the view's file chooser, or typed). */
    public StringProperty fileProperty() { return file; }

    public ReadOnlyStringProperty prefixErrorProperty() { return prefixError.getReadOnlyProperty(); }

    public ReadOnlyStringProperty sourceErrorProperty() { return sourceError.getReadOnlyProperty(); }

    /** "The install will be called …; it creates arcrun-credentials … and the bucket …". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
