package dev.dynaseed.plan;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Sends a change's steps with a client, as apply does: each request as is, then its wait (bounded). */
final class StepRunner {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private StepRunner() {}

    static void run(DynamoDbClient client, String table, List<Step> steps) throws InterruptedException {
        for (Step step : steps) {
            send(client, step);
            await(client, table, step.waitFor());
        }
    }

    static Object send(DynamoDbClient client, Step step) {
        String method = Character.toLowerCase(step.operation().charAt(0))
                + step.operation().substring(1);
        try {
            return DynamoDbClient.class
                    .getMethod(method, RequestJson.requestType(step.operation()))
                    .invoke(client, step.request());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("no client method " + method, e);
        }
    }

    static void await(DynamoDbClient client, String table, Step.WaitFor waitFor) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (done(client, table, waitFor)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("table " + table + " not " + waitFor + " within " + WAIT);
    }

    private static boolean done(DynamoDbClient client, String table, Step.WaitFor waitFor) {
        TableDescription description;
        try {
            description = client.describeTable(r -> r.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            return waitFor == Step.WaitFor.TABLE_GONE || waitFor == Step.WaitFor.NOTHING;
        }
        return switch (waitFor) {
            case NOTHING -> true;
            case TABLE_ACTIVE -> description.tableStatus() == TableStatus.ACTIVE;
            case TABLE_AND_INDEXES_ACTIVE ->
                description.tableStatus() == TableStatus.ACTIVE
                        && description.globalSecondaryIndexes().stream()
                                .allMatch(index -> "ACTIVE".equals(index.indexStatusAsString()));
            case TABLE_GONE -> false;
        };
    }
}
