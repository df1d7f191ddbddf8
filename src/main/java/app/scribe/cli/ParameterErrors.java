package app.scribe.cli;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picocli's refusals of a command line, told as one sentence each in the CLI's words: "--steps must be a whole
 * number (got 'abc').", "train needs --corpus and --out.", "Give either --greedy or --beam, not both." and so on,
 * never picocli's own texts (which name Java types and fields). A refusal a command raised itself keeps its text.
 */
final class ParameterErrors {
    private static final Pattern OPTION_NAME = Pattern.compile("(?<![\\w<])--?[A-Za-z][\\w-]*");
    private static final Pattern FOUND = Pattern.compile("but found '(.*)'$");

    private ParameterErrors() {
    }

    /** The sentence for {@code e}, without the {@code error: } prefix. */
    static String sentence(ParameterException e) {
        CommandLine cli = e.getCommandLine();
        String message = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "");
        if (e instanceof MissingParameterException && !cli.getUnmatchedArguments().isEmpty()) {
            // A mistyped option is the likelier mistake than the options it leaves missing: "--stpes 3".
            return unmatched(cli, new UnmatchedArgumentException(cli, cli.getUnmatchedArguments()));
        }
        if (e instanceof MissingParameterException missing) {
            return missing(cli, missing, message);
        }
        if (e instanceof MutuallyExclusiveArgsException) {
            return exclusive(message);
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return nameOf(overwritten.getOverwritten()) + " is given twice.";
        }
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(cli, unmatched);
        }
        if (message.startsWith("Invalid value for ") && e.getArgSpec() != null && e.getValue() != null) {
            return invalidValue(e.getArgSpec(), e.getValue());
        }
        return asSentence(message);
    }

    private static String missing(CommandLine cli, MissingParameterException e, String message) {
        List<String> names = e.getMissing() == null ? List.of()
                : e.getMissing().stream().map(ParameterErrors::nameOf).distinct().toList();
        if (names.isEmpty()) {
            return asSentence(message);
        }
        if (message.startsWith("Missing required parameter for option")) {
            return names.get(0) + " needs a value.";
        }
        Matcher found = FOUND.matcher(message);
        if (message.startsWith("Expected parameter for option") && found.find()) {
            return names.get(0) + " needs a value (found the option " + quoted(found.group(1)) + " after it).";
        }
        String joiner = message.contains("specify one of these") ? " or " : " and ";
        return commandName(cli) + " needs " + list(names, joiner) + ".";
    }

    private static String exclusive(String message) {
        int end = message.indexOf(" are mutually exclusive");
        Matcher m = OPTION_NAME.matcher(end < 0 ? message : message.substring(0, end));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!names.contains(m.group())) {
                names.add(m.group());
            }
        }
        if (names.size() == 2) {
            return "Give either " + names.get(0) + " or " + names.get(1) + ", not both.";
        }
        return names.isEmpty() ? asSentence(message) : "Give only one of " + list(names, " and ") + ".";
    }

    private static String unmatched(CommandLine cli, UnmatchedArgumentException e) {
        String first = e.getUnmatched().get(0);
        String command = commandName(cli);
        if (first.startsWith("-") && first.length() > 1) {
            List<String> suggestions = e.getSuggestions();
            return command + " has no option " + quoted(first) + (suggestions == null || suggestions.isEmpty() ? "."
                    : " (did you mean " + list(suggestions.stream().limit(3).toList(), " or ") + "?).");
        }
        if (!cli.getSubcommands().isEmpty()) {
            String label = cli.getCommandSpec().usageMessage().synopsisSubcommandLabel();
            String noun = label == null || label.contains("COMMAND") ? "command"
                    : label.replaceAll("[\\[\\]]", "").toLowerCase(Locale.ROOT);
            return command + " has no " + noun + " " + quoted(first) + ": pick one of "
                    + list(new ArrayList<>(cli.getSubcommands().keySet()), " or ") + ".";
        }
        return command + " takes no argument " + quoted(first) + ".";
    }

    private static String invalidValue(ArgSpec arg, String value) {
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        String name = nameOf(arg);
        String got = " (got " + quoted(value) + ").";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (value.strip().matches("[-+]?\\d+")) {
                return name + " is too " + (value.strip().startsWith("-") ? "small" : "large") + got;
            }
            return name + " must be a whole number" + got;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return name + " must be a number" + got;
        }
        if (type.isEnum()) {
            List<String> choices = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            return name + " must be one of " + list(choices, " or ") + got;
        }
        if (type == Path.class) {
            return value.isEmpty() ? name + " needs a file name."
                    : name + " is not a file name this system can use" + got;
        }
        return name + " cannot take " + quoted(value) + ".";
    }

    /**
     * A file name as given; an empty one is refused here, as it would otherwise name the working folder. Registered
     * for every command's {@link Path} options.
     */
    static Path path(String text) {
        if (text.isEmpty()) {
            throw new CommandLine.TypeConversionException("no file name");
        }
        return Path.of(text);
    }

    /** An option by its longest name, a positional parameter by its label ({@code ID}). */
    private static String nameOf(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg.paramLabel().replaceAll("[<>]", "");
    }

    /** The command as typed after {@code scribe}: {@code train}, {@code library get}; {@code scribe} for none. */
    private static String commandName(CommandLine cli) {
        String qualified = cli.getCommandSpec().qualifiedName(" ");
        return qualified.contains(" ") ? qualified.substring(qualified.indexOf(' ') + 1) : qualified;
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    /** "a", "a and b", "a, b and c" (with {@code last} between the last two). */
    private static String list(List<String> items, String last) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    /** A message that begins with a capital and ends with a full stop. */
    private static String asSentence(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            return "The command line is not valid.";
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    }
}
