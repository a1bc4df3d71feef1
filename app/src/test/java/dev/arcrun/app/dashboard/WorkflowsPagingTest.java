package dev.arcrun.app.dashboard;

import static dev.arcrun.app.dashboard.ViewModelFixture.EXECUTOR;
import static dev.arcrun.app.dashboard.ViewModelFixture.I18N;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.Target;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the Workflows and Credentials tabs ask the engine for with 10,000 workflows and 2,000 credentials: every
 * request is recorded by a stand-in that pages as {@code engine/openapi.yaml} says (limit, cursor, truncated, prefix;
 * the real engine's paging is {@code EngineFreePlanTest}'s and {@code DashboardPagingRealEngineTest}'s).
 */
class WorkflowsPagingTest {
    private final TreeSet<String> workflows = new TreeSet<>();
    private final TreeSet<String> credentials = new TreeSet<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer engine;
    private ReadOnlyObjectWrapper<Connection> connection;

    @BeforeEach
    void start() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            workflows.add(String.format("wf-%05d", i));
        }
        for (int i = 0; i < 2_000; i++) {
            credentials.add(String.format("cred_%05d", i));
        }
        engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engine.createContext("/", this::answer);
        engine.start();
        String url = "http://127.0.0.1:" + engine.getAddress().getPort();
        EngineClient client = EngineClient.create(new EngineSettings(EngineSettings.parseUrl(url),
                Secret.of("test-api-key"), Secret.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
        connection = new ReadOnlyObjectWrapper<>(new Connection(InstallConfig.create("local", Target.LOCAL).withEngineUrl(url), client));
    }

    @AfterEach
    void stop() {
        engine.stop(0);
    }

    @Test
    void openingTheTabAsksForOnePageAndShowsHowFarTheListGoes() {
        WorkflowsViewModel vm = new WorkflowsViewModel(EXECUTOR, connection, I18N);
        vm.refresh(); // the tab opens

        assertThat(lists("/webhooks/named")).as("one list request, not one per 1,000 workflows").hasSize(1);
        assertThat(vm.workflows()).hasSize(PagedList.PAGE).first().extracting(WorkflowSummary::name).isEqualTo("wf-00000");
        assertThat(vm.moreProperty().get()).isTrue();
        assertThat(vm.countProperty().getValue()).isEqualTo("200 loaded · more on the engine");

        vm.loadMore();
        assertThat(lists("/webhooks/named")).hasSize(2);
        assertThat(vm.workflows()).hasSize(2 * PagedList.PAGE).extracting(WorkflowSummary::name)
                .doesNotHaveDuplicates().isSorted().contains("wf-00399");
    }

    @Test
    void aSearchFindsAWorkflowBeyondTheLoadedPagesWithOneRequest() {
        WorkflowsViewModel vm = new WorkflowsViewModel(EXECUTOR, connection, I18N);
        vm.refresh();
        asked.clear();

        vm.queryProperty().set("wf-09876");
        assertThat(vm.shown()).as("what is loaded is searched at once, and holds no such workflow").isEmpty();
        vm.searchEngine(); // the view calls this once typing pauses

        assertThat(asked).as("one request, by the start of the name").hasSize(1);
        assertThat(asked.getFirst()).contains("prefix=wf-09876");
        assertThat(vm.shown()).extracting(WorkflowSummary::name).containsExactly("wf-09876");
        assertThat(vm.workflows()).as("the rest of the 10,000 stay on the engine").hasSize(PagedList.PAGE + 1);
    }

    @Test
    void addingAndDeletingUpdateTheLoadedRowsWithoutReadingTheListAgain() {
        WorkflowsViewModel vm = new WorkflowsViewModel(EXECUTOR, connection, I18N);
        vm.refresh();
        asked.clear();
        var wf = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", "aaa-new")
                .put("description", "added");
        wf.putArray("steps").addObject().put("id", "a").put("component", "template").putObject("input").put("template", "x");

        vm.tryExample(new Examples.Example("aaa-new", "", wf, null));
        assertThat(vm.workflows().getFirst().name()).isEqualTo("aaa-new");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("aaa-new");

        vm.delete("wf-00001");
        assertThat(vm.workflows()).extracting(WorkflowSummary::name).doesNotContain("wf-00001").hasSize(PagedList.PAGE);
        assertThat(lists("/webhooks/named")).as("no list read after a push or a delete").isEmpty();
        assertThat(asked).containsExactly("POST /webhooks/named", "DELETE /webhooks/named/wf-00001");
    }

    @Test
    void credentialsOpenWithOnePageAndASearchByPrefixFindsOneFurtherOn() {
        CredentialsViewModel vm = new CredentialsViewModel(EXECUTOR, connection, I18N);
        vm.refresh();
        assertThat(lists("/credentials")).hasSize(1);
        assertThat(vm.credentials()).hasSize(PagedList.PAGE);

        vm.queryProperty().set("cred_01999");
        vm.searchEngine();
        assertThat(lists("/credentials")).hasSize(2);
        assertThat(vm.shown()).extracting(c -> c.name()).containsExactly("cred_01999");
    }

    private List<String> lists(String path) {
        return asked.stream().filter(a -> a.startsWith("GET " + path + "?") || a.equals("GET " + path)).toList();
    }

    /** The engine's paging contract: names in order, from after the cursor, at most limit, truncated with a cursor. */
    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        asked.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        String body;
        if (x.getRequestMethod().equals("GET") && (path.equals("/webhooks/named") || path.equals("/credentials"))) {
            boolean wf = path.equals("/webhooks/named");
            Map<String, String> q = params(query);
            int limit = Integer.parseInt(q.getOrDefault("limit", "1000"));
            String prefix = q.getOrDefault("prefix", "");
            List<String> page = new ArrayList<>();
            var from = q.containsKey("cursor") ? (wf ? workflows : credentials).tailSet(q.get("cursor"), false) : (wf ? workflows : credentials);
            boolean truncated = false;
            for (String n : from) {
                if (!n.startsWith(prefix)) {
                    if (n.compareTo(prefix) > 0) break;
                    continue;
                }
                if (page.size() == limit) {
                    truncated = true;
                    break;
                }
                page.add(n);
            }
            StringBuilder items = new StringBuilder();
            for (String n : page) {
                if (!items.isEmpty()) items.append(',');
                items.append(wf ? "{\"name\":\"" + n + "\",\"description\":\"\",\"steps\":1,\"updated_at\":\"2026-01-01T00:00:00Z\"}"
                        : "{\"name\":\"" + n + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}");
            }
            String cursor = truncated ? "\"" + page.getLast() + "\"" : "null";
            body = "{\"success\":true,\"" + (wf ? "workflows" : "credentials") + "\":[" + items + "],\"cursor\":" + cursor
                    + ",\"truncated\":" + truncated + "}";
        } else if (x.getRequestMethod().equals("POST") && path.equals("/webhooks/named")) {
            x.getRequestBody().readAllBytes();
            body = "{\"success\":true}";
        } else if (x.getRequestMethod().equals("DELETE")) {
            workflows.remove(path.substring(path.lastIndexOf('/') + 1));
            body = "{\"success\":true}";
        } else {
            body = "{\"success\":false,\"error\":\"not here\"}";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(404, b.length);
            x.getResponseBody().write(b);
            x.close();
            return;
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("content-type", "application/json");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private static Map<String, String> params(String query) {
        Map<String, String> out = new HashMap<>();
        if (query != null) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
