package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import org.junit.jupiter.api.Test;

class InstallOptionsTest {
    private static InstallOptions withPrefix(String prefix) {
        return new InstallOptions(Target.CLOUDFLARE, null, null, prefix, null, null, null, false, false);
    }

    @Test
    void thePrefixNamesTheInstallAndItsWorkers() {
        assertThat(withPrefix(null).name()).isEqualTo("cloudflare");
        assertThat(withPrefix("team2-").name()).isEqualTo("cloudflare-team2");
        assertThat(WorkerNames.deployed("arcrun-registry", "team2-")).isEqualTo("team2-registry");
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-")).isEqualTo("arcrun-registry");
    }

    @Test
    void aPrefixThatWouldLeaveTheEngineWorkersUnrenamedIsRefused() {
        for (String p : new String[] {"arcrun", "a", "arc"}) {
            assertThatThrownBy(() -> withPrefix(p)).as(p).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("too close to the default");
        }
        assertThat(withPrefix("arcade-").prefix()).isEqualTo("arcade-");
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-team2-")).isEqualTo("arcrun-team2-registry");
    }

    /**
     * Over a generated set of prefixes (every beginning of the engine's worker names, look-alikes and random ones):
     * each accepted prefix gives both workers names that no other accepted prefix — nor the default install —
     * gives, and a resumed run (which sees the names an earlier injection wrote) keeps them.
     */
    @Test
    void everyAcceptedPrefixGivesWorkerNamesOfItsOwn() {
        java.util.Set<String> prefixes = new java.util.TreeSet<>();
        for (String w : WorkerNames.ENGINE_WORKERS) {
            for (int i = 1; i <= w.length(); i++) {
                prefixes.add(w.substring(0, i));
                prefixes.add(w.substring(0, i) + "-");
                prefixes.add(w.substring(0, i) + "2-");
            }
        }
        prefixes.addAll(java.util.List.of("team2-", "team2", "arcrun-team2-", "registry-", "cypher-", "r", "c-"));
        java.util.Random random = new java.util.Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        while (prefixes.size() < 400) {
            StringBuilder p = new StringBuilder("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)) + "");
            for (int n = random.nextInt(12); n > 0; n--) {
                p.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            prefixes.add(p.toString());
        }

        java.util.Map<String, String> owner = new java.util.HashMap<>();
        WorkerNames.ENGINE_WORKERS.forEach(w -> owner.put(w, "arcrun-"));
        int accepted = 0;
        for (String prefix : prefixes) {
            InstallOptions options;
            try {
                options = withPrefix(prefix);
            } catch (UserFacingException refused) {
                continue;
            }
            if (options.prefix().equals("arcrun-")) {
                continue;
            }
            accepted++;
            for (String worker : WorkerNames.ENGINE_WORKERS) {
                String name = WorkerNames.deployed(worker, options.prefix());
                assertThat(WorkerNames.deployed(name, options.prefix())).as("resumed with %s", prefix).isEqualTo(name);
                String earlier = owner.putIfAbsent(name, prefix);
                assertThat(earlier).as("%s for prefix %s is also the name for prefix %s", name, prefix, earlier).isNull();
            }
        }
        assertThat(accepted).isGreaterThan(300);
        for (String p : new String[] {"arcrun-r", "arcrun-cypher-", "arcrun-registry", "arcrun-c"}) {
            assertThatThrownBy(() -> withPrefix(p)).as(p).isInstanceOf(UserFacingException.class);
        }
    }
}
