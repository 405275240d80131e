package dev.dynaseed.imports.cloudformation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The name CloudFormation gives a table without TableName, {@code STACK-LOGICALID-SUFFIX}, with a suffix that is a
 * fixed function of the stack name and logical ID (13 upper-case letters and digits, as CloudFormation's random ones
 * look) so that every import of a template gives the same names. Names longer than DynamoDB's 255 characters are
 * shortened as CloudFormation does, cutting the logical ID first and then the stack name, never the suffix.
 */
final class PhysicalNames {
    static final int MAX_LENGTH = 255;
    static final int SUFFIX_LENGTH = 13;

    private PhysicalNames() {}

    static String tableName(String stackName, String logicalId) {
        String suffix = suffix(stackName, logicalId);
        String stack = stackName;
        String logical = logicalId;
        int excess = stack.length() + logical.length() + suffix.length() + 2 - MAX_LENGTH;
        if (excess > 0) {
            int cut = Math.min(excess, Math.max(0, logical.length() - 1));
            logical = logical.substring(0, logical.length() - cut);
            excess -= cut;
        }
        if (excess > 0) {
            stack = stack.substring(0, Math.max(1, stack.length() - excess));
        }
        return stack + "-" + logical + "-" + suffix;
    }

    static String suffix(String stackName, String logicalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((stackName + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
            String base36 = new BigInteger(1, digest).toString(36).toUpperCase(Locale.ROOT);
            return base36.substring(0, SUFFIX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
