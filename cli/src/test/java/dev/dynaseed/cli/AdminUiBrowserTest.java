package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.testing.Dynalite;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code dynaseed local start --admin} in a real browser: Debian's headless Chromium, driven through its chromedriver,
 * sees the seeded tables and an item on dynamodb-admin's pages; {@code local stop} stops the UI with the engine.
 */
class AdminUiBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Generous: a page of a local UI on a busy shared machine. */
    private static final Duration PAGE_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @TempDir
    Path browserProfile;

    @Test
    void localStartAdmin_showsTheSeededTablesAndAnItemInABrowser_andStopsWithTheEngine() throws Exception {
        ensureChromium();
        int port = Dynalite.freePort();
        int adminPort = Dynalite.freePort();
        String[] where = {"--port", Integer.toString(port), "--data-dir", dataDir.toString()};
        try {
            Cli.Result start = Cli.run(concat(
                    new String[] {"local", "start", "--admin", "--admin-port", Integer.toString(adminPort)}, where));
            assertThat(start.exitCode()).as(start.err()).isZero();
            assertThat(start.out()).contains("admin UI (dynamodb-admin) at http://127.0.0.1:" + adminPort);

            Cli.Result apply = Cli.run(concat(new String[] {"apply"}, where));
            assertThat(apply.exitCode()).as(apply.err()).isZero();
            Cli.Result scan = Cli.run(concat(new String[] {"scan", "webapp_user_logs", "-o", "json"}, where));
            JsonNode items = new ObjectMapper().readTree(scan.out());
            String transactionId = items.get(0).get("transaction_id").asText();

            WebDriver browser = browser();
            try {
                String url = "http://127.0.0.1:" + adminPort;
                browser.get(url + "/");
                new WebDriverWait(browser, PAGE_BOUND)
                        .until(page -> page.getPageSource().contains("utilityapp_user_logs"));
                assertThat(browser.getPageSource())
                        .contains("webapp_user_logs", "mobile_user_logs", "utilityapp_user_logs");

                browser.findElement(By.partialLinkText("webapp_user_logs")).click();
                new WebDriverWait(browser, PAGE_BOUND)
                        .until(page -> page.getPageSource().contains(transactionId));
                assertThat(browser.getCurrentUrl()).contains("webapp_user_logs");
            } finally {
                browser.quit();
            }

            Cli.Result status = Cli.run(concat(new String[] {"local", "status"}, where));
            assertThat(status.out()).contains("Admin UI (dynamodb-admin): http://127.0.0.1:" + adminPort);
        } finally {
            Cli.Result stop = Cli.run(concat(new String[] {"local", "stop"}, where));
            assertThat(stop.out()).contains("Stopped the admin UI.");
        }
        assertThat(listening(adminPort))
                .as("the admin UI stopped with the engine")
                .isFalse();
        assertThat(listening(port)).as("the engine stopped").isFalse();
    }

    @Test
    void adminPort_withoutAdmin_isRefusedBeforeAnythingStarts() {
        int port = Dynalite.freePort();
        Cli.Result start = Cli.run(
                "local",
                "start",
                "--admin-port",
                "8123",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString());

        assertThat(start.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(start.err()).contains("--admin-port needs --admin");
        assertThat(listening(port)).isFalse();
    }

    @Test
    void localStop_stopsTheAdminUi_evenWhenItsEngineWasKilled() throws Exception {
        int port = Dynalite.freePort();
        int adminPort = Dynalite.freePort();
        String[] where = {"--port", Integer.toString(port), "--data-dir", dataDir.toString()};
        Cli.Result start = Cli.run(
                concat(new String[] {"local", "start", "--admin", "--admin-port", Integer.toString(adminPort)}, where));
        assertThat(start.exitCode()).as(start.err()).isZero();
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile(
                        "local engine \\(dynalite\\) at \\S+ \\(pid (\\d+)\\)")
                .matcher(start.out());
        assertThat(pid.find()).as(start.out()).isTrue();
        ProcessHandle engine = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        engine.destroyForcibly();
        engine.onExit().get(60, TimeUnit.SECONDS);

        Cli.Result status = Cli.run(concat(new String[] {"local", "status"}, where));
        Cli.Result stop = Cli.run(concat(new String[] {"local", "stop"}, where));

        assertThat(status.out()).contains("The admin UI still runs at http://127.0.0.1:" + adminPort);
        assertThat(stop.out()).startsWith("Stopped the admin UI (its engine was gone). No local engine was running");
        assertThat(listening(adminPort)).isFalse();
    }

    @Test
    void adminPort_equalToTheEnginePort_isRefusedBeforeAnythingStarts() {
        int port = Dynalite.freePort();
        Cli.Result start = Cli.run(
                "local",
                "start",
                "--admin",
                "--admin-port",
                Integer.toString(port),
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString());

        assertThat(start.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(start.err()).contains("--admin-port " + port + " is the engine's port too");
        assertThat(listening(port)).isFalse();
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without the background-networking flags Chromium keeps dialling out.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(PAGE_BOUND)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_BOUND);
        return driver;
    }

    /**
     * Installs Debian's chromium and chromium-driver when they are missing (as {@code .ci/run} does first), so that the
     * README's test command works on a fresh machine; never a browser download of a test tool.
     */
    private static void ensureChromium() throws IOException, InterruptedException {
        if (CHROMIUM.toFile().canExecute() && CHROMEDRIVER.toFile().canExecute()) {
            return;
        }
        String fix = "install Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver";
        assertThat(new File("/usr/bin/apt-get"))
                .as("no %s and no apt-get to install it; %s", CHROMIUM, fix)
                .exists();
        for (List<String> command : List.of(
                List.of("apt-get", "update", "-qq"),
                List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"))) {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean ended = process.waitFor(15, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            assertThat(ended && process.exitValue() == 0)
                    .as("'%s' failed; %s", String.join(" ", command), fix)
                    .isTrue();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
