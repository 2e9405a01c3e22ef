package dev.contractkit.specgate;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code -Daccept-specs} accepts as the new baselines: {@code true} every spec, {@code false} (the default)
 * none, or a comma-separated list of vendors ({@code clerk} or {@code clerk.yaml}), so that adding or updating
 * one vendor does not wave through another vendor's breaking change.
 */
record AcceptedSpecs(boolean all, Set<String> vendors) {

    static AcceptedSpecs parse(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.equalsIgnoreCase("false")) {
            return new AcceptedSpecs(false, Set.of());
        }
        if (v.equalsIgnoreCase("true")) {
            return new AcceptedSpecs(true, Set.of());
        }
        return new AcceptedSpecs(false, Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("\\.yaml$", "")).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether the spec of this file name (vayu.yaml) is accepted. */
    boolean covers(String specFile) {
        return all || vendors.contains(specFile.replaceFirst("\\.yaml$", ""));
    }

    boolean any() {
        return all || !vendors.isEmpty();
    }

    /** The named vendors that have no spec among these files: a typo must not pass as "nothing to accept". */
    List<String> unknown(List<String> specFiles) {
        Set<String> names = specFiles.stream().map(f -> f.replaceFirst("\\.yaml$", "")).collect(Collectors.toSet());
        return vendors.stream().filter(v -> !names.contains(v)).sorted().toList();
    }
}
