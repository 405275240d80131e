package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeLocalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final String endpoint = Dynalite.target().endpoint().toString();

    @Test
    void eventWithASpec_printsTheLambdaResponse_andLogsOneLinePerPhase() throws IOException {
        String table = Dynalite.uniqueTableName("invoked");
        Path event = dir.resolve("event.json");
        Files.writeString(
                event,
                "{\"spec\": {\"tables\": [{\"name\": \"" + table + "\", \"partitionKey\": {\"name\":"
                        + " \"id\", \"type\": \"S\"}, \"seed\": {\"count\": 4, \"attributes\": {\"id\": \"uuid4\"}}}]}}");

        Cli.Result result = Cli.run("invoke-local", "--event", event.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode response = JSON.readTree(result.out());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.get("body").asText());
        assertThat(body.get("create").toString()).isEqualTo("[[{\"" + table + "\":\"Create successful.\"}]]");
        assertThat(body.get("insert")).hasSize(4);
        assertThat(result.err()
                        .lines()
                        .map(line -> line.replaceAll(",\"ms\":\\d+", ""))
                        .toList())
                .containsExactly(
                        "{\"level\":\"INFO\",\"phase\":\"spec\",\"source\":\"event.spec\",\"valid\":true,\"tables\":1}",
                        "{\"level\":\"INFO\",\"phase\":\"plan\",\"create\":1,\"unchanged\":0,\"update\":0,\"replace\":0,"
                                + "\"allowReplace\":false,\"blocked\":0}",
                        "{\"level\":\"INFO\",\"phase\":\"apply\",\"status\":\"OK\",\"written\":4,\"failed\":0,"
                                + "\"skipped\":0,\"deadlineReached\":false}");
    }

    @Test
    void invalidSpecInTheEvent_exitsWith2_andPrintsThe400Response() throws IOException {
        Path event = dir.resolve("bad.json");
        Files.writeString(event, "{\"spec\": {\"tables\": [{\"name\": \"ok_name\"}]}}");

        Cli.Result result =
                Cli.run("invoke-local", "-e", event.toString(), "--endpoint-url", endpoint, "--decode-body");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode response = JSON.readTree(result.out());
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.at("/body/problems/0/path").asText()).isEqualTo("tables[0].partitionKey");
    }

    @Test
    void missingEventFile_isNamed() {
        Cli.Result result = Cli.run("invoke-local", "-e", "nope.json", "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: --event: nope.json does not exist; give a JSON event file, e.g."
                        + " lambda/events/seed-test-event.json\n");
    }

    @Test
    void timeoutOutOfRange_isAnOptionError_withAHint() {
        Cli.Result result = Cli.run("invoke-local", "--timeout", "901", "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("error: --timeout: 901 is out of range; Lambda allows 1 to 900 seconds\n"
                        + "run 'dynaseed invoke-local --help' for the options\n");
    }

    @Test
    void eventThatIsNotARegularFile_isRefusedBeforeReading() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("events"));

        Cli.Result result = Cli.run("invoke-local", "--event", folder.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("error: --event: " + folder + " is not a regular file; give a JSON event file, e.g."
                        + " lambda/events/seed-test-event.json\n");
    }

    @Test
    void eventFromAnEndlessDevice_isRefusedBeforeReading() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");

        Cli.Result result = Cli.run("invoke-local", "--event", zero.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("error: --event: /dev/zero is not a regular file; give a JSON event file, e.g."
                        + " lambda/events/seed-test-event.json\n");
    }

    @Test
    void shardAgainstAMissingTable_saysTheTableIsMissingAndHowToCreateIt_andWritesNothing() throws IOException {
        String table = Dynalite.uniqueTableName("shard_missing");
        Path event = dir.resolve("shard.json");
        Files.writeString(event, """
                {"spec": {"tables": [{"name": "%s", "partitionKey": {"name": "id", "type": "S"},
                  "billing": {"mode": "PAY_PER_REQUEST"}, "seed": {"count": 10, "attributes": {"id": "uuid4"}}}]}}
                """.formatted(table));

        Cli.Result result =
                Cli.run("invoke-local", "--shard", "1/2", "--event", event.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: --shard 1/2: table '" + table + "' does not exist on endpoint " + endpoint
                        + "; a shard only writes items into tables provisioned before it (as apply --via-lambda does):"
                        + " create them first, e.g. save the event's spec as spec.yaml and run dynaseed apply -f"
                        + " spec.yaml --max-items 0 --endpoint-url " + endpoint
                        + " (it creates the tables and writes no items)\n");
        assertThat(result.out()).isEmpty();
        assertThat(Dynalite.client().listTablesPaginator().tableNames().stream().toList())
                .doesNotContain(table);
    }

    @Test
    void deeplyNestedEvent_isRefusedInOurWords_namingTheLimitAndWhatToDo() throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"spec\": {\"tables\": " + "[".repeat(3000) + "]".repeat(3000) + "}}");

        Cli.Result result = Cli.run("invoke-local", "--event", deep.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err())
                .isEqualTo("error: --event: " + deep + " (line 1) nests objects and lists more than 1000 levels deep;"
                        + " a Lambda event (its spec nests at most 32 levels) needs far fewer: check its brackets, one"
                        + " may never be closed\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void eventAboveLambdasSynchronousPayloadLimit_isRefusedNamingTheLimit() throws IOException {
        Path big = dir.resolve("bigev.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(6L * 1024 * 1024 + 1);
        }

        Cli.Result result = Cli.run("invoke-local", "--event", big.toString(), "--endpoint-url", endpoint);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .isEqualTo("error: --event: " + big + " has 6291457 bytes, more than the 6 MB (6291456 bytes) Lambda"
                        + " accepts for a synchronous invocation; give a smaller event, e.g. one whose spec seeds"
                        + " more rows with \"count\" instead of listing them\n");
    }

    @Test
    void outputJson_isAccepted_andOutputText_isRefusedInOneLine() throws IOException {
        String table = Dynalite.uniqueTableName("asjson");
        Path event = dir.resolve("event.json");
        Files.writeString(
                event,
                "{\"spec\": {\"tables\": [{\"name\": \"" + table + "\", \"partitionKey\": {\"name\":"
                        + " \"id\", \"type\": \"S\"}, \"seed\": {\"count\": 1, \"attributes\": {\"id\": \"uuid4\"}}}]}}");

        Cli.Result json =
                Cli.run("invoke-local", "--event", event.toString(), "--endpoint-url", endpoint, "-o", "json");
        Cli.Result text =
                Cli.run("invoke-local", "--event", event.toString(), "--endpoint-url", endpoint, "-o", "text");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).get("statusCode").asInt()).isEqualTo(200);
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err())
                .isEqualTo("error: --output: invoke-local prints the function's response, which is JSON; pass -o"
                        + " json or leave -o out\nrun 'dynaseed invoke-local --help' for the options\n");
    }
}
