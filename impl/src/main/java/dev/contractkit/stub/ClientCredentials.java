package dev.contractkit.stub;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * Gives a generated client's ApiClient one token as every credential its spec's security schemes generated:
 * a bearer token, an OAuth2 access token (sent as a bearer token too), an API key, Basic credentials. The
 * client's helpers (setBearerToken, setAccessToken, ...) each throw when the spec has no scheme of their kind, so
 * the client's own map of authentications is read instead: whatever a vendor's file declares, the client sends
 * what its operations ask for, and the stub accepts any value where it is not strict.
 */
public final class ClientCredentials {

    /** The setters of each kind of generated Authentication, each given the token. */
    private static final List<List<String>> SETTERS = List.of(List.of("setBearerToken"), List.of("setAccessToken"),
            List.of("setApiKey"), List.of("setUsername", "setPassword"));

    private ClientCredentials() {
    }

    /** Sets the token on every authentication of the ApiClient; a client with none is left as it is. */
    public static void give(Object apiClient, String token) {
        try {
            Object authentications = apiClient.getClass().getMethod("getAuthentications").invoke(apiClient);
            for (Object authentication : ((Map<?, ?>) authentications).values()) {
                set(authentication, token);
            }
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(apiClient.getClass().getName() + " is no generated ApiClient", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the generated client refused its credentials", e.getCause());
        }
    }

    /** The first kind of setters the authentication has, each called with the token. */
    private static void set(Object authentication, String token) throws IllegalAccessException, InvocationTargetException {
        for (List<String> setters : SETTERS) {
            List<Method> methods = setters.stream().map(name -> setter(authentication, name)).toList();
            if (methods.stream().allMatch(java.util.Objects::nonNull)) {
                for (Method method : methods) {
                    method.invoke(authentication, token);
                }
                return;
            }
        }
    }

    private static Method setter(Object authentication, String name) {
        try {
            return authentication.getClass().getMethod(name, String.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
