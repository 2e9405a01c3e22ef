package dev.contractkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the kit, kept: a user drops Vayu's whole published file (46 operations on 32 paths;
 * vendor-files/vayu-published.yaml, as Vayu publishes it in vayucode/vayu-sdks, open-api-files/open-api.yaml)
 * over specs/vayu.yaml, and a vendor the kit has never seen (Clerk's Platform API, vendor-files/clerk-published.yaml)
 * as specs/clerk.yaml, accepts them, and builds. With no other file changed the build and its tests are green, and
 * each regenerated client runs a create -> get -> list -> update -> delete round trip against the rebuilt stub,
 * a miss answered in the vendor's own documented error shape. Skipped inside the copy it builds (it would build
 * itself again).
 */
class VendorFileDropInTest {

    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @TempDir
    Path copy;

    @Test
    void vendorsPublishedFilesBuildTestAndServeARoundTripWithNoJavaChanged() throws Exception {
        if (Boolean.getBoolean("contractkit.inner-build")) {
            return; // the copy's own run of this test
        }
        copyProject();
        dropIn("vayu-published.yaml", "vayu");
        dropIn("clerk-published.yaml", "clerk");

        Build accept = maven("-q", "-pl", "spec-gate", "process-classes", "-Daccept-specs=vayu,clerk");
        assertEquals(0, accept.exit(), accept::output);
        Build build = maven("verify", "-Dcontractkit.inner-build=true", "-Dtest=!SpecChangeLoopTest",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertEquals(0, build.exit(), () -> tail(build.output()));
        assertTrue(build.output().contains("Tests run:"), "the copy ran its tests");

        try (Stub stub = Stub.start(copy.resolve("impl/target/stub-server.jar"));
                URLClassLoader clients = new ChildFirst(copy.resolve("generated-client/target/classes").toUri().toURL(),
                        getClass().getClassLoader())) {
            assertTrue(stub.startLine.contains(stub.url + "/clerk"), () -> "the start line names every vendor: " + stub.startLine);
            vayuRoundTrip(new GeneratedClient(clients, "dev.contractkit.vayu.client", stub.url + "/vayu"));
            clerkRoundTrip(new GeneratedClient(clients, "dev.contractkit.clerk.client", stub.url + "/clerk"));
        }
    }

    private void dropIn(String vendorFile, String vendor) throws IOException {
        try (var published = getClass().getResourceAsStream("/vendor-files/" + vendorFile)) {
            Files.copy(published, copy.resolve("specs/" + vendor + ".yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Vayu's customers, through its regenerated client. */
    private static void vayuRoundTrip(GeneratedClient vayu) throws Exception {
        // Vayu's login takes no bearer token (its spec asks for none) and answers a JWT, as its SDKs expect.
        Object auth = vayu.api("AuthApi");
        String token = vayu.tree(vayu.call(auth, "login", "{\"refreshToken\":\"a-refresh-token\"}")).path("accessToken").asText();
        assertEquals(3, token.split("\\.").length, () -> "a JWT: " + token);
        vayu.bearer(token);
        Object customers = vayu.api("CustomersApi");

        Object created = vayu.call(customers, "createCustomer", "{\"name\":\"Drop-in\",\"externalId\":\"drop-in-1\"}");
        String id = vayu.tree(created).at("/customer/id").asText();
        assertTrue(id.matches("[0-9a-fA-F]{24}"), () -> "a created customer's id: " + vayu.tree(created));

        assertEquals("Drop-in", vayu.tree(vayu.call(customers, "getCustomer", null, id)).at("/customer/name").asText());
        assertTrue(vayu.tree(vayu.call(customers, "listCustomers", null)).toString().contains(id), "listed");
        assertEquals("Renamed", vayu.tree(vayu.call(customers, "updateCustomer", "{\"name\":\"Renamed\"}", id))
                .at("/customer/name").asText());
        assertNotNull(vayu.call(customers, "deleteCustomer", null, id));
        assertEquals(404, vayu.refusal(() -> vayu.call(customers, "getCustomer", null, id)).status());

        new UsageBillingScenario(vayu.loader, vayu.client, vayu.mapper, vayu.url.substring(0, vayu.url.lastIndexOf("/vayu"))).run();
    }

    /**
     * Clerk's applications, a vendor with no Java here: its create (a POST answering the item, id field
     * application_id), its delete answering {deleted, object, id} as its schema says, and a miss in its
     * documented ClerkErrors shape ({errors: [{message, long_message, code}]}).
     */
    private static void clerkRoundTrip(GeneratedClient clerk) throws Exception {
        clerk.bearer("a-platform-token");
        Object applications = clerk.api("ApplicationsApi");

        Object created = clerk.call(applications, "platformCreateApplication", "{\"name\":\"Drop-in\"}");
        String id = clerk.tree(created).path("application_id").asText();
        assertTrue(!id.isEmpty(), () -> "a created application's id: " + clerk.tree(created));

        assertEquals("Drop-in", clerk.tree(clerk.call(applications, "platformGetApplication", null, id)).path("name").asText());
        assertTrue(clerk.tree(clerk.call(applications, "platformListApplications", null)).toString().contains(id), "listed");
        assertEquals("Renamed", clerk.tree(clerk.call(applications, "platformUpdateApplication", "{\"name\":\"Renamed\"}", id))
                .path("name").asText());
        var deleted = clerk.tree(clerk.call(applications, "platformDeleteApplication", null, id));
        assertEquals(id, deleted.path("id").asText(), deleted::toString);
        assertTrue(deleted.path("deleted").asBoolean(), deleted::toString);

        Refusal gone = clerk.refusal(() -> clerk.call(applications, "platformGetApplication", null, id));
        assertEquals(404, gone.status());
        var error = new ObjectMapper().readTree(gone.body()).path("errors").path(0);
        assertTrue(error.path("message").isTextual() && error.path("code").isTextual(),
                () -> "a miss in Clerk's ClerkErrors shape: " + gone.body());
    }

    private record Refusal(int status, String body) {
    }

    /** A regenerated client, loaded from the copy's classes, called reflectively (the test compiles against none). */
    private static final class GeneratedClient {
        private final ClassLoader loader;
        private final String base;
        private final ObjectMapper mapper;
        private final Object client;
        private final String url;

        GeneratedClient(ClassLoader loader, String base, String url) throws Exception {
            this.loader = loader;
            this.url = url;
            this.base = base;
            Object json = loader.loadClass(base + ".JSON").getConstructor().newInstance();
            this.mapper = (ObjectMapper) json.getClass().getMethod("getMapper").invoke(json);
            this.client = loader.loadClass(base + ".ApiClient").getConstructor().newInstance();
            client.getClass().getMethod("setBasePath", String.class).invoke(client, url);
        }

        void bearer(String token) throws Exception {
            client.getClass().getMethod("setBearerToken", String.class).invoke(client, token);
        }

        Object api(String simpleName) throws Exception {
            return loader.loadClass(base + ".api." + simpleName).getConstructor(client.getClass()).newInstance(client);
        }

        com.fasterxml.jackson.databind.JsonNode tree(Object answer) {
            return mapper.valueToTree(answer);
        }

        /** Calls the operation: path parameters first, the body (read as the method's body type), null for the rest. */
        Object call(Object api, String operation, String body, String... pathParams) throws Exception {
            Method method = Stream.of(api.getClass().getMethods()).filter(m -> m.getName().equals(operation))
                    .findFirst().orElseThrow(() -> new AssertionError("the client has no " + operation));
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = method.getParameterTypes()[i];
                if (i < pathParams.length) {
                    args[i] = pathParams[i];
                } else if (body != null && type.getName().contains(".model.")) {
                    args[i] = mapper.readValue(body, type);
                }
            }
            return method.invoke(api, args);
        }

        /** The client's ApiException of a call that must fail: its status and body. */
        Refusal refusal(java.util.concurrent.Callable<Object> call) throws Exception {
            InvocationTargetException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                    InvocationTargetException.class, call::call);
            Throwable cause = thrown.getCause();
            return new Refusal((int) cause.getClass().getMethod("getCode").invoke(cause),
                    (String) cause.getClass().getMethod("getResponseBody").invoke(cause));
        }
    }

    /** Loads the copy's regenerated client classes before the test's own (the seed's) ones of the same names. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.contractkit.") || !name.contains(".client")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    /** The copy's runnable stub on a free port of 127.0.0.1, stopped by its PID. */
    private static final class Stub implements AutoCloseable {
        private final Process process;
        private final String url;
        private final String startLine;

        private Stub(Process process, String url, String startLine) {
            this.process = process;
            this.url = url;
            this.startLine = startLine;
        }

        static Stub start(Path jar) throws IOException {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "--port", "0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)").matcher(first == null ? "" : first);
            if (!m.find()) {
                process.destroyForcibly();
                throw new AssertionError("the copy's stub did not start: " + first);
            }
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
            drain.setDaemon(true);
            drain.start();
            return new Stub(process, m.group(1), first);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private record Build(int exit, String output) {
    }

    private Build maven(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(copy.resolve("mvnw").toString(), "-B", "-o", "-f",
                copy.resolve("pom.xml").toString()));
        command.addAll(List.of(args));
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "the build must end");
        return new Build(maven.exitValue(), output);
    }

    /** The project's sources and build files, without what builds made. */
    private void copyProject() throws IOException {
        for (String file : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "README.md", "bench/README.md")) {
            copyFile(ROOT.resolve(file), copy.resolve(file));
        }
        for (String folder : Stream.concat(modules().stream(), Stream.of("specs", "docs", "examples/consumer/src")).toList()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = ROOT.relativize(file).toString().replace('\\', '/');
                    if (!relative.contains("/target/")) {
                        copyFile(file, copy.resolve(relative));
                    }
                }
            }
        }
    }

    /** The root pom's modules, as the build lists them (a module added there is copied too). */
    private static List<String> modules() throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new java.util.ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        to.toFile().setExecutable(from.toFile().canExecute());
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
    }
}
