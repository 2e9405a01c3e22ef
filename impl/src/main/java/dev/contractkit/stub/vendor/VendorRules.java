package dev.contractkit.stub.vendor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.contractkit.stub.engine.Engine;
import dev.contractkit.stub.error.ErrorFormat;
import dev.contractkit.stub.error.SpecErrorFormat;
import dev.contractkit.stub.spec.OpenApiSpec;

/**
 * What a vendor does that its spec cannot say. A vendor without Java of its own gets these defaults, read from
 * its spec where they can be (its error bodies); a vendor with some (Vayu, Layer) implements this in its own
 * package and lists the class in META-INF/services, so nothing outside that package names it.
 */
public interface VendorRules {

    /** The vendor's spec name (specs/NAME.yaml), which is also its path prefix. */
    String name();

    /** The largest body it accepts; 1 MiB, the common default of the proxies in front of such APIs, unless documented. */
    default int bodyLimit() {
        return 1024 * 1024;
    }

    /** How it words an error body: from the error schemas its spec documents, unless it has Java of its own. */
    default ErrorFormat errors(OpenApiSpec spec) {
        return new SpecErrorFormat(spec);
    }

    /** Whether answers written from models leave out nulls. */
    default JsonInclude.Include inclusion() {
        return JsonInclude.Include.NON_NULL;
    }

    /** Requests a second its documentation promises: the rate a limit without a number uses in its headers. */
    default int documentedRatePerSecond() {
        return 100;
    }

    /** Whether it answers X-RateLimit-Limit, -Remaining and -Reset. */
    default boolean sendsRateLimitHeaders() {
        return false;
    }

    default Engine.WriteRule writeRule() {
        return Engine.WriteRule.NONE;
    }

    /** What it does to synthesized answers beyond its data; {@code jwtSecret} is what strict auth verifies with. */
    default Engine.AnswerRule answerRule(byte[] jwtSecret) {
        return Engine.AnswerRule.NONE;
    }

    /** How it words a miss: "Customer 42 not found" unless it words it otherwise. */
    default Engine.NotFound notFound() {
        return (noun, id) -> noun + " " + id + " not found";
    }
}
