package dev.contractkit.stub.readme;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell command line split into words as a POSIX shell would: single quotes keep everything, double
 * quotes keep all but \" \\ \$ \`, a backslash-newline joins lines, a backslash outside quotes escapes.
 * Enough for the commands a README prints; no expansion, no pipes.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words; throws IllegalArgumentException when a quote is left open. */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < command.length()) {
                char next = command.charAt(++i);
                if (next != '\n') {
                    word = append(word, next);
                }
            } else if (c == '\'' || c == '"') {
                int end = closing(command, i, c);
                word = append(word, c == '\'' ? command.substring(i + 1, end) : unescape(command.substring(i + 1, end)));
                i = end;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = append(word, c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Whether the text ends inside quotes: the command goes on to the next line. */
    static boolean open(String command) {
        try {
            split(command);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static int closing(String command, int start, char quote) {
        for (int i = start + 1; i < command.length(); i++) {
            if (quote == '"' && command.charAt(i) == '\\') {
                i++;
            } else if (command.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed " + quote + " in: " + command);
    }

    private static String unescape(String doubleQuoted) {
        return doubleQuoted.replaceAll("\\\\([\"\\\\$`])", "$1").replace("\\\n", "");
    }

    private static StringBuilder append(StringBuilder word, Object text) {
        return (word == null ? new StringBuilder() : word).append(text);
    }
}
