package dev.contractkit.stub;

import dev.contractkit.stub.support.DefaultData;
import dev.contractkit.stub.support.StubHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stubs of one JVM share their Jersey applications; each request is still served by the stub it came in on:
 * its own auth, its own resources, its own admin API, also when requests to both interleave on many threads.
 */
class StubsSideBySideAcceptanceTest {

    private static final String LAYER_TOKEN = "side-by-side-layer-token";
    private static StubServer lenient;
    private static StubServer strict;

    @BeforeAll
    static void start() {
        lenient = StubServer.builder().start();
        strict = StubServer.builder().strictAuth("a-secret-for-the-side-by-side-test", List.of(LAYER_TOKEN)).start();
    }

    @AfterAll
    static void stop() {
        lenient.close();
        strict.close();
    }

    @Test
    void eachStubKeepsItsOwnAuthAndStateWhileRequestsToBothInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                calls.add(() -> {
                    StubServer stub = n % 2 == 0 ? lenient : strict;
                    int status = StubHttp.put(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER,
                            "{\"notes\":\"" + (stub == lenient ? "lenient" : "strict") + "\"}").status();
                    return (stub == lenient ? "lenient " : "strict ") + status;
                });
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            assertEquals(100, answers.stream().filter("lenient 200"::equals).count(), answers::toString);
            assertEquals(100, answers.stream().filter("strict 401"::equals).count(),
                    "the strict stub took an unlisted token: " + answers);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("lenient", notes(lenient, "Bearer any"), "the lenient stub's customer, as its own updates left it");
        String untouched = notes(strict, "Bearer " + LAYER_TOKEN);
        try (StubServer fresh = StubServer.builder().start()) {
            assertEquals(notes(fresh, "Bearer any"), untouched,
                    "the strict stub's customer changed by requests it refused, or by the other stub's");
        }
    }

    private static String notes(StubServer stub, String authorization) {
        return StubHttp.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(stub.url(Vendor.LAYER) + DefaultData.LAYER_CUSTOMER))
                .header("Authorization", authorization).GET()).body().at("/data/notes").asText();
    }
}
