package dev.contractkit.stub.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The stub's Jackson setup: ISO-8601 dates, the spec's field names, and numbers kept exact. */
public final class Json {

    private Json() {
    }

    /**
     * Jersey's default Jackson writes dates as numbers and emits nulls. Here dates are ISO strings with
     * their offset kept, and {@code inclusion} says whether null fields are written (Layer's documented
     * Customer has every field; Vayu's optional fields are left out when empty).
     */
    public static ObjectMapper mapper(JsonInclude.Include inclusion) {
        // Reading stops at a nesting depth of 1000 (Jackson's default); writing must allow a little more, since
        // an answer wraps what was read ({"customer":{...}}): else a valid request fails after it was stored.
        JsonFactory factory = JsonFactory.builder()
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(2_000).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A number like 1e400 stays exact instead of becoming Infinity, which JSON cannot carry.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .serializationInclusion(inclusion)
                .build();
    }
}
