package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ref} generator kind: a key of another table's generated items, recomputed from that table's seed and
 * the picked item's index rather than remembered, so references cost no memory and only name keys that exist.
 */
final class RefKind implements GeneratorKind<GeneratorSpec.Ref> {
    static final RefKind INSTANCE = new RefKind();
    static final List<String> DISTRIBUTIONS = List.of("uniform", "zipf");

    private RefKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.REF;
    }

    @Override
    public Class<GeneratorSpec.Ref> specType() {
        return GeneratorSpec.Ref.class;
    }

    @Override
    public String doc() {
        return "an attribute of another table's generated items (`users.user_id`, or `app.user.user_id` for an"
                + " entity), the item picked `uniform`ly or by `zipf` (item 0 most often)";
    }

    @Override
    public String valueTypes() {
        return "type of the referenced attribute";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required(
                        "to", ParameterType.TEXT, "to: users.user_id", "table.attribute, or table.entity.attribute"),
                Parameter.text("distribution", "uniform", "distribution: zipf", "uniform or zipf"),
                Parameter.decimal("exponent", BigDecimal.ONE, "exponent: 1.1", "zipf: the skew, > 0"));
    }

    @Override
    public String example() {
        return "{generator: ref, to: users.user_id, distribution: zipf}";
    }

    @Override
    public GeneratorSpec.Ref read(ParameterValues values) {
        return new GeneratorSpec.Ref(
                values.text("to").orElseThrow(),
                values.text("distribution").orElseThrow(),
                values.decimal("exponent"),
                java.util.Optional.empty());
    }

    @Override
    public void validate(GeneratorSpec.Ref spec, GeneratorChecks checks) {
        if (!DISTRIBUTIONS.contains(spec.distribution())) {
            checks.problem(
                    "distribution",
                    Quote.of(spec.distribution()) + " is not a distribution of references; use uniform or zipf");
        }
        if (spec.exponent().signum() <= 0) {
            checks.problem(
                    "exponent",
                    spec.exponent().stripTrailingZeros().toPlainString() + " is not positive; use e.g. exponent: 1.1");
        }
        // Whether the table and attribute exist is checked where the whole spec is known (References).
    }

    @Override
    public Generator create(GeneratorSpec.Ref spec, long tableSeed) {
        GeneratorSpec.RefTarget target = spec.target()
                .orElseThrow(() -> new GenerationException(
                        "the reference to " + spec.to() + " was not resolved; read the spec with SpecReader", null));
        long targetSeed = ItemGenerator.tableSeed(target.table(), target.randomSeed(), target.runSeed());
        Instant base = ItemGenerator.baseTime(
                target.randomSeed(), target.baseTime(), Instant.ofEpochMilli(target.runEpochMillis()));
        String prefix = target.entity().map(entity -> entity + ".").orElse("");
        ItemRecipe recipe = ItemRecipe.only(
                " of table " + target.table(), prefix, target.attributes(), targetSeed, Set.of(target.attribute()));
        long count = target.count();
        long baseMillis = base.toEpochMilli();
        String attribute = target.attribute();
        ZipfSampler zipf = "zipf".equals(spec.distribution())
                ? new ZipfSampler(count, spec.exponent().doubleValue())
                : null;
        return context -> {
            long picked = zipf == null ? context.random().nextLong(count) : zipf.sample(context.random()) - 1;
            AttributeValue value =
                    recipe.make(picked, picked, baseMillis, java.util.Map.of()).get(attribute);
            if (value == null) {
                throw new IllegalStateException("item " + picked + " of table " + target.table() + " has no "
                        + attribute + " (it is optional there); reference a key attribute");
            }
            return value;
        };
    }
}
