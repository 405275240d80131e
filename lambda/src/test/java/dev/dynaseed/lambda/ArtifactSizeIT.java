package dev.dynaseed.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The deployment artifact stays within its 15 MB budget and carries Datafaker, so fake values work in Lambda too. */
class ArtifactSizeIT {
    private static final Path JAR = Path.of("target/dynaseed-lambda.jar");
    /** The budget, in bytes (15 MB): the artifact measured 14,453,633 bytes with Datafaker 2.7.0 and all locales. */
    private static final long BUDGET = 15_000_000L;

    @Test
    void lambdaJar_staysWithin15Megabytes() throws IOException {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(BUDGET);
    }

    @Test
    void lambdaJar_includesDatafakerAndItsEnglishData() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.getEntry("net/datafaker/Faker.class")).isNotNull();
            assertThat(jar.stream().anyMatch(entry -> entry.getName().startsWith("en/")))
                    .as("the en locale's data files")
                    .isTrue();
        }
    }
}
