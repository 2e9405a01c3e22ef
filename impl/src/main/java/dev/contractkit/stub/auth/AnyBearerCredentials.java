package dev.contractkit.stub.auth;

import java.util.regex.Pattern;

/**
 * `--auth any`: the Bearer scheme and any non-empty credentials, outside RFC 6750's token characters too.
 * Users paste the vendors' examples as printed, placeholders included (Layer's `Bearer <access_token>`),
 * and a stub that trusts every token has nothing to gain from refusing those.
 */
final class AnyBearerCredentials implements Authenticator {

    private static final Pattern BEARER_ANYTHING = Pattern.compile("(?i:bearer) +(\\S.*)");

    @Override
    public void check(String authorizationHeader) {
        Authenticator.bearer(BEARER_ANYTHING, authorizationHeader);
    }

    @Override
    public void accept(String token) {
    }
}
