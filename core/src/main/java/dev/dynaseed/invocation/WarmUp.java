package dev.dynaseed.invocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.report.Report;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.report.TableReport;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs an invocation's code once without sending anything, so that loading and initializing its classes (the spec
 * reader, the generators, the SDK's request pipeline, the JSON rendering) happens when the function is built, in
 * Lambda's init phase, and not inside an invocation's remaining time: with a fraction of a core (512 MB) a cold
 * invocation spent seconds of its time on that alone. Nothing random or time-based is kept, so it is safe before a
 * SnapStart snapshot.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Stops every request of the warm-up before it is signed for sending: nothing leaves the process. */
    private static final ExecutionInterceptor NOT_SENT = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new WarmUpStop();
        }
    };

    /** How a warm-up request ends, before transmission. */
    private static final class WarmUpStop extends RuntimeException {
        WarmUpStop() {
            super("warm-up request stopped before it was sent", null, false, false);
        }
    }

    private WarmUp() {}

    static void run(DynamoDbClient client, String target) {
        long started = System.nanoTime();
        Spec spec = SpecReader.read(DefaultSpec.yaml(), SpecReader.SpecFormat.YAML, "warm-up");
        SpecReader.read(
                "{\"tables\": [{\"name\": \"warm_up\", \"partitionKey\": {\"name\": \"id\", \"type\": \"S\"}}]}",
                SpecReader.SpecFormat.JSON,
                "warm-up");
        TableSpec table = spec.tables().get(0);
        ItemGenerator generator = ItemGenerator.forTable(table.name(), table.seed(), 0L, Instant.EPOCH);
        List<WriteRequest> writes = new ArrayList<>();
        for (long i = 0; i < table.seed().count(); i++) {
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(generator.item(i)).build())
                    .build());
        }
        stopped(() -> client.describeTable(r -> r.tableName(table.name())
                .overrideConfiguration(o -> o.addPlugin(
                        config -> config.overrideConfiguration(c -> c.addExecutionInterceptor(NOT_SENT))))));
        stopped(() -> client.batchWriteItem(r -> r.requestItems(Map.of(table.name(), writes))
                .overrideConfiguration(o -> o.addPlugin(
                        config -> config.overrideConfiguration(c -> c.addExecutionInterceptor(NOT_SENT))))));
        Report report = new Report(
                target,
                List.of(new TableReport(
                        table,
                        new TableOutcome.Created(Duration.ZERO),
                        new SeedOutcome(
                                writes.size(), writes.size(), 0, 0, 0, Optional.empty(), List.of(), Duration.ZERO),
                        Duration.ZERO)),
                Duration.ZERO);
        try {
            MAPPER.writeValueAsBytes(new FunctionResponse(200, ReportJson.toJson(report)).toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rendering the warm-up report failed: " + e.getOriginalMessage(), e);
        }
        LOG.debug("warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void stopped(Runnable request) {
        try {
            request.run();
            throw new IllegalStateException("a warm-up request was not stopped before it was sent");
        } catch (SdkException e) {
            if (!(e.getCause() instanceof WarmUpStop)) {
                throw e;
            }
        } catch (WarmUpStop e) {
            LOG.trace("warm-up request stopped before sending, as meant");
        }
    }
}
