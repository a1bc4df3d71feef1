package dev.arcrun.app.resume;

import dev.arcrun.app.theme.AppStyles;
import atlantafx.base.theme.Styles;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.config.Target;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One line per unfinished install: where it stopped, "Finish it" and "Not now". Takes no room when there is none. */
public final class ResumeBanner extends VBox {

    public ResumeBanner(ResumeBannerModel model, I18n i18n) {
        setId("resume-banner");
        getStyleClass().add(AppStyles.RESUME_BANNER);
        setSpacing(6);
        managedProperty().bind(visibleProperty());
        Runnable rebuild = () -> {
            getChildren().setAll(model.installs().stream().map(u -> row(model, u, i18n)).toList());
            setVisible(!model.installs().isEmpty());
        };
        model.installs().addListener((ListChangeListener<UnfinishedInstall>) c -> rebuild.run());
        rebuild.run();
    }

    /** "Your install into Cloudflare stopped at “Upload the engine to Cloudflare”." */
    public static String sentence(UnfinishedInstall u, I18n i18n) {
        String step = i18n.core().step(u.stoppedAt());
        return i18n.get(u.target() == Target.LOCAL ? "resume.stopped.local" : "resume.stopped.cloudflare", step, u.name());
    }

    private static Node row(ResumeBannerModel model, UnfinishedInstall u, I18n i18n) {
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add(Styles.WARNING);
        Label text = new Label(sentence(u, i18n));
        text.setId("resume-text-" + u.name());
        text.getStyleClass().add(AppStyles.RESUME_TEXT);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button finish = new Button(i18n.get("resume.finish"), new FontIcon(Feather.PLAY));
        finish.setId("resume-finish-" + u.name());
        finish.getStyleClass().add(Styles.ACCENT);
        finish.setMinWidth(Region.USE_PREF_SIZE);
        finish.setOnAction(e -> model.finish(u));
        Button later = new Button(i18n.get("resume.later"));
        later.setId("resume-later-" + u.name());
        later.getStyleClass().add(Styles.FLAT);
        later.setMinWidth(Region.USE_PREF_SIZE);
        later.setOnAction(e -> model.dismiss(u));
        HBox row = new HBox(12, icon, text, finish, later);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
