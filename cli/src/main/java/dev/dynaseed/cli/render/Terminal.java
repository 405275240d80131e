package dev.dynaseed.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person watches this process's stderr. */
final class Terminal {
    private Terminal() {}

    /**
     * On Linux, whether file descriptor 2 is a terminal device; elsewhere, whether the JVM has a console (stdin and
     * stdout are terminals), the closest the JDK tells.
     */
    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String device = Files.readSymbolicLink(stderr).toString();
                return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
