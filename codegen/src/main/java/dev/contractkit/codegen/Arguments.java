package dev.contractkit.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module's pom says, as exec:java passes it: {@code --name=value} for this tool's own folders, then the
 * generator's settings as {@code key=value} for every spec or {@code <vendor>:key=value} for one. A value may
 * hold {@code {package}}, the spec's package (the {@code package} setting, whose {@code {vendor}} is
 * {@link SpecName#packageSegment}).
 */
final class Arguments {

    private final Map<String, String> own = new LinkedHashMap<>();
    private final List<String[]> settings = new ArrayList<>();

    static Arguments parse(String... args) {
        Arguments parsed = new Arguments();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new CodegenFailure("codegen argument '" + arg + "' is not name=value");
            }
            String key = arg.substring(0, equals).strip();
            String value = arg.substring(equals + 1).strip();
            if (key.startsWith("--")) {
                parsed.own.put(key.substring(2), value);
            } else {
                int colon = key.indexOf(':');
                parsed.settings.add(colon < 0 ? new String[] {null, key, value}
                        : new String[] {key.substring(0, colon), key.substring(colon + 1), value});
            }
        }
        return parsed;
    }

    Path folder(String name) {
        String value = own.get(name);
        if (value == null || value.isEmpty()) {
            throw new CodegenFailure("codegen needs --" + name + "=<folder>");
        }
        return Path.of(value);
    }

    /** An optional argument: absent, or set to an empty value. */
    java.util.Optional<String> optional(String name) {
        String value = own.get(name);
        return value == null || value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** The files whose bytes, beside the spec's, decide whether to regenerate (comma-separated). */
    List<Path> inputs() {
        String value = own.getOrDefault("inputs", "");
        return value.isEmpty() ? List.of() : java.util.Arrays.stream(value.split(",")).map(String::strip).map(Path::of).toList();
    }

    /** One spec's generator settings, per-vendor ones over the common ones, {@code {package}} filled in. */
    Map<String, String> settingsFor(String vendor) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String[] s : settings) {
            if (s[0] == null) {
                resolved.put(s[1], s[2]);
            }
        }
        for (String[] s : settings) {
            if (vendor.equals(s[0])) {
                resolved.put(s[1], s[2]);
            }
        }
        String template = resolved.remove("package");
        if (template == null) {
            throw new CodegenFailure("codegen needs package=<template>, e.g. package=dev.contractkit.{vendor}.client");
        }
        String pkg = SpecName.packageFor(template, vendor);
        resolved.replaceAll((key, value) -> value.replace("{package}", pkg));
        resolved.put("package", pkg);
        return resolved;
    }

    /** Every argument as given: a change to any of them regenerates every spec. */
    String fingerprint() {
        StringBuilder out = new StringBuilder();
        own.forEach((k, v) -> out.append("--").append(k).append('=').append(v).append('\n'));
        settings.forEach(s -> out.append(s[0] == null ? "" : s[0] + ":").append(s[1]).append('=').append(s[2]).append('\n'));
        return out.toString();
    }
}
