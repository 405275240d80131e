package dev.dynaseed.generate;

import dev.dynaseed.spec.CollectionSpec;
import dev.dynaseed.spec.EntitySpec;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.TableSpec;
import dev.dynaseed.spec.internal.DidYouMean;
import dev.dynaseed.spec.internal.Quote;
import dev.dynaseed.spec.internal.SpecPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves every {@code ref} of a spec: finds the referenced table (and entity) and attribute, and gives the
 * reference what recomputing that table's items takes. An unknown table or attribute, a table without items and a
 * chain of references back to itself are problems naming the reference.
 */
public final class References {
    private final Spec spec;
    private final List<Integer> positions;
    private final List<Problem> problems;
    private final List<String> resolving = new ArrayList<>();
    private String topPath = "";

    private References(Spec spec, List<Integer> positions, List<Problem> problems) {
        this.spec = spec;
        this.positions = positions;
        this.problems = problems;
    }

    /**
     * {@code spec} with its references resolved; problems are added for those that cannot be. Table {@code i} is
     * named {@code tables[positions.get(i)]} in problems.
     */
    public static Spec resolve(Spec spec, List<Integer> positions, List<Problem> problems) {
        Objects.requireNonNull(spec, "spec");
        References references = new References(spec, positions, problems);
        List<TableSpec> tables = new ArrayList<>();
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec table = spec.tables().get(i);
            String path = "tables[" + positions.get(i) + "].seed";
            tables.add(table.toBuilder()
                    .seed(references.seed(table.seed(), path, true))
                    .build());
        }
        return new Spec(tables);
    }

    private SeedSpec seed(SeedSpec seed, String path, boolean report) {
        if (!hasRefs(seed)) {
            return seed;
        }
        List<EntitySpec> entities = new ArrayList<>();
        for (EntitySpec entity : seed.entities()) {
            String entityPath = SpecPaths.field(path + ".entities", entity.name());
            List<CollectionSpec> collections = new ArrayList<>();
            for (CollectionSpec collection : entity.collections()) {
                collections.add(new CollectionSpec(
                        collection.name(),
                        collection.perParent(),
                        attributes(
                                collection.attributes(),
                                SpecPaths.field(entityPath + ".collections", collection.name()) + ".attributes",
                                report)));
            }
            entities.add(new EntitySpec(
                    entity.name(),
                    entity.count(),
                    attributes(entity.attributes(), entityPath + ".attributes", report),
                    collections));
        }
        return new SeedSpec(
                seed.count(),
                seed.onExisting(),
                seed.randomSeed(),
                seed.baseTime(),
                attributes(seed.attributes(), path + ".attributes", report),
                seed.sources(),
                entities);
    }

    private static boolean hasRefs(SeedSpec seed) {
        if (seed.attributes().values().stream().anyMatch(References::hasRef)) {
            return true;
        }
        return seed.entities().stream()
                .anyMatch(entity -> entity.attributes().values().stream().anyMatch(References::hasRef)
                        || entity.collections().stream()
                                .anyMatch(c -> c.attributes().values().stream().anyMatch(References::hasRef)));
    }

    private static boolean hasRef(GeneratorSpec generator) {
        return switch (generator.kind()) {
            case REF -> true;
            case SET -> hasRef(((GeneratorSpec.SetOf) generator).of());
            case LIST -> hasRef(((GeneratorSpec.ListOf) generator).of());
            case OPTIONAL -> hasRef(((GeneratorSpec.Maybe) generator).of());
            case MAP ->
                ((GeneratorSpec.MapOf) generator).fields().values().stream().anyMatch(References::hasRef);
            case UUID1,
                    UUID4,
                    EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    CONSTANT,
                    SEQUENCE,
                    INT_RANGE,
                    DECIMAL_RANGE,
                    ONE_OF,
                    BYTES,
                    FAKE,
                    BOOLEAN,
                    TIMESTAMP,
                    NUMBER,
                    TEMPLATE -> false;
        };
    }

    private Map<String, GeneratorSpec> attributes(Map<String, GeneratorSpec> attributes, String path, boolean report) {
        Map<String, GeneratorSpec> resolved = new LinkedHashMap<>();
        attributes.forEach(
                (name, generator) -> resolved.put(name, generator(generator, SpecPaths.field(path, name), report)));
        return resolved;
    }

    private GeneratorSpec generator(GeneratorSpec generator, String path, boolean report) {
        return switch (generator.kind()) {
            case REF -> ref((GeneratorSpec.Ref) generator, path, report);
            case SET -> {
                GeneratorSpec.SetOf set = (GeneratorSpec.SetOf) generator;
                yield new GeneratorSpec.SetOf(generator(set.of(), path + ".of", report), set.minSize(), set.maxSize());
            }
            case LIST -> {
                GeneratorSpec.ListOf list = (GeneratorSpec.ListOf) generator;
                yield new GeneratorSpec.ListOf(
                        generator(list.of(), path + ".of", report), list.minSize(), list.maxSize());
            }
            case OPTIONAL -> {
                GeneratorSpec.Maybe maybe = (GeneratorSpec.Maybe) generator;
                yield new GeneratorSpec.Maybe(maybe.probability(), generator(maybe.of(), path + ".of", report));
            }
            case MAP ->
                new GeneratorSpec.MapOf(
                        attributes(((GeneratorSpec.MapOf) generator).fields(), path + ".fields", report));
            case UUID1,
                    UUID4,
                    EPOCH_SECONDS,
                    EPOCH_MILLIS,
                    ISO_TIMESTAMP,
                    CONSTANT,
                    SEQUENCE,
                    INT_RANGE,
                    DECIMAL_RANGE,
                    ONE_OF,
                    BYTES,
                    FAKE,
                    BOOLEAN,
                    TIMESTAMP,
                    NUMBER,
                    TEMPLATE -> generator;
        };
    }

    private GeneratorSpec ref(GeneratorSpec.Ref ref, String path, boolean report) {
        if (report) {
            topPath = path + ".to";
        }
        Optional<GeneratorSpec.RefTarget> target = target(ref.to(), path + ".to", report);
        return new GeneratorSpec.Ref(ref.to(), ref.distribution(), ref.exponent(), target);
    }

    private Optional<GeneratorSpec.RefTarget> target(String to, String path, boolean report) {
        Optional<TableSpec> table = spec.tables().stream()
                .filter(candidate -> to.startsWith(candidate.name() + "."))
                .max((a, b) -> Integer.compare(a.name().length(), b.name().length()));
        if (table.isEmpty() && spec.tableNames().contains(to)) {
            String example = spec.tables().stream()
                    .filter(candidate -> candidate.name().equals(to))
                    .findFirst()
                    .map(named -> named.partitionKey().name())
                    .orElse("id");
            problem(
                    report,
                    path,
                    Quote.of(to) + " names a table but no attribute of it; write table.attribute, e.g. to: " + to + "."
                            + example);
            return Optional.empty();
        }
        if (table.isEmpty()) {
            String tableName = to.contains(".") ? to.substring(0, to.indexOf('.')) : to;
            String hint = DidYouMean.hint(tableName, spec.tableNames());
            problem(
                    report,
                    path,
                    Quote.of(to) + " names no table of this spec; " + hint
                            + "write table.attribute, e.g. to: users.user_id, with one of " + spec.tableNames());
            return Optional.empty();
        }
        String rest = to.substring(table.get().name().length() + 1);
        SeedSpec seed = table.get().seed();
        Optional<String> entity = Optional.empty();
        Map<String, GeneratorSpec> attributes = seed.attributes();
        long count = seed.count();
        if (!seed.entities().isEmpty()) {
            int dot = rest.indexOf('.');
            String entityName = dot < 0 ? "" : rest.substring(0, dot);
            Optional<EntitySpec> found = seed.entities().stream()
                    .filter(candidate -> candidate.name().equals(entityName))
                    .findFirst();
            if (found.isEmpty()) {
                List<String> names =
                        seed.entities().stream().map(EntitySpec::name).toList();
                boolean child = seed.entities().stream()
                        .flatMap(e -> e.collections().stream())
                        .anyMatch(c -> c.name().equals(entityName));
                problem(
                        report,
                        path,
                        Quote.of(to)
                                + (child
                                        ? " references a collection's items, which cannot be picked by index; reference their"
                                                + " parent entity"
                                        : " names no entity of table "
                                                + table.get().name() + "; write table.entity.attribute with"
                                                + " one of " + names + ", e.g. to: "
                                                + table.get().name() + "." + names.get(0)
                                                + ".id"));
                return Optional.empty();
            }
            entity = Optional.of(entityName);
            attributes = found.get().attributes();
            count = found.get().count();
            rest = rest.substring(dot + 1);
        }
        String attribute = rest;
        GeneratorSpec referenced = attributes.get(attribute);
        if (referenced == null
                && attributes.isEmpty()
                && seed.entities().isEmpty()
                && seed.sources().isEmpty()) {
            problem(
                    report,
                    path,
                    Quote.of(to) + ": table " + table.get().name() + " has no seed, so it has no generated items to"
                            + " reference; give it a seed with " + Quote.of(attribute) + " among its attributes");
            return Optional.empty();
        }
        if (referenced == null && attributes.isEmpty() && seed.entities().isEmpty()) {
            problem(
                    report,
                    path,
                    Quote.of(to) + ": table " + table.get().name() + " reads its items from files, which cannot be"
                            + " made again by index to be referenced; reference a table whose items are generated");
            return Optional.empty();
        }
        if (referenced == null) {
            String hint = DidYouMean.hint(attribute, attributes.keySet());
            problem(
                    report,
                    path,
                    Quote.of(to) + ": table " + table.get().name()
                            + entity.map(e -> " entity " + e).orElse("") + " generates no attribute "
                            + Quote.of(attribute)
                            + "; " + hint + "use one of " + attributes.keySet());
            return Optional.empty();
        }
        if (referenced instanceof GeneratorSpec.Fake fake && FakeKind.followsTheClock(fake.expression())) {
            problem(
                    report,
                    path,
                    Quote.of(to) + " is made by a Datafaker expression that follows the wall clock, so the value"
                            + " made again for the reference would differ from the one written; reference an"
                            + " attribute made otherwise, e.g. a timestamp generator or the table's key");
            return Optional.empty();
        }
        if (referenced instanceof GeneratorSpec.Maybe) {
            problem(
                    report,
                    path,
                    Quote.of(to) + " is optional in table " + table.get().name()
                            + ", so some items lack it; reference an attribute every item has, e.g. its key");
            return Optional.empty();
        }
        if (count == 0) {
            problem(
                    report,
                    path,
                    Quote.of(to) + ": table " + table.get().name()
                            + entity.map(e -> " entity " + e).orElse("") + " generates 0 items, so there is nothing to"
                            + " reference; give it a count of at least 1");
            return Optional.empty();
        }
        String key = table.get().name() + "." + entity.map(e -> e + ".").orElse("") + attribute;
        if (resolving.contains(key)) {
            List<String> chain = new ArrayList<>(resolving.subList(resolving.indexOf(key), resolving.size()));
            chain.add(key);
            problem(
                    true,
                    report ? path : topPath,
                    "references form a cycle: " + String.join(" -> ", chain)
                            + "; let one of them generate its own values");
            return Optional.empty();
        }
        resolving.add(key);
        try {
            // Only what the referenced attribute reads is kept, with its own references resolved.
            Map<String, GeneratorSpec> needed = new LinkedHashMap<>();
            Map<String, GeneratorSpec> from = attributes;
            AttributeOrder.closure(java.util.Set.of(attribute), attributes)
                    .forEach(name -> needed.put(name, from.get(name)));
            Map<String, GeneratorSpec> ordered = new LinkedHashMap<>();
            from.keySet().stream().filter(needed::containsKey).forEach(name -> ordered.put(name, needed.get(name)));
            Map<String, GeneratorSpec> resolved = attributes(ordered, path, false);
            return Optional.of(new GeneratorSpec.RefTarget(
                    table.get().name(), entity, attribute, count, seed.randomSeed(), seed.baseTime(), resolved, 0, 0));
        } finally {
            resolving.remove(resolving.size() - 1);
        }
    }

    /** Adds a problem; one inside a referenced table ({@code report} false) is reported at that table's own ref. */
    private void problem(boolean report, String path, String message) {
        if (report) {
            problems.add(new Problem(path, message));
        }
    }
}
