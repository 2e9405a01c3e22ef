package dev.contractkit.stub.auth;

import dev.contractkit.stub.error.ErrorKind;
import dev.contractkit.stub.error.StubException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a request's Authorization header lets it through; throws a 401 when it does not. */
public interface Authenticator {

    /** RFC 6750: "Bearer" (any case), one or more spaces, a b64token. */
    Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)");

    /** Accepts any well-formed bearer token: the default, like a sandbox that trusts its callers. */
    Authenticator ANY_BEARER_TOKEN = token -> { };

    /** Checks a well-formed token; throws a 401 StubException when it is not accepted. */
    void accept(String token);

    default void check(String authorizationHeader) {
        Matcher m = authorizationHeader == null ? null : BEARER.matcher(authorizationHeader);
        if (m == null || !m.matches()) {
            throw unauthorized(authorizationHeader == null ? "Missing Authorization header"
                    : "Malformed Authorization header: expected 'Bearer <token>'");
        }
        accept(m.group(1));
    }

    static StubException unauthorized(String message) {
        return new StubException(ErrorKind.UNAUTHORIZED, message);
    }
}
