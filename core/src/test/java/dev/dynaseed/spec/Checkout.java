package dev.dynaseed.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the checkout the tests run in (Surefire runs them in the module's folder). */
final class Checkout {
    /** Set it ({@code -Ddynaseed.regenerate=true}) to rewrite the generated files instead of failing. */
    static final boolean REGENERATE = Boolean.getBoolean("dynaseed.regenerate");

    /** The command that rewrites the generated files. */
    static final String REGENERATE_COMMAND =
            "./mvnw -B -o -pl core test -Dtest=GeneratedFilesTest -Ddynaseed.regenerate=true";

    private Checkout() {}

    static Path root() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException("the tests do not run inside a dynaseed checkout");
        }
        return folder;
    }

    static String read(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(String path, String content) {
        try {
            Path file = root().resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
