package dev.dynaseed.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;

/** Names endpoints for people: URLs without their user-info part, so no password is ever printed or logged. */
public final class Endpoints {
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");

    private Endpoints() {}

    /** {@code uri} without user info: {@code http://admin:secret@host:8000} becomes {@code http://host:8000}. */
    public static URI withoutUserInfo(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            return URI.create(redact(uri.toString()));
        }
    }

    /**
     * A URL as the user typed it, for echoing in an error, with anything up to its last {@code @} (user info) removed,
     * even when it does not parse: {@code admin:secret@host:8000} becomes {@code host:8000}.
     */
    public static String redactUrl(String url) {
        Objects.requireNonNull(url, "url");
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf("://");
        String prefix = scheme >= 0 && scheme < at ? url.substring(0, scheme + 3) : "";
        return prefix + url.substring(at + 1);
    }

    /** Any text with the user info of every URL in it removed, e.g. an SDK error message. */
    public static String redact(String text) {
        Objects.requireNonNull(text, "text");
        return USER_INFO.matcher(text).replaceAll("$1");
    }

    /**
     * Where {@code client} sends its requests, for messages: its endpoint override without user info, else
     * {@code AWS <region>}.
     */
    public static String describe(SdkClient client) {
        Objects.requireNonNull(client, "client");
        SdkServiceClientConfiguration configuration = client.serviceClientConfiguration();
        return configuration
                .endpointOverride()
                .map(uri -> "endpoint " + withoutUserInfo(uri))
                .orElseGet(() -> "AWS " + regionOf(configuration));
    }

    private static String regionOf(SdkServiceClientConfiguration configuration) {
        if (configuration instanceof AwsServiceClientConfiguration aws && aws.region() != null) {
            return aws.region().id();
        }
        return "(default region)";
    }
}
