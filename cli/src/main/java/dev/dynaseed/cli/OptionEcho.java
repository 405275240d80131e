package dev.dynaseed.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The spec and target options a command was given, as words for the next command it suggests, so that advice such
 * as "run 'dynaseed apply ...'" works on the same spec and target.
 */
final class OptionEcho {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:%+=,@-]+");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@");

    private OptionEcho() {}

    /** E.g. {@code " -f orders.yaml --endpoint-url http://127.0.0.1:8000"}, or empty when none was given. */
    static String specAndTarget(CommandSpec command) {
        Set<OptionSpec> repeated = new HashSet<>();
        command.mixins().values().stream()
                .filter(mixin -> mixin.userObject() instanceof SpecOptions
                        || mixin.userObject() instanceof ImportOptionsMixin
                        || mixin.userObject() instanceof TargetOptions)
                .forEach(mixin -> mixin.options().forEach(option -> repeated.addAll(matching(command, option))));
        ParseResult parsed = command.commandLine().getParseResult();
        List<String> words = new ArrayList<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (!repeated.contains(option)) {
                continue;
            }
            String name = option.names()[0];
            if (option.arity().max() == 0) {
                words.add(name);
                continue;
            }
            for (String value : option.originalStringValues()) {
                words.add(name);
                words.add(quote(name.equals("--endpoint-url") ? withoutUserInfo(value) : value));
            }
        }
        return words.isEmpty() ? "" : " " + String.join(" ", words);
    }

    /** The command's own option for a mixin's option (picocli copies mixin options into the command). */
    private static List<OptionSpec> matching(CommandSpec command, OptionSpec mixinOption) {
        OptionSpec own = command.findOption(mixinOption.longestName());
        return own == null ? List.of() : List.of(own);
    }

    /** A password in an endpoint URL is never printed. */
    private static String withoutUserInfo(String url) {
        return USER_INFO.matcher(url).replaceFirst("$1***@");
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
