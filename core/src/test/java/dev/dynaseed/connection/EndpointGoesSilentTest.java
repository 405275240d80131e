package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.report.Report;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.SilentEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A seed whose endpoint stops answering part-way ends in about one call timeout, with every item accounted for. */
class EndpointGoesSilentTest {
    /** Sends BatchWriteItem requests after the first {@code answered} to a port that never answers. */
    static final class GoesSilent implements ExecutionInterceptor {
        private final AtomicInteger batches = new AtomicInteger();
        private final int answered;
        private final int silentPort;

        GoesSilent(int answered, int silentPort) {
            this.answered = answered;
            this.silentPort = silentPort;
        }

        @Override
        public SdkHttpRequest modifyHttpRequest(
                Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
            boolean batch =
                    "BatchWriteItem".equals(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            if (batch && batches.incrementAndGet() > answered) {
                return context.httpRequest().toBuilder().port(silentPort).build();
            }
            return context.httpRequest();
        }
    }

    @Test
    void seed_endsInAboutOneCallTimeout_whenTheEndpointStopsAnsweringMidSeed() {
        String table = Dynalite.uniqueTableName("silent_mid_seed");
        Spec spec = SpecReader.read(
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 10000, attributes: {id: uuid4}}\n",
                SpecReader.SpecFormat.YAML,
                "test");
        try (SilentEndpoint silent = new SilentEndpoint();
                DynamoDbClient client = DynamoDbClients.create(
                        Dynalite.target(),
                        CallTimeouts.perAttempt(Duration.ofSeconds(10)),
                        List.of(new GoesSilent(20, silent.port())))) {
            Report report = new Pipeline(client, "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);

            // The 10 s attempt timeout leaves the 20 answered batches room on a busy machine. Without the guard
            // each of the 380 unanswered batches waited for its own timeout (a connection each); with it, only
            // the requests in flight when the endpoint went silent, and one probe per guard window, reach it.
            SeedOutcome seed = report.tables().get(0).seed();
            assertThat(seed.written()).isEqualTo(500);
            assertThat(seed.written() + seed.failed() + seed.skipped()).isEqualTo(10_000);
            assertThat(seed.failed()).isEqualTo(9_500);
            assertThat(seed.errors())
                    .as("each reason once, plainly")
                    .containsExactly("not sent: an earlier request to "
                            + Dynalite.target().describe()
                            + " got no answer within 10 s (one attempt); nothing is sent there for 30 s"
                            + " after that");
            assertThat(silent.accepted()).isPositive().isLessThan(40);
        }
    }
}
