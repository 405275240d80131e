package dev.dynaseed.spec;

import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecLimits;
import dev.dynaseed.spec.internal.SpecPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Checks a spec against DynamoDB's rules and dynaseed's own, returning every problem with its path and fix. */
public final class SpecValidator {
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final long MAX_COUNT = SpecLimits.MAX_SEED_COUNT;

    private SpecValidator() {}

    /** All problems of the spec; empty when it can be applied. */
    public static List<Problem> validate(Spec spec) {
        return validate(spec, IntStream.range(0, spec.tables().size()).boxed().toList());
    }

    /**
     * All problems of the spec, naming table {@code i} by {@code positions.get(i)}: its place in the file it was
     * read from, which differs when tables that could not be read were left out.
     */
    static List<Problem> validate(Spec spec, List<Integer> positions) {
        List<Problem> problems = new ArrayList<>();
        if (spec.tables().size() > SpecLimits.MAX_TABLES) {
            problems.add(new Problem(
                    "tables",
                    "lists " + SpecLimits.grouped(spec.tables().size()) + " tables; a spec may list at most "
                            + SpecLimits.grouped(SpecLimits.MAX_TABLES) + " (DynamoDB's default quota of tables per"
                            + " account and Region): split them over several specs"));
        }
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec table = spec.tables().get(i);
            String path = "tables[" + positions.get(i) + "]";
            Integer previous = firstUse.putIfAbsent(table.name(), positions.get(i));
            if (previous != null) {
                problems.add(new Problem(
                        path + ".name",
                        Quote.of(table.name()) + " is already used by tables[" + previous
                                + "]; table names must be unique, rename one of them"));
            }
            table(table, path, problems);
        }
        return problems;
    }

    private static void table(TableSpec table, String path, List<Problem> problems) {
        if (!TABLE_NAME.matcher(table.name()).matches()) {
            problems.add(new Problem(
                    path + ".name",
                    Quote.of(table.name()) + " is not a valid DynamoDB table name; use"
                            + " 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs"));
        }
        keyName(table.partitionKey(), path + ".partitionKey.name", problems);
        table.sortKey().ifPresent(sortKey -> {
            keyName(sortKey, path + ".sortKey.name", problems);
            if (sortKey.name().equals(table.partitionKey().name())) {
                problems.add(new Problem(
                        path + ".sortKey.name",
                        Quote.of(sortKey.name()) + " is also the partition"
                                + " key; the sort key needs an attribute of its own, e.g. created_at"));
            }
        });
        if (table.billing() instanceof BillingSpec.Provisioned provisioned) {
            capacity(provisioned.readCapacity(), path + ".billing.readCapacity", "read", problems);
            capacity(provisioned.writeCapacity(), path + ".billing.writeCapacity", "write", problems);
        }
        table.tags().forEach((key, value) -> {
            String tagPath = SpecPaths.field(path + ".tags", key);
            if (key.isEmpty() || key.length() > 128) {
                problems.add(new Problem(tagPath, "tag keys need 1 to 128 characters; shorten it"));
            } else if (key.startsWith("aws:")) {
                problems.add(new Problem(
                        tagPath, "tag keys starting with 'aws:' are reserved by AWS; use another" + " prefix"));
            }
            if (value.length() > 256) {
                problems.add(
                        new Problem(tagPath, "tag values hold at most 256 characters; this one has " + value.length()));
            }
        });
        seed(table, path + ".seed", problems);
    }

    private static void keyName(KeySpec key, String path, List<Problem> problems) {
        if (key.name().isEmpty() || key.name().length() > 255) {
            problems.add(new Problem(
                    path,
                    Quote.of(key.name()) + " is not a valid key attribute name; use 1 to 255 characters, e.g. id"));
        }
    }

    private static void capacity(long units, String path, String kind, List<Problem> problems) {
        if (units < 1 || units > SpecLimits.MAX_CAPACITY_UNITS) {
            problems.add(new Problem(path, SpecLimits.capacityOutOfRange(Long.toString(units), kind)));
        }
    }

    private static void seed(TableSpec table, String path, List<Problem> problems) {
        SeedSpec seed = table.seed();
        if (seed.count() < 0 || seed.count() > MAX_COUNT) {
            problems.add(new Problem(path + ".count", seed.count() + " is out of range; use 0 to " + MAX_COUNT));
        }
        seed.attributes().forEach((name, generator) -> {
            String attributePath = path + ".attributes." + name;
            if (name.isEmpty()) {
                problems.add(new Problem(attributePath, "attribute names cannot be empty; name it, e.g. user_id"));
            }
            generator(generator, attributePath, problems);
        });
        if (seed.count() == 0) {
            return;
        }
        keyGenerator(table.partitionKey(), "partition key", seed, path, problems);
        table.sortKey().ifPresent(sortKey -> keyGenerator(sortKey, "sort key", seed, path, problems));
        if (seed.onExisting() == ExistingDataPolicy.UPSERT && seed.randomSeed().isEmpty()) {
            List<String> varying = new ArrayList<>();
            keyGeneratorOf(table.partitionKey(), seed)
                    .filter(GeneratorSpec::variesAcrossRuns)
                    .ifPresent(g -> varying.add(table.partitionKey().name()));
            table.sortKey()
                    .flatMap(k -> keyGeneratorOf(k, seed))
                    .filter(GeneratorSpec::variesAcrossRuns)
                    .ifPresent(g -> varying.add(table.sortKey().get().name()));
            if (!varying.isEmpty()) {
                problems.add(new Problem(
                        path + ".randomSeed",
                        "missing; onExisting 'upsert' overwrites items by"
                                + " key, but the generators of " + varying
                                + " make new keys on every run: add randomSeed:"
                                + " 42 so keys repeat, or use a sequence generator for the keys"));
            }
        }
    }

    private static Optional<GeneratorSpec> keyGeneratorOf(KeySpec key, SeedSpec seed) {
        return Optional.ofNullable(seed.attributes().get(key.name()));
    }

    private static void keyGenerator(KeySpec key, String role, SeedSpec seed, String path, List<Problem> problems) {
        String attributePath = path + ".attributes." + key.name();
        Optional<GeneratorSpec> generator = keyGeneratorOf(key, seed);
        if (generator.isEmpty()) {
            problems.add(new Problem(
                    attributePath,
                    "missing; the " + role + " '" + key.name() + "' needs a" + " generator of type " + key.type()
                            + ", e.g. " + key.name() + ": " + example(key.type())));
            return;
        }
        ValueType yields = generator.get().valueType();
        if (yields != key.type().valueType()) {
            problems.add(new Problem(
                    attributePath,
                    "generator '" + generator.get().kind() + "' yields " + yields
                            + " but the " + role + " '" + key.name() + "' is " + key.type()
                            + "; use a generator that yields "
                            + key.type() + ", e.g. " + key.name() + ": " + example(key.type())));
        }
    }

    private static String example(KeyType type) {
        return switch (type) {
            case S -> "uuid4";
            case N -> "epochSeconds";
            case B -> "bytes";
        };
    }

    // Java 17 has no pattern matching for switch, so the sealed variants are matched with instanceof.
    private static void generator(GeneratorSpec generator, String path, List<Problem> problems) {
        if (generator instanceof GeneratorSpec.EpochSeconds g) {
            within(g.withinSeconds(), path, problems);
        } else if (generator instanceof GeneratorSpec.EpochMillis g) {
            within(g.withinSeconds(), path, problems);
        } else if (generator instanceof GeneratorSpec.IsoTimestamp g) {
            within(g.withinSeconds(), path, problems);
        } else if (generator instanceof GeneratorSpec.Sequence g && g.step() == 0) {
            problems.add(
                    new Problem(path + ".step", "0 repeats the same value; use a step other than 0, e.g. step: 1"));
        } else if (generator instanceof GeneratorSpec.IntRange g && g.min() > g.max()) {
            problems.add(new Problem(path, "min " + g.min() + " is greater than max " + g.max() + "; swap them"));
        } else if (generator instanceof GeneratorSpec.DecimalRange g) {
            if (g.min().compareTo(g.max()) > 0) {
                problems.add(new Problem(
                        path,
                        "min " + g.min().toPlainString() + " is greater than max "
                                + g.max().toPlainString() + "; swap them"));
            }
            if (g.scale() < 0 || g.scale() > 20) {
                problems.add(new Problem(
                        path + ".scale",
                        g.scale() + " is out of range; use 0 to 20 digits after" + " the point, e.g. scale: 2"));
            }
        } else if (generator instanceof GeneratorSpec.OneOf g) {
            oneOf(g, path, problems);
        } else if (generator instanceof GeneratorSpec.RandomBytes g && (g.length() < 1 || g.length() > 1024)) {
            problems.add(new Problem(
                    path + ".length", g.length() + " is out of range; use 1 to 1024 bytes, e.g." + " length: 16"));
        }
    }

    private static void within(long seconds, String path, List<Problem> problems) {
        if (seconds < 0) {
            problems.add(new Problem(
                    path + ".withinSeconds",
                    seconds + " is negative; give how far into the past"
                            + " values may spread, e.g. withinSeconds: 86400 (a day), or 0 for the current time"));
        }
    }

    private static void oneOf(GeneratorSpec.OneOf g, String path, List<Problem> problems) {
        if (g.values().isEmpty()) {
            problems.add(new Problem(
                    path + ".values", "is empty; list the values to pick from, e.g. values: [web," + " mobile]"));
            return;
        }
        ValueType first = g.values().get(0).type();
        for (int i = 1; i < g.values().size(); i++) {
            if (g.values().get(i).type() != first) {
                problems.add(new Problem(
                        path + ".values[" + i + "]",
                        "is of type " + g.values().get(i).type() + " but values[0] is " + first
                                + "; all values of a oneOf need the same type"));
            }
        }
        if (!g.weights().isEmpty() && g.weights().size() != g.values().size()) {
            problems.add(new Problem(
                    path + ".weights",
                    "has " + g.weights().size() + " weights for " + g.values().size()
                            + " values; give one weight per value, or none for equal chances"));
        }
        for (int i = 0; i < g.weights().size(); i++) {
            double weight = g.weights().get(i);
            if (!(weight > 0) || Double.isInfinite(weight)) {
                problems.add(new Problem(
                        path + ".weights[" + i + "]",
                        weight + " is not a positive weight; use a" + " number above 0, e.g. 10"));
            }
        }
    }
}
