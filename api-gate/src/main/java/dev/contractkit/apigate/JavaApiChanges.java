package dev.contractkit.apigate;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.AccessModifier;
import japicmp.model.JApiBehavior;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiField;
import japicmp.model.JApiHasAccessModifier;
import japicmp.model.JApiModifier;
import japicmp.model.JApiMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One client's public Java API against its baseline's, in words: what no longer compiles (source-incompatible:
 * fails the build), what only already-compiled code would trip on (binary-incompatible: a warning), and what was
 * added, removed or changed (the changelog's "Your Java").
 */
final class JavaApiChanges {

    final List<String> breaks = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> added = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<String> changed = new ArrayList<>();
    private final Replacements replacements;
    private final Set<String> removedClasses;
    /** Removed classes lead the breaks: they are the cause, changed signatures follow from them. */
    private int removedClassCount;

    private JavaApiChanges(Replacements replacements, Set<String> removedClasses) {
        this.replacements = replacements;
        this.removedClasses = removedClasses;
    }

    static JavaApiChanges compare(JApiCmpArchive baseline, JApiCmpArchive current, List<Path> classpath,
            Set<String> oldComponents, Set<String> newComponents) {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.setAccessModifier(AccessModifier.PUBLIC);
        classpath.forEach(entry -> options.getClassPathEntries().add(entry.toString()));
        List<JApiClass> classes = new JarArchiveComparator(options).compare(baseline, current);
        Set<String> removedClasses = classes.stream().filter(c -> c.getChangeStatus() == JApiChangeStatus.REMOVED)
                .map(JApiClass::getFullyQualifiedName).collect(Collectors.toSet());
        JavaApiChanges changes = new JavaApiChanges(Replacements.of(classes, oldComponents, newComponents), removedClasses);
        classes.forEach(changes::classChanges);
        return changes;
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && warnings.isEmpty();
    }

    private void classChanges(JApiClass type) {
        String name = JavaNames.qualified(type.getFullyQualifiedName());
        switch (type.getChangeStatus()) {
            case NEW -> added.add("class " + name);
            case REMOVED -> {
                if (!outerAlsoRemoved(type)) {
                    String why = replacements.reason(type.getFullyQualifiedName()).map(r -> " (" + r + ")").orElse("");
                    removed.add("class " + name + why);
                    breaks.add(removedClassCount++, name + ": class removed" + why);
                }
            }
            case MODIFIED -> {
                judge(name, type, "changed");
                String binaryName = type.getFullyQualifiedName();
                type.getConstructors().stream().filter(JavaApiChanges::isPublic).forEach(c ->
                        member(binaryName, c, JavaNames.signature(c.getNewConstructor().or(c::getOldConstructor).orElseThrow())));
                type.getMethods().stream().filter(JavaApiChanges::isPublic).forEach(m ->
                        member(binaryName, m, JavaNames.signature(m.getNewMethod().or(m::getOldMethod).orElseThrow())));
                type.getFields().stream().filter(JavaApiChanges::isPublic).forEach(f -> field(binaryName, f));
            }
            default -> {
            }
        }
    }

    /** Public before or after: japicmp lists every member, the gate only those a user can call. */
    private static boolean isPublic(JApiHasAccessModifier member) {
        JApiModifier<AccessModifier> access = member.getAccessModifier();
        return access.getOldModifier().filter(a -> a == AccessModifier.PUBLIC).isPresent()
                || access.getNewModifier().filter(a -> a == AccessModifier.PUBLIC).isPresent();
    }

    /** A nested class removed with its outer class is said once, by the outer one. */
    private boolean outerAlsoRemoved(JApiClass type) {
        String name = type.getFullyQualifiedName();
        return name.contains("$") && removedClasses.contains(name.substring(0, name.lastIndexOf('$')));
    }

    private void member(String ownerBinaryName, JApiBehavior member, String signature) {
        String owner = JavaNames.qualified(ownerBinaryName);
        String where = JavaNames.simple(ownerBinaryName) + "." + signature;
        if (member.getChangeStatus() == JApiChangeStatus.NEW) {
            added.add("method " + where);
            judge(owner + "." + signature, member, "added");
        } else if (member.getChangeStatus() == JApiChangeStatus.REMOVED) {
            removed.add("method " + where);
            breaks.add(owner + "." + signature + ": removed" + replacements.renamesIn(signature));
        } else if (member.getChangeStatus() == JApiChangeStatus.MODIFIED) {
            String what = member instanceof JApiMethod method && !method.getReturnType().getOldReturnType().equals(method.getReturnType().getNewReturnType())
                    ? "returns " + JavaNames.simple(method.getReturnType().getNewReturnType()) + " instead of "
                            + JavaNames.simple(method.getReturnType().getOldReturnType())
                    : "changed";
            changed.add("method " + where + ": " + what);
            judge(owner + "." + signature, member, what);
        }
    }

    private void field(String ownerBinaryName, JApiField field) {
        String owner = JavaNames.qualified(ownerBinaryName);
        String where = JavaNames.simple(ownerBinaryName) + "." + field.getName();
        if (field.getChangeStatus() == JApiChangeStatus.REMOVED) {
            removed.add("field " + where);
            breaks.add(owner + "." + field.getName() + ": field removed");
        } else if (field.getChangeStatus() == JApiChangeStatus.MODIFIED) {
            changed.add("field " + where + ": changed");
            judge(owner + "." + field.getName(), field, "field changed");
        }
    }

    /** A modified element breaks when one of its changes is source-incompatible, warns when only binary. */
    private void judge(String where, JApiCompatibility element, String what) {
        List<JApiCompatibilityChange> all = element.getCompatibilityChanges();
        List<String> source = words(all.stream().filter(c -> !c.isSourceCompatible()));
        List<String> binary = words(all.stream().filter(c -> c.isSourceCompatible() && !c.isBinaryCompatible()));
        if (!source.isEmpty()) {
            breaks.add(where + ": " + what + " [" + String.join(", ", source) + "]");
        } else if (!binary.isEmpty()) {
            warnings.add(where + ": " + what + " [" + String.join(", ", binary) + "]");
        }
    }

    /** METHOD_RETURN_TYPE_CHANGED → "method return type changed". */
    private static List<String> words(Stream<JApiCompatibilityChange> changes) {
        return changes.map(c -> c.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).distinct().toList();
    }
}
