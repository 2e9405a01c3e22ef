package dev.contractkit.stub.tools;

import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * The build's training run for the class-data-sharing archive beside the jar (target/stub-server.jsa, used by
 * impl/stub-server): starts a stub, updates one customer of each vendor over HTTP, asks the admin API's health,
 * stops, and exits, so that the JVM archives every class a start, a first request and a first admin call load.
 * Not part of the stub's API.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        try (StubServer stub = StubServer.builder().port(0).start()) {
            expect200(stub.url(Vendor.VAYU) + "/customers/5f1d7c2b9a3e4b5c6d7e8f90", "{\"name\":\"A\"}");
            expect200(stub.url(Vendor.LAYER) + "/v1/businesses/3f1c2a5e-8b7d-4c6e-9a10-b2c3d4e5f607/customers/"
                    + "4f7c1b16-e057-4ec0-8b20-50308ba5b9ea", "{\"notes\":\"A\"}");
            // The admin API is built at its first call: asked once, its classes are archived too.
            HttpURLConnection health = (HttpURLConnection) new URL(stub.baseUri() + "/__admin/health").openConnection();
            if (health.getResponseCode() != 200) {
                throw new IllegalStateException("the training's admin call answered " + health.getResponseCode());
            }
            health.getInputStream().readAllBytes();
            health.disconnect();
        }
    }

    private static void expect200(String url, String json) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod("PUT");
        connection.setRequestProperty("Authorization", "Bearer training");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("training request to " + url + " answered " + connection.getResponseCode());
        }
        connection.getInputStream().readAllBytes();
        connection.disconnect();
    }
}
