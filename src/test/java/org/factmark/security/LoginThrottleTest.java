package org.factmark.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    private void fail(String account, String client, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, client);
        }
    }

    @Test
    void five_wrong_passwords_pass_and_then_the_wait_doubles_with_each_further_one() {
        fail("alice", "10.0.0.1", 5);
        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).isEmpty();

        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).contains(now.plusSeconds(1));
        fail("alice", "10.0.0.1", 3);
        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).contains(now.plusSeconds(8));
        fail("alice", "10.0.0.1", 20);
        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).contains(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void the_same_account_from_another_client_is_not_held_up_by_one_guesser() {
        fail("Alice", "10.0.0.1", 10);

        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).isPresent();
        assertThat(throttle.refusedUntil("alice", "10.0.0.2")).isEmpty();
    }

    @Test
    void one_client_trying_many_accounts_is_stopped_after_ten_failures() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertThat(throttle.refusedUntil("someone-else", "10.0.0.1")).isEmpty();

        throttle.failed("user10", "10.0.0.1");

        assertThat(throttle.refusedUntil("someone-else", "10.0.0.1")).contains(now.plusSeconds(1));
        assertThat(throttle.refusedUntil("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void many_clients_guessing_one_account_hold_it_up_for_half_a_minute_at_most() {
        for (int i = 0; i < 200; i++) {
            throttle.failed("alice", "10.0.1." + i);
        }

        assertThat(throttle.refusedUntil("alice", "192.168.1.1")).contains(now.plusSeconds(30));
        now = now.plusSeconds(31);
        assertThat(throttle.refusedUntil("alice", "192.168.1.1")).isEmpty();
    }

    @Test
    void signing_in_to_ones_own_account_between_guesses_does_not_reset_the_count_for_other_accounts() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                throttle.failed("victim" + i, "10.0.0.1");
            }
            throttle.succeeded("mallory", "10.0.0.1");
        }

        assertThat(throttle.refusedUntil("victim9", "10.0.0.1")).isPresent();
        assertThat(throttle.refusedUntil("mallory", "10.0.0.1")).as("their own account still opens").isEmpty();
    }

    @Test
    void an_ipv6_client_counts_as_its_whole_64_block() {
        for (int i = 0; i < 11; i++) {
            throttle.failed("user" + i, "2001:db8:1:2:0:0:0:" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.refusedUntil("someone-else", "2001:db8:1:2:ffff:1:2:3")).isPresent();
        assertThat(throttle.refusedUntil("someone-else", "2001:db8:1:3::1")).isEmpty();
    }

    @Test
    void guesses_from_rotating_addresses_never_keep_the_owner_out_where_they_signed_in_before() {
        throttle.succeeded("alice", "10.0.0.7");
        for (int i = 0; i < 200; i++) {
            now = now.plusSeconds(30);
            throttle.failed("alice", "10.0.1." + i);
        }

        assertThat(throttle.refusedUntil("alice", "10.0.0.7")).isEmpty();
        assertThat(throttle.refusedUntil("alice", "192.168.1.1")).as("a new address still waits, 30 s at most")
                .contains(now.plusSeconds(30));
        fail("alice", "10.0.0.7", 6);
        assertThat(throttle.refusedUntil("alice", "10.0.0.7")).as("but guessing there counts").isPresent();
    }

    @Test
    void a_successful_sign_in_and_an_hour_without_failures_both_reset_the_counters() {
        fail("alice", "10.0.0.1", 6);
        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.refusedUntil("alice", "10.0.0.1")).isEmpty();

        fail("bob", "10.0.0.1", 8);
        now = now.plus(Duration.ofMinutes(61));
        throttle.failed("bob", "10.0.0.1");
        assertThat(throttle.refusedUntil("bob", "10.0.0.1")).isEmpty();
    }
}
