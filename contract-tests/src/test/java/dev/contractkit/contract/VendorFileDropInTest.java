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
 * over specs/vayu.yaml, accepts it, and builds. With no Java changed the build and its tests are green,
 * and the regenerated client runs a create -> get -> list -> update -> delete round trip against the
 * rebuilt stub. Skipped inside the copy it builds (it would build itself again).
 */
class VendorFileDropInTest {

    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @TempDir
    Path copy;

    @Test
    void vayusWholePublishedFileBuildsTestsAndServesARoundTripWithNoJavaChanged() throws Exception {
        if (Boolean.getBoolean("contractkit.inner-build")) {
            return; // the copy's own run of this test
        }
        copyProject();
        try (var published = getClass().getResourceAsStream("/vendor-files/vayu-published.yaml")) {
            Files.copy(published, copy.resolve("specs/vayu.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        Build accept = maven("-q", "-pl", "spec-gate", "process-classes", "-Daccept-specs=vayu");
        assertEquals(0, accept.exit(), accept::output);
        Build build = maven("verify", "-Dcontractkit.inner-build=true", "-Dtest=!SpecChangeLoopTest",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertEquals(0, build.exit(), () -> tail(build.output()));
        assertTrue(build.output().contains("Tests run:"), "the copy ran its tests");

        try (Stub stub = Stub.start(copy.resolve("impl/target/stub-server.jar"))) {
            new RoundTrip(copy.resolve("generated-client/target/classes"), stub.url + "/vayu").run();
        }
    }

    /** The regenerated client, loaded from the copy's classes, through its customers API. */
    private record RoundTrip(Path clientClasses, String baseUrl) {

        void run() throws Exception {
            try (URLClassLoader loader = new ChildFirst(clientClasses.toUri().toURL(), getClass().getClassLoader())) {
                String base = "dev.contractkit.vayu.client";
                Object json = loader.loadClass(base + ".JSON").getConstructor().newInstance();
                ObjectMapper mapper = (ObjectMapper) json.getClass().getMethod("getMapper").invoke(json);
                Object client = loader.loadClass(base + ".ApiClient").getConstructor().newInstance();
                client.getClass().getMethod("setBasePath", String.class).invoke(client, baseUrl);

                // Vayu's login takes no bearer token (its spec asks for none) and answers a JWT, as its SDKs expect.
                Object auth = loader.loadClass(base + ".api.AuthApi").getConstructor(client.getClass()).newInstance(client);
                String token = mapper.valueToTree(call(auth, mapper, "login", "{\"refreshToken\":\"a-refresh-token\"}"))
                        .path("accessToken").asText();
                assertEquals(3, token.split("\\.").length, () -> "a JWT: " + token);
                client.getClass().getMethod("setBearerToken", String.class).invoke(client, token);
                Object customers = loader.loadClass(base + ".api.CustomersApi").getConstructor(client.getClass())
                        .newInstance(client);

                Object created = call(customers, mapper, "createCustomer", "{\"name\":\"Drop-in\",\"externalId\":\"drop-in-1\"}");
                String id = mapper.valueToTree(created).at("/customer/id").asText();
                assertTrue(id.matches("[0-9a-fA-F]{24}"), () -> "a created customer's id: " + mapper.valueToTree(created));

                assertEquals("Drop-in", mapper.valueToTree(call(customers, mapper, "getCustomer", null, id))
                        .at("/customer/name").asText());
                assertTrue(mapper.valueToTree(call(customers, mapper, "listCustomers", null)).toString().contains(id),
                        "listed");
                assertEquals("Renamed", mapper.valueToTree(call(customers, mapper, "updateCustomer",
                        "{\"name\":\"Renamed\"}", id)).at("/customer/name").asText());
                assertNotNull(call(customers, mapper, "deleteCustomer", null, id));
                InvocationTargetException gone = org.junit.jupiter.api.Assertions.assertThrows(
                        InvocationTargetException.class, () -> call(customers, mapper, "getCustomer", null, id));
                assertEquals(404, gone.getCause().getClass().getMethod("getCode").invoke(gone.getCause()));

                new UsageBillingScenario(loader, client, mapper, baseUrl.substring(0, baseUrl.lastIndexOf("/vayu"))).run();
            }
        }

        /** Calls the operation: path parameters first, the body (read as the method's body type), null for the rest. */
        private static Object call(Object api, ObjectMapper mapper, String operation, String body, String... pathParams)
                throws Exception {
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
    }

    /** Loads the copy's regenerated client classes before the test's own (the seed's) ones of the same names. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.contractkit.vayu.client")) {
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

        private Stub(Process process, String url) {
            this.process = process;
            this.url = url;
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
            return new Stub(process, m.group(1));
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
        for (String file : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "README.md")) {
            copyFile(ROOT.resolve(file), copy.resolve(file));
        }
        for (String folder : Stream.concat(modules().stream(), Stream.of("specs")).toList()) {
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
