package dev.contractkit.stub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import dev.contractkit.stub.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension's store, as the CLI's --store: two extensions on one PostgreSQL database (the test cluster's) are
 * replicas of one shared sandbox, and what one is told lives in the database, where the other reads it.
 */
class SharedStoreExtensionTest {

    private static final String DATABASE = TestPostgres.get().newDatabase();
    private static final String CUSTOMERS = "/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static StubServerExtension one = StubServerExtension.newInstance()
            .store(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD).build();

    @RegisterExtension
    static StubServerExtension other = StubServerExtension.newInstance()
            .store(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD).build();

    @Test
    void aCustomerMadeThroughOneIsReadThroughTheOtherAndStoredInTheDatabase() throws Exception {
        HttpResponse<String> made = send(one, "POST", CUSTOMERS, "{\"external_id\":\"junit-store\",\"company_name\":\"Kiln Ltd\"}");
        assertEquals(201, made.statusCode(), made::body);
        String id = JSON.readTree(made.body()).at("/data/id").asText();

        HttpResponse<String> read = send(other, "GET", CUSTOMERS + "/" + id, null);

        assertEquals(200, read.statusCode(), read::body);
        assertEquals("Kiln Ltd", JSON.readTree(read.body()).at("/data/company_name").asText());
        assertEquals("Kiln Ltd", storedCompanyName(id).path("company_name").asText(), "the database holds it");
    }

    @Test
    void theOptionsNeverPrintThePassword() {
        assertFalse(one.toString().contains(TestPostgres.PASSWORD), one::toString);
        assertTrue(one.toString().contains(DATABASE), one::toString);
    }

    private static JsonNode storedCompanyName(String id) throws Exception {
        try (Connection db = DriverManager.getConnection(DATABASE, TestPostgres.USER, TestPostgres.PASSWORD);
                PreparedStatement sql = db.prepareStatement("select body from resource where vendor = ? and id = ?")) {
            sql.setString(1, Vendor.LAYER.prefix());
            sql.setString(2, id);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next(), "no row for " + id + " in " + DATABASE);
                return JSON.readTree(row.getString(1));
            }
        }
    }

    private static HttpResponse<String> send(StubServerExtension stub, String method, String path, String json)
            throws Exception {
        StubServer server = stub.server();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(Vendor.LAYER) + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer test-token")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
