package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Invokes the function once, synchronously, with one shard's event (the CLI's is Lambda's Invoke API). */
@FunctionalInterface
public interface ShardInvoker {

    /** Sends {@code event} and waits for the function's answer; never throws for a failed call, answers why. */
    ShardAnswer invoke(ObjectNode event) throws InterruptedException;
}
