package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SpecValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one generator as read from a spec, already checked against their declared types; a parameter
 * left out has its declared default. Asking for an undeclared parameter, or one of another type, is a bug in the
 * kind and fails at once.
 */
public final class ParameterValues {
    private final Map<String, Parameter> declared;
    private final Map<String, Object> given;

    private ParameterValues(Map<String, Parameter> declared, Map<String, Object> given) {
        this.declared = declared;
        this.given = given;
    }

    /** The values {@code given} (by parameter name, of the Java type their {@link ParameterType} reads to). */
    public static ParameterValues of(GeneratorKind<?> kind, Map<String, Object> given) {
        Objects.requireNonNull(kind, "kind");
        Map<String, Parameter> declared = new LinkedHashMap<>();
        kind.parameters().forEach(parameter -> declared.put(parameter.name(), parameter));
        return new ParameterValues(declared, new LinkedHashMap<>(given));
    }

    /** A whole-number parameter, or its default. */
    public long whole(String name) {
        return value(name, ParameterType.WHOLE_NUMBER, Long.class).orElseThrow(() -> noDefault(name));
    }

    /** A number parameter, or its default. */
    public BigDecimal decimal(String name) {
        return value(name, ParameterType.DECIMAL, BigDecimal.class).orElseThrow(() -> noDefault(name));
    }

    /** A number parameter, when given (it has no default). */
    public Optional<BigDecimal> optionalDecimal(String name) {
        return value(name, ParameterType.DECIMAL, BigDecimal.class);
    }

    /** A nested generator parameter. */
    public GeneratorSpec generator(String name) {
        return value(name, ParameterType.GENERATOR, GeneratorSpec.class).orElseThrow(() -> noDefault(name));
    }

    /** A map of names to nested generators, in the order written. */
    public Map<String, GeneratorSpec> generators(String name) {
        Map<String, GeneratorSpec> generators = new LinkedHashMap<>();
        value(name, ParameterType.GENERATOR_MAP, Map.class)
                .ifPresent(map -> map.forEach((key, value) -> generators.put((String) key, (GeneratorSpec) value)));
        return generators;
    }

    /** A string parameter, when given. */
    public Optional<String> text(String name) {
        return value(name, ParameterType.TEXT, String.class);
    }

    /** A literal parameter. */
    public SpecValue literal(String name) {
        return value(name, ParameterType.LITERAL, SpecValue.class).orElseThrow(() -> noDefault(name));
    }

    /** A list of literals, empty when left out. */
    public List<SpecValue> literals(String name) {
        return list(name, ParameterType.LITERAL_LIST, SpecValue.class);
    }

    /** A list of numbers, empty when left out. */
    public List<Double> numbers(String name) {
        return list(name, ParameterType.NUMBER_LIST, Double.class);
    }

    private <T> List<T> list(String name, ParameterType type, Class<T> element) {
        return value(name, type, List.class)
                .map(values -> values.stream().map(element::cast).toList())
                .orElse(List.of());
    }

    private <T> Optional<T> value(String name, ParameterType type, Class<T> javaType) {
        Parameter parameter = declared.get(name);
        if (parameter == null || parameter.type() != type) {
            throw new IllegalArgumentException("no " + type + " parameter '" + name + "' is declared");
        }
        Object value = given.containsKey(name)
                ? given.get(name)
                : parameter.defaultValue().orElse(null);
        return Optional.ofNullable(value).map(javaType::cast);
    }

    private static IllegalStateException noDefault(String name) {
        return new IllegalStateException("parameter '" + name + "' is neither given nor defaulted");
    }
}
