package dev.contractkit.stub.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contractkit.stub.StubState;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.admin.AdminResource;
import dev.contractkit.stub.admin.HealthStatus;
import dev.contractkit.stub.error.AdminErrorFormat;
import dev.contractkit.stub.spec.Json;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.PackagedSpecs;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The stub's applications start without Jersey's check of their resource model (it cost every start); here
 * the check runs on every API's model instead, as Jersey would: a generated interface Jersey finds ambiguous
 * (two methods for one path, method and media type) fails this test rather than pass unnoticed.
 */
class ApplicationModelsValidTest {

    @Test
    void everyVendorsModelPassesJerseysCheck() {
        for (Vendor vendor : Vendor.packaged()) {
            Api api = new Api(vendor.prefix(), OpenApiSpec.load(vendor.prefix()), vendor.bodyLimit(), vendor.errors(),
                    vendor.json(), true);
            assertDoesNotThrow(() -> checked(ApiApplication.forVendor(api,
                    GeneratedResources.of(vendor.serverApiPackage(), request -> Response.ok().build()))), vendor.prefix());
        }
    }

    @Test
    void theAdminModelPassesJerseysCheck() {
        Api admin = new Api("__admin", OpenApiSpec.load(PackagedSpecs.ADMIN), 1 << 20, new AdminErrorFormat(),
                Json.mapper(JsonInclude.Include.NON_NULL), false);
        assertDoesNotThrow(() -> checked(ApiApplication.create(admin, AdminResource.class, StubState.class)
                .register(new HealthStatus())));
    }

    @Test
    void theCheckHereFindsAnAmbiguousModel() {
        Resource.Builder twice = Resource.builder("/twice");
        twice.addMethod("GET").produces("application/json").handledBy(new Ok());
        twice.addMethod("GET").produces("application/json").handledBy(new Ok());
        ResourceConfig config = new ResourceConfig().registerResources(twice.build());
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        assertThrows(RuntimeException.class, () -> checked(config));
    }

    /** A handler Jersey can read the types of (a lambda's it cannot). */
    private static final class Ok implements Inflector<ContainerRequestContext, Response> {
        @Override
        public Response apply(ContainerRequestContext request) {
            return Response.ok().build();
        }
    }

    /** The application built with Jersey's resource model check on: it throws on a fatal issue. */
    private static ApplicationHandler checked(ResourceConfig config) {
        config.property(ServerProperties.RESOURCE_VALIDATION_DISABLE, false);
        return new ApplicationHandler(config);
    }
}
