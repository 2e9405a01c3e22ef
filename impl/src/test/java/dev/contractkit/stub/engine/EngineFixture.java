package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.spec.ValidatedRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Route;
import dev.contractkit.stub.store.MemoryStore;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fixture spec of this folder served by an engine over a fresh memory store, one call a request. */
final class EngineFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    final OpenApiSpec spec;
    final ResourceModel model;
    final MemoryStore store = new MemoryStore();
    final Engine engine;

    private EngineFixture(OpenApiSpec spec, Engine.NotFound notFound) {
        this.spec = spec;
        this.model = new ResourceModel(spec);
        this.engine = new Engine(spec, model, store, Engine.WriteRule.NONE, Engine.AnswerRule.NONE, notFound);
    }

    private EngineFixture(OpenApiSpec spec) {
        this(spec, (noun, id) -> noun + " " + id + " not found");
    }

    /** NAME.yaml beside this class (impl/src/test/resources/dev/contractkit/stub/engine). */
    static EngineFixture of(String name) {
        try {
            Path folder = Path.of(EngineFixture.class.getResource(name + ".yaml").toURI()).getParent();
            return new EngineFixture(OpenApiSpec.load(folder, name));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static EngineFixture of(OpenApiSpec spec) {
        return new EngineFixture(spec);
    }

    /** The spec served with a vendor's own words for a miss. */
    static EngineFixture of(OpenApiSpec spec, Engine.NotFound notFound) {
        return new EngineFixture(spec, notFound);
    }

    /** NAME.yaml beside this class, with a vendor's own words for a miss. */
    static EngineFixture of(String name, Engine.NotFound notFound) {
        return new EngineFixture(of(name).spec, notFound);
    }

    Behaviour.Kind kind(String operationId) {
        return model.behaviours().get(operationId).kind();
    }

    /** Serves METHOD path?query with this JSON body (or none). */
    Engine.Answer send(String method, String pathAndQuery, String body) {
        try {
            return serve(method, pathAndQuery, body == null ? null : JSON.readTree(body));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Serves METHOD path?query with this JSON body as the stub's pipeline does once it has parsed it: the path
     * parameters, query and body checked against the operation's schemas, then the engine; a refusal answered
     * with its status and the error body {@code errors} words (the vendor's format), as the stub sends it.
     */
    Engine.Answer request(String method, String pathAndQuery, String body, dev.contractkit.stub.error.ErrorFormat errors) {
        Route route = spec.route(method, pathAndQuery.split("\\?", 2)[0]);
        try {
            JsonNode sent = body == null ? null : JSON.readTree(body);
            List<dev.contractkit.stub.spec.Violation> violations = new java.util.ArrayList<>(
                    dev.contractkit.stub.spec.RequestValidator.pathParams(route));
            violations.addAll(dev.contractkit.stub.spec.RequestValidator.queryParams(route.operation(), query(pathAndQuery)));
            if (sent != null) {
                violations.addAll(dev.contractkit.stub.spec.RequestValidator.body(route.operation(), sent));
            }
            if (!violations.isEmpty()) {
                throw dev.contractkit.stub.refusal.StubException.invalid(violations);
            }
            return serve(method, pathAndQuery, sent);
        } catch (dev.contractkit.stub.refusal.StubException refused) {
            dev.contractkit.stub.refusal.StubException at = refused.at(route.operation());
            return new Engine.Answer(at.kind().status(), errors.body(at, route.operation()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

    Engine.Answer serve(String method, String pathAndQuery, JsonNode body) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Map<String, List<String>> query = query(pathAndQuery);
        Route route = spec.route(method, parts[0]);
        if (route == null) {
            throw new IllegalArgumentException("no operation for " + method + " " + parts[0]);
        }
        return engine.serve(new ValidatedRequest(route, query, body));
    }
}
