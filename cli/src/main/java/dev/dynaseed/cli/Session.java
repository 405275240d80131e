package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineHome;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.EngineException;
import dev.dynaseed.engine.LocalEngine;
import java.io.PrintWriter;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One command's connection to its target: the client, and for the local engine the command's use of it (started
 * or joined for the command, given back after it: the last command using an engine a command started stops it).
 */
final class Session implements AutoCloseable {
    private final Target target;
    private final Optional<LocalEngine> engine;
    private final DynamoDbClient client;
    private final PrintWriter err;

    private Session(Target target, Optional<LocalEngine> engine, CallTimeouts timeouts, PrintWriter err) {
        this.target = target;
        this.engine = engine;
        this.err = err;
        this.client = DynamoDbClients.create(target, timeouts);
    }

    static Session open(TargetOptions options) {
        Target target = options.target();
        PrintWriter err = options.mixee.commandLine().getErr();
        CallTimeouts timeouts = options.timeouts.callTimeouts();
        if (target.kind() == Target.Kind.LOCAL) {
            LocalEngine engine = LocalEngine.start(options.engineConfig(EngineHome.locate()));
            try {
                engine.notes().forEach(note -> err.println("note: " + note));
                err.flush();
                return new Session(engine.target().withLog(engine.logFile()), Optional.of(engine), timeouts, err);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
        return new Session(target, Optional.empty(), timeouts, err);
    }

    DynamoDbClient client() {
        return client;
    }

    Target target() {
        return target;
    }

    /** Whether this command changes resources in an AWS account (and so must confirm first). */
    boolean isAws() {
        return target.kind() == Target.Kind.AWS;
    }

    @Override
    public void close() {
        client.close();
        try {
            engine.ifPresent(LocalEngine::close);
        } catch (EngineException e) {
            // The command's own work is done and reported; failing to give the engine back must not hide that.
            err.println("warning: " + e.getMessage());
            err.flush();
        }
    }
}
