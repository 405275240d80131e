package dev.dynaseed.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts the packaged function the way Lambda's Java runtime does: a fresh JVM running the runtime interface
 * client, with the deployment artifact under {@code LAMBDA_TASK_ROOT/lib} and the handler named as its argument.
 */
final class PackagedFunction implements AutoCloseable {
    static final String HANDLER = "dev.dynaseed.lambda.SeedHandler::handleRequest";

    /** Where the runtime client loads its JNI library from, when set (its {@code JniHelper}). */
    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static Path nativeClient;

    private final Process process;
    private final Path log;

    private PackagedFunction(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The artifact {@code ./mvnw -pl lambda -am package} makes. */
    static Path artifact() {
        Path jar = Path.of("target", "dynaseed-lambda.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("lambda", "target", "dynaseed-lambda.jar").toAbsolutePath();
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run ./mvnw -pl lambda -am package first");
        }
        return jar;
    }

    static PackagedFunction start(String runtimeApi, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        return start(Path.of(System.getProperty("java.home")), runtimeApi, environment, jvmOptions);
    }

    /**
     * The JVM options Lambda's Java runtimes start with (its bootstrap's command line, less paths of its own): the
     * serial collector, C1 only, and org.crac's hooks mapped onto the runtime client's, through which SnapStart
     * calls {@code beforeCheckpoint}. java25 keeps the JVM's full tiering when SnapStart is on.
     */
    static List<String> lambdaJvmOptions(int feature, boolean snapStart) {
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-XX:MaxHeapSize=445645k",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-Djava.net.preferIPv4Stack=true"));
        if (feature < 25 || !snapStart) {
            options.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        return options;
    }

    /** Starts the function on the JVM in {@code javaHome}. */
    static PackagedFunction start(
            Path javaHome, String runtimeApi, Map<String, String> environment, List<String> jvmOptions)
            throws IOException {
        Path taskRoot = Files.createTempDirectory("lambda-task-root");
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.copy(
                artifact(),
                taskRoot.resolve("lib").resolve("dynaseed-lambda.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient());
        command.add("-cp");
        command.add(runtimeClientClasspath());
        command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        command.add(HANDLER);
        Path log = taskRoot.resolve("function.log");
        // The runtime client takes its working directory as the task root, as Lambda runs it in /var/task.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("DYNASEED_"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", HANDLER);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "sample-table-creator");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.putAll(environment);
        return new PackagedFunction(builder.start(), log);
    }

    /**
     * The runtime client's JNI library, unpacked once for this test JVM. Left to itself, every runtime client JVM
     * copies it to the one path {@code /tmp/.libaws-lambda-jni.so} and loads it from there: two functions starting
     * at the same moment (as Lambda's environments never share a /tmp) load a file the other is half-way through
     * writing, and die with exit status 134 or 255 before their first invocation.
     */
    private static synchronized Path nativeClient() throws IOException {
        if (nativeClient == null) {
            String arch = System.getProperty("os.arch");
            String name = "libaws-lambda-jni.linux-" + (arch.equals("aarch64") ? "aarch_64" : "x86_64") + ".so";
            try (InputStream library = PackagedFunction.class.getResourceAsStream("/jni/" + name)) {
                if (library == null) {
                    throw new IllegalStateException(
                            "/jni/" + name + " is not in the runtime interface client on the test classpath");
                }
                Path unpacked = Files.createTempFile("libaws-lambda-jni", ".so");
                unpacked.toFile().deleteOnExit();
                Files.copy(library, unpacked, StandardCopyOption.REPLACE_EXISTING);
                nativeClient = unpacked;
            }
        }
        return nativeClient;
    }

    /** The runtime interface client and what it needs, taken from this test's classpath; nothing of dynaseed. */
    private static String runtimeClientClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-runtime-interface-client")
                        || entry.contains("aws-lambda-java-serialization")
                        || entry.contains("aws-lambda-java-core")
                        || entry.contains("utils-lite"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Whether the function's JVM is still running. */
    boolean alive() {
        return process.isAlive();
    }

    /** The JVM's exit status; only once it is no longer {@link #alive()}. */
    int exitStatus() {
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
