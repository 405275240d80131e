package dev.dynaseed.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Makes DynamoDB appear to leave items unprocessed, as it does under load: some writes of each BatchWriteItem are
 * held back from the real request and handed back in the response's UnprocessedItems, so the server never sees
 * them and the writer must resend them.
 */
public final class UnprocessedItemsInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD =
            new ExecutionAttribute<>("dynaseed.test.held");

    private final LongPredicate holdBack;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong held = new AtomicLong();

    /** Holds back the writes for which {@code holdBack} (of a running count of writes seen) is true. */
    public UnprocessedItemsInjector(LongPredicate holdBack) {
        this.holdBack = holdBack;
    }

    /** How many writes were handed back unprocessed. */
    public long held() {
        return held.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof BatchWriteItemRequest request)) {
            return context.request();
        }
        Map<String, List<WriteRequest>> kept = new HashMap<>();
        Map<String, List<WriteRequest>> heldBack = new HashMap<>();
        request.requestItems().forEach((table, writes) -> {
            List<WriteRequest> keep = new ArrayList<>();
            List<WriteRequest> hold = new ArrayList<>();
            for (WriteRequest write : writes) {
                // A request must keep one write: DynamoDB rejects an empty BatchWriteItem.
                boolean mayHold = !keep.isEmpty() || writes.size() - hold.size() > 1;
                (mayHold && holdBack.test(seen.getAndIncrement()) ? hold : keep).add(write);
            }
            kept.put(table, keep);
            if (!hold.isEmpty()) {
                heldBack.put(table, hold);
                held.addAndGet(hold.size());
            }
        });
        attributes.putAttribute(HELD, heldBack);
        return request.toBuilder().requestItems(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        Map<String, List<WriteRequest>> heldBack = attributes.getAttribute(HELD);
        if (!(context.response() instanceof BatchWriteItemResponse response)
                || heldBack == null
                || heldBack.isEmpty()) {
            return context.response();
        }
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>(response.unprocessedItems());
        heldBack.forEach((table, writes) -> unprocessed.merge(table, writes, (a, b) -> {
            List<WriteRequest> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return response.toBuilder().unprocessedItems(unprocessed).build();
    }
}
