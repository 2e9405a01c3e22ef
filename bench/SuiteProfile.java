import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test suite's profile: launches a server (COMMAND, with "--port P" appended), then, like a suite with one
 * client, sends the valid Vayu PUT one request at a time on a kept-alive connection. Prints the time from
 * launch to the first answer and to the 1,000th and 10,000th answered requests (cold), then the time that
 * 1,000 and 10,000 more take on the now-warm server, and the CPU (% of one CPU) that the client and the server
 * used from launch to the 10,000th answer: the client is the generator here, and it waits on every answer. Stops the server (by its process handle) in any case.
 * Run: java bench/SuiteProfile.java BODY_FILE LOG_FILE COMMAND...   (bench/suite-profile runs it)
 */
public final class SuiteProfile {

    private static final String ROUTE = "/vayu/customers/5f1d7c2b9a3e4b5c6d7e8f90";
    private static final long LIMIT_NS = TimeUnit.SECONDS.toNanos(120);

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(args).subList(2, args.length));
        command.addAll(List.of("--port", Integer.toString(port)));
        URL url = new URL("http://127.0.0.1:" + port + ROUTE);
        long t0 = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(args[1])).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
        try {
            while (put(url, body) != 200) {
                if (!server.isAlive() || System.nanoTime() - t0 > LIMIT_NS) {
                    throw new IllegalStateException("the server did not answer 200 (log: " + args[1] + ")");
                }
                Thread.sleep(5);
            }
            long first = System.nanoTime() - t0;
            long cold1k = answer(url, body, 999, t0);
            long cold10k = answer(url, body, 9_000, t0);
            long clientCpu = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long serverCpu = server.info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
            long w0 = System.nanoTime();
            long warm1k = answer(url, body, 1_000, w0);
            long warm10k = answer(url, body, 9_000, w0);
            // CPU of the client and of the server from launch to the 10,000th answer, in % of one CPU.
            System.out.printf("RESULT first=%d cold1k=%d cold10k=%d warm1k=%d warm10k=%d client_cpu=%d server_cpu=%d%n",
                    ms(first), ms(cold1k), ms(cold10k), ms(warm1k), ms(warm10k),
                    100 * clientCpu / cold10k, 100 * serverCpu / cold10k);
        } finally {
            stop(server);
        }
    }

    /** Sends COUNT requests, each must be answered 200; returns the time since T0. */
    private static long answer(URL url, byte[] body, int count, long t0) throws IOException {
        for (int i = 0; i < count; i++) {
            int status = put(url, body);
            if (status != 200) {
                throw new IllegalStateException("request answered " + status);
            }
            if (System.nanoTime() - t0 > LIMIT_NS) {
                throw new IllegalStateException("over the time limit");
            }
        }
        return System.nanoTime() - t0;
    }

    private static int put(URL url, byte[] body) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("PUT");
            connection.setRequestProperty("Authorization", "Bearer bench-token");
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            (status < 400 ? connection.getInputStream() : connection.getErrorStream()).readAllBytes();
            return status; // the connection stays open for the next request (keep-alive)
        } catch (IOException refused) {
            return 0;
        }
    }

    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static long ms(long ns) {
        return TimeUnit.NANOSECONDS.toMillis(ns);
    }
}
