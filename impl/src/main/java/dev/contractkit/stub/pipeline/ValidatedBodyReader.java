package dev.contractkit.stub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.stub.spec.ValidatedRequest;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Gives a resource its typed body from the tree the pipeline validated, instead of writing that tree out
 * and parsing it again. The typed model must read what was validated: with a key given twice, the tree
 * keeps the last value while a streaming read of the raw bytes fails on the first.
 */
final class ValidatedBodyReader implements ReaderInterceptor {

    private final ObjectMapper json;

    ValidatedBodyReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        ValidatedRequest validated = RequestPipeline.validated(context);
        if (validated != null && validated.body() != null) {
            return json.treeToValue(validated.body(), json.constructType(context.getGenericType()));
        }
        return context.proceed();
    }
}
