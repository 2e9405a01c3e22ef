package dev.contractkit.stub.layer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.spec.OpenApiSpec;
import dev.contractkit.stub.vendor.VendorRules;

/** What Layer does that its spec cannot say. */
public final class LayerRules implements VendorRules {

    /** Its spec's name, specs/layer.yaml, and its path prefix. */
    public static final String NAME = "layer";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorFormat errors(OpenApiSpec spec) {
        return new LayerErrorFormat();
    }

    /** Its example answers show every field, null when empty. */
    @Override
    public JsonInclude.Include inclusion() {
        return JsonInclude.Include.ALWAYS;
    }

    /** Layer's sandbox: 100 requests a second, with X-RateLimit-* headers on every answer. */
    @Override
    public boolean sendsRateLimitHeaders() {
        return true;
    }

    @Override
    public Engine.WriteRule writeRule() {
        return new LayerTags();
    }
}
