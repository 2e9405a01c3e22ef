package dev.contractkit.apigate;

import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javassist.CtClass;

/**
 * Ties a removed class back to the spec change that caused it: the class added in its place with the same wire
 * shape, and the schema that now holds it. A vendor moving an inline schema to components/schemas renames the
 * generated class and changes nothing on the wire.
 */
final class Replacements {

    /** Removed class (binary name) → where it went, in words. */
    private final Map<String, String> reasons = new HashMap<>();
    /** Removed class (binary name) → its replacement (binary name). */
    private final Map<String, String> replacedBy = new HashMap<>();

    private Replacements() {
    }

    static Replacements of(List<JApiClass> classes, Set<String> oldComponents, Set<String> newComponents) {
        Replacements found = new Replacements();
        List<CtClass> added = classes.stream().filter(c -> c.getChangeStatus() == JApiChangeStatus.NEW)
                .map(c -> c.getNewClass().orElseThrow()).toList();
        for (JApiClass removed : classes) {
            if (removed.getChangeStatus() != JApiChangeStatus.REMOVED) {
                continue;
            }
            CtClass old = removed.getOldClass().orElseThrow();
            Shape shape = Shape.of(old);
            if (shape.isEmpty()) {
                continue;
            }
            added.stream().filter(a -> Shape.of(a).names().equals(shape.names())).findFirst().ifPresent(replacement -> {
                found.replacedBy.put(old.getName(), replacement.getName());
                found.reasons.put(old.getName(), reason(old, replacement, shape, oldComponents, newComponents));
            });
        }
        return found;
    }

    private static String reason(CtClass old, CtClass replacement, Shape shape, Set<String> oldComponents, Set<String> newComponents) {
        String what = old.isEnum() ? "enum" : "schema";
        String newName = JavaNames.simple(replacement.getName());
        Optional<String> component = component(newName, newComponents);
        String where;
        if (component.isEmpty()) {
            where = what + " now generated as " + newName;
        } else if (component(JavaNames.simple(old.getName()), oldComponents).isPresent()) {
            where = what + " renamed to components/schemas/" + component.get();
        } else {
            where = what + " moved to components/schemas/" + component.get();
        }
        boolean sameWire = shape.sameWireAs(Shape.of(replacement), old.getName(), replacement.getName());
        return where + (sameWire ? "; wire unchanged" : "; its fields' types changed too");
    }

    /** The schema under components/schemas whose generated class is {@code className}, if one is. */
    private static Optional<String> component(String className, Set<String> components) {
        return components.stream().filter(name -> className.equals(classNameOf(name))).findFirst();
    }

    /** The generator's model name: each word of the schema name capitalised, separators dropped. */
    static String classNameOf(String schemaName) {
        StringBuilder out = new StringBuilder();
        for (String word : schemaName.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** Why this class was removed, or empty when no class of its shape was added. */
    Optional<String> reason(String removedClass) {
        return Optional.ofNullable(reasons.get(removedClass));
    }

    /** " (A is now B)" for each renamed class this text names, so a changed signature points to its cause. */
    String renamesIn(String text) {
        StringBuilder out = new StringBuilder();
        replacedBy.forEach((old, replacement) -> {
            String oldName = JavaNames.simple(old);
            if (!old.contains("$") && text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(oldName) + "\\b.*")) {
                out.append(out.length() == 0 ? " (" : "; ").append(oldName).append(" is now ").append(JavaNames.simple(replacement));
            }
        });
        return out.length() == 0 ? "" : out.append(')').toString();
    }
}
