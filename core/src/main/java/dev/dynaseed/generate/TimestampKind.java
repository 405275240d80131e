package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.Quote;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code timestamp} generator kind: instants within a window, as ISO text or epoch numbers. */
final class TimestampKind implements GeneratorKind<GeneratorSpec.Timestamp> {
    static final TimestampKind INSTANCE = new TimestampKind();

    /** Always three fraction digits, so that the text sorts like the instants (a sort key's order). */
    /** ISO-8601 UTC to the millisecond, always with its three digits: fixed-width text sorts as time does. */
    static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimestampKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.TIMESTAMP;
    }

    @Override
    public Class<GeneratorSpec.Timestamp> specType() {
        return GeneratorSpec.Timestamp.class;
    }

    @Override
    public String doc() {
        return "uniform instant from `from` to `to` (UTC), as `isoTimestamp` (S, 2025-03-01T09:30:00.000Z), `isoDate` (S, 2025-03-01),"
                + " `epochSeconds` or `epochMillis` (N)";
    }

    @Override
    public String valueTypes() {
        return "S or N, by `format`";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.required(
                        "from", ParameterType.TEXT, "from: 2025-01-01", "first instant: an ISO date or instant"),
                Parameter.required(
                        "to",
                        ParameterType.TEXT,
                        "to: 2025-12-31T23:59:59Z",
                        "last instant, ≥ from (a date: its start)"),
                Parameter.text(
                        "format",
                        "isoTimestamp",
                        "format: epochSeconds",
                        "one of " + String.join(", ", GeneratorSpec.Timestamp.FORMATS)));
    }

    @Override
    public String example() {
        return "{generator: timestamp, from: 2025-01-01, to: 2025-12-31, format: isoDate}";
    }

    @Override
    public GeneratorSpec.Timestamp read(ParameterValues values) {
        return new GeneratorSpec.Timestamp(
                values.text("from").orElseThrow(),
                values.text("to").orElseThrow(),
                values.text("format").orElseThrow());
    }

    /** {@code text} as an instant: an ISO instant, or an ISO date at its start (UTC). */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(
                        LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void validate(GeneratorSpec.Timestamp spec, GeneratorChecks checks) {
        Optional<Instant> from = bound(spec.from(), "from", checks);
        Optional<Instant> to = bound(spec.to(), "to", checks);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            checks.problem("from " + spec.from() + " is after to " + spec.to() + "; swap them");
        }
        if (!GeneratorSpec.Timestamp.FORMATS.contains(spec.format())) {
            checks.problem(
                    "format",
                    Quote.of(spec.format()) + " is not a format; use one of "
                            + String.join(", ", GeneratorSpec.Timestamp.FORMATS) + ", e.g. format: isoDate");
        }
    }

    private static Optional<Instant> bound(String text, String name, GeneratorChecks checks) {
        Optional<Instant> instant = instant(text)
                .filter(found -> !found.isBefore(TimeKind.EARLIEST)
                        && !found.isAfter(Instant.parse("9999-12-31T23:59:59.999Z")));
        if (instant.isPresent() && instant.get().getNano() % 1_000_000 != 0) {
            checks.problem(
                    name,
                    Quote.of(text) + " is finer than a millisecond, and timestamps are made to the millisecond"
                            + " (a value could fall outside from to to); write at most 3 digits after the seconds,"
                            + " e.g. " + name + ": 2025-01-01T12:00:00.001Z");
            return Optional.empty();
        }
        if (instant.isEmpty()) {
            checks.problem(
                    name,
                    Quote.of(text) + " is not an ISO date or instant from year 0 to 9999; write e.g. " + name
                            + ": 2025-01-01 or " + name + ": 2025-01-01T12:00:00Z");
        }
        return instant;
    }

    @Override
    public Generator create(GeneratorSpec.Timestamp spec, long tableSeed) {
        long from = instant(spec.from()).orElseThrow().toEpochMilli();
        long to = instant(spec.to()).orElseThrow().toEpochMilli();
        String format = spec.format();
        return context -> {
            long millis = to == from ? from : context.random().nextLong(from, to + 1);
            return switch (format) {
                case "epochSeconds" -> AttributeValue.fromN(Long.toString(Math.floorDiv(millis, 1000)));
                case "epochMillis" -> AttributeValue.fromN(Long.toString(millis));
                case "isoDate" ->
                    AttributeValue.fromS(DateTimeFormatter.ISO_LOCAL_DATE.format(
                            Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)));
                default -> AttributeValue.fromS(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
            };
        };
    }
}
