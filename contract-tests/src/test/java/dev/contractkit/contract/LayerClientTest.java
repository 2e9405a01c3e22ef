package dev.contractkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.contractkit.layer.client.ApiClient;
import dev.contractkit.layer.client.api.CustomersApi;
import dev.contractkit.layer.client.model.CustomerResponse;
import dev.contractkit.layer.client.model.UpdateCustomerRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated Layer client against an in-process WireMock answering Layer's documented example. */
class LayerClientTest {

    static final String PATH = "/v1/businesses/{business_id}/customers/{customer_id}";
    static final SpecDocument LAYER = SpecDocument.load("layer.yaml");
    static final UUID BUSINESS = UUID.fromString("3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607");
    static final UUID CUSTOMER = UUID.fromString("4f7c1b16-e057-4ec0-8b20-50308ba5b9ea");

    static WireMockServer wireMock;
    ObjectMapper clientJson = new ApiClient().getJSON().getMapper();

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wireMock.stubFor(put(urlPathTemplate(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(LAYER.responseExample(PATH, "put", 200, "documented-example").toString())));
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void forgetRequests() {
        wireMock.resetRequests();
    }

    @Test
    void sendsTheDocumentedRequestForTheDocumentedExample() throws Exception {
        JsonNode documented = LAYER.requestExample(PATH, "put", "documented-example");

        api("secret-token").updateCustomer(BUSINESS, CUSTOMER,
                clientJson.treeToValue(documented, UpdateCustomerRequest.class));

        LoggedRequest sent = lastRequest();
        assertEquals("/v1/businesses/" + BUSINESS + "/customers/" + CUSTOMER, sent.getUrl());
        assertEquals("Bearer secret-token", sent.getHeader("Authorization"));
        assertEquals(documented, SpecDocument.JSON.readTree(sent.getBodyAsString()));
    }

    @Test
    void documentedResponseDeserializesAndSerializesBackUnchanged() throws Exception {
        JsonNode documented = LAYER.responseExample(PATH, "put", 200, "documented-example");

        CustomerResponse answer = api("t").updateCustomer(BUSINESS, CUSTOMER, new UpdateCustomerRequest());

        assertEquals(CUSTOMER, answer.getData().getId());
        assertEquals(documented.at("/data/email").asText(), answer.getData().getEmail());
        assertEquals(documented, clientJson.valueToTree(answer));
    }

    @Test
    void anUpdateWithoutTagsSendsNoTags() throws Exception {
        api("t").updateCustomer(BUSINESS, CUSTOMER, new UpdateCustomerRequest().individualName("Jane"));

        JsonNode body = SpecDocument.JSON.readTree(lastRequest().getBodyAsString());
        assertEquals(1, body.size(), () -> "only individual_name expected, sent " + body);
        assertFalse(body.has("tags"));
    }

    private CustomersApi api(String token) {
        ApiClient client = new ApiClient().setBasePath(wireMock.baseUrl());
        client.setBearerToken(token);
        return new CustomersApi(client);
    }

    private static LoggedRequest lastRequest() {
        var requests = wireMock.getAllServeEvents();
        assertEquals(1, requests.size(), "requests WireMock received");
        return requests.get(0).getRequest();
    }
}
