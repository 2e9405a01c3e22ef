package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor's x- extensions inside its schemas (x-is-money on an amount) are no validation keywords: the
 * validator reads past them without a warning, which would name the library's class in the stub's log.
 */
class SchemaExtensionsTest {

    private static final String SPEC = """
            openapi: 3.0.0
            info: {title: Extensions, version: 1.0.0}
            paths:
              /amounts:
                post:
                  operationId: createAmount
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Amount'}
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Amount:
                  type: object
                  x-snake: amount
                  properties:
                    value: {type: number, format: double, x-is-money: true}
            """;

    @TempDir
    Path specs;

    @Test
    void anExtensionInsideASchemaIsReadPastSilently() throws Exception {
        Files.writeString(specs.resolve("extensions.yaml"), SPEC);
        PrintStream err = System.err;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        List<?> violations;
        System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            OpenApiSpec spec = OpenApiSpec.load(specs, "extensions");
            violations = RequestValidator.check(spec.schemaAt("/components/schemas/Amount"),
                    JsonNodeFactory.instance.objectNode().put("value", "ten"), "body");
        } finally {
            System.setErr(err);
        }
        assertEquals(1, violations.size(), "the schema is still checked: " + violations);
        String log = written.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("x-is-money") || log.contains("x-snake") || log.contains("networknt"), log);
    }
}
