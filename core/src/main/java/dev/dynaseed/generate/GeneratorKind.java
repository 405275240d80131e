package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;

/**
 * Everything about one generator kind in one place: its name, one-line doc, parameters, value type, how its spec is
 * built from read parameters, how it is validated and the generator it makes. {@link GeneratorKinds} lists them;
 * the spec reader, the validator, the JSON Schema, the README's table and {@code init}'s comments all use it.
 *
 * @param <S> the spec record of this kind
 */
public interface GeneratorKind<S extends GeneratorSpec> {

    /** The kind this descriptor describes. */
    GeneratorSpec.Kind kind();

    /** The spec record it reads into. */
    Class<S> specType();

    /** Its name in spec files, e.g. {@code intRange}. */
    default String name() {
        return kind().specName();
    }

    /** What its values are, in one line for the README and {@code init}'s comments. */
    String doc();

    /** The DynamoDB type(s) of its values, for documentation, e.g. {@code N, or S with prefix}. */
    String valueTypes();

    /** The parameters it accepts besides {@code generator}, in documentation order. */
    List<Parameter> parameters();

    /** Its object form with typical parameters, e.g. {@code {generator: intRange, min: 1, max: 100}}. */
    String example();

    /** Whether it can be written as its bare name, i.e. none of its parameters is required. */
    default boolean bareNameAllowed() {
        return parameters().stream().noneMatch(Parameter::required);
    }

    /** Builds the spec from parameters that were read and type-checked; the reader has reported every fault. */
    S read(ParameterValues values);

    /** Adds a problem for every value of {@code spec} that would not generate within DynamoDB's and its own limits. */
    void validate(S spec, GeneratorChecks checks);

    /** The generator for a valid {@code spec}; {@code tableSeed} fixes what a generator keeps per table. */
    Generator create(S spec, long tableSeed);
}
