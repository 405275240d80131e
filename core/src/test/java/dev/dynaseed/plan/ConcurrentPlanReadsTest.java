package dev.dynaseed.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.plan.EngineCapabilities.Feature;
import dev.dynaseed.plan.EngineCapabilities.Support;
import dev.dynaseed.spec.BillingSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.testing.Dynalite;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The plan's reads sent at once (an endpoint's probes and a table's companion reads together once DescribeTable
 * answered, tables side by side) give what they gave one after another: the same lacking features, the same error for the first call
 * that failed in the fixed order, the same plan in spec order. dynalite behind an interceptor that replaces the
 * answers of chosen operations with DynamoDB's error answers, some of them late.
 */
class ConcurrentPlanReadsTest {
    private static final KeySpec PK = new KeySpec("pk", KeyType.S);
    private static final EngineCapabilities ENDPOINT = EngineCapabilities.endpoint("the endpoint");

    /** An error answer in DynamoDB's format, given after {@code delay}. */
    private record Answer(int status, String type, Duration delay) {
        static Answer unknownOperation() {
            return new Answer(400, "com.amazon.coral.service#UnknownOperationException", Duration.ZERO);
        }

        static Answer accessDenied(Duration delay) {
            return new Answer(400, "com.amazon.coral.service#AccessDeniedException", delay);
        }

        static Answer notFound() {
            return new Answer(400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", Duration.ZERO);
        }

        byte[] body() {
            return ("{\"__type\":\"" + type + "\",\"message\":\"answered by the test\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Replaces the engine's answer to each named operation (the request is sent and answered for real first). */
    private static final class Answers implements ExecutionInterceptor {
        private final Map<String, Answer> answers;
        private final String failsBeforeAnswering;

        Answers(Map<String, Answer> answers) {
            this(answers, "");
        }

        /** {@code failsBeforeAnswering}'s calls fail on the client's side, as a reset connection does. */
        Answers(Map<String, Answer> answers, String failsBeforeAnswering) {
            this.answers = Map.copyOf(answers);
            this.failsBeforeAnswering = failsBeforeAnswering;
        }

        private static String operation(ExecutionAttributes attributes) {
            return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            String operation = operation(attributes);
            if (operation.equals(failsBeforeAnswering)) {
                throw SdkClientException.create("the connection was reset (by the test)");
            }
            Answer answer = answers.get(operation);
            if (answer == null) {
                return context.httpResponse();
            }
            sleep(answer.delay());
            return context.httpResponse().toBuilder()
                    .statusCode(answer.status())
                    .removeHeader("x-amz-crc32")
                    .putHeader("Content-Length", Integer.toString(answer.body().length))
                    .build();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(
                Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            Answer answer = answers.get(operation(attributes));
            return answer == null ? context.responseBody() : Optional.of(new ByteArrayInputStream(answer.body()));
        }

        private static void sleep(Duration delay) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TableDescription existing(String prefix) throws InterruptedException {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName(prefix), PK).build();
        create(table);
        return Dynalite.client().describeTable(r -> r.tableName(table.name())).table();
    }

    private static void create(TableSpec table) throws InterruptedException {
        TableChange change =
                new Planner(Dynalite.client(), 1, EngineCapabilities.localEngine()).change(table, RunDeadline.none());
        StepRunner.run(Dynalite.client(), table.name(), change.steps());
    }

    @Test
    void learn_marksExactlyTheOperationsAnsweredWithUnknownOperationException_asLacking() {
        // dynalite has none of the four; here UpdateContributorInsights is answered as DynamoDB answers it.
        try (DynamoDbClient client =
                Dynalite.client(new Answers(Map.of("UpdateContributorInsights", Answer.notFound())))) {
            EngineCapabilities learnt = new LiveTableReader(client, ENDPOINT).learn(RunDeadline.none());

            assertThat(learnt.support(Feature.TIME_TO_LIVE)).isEqualTo(Support.LACKS);
            assertThat(learnt.support(Feature.POINT_IN_TIME_RECOVERY)).isEqualTo(Support.LACKS);
            assertThat(learnt.support(Feature.RESOURCE_POLICY)).isEqualTo(Support.LACKS);
            assertThat(learnt.support(Feature.CONTRIBUTOR_INSIGHTS)).isNotEqualTo(Support.LACKS);
        }
    }

    @Test
    void read_marksTheReadsAnsweredWithUnknownOperationException_asLacking_andKeepsTheOthers()
            throws InterruptedException {
        TableDescription table = existing("lacking");
        // dynalite lists tags but has no continuous backups, contributor insights or resource policies.
        try (DynamoDbClient client =
                Dynalite.client(new Answers(Map.of("ListTagsOfResource", Answer.unknownOperation())))) {
            LiveTable live = new LiveTableReader(client, ENDPOINT).read(table, RunDeadline.none());

            assertThat(live.lacking())
                    .containsExactlyInAnyOrder(
                            Feature.TAGS,
                            Feature.POINT_IN_TIME_RECOVERY,
                            Feature.CONTRIBUTOR_INSIGHTS,
                            Feature.RESOURCE_POLICY);
            assertThat(live.tags()).isEmpty();
            assertThat(live.timeToLive()).isPresent();
        }
    }

    @Test
    void read_failsWithTheMessageOfThatCallAlone_whenAReadIsAnsweredWithAnotherError() throws InterruptedException {
        TableDescription table = existing("denied");
        String call = "DescribeTimeToLive " + table.tableName();
        try (DynamoDbClient client =
                Dynalite.client(new Answers(Map.of("DescribeTimeToLive", Answer.accessDenied(Duration.ZERO))))) {
            SdkException alone = catchThrowableOfType(
                    () -> client.describeTimeToLive(r -> r.tableName(table.tableName())), SdkException.class);

            TargetException e = catchThrowableOfType(
                    () -> new LiveTableReader(client, ENDPOINT).read(table, RunDeadline.none()), TargetException.class);

            assertThat(e).isNotNull();
            assertThat(e.getMessage())
                    .isEqualTo(TargetException.from(client, call, alone).getMessage())
                    .startsWith(call + " on ")
                    .contains("AccessDeniedException");
        }
    }

    @Test
    void read_namesTheFirstFailedReadInOrder_evenWhenALaterReadFailedSooner() throws InterruptedException {
        TableDescription table = existing("order");
        // DescribeTimeToLive comes first in the order but fails last.
        try (DynamoDbClient client = Dynalite.client(new Answers(Map.of(
                "DescribeTimeToLive", Answer.accessDenied(Duration.ofMillis(300)),
                "ListTagsOfResource", Answer.accessDenied(Duration.ZERO))))) {
            TargetException e = catchThrowableOfType(
                    () -> new LiveTableReader(client, ENDPOINT).read(table, RunDeadline.none()), TargetException.class);

            assertThat(e.getMessage()).startsWith("DescribeTimeToLive " + table.tableName() + " on ");
        }
    }

    /** Holds the first operation's request until the second one's is sent, or 5 s (under an attempt's timeout). */
    private static final class Meeting implements ExecutionInterceptor {
        private final String first;
        private final String second;
        private final CountDownLatch secondSent = new CountDownLatch(1);
        private final AtomicBoolean met = new AtomicBoolean();

        Meeting(String first, String second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (operation.equals(second)) {
                secondSent.countDown();
            } else if (operation.equals(first)) {
                try {
                    met.set(secondSent.await(5, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void read_sendsTheLastCompanionRead_whileTheFirstIsStillUnanswered() throws InterruptedException {
        TableDescription table = existing("together");
        Meeting meeting = new Meeting("DescribeTimeToLive", "GetResourcePolicy");
        try (DynamoDbClient client = Dynalite.client(meeting)) {
            new LiveTableReader(client, ENDPOINT).read(table, RunDeadline.none());

            assertThat(meeting.met).isTrue();
        }
    }

    @Test
    void plan_sendsTheProbes_whileTheCompanionReadsAreStillUnanswered() throws InterruptedException {
        TableDescription existing = existing("probes");
        TableSpec table = TableSpec.builder(existing.tableName(), PK).build();
        Meeting meeting = new Meeting("DescribeTimeToLive", "PutResourcePolicy");
        try (DynamoDbClient client = Dynalite.client(meeting)) {
            new Planner(client, 1, ENDPOINT).plan(new Spec(List.of(table)));

            assertThat(meeting.met).isTrue();
        }
    }

    @Test
    void plan_namesTheProbe_whenAProbeFailsOnTheClientSide() {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName("probe"), PK).build();
        try (DynamoDbClient client = Dynalite.client(new Answers(Map.of(), "UpdateContinuousBackups"))) {
            TargetException e = catchThrowableOfType(
                    () -> new Planner(client, 2, ENDPOINT).plan(new Spec(List.of(table))), TargetException.class);

            assertThat(e.getMessage())
                    .startsWith("UpdateContinuousBackups (asking whether the endpoint has it) on ")
                    .contains("the connection was reset (by the test)");
        }
    }

    @Test
    void plan_sendsNoProbe_whenDescribeTableFails() {
        TableSpec table =
                TableSpec.builder(Dynalite.uniqueTableName("refused"), PK).build();
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        try (DynamoDbClient client =
                Dynalite.client(new Answers(Map.of("DescribeTable", Answer.accessDenied(Duration.ZERO))), recorder)) {
            TargetException e = catchThrowableOfType(
                    () -> new Planner(client, 2, ENDPOINT).plan(new Spec(List.of(table))), TargetException.class);

            assertThat(e.getMessage()).startsWith("DescribeTable " + table.name() + " on ");
            assertThat(sent).containsExactly("DescribeTable");
        }
    }

    @Test
    void plan_ofSeveralTables_isEachTablePlannedAloneOneAfterAnother_inSpecOrder() throws InterruptedException {
        List<TableSpec> tables = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TableSpec table = TableSpec.builder(Dynalite.uniqueTableName("several" + i), PK)
                    .billing(new BillingSpec.Provisioned(5, 5))
                    .tag("index", Integer.toString(i))
                    .build();
            // Missing, matching, and changed (capacity, in place) tables, interleaved.
            if (i % 3 != 0) {
                create(table);
            }
            tables.add(
                    i % 3 == 2
                            ? table.toBuilder()
                                    .billing(new BillingSpec.Provisioned(7, 5))
                                    .build()
                            : table);
        }
        // dynalite's ListTagsOfResource answers late for every table: the reads of later tables finish first.
        try (DynamoDbClient client = Dynalite.client(new ExecutionInterceptor() {
            @Override
            public SdkHttpResponse modifyHttpResponse(
                    Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                if ("ListTagsOfResource".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return context.httpResponse();
            }
        })) {
            Plan plan = new Planner(client, 4, ENDPOINT).plan(new Spec(tables));

            List<TableChange> oneAfterAnother = new ArrayList<>();
            Planner alone = new Planner(client, 1, ENDPOINT);
            for (TableSpec table : tables) {
                oneAfterAnother.add(alone.change(table, RunDeadline.none()));
            }
            assertThat(plan.changes()).containsExactlyElementsOf(oneAfterAnother);
            assertThat(plan.changes())
                    .extracting(change -> change.table().name())
                    .containsExactlyElementsOf(
                            tables.stream().map(TableSpec::name).toList());
            assertThat(plan.changes())
                    .extracting(TableChange::kind)
                    .containsExactly(
                            TableChange.Kind.CREATE,
                            TableChange.Kind.NO_CHANGE,
                            TableChange.Kind.UPDATE,
                            TableChange.Kind.CREATE,
                            TableChange.Kind.NO_CHANGE,
                            TableChange.Kind.UPDATE,
                            TableChange.Kind.CREATE,
                            TableChange.Kind.NO_CHANGE);
            assertThat(plan.changes().get(2).differences())
                    .extracting(Difference::field)
                    .contains("billing");
            assertThat(Set.copyOf(plan.changes())).hasSize(tables.size());
        }
    }
}
