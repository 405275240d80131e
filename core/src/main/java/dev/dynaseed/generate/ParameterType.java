package dev.dynaseed.generate;

/** The spec-file type of a generator parameter, which fixes how it is read and how the JSON Schema describes it. */
public enum ParameterType {
    /** A whole number that fits in 64 bits. */
    WHOLE_NUMBER("a whole number"),
    /** Any number, kept exact. */
    DECIMAL("a number"),
    /** A string. */
    TEXT("a string"),
    /** A string, number or boolean literal. */
    LITERAL("a string, number or boolean"),
    /** A list of literals. */
    LITERAL_LIST("a list"),
    /** A list of numbers. */
    NUMBER_LIST("a list of numbers"),
    /** A nested generator, by bare name or object. */
    GENERATOR("a generator"),
    /** A map of names to nested generators. */
    GENERATOR_MAP("a map of names to generators");

    private final String description;

    ParameterType(String description) {
        this.description = description;
    }

    /** How messages and documentation name this type, e.g. "a whole number". */
    public String description() {
        return description;
    }
}
