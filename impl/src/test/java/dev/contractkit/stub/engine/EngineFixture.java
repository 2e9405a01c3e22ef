package dev.contractkit.stub.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.spec.ValidatedRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Route;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.store.MemoryStore;
import dev.contractkit.stub.support.AnswerJudge;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
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
    /** Judges an error answer (status, body) where the spec documents no error body; null: the spec's own. */
    private BiFunction<Integer, JsonNode, List<String>> errorJudge;

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

    /**
     * Vayu's whole published file (contract-tests' test data) with specs/vayu.overlay.yaml, copied into
     * {@code folder} and loaded as the stub loads them, Vayu's words for a miss. Its file documents no error
     * body, so error answers are judged against the one Vayu's docs show (the stub's own Vayu spec).
     */
    static EngineFixture vayusWholeFile(Path folder) throws IOException {
        Files.copy(Path.of("..", "contract-tests", "src", "test", "resources", "vendor-files", "vayu-published.yaml"),
                folder.resolve("vayu.yaml"));
        Files.copy(Path.of("..", "specs", "vayu.overlay.yaml"), folder.resolve("vayu.overlay.yaml"));
        EngineFixture vayu = new EngineFixture(OpenApiSpec.load(folder, "vayu"), Vendor.VAYU.notFound());
        OpenApiSpec documented = OpenApiSpec.load("vayu");
        vayu.errorJudge = (status, body) -> AnswerJudge.violations(documented, "/components/schemas/"
                + (status == 404 ? "NotFoundErrorResponse" : "ValidationErrorResponse"), "updateCustomer", body);
        return vayu;
    }

    /**
     * The answer to a request the spec routes to {@code operationId}, asserted to be of {@code status} and to fit
     * the schema the operation documents for it (judged by the tests' own judge, apart from the stub's
     * validator), with no Java in it; a missing node for an answer without a body.
     */
    JsonNode judged(String operationId, String method, String path, String body, int status, ErrorFormat errors) {
        Engine.Answer answer = request(method, path, body, errors);
        org.junit.jupiter.api.Assertions.assertEquals(status, answer.status(), () -> operationId + " answered " + answer.body());
        org.junit.jupiter.api.Assertions.assertEquals(operationId, spec.route(method, path.split("\\?")[0]).operation().id());
        List<String> misfits = status >= 400 && errorJudge != null ? errorJudge.apply(status, answer.body())
                : AnswerJudge.violations(spec, operationId, status, answer.body());
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), misfits, () -> operationId + " answered " + answer.body());
        org.junit.jupiter.api.Assertions.assertFalse(answer.body() != null && answer.body().toString().contains("Exception"),
                "no Java in an answer");
        return answer.body() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : answer.body();
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
