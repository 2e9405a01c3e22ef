package dev.contractkit.stub.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every curl of a README's code blocks with the answer the README claims for it: the comment lines right
 * after a curl, `# <status>` then optionally the body, `...` standing for what is left out. A curl without
 * one, or a curl the parser cannot find the start of, is an error naming its line: every curl is checked.
 */
final class ReadmeCurls {

    /** A curl as printed, at its README line, with the claimed status and body (null: status only). */
    record DocumentedCurl(int line, Curl curl, int status, JsonClaim body) {
    }

    private static final Pattern CLAIM = Pattern.compile("(\\d{3})(?:\\s+(.*))?", Pattern.DOTALL);

    private ReadmeCurls() {
    }

    static List<DocumentedCurl> of(String readme) {
        List<String> lines = readme.lines().toList();
        List<DocumentedCurl> curls = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (inBlock && line.startsWith("curl ")) {
                int start = i;
                StringBuilder command = new StringBuilder(lines.get(i));
                while (command.toString().endsWith("\\") || ShellWords.open(command.toString())) {
                    command.append('\n').append(lines.get(++i));
                }
                StringBuilder claim = new StringBuilder();
                while (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("#")) {
                    claim.append(lines.get(++i).strip().substring(1).strip()).append(' ');
                }
                curls.add(documented(start + 1, command.toString(), claim.toString().strip()));
            } else if (inBlock && line.matches(".*\\bcurl\\b.*")) {
                throw new IllegalArgumentException("README line " + (i + 1) + ": a curl not at the start of its line: " + line);
            }
        }
        return curls;
    }

    private static DocumentedCurl documented(int line, String command, String claim) {
        try {
            Matcher m = CLAIM.matcher(claim);
            if (!m.matches()) {
                throw new IllegalArgumentException("no claimed answer: follow the curl with a line `# <status> [body]`");
            }
            return new DocumentedCurl(line, Curl.parse(ShellWords.split(command)), Integer.parseInt(m.group(1)),
                    m.group(2) == null ? null : new JsonClaim(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("README line " + line + ": " + e.getMessage(), e);
        }
    }
}
