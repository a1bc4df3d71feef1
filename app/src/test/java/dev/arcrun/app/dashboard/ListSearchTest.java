package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.WorkflowSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Credentials and Workflows lists narrow to the names holding every word typed, in any letter case. */
class ListSearchTest {

    @Test
    void credentialsNarrowByNameAndAClearedSearchShowsAllAgain() {
        var vm = new CredentialsViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), I18N);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        vm.show(List.of(new CredentialInfo("openai_api_key", t, t), new CredentialInfo("github_token", t, t),
                new CredentialInfo("telegram_bot_token", t, t)));

        vm.queryProperty().set("TOKEN");
        assertThat(vm.shown()).extracting(CredentialInfo::name).containsExactly("github_token", "telegram_bot_token");
        vm.queryProperty().set("bot token");
        assertThat(vm.shown()).extracting(CredentialInfo::name).containsExactly("telegram_bot_token");
        vm.queryProperty().set("nothing");
        assertThat(vm.shown()).isEmpty();
        assertThat(ListState.placeholder(vm.stateProperty().getValue(), I18N, "dashboard.creds.empty", "dashboard.search.none"))
                .isEqualTo("Nothing matches the search.");
        vm.queryProperty().set("");
        assertThat(vm.shown()).hasSize(3);
    }

    @Test
    void workflowsNarrowByName() {
        var vm = new WorkflowsViewModel(EXECUTOR, ViewModelFixture.connectedNowhere(), I18N);
        vm.show(List.of(new WorkflowSummary("hello", "", 3, null), new WorkflowSummary("github_issue_count", "", 2, null)), null);
        vm.queryProperty().set("git");
        assertThat(vm.shown()).extracting(WorkflowSummary::name).containsExactly("github_issue_count");
    }
}
