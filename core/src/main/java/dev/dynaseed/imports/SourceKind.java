package dev.dynaseed.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The foreign formats tables can be imported from; {@link #optionName()} is the value {@code --from-kind} takes. */
public enum SourceKind {
    CLOUDFORMATION("cloudformation", "CloudFormation/SAM template"),
    SERVERLESS("serverless", "serverless.yml"),
    TERRAFORM("terraform", "Terraform configuration"),
    NOSQL_WORKBENCH("workbench", "NoSQL Workbench data model"),
    CREATE_TABLE_JSON("create-table", "CreateTable request JSON");

    private final String optionName;
    private final String description;

    SourceKind(String optionName, String description) {
        this.optionName = optionName;
        this.description = description;
    }

    /** The kind's name on the command line, e.g. {@code cloudformation}. */
    public String optionName() {
        return optionName;
    }

    /** What the kind is, for messages, e.g. {@code CloudFormation/SAM template}. */
    public String description() {
        return description;
    }

    /** The kind named {@code name} (case-insensitive), if any. */
    public static Optional<SourceKind> named(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.optionName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The option names, comma separated, for messages. */
    public static String optionNames() {
        return Arrays.stream(values()).map(SourceKind::optionName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return optionName;
    }
}
