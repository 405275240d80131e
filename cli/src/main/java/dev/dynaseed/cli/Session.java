package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineHome;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.LocalEngine;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One command's connection to its target: the client, and for the local engine the engine itself, started for the
 * command and stopped after it unless it was already running.
 */
final class Session implements AutoCloseable {
    private final Target target;
    private final Optional<LocalEngine> engine;
    private final DynamoDbClient client;

    private Session(Target target, Optional<LocalEngine> engine, CallTimeouts timeouts) {
        this.target = target;
        this.engine = engine;
        this.client = DynamoDbClients.create(target, timeouts);
    }

    static Session open(TargetOptions options) {
        Target target = options.target();
        CallTimeouts timeouts = options.timeouts.callTimeouts();
        if (target instanceof Target.Local) {
            LocalEngine engine = LocalEngine.start(options.engineConfig(EngineHome.locate()));
            try {
                return new Session(engine.target(), Optional.of(engine), timeouts);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
        return new Session(target, Optional.empty(), timeouts);
    }

    DynamoDbClient client() {
        return client;
    }

    Target target() {
        return target;
    }

    /** Whether this command changes resources in an AWS account (and so must confirm first). */
    boolean isAws() {
        return target instanceof Target.Aws;
    }

    @Override
    public void close() {
        client.close();
        engine.ifPresent(LocalEngine::close);
    }
}
