package dev.dynaseed.connection;

import dev.dynaseed.DynaseedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The target could not be reached or refused a request: one line saying what failed, on which endpoint (never with
 * a password), and what to check. {@link #from} turns any SDK failure into one.
 */
public final class TargetException extends DynaseedException {
    /**
     * Apache HttpClient 5's answers to a connection the endpoint closed (named, not imported: that client is
     * optional); the JDK's client throws {@link SocketException} or {@link EOFException} instead.
     */
    private static final Set<String> CLOSED = Set.of(
            "org.apache.hc.core5.http.NoHttpResponseException", "org.apache.hc.core5.http.ConnectionClosedException");

    private static final long serialVersionUID = 1L;
    private static final Pattern MILLIS = Pattern.compile("(\\d+) millis");
    private static final int MAX_DETAIL = 300;
    /** What the SDK appends to messages: attempt counts, service, status and request id. */
    private static final Pattern SDK_DECORATIONS = Pattern.compile(
            "\\s*\\((?:SDK Attempt Count: \\d+|Service: [^)]*|Status Code: [^)]*|Request ID: [^)]*)\\)");
    /**
     * What Apache HttpClient 5 puts before a connect failure ("Connect to http://host:port [/addresses] failed: "):
     * the message names the endpoint already, as it does for the JDK's client, whose detail is the failure alone.
     */
    private static final Pattern CONNECT_TO = Pattern.compile("^Connect to \\S+(?: \\[[^\\]]*\\])? failed: ");
    /** Messages dynaseed's own interceptors write: already plain, shown as they are. */
    static final String NOT_SENT = "not sent: ";

    static final String LOCAL_ENGINE_GONE = "the local engine stopped answering";

    /** What went wrong, for callers that react differently (exit codes, retries). */
    public enum Kind {
        /** The TCP connection was refused or could not be made in time. */
        UNREACHABLE,
        /** Connected, but no (complete) answer within the time allowed. */
        NO_ANSWER,
        /** The server closed the connection without an HTTP answer. */
        CONNECTION_CLOSED,
        /** The TLS handshake failed, typically https:// to a plain HTTP port. */
        TLS,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** No credentials were found. */
        NO_CREDENTIALS,
        /** The target did not accept the credentials (unknown key, bad signature, expired token). */
        CREDENTIALS_REJECTED,
        /** The credentials lack permission for the operation. */
        ACCESS_DENIED,
        /** No region was given or configured. */
        NO_REGION,
        /** The region is not one the SDK knows. */
        UNKNOWN_REGION,
        /** The named profile is in neither AWS file. */
        NO_PROFILE,
        /** The AWS config or credentials file cannot be parsed. */
        BAD_PROFILE_FILE,
        /** The target answered with an error of its own. */
        SERVICE,
        /** Anything else the SDK reported. */
        OTHER
    }

    private final Kind kind;

    public TargetException(Kind kind, String message, Throwable cause) {
        super(oneLine(message), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Kept for callers that do not know the endpoint; prefer {@link #from(SdkClient, String, SdkException)}. */
    public TargetException(String message, Throwable cause) {
        this(Kind.OTHER, message, cause);
    }

    /** Whether the user named something that does not exist (a profile, a region): exit code 2, nothing was sent. */
    public boolean isInvalidInput() {
        return switch (kind) {
            case NO_PROFILE, BAD_PROFILE_FILE, UNKNOWN_REGION, NO_REGION -> true;
            case UNREACHABLE,
                    NO_ANSWER,
                    CONNECTION_CLOSED,
                    TLS,
                    UNKNOWN_HOST,
                    NO_CREDENTIALS,
                    CREDENTIALS_REJECTED,
                    ACCESS_DENIED,
                    SERVICE,
                    OTHER -> false;
        };
    }

    /** What went wrong, by kind. */
    public Kind kind() {
        return kind;
    }

    /**
     * {@code e}, raised by {@code operation} (e.g. {@code "DescribeTable orders"}) through {@code client}, as one line
     * naming the client's endpoint.
     */
    public static TargetException from(SdkClient client, String operation, SdkException e) {
        return from(Endpoints.describe(client), operation, e);
    }

    /** {@code e}, raised by {@code operation} against {@code target}, as one line naming the target. */
    public static TargetException from(Target target, String operation, SdkException e) {
        return from(Objects.requireNonNull(target, "target").describe(), operation, e);
    }

    /** As {@link #from(SdkClient, String, SdkException)} when the endpoint is unknown; says "the target". */
    public static TargetException of(String operation, SdkException e) {
        return from("the target", operation, e);
    }

    private static TargetException from(String where, String operation, SdkException e) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(e, "e");
        Kind kind = kindOf(e);
        String what = reason(e);
        String check = switch (kind) {
            case UNREACHABLE -> "check that the endpoint is running and reachable, and its host and port";
            case NO_ANSWER ->
                "check that a DynamoDB-compatible server answers there (not just accepts"
                        + " connections) and is not overloaded, or allow more time per attempt with"
                        + " --request-timeout SECONDS";
            case CONNECTION_CLOSED ->
                "check that the URL points at a DynamoDB-compatible endpoint and that"
                        + " http:// or https:// matches what it serves";
            case TLS ->
                "if the endpoint serves plain HTTP use http:// instead of https://, otherwise check"
                        + " its certificate";
            case UNKNOWN_HOST -> "check the host name in --endpoint-url, or the --region (e.g. us-east-1)";
            case NO_CREDENTIALS ->
                "configure some ('aws configure', or AWS_ACCESS_KEY_ID and"
                        + " AWS_SECRET_ACCESS_KEY) or name a profile with --profile";
            case CREDENTIALS_REJECTED ->
                "check the access key, secret and session token (expired?) of the"
                        + " profile or environment, and that --region is the account's";
            // ListTables is granted on the account's tables ("*"), every other call on the table it names.
            case ACCESS_DENIED ->
                "grant the credentials dynamodb:" + api(operation)
                        + (api(operation).equals("ListTables") ? " (on resource \"*\")" : " on the table");
            case NO_REGION -> "give one with --region, e.g. --region us-east-1, or set region in the" + " profile";
            case SERVICE -> serviceCheck(e);
            case UNKNOWN_REGION, NO_PROFILE, BAD_PROFILE_FILE, OTHER ->
                "check the endpoint, credentials and region"
                        + " (--endpoint-url, --region, --profile); run with --verbose for details";
        };
        return new TargetException(kind, operation + " on " + where + " failed: " + what + "; " + check, e);
    }

    /**
     * Why {@code e} failed, in plain words without class names or the SDK's decorations (attempt counts, request
     * ids), e.g. {@code cannot connect (Connection refused)}.
     */
    public static String reason(SdkException e) {
        Objects.requireNonNull(e, "e");
        String own = String.valueOf(e.getMessage());
        if (own.startsWith(NOT_SENT) || own.startsWith(LOCAL_ENGINE_GONE)) {
            return detail(own);
        }
        Kind kind = kindOf(e);
        return switch (kind) {
            case UNREACHABLE -> "cannot connect (" + detail(rootCause(e)) + ")";
            case NO_ANSWER -> "no answer" + within(e);
            case CONNECTION_CLOSED -> "the connection closed without an answer (" + detail(rootCause(e)) + ")";
            case TLS -> "the TLS handshake failed (" + detail(find(e, SSLException.class)) + ")";
            case UNKNOWN_HOST -> "the host name " + detail(find(e, UnknownHostException.class)) + " does not resolve";
            case NO_CREDENTIALS -> "no AWS credentials were found";
            case CREDENTIALS_REJECTED, ACCESS_DENIED, SERVICE -> "the target answered " + serviceError(e);
            case NO_REGION -> "no region is set";
            case UNKNOWN_REGION, NO_PROFILE, BAD_PROFILE_FILE, OTHER -> detail(e);
        };
    }

    /** The profile is in neither AWS file: said before any call, naming both files. */
    public static TargetException noProfile(String profile, Path configFile, Path credentialsFile) {
        return new TargetException(
                Kind.NO_PROFILE,
                "profile '" + profile + "' is not in " + configFile + " nor in " + credentialsFile
                        + "; create it with 'aws configure --profile " + profile + "', or pick an existing one"
                        + " with --profile",
                null);
    }

    /** The region is not one the SDK knows: said before any call. */
    public static TargetException unknownRegion(String region) {
        return new TargetException(
                Kind.UNKNOWN_REGION,
                "region '" + region + "' is not an AWS region; use one such as us-east-1 or eu-west-1 (for a"
                        + " region newer than this build: --endpoint-url https://dynamodb.REGION.amazonaws.com"
                        + " --region REGION)",
                null);
    }

    /** The region set in {@code profile} in {@code file} is not one the SDK knows: said before any call. */
    public static TargetException unknownRegion(String region, String profile, Path file) {
        return new TargetException(
                Kind.UNKNOWN_REGION,
                "region '" + region + "' is not an AWS region (it is set in profile '" + profile + "' in " + file
                        + "); fix it there or give one with --region, e.g. --region us-east-1",
                null);
    }

    /** The profile exists but says nothing about credentials: said before any call, never with a secret. */
    public static TargetException noProfileCredentials(String profile, Path file, Path credentialsFile) {
        return new TargetException(
                Kind.NO_CREDENTIALS,
                "profile '" + profile + "' in " + file + " has no credentials; add aws_access_key_id and"
                        + " aws_secret_access_key to [" + profile + "] in " + credentialsFile
                        + " or use 'aws configure --profile " + profile + "'",
                null);
    }

    /** An AWS config or credentials file that does not parse: its path, the line and what to fix. */
    public static TargetException badProfileFile(Path file, RuntimeException e) {
        String problem = oneLine(String.valueOf(e.getMessage()));
        Matcher line = Pattern.compile("\\s*on line (\\d+)").matcher(problem);
        String where = file.toString();
        if (line.find()) {
            where += " line " + line.group(1);
            problem = problem.substring(0, line.start()) + problem.substring(line.end());
        }
        if (!problem.isEmpty()) {
            problem = Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
        }
        return new TargetException(
                Kind.BAD_PROFILE_FILE,
                where + ": " + detail(problem) + "; fix that line (a section reads e.g. [profile dev], a setting"
                        + " e.g. region = us-east-1), or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE at"
                        + " another file",
                e);
    }

    /** No region for AWS from the options, the environment or the profile. */
    public static TargetException noRegion(Target target, SdkException e) {
        return new TargetException(
                Kind.NO_REGION,
                "no region is set for " + target.describe() + "; give one with --region, e.g. --region us-east-1,"
                        + " or set region in the profile (or AWS_REGION)",
                e);
    }

    /** How {@code e} failed, from its type, its causes and, for service errors, its error code. */
    public static Kind kindOf(SdkException e) {
        Objects.requireNonNull(e, "e");
        if (e instanceof SdkServiceException) {
            String code = errorCode(e).toLowerCase(Locale.ROOT);
            if (code.contains("accessdenied")) {
                return Kind.ACCESS_DENIED;
            }
            if (code.contains("unrecognizedclient")
                    || code.contains("invalidsignature")
                    || code.contains("expiredtoken")
                    || code.contains("invalidclienttokenid")
                    || code.contains("missingauthenticationtoken")) {
                return Kind.CREDENTIALS_REJECTED;
            }
            return Kind.SERVICE;
        }
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return Kind.UNKNOWN_HOST;
            }
            if (t instanceof SSLException) {
                return Kind.TLS;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SocketTimeoutException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
                return Kind.UNREACHABLE;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException) {
                return Kind.NO_ANSWER;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("unable to load credentials") || message.contains("contained no credentials")) {
            return Kind.NO_CREDENTIALS;
        }
        if (message.contains("unable to load region")) {
            return Kind.NO_REGION;
        }
        for (Throwable t : chain) {
            if (t instanceof EOFException
                    || t instanceof SocketException
                    || CLOSED.contains(t.getClass().getName())) {
                return Kind.CONNECTION_CLOSED;
            }
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("unexpected end of file") || text.contains("connection reset")) {
                return Kind.CONNECTION_CLOSED;
            }
        }
        return Kind.OTHER;
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        // The SDK adds earlier attempts' failures as suppressed: a refused connection before a timeout matters.
        List<Throwable> suppressed = new ArrayList<>();
        for (Throwable t : chain) {
            for (Throwable s : t.getSuppressed()) {
                for (Throwable u = s; u != null && suppressed.size() < 20; u = u.getCause()) {
                    suppressed.add(u);
                }
            }
        }
        chain.addAll(suppressed);
        return chain;
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t : chain(e)) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return e;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root;
    }

    private static String within(SdkException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
                Matcher millis = MILLIS.matcher(String.valueOf(t.getMessage()));
                if (millis.find()) {
                    return " within " + seconds(Long.parseLong(millis.group(1)))
                            + (t instanceof ApiCallAttemptTimeoutException ? " (one attempt)" : "");
                }
            }
        }
        return " in time (" + detail(e) + ")";
    }

    private static String seconds(long millis) {
        String text = String.format(Locale.ROOT, "%.1f", millis / 1000.0);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " s";
    }

    private static String serviceError(SdkException e) {
        int status = e instanceof SdkServiceException service ? service.statusCode() : 0;
        String code = errorCode(e);
        if (code.isEmpty()
                && e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().sdkHttpResponse() != null) {
            code = aws.awsErrorDetails()
                    .sdkHttpResponse()
                    .statusText()
                    .map(text -> text.replace(" ", ""))
                    .orElse("");
        }
        String message = e instanceof AwsServiceException aws
                        && aws.awsErrorDetails() != null
                        && aws.awsErrorDetails().errorMessage() != null
                ? aws.awsErrorDetails().errorMessage()
                : String.valueOf(e.getMessage());
        String plain = detail(message);
        String answer = ((status == 0 ? "" : status + " ") + code).strip();
        return answer + (plain.isEmpty() || plain.startsWith("Service returned HTTP status code") ? "" : ": " + plain);
    }

    private static String serviceCheck(SdkException e) {
        int status = e instanceof SdkServiceException service ? service.statusCode() : 0;
        if (status >= 500) {
            return "the server failed; retry later, or check its logs";
        }
        if (errorCode(e).isEmpty() || status == 404 || status == 405) {
            return "check that the URL points at a DynamoDB-compatible endpoint";
        }
        return "run with --verbose for details";
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException aws
                && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "";
    }

    private static String api(String operation) {
        int space = operation.indexOf(' ');
        return space < 0 ? operation : operation.substring(0, space);
    }

    private static String detail(Throwable t) {
        String message = t.getMessage();
        return detail(message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }

    private static String detail(String text) {
        String line = Endpoints.redact(CONNECT_TO
                .matcher(SDK_DECORATIONS.matcher(text).replaceAll("").strip())
                .replaceFirst(""));
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }

    private static String oneLine(String message) {
        return Secrets.redact(Endpoints.redact(Objects.requireNonNull(message, "message")))
                .replaceAll("\\s*[\\r\\n]+\\s*", " ")
                .strip();
    }
}
