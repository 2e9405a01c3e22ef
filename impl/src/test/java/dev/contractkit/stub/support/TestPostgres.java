package dev.contractkit.stub.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Test-only: a throwaway PostgreSQL cluster of the machine's own binaries (Debian's {@code postgresql} package),
 * started once per test JVM on 127.0.0.1 and a free port, deleted when the JVM exits. initdb and postgres refuse to
 * run as root, so as root (CI, containers) they run as the {@code postgres} user. Each test gets a database of its
 * own ({@link #newDatabase()}), so tests never see each other's state.
 */
public final class TestPostgres {

    public static final String USER = "contractkit";
    public static final String PASSWORD = "sandbox-secret";

    private static TestPostgres instance;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private Process server;

    private TestPostgres(Path bin) throws IOException {
        this.bin = bin;
        this.dir = Files.createTempDirectory("contract-kit-pg");
        this.port = freePort();
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            try {
                TestPostgres pg = new TestPostgres(binaries());
                pg.init();
                pg.start();
                Runtime.getRuntime().addShutdownHook(new Thread(pg::destroy));
                instance = pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A new empty database, its JDBC URL. */
    public String newDatabase() {
        String name = "sandbox" + databases.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement sql = admin.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server, as a database that goes away (fast shutdown: connections are cut). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data().toString(), "-m", "fast", "-w")));
        server.destroy(); // by its PID, should pg_ctl have failed
        try {
            server.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Starts it again (same port, same data). */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        List<String> command = asPostgres(List.of(bin.resolve("postgres").toString(), "-D", data().toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", dir.toString(), "-c", "fsync=off",
                "-c", "max_connections=200"));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    throw new IllegalStateException("test PostgreSQL did not start: " + Files.readString(dir.resolve("server.log")));
                }
                sleep(100);
            }
        }
    }

    private void init() throws IOException {
        Path pw = dir.resolve("pwfile");
        Files.writeString(pw, PASSWORD);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
                "--pwfile=" + pw, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale")));
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void destroy() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp dir left behind
        }
    }

    private static List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Debian's binaries (/usr/lib/postgresql/N/bin), else pg_config's. */
    private static Path binaries() throws IOException {
        List<Path> found = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(Path::toString).reversed());
        if (found.isEmpty()) {
            try {
                Process config = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
                Path bindir = Path.of(new String(config.getInputStream().readAllBytes()).trim());
                if (config.waitFor() == 0 && Files.isExecutable(bindir.resolve("initdb"))) {
                    found.add(bindir);
                }
            } catch (IOException | InterruptedException | RuntimeException none) {
                // no pg_config either
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("PostgreSQL's initdb was not found: install Debian's postgresql package "
                    + "(apt-get install postgresql) or run .ci/run");
        }
        return found.get(0);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
