package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.contractkit.stub.support.StubHttp.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.contractkit.stub.junit.StubServerExtension;

/** --rate-limit: token buckets as the vendors document them. */
class RateLimitAcceptanceTest {

    @RegisterExtension
    static StubServerExtension stub = StubServerExtension.newInstance().rateLimits("layer=2:3,vayu=1:2").build();
    static String layer;
    static String vayu;

    @BeforeAll
    static void urls() {
        layer = stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER;
        vayu = stub.url(Vendor.VAYU) + DefaultData.VAYU_CUSTOMER;
    }

    @Test
    void layerBurstBeyondTheBucketGets429WithHeadersAndPassesAfterTheWait() throws InterruptedException {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Answer answer = StubHttp.put(layer, "{}");
            assertEquals(200, answer.status());
            assertEquals("2", answer.headers().firstValue("X-RateLimit-Limit").orElseThrow());
            assertEquals(String.valueOf(remaining), answer.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            long reset = Long.parseLong(answer.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertTrue(reset >= System.currentTimeMillis() / 1000);
        }

        Answer limited = StubHttp.put(layer, "{}");

        assertEquals(429, limited.status());
        assertEquals("RateLimitExceeded", limited.body().at("/errors/0/type").asText());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1);
        Thread.sleep(retryAfter * 1000);
        assertEquals(200, StubHttp.put(layer, "{}").status());
    }

    @Test
    void theAdminApiShowsEachBucketsTokensLeftAndTakesNone() {
        stub.server().reset();
        StubHttp.put(vayu, "{}");

        var buckets = StubHttp.send("GET", stub.server().baseUri() + "/__admin/rate-limits", null).body().path("buckets");
        var again = StubHttp.send("GET", stub.server().baseUri() + "/__admin/rate-limits", null).body().path("buckets");

        assertEquals(2, buckets.size(), buckets::toString);
        var vayuBucket = buckets.get(0).path("vendor").asText().equals("vayu") ? buckets.get(0) : buckets.get(1);
        assertEquals(1, vayuBucket.path("perSecond").asLong());
        assertEquals(2, vayuBucket.path("burst").asLong());
        assertEquals(1, vayuBucket.path("remaining").asLong(), "one of 2 taken (refill 1 a second): " + vayuBucket);
        assertEquals(buckets, again, "reading the buckets took a token");
    }

    @Test
    void vayuAnswersItsDocumentedBodyOverTheLimit() {
        StubHttp.put(vayu, "{}");
        StubHttp.put(vayu, "{}");

        Answer limited = StubHttp.put(vayu, "{}");

        assertEquals(429, limited.status());
        assertEquals("rate_limit_error", limited.body().get("type").asText());
        assertEquals("rate_limit_exceeded", limited.body().get("code").asText());
        assertEquals("Too many requests", limited.body().get("message").asText());
        assertTrue(limited.headers().firstValue("X-RateLimit-Limit").isEmpty(), "Vayu documents no such header");
    }

    @Test
    void refusesABadLimitWhenBuilt() {
        for (String bad : new String[] {"stripe=5", "layer=0", "layer=fast", "layer"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> StubServer.builder().rateLimits(bad), bad);
        }
    }
}
