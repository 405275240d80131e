package dev.dynaseed.provision;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Makes the first {@code times} DescribeTable answers for one table show it busy (a table status, or every global
 * index in an index status), as DynamoDB shows a table being updated or an index being built.
 */
final class StatusRewrite implements ExecutionInterceptor {
    private final String table;
    private final int times;
    private final TableStatus tableStatus;
    private final IndexStatus indexStatus;
    private final AtomicInteger seen = new AtomicInteger();

    private StatusRewrite(String table, int times, TableStatus tableStatus, IndexStatus indexStatus) {
        this.table = table;
        this.times = times;
        this.tableStatus = tableStatus;
        this.indexStatus = indexStatus;
    }

    static StatusRewrite table(String table, int times, TableStatus status) {
        return new StatusRewrite(table, times, status, null);
    }

    static StatusRewrite indexes(String table, int times, IndexStatus status) {
        return new StatusRewrite(table, times, null, status);
    }

    /** How many DescribeTable answers for the table were seen. */
    int seen() {
        return seen.get();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof DescribeTableResponse response)
                || !response.table().tableName().equals(table)
                || seen.incrementAndGet() > times) {
            return context.response();
        }
        TableDescription.Builder busy = response.table().toBuilder();
        if (tableStatus != null) {
            busy.tableStatus(tableStatus);
        }
        if (indexStatus != null) {
            busy.globalSecondaryIndexes(response.table().globalSecondaryIndexes().stream()
                    .map(index -> index.toBuilder().indexStatus(indexStatus).build())
                    .toList());
        }
        return response.toBuilder().table(busy.build()).build();
    }
}
