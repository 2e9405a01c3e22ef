package dev.contractkit.stub.pipeline;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The Jersey application of one API: the shared pipeline around that API's resource. */
public final class ApiApplication {

    private ApiApplication() {
    }

    /** A vendor's application: the shared pipeline around its generated interfaces, served by the engine. */
    public static ResourceConfig forVendor(Api api, java.util.List<org.glassfish.jersey.server.model.Resource> resources) {
        ResourceConfig config = new ResourceConfig()
                .register(new RequestPipeline(api))
                .register(new JsonBodyProvider(api.json()))
                .register(new ErrorMapper(api))
                .register(new RequestLog())
                .registerResources(new java.util.HashSet<>(resources));
        return configured(config);
    }

    /**
     * @param resource the class implementing the API's generated interface
     * @param logicType the type its constructor takes: the serving stub's (the request's {@link Arrival})
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> ResourceConfig create(Api api, Class<?> resource, Class<T> logicType) {
        ResourceConfig config = new ResourceConfig()
                .register(new RequestPipeline(api))
                .register(new JsonBodyProvider(api.json()))
                .register(new ValidatedBodyReader(api.json()))
                .register(new ErrorMapper(api))
                .register(new SpecStatus(api.spec()))
                .register(new RequestLog())
                .register(resource)
                .register(new AbstractBinder() {
                    @Override
                    protected void configure() {
                        ((org.glassfish.jersey.internal.inject.Binding) bindFactory(ServingLogic.class, RequestScoped.class))
                                .to(logicType);
                    }
                });
        return configured(config);
    }

    /** The serving stub's logic, from the request's {@link Arrival}: a resource built per request takes it. */
    public static final class ServingLogic implements Supplier<Object> {
        private final Provider<ContainerRequestContext> request;

        @Inject
        public ServingLogic(Provider<ContainerRequestContext> request) {
            this.request = request;
        }

        @Override
        public Object get() {
            return Arrival.of(request.get()).logic();
        }
    }

    private static ResourceConfig configured(ResourceConfig config) {
        // No buffer of Jersey's (it allocates its whole size for every answer): JerseyApp keeps each answer whole
        // instead, so every one carries Content-Length.
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        // No providers from the classpath's META-INF/services (none in the stub's own): what a test's classpath
        // happens to hold must not join the stub's readers and writers, and the lookups cost every start.
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // The resource model is the generated interfaces': Jersey's check of it at every start is ~6% of building
        // an application, and ApplicationModelsValidTest runs it on every API's model instead.
        config.property(ServerProperties.RESOURCE_VALIDATION_DISABLE, true);
        return config;
    }
}
