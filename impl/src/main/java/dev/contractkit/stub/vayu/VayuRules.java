package dev.contractkit.stub.vayu;

import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.vendor.VendorRules;

/** What Vayu does that its spec cannot say. */
public final class VayuRules implements VendorRules {

    /** Its spec's name, specs/vayu.yaml, and its path prefix. */
    public static final String NAME = "vayu";

    @Override
    public String name() {
        return NAME;
    }

    /** 256 KB: Vayu's errors page documents request_too_large above it. */
    @Override
    public int bodyLimit() {
        return 256 * 1024;
    }

    @Override
    public ErrorFormat errors(OpenApiSpec spec) {
        return new VayuErrorFormat();
    }

    /** Vayu's documented 500 requests a second. */
    @Override
    public int documentedRatePerSecond() {
        return 500;
    }

    @Override
    public Engine.AnswerRule answerRule(byte[] jwtSecret) {
        return new VayuAccessTokens(jwtSecret);
    }

    @Override
    public Engine.NotFound notFound() {
        return (noun, id) -> noun + " with id " + id + " not found";
    }
}
