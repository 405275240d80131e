package dev.dynaseed.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake AWS credentials shaped like real ones (an access key id matching {@code AKIA[A-Z0-9]{16}}, a 40-character
 * secret, a session token), and a scan of captured output for any of them. They are built at run time so that no
 * credential-shaped text sits in the sources; they work only against 127.0.0.1 engines, which do not check them.
 */
public final class FakeCredentials {
    public static final String ACCESS_KEY_ID = "AKIA" + "DYNASEED" + "FAKE0TST";
    public static final String SECRET_ACCESS_KEY = "dynaseed/fake/secret/" + "x".repeat(10) + "0123456789";
    public static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjE" + "DynaseedFakeSessionToken" + "Z".repeat(40) + "==";
    private static final Pattern ACCESS_KEY_PATTERN = Pattern.compile("(AKIA|ASIA)[A-Z0-9]{16}");

    private FakeCredentials() {}

    /** The credentials as the SDK's environment variables. */
    public static Map<String, String> environment() {
        return Map.of(
                "AWS_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "AWS_SESSION_TOKEN", SESSION_TOKEN);
    }

    /** The credentials as the SDK's system properties, as JVM options. */
    public static List<String> systemProperties() {
        return List.of(
                "-Daws.accessKeyId=" + ACCESS_KEY_ID,
                "-Daws.secretAccessKey=" + SECRET_ACCESS_KEY,
                "-Daws.sessionToken=" + SESSION_TOKEN);
    }

    /** Every place in {@code text} that holds an access key id (any, not just the fake one), the secret or the token. */
    public static List<String> leaks(String text) {
        List<String> found = new ArrayList<>();
        Matcher keys = ACCESS_KEY_PATTERN.matcher(text);
        while (keys.find()) {
            found.add("access key id " + keys.group() + " at " + keys.start() + ": " + around(text, keys.start()));
        }
        for (String secret : List.of(SECRET_ACCESS_KEY, SESSION_TOKEN)) {
            for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                found.add((secret.equals(SESSION_TOKEN) ? "session token" : "secret access key") + " at " + at + ": "
                        + around(text, at));
            }
        }
        // Half of the secret or token is as bad as all of it.
        for (String secret : List.of(SECRET_ACCESS_KEY, SESSION_TOKEN)) {
            String half = secret.substring(0, secret.length() / 2);
            if (text.contains(half) && !text.contains(secret)) {
                found.add("part of a secret at " + text.indexOf(half) + ": " + around(text, text.indexOf(half)));
            }
        }
        return found;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60))
                .replace('\n', ' ');
    }
}
