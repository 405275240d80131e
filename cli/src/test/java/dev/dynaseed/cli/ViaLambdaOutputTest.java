package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.dynaseed.testing.Dynalite;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code apply --via-lambda} prints when shards fail, as a user sees it from the real process (its own JVM and
 * logging setup): each failure once, in the CLI's own lines, and no raw log lines.
 */
class ViaLambdaOutputTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shardFailures_arePrintedOnceEach_inTheClisFormat_withoutLogLines() throws Exception {
        HttpServer lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // An Invoke API that knows no function: every shard fails at once, without being invoked again.
        lambda.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            byte[] body =
                    "{\"Type\":\"User\",\"message\":\"Function not found: nope\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lambda.start();
        try {
            String table = Dynalite.uniqueTableName("fan_fail");
            Path spec = Files.writeString(dir.resolve("fan.yaml"), """
                    tables:
                      - name: %s
                        partitionKey: {name: id, type: S}
                        billing: {mode: PAY_PER_REQUEST}
                        seed: {count: 30, attributes: {id: uuid4}}
                    """.formatted(table));
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");

            Process child = ChildCli.start(
                    dir,
                    out,
                    err,
                    "apply",
                    "-f",
                    spec.toString(),
                    "--endpoint-url",
                    Dynalite.target().endpoint().toString(),
                    "--via-lambda",
                    "nope",
                    "--lambda-endpoint-url",
                    "http://127.0.0.1:" + lambda.getAddress().getPort(),
                    "--shards",
                    "3",
                    "--samples",
                    "0");

            assertThat(child.waitFor(150, TimeUnit.SECONDS)).as("apply ended").isTrue();
            String printed = Files.readString(out);
            String logged = Files.readString(err);
            assertThat(child.exitValue()).as(printed + logged).isEqualTo(ExitCode.FAILED);
            assertThat(logged).doesNotContain("WARN").doesNotContain("dev.dynaseed.shard");
            String all = printed + logged;
            for (int shard = 1; shard <= 3; shard++) {
                Matcher failure = Pattern.compile("shard " + shard
                                + "/3: Lambda refused Invoke nope at endpoint http://127\\.0\\.0\\.1:\\d+"
                                + " \\(404 ResourceNotFoundException: Function not found: nope\\)")
                        .matcher(all);
                int times = 0;
                while (failure.find()) {
                    times++;
                }
                assertThat(times)
                        .as("shard " + shard + "'s failure in:\n" + all)
                        .isEqualTo(1);
            }
            assertThat(printed)
                    .contains("Shards: 3, 3 invocations, 0 re-invoked.\n  ! shard ")
                    .doesNotContain("write error: shard");
        } finally {
            lambda.stop(0);
        }
    }
}
