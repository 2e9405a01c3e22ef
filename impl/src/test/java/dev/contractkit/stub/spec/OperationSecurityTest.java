package dev.contractkit.stub.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which operations ask for credentials is read from the spec: Vayu's login asks for none. */
class OperationSecurityTest {

    @TempDir
    Path specs;

    @Test
    void anOperationWithoutSecurityRequirementsAsksForNoCredentials() throws Exception {
        Files.writeString(specs.resolve("v.yaml"), """
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /login:
                    post:
                      operationId: login
                      responses: {'200': {description: ok}}
                  /customers:
                    get:
                      operationId: listCustomers
                      security: [{BearerAuthorizer: []}]
                      responses: {'200': {description: ok}}
                  /public:
                    get:
                      operationId: open
                      security: []
                      responses: {'200': {description: ok}}
                """);

        OpenApiSpec spec = OpenApiSpec.load(specs, "v");

        assertFalse(spec.route("POST", "/login").operation().secured());
        assertTrue(spec.route("GET", "/customers").operation().secured());
        assertFalse(spec.route("GET", "/public").operation().secured());
    }

    @Test
    void theDocumentsSecurityAppliesWhereAnOperationSaysNothing() throws Exception {
        Files.writeString(specs.resolve("l.yaml"), """
                openapi: 3.0.0
                info: {title: t, version: '1'}
                security: [{bearerAuth: []}]
                paths:
                  /customers:
                    get:
                      operationId: listCustomers
                      responses: {'200': {description: ok}}
                """);

        assertTrue(OpenApiSpec.load(specs, "l").route("GET", "/customers").operation().secured());
    }
}
