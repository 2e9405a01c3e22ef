package dev.contractkit.stub;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** java -jar stub-server.jar: starts the stub and runs until stopped. */
@Command(name = "stub-server", mixinStandardHelpOptions = true, version = "Contract Kit stub server 0.1.0",
        description = "A stateful stub of the Vayu and Layer customer APIs: Vayu under /vayu, Layer under /layer.")
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}). 0.0.0.0 exposes the stub to the network.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Option(names = "--data", paramLabel = "FILE",
            description = "JSON file of customers to start with, instead of the embedded default data.")
    Path data;

    @Option(names = "--auth", defaultValue = "any", paramLabel = "MODE",
            description = "any (default): accept any non-empty Bearer credentials. strict: verify Vayu tokens as "
                    + "HS256 JWTs (with exp) and Layer tokens against --layer-token.")
    String auth;

    @Option(names = "--vayu-jwt-secret", paramLabel = "SECRET", defaultValue = "${env:VAYU_JWT_SECRET}",
            description = "HS256 secret (32+ bytes) for --auth strict; default: $VAYU_JWT_SECRET.")
    String vayuJwtSecret;

    @Option(names = "--layer-token", paramLabel = "TOKEN", split = ",", defaultValue = "${env:LAYER_TOKENS}",
            description = "Accepted Layer access tokens for --auth strict, comma-separated or repeated; "
                    + "default: $LAYER_TOKENS.")
    List<String> layerTokens = List.of();

    @Option(names = "--journal-size", defaultValue = "1000", paramLabel = "N",
            description = "Requests the journal keeps, the oldest dropped first (default: ${DEFAULT-VALUE}; 0 keeps none).")
    int journalSize;

    @Option(names = "--rate-limit", paramLabel = "LIMITS",
            description = "Rate limits as the vendors document them, off by default: e.g. layer=100,vayu=500 "
                    + "(requests a second, burst 100), or layer=10:5 for a burst of 5.")
    String rateLimits;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:CONTRACT_KIT_ADMIN_TOKEN}",
            description = "Token the admin API and console require (header X-Admin-Token); default: "
                    + "$CONTRACT_KIT_ADMIN_TOKEN. Bound off loopback without one, the stub makes one and prints it once.")
    String adminToken;

    @Option(names = "--store", defaultValue = "memory", paramLabel = "STORE",
            description = "memory (default): state in this process. jdbc:postgresql://host:port/db: a shared sandbox, "
                    + "its state in PostgreSQL, shared by every stub on that database and kept across restarts.")
    String store;

    @Option(names = "--store-user", paramLabel = "USER", defaultValue = "${env:CONTRACT_KIT_STORE_USER}",
            description = "The database user of --store; default: $CONTRACT_KIT_STORE_USER.")
    String storeUser;

    @Option(names = "--store-password", paramLabel = "PASSWORD", defaultValue = "${env:CONTRACT_KIT_STORE_PASSWORD}",
            description = "Its password (never printed); default: $CONTRACT_KIT_STORE_PASSWORD, which keeps it out of "
                    + "the process list.")
    String storePassword;

    @Option(names = "--verbose", description = "Log one line per request.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main())
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    command.getErr().println("stub-server: " + failure.getMessage());
                    return 2;
                })
                .execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.contractkit.stub.requests", "debug");
        }
        StubServer.Builder options = StubServer.builder().host(host).port(port).data(data)
                .journalSize(journalSize).rateLimits(rateLimits).adminToken(adminToken);
        if (!"memory".equals(store)) {
            try {
                options.store(store, storeUser, storePassword);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
            }
        }
        if ("strict".equals(auth)) {
            if (vayuJwtSecret == null || layerTokens == null || layerTokens.isEmpty()) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "--auth strict needs --vayu-jwt-secret and at least one --layer-token");
            }
            options.strictAuth(vayuJwtSecret, layerTokens);
        } else if (!"any".equals(auth)) {
            throw new CommandLine.ParameterException(command.commandLine(), "--auth must be any or strict");
        }
        StubServer server = options.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Stub server listening on " + server.baseUri() + " (" + String.join(", ", server.state().vendors()
                .stream().map(v -> v.prefix() + ": " + server.url(v)).toList()) + ")" + server.state().storeDescription());
        System.out.println("Console: " + server.baseUri() + "/__admin/");
        if (server.adminTokenGenerated()) {
            // Printed once, to the operator's terminal only: it is the one way to learn a token the stub made.
            System.out.println("Admin token (send as X-Admin-Token; the console asks for it once): "
                    + server.adminToken().orElseThrow());
        }
        new CountDownLatch(1).await();
        return 0;
    }
}
