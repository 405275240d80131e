package dev.dynaseed.cli;

import picocli.CommandLine.Option;

/** How results are printed. */
public final class OutputOptions {
    /** Output formats. */
    public enum Format {
        text,
        json
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON is stable and"
                    + " documented for scripts.")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }
}
