package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.plan.Planner;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.SilentEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Calls against endpoints that hang, refuse or speak the wrong protocol end in bounded time with one clear line, over
 * either HTTP client.
 */
class UnresponsiveEndpointTest {
    /** Far above what the bounded calls take, far below what an unbounded one took (275 s). */
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private static Target.Endpoint endpoint(URI uri) {
        return new Target.Endpoint(uri, Optional.empty(), Optional.empty());
    }

    private static TargetException plan(HttpStack http, Target target, CallTimeouts timeouts, RunDeadline deadline) {
        try (DynamoDbClient client = DynamoDbClients.create(target, timeouts, http)) {
            return catchThrowableOfType(
                    () -> new Planner(client, 4).plan(DefaultSpec.seedScenario(), deadline), TargetException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void describeTable_failsWithOneLineNamingTheEndpoint_whenEndpointNeverAnswers(HttpStack http) {
        try (SilentEndpoint silent = new SilentEndpoint()) {
            long start = System.nanoTime();

            TargetException e = plan(
                    http, endpoint(silent.uri()), CallTimeouts.perAttempt(Duration.ofSeconds(1)), RunDeadline.none());

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(TargetException.Kind.NO_ANSWER);
            assertThat(e.getMessage())
                    .doesNotContain("\n")
                    .startsWith("DescribeTable ")
                    .contains(" on endpoint " + silent.uri() + " failed: no answer within ")
                    .contains("--request-timeout");
            assertThat(silent.accepted()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void describeTable_endsBeforeTheRunDeadline_whenEndpointNeverAnswers(HttpStack http) {
        try (SilentEndpoint silent = new SilentEndpoint()) {
            long start = System.nanoTime();

            // The client alone would wait 3 x 60 s; the deadline allows 2 s.
            TargetException e = plan(
                    http,
                    endpoint(silent.uri()),
                    CallTimeouts.perAttempt(Duration.ofSeconds(60)),
                    RunDeadline.in(Duration.ofSeconds(1), Duration.ofSeconds(2)));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
            assertThat(e.kind()).isEqualTo(TargetException.Kind.NO_ANSWER);
            assertThat(e.getMessage()).contains("on endpoint " + silent.uri() + " failed: no answer within");
        }
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void describeTable_saysCannotConnect_whenNothingListens(HttpStack http) {
        URI dead = URI.create("http://127.0.0.1:" + Dynalite.freePort());

        TargetException e = plan(http, endpoint(dead), CallTimeouts.defaults(), RunDeadline.none());

        assertThat(e.kind()).isEqualTo(TargetException.Kind.UNREACHABLE);
        assertThat(e.getMessage())
                .doesNotContain("\n")
                .contains("on endpoint " + dead + " failed: cannot connect (Connection refused);")
                .contains("check that the endpoint is running");
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void describeTable_saysUseHttp_whenHttpsUrlPointsAtAPlainHttpPort(HttpStack http) {
        URI https = URI.create("https://127.0.0.1:" + Dynalite.target().port());

        TargetException e = plan(http, endpoint(https), CallTimeouts.defaults(), RunDeadline.none());

        assertThat(e.kind()).isEqualTo(TargetException.Kind.TLS);
        assertThat(e.getMessage())
                .doesNotContain("\n")
                .contains("on endpoint " + https + " failed: the TLS handshake failed")
                .contains("use http:// instead of https://");
    }

    @ParameterizedTest
    @EnumSource(HttpStack.class)
    void errors_neverShowThePasswordOfTheEndpointUrl(HttpStack http) {
        URI withPassword = URI.create("http://admin:secret@127.0.0.1:" + Dynalite.freePort());

        TargetException e = plan(http, endpoint(withPassword), CallTimeouts.defaults(), RunDeadline.none());

        assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("admin");
        assertThat(endpoint(withPassword).describe()).isEqualTo("endpoint http://127.0.0.1:" + withPassword.getPort());
        assertThat(endpoint(withPassword).toString()).doesNotContain("secret");
    }
}
