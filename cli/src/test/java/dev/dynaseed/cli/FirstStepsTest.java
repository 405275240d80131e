package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer meets after 'init': the spec it wrote is used, and the advice printed works as given. */
class FirstStepsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();

    private String writeSpec(Path file, String table) throws IOException {
        Files.writeString(
                file,
                "tables:\n  - name: " + table + "\n    partitionKey: {name: id, type: S}\n"
                        + "    seed: {count: 2, attributes: {id: uuid4}}\n");
        return table;
    }

    @Test
    void plan_withoutF_usesTheDynaseedYamlInitWrote_andSaysSo() throws IOException {
        String table = writeSpec(dir.resolve("dynaseed.yaml"), Dynalite.uniqueTableName("mine"));

        Cli.Result plan = Cli.runIn(dir, "plan", "--endpoint-url", endpoint);

        Path spec = dir.resolve("dynaseed.yaml");
        assertThat(plan.exitCode()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(plan.err())
                .isEqualTo("Using spec " + spec + " (pass -f to choose another, or --builtin for the seed scenario)\n");
        assertThat(plan.out())
                .isEqualTo("Plan for " + spec + " on endpoint " + endpoint + ":\n\n"
                        + "TABLE" + " ".repeat(table.length() - 5) + "  ACTION  DETAILS\n"
                        + table + "  create  id (S), PAY_PER_REQUEST; seed 2 items (append)\n\n"
                        + "1 to create, 0 to update in place, 0 to replace, 0 blocked, 0 unchanged. Nothing was written; to apply it, run: dynaseed apply"
                        + " --endpoint-url " + endpoint + "\n");
    }

    @Test
    void apply_withoutF_seedsTheDynaseedYaml() throws IOException {
        String table = writeSpec(dir.resolve("dynaseed.yaml"), Dynalite.uniqueTableName("applied"));

        Cli.Result apply = Cli.runIn(dir, "apply", "--endpoint-url", endpoint, "--samples", "0", "-o", "json");

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(JSON.readTree(apply.out()).at("/tables/0/name").asText()).isEqualTo(table);
        assertThat(apply.err()).startsWith("Using spec " + dir.resolve("dynaseed.yaml") + " (pass -f");
    }

    @Test
    void builtin_choosesTheSeedScenario_evenWithADynaseedYaml() throws IOException {
        writeSpec(dir.resolve("dynaseed.yaml"), Dynalite.uniqueTableName("ignored"));

        Cli.Result plan = Cli.runIn(dir, "plan", "--builtin", "--endpoint-url", endpoint);

        assertThat(plan.exitCode()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(plan.err()).isEmpty();
        assertThat(plan.out())
                .startsWith("Plan for built-in seed scenario on endpoint " + endpoint + ":\n")
                .endsWith("Nothing was written; to apply it, run: dynaseed apply --builtin --endpoint-url " + endpoint
                        + "\n");
    }

    @Test
    void withoutADynaseedYaml_theSeedScenarioIsUsed_silently() {
        Cli.Result plan = Cli.runIn(dir, "plan", "--endpoint-url", endpoint);

        assertThat(plan.exitCode()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(plan.err()).isEmpty();
        assertThat(plan.out()).startsWith("Plan for built-in seed scenario on");
    }

    @Test
    void fileAndBuiltin_together_areAnOptionError() {
        Cli.Result result = Cli.runIn(dir, "plan", "-f", "x.yaml", "--builtin", "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: -f and --builtin both choose the spec; pass one of them\n"
                        + "run 'dynaseed plan --help' for the options\n");
    }

    @Test
    void planHint_repeatsTheSpecAndTargetOptions_quotedForTheShell_withoutAPassword() throws IOException {
        Path file = dir.resolve("my orders.yaml");
        String table = writeSpec(file, Dynalite.uniqueTableName("hinted"));
        String withPassword = endpoint.replace("http://", "http://admin:secret@");

        Cli.Result plan = Cli.run("plan", "--file", file.toString(), "--endpoint-url", withPassword);

        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCode.PLAN_CHANGES);
        assertThat(plan.out())
                .contains(table)
                .endsWith("; to apply it, run: dynaseed apply -f '" + file + "' --endpoint-url '"
                        + endpoint.replace("http://", "http://***@") + "'\n");
    }

    @Test
    void scan_acceptsTextOutput_likeEveryOtherCommand() throws IOException {
        Path file = dir.resolve("spec.yaml");
        String table = writeSpec(file, Dynalite.uniqueTableName("texted"));
        Cli.run("apply", "-f", file.toString(), "--endpoint-url", endpoint, "--samples", "0");

        Cli.Result scan = Cli.run("scan", table, "--endpoint-url", endpoint, "-o", "text");

        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(scan.out()).startsWith("id\n").endsWith("\n(2 items shown)\n");
        assertThat(scan.out().lines()).hasSize(4);
    }
}
