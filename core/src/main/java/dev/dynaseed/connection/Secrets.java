package dev.dynaseed.connection;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes AWS credentials from text before it is printed, logged or returned: access key ids, the credential scope
 * and signature of an Authorization header, and security tokens and secret keys named as such. An endpoint that
 * echoes a request's headers in its error message would otherwise put them in errors, reports and logs.
 */
public final class Secrets {
    /** What a removed credential is replaced with. */
    public static final String MASK = "***";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // Authorization: AWS4-HMAC-SHA256 Credential=AKIA.../date/region/service/aws4_request, ..., Signature=hex
            new Rule(Pattern.compile("(?i)(Credential=)[^,;\\s\"']+"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)(Signature=)[0-9a-f]+"), "$1" + MASK),
            // Access key ids: AKIA (long-term), ASIA (temporary), and the other IAM unique id prefixes.
            new Rule(Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"), "$1" + MASK),
            // A token or secret named as such: header, property, environment variable or JSON field.
            new Rule(
                    Pattern.compile("(?i)((?:x-amz-security-token|security[_-]?token|session[_-]?token"
                            + "|secret[_-]?access[_-]?key|aws_secret_access_key|aws_session_token)"
                            + "[\"']?\\s*[:=]\\s*[\"']?)[^\\s;,\"'&]+"),
                    "$1" + MASK));

    private Secrets() {}

    /** {@code text} with every credential it holds replaced by {@value #MASK}. */
    public static String redact(String text) {
        Objects.requireNonNull(text, "text");
        String result = text;
        for (Rule rule : RULES) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return result;
    }
}
