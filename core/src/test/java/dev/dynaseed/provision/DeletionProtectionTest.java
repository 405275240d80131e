package dev.dynaseed.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.pipeline.ApplyOptions;
import dev.dynaseed.pipeline.Pipeline;
import dev.dynaseed.seed.SeedProgress;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.testing.Dynalite;
import dev.dynaseed.testing.Specs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * destroy and deletion protection. dynalite ignores DeletionProtectionEnabled, so the protection is put on the wire
 * by interceptors: one that reports it on in DescribeTable answers, one that answers DeleteTable as DynamoDB answers
 * a protected table.
 */
class DeletionProtectionTest {
    private static final String PROTECTED_MESSAGE =
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection"
                    + " first.";

    /** Says deletion protection is on in every DescribeTable answer, and counts the DeleteTable requests sent. */
    static final class ProtectionOn implements ExecutionInterceptor {
        final AtomicInteger deletes = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof DeleteTableRequest) {
                deletes.incrementAndGet();
            }
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (context.response() instanceof DescribeTableResponse response) {
                return response.toBuilder()
                        .table(response.table().toBuilder()
                                .deletionProtectionEnabled(true)
                                .build())
                        .build();
            }
            return context.response();
        }
    }

    /**
     * Answers DeleteTable with DynamoDB's ValidationException for a protected table. The request is pointed at a
     * table that does not exist, so the engine deletes nothing, and its answer is replaced.
     */
    static final class DeleteRefused implements ExecutionInterceptor {
        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof DeleteTableRequest request) {
                return request.toBuilder()
                        .tableName("no_such_table_" + System.nanoTime())
                        .build();
            }
            return context.request();
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return isDelete(context)
                    ? context.httpResponse().toBuilder().statusCode(400).build()
                    : context.httpResponse();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(
                Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!isDelete(context)) {
                return context.responseBody();
            }
            String body = "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\""
                    + PROTECTED_MESSAGE + "\"}";
            return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }

        private static boolean isDelete(Context.ModifyHttpResponse context) {
            return context.request() instanceof DeleteTableRequest;
        }
    }

    private static Spec created() {
        Spec spec = Specs.withUniqueNames(
                new Spec(List.of(DefaultSpec.seedScenario().tables().get(0))));
        new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).apply(spec, SeedProgress.NONE);
        return spec;
    }

    private static boolean exists(String table) {
        // Every page: the shared engine holds more than the 100 tables of a first page.
        return Dynalite.client().listTablesPaginator().tableNames().stream().anyMatch(table::equals);
    }

    @Test
    void destroy_refusesATableWithDeletionProtection_withoutSendingDeleteTable_andSaysHowToLiftIt() {
        Spec spec = created();
        String table = spec.tableNames().get(0);
        ProtectionOn protection = new ProtectionOn();
        DynamoDbClient client = Dynalite.client(protection);

        Map<String, DestroyOutcome> outcomes = new Pipeline(client, "test", ApplyOptions.defaults()).destroy(spec);

        assertThat(outcomes.get(table).kind()).isEqualTo(DestroyOutcome.Kind.FAILED);
        assertThat(outcomes.get(table).error().orElseThrow())
                .isEqualTo("refused: " + table + " has deletion protection enabled, so it was not deleted; to delete"
                        + " it, turn the protection off first (aws dynamodb update-table --table-name " + table
                        + " --no-deletion-protection-enabled, or set deletionProtection: false on the table in the"
                        + " spec and run dynaseed apply), then run destroy again");
        assertThat(protection.deletes.get()).isZero();
        assertThat(exists(table)).isTrue();
    }

    @Test
    void destroy_givesTheSameRefusal_whenDynamoDbRefusesDeleteTableForProtection() {
        Spec spec = created();
        String table = spec.tableNames().get(0);
        DynamoDbClient client = Dynalite.client(new DeleteRefused());

        Map<String, DestroyOutcome> outcomes = new Pipeline(client, "test", ApplyOptions.defaults()).destroy(spec);

        assertThat(outcomes.get(table)).isEqualTo(DeletionProtection.refused(table));
        assertThat(exists(table)).isTrue();
    }

    @Test
    void destroy_deletesAsBefore_whenProtectionIsOff() {
        Spec spec = created();
        String table = spec.tableNames().get(0);

        Map<String, DestroyOutcome> outcomes =
                new Pipeline(Dynalite.client(), "test", ApplyOptions.defaults()).destroy(spec);

        assertThat(outcomes.get(table)).isEqualTo(new DestroyOutcome.Deleted());
        assertThat(exists(table)).isFalse();
    }
}
