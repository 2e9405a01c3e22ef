package dev.contractkit.stub.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.ValidatedRequest;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.spec.Route;
import dev.contractkit.stub.store.ResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/behaviour.md says the engine infers from a spec's paths, on a spec written for it. */
class ResourceModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = """
            {type: object, properties: {id: {type: string}, note: {type: string}}}""";

    @TempDir
    Path specs;

    private OpenApiSpec spec;
    private ResourceModel model;
    private Engine engine;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(specs.resolve("shop.yaml"), """
                openapi: 3.0.0
                info: {title: t, version: '1'}
                paths:
                  /sales/orders:
                    post: {operationId: createSale, requestBody: {content: {application/json: {schema: %1$s}}}, responses: {'201': {description: ok, content: {application/json: {schema: %1$s}}}}}
                  /sales/orders/{id}:
                    get: {operationId: getSale, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok, content: {application/json: {schema: %1$s}}}}}
                  /support/orders:
                    post: {operationId: createTicket, requestBody: {content: {application/json: {schema: %1$s}}}, responses: {'201': {description: ok, content: {application/json: {schema: %1$s}}}}}
                  /support/orders/{id}:
                    get: {operationId: getTicket, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok, content: {application/json: {schema: %1$s}}}}}
                  /support/orders/batch:
                    post: {operationId: sendBatch, requestBody: {content: {application/json: {schema: {type: object, properties: {orders: {type: array, items: %1$s}}}}}}, responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {accepted: {type: integer}}}}}}}}
                  /sales/orders/note/{note}:
                    get: {operationId: saleByNote, parameters: [{name: note, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok, content: {application/json: {schema: %1$s}}}}}
                  /sales/orders/consumptions/{id}:
                    get: {operationId: consumptions, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {total: {type: number}}}}}}}}
                """.formatted(ITEM));
        spec = OpenApiSpec.load(specs, "shop");
        model = new ResourceModel(spec);
        engine = new Engine(spec, model, new dev.contractkit.stub.store.MemoryStore(), Engine.WriteRule.NONE, Engine.AnswerRule.NONE,
                (noun, id) -> noun + " " + id + " not found");
    }

    @Test
    void twoCollectionsOfTheSameNameUnderOtherPathsKeepApart() throws Exception {
        String id = engine.serve(request("POST", "/sales/orders", "{\"note\":\"a sale\"}")).body().get("id").asText();

        assertEquals("a sale", engine.serve(request("GET", "/sales/orders/" + id, null)).body().get("note").asText());
        StubException miss = assertThrows(StubException.class, () -> engine.serve(request("GET", "/support/orders/" + id, null)));
        assertEquals("Order " + id + " not found", miss.getMessage());
    }

    @Test
    void aPostWhoseBodyIsNotTheItemIsSynthesizedNotStored() {
        assertEquals(Behaviour.Kind.SYNTHESIZED, kind("sendBatch"));
        assertEquals(Behaviour.Kind.CREATE, kind("createTicket"));
    }

    @Test
    void aLookupNeedsTheSegmentBeforeItsParameterToNameAField() {
        assertEquals(Behaviour.Kind.LOOKUP, kind("saleByNote"));
        assertEquals(Behaviour.Kind.SYNTHESIZED, kind("consumptions"));
    }

    private Behaviour.Kind kind(String operationId) {
        return model.behaviours().get(operationId).kind();
    }

    private ValidatedRequest request(String method, String path, String body) throws Exception {
        Route route = spec.route(method, path);
        return new ValidatedRequest(route, Map.of(), body == null ? null : JSON.readTree(body));
    }
}
