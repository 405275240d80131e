package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.Quote;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code fake} generator kind: Datafaker expressions. */
final class FakeKind implements GeneratorKind<GeneratorSpec.Fake> {
    static final FakeKind INSTANCE = new FakeKind();

    private FakeKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.FAKE;
    }

    @Override
    public Class<GeneratorSpec.Fake> specType() {
        return GeneratorSpec.Fake.class;
    }

    @Override
    public String doc() {
        return "a Datafaker expression, e.g. `#{Name.fullName}` or `#{Internet.emailAddress}`, in `locale`";
    }

    @Override
    public String valueTypes() {
        return "S";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required(
                        "expression",
                        ParameterType.TEXT,
                        "expression: '#{Name.fullName}'",
                        "Datafaker expression; text around #{...} is kept"),
                Parameter.text("locale", "en", "locale: de-CH", "language tag of the data, e.g. en, fr, de-CH"));
    }

    @Override
    public String example() {
        return "{generator: fake, expression: '#{Name.fullName}'}";
    }

    @Override
    public GeneratorSpec.Fake read(ParameterValues values) {
        return new GeneratorSpec.Fake(
                values.text("expression").orElseThrow(), values.text("locale").orElseThrow());
    }

    @Override
    public void validate(GeneratorSpec.Fake spec, GeneratorChecks checks) {
        Optional<String> unknown = DatafakerLocales.problem(spec.locale());
        if (unknown.isPresent()) {
            checks.problem("locale", unknown.get());
            return;
        }
        Locale locale = Locale.forLanguageTag(spec.locale());
        if (spec.expression().isBlank()) {
            checks.problem("expression", "is empty; write e.g. expression: '#{Name.fullName}'");
            return;
        }
        if (checks.fixedBaseTime().isPresent() && followsTheClock(spec.expression())) {
            checks.problem(
                    "expression",
                    Quote.of(spec.expression()) + " follows the wall clock (Datafaker's past, future and birthday"
                            + " count from now, not from the run's baseTime), so its values would differ from run to"
                            + " run despite randomSeed; use {generator: timestamp, from: 2024-01-01, to: 2024-12-31}"
                            + " or isoTimestamp with withinSeconds, which follow baseTime");
            return;
        }
        // Tried once, so that a typo is a problem of the spec, not a failure in the middle of a run.
        FakeGenerator.tryOnce(spec.expression(), locale)
                .ifPresent(reason -> checks.problem(
                        "expression",
                        Quote.of(spec.expression()) + " " + reason
                                + "; write e.g. '#{Name.fullName}' or '#{Internet.emailAddress}' (see"
                                + " https://www.datafaker.net/documentation/providers/)"));
    }

    /**
     * Whether {@code expression} calls a Datafaker method that reads the wall clock: {@code past}, {@code future} or
     * {@code birthday} of the date and time providers (they count from {@code Instant.now()}); {@code between}
     * with given dates does not.
     */
    static boolean followsTheClock(String expression) {
        return CLOCK.matcher(expression).find();
    }

    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile(
            "#\\{\\s*(?:date|timeanddate|dateandtime)\\.(?:past|future|birthday)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    @Override
    public Generator create(GeneratorSpec.Fake spec, long tableSeed) {
        return new FakeGenerator(spec.expression(), Locale.forLanguageTag(spec.locale()));
    }
}
