package dev.dynaseed.cli.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds the local engine's data folder the way git finds its repository: the {@code .dynaseed/data} of the nearest
 * folder, from the current one upwards, that holds a {@code .dynaseed} folder; else {@code ./.dynaseed/data}. So a
 * command run from a project's subfolder uses the project's tables instead of starting a second, empty engine.
 * The search stops below the home folder: a stray {@code ~/.dynaseed} is used only from the home folder itself.
 */
public final class DataFolder {
    static final String MARKER = ".dynaseed";

    private DataFolder() {}

    public static Path find(Path start, Path home) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(home, "home");
        Path from = start.toAbsolutePath().normalize();
        Path stop = home.toAbsolutePath().normalize();
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (dir.equals(stop) && !dir.equals(from)) {
                break;
            }
            if (Files.isDirectory(dir.resolve(MARKER))) {
                return dir.resolve(MARKER).resolve("data");
            }
        }
        return from.resolve(MARKER).resolve("data");
    }
}
