package dev.contractkit.stub.pipeline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.process.Inflector;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;

/**
 * A vendor's generated JAX-RS interfaces, as Jersey resources: the interfaces are the typed contract, and their
 * paths, methods and media types are what Jersey matches a request against; every method is answered by what
 * the engine builds for the validated request (its typed arguments are never built: the engine serves from
 * the validated request, so a parameter the generated types cannot hold cannot fail a request the spec
 * allows). A new operation in the spec is a new method, served with no code.
 */
public final class GeneratedResources {

    private GeneratedResources() {
    }

    /** Jersey resources for every interface of the package, each method answering {@code answer}. */
    public static List<Resource> of(String apiPackage, Function<ContainerRequestContext, Response> answer) {
        Answer inflector = new Answer(answer);
        List<Resource> resources = new ArrayList<>();
        for (Class<?> api : interfaces(apiPackage)) {
            resources.add(resource(api, inflector));
        }
        return resources;
    }

    private static Resource resource(Class<?> api, Answer answer) {
        Resource.Builder root = Resource.builder(api.getAnnotation(Path.class).value());
        Map<String, Resource.Builder> children = new LinkedHashMap<>();
        for (Method method : api.getMethods()) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            Resource.Builder owner = sub == null ? root : children.computeIfAbsent(sub.value(), root::addChildResource);
            var resourceMethod = owner.addMethod(httpMethod).handledBy(answer);
            Consumes consumes = method.getAnnotation(Consumes.class);
            if (consumes != null) {
                resourceMethod.consumes(consumes.value());
            }
            Produces produces = method.getAnnotation(Produces.class);
            if (produces != null) {
                resourceMethod.produces(produces.value());
            }
        }
        return root.build();
    }

    /** Every method's handler: the request in, the engine's answer out; a class, not a lambda, so Jersey can read its types. */
    private static final class Answer implements Inflector<ContainerRequestContext, Response> {
        private final Function<ContainerRequestContext, Response> answer;

        Answer(Function<ContainerRequestContext, Response> answer) {
            this.answer = answer;
        }

        @Override
        public Response apply(ContainerRequestContext request) {
            return answer.apply(request);
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Classes do not change in a JVM: a package is listed once (a further stub then starts without a jar scan). */
    private static final Map<String, List<Class<?>>> LISTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The interfaces with a @Path in a package, from a folder of classes or a jar (the runnable one too). */
    static List<Class<?>> interfaces(String apiPackage) {
        return LISTED.computeIfAbsent(apiPackage, GeneratedResources::list);
    }

    private static List<Class<?>> list(String apiPackage) {
        String folder = apiPackage.replace('.', '/');
        ClassLoader loader = GeneratedResources.class.getClassLoader();
        List<Class<?>> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                for (String name : classNames(url, folder)) {
                    Class<?> type = Class.forName(apiPackage + "." + name, false, loader);
                    if (type.isInterface() && type.isAnnotationPresent(Path.class) && !found.contains(type)) {
                        found.add(type);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the generated interfaces of " + apiPackage, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a generated interface of " + apiPackage + " vanished while loading", e);
        }
        found.sort(java.util.Comparator.comparing(Class::getName));
        return List.copyOf(found);
    }

    private static List<String> classNames(URL url, String folder) throws IOException {
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false); // a jar file of our own to close, not the class loader's
            try (var jar = connection.getJarFile()) {
                return jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class") && n.indexOf('/', folder.length() + 1) < 0)
                        .map(n -> n.substring(folder.length() + 1, n.length() - ".class".length()))
                        .filter(n -> !n.contains("$")).toList();
            }
        }
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get(url.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        } catch (URISyntaxException e) {
            throw new IOException("unreadable class folder " + url, e);
        }
    }
}
