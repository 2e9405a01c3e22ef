import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An in-process start, as a test does it: in a fresh JVM, a server started from code and asked the valid Vayu PUT
 * until it answers 200; prints "FIRST <epoch ms>" at that answer (bench/startup subtracts the launch time). Then
 * RUNS further servers in the same, now warm, JVM: "SECOND <median ms>" from start to the first 200.
 * The stub: StubServer.builder().port(0).start(). WireMock: new WireMockServer(port 0, 127.0.0.1), start() and
 * one stubFor() answering the bench's fixed body, its usual equivalent in a test.
 * Run (compiled with both jars, run with one): java -cp CLASSES:JAR InProcessStart stub|wiremock BODY RESPONSE [RUNS]
 */
public final class InProcessStart {

    private static final String ROUTE = "/customers/5f1d7c2b9a3e4b5c6d7e8f90";

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String response = Files.readString(Path.of(args[2]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean stub = args[0].equals("stub");
        AutoCloseable first = stub ? Stub.start(body) : Mock.start(body, response);
        System.out.println("FIRST " + System.currentTimeMillis());
        first.close();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (AutoCloseable server = stub ? Stub.start(body) : Mock.start(body, response)) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("SECOND %.1f%n", ms[runs / 2]);
    }

    /** The stub, started and answered once; only loaded when asked for, so WireMock's jar need not be there. */
    static final class Stub {
        static AutoCloseable start(byte[] body) throws Exception {
            StubServer server = StubServer.builder().port(0).start();
            awaitOk(server.url(Vendor.VAYU) + ROUTE, body);
            return server;
        }
    }

    static final class Mock {
        static AutoCloseable start(byte[] body, String response) throws Exception {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(0).bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(WireMock.put(WireMock.urlEqualTo("/vayu" + ROUTE)).willReturn(WireMock.okJson(response)));
            awaitOk("http://127.0.0.1:" + server.port() + "/vayu" + ROUTE, body);
            return server::stop;
        }
    }

    private static void awaitOk(String url, byte[] body) throws Exception {
        long t0 = System.nanoTime();
        int status;
        while ((status = put(url, body)) != 200) {
            if (System.nanoTime() - t0 > 20_000_000_000L) {
                throw new IllegalStateException("no 200 within 20 s, last status " + status);
            }
            Thread.sleep(1);
        }
    }

    private static int put(String url, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setRequestMethod("PUT");
            connection.setRequestProperty("Authorization", "Bearer bench-token");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
            return status;
        } catch (IOException refused) {
            return 0;
        }
    }
}
