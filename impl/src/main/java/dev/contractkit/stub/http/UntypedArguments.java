package dev.contractkit.stub.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The engine serves a vendor's operations from the validated request, not from the generated methods'
 * typed arguments: this skips building them. It spares the work, and a spec's parameter or body that the
 * generated types cannot hold (a date-time query parameter Jersey has no converter for, a model the
 * generator got wrong) can no longer fail a request the spec allows.
 */
final class UntypedArguments implements ParamConverterProvider, ReaderInterceptor {

    private static final ParamConverter<Object> NONE = new ParamConverter<>() {
        @Override
        public Object fromString(String value) {
            return null;
        }

        @Override
        public String toString(Object value) {
            return String.valueOf(value);
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType.isPrimitive() ? null : (ParamConverter<T>) NONE;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) {
        return null;
    }
}
