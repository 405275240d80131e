package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.generate.GeneratorDocs;
import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.spec.DefaultSpec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    private static final String SCHEMA_LINE = "# yaml-language-server: $schema=";

    @TempDir
    Path dir;

    @Test
    void init_pointsEditorsAtTheCheckoutsSchema_relativeToTheSpec() throws IOException {
        Path file = dir.resolve("nested/dynaseed.yaml");

        assertThat(Cli.run("init", "-f", file.toString(), "--parents").exitCode())
                .isZero();

        String firstLine = Files.readAllLines(file).get(0);
        assertThat(firstLine).startsWith(SCHEMA_LINE);
        Path schema = file.getParent().resolve(firstLine.substring(SCHEMA_LINE.length()));
        assertThat(Path.of(firstLine.substring(SCHEMA_LINE.length()))).isRelative();
        assertThat(Files.readString(schema)).isEqualTo(SpecSchema.json());
    }

    @Test
    void init_listsEveryGeneratorOfTheRegistry_andStillReadsAsTheSeedScenario() throws IOException {
        Path file = dir.resolve("dynaseed.yaml");

        assertThat(Cli.run("init", "-f", file.toString()).exitCode()).isZero();

        String text = Files.readString(file);
        assertThat(text).endsWith(GeneratorDocs.yamlComments());
        GeneratorKinds.all().forEach(kind -> assertThat(text).contains("#   " + kind.name() + " "));
        assertThat(SpecReader.read(file)).isEqualTo(DefaultSpec.seedScenario());
    }

    @Test
    void init_namesTheFileInItsNextSteps_whenWritingAnotherPath() {
        Path file = dir.resolve("other.yaml");

        Cli.Result result = Cli.run("init", "-f", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .endsWith("Edit it, then run: dynaseed plan -f " + file + " && dynaseed apply -f " + file + "\n");
    }

    @Test
    void init_failsWithOneLine_whenTheFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = notAFolder.resolve("dynaseed.yaml");

        Cli.Result result = Cli.run("init", "-f", file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("error: cannot write " + file + " (")
                .endsWith("); check that its folder is writable, or pass -f with another path\n");
    }

    @Test
    void init_refusesAMissingFolder_namingIt_andCreatesNothing() {
        Path file = dir.resolve("no/such/dir/x.yaml");

        Cli.Result result = Cli.run("init", "-f", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: -f " + file + ": the folder " + dir.resolve("no") + " does not exist; create it"
                        + " first (mkdir -p " + dir.resolve("no/such/dir") + "), or add --parents to have init create"
                        + " it\n");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void initParents_createsTheMissingFolder() {
        Path file = dir.resolve("new/specs/x.yaml");

        Cli.Result result = Cli.run("init", "-f", file.toString(), "--parents");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(file).isRegularFile();
    }

    @Test
    void initForce_refusesAFolder_inOnePlainLine() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("adir"));

        Cli.Result result = Cli.run("init", "-f", folder.toString(), "--force");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: " + folder + " is a folder; pass -f with a file path, e.g. -f " + folder
                        + "/dynaseed.yaml\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void initForce_refusesADevice_inOnePlainLine() {
        Path device = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(device), "needs /dev/full");

        Cli.Result result = Cli.run("init", "-f", device.toString(), "--force");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: /dev/full is not a regular file; pass -f with a file path, e.g. -f"
                        + " dynaseed.yaml\n");
    }
}
