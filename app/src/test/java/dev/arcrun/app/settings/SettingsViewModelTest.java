package dev.arcrun.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.app.theme.ThemeManager;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir Path folder;

    @Test
    void theLanguageWaitsWhileAnInstallRunsBecauseSwitchingRebuildsItsPage() {
        I18n i18n = new I18n(Locale.ENGLISH);
        SettingsViewModel vm = new SettingsViewModel(i18n, new ThemeManager(), folder, () -> true);

        vm.languageProperty().set(Locale.TRADITIONAL_CHINESE);

        assertThat(vm.languageProperty().get()).isEqualTo(Locale.ENGLISH);
        assertThat(i18n.get("nav.home")).isEqualTo("Start");
        assertThat(vm.errorProperty().get()).contains("once the running install");
        assertThat(AppSettings.load(folder).language()).as("nothing saved").isNull();
    }

    @Test
    void aChosenLanguageIsSpokenAtOnceAndSaved() {
        I18n i18n = new I18n(Locale.ENGLISH);
        SettingsViewModel vm = new SettingsViewModel(i18n, new ThemeManager(), folder, () -> false);

        vm.languageProperty().set(Locale.TRADITIONAL_CHINESE);

        assertThat(i18n.get("nav.home")).isEqualTo("開始");
        assertThat(i18n.core().locale().getLanguage()).as("core's catalog follows").isEqualTo("zh");
        assertThat(AppSettings.load(folder).locale(Locale.ENGLISH)).isEqualTo(Locale.TRADITIONAL_CHINESE);
    }
}
