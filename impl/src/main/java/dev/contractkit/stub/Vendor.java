package dev.contractkit.stub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.http.Json;
import dev.contractkit.stub.layer.LayerErrorFormat;
import dev.contractkit.stub.vayu.VayuErrorFormat;

/** What differs between the vendors, in one place: prefix, spec, body limit, error words, JSON style. */
public enum Vendor {
    /** 256 KB: Vayu's errors page documents request_too_large above it. */
    VAYU("vayu", 256 * 1024, new VayuErrorFormat(), JsonInclude.Include.NON_NULL),
    /** 1 MiB: Layer documents no limit; this is the common default of the proxies in front of such APIs. */
    LAYER("layer", 1024 * 1024, new LayerErrorFormat(), JsonInclude.Include.ALWAYS);

    private final String prefix;
    private final int bodyLimit;
    private final ErrorFormat errors;
    private final ObjectMapper json;

    Vendor(String prefix, int bodyLimit, ErrorFormat errors, JsonInclude.Include inclusion) {
        this.prefix = prefix;
        this.bodyLimit = bodyLimit;
        this.errors = errors;
        this.json = Json.mapper(inclusion);
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
