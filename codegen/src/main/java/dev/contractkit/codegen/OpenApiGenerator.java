package dev.contractkit.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CliOption;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;
import org.openapitools.codegen.SpecValidationException;

/**
 * One run of openapi-generator's Java API, configured as openapi-generator-maven-plugin 7.25 configures it
 * from the same settings (so the generated code is the plugin's, byte for byte): no tests or docs, the
 * generator's own options set after the configurator has built its config, "true"/"false" made booleans.
 */
final class OpenApiGenerator {

    /** Settings that are the configurator's own, not the generator's config options. */
    private static final Set<String> OWN = Set.of("package", "generatorName", "library", "invokerPackage",
            "apiPackage", "modelPackage", "generateSupportingFiles");

    private OpenApiGenerator() {
    }

    /** Generates {@code spec} into {@code output} (which must not exist yet); fails naming the spec's defects. */
    static void generate(Path spec, Path output, Map<String, String> settings) {
        CodegenConfigurator configurator = new CodegenConfigurator();
        configurator.setInputSpec(spec.toString());
        configurator.setOutputDir(output.toAbsolutePath().toString());
        configurator.setGeneratorName(required(settings, "generatorName"));
        if (settings.containsKey("library")) {
            configurator.setLibrary(settings.get("library"));
        }
        if (settings.containsKey("invokerPackage")) {
            configurator.setInvokerPackage(settings.get("invokerPackage"));
        }
        configurator.setApiPackage(required(settings, "apiPackage"));
        configurator.setModelPackage(required(settings, "modelPackage"));
        globalSettings(Boolean.parseBoolean(settings.getOrDefault("generateSupportingFiles", "true")));
        ClientOptInput input;
        try {
            input = configurator.toClientOptInput();
        } catch (SpecValidationException e) {
            // The parser's own messages (a YAML error names line and column), as the plugin printed them.
            throw new CodegenFailure(spec.getFileName() + " is not a valid OpenAPI document:\n  - " + String.join("\n  - ",
                    e.getErrors().isEmpty() ? java.util.Set.of(String.valueOf(e.getMessage())) : e.getErrors()));
        }
        // Without it every run prints a six-line donation banner into the build log (set after the configurator,
        // which sets it from its own settings, that have no switch for it).
        GlobalSettings.setProperty("quiet", "true");
        Map<String, Object> properties = input.getConfig().additionalProperties();
        Set<String> known = input.getConfig().cliOptions().stream().map(CliOption::getOpt).collect(Collectors.toSet());
        settings.forEach((key, value) -> {
            if (OWN.contains(key)) {
                return;
            }
            if (!known.contains(key)) {
                // The plugin ignores an unknown option in silence; a typo here would change nothing, unseen.
                throw new CodegenFailure("'" + key + "' is no option of openapi-generator's " + settings.get("generatorName")
                        + " generator (its options: " + known.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            properties.put(key, "true".equalsIgnoreCase(value) ? Boolean.TRUE : "false".equalsIgnoreCase(value) ? Boolean.FALSE : value);
        });
        List<java.io.File> files;
        try {
            files = new DefaultGenerator(false).opts(input).generate();
        } catch (RuntimeException e) {
            throw new CodegenFailure(spec.getFileName() + ": openapi-generator failed: " + oneLine(e));
        }
        if (files.isEmpty()) {
            throw new CodegenFailure(spec.getFileName() + ": openapi-generator wrote no file");
        }
    }

    /** What the plugin sets in GlobalSettings for our configuration: everything but tests and docs. */
    private static void globalSettings(boolean supportingFiles) {
        GlobalSettings.setProperty(CodegenConstants.APIS, "");
        GlobalSettings.setProperty(CodegenConstants.MODELS, "");
        if (supportingFiles) {
            GlobalSettings.setProperty(CodegenConstants.SUPPORTING_FILES, "");
        } else {
            GlobalSettings.clearProperty(CodegenConstants.SUPPORTING_FILES);
        }
        GlobalSettings.setProperty(CodegenConstants.MODEL_TESTS, "false");
        GlobalSettings.setProperty(CodegenConstants.MODEL_DOCS, "false");
        GlobalSettings.setProperty(CodegenConstants.API_TESTS, "false");
        GlobalSettings.setProperty(CodegenConstants.API_DOCS, "false");
        GlobalSettings.setProperty(CodegenConstants.GENERATE_RECURSIVE_DEPENDENT_MODELS, "false");
    }

    /** The innermost cause's message, first line only: what went wrong, without a stack trace. */
    private static String oneLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse("");
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null || value.isEmpty()) {
            throw new CodegenFailure("codegen needs the generator setting " + key + "=...");
        }
        return value;
    }
}
