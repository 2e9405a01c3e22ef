package com.example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.junit.StubServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// docs/running.md's extension example, as printed there (checked by `ReadmeSnippetsTest` in impl).
class RateLimitedTest {
    @RegisterExtension                            // static: one server per class; instance field: one per test
    static StubServerExtension stub = StubServerExtension.newInstance().rateLimits("layer=5:5").build();

    @Test
    void answersLayersRateLimitHeaders() throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(stub.url(Vendor.LAYER)
                + "/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers"))
                .header("Authorization", "Bearer any-token").build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("5", answer.headers().firstValue("X-RateLimit-Limit").orElseThrow());
    }
}
