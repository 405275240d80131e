package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A proxy configured for the machine (environment or JVM properties) is never asked to reach this machine. */
class ProxySettingsTest {
    @TempDir
    Path dir;

    @Test
    void apply_toAnEndpointOnThisMachine_goesDirect_whenAProxyIsSetThatAnswersNothing() throws Exception {
        String table = Dynalite.uniqueTableName("proxy");
        Path spec = Files.writeString(dir.resolve("spec.yaml"), """
                version: 1
                tables:
                  - name: %s
                    partitionKey: {name: id, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                    seed:
                      count: 60
                      attributes:
                        id: uuid4
                """.formatted(table));
        // Nothing listens there: a request sent through the proxy would fail to connect.
        int port = Dynalite.freePort();
        String deadProxy = "http://127.0.0.1:" + port;
        Path out = dir.resolve("out.json");
        Process child = ChildCli.start(
                List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + port, "-Dhttp.nonProxyHosts=example.com"),
                Map.of("HTTP_PROXY", deadProxy, "HTTPS_PROXY", deadProxy, "http_proxy", deadProxy, "NO_PROXY", ""),
                dir,
                out,
                dir.resolve("err.txt"),
                "apply",
                "-f",
                spec.toString(),
                "--endpoint-url",
                Dynalite.target().endpoint().toString(),
                "-o",
                "json");

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as(Files.readString(dir.resolve("err.txt")))
                .isZero();
        JsonNode seed =
                new ObjectMapper().readTree(out.toFile()).path("tables").get(0).path("seed");
        assertThat(seed.path("written").asLong()).isEqualTo(60);
    }
}
