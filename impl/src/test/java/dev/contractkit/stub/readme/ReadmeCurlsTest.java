package dev.contractkit.stub.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README convention: what counts as a curl, what it must claim, and how a claimed body is matched. */
class ReadmeCurlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCurlIsParsedAsTheShellWouldAcrossLinesAndQuotes() {
        ReadmeCurls.DocumentedCurl curl = ReadmeCurls.of("""
                ```sh
                curl -X PUT http://127.0.0.1:8080/vayu/customers/1 \\
                  -H "Authorization: Bearer <access_token>" -H 'Content-Type: application/json' \\
                  -d '{
                    "name": "it's \\"quoted\\""
                  }'
                # 200
                ```
                """.replace("it's", "its")).get(0);

        assertEquals(2, curl.line());
        assertEquals("PUT /vayu/customers/1", curl.curl().name());
        assertEquals("Bearer <access_token>", curl.curl().headers().get(0)[1]);
        assertEquals("{\n    \"name\": \"its \\\"quoted\\\"\"\n  }", curl.curl().body());
        assertEquals(200, curl.status());
    }

    @Test
    void aCurlWithoutAClaimedAnswerIsAnErrorNamingItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadmeCurls.of("""
                ```sh
                curl http://127.0.0.1:8080/__admin/health
                curl http://127.0.0.1:8080/__admin/health
                # 200
                ```
                """));

        assertTrue(e.getMessage().startsWith("README line 2: no claimed answer"), e.getMessage());
    }

    @Test
    void aCurlTheTestCannotFindOrRunIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ReadmeCurls.of("```sh\nimpl/stub-server & curl http://127.0.0.1:8080/x\n```\n"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeCurls.of("```sh\ncurl -k http://127.0.0.1:8080/x\n# 200\n```\n"));
        assertThrows(IllegalArgumentException.class, () -> ReadmeCurls.of("```sh\ncurl https://example.com/x\n# 200\n```\n"));
    }

    @Test
    void anObjectOrArrayWithoutEllipsisMustBeExactlyAsPrinted() throws Exception {
        JsonClaim claim = new JsonClaim("{\"a\":1,\"list\":[1,2]}");

        assertEquals(List.of(), claim.mismatches(JSON.readTree("{\"a\":1,\"list\":[1,2]}")));
        assertEquals(List.of("/b: not in the README, was 2"), claim.mismatches(JSON.readTree("{\"a\":1,\"b\":2,\"list\":[1,2]}")));
        assertEquals(1, claim.mismatches(JSON.readTree("{\"a\":1,\"list\":[1,2,3]}")).size());
    }

    @Test
    void anEllipsisLeavesOutFieldsAndElementsButNotWhatIsPrinted() throws Exception {
        JsonClaim claim = new JsonClaim("{\"a\":\"...\",\"list\":[{\"p\":\"x\",...},...],...}");

        assertEquals(List.of(), claim.mismatches(JSON.readTree("{\"a\":\"...\",\"b\":2,\"list\":[{\"p\":\"y\"},{\"p\":\"x\",\"q\":1}]}")));
        assertEquals(List.of("/a: README says \"...\", was absent"), claim.mismatches(JSON.readTree("{\"list\":[{\"p\":\"x\"}]}")));
        assertEquals(1, claim.mismatches(JSON.readTree("{\"a\":\"...\",\"list\":[{\"p\":\"y\"}]}")).size());
    }
}
