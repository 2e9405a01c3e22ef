package dev.contractkit.codegen;

import java.nio.file.Path;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * A spec's names, all from its file name: {@code specs/<vendor>.yaml} is the spec of {@code <vendor>}, whose
 * generated code lives in package {@code dev.contractkit.<segment>.client} and {@code .server}. The one place
 * the package rule is written; api-gate reads the package off the generated sources instead of deriving it.
 */
public final class SpecName {

    private SpecName() {
    }

    /** {@code layer.yaml} → {@code layer}: the name the build, the gates and -Daccept-specs use. */
    public static String vendor(Path spec) {
        return spec.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    /**
     * The vendor as one Java package segment: lower case, every character but [a-z0-9] dropped, a leading digit
     * or a Java keyword prefixed with {@code v}: {@code Acme-Billing} → {@code acmebilling}, {@code 42tools} →
     * {@code v42tools}, {@code new} → {@code vnew}.
     */
    public static String packageSegment(String vendor) {
        String segment = vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (segment.isEmpty()) {
            throw new CodegenFailure("the spec file name '" + vendor + ".yaml' has no letter or digit to name its Java package by");
        }
        // A segment that is no Java identifier (42tools, or a keyword: int, new) is prefixed, never rejected.
        return Character.isDigit(segment.charAt(0)) || SourceVersion.isKeyword(segment) ? "v" + segment : segment;
    }

    /** A package template with {@code {vendor}} in it, for one vendor: {@code dev.contractkit.{vendor}.client}. */
    public static String packageFor(String template, String vendor) {
        return template.replace("{vendor}", packageSegment(vendor));
    }
}
