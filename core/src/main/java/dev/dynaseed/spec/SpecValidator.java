package dev.dynaseed.spec;

import dev.dynaseed.generate.GeneratorChecks;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.generate.ItemChecks;
import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecLimits;
import dev.dynaseed.spec.internal.SpecPaths;
import dev.dynaseed.spec.internal.TableParts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Checks a spec against DynamoDB's rules and dynaseed's own, returning every problem with its path and fix. */
public final class SpecValidator {
    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    static final long MAX_COUNT = SpecLimits.MAX_SEED_COUNT;
    private static final Instant EARLIEST_BASE_TIME = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST_BASE_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    private SpecValidator() {}

    /** All problems of the spec; empty when it can be applied. */
    public static List<Problem> validate(Spec spec) {
        return validate(spec, IntStream.range(0, spec.tables().size()).boxed().toList(), List.of());
    }

    /**
     * All problems of the spec, naming table {@code i} by {@code positions.get(i)}: its place in the file it was
     * read from, which differs when tables that could not be read were left out. The parts read of those tables
     * ({@code broken}) are judged too, so that their other problems show in the same run.
     */
    static List<Problem> validate(Spec spec, List<Integer> positions, List<TableParts> broken) {
        List<Problem> problems = new ArrayList<>();
        int tables = spec.tables().size() + broken.size();
        if (tables > SpecLimits.MAX_TABLES) {
            problems.add(new Problem("tables", SpecLimits.tooManyTables(tables)));
        }
        // Every table by its place in the file, read whole or in parts, so that duplicates name the first use.
        TreeMap<Integer, TableParts> parts = new TreeMap<>();
        Map<Integer, TableSpec> whole = new HashMap<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec table = spec.tables().get(i);
            parts.put(positions.get(i), partsOf(positions.get(i), table));
            whole.put(positions.get(i), table);
        }
        broken.forEach(table -> parts.put(table.position(), table));
        Map<String, Integer> firstUse = new HashMap<>();
        parts.forEach((position, table) -> {
            String path = "tables[" + position + "]";
            table.name().ifPresent(name -> {
                Integer previous = firstUse.putIfAbsent(name, position);
                if (previous != null) {
                    problems.add(new Problem(
                            path + ".name",
                            Quote.of(name) + " is already used by tables[" + previous
                                    + "]; table names must be unique, rename one of them"));
                }
            });
            table(table, path, problems);
            TableSpec read = whole.get(position);
            if (read != null) {
                sameTableStreams(read, position, whole, path, problems);
            }
            if (read != null) {
                TableFeatureRules.check(read, path, problems);
                seed(read, path + ".seed", problems);
            } else {
                table.seed().ifPresent(seed -> seedParts(seed, path + ".seed", problems));
            }
        });
        return problems;
    }

    private static TableParts partsOf(int position, TableSpec table) {
        return new TableParts(
                position,
                Optional.of(table.name()),
                Optional.of(table.partitionKey()),
                table.sortKey(),
                Optional.of(table.billing()),
                table.tags(),
                Optional.of(table.seed()));
    }

    /** The checks of a table's own fields, which hold whether or not the rest of it could be read. */
    private static void table(TableParts table, String path, List<Problem> problems) {
        table.name().ifPresent(name -> {
            if (!TABLE_NAME.matcher(name).matches()) {
                problems.add(new Problem(
                        path + ".name",
                        Quote.of(name) + " is not a valid DynamoDB table name; use"
                                + " 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. web_user_logs"));
            }
        });
        table.partitionKey().ifPresent(key -> keyName(key, path + ".partitionKey.name", problems));
        table.sortKey().ifPresent(sortKey -> {
            keyName(sortKey, path + ".sortKey.name", problems);
            if (table.partitionKey().isPresent()
                    && sortKey.name().equals(table.partitionKey().get().name())) {
                problems.add(new Problem(
                        path + ".sortKey.name",
                        Quote.of(sortKey.name()) + " is also the partition"
                                + " key; the sort key needs an attribute of its own, e.g. created_at"));
            }
        });
        if (table.billing().isPresent() && table.billing().get() instanceof BillingSpec.Provisioned provisioned) {
            capacity(provisioned.readCapacity(), path + ".billing.readCapacity", "read", problems);
            capacity(provisioned.writeCapacity(), path + ".billing.writeCapacity", "write", problems);
        }
        table.tags().forEach((key, value) -> {
            String tagPath = SpecPaths.field(path + ".tags", key);
            int length = key.codePointCount(0, key.length());
            if (key.isEmpty()) {
                problems.add(new Problem(tagPath, "is empty; name the tag, e.g. team: payments"));
            } else if (length > 128) {
                problems.add(new Problem(
                        tagPath,
                        "has " + SpecLimits.grouped(length) + " characters; tag keys hold at most 128:"
                                + " shorten it"));
            } else if (key.startsWith("aws:")) {
                problems.add(new Problem(
                        tagPath, "tag keys starting with 'aws:' are reserved by AWS; use another" + " prefix"));
            }
            if (value.length() > 256) {
                problems.add(
                        new Problem(tagPath, "tag values hold at most 256 characters; this one has " + value.length()));
            }
        });
    }

    private static void keyName(KeySpec key, String path, List<Problem> problems) {
        if (key.name().isEmpty() || key.name().length() > 255) {
            problems.add(new Problem(
                    path,
                    Quote.of(key.name()) + " is not a valid key attribute name; use 1 to 255 characters, e.g. id"));
        }
    }

    static void capacity(long units, String path, String kind, List<Problem> problems) {
        if (units < 1 || units > SpecLimits.MAX_CAPACITY_UNITS) {
            problems.add(new Problem(path, SpecLimits.capacityOutOfRange(Long.toString(units), kind)));
        }
    }

    private static void inlineItems(TableSpec table, String path, List<Problem> problems) {
        for (ItemSourceSpec source : table.seed().sources()) {
            if (source instanceof ItemSourceSpec.Inline inline) {
                for (int i = 0; i < inline.items().size(); i++) {
                    String itemPath = path + ".items[" + i + "]";
                    dev.dynaseed.files.ItemFiles.problem(table, inline.items().get(i))
                            .ifPresent(why -> problems.add(new Problem(itemPath, why)));
                }
            }
        }
    }

    /** The checks of a seed block's own fields and of each generator read, which hold without the table's keys. */
    private static void seedParts(SeedSpec seed, String path, List<Problem> problems) {
        if (seed.count() < 0 || seed.count() > MAX_COUNT) {
            problems.add(new Problem(path + ".count", seed.count() + " is out of range; use 0 to " + MAX_COUNT));
        }
        baseTime(seed, path, problems);
        seed.attributes().forEach((name, generator) -> {
            String attributePath = path + ".attributes." + name;
            if (name.isEmpty()) {
                problems.add(new Problem(attributePath, "attribute names cannot be empty; name it, e.g. user_id"));
            }
            generator(generator, seed, attributePath, problems);
        });
    }

    /** A table whose generated items would copy those of an earlier table (see {@link ItemChecks#sameTableStreams}). */
    private static void sameTableStreams(
            TableSpec table, int position, Map<Integer, TableSpec> whole, String path, List<Problem> problems) {
        // Generated items only: items read from files draw nothing at random.
        if (table.seed().count() == 0) {
            return;
        }
        whole.entrySet().stream()
                .filter(earlier -> earlier.getKey() < position)
                .map(Map.Entry::getValue)
                .filter(earlier -> earlier.seed().count() > 0 && !earlier.name().equals(table.name()))
                .filter(earlier -> ItemChecks.sameTableStreams(
                        earlier.name(),
                        earlier.seed().randomSeed(),
                        table.name(),
                        table.seed().randomSeed()))
                .findFirst()
                .ifPresent(earlier -> problems.add(new Problem(
                        path + ".name",
                        Quote.of(table.name()) + " would be seeded as " + Quote.of(earlier.name()) + " is, value for"
                                + " value (a table's random values come from its name and randomSeed, and these two"
                                + " names give the same); give one of them "
                                + (table.seed().randomSeed().isPresent() ? "another randomSeed" : "a randomSeed")
                                + ", or rename it")));
    }

    private static void seed(TableSpec table, String path, List<Problem> problems) {
        SeedSpec seed = table.seed();
        int before = problems.size();
        seedParts(seed, path, problems);
        inlineItems(table, path, problems);
        if (!seed.entities().isEmpty()) {
            EntitySeedRules.check(table, path, fixedBaseTime(seed), problems);
            return;
        }
        ItemChecks.templates(seed.attributes(), Optional.empty(), path + ".attributes", problems);
        ItemChecks.sameStreams(seed.attributes(), path + ".attributes", problems);
        if (seed.count() > 0 || !seed.attributes().isEmpty()) {
            IndexSeedRules.check(table, path, problems);
        }
        if (seed.count() == 0) {
            return;
        }
        keyGenerator(table.partitionKey(), "partition key", seed, path, problems);
        table.sortKey().ifPresent(sortKey -> keyGenerator(sortKey, "sort key", seed, path, problems));
        if (problems.size() == before) {
            SameKeyRules.plain(table, seed, path, problems);
        }
        if (seed.onExisting() == ExistingDataPolicy.UPSERT && seed.randomSeed().isEmpty()) {
            List<String> varying = new ArrayList<>();
            if (ItemChecks.variesAcrossRuns(table.partitionKey().name(), seed.attributes())) {
                varying.add(table.partitionKey().name());
            }
            table.sortKey()
                    .filter(k -> ItemChecks.variesAcrossRuns(k.name(), seed.attributes()))
                    .ifPresent(k -> varying.add(k.name()));
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
        if (generator.get() instanceof GeneratorSpec.Maybe) {
            problems.add(new Problem(
                    attributePath,
                    "is optional, but the " + role + " '" + key.name() + "' must be in every item (DynamoDB refuses an"
                            + " item without it); remove the optional"));
            return;
        }
        Optional<String> empty = ItemChecks.emptyKeyValue(key.name(), seed.attributes());
        if (empty.isPresent()) {
            problems.add(new Problem(attributePath, empty.get()));
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

    static String example(KeyType type) {
        return switch (type) {
            case S -> "uuid4";
            case N -> "epochSeconds";
            case B -> "bytes";
        };
    }

    // The generator part: each kind checks its own parameters (see dev.dynaseed.generate.GeneratorKind).
    private static void generator(GeneratorSpec generator, SeedSpec seed, String path, List<Problem> problems) {
        GeneratorKinds.validate(generator, new GeneratorChecks(path, seed.count(), fixedBaseTime(seed), problems));
    }

    private static Optional<Instant> fixedBaseTime(SeedSpec seed) {
        return seed.randomSeed().isPresent()
                ? Optional.of(seed.baseTime().orElse(SeedSpec.DEFAULT_BASE_TIME))
                : Optional.empty();
    }

    private static void baseTime(SeedSpec seed, String path, List<Problem> problems) {
        seed.baseTime().ifPresent(time -> {
            if (time.isBefore(EARLIEST_BASE_TIME) || time.isAfter(LATEST_BASE_TIME)) {
                problems.add(new Problem(
                        path + ".baseTime",
                        time + " is out of range; use an instant from year 0 to 9999, e.g."
                                + " baseTime: 2025-01-01T00:00:00Z"));
            }
        });
    }
}
