package dev.dynaseed.cli.engine;

import dev.dynaseed.engine.EngineException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the folder with the local engine's package.json and package-lock.json: the {@code dynaseed.home} system
 * property (set by the launcher), the {@code DYNASEED_HOME} variable, or the checkout the CLI jar was built in.
 */
public final class EngineHome {
    private EngineHome() {}

    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("dynaseed.home")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("DYNASEED_HOME")).map(Path::of).ifPresent(candidates::add);
        jarLocation().ifPresent(jar -> ancestors(jar).forEach(candidates::add));
        ancestors(Path.of("").toAbsolutePath()).forEach(candidates::add);
        return candidates.stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("package-lock.json"))
                        && Files.isRegularFile(dir.resolve("package.json")))
                .findFirst()
                .orElseThrow(() -> new EngineException("cannot find the local engine's package files"
                        + " (package.json, package-lock.json); run dynaseed through its ./dynaseed launcher, or set"
                        + " DYNASEED_HOME to the dynaseed checkout, or use --endpoint-url"));
    }

    private static Optional<Path> jarLocation() {
        try {
            return Optional.of(Path.of(EngineHome.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static List<Path> ancestors(Path start) {
        List<Path> result = new ArrayList<>();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            result.add(dir);
        }
        return result;
    }
}
