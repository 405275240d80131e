package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.imports.ImportOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * CloudFormation's pseudo parameters, from the import options; {@code AWS::StackId} ends in a UUID derived from the
 * stack name, so that it is the same on every run.
 */
final class PseudoParameters {
    static final String NO_VALUE = "AWS::NoValue";

    private final ImportOptions options;

    PseudoParameters(ImportOptions options) {
        this.options = options;
    }

    /** Whether {@code name} is a pseudo parameter (AWS::NoValue and AWS::NotificationARNs included). */
    static boolean isPseudo(String name) {
        return name.startsWith("AWS::");
    }

    /** The value of a single-valued pseudo parameter; empty for an unknown name. */
    Optional<String> value(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "AWS::StackName" -> options.stackName();
                    case "AWS::Region" -> options.region();
                    case "AWS::AccountId" -> options.accountId();
                    case "AWS::Partition" -> partition();
                    case "AWS::URLSuffix" -> urlSuffix();
                    case "AWS::StackId" -> stackId();
                    default -> null;
                });
    }

    String partition() {
        String region = options.region();
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    String urlSuffix() {
        return options.region().startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    String stackId() {
        UUID id = UUID.nameUUIDFromBytes(("dynaseed-stack/" + options.stackName()).getBytes(StandardCharsets.UTF_8));
        return "arn:" + partition() + ":cloudformation:" + options.region() + ":" + options.accountId() + ":stack/"
                + options.stackName() + "/" + id;
    }

    ImportOptions options() {
        return options;
    }
}
