import dev.contractkit.stub.StubServer;
import dev.contractkit.stub.Vendor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The start of a further stub server inside a warm JVM: one server is started, asked once and closed; then
 * for each of RUNS more, the time from builder().start() to its first answered request (a 200).
 * Run: java -cp impl/target/stub-server.jar bench/SecondStart.java [RUNS]
 */
public final class SecondStart {

    private static final String ROUTE = "/customers/5f1d7c2b9a3e4b5c6d7e8f90";
    private static final byte[] BODY = "{\"name\":\"A\"}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long firstStart = System.nanoTime();
        try (StubServer first = StubServer.builder().port(0).start()) {
            int status = put(first.url(Vendor.VAYU));
            if (status != 200) {
                throw new IllegalStateException("first server answered " + status);
            }
        }
        System.out.printf("first in-process start to first answer: %.1f ms%n", (System.nanoTime() - firstStart) / 1e6);

        double[] ms = new double[runs];
        double[] startMs = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (StubServer server = StubServer.builder().port(0).start()) {
                startMs[i] = (System.nanoTime() - t0) / 1e6;
                int status;
                while ((status = put(server.url(Vendor.VAYU))) != 200) {
                    if (System.nanoTime() - t0 > 10_000_000_000L) {
                        throw new IllegalStateException("no 200 within 10 s, last status " + status);
                    }
                }
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("runs %d: %s%n", runs, Arrays.toString(Arrays.stream(ms).mapToLong(Math::round).toArray()));
        System.out.printf("second server (run 1) %.1f ms%n", ms[0]);
        double[] starts = startMs.clone();
        Arrays.sort(starts);
        System.out.printf("start() alone: median %.1f ms%n", percentile(starts, 50));
        System.out.printf("median %.1f ms%n", percentile(sorted, 50));
        System.out.printf("p90 %.1f ms%n", percentile(sorted, 90));
    }

    private static int put(String vayuUrl) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(vayuUrl + ROUTE).openConnection();
        try {
            connection.setRequestMethod("PUT");
            connection.setRequestProperty("Authorization", "Bearer x");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(BODY);
            }
            int status = connection.getResponseCode();
            (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
            return status;
        } catch (IOException refused) {
            return 0;
        } finally {
            connection.disconnect();
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
