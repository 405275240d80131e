package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.DynaseedException;
import dev.dynaseed.cli.render.Json;
import dev.dynaseed.connection.TargetException;
import dev.dynaseed.imports.ImportException;
import dev.dynaseed.report.ReportJson;
import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every error into what a user reads: one {@code error: ...} line on stderr (a wrong option adds one line
 * pointing at {@code --help}), the same as JSON on stdout under {@code -o json}, and the exit code. No exception class
 * name ever reaches the user; {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** A leading {@code java.lang.ArithmeticException: } and the like, which says nothing to a user. */
    private static final Pattern CLASS_PREFIX =
            Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|$)");

    /** What the user is told. */
    private record Failure(String message, Optional<String> hint, int exitCode, List<Problem> problems) {}

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        Failure failure = new Failure(
                what(e, command) + suggestions(e), Optional.of(helpHint(command)), ExitCode.INVALID_INPUT, List.of());
        return report(failure, command, Arrays.asList(args), Optional.empty());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        List<String> args = parseResult.originalArgs();
        return report(failure(e, command, args.contains("--verbose")), command, args, Optional.of(e));
    }

    private static Failure failure(Exception e, CommandLine command, boolean verbose) {
        if (e instanceof InvalidSpecException invalid) {
            return new Failure(e.getMessage(), Optional.empty(), ExitCode.INVALID_INPUT, invalid.problems());
        }
        if (e instanceof ImportException imported) {
            return new Failure(e.getMessage(), Optional.empty(), ExitCode.INVALID_INPUT, imported.problems());
        }
        if (e instanceof InputException input) {
            Optional<String> hint = input.aboutAnOption() ? Optional.of(helpHint(command)) : Optional.empty();
            return new Failure(e.getMessage(), hint, ExitCode.INVALID_INPUT, List.of());
        }
        if (e instanceof TargetException target && target.isInvalidInput()) {
            return new Failure(e.getMessage(), Optional.empty(), ExitCode.INVALID_INPUT, List.of());
        }
        if (e instanceof DynaseedException) {
            return new Failure(e.getMessage(), Optional.empty(), ExitCode.FAILED, List.of());
        }
        Optional<SdkException> sdk = sdkCause(e);
        if (sdk.isPresent()) {
            String operation = command.getCommandSpec().qualifiedName();
            return new Failure(
                    TargetException.of(operation, sdk.get()).getMessage(),
                    Optional.empty(),
                    ExitCode.FAILED,
                    List.of());
        }
        return new Failure(internalError(e, command, verbose), Optional.empty(), ExitCode.FAILED, List.of());
    }

    private static int report(Failure failure, CommandLine command, List<String> args, Optional<Exception> e) {
        PrintWriter err = command.getErr();
        err.println("error: " + failure.message());
        failure.hint().ifPresent(err::println);
        if (args.contains("--verbose")) {
            e.ifPresent(exception -> exception.printStackTrace(err));
        }
        err.flush();
        if (jsonRequested(args)) {
            PrintWriter out = command.getOut();
            out.println(Json.pretty(json(failure)));
            out.flush();
        }
        return failure.exitCode();
    }

    /** {@code {"error", "hint"?, "exitCode", "problems"?}}; an invalid spec's problems are listed one by one. */
    private static ObjectNode json(Failure failure) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("error", failure.problems().isEmpty() ? failure.message() : "invalid spec");
        failure.hint().ifPresent(hint -> error.put("hint", hint));
        error.put("exitCode", failure.exitCode());
        if (!failure.problems().isEmpty()) {
            error.set("problems", ReportJson.problems(failure.problems()));
        }
        return error;
    }

    /**
     * Whether the command line asks for JSON. Read from the words themselves: a command line that failed to parse has
     * no complete parse result.
     */
    static boolean jsonRequested(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                return false;
            }
            boolean next = (arg.equals("-o") || arg.equals("--output")) && i + 1 < args.size();
            if ((next && args.get(i + 1).equals("json"))
                    || arg.equals("-o=json")
                    || arg.equals("-ojson")
                    || arg.equals("--output=json")) {
                return true;
            }
        }
        return false;
    }

    /** picocli's message, except "Unmatched argument at index 0: 'aply'" for a mistyped command. */
    private static String what(ParameterException e, CommandLine command) {
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && !unmatched.getUnmatched().isEmpty()
                && !command.getSubcommands().isEmpty()) {
            return "'" + unmatched.getUnmatched().get(0) + "' is not a command of '"
                    + command.getCommandSpec().qualifiedName() + "'";
        }
        return firstLine(e.getMessage());
    }

    private static String helpHint(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName();
        boolean hasSubcommands = !command.getSubcommands().isEmpty()
                && command.getSubcommands().keySet().stream().anyMatch(sub -> !sub.equals("help"));
        return "run '" + name + " --help' for " + (hasSubcommands ? "its commands" : "the options");
    }

    private static String suggestions(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched)
                || unmatched.getSuggestions().isEmpty()) {
            return "";
        }
        return "; did you mean "
                + unmatched.getSuggestions().stream()
                        .limit(3)
                        .map(s -> "'" + s + "'")
                        .collect(Collectors.joining(" or "))
                + "?";
    }

    private static Optional<SdkException> sdkCause(Throwable e) {
        return causes(e).stream()
                .filter(SdkException.class::isInstance)
                .map(SdkException.class::cast)
                .findFirst();
    }

    /** {@code e} and its causes, outermost first; bounded, as a cause chain may loop. */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = e; cause != null && chain.size() < 16 && !chain.contains(cause); ) {
            chain.add(cause);
            cause = cause.getCause();
        }
        return chain;
    }

    /**
     * A failure nobody planned for (a bug): what went wrong (the first message along the causes), with the way to the
     * details. Never an exception's class name; where in dynaseed's code (the innermost cause's frame) only under
     * {@code --verbose}, which a user reporting the bug is asked for anyway.
     */
    private static String internalError(Exception e, CommandLine command, boolean verbose) {
        List<Throwable> chain = causes(e);
        String what = chain.stream()
                .map(ErrorHandler::plainMessage)
                .filter(message -> !message.isEmpty())
                .findFirst()
                .orElse("an internal error with no message");
        return command.getCommandSpec().qualifiedName() + " failed: " + what
                + (verbose ? where(chain.get(chain.size() - 1)) : "; run with --verbose for details");
    }

    private static String plainMessage(Throwable e) {
        String message = firstLine(e.getMessage());
        String previous;
        do {
            previous = message;
            message = CLASS_PREFIX.matcher(message).replaceFirst("").trim();
        } while (!message.equals(previous));
        return message;
    }

    /** The innermost frame in dynaseed's code, e.g. {@code  (in TimeGenerator.next, line 57)}. */
    private static String where(Throwable root) {
        return Arrays.stream(root.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("dev.dynaseed."))
                .findFirst()
                .map(frame -> " (in "
                        + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1)
                        + "." + frame.getMethodName()
                        + (frame.getLineNumber() > 0 ? ", line " + frame.getLineNumber() : "") + ")")
                .orElse("");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
