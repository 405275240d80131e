package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.DynaseedException;
import dev.dynaseed.RunDeadline;
import dev.dynaseed.seed.IndexRanges;
import dev.dynaseed.seed.SeedOutcome;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a load as shards through a {@link ShardInvoker}, a bounded number at once, and adds up what they did. A shard
 * that ends at its deadline with items left is invoked again at once for exactly the indexes it did not write; one
 * with no answer (throttled, a service or function error, no answer in time) again for the same indexes, after a
 * backoff; both up to {@link FanOutOptions#maxAttempts()}. Every item of every shard ends written, failed or skipped,
 * so the merged counters keep {@code written + failed + skipped = requested}.
 */
public final class FanOut {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final ShardInvoker invoker;
    private final FanOutOptions options;

    public FanOut(ShardInvoker invoker, FanOutOptions options) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * What the shards did.
     *
     * @param seeds per table that had items to write, the shards' counters added up, in spec order
     * @param reinvoked each re-invocation, by shard and attempt
     * @param failures one line per shard that ended without an answer for some of its items
     * @param invocations how many invocations were made in all
     */
    public record Result(
            Map<String, SeedOutcome> seeds, List<Reinvocation> reinvoked, List<String> failures, int invocations) {
        public Result {
            seeds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
            reinvoked = List.copyOf(reinvoked);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Invokes every non-empty shard of {@code shards} (cut from {@code spec}); {@code eventOf} makes each attempt's
     * event. Once {@code stop} says so, no invocation starts and the items not yet invoked count as skipped.
     */
    public Result run(Spec spec, List<ShardEvent> shards, Function<ShardEvent, ObjectNode> eventOf, RunDeadline stop) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (TableSpec table : spec.tables()) {
            tallies.put(table.name(), new Tally());
        }
        List<Reinvocation> reinvoked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        AtomicInteger invocations = new AtomicInteger();
        List<ShardEvent> work =
                shards.stream().filter(s -> !s.shard().isEmpty()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.maxParallel(), work.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ShardEvent shard : work) {
                futures.add(pool.submit(() -> {
                    new Chain(shard, tallies, eventOf, stop, reinvoked, failures, invocations).run();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynaseedException("interrupted while invoking shards; items may be partly written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DynaseedException("invoking shards failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, SeedOutcome> seeds = new LinkedHashMap<>();
        tallies.forEach((table, tally) -> {
            if (tally.requested > 0) {
                seeds.put(table, tally.outcome());
            }
        });
        List<Reinvocation> sorted;
        List<String> failed;
        synchronized (reinvoked) {
            sorted = new ArrayList<>(reinvoked);
        }
        synchronized (failures) {
            failed = new ArrayList<>(failures);
        }
        sorted.sort(Comparator.comparingInt(
                        (Reinvocation r) -> Integer.parseInt(r.shard().split("/")[0]))
                .thenComparingInt(Reinvocation::attempt));
        failed.sort(Comparator.naturalOrder());
        return new Result(seeds, sorted, failed, invocations.get());
    }

    /** One shard's attempts, in one thread. */
    private final class Chain {
        private final Map<String, Tally> tallies;
        private final Function<ShardEvent, ObjectNode> eventOf;
        private final RunDeadline stop;
        private final List<Reinvocation> reinvoked;
        private final List<String> failures;
        private final AtomicInteger invocations;
        private ShardEvent current;

        Chain(
                ShardEvent first,
                Map<String, Tally> tallies,
                Function<ShardEvent, ObjectNode> eventOf,
                RunDeadline stop,
                List<Reinvocation> reinvoked,
                List<String> failures,
                AtomicInteger invocations) {
            this.current = first;
            this.tallies = tallies;
            this.eventOf = eventOf;
            this.stop = stop;
            this.reinvoked = reinvoked;
            this.failures = failures;
            this.invocations = invocations;
            first.shard().ranges().forEach((table, ranges) -> tally(table).request(ranges.size()));
        }

        void run() throws InterruptedException {
            while (true) {
                if (stop.stopStarting()) {
                    SkipReason reason = stop.cancelled() ? SkipReason.INTERRUPTED : SkipReason.DEADLINE;
                    current.shard()
                            .ranges()
                            .forEach((table, ranges) -> tally(table).skip(ranges.size(), reason));
                    return;
                }
                invocations.incrementAndGet();
                ShardAnswer answer = invoker.invoke(eventOf.apply(current));
                boolean again = switch (answer.kind()) {
                    case ANSWERED -> answered((ShardAnswer.Answered) answer);
                    case FAILED -> failed((ShardAnswer.Failed) answer);
                };
                if (!again) {
                    return;
                }
            }
        }

        /** Counts what the function answered; true when the shard is to be invoked again for what it left. */
        private boolean answered(ShardAnswer.Answered answer) {
            JsonNode body = answer.body();
            String label = current.shard().label();
            if (answer.statusCode() == 400 || !body.path("shard").isObject()) {
                giveUp("shard " + label + ": the function refused the event: " + refusal(body));
                return false;
            }
            Map<String, JsonNode> seeds = new LinkedHashMap<>();
            for (JsonNode table : body.path("tables")) {
                seeds.put(table.path("name").asText(), table.path("seed"));
            }
            Map<String, Long> limits = new LinkedHashMap<>();
            current.shard().ranges().forEach((table, ranges) -> limits.put(table, Long.MAX_VALUE));
            List<Problem> problems = new ArrayList<>();
            Map<String, IndexRanges> written =
                    ShardEvent.readRanges(body.path("shard").path("written"), "shard.written", limits, problems);
            Map<String, IndexRanges> left = new LinkedHashMap<>();
            current.shard().ranges().forEach((table, ranges) -> {
                IndexRanges missing = ranges.minus(written.getOrDefault(table, IndexRanges.empty()));
                if (!missing.isEmpty()) {
                    left.put(table, missing);
                }
            });
            boolean deadline = body.path("deadlineReached").asBoolean(false);
            if (problems.isEmpty() && deadline && !left.isEmpty() && current.attempt() < options.maxAttempts()) {
                current.shard().ranges().forEach((table, ranges) -> {
                    IndexRanges done = ranges.minus(left.getOrDefault(table, IndexRanges.empty()));
                    tally(table)
                            .partial(
                                    done.size(),
                                    seeds.getOrDefault(
                                            table, com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
                });
                long items = left.values().stream().mapToLong(IndexRanges::size).sum();
                reinvoke("ended at its deadline with " + items + " items not written", left);
                return true;
            }
            current.shard().ranges().forEach((table, ranges) -> {
                JsonNode seed = seeds.get(table);
                if (seed == null || !problems.isEmpty() || !tally(table).last(ranges.size(), seed)) {
                    tally(table)
                            .fail(
                                    ranges.size(),
                                    "shard " + label + ": the function's answer does not account for table " + table
                                            + "'s " + ranges.size() + " items; they count as failed (check that the"
                                            + " function runs this version of dynaseed)");
                }
            });
            return false;
        }

        /** Counts an invocation without an answer; true when the shard is to be invoked again. */
        private boolean failed(ShardAnswer.Failed answer) throws InterruptedException {
            String label = current.shard().label();
            if (answer.reason().passing() && current.attempt() < options.maxAttempts()) {
                Duration wait = backoff(current.attempt());
                reinvoke(
                        answer.reason().label() + ": " + answer.message(),
                        current.shard().ranges());
                sleep(wait);
                return true;
            }
            giveUp("shard " + label + ": " + answer.message()
                    + (answer.reason().passing() ? " (gave up after " + current.attempt() + " attempts)" : ""));
            return false;
        }

        private void reinvoke(String reason, Map<String, IndexRanges> left) {
            ShardEvent next = current.retry(left);
            LOG.info("shard {}: invoking again (attempt {}): {}", next.shard().label(), next.attempt(), reason);
            synchronized (reinvoked) {
                reinvoked.add(new Reinvocation(next.shard().label(), next.attempt(), reason, left));
            }
            current = next;
        }

        private void giveUp(String line) {
            // Not a warning: the failure is in the result, and the caller reports it once, in its own words.
            LOG.info("{}", line);
            synchronized (failures) {
                failures.add(line);
            }
            current.shard().ranges().forEach((table, ranges) -> tally(table).fail(ranges.size(), line));
        }

        private void sleep(Duration wait) throws InterruptedException {
            long until = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < until && !stop.stopStarting()) {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        }

        private Tally tally(String table) {
            Tally tally = tallies.get(table);
            if (tally == null) {
                throw new IllegalStateException("shard " + current.shard().label() + " names table " + table
                        + ", which is not in the spec it was cut from");
            }
            return tally;
        }
    }

    /** Full jitter: a random wait up to base × 2^(attempt-1), capped. */
    private Duration backoff(int attempt) {
        long cap = options.maxDelay().toMillis();
        long ceiling = Math.min(cap, options.baseDelay().toMillis() << Math.min(20, attempt - 1));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private static String refusal(JsonNode body) {
        String error = body.path("error").asText("no shard field in the answer; deploy this version of dynaseed");
        JsonNode first = body.path("problems").path(0);
        return first.isMissingNode()
                ? error
                : error + " " + first.path("path").asText() + ": "
                        + first.path("message").asText();
    }

    /** One table's counters over all shards; written by the chains' threads. */
    private static final class Tally {
        private long requested;
        private long written;
        private long failed;
        private long skipped;
        private long retried;
        private long durationMillis;
        private SkipReason skipReason;
        private final List<String> errors = new ArrayList<>();

        synchronized void request(long items) {
            requested += items;
        }

        /** An attempt that is followed by another: only its indexes written whole count. */
        synchronized void partial(long writtenWhole, JsonNode seed) {
            written += writtenWhole;
            retried += seed.path("retried").asLong(0);
            durationMillis = Math.max(durationMillis, seed.path("durationMs").asLong(0));
        }

        /** A shard's last attempt for these items: its counters as the function reported them, if they add up. */
        synchronized boolean last(long items, JsonNode seed) {
            long w = seed.path("written").asLong(-1);
            long f = seed.path("failed").asLong(-1);
            long s = seed.path("skipped").asLong(-1);
            if (w < 0 || f < 0 || s < 0 || w + f + s != items) {
                return false;
            }
            written += w;
            failed += f;
            skipped += s;
            retried += seed.path("retried").asLong(0);
            durationMillis = Math.max(durationMillis, seed.path("durationMs").asLong(0));
            if (s > 0 && skipReason == null) {
                String code = seed.path("skipReason").asText("");
                for (SkipReason reason : SkipReason.values()) {
                    if (reason.code().equals(code)) {
                        skipReason = reason;
                    }
                }
                if (skipReason == null) {
                    skipReason = SkipReason.DEADLINE;
                }
            }
            for (JsonNode error : seed.path("errors")) {
                error(error.asText());
            }
            return true;
        }

        synchronized void fail(long items, String error) {
            failed += items;
            error(error);
        }

        synchronized void skip(long items, SkipReason reason) {
            skipped += items;
            if (skipReason == null) {
                skipReason = reason;
            }
        }

        private void error(String error) {
            if (errors.size() < 5 && !errors.contains(error)) {
                errors.add(error);
            }
        }

        synchronized SeedOutcome outcome() {
            return new SeedOutcome(
                    requested,
                    written,
                    failed,
                    skipped,
                    retried,
                    java.util.Optional.ofNullable(skipped > 0 ? skipReason : null),
                    errors,
                    Duration.ofMillis(durationMillis));
        }
    }
}
