package dev.dynaseed.cli;

import dev.dynaseed.checkpoint.CheckpointFile;
import dev.dynaseed.connection.Target;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where a run's checkpoint is kept: {@code --checkpoint FILE}; else, for the local engine, {@code checkpoint.json}
 * in its data folder (next to its tables); else {@code .dynaseed/checkpoints/<target>.json} in the current folder.
 */
public final class CheckpointOptions {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--checkpoint",
            paramLabel = "FILE",
            description = "The checkpoint file recording which items were written (default: checkpoint.json in the"
                    + " local engine's data folder; for other targets .dynaseed/checkpoints/TARGET.json in the"
                    + " current folder).")
    Path file;

    /** The checkpoint of a run on {@code target}, whose local engine (if it is the target) keeps {@code dataDir}. */
    CheckpointFile file(TargetOptions options, Target target) {
        if (file != null) {
            return new CheckpointFile(file);
        }
        if (target.kind() == Target.Kind.LOCAL) {
            return new CheckpointFile(options.engine.dataDir().resolve("checkpoint.json"));
        }
        Object root = mixee.root().userObject();
        Path directory = root instanceof Dynaseed dynaseed ? dynaseed.directory() : Path.of("");
        return new CheckpointFile(
                directory.resolve(".dynaseed").resolve("checkpoints").resolve(slug(target.describe()) + ".json"));
    }

    /** E.g. {@code endpoint-http-127.0.0.1-8000} from a target's description: a safe file name. */
    static String slug(String description) {
        String slug = description
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9.]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }
}
