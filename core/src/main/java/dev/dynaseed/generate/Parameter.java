package dev.dynaseed.generate;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a generator kind: its name, type, default (absent when required), the bounds the JSON Schema
 * states, an example for messages ({@code min: 1}) and a short description.
 *
 * @param name the field name in spec files
 * @param type how it is read
 * @param required whether a spec must give it
 * @param defaultValue the value taken when it is left out ({@link Long}, {@link BigDecimal} or {@link String})
 * @param minimum the smallest allowed number, for numeric parameters with a lower bound
 * @param maximum the largest allowed number, for numeric parameters with an upper bound
 * @param example the parameter written with a typical value, e.g. {@code min: 1}
 * @param doc what it does, in a few words
 */
public record Parameter(
        String name,
        ParameterType type,
        boolean required,
        Optional<Object> defaultValue,
        Optional<BigDecimal> minimum,
        Optional<BigDecimal> maximum,
        String example,
        String doc) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(doc, "doc");
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("required parameter " + name + " cannot have a default");
        }
    }

    /** A parameter that a spec must give. */
    public static Parameter required(String name, ParameterType type, String example, String doc) {
        return new Parameter(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), example, doc);
    }

    /** An optional parameter without a default (its absence means something, e.g. no prefix). */
    public static Parameter optional(String name, ParameterType type, String example, String doc) {
        return new Parameter(name, type, false, Optional.empty(), Optional.empty(), Optional.empty(), example, doc);
    }

    /** An optional whole number with a default. */
    public static Parameter whole(String name, long defaultValue, String example, String doc) {
        return new Parameter(
                name,
                ParameterType.WHOLE_NUMBER,
                false,
                Optional.of(defaultValue),
                Optional.empty(),
                Optional.empty(),
                example,
                doc);
    }

    /** An optional number with a default. */
    public static Parameter decimal(String name, BigDecimal defaultValue, String example, String doc) {
        return new Parameter(
                name,
                ParameterType.DECIMAL,
                false,
                Optional.of(defaultValue),
                Optional.empty(),
                Optional.empty(),
                example,
                doc);
    }

    /** An optional string with a default. */
    public static Parameter text(String name, String defaultValue, String example, String doc) {
        return new Parameter(
                name,
                ParameterType.TEXT,
                false,
                Optional.of(defaultValue),
                Optional.empty(),
                Optional.empty(),
                example,
                doc);
    }

    /** This parameter, limited to {@code [minimum, maximum]}. */
    public Parameter between(long minimum, long maximum) {
        return new Parameter(
                name,
                type,
                required,
                defaultValue,
                Optional.of(BigDecimal.valueOf(minimum)),
                Optional.of(BigDecimal.valueOf(maximum)),
                example,
                doc);
    }

    /** This parameter, limited to {@code minimum} or more. */
    public Parameter atLeast(long minimum) {
        return new Parameter(
                name,
                type,
                required,
                defaultValue,
                Optional.of(BigDecimal.valueOf(minimum)),
                Optional.empty(),
                example,
                doc);
    }
}
