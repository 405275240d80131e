package dev.dynaseed.cli;

import dev.dynaseed.cli.engine.EngineHome;
import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.HttpStack;
import dev.dynaseed.connection.Target;
import dev.dynaseed.engine.EngineException;
import dev.dynaseed.engine.LocalEngine;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One command's connection to its target: the client, and for the local engine the command's use of it (started
 * or joined for the command, given back after it: the last command using an engine a command started stops it).
 */
final class Session implements AutoCloseable {
    /** The CLI's HTTP client: less CPU per request than the JDK's, for the CLI and a local engine alike. */
    static final HttpStack HTTP = HttpStack.APACHE5;

    private final Target target;
    private final Optional<LocalEngine> engine;
    private final DynamoDbClient client;
    private final PrintWriter err;

    private Session(Target target, Optional<LocalEngine> engine, CallTimeouts timeouts, PrintWriter err) {
        this(target, engine, DynamoDbClients.create(target, timeouts, HTTP), err);
    }

    private Session(Target target, Optional<LocalEngine> engine, DynamoDbClient client, PrintWriter err) {
        this.target = target;
        this.engine = engine;
        this.err = err;
        this.client = client;
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

    /**
     * Starts building the client for an endpoint or AWS on another thread, while the command goes on reading its spec;
     * {@link Pending#open()} then returns the session {@link #open} would have, or throws what it would have thrown,
     * at the same point. The local engine is started by {@code open()} itself, as before: a command whose spec is
     * invalid never starts it.
     */
    static Pending prepare(TargetOptions options) {
        Target target;
        try {
            target = options.target();
        } catch (RuntimeException e) {
            // Thrown again, in its turn, by open().
            return new Pending(options, Optional.empty());
        }
        if (target.kind() == Target.Kind.LOCAL) {
            return new Pending(options, Optional.empty());
        }
        CallTimeouts timeouts = options.timeouts.callTimeouts();
        FutureTask<DynamoDbClient> client = new FutureTask<>(() -> DynamoDbClients.create(target, timeouts, HTTP));
        Thread thread = new Thread(client, "dynaseed-connect");
        thread.setDaemon(true);
        thread.start();
        return new Pending(options, Optional.of(client));
    }

    /** A session opened by {@link Pending#open()} as {@link #open} opens it, with nothing started ahead. */
    static Pending later(TargetOptions options) {
        return new Pending(options, Optional.empty());
    }

    /** A session {@link #prepare}d; closing it without opening it closes the client built for it. */
    static final class Pending implements AutoCloseable {
        private final TargetOptions options;
        private final Optional<FutureTask<DynamoDbClient>> client;
        private boolean opened;

        private Pending(TargetOptions options, Optional<FutureTask<DynamoDbClient>> client) {
            this.options = options;
            this.client = client;
        }

        /** The session, once; as {@link Session#open} would have opened it. */
        Session open() {
            if (opened) {
                throw new IllegalStateException("the session was opened already");
            }
            opened = true;
            if (client.isEmpty()) {
                return Session.open(options);
            }
            return new Session(
                    options.target(),
                    Optional.empty(),
                    built(client.get()),
                    options.mixee.commandLine().getErr());
        }

        @Override
        public void close() {
            if (!opened && client.isPresent()) {
                opened = true;
                try {
                    built(client.get()).close();
                } catch (RuntimeException e) {
                    // Nothing was built, so there is nothing to close; the command has its own error to report.
                }
            }
        }

        private static DynamoDbClient built(FutureTask<DynamoDbClient> client) {
            try {
                return client.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while setting up the DynamoDB client", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
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
