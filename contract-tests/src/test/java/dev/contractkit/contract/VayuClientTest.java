package dev.contractkit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.contractkit.vayu.client.ApiClient;
import dev.contractkit.vayu.client.api.CustomersApi;
import dev.contractkit.vayu.client.model.UpdateCustomerRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the generated Vayu client puts on the wire: absent fields stay absent, explicit nulls are sent. */
class VayuClientTest {

    static final String CUSTOMER = "5f1d7c2b9a3e4b5c6d7e8f90";
    static WireMockServer wireMock;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        wireMock.stubFor(put(urlPathMatching("/customers/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"customer\":{\"id\":\"" + CUSTOMER + "\",\"name\":\"Acme\","
                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-02T00:00:00Z\"}}")));
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
    void anUpdateThatSetsOnlyNameSendsOnlyName() throws Exception {
        api().updateCustomer(CUSTOMER, new UpdateCustomerRequest().name("Acme"));

        assertEquals(SpecDocument.JSON.readTree("{\"name\":\"Acme\"}"), sentBody());
    }

    @Test
    void anExplicitNullIsSentAsNull() throws Exception {
        api().updateCustomer(CUSTOMER, new UpdateCustomerRequest().legalName(null));

        assertEquals(SpecDocument.JSON.readTree("{\"legalName\":null}"), sentBody());
    }

    private static CustomersApi api() {
        ApiClient client = new ApiClient().setBasePath(wireMock.baseUrl());
        client.setBearerToken("t");
        return new CustomersApi(client);
    }

    private static JsonNode sentBody() throws Exception {
        return SpecDocument.JSON.readTree(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }
}
