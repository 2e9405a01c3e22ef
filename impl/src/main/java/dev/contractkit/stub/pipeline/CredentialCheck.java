package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.auth.Authenticator;
import dev.contractkit.stub.refusal.StubException;
import dev.contractkit.stub.spec.Credential;
import dev.contractkit.stub.spec.Operation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Whether a request carries what its operation's security asks for: any one alternative, all of its credentials.
 * A bearer token goes to the vendor's {@link Authenticator} (strict or any); Basic credentials and API keys are
 * only required to be there, as a sandbox that trusts its callers does. Refused: the first alternative's 401.
 */
final class CredentialCheck {

    private CredentialCheck() {
    }

    static void check(Operation operation, ContainerRequestContext request, Authenticator bearer) {
        StubException first = null;
        for (List<Credential> together : operation.security()) {
            try {
                together.forEach(credential -> check(credential, request, bearer));
                return;
            } catch (StubException refused) {
                first = first == null ? refused : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void check(Credential credential, ContainerRequestContext request, Authenticator bearer) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        switch (credential.kind()) {
            case BEARER -> bearer.check(authorization);
            case BASIC -> {
                if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                        || authorization.substring(6).isBlank()) {
                    throw Authenticator.unauthorized(authorization == null ? "Missing Authorization header"
                            : "Malformed Authorization header: expected 'Basic <credentials>'");
                }
            }
            case API_KEY -> {
                String value = switch (credential.in()) {
                    case "query" -> request.getUriInfo().getQueryParameters(true).getFirst(credential.name());
                    case "cookie" -> {
                        Cookie cookie = request.getCookies().get(credential.name());
                        yield cookie == null ? null : cookie.getValue();
                    }
                    default -> request.getHeaderString(credential.name());
                };
                if (value == null || value.isBlank()) {
                    throw Authenticator.unauthorized("Missing API key: the " + credential.name() + " "
                            + (credential.in().equals("query") ? "query parameter" : credential.in()));
                }
            }
        }
    }
}
