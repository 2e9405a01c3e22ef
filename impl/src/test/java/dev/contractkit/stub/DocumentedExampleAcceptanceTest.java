package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.contractkit.stub.support.StubHttp.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.contractkit.stub.junit.StubServerTest;

/** The exact request of Layer's documentation page, sent to the stub with its default data. */
@StubServerTest
class DocumentedExampleAcceptanceTest {

    static StubServer stub;
    static JsonNode operation;

    @BeforeAll
    static void start(StubServer server) throws Exception {
        stub = server;
        operation = new YAMLMapper().readTree(Path.of(System.getProperty("specs.dir", "../specs"), "layer.yaml")
                .toFile()).at("/paths/~1v1~1businesses~1{business_id}~1customers~1{customer_id}/put");
    }


    @Test
    void layersDocumentedCurlAnswersTheDocumentedResponse() {
        JsonNode request = operation.at("/requestBody/content/application~1json/examples/documented-example/value");
        JsonNode documented = operation.at("/responses/200/content/application~1json/examples/documented-example/value");

        Answer answer = StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER, request.toString());

        assertEquals(200, answer.status(), () -> answer.body().toString());
        assertEquals(documented, answer.body());
    }
}
