package dev.contractkit.stub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.layer.LayerTags;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.http.Json;
import dev.contractkit.stub.layer.LayerErrorFormat;
import dev.contractkit.stub.vayu.VayuErrorFormat;

/**
 * What differs between the vendors and their specs cannot say, in one place: prefix, body limit, error
 * words, JSON style, rate limits, and the one write rule Layer needs.
 */
public enum Vendor {
    /** 256 KB: Vayu's errors page documents request_too_large above it. */
    VAYU("vayu", 256 * 1024, new VayuErrorFormat(), JsonInclude.Include.NON_NULL, 500, false,
            Engine.WriteRule.NONE, dev.contractkit.stub.vayu.VayuAccessTokens::new,
            (noun, id) -> noun + " with id " + id + " not found"),
    /** 1 MiB: Layer documents no limit; this is the common default of the proxies in front of such APIs. */
    LAYER("layer", 1024 * 1024, new LayerErrorFormat(), JsonInclude.Include.ALWAYS, 100, true,
            new LayerTags(), secret -> Engine.AnswerRule.NONE, (noun, id) -> noun + " " + id + " not found");

    private final String prefix;
    private final int bodyLimit;
    private final ErrorFormat errors;
    private final ObjectMapper json;
    private final int documentedRatePerSecond;
    private final boolean sendsRateLimitHeaders;
    private final Engine.WriteRule writeRule;
    private final java.util.function.Function<byte[], Engine.AnswerRule> answerRule;
    private final Engine.NotFound notFound;

    Vendor(String prefix, int bodyLimit, ErrorFormat errors, JsonInclude.Include inclusion,
            int documentedRatePerSecond, boolean sendsRateLimitHeaders, Engine.WriteRule writeRule,
            java.util.function.Function<byte[], Engine.AnswerRule> answerRule, Engine.NotFound notFound) {
        this.answerRule = answerRule;
        this.writeRule = writeRule;
        this.notFound = notFound;
        this.prefix = prefix;
        this.bodyLimit = bodyLimit;
        this.errors = errors;
        this.json = Json.mapper(inclusion);
        this.documentedRatePerSecond = documentedRatePerSecond;
        this.sendsRateLimitHeaders = sendsRateLimitHeaders;
    }

    /** What the vendor does to a written item that its spec cannot say (Layer's tags). */
    public Engine.WriteRule writeRule() {
        return writeRule;
    }

    /** How the vendor words a miss. */
    public Engine.NotFound notFound() {
        return notFound;
    }

    /**
     * What the vendor does to synthesized answers beyond its data: Vayu's login answers a JWT signed with
     * this secret (the one strict auth verifies Vayu tokens with).
     */
    public Engine.AnswerRule answerRule(byte[] jwtSecret) {
        return answerRule.apply(jwtSecret);
    }

    /** The package of its generated JAX-RS interfaces (generated-server's convention). */
    public String serverApiPackage() {
        return "dev.contractkit." + prefix + ".server.api";
    }

    /** The vendor whose path prefix this is, or null. */
    public static Vendor byPrefix(String prefix) {
        for (Vendor vendor : values()) {
            if (vendor.prefix.equals(prefix)) {
                return vendor;
            }
        }
        return null;
    }

    /** Requests a second: Vayu's documented 500, Layer's sandbox 100. */
    public int documentedRatePerSecond() {
        return documentedRatePerSecond;
    }

    /** Layer documents X-RateLimit-Limit, -Remaining and -Reset; Vayu only its 429 body. */
    public boolean sendsRateLimitHeaders() {
        return sendsRateLimitHeaders;
    }

    /** The path segment it is served under and the name of its spec file. */
    public String prefix() {
        return prefix;
    }

    public int bodyLimit() {
        return bodyLimit;
    }

    public ErrorFormat errors() {
        return errors;
    }

    public ObjectMapper json() {
        return json;
    }
}
