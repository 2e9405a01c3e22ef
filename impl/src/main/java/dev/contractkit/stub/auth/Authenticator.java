package dev.contractkit.stub.auth;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides whether a request's Authorization header lets it through; throws a 401 when it does not. */
public interface Authenticator {

    /** RFC 6750: "Bearer" (any case), one or more spaces, a b64token. */
    Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)");

    /** The default, like a sandbox that trusts its callers: any non-empty credentials after "Bearer". */
    Authenticator ANY_BEARER_TOKEN = new AnyBearerCredentials();

    /** Checks a well-formed token; throws a 401 StubException when it is not accepted. */
    void accept(String token);

    default void check(String authorizationHeader) {
        Matcher m = bearer(BEARER, authorizationHeader);
        accept(m.group(1));
    }

    /** The header matched against a bearer pattern; a 401 when it is missing or does not match. */
    static Matcher bearer(Pattern pattern, String authorizationHeader) {
        Matcher m = authorizationHeader == null ? null : pattern.matcher(authorizationHeader);
        if (m == null || !m.matches()) {
            throw unauthorized(authorizationHeader == null ? "Missing Authorization header"
                    : "Malformed Authorization header: expected 'Bearer <token>'");
        }
        return m;
    }

    static StubException unauthorized(String message) {
        return new StubException(ErrorKind.UNAUTHORIZED, message);
    }
}
