package dev.contractkit.stub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.stub.layer.LayerCustomers;
import dev.contractkit.stub.vayu.VayuCustomers;
import java.util.function.UnaryOperator;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.http.Json;
import dev.contractkit.stub.layer.LayerErrorFormat;
import dev.contractkit.stub.vayu.VayuErrorFormat;

/** What differs between the vendors, in one place: prefix, spec, body limit, error words, JSON style. */
public enum Vendor {
    /** 256 KB: Vayu's errors page documents request_too_large above it. */
    VAYU("vayu", 256 * 1024, new VayuErrorFormat(), JsonInclude.Include.NON_NULL, 500, false,
            VayuCustomers.SCHEMA, VayuCustomers::complete),
    /** 1 MiB: Layer documents no limit; this is the common default of the proxies in front of such APIs. */
    LAYER("layer", 1024 * 1024, new LayerErrorFormat(), JsonInclude.Include.ALWAYS, 100, true,
            LayerCustomers.SCHEMA, LayerCustomers::complete);

    private final String prefix;
    private final int bodyLimit;
    private final ErrorFormat errors;
    private final ObjectMapper json;
    private final int documentedRatePerSecond;
    private final boolean sendsRateLimitHeaders;
    private final String customerSchema;
    private final UnaryOperator<ObjectNode> completion;

    Vendor(String prefix, int bodyLimit, ErrorFormat errors, JsonInclude.Include inclusion,
            int documentedRatePerSecond, boolean sendsRateLimitHeaders, String customerSchema,
            UnaryOperator<ObjectNode> completion) {
        this.customerSchema = customerSchema;
        this.completion = completion;
        this.prefix = prefix;
        this.bodyLimit = bodyLimit;
        this.errors = errors;
        this.json = Json.mapper(inclusion);
        this.documentedRatePerSecond = documentedRatePerSecond;
        this.sendsRateLimitHeaders = sendsRateLimitHeaders;
    }

    /** The pointer, in the vendor's spec, of the customer as its answers carry it. */
    public String customerSchema() {
        return customerSchema;
    }

    /** A customer as given (seeded or loaded), with what the vendor always fills in added. */
    public ObjectNode complete(ObjectNode customer) {
        return completion.apply(customer);
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
