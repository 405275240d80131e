package dev.dynaseed.imports;

import dev.dynaseed.generate.GeneratorChecks;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.TableSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Picks a generator per attribute for tables that come with no data: from key names and types alone
 * ({@code init --from --count}), or from a sample of a live table's items ({@code init --from-table}). The rules are
 * documented in the README ("Generators for imported tables"); the table's primary key always gets a generator that
 * makes a new key per item, so that N generated items are N items.
 */
public final class GeneratorInference {
    /** How far back time-like generators spread their values: 30 days. */
    public static final long TIME_SPREAD_SECONDS = 30L * 24 * 3600;
    /** At most this many distinct repeated strings become a {@code oneOf}. */
    public static final int MAX_ONE_OF = 10;
    /** The largest scale a {@code decimalRange} takes. */
    private static final int MAX_DECIMAL_SCALE = 20;

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*");

    private GeneratorInference() {}

    /** One generator per key attribute of the table and its indexes, from names and types. */
    public static Map<String, GeneratorSpec> fromKeys(TableSpec table) {
        Map<String, GeneratorSpec> generators = new LinkedHashMap<>();
        for (KeySpec key : keys(table)) {
            generators.putIfAbsent(key.name(), byName(key.name(), key.type()));
        }
        return unique(table, generators);
    }

    /**
     * One generator per attribute seen in {@code items} (and per key attribute, seen or not); attributes of a type no
     * generator makes (lists, maps, sets, null) are left out and named in {@code skipped}.
     */
    public static Inferred fromSample(TableSpec table, List<Map<String, AttributeValue>> items) {
        Map<String, List<AttributeValue>> seen = new LinkedHashMap<>();
        for (KeySpec key : keys(table)) {
            seen.put(key.name(), new ArrayList<>());
        }
        for (Map<String, AttributeValue> item : items) {
            item.forEach((name, value) ->
                    seen.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        }
        Map<String, KeyType> keyTypes = new LinkedHashMap<>();
        keys(table).forEach(key -> keyTypes.putIfAbsent(key.name(), key.type()));
        Map<String, GeneratorSpec> generators = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        seen.forEach((name, values) -> {
            Optional<GeneratorSpec> generator = observed(name, values, keyTypes.containsKey(name));
            if (generator.isPresent()) {
                generators.put(name, generator.get());
            } else if (keyTypes.containsKey(name)) {
                generators.put(name, byName(name, keyTypes.get(name)));
            } else {
                skipped.put(name, values.isEmpty() ? "never seen" : typeName(values.get(0)));
            }
        });
        return new Inferred(unique(table, generators), skipped);
    }

    /**
     * What a sample gave.
     *
     * @param attributes a generator per attribute, keys first
     * @param skipped attributes no generator makes, with their DynamoDB type
     */
    public record Inferred(Map<String, GeneratorSpec> attributes, Map<String, String> skipped) {
        public Inferred {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    /** The rule by name and type: S *id uuid4, *timestamp/*time/*at/*date time values, N intRange, B bytes. */
    static GeneratorSpec byName(String name, KeyType type) {
        boolean id = endsWithWord(name, "id");
        boolean time = endsWithWord(name, "timestamp")
                || endsWithWord(name, "time")
                || endsWithWord(name, "at")
                || endsWithWord(name, "date")
                || endsWithWord(name, "ttl");
        return switch (type) {
            case S ->
                id
                        ? new GeneratorSpec.Uuid4()
                        : time ? new GeneratorSpec.IsoTimestamp(TIME_SPREAD_SECONDS) : prefixed(name);
            case N ->
                time
                        ? new GeneratorSpec.EpochSeconds(TIME_SPREAD_SECONDS)
                        : id ? new GeneratorSpec.Sequence(1, 1, Optional.empty()) : new GeneratorSpec.IntRange(1, 1000);
            case B -> new GeneratorSpec.RandomBytes(16);
        };
    }

    /**
     * Whether {@code name} ends with {@code word} as a word of its own: {@code id}, {@code user_id}, {@code user-id},
     * {@code userId}, {@code USER_ID} (but not {@code paid}).
     */
    static boolean endsWithWord(String name, String word) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(word)) {
            return false;
        }
        int start = name.length() - word.length();
        if (start == 0) {
            return true;
        }
        char before = name.charAt(start - 1);
        char first = name.charAt(start);
        return before == '_'
                || before == '-'
                || before == '.'
                || (Character.isUpperCase(first) && !Character.isUpperCase(before));
    }

    private static GeneratorSpec prefixed(String name) {
        return new GeneratorSpec.Sequence(1, 1, Optional.of(name + "-"));
    }

    /** The generator a sample suggests, when its values have one type a generator makes. */
    private static Optional<GeneratorSpec> observed(String name, List<AttributeValue> values, boolean key) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue.Type type = values.get(0).type();
        if (values.stream().anyMatch(value -> value.type() != type)) {
            return Optional.empty();
        }
        return switch (type) {
            case S ->
                Optional.of(strings(name, values.stream().map(AttributeValue::s).toList(), key));
            case N ->
                numbers(values.stream().map(value -> new BigDecimal(value.n())).toList());
            case BOOL ->
                Optional.of(new GeneratorSpec.OneOf(
                        List.of(new SpecValue.Bool(true), new SpecValue.Bool(false)), List.of()));
            case B ->
                Optional.of(new GeneratorSpec.RandomBytes(Math.max(
                        1,
                        Math.min(
                                1024,
                                values.stream()
                                        .mapToInt(value -> value.b().asByteArray().length)
                                        .max()
                                        .orElse(16)))));
            default -> Optional.empty();
        };
    }

    private static GeneratorSpec strings(String name, List<String> values, boolean key) {
        if (values.stream().allMatch(value -> UUID.matcher(value).matches())) {
            return new GeneratorSpec.Uuid4();
        }
        if (values.stream().allMatch(GeneratorInference::isInstant)) {
            return new GeneratorSpec.IsoTimestamp(TIME_SPREAD_SECONDS);
        }
        Set<String> distinct = new LinkedHashSet<>(values);
        if (distinct.size() <= MAX_ONE_OF && distinct.size() < values.size()) {
            return new GeneratorSpec.OneOf(
                    distinct.stream().<SpecValue>map(SpecValue.Text::new).toList(), List.of());
        }
        return byName(name, KeyType.S);
    }

    private static boolean isInstant(String value) {
        if (!ISO_INSTANT.matcher(value).matches()) {
            return false;
        }
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The narrowest generator the spec validator accepts for the numbers seen: an {@code intRange}, else a
     * {@code decimalRange} at the sample's scale (lowered until its values fit DynamoDB's 38 digits and one random
     * draw), else a {@code oneOf} of up to {@value #MAX_ONE_OF} of the values seen, which DynamoDB stored already.
     */
    private static Optional<GeneratorSpec> numbers(List<BigDecimal> values) {
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        int scale = values.stream()
                .mapToInt(value -> Math.max(0, value.stripTrailingZeros().scale()))
                .max()
                .orElse(0);
        BigDecimal longMax = BigDecimal.valueOf(Long.MAX_VALUE);
        if (scale == 0 && min.abs().compareTo(longMax) < 0 && max.abs().compareTo(longMax) < 0) {
            GeneratorSpec range = new GeneratorSpec.IntRange(min.longValueExact(), max.longValueExact());
            if (accepted(range)) {
                return Optional.of(range);
            }
        }
        for (int tried = Math.min(scale, MAX_DECIMAL_SCALE); tried >= 0; tried--) {
            GeneratorSpec range = new GeneratorSpec.DecimalRange(
                    min.setScale(tried, RoundingMode.FLOOR), max.setScale(tried, RoundingMode.CEILING), tried);
            if (accepted(range)) {
                return Optional.of(range);
            }
        }
        List<BigDecimal> distinct = values.stream()
                .map(BigDecimal::stripTrailingZeros)
                .distinct()
                .sorted()
                .toList();
        List<SpecValue> picked = new ArrayList<>();
        int count = Math.min(MAX_ONE_OF, distinct.size());
        for (int i = 0; i < count; i++) {
            // Evenly spread over the sorted values, the smallest and the largest included.
            int index = count == 1 ? 0 : (int) ((long) i * (distinct.size() - 1) / (count - 1));
            picked.add(new SpecValue.Number(distinct.get(index)));
        }
        GeneratorSpec seen = new GeneratorSpec.OneOf(picked, List.of());
        return accepted(seen) ? Optional.of(seen) : Optional.empty();
    }

    /** Whether the spec validator takes {@code generator} as it is: inference never writes a spec init refuses. */
    private static boolean accepted(GeneratorSpec generator) {
        List<Problem> problems = new ArrayList<>();
        GeneratorKinds.validate(generator, new GeneratorChecks("", 1, Optional.empty(), problems));
        return problems.isEmpty();
    }

    /**
     * The table's primary key made unique per item: when neither key attribute's generator makes a new value per
     * item, the partition key gets one that does (uuid4, a sequence, or 16 random bytes).
     */
    private static Map<String, GeneratorSpec> unique(TableSpec table, Map<String, GeneratorSpec> generators) {
        boolean unique = isUnique(generators.get(table.partitionKey().name()))
                || table.sortKey()
                        .map(key -> isUnique(generators.get(key.name())))
                        .orElse(false);
        if (!unique) {
            KeySpec key = table.partitionKey();
            generators.put(
                    key.name(),
                    switch (key.type()) {
                        case S -> new GeneratorSpec.Uuid4();
                        case N -> new GeneratorSpec.Sequence(1, 1, Optional.empty());
                        case B -> new GeneratorSpec.RandomBytes(16);
                    });
        }
        return generators;
    }

    private static boolean isUnique(GeneratorSpec generator) {
        if (generator == null) {
            return false;
        }
        return switch (generator.kind()) {
            case UUID1, UUID4, SEQUENCE -> true;
            case BYTES -> ((GeneratorSpec.RandomBytes) generator).length() >= 8;
            // A template or reference may repeat (what it reads may): judged not unique, as inference never makes one.
            case EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    CONSTANT,
                    INT_RANGE,
                    DECIMAL_RANGE,
                    ONE_OF,
                    FAKE,
                    BOOLEAN,
                    TIMESTAMP,
                    NUMBER,
                    SET,
                    LIST,
                    MAP,
                    OPTIONAL,
                    TEMPLATE,
                    REF -> false;
        };
    }

    private static List<KeySpec> keys(TableSpec table) {
        List<KeySpec> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        table.sortKey().ifPresent(keys::add);
        table.features().indexes().forEach(index -> keys.addAll(index.keyAttributes()));
        return keys;
    }

    private static String typeName(AttributeValue value) {
        return value.type() == AttributeValue.Type.NUL ? "NULL" : value.type().name();
    }
}
