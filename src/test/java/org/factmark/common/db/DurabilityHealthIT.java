package org.factmark.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.factmark.IntegrationTest;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DurabilityHealthIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void admins_see_which_durability_settings_are_in_force() {
        var response = api.get("/actuator/health", "admin", "demo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode durability = JSON.readTree(response.body()).at("/components/durability/details");
        assertThat(durability.path("embedded").asBoolean()).isTrue();
        // The tests' throw-away cluster skips fsync and synchronous commit, and says so.
        assertThat(durability.path("fsync").asString()).isEqualTo("off");
        assertThat(durability.path("synchronous_commit").asString()).isEqualTo("off");
        assertThat(durability.path("full_page_writes").asString()).isEqualTo("on");
        assertThat(durability.path("durable").asBoolean()).isFalse();
    }

    @Test
    void anyone_else_sees_only_the_status() {
        assertOnlyTheStatus(api.get("/actuator/health", null, null).body());
        assertOnlyTheStatus(api.get("/actuator/health", "alice", "demo").body());
        assertOnlyTheStatus(api.get("/actuator/health", "editor", "demo").body());
    }

    /** The status, and the names of the probe groups (liveness, readiness): no component, no detail. */
    private static void assertOnlyTheStatus(String health) {
        JsonNode answer = JSON.readTree(health);
        assertThat(answer.path("status").asString()).isEqualTo("UP");
        assertThat(answer.propertyNames()).containsOnly("status", "groups");
    }
}
