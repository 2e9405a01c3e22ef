package dev.contractkit.stub.pipeline;

import dev.contractkit.stub.refusal.ErrorKind;
import dev.contractkit.stub.refusal.StubException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure, the stub's own and Jersey's, answered in the vendor's error format; never a stack trace. */
final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final Api api;

    ErrorMapper(Api api) {
        this.api = api;
    }

    @Override
    public Response toResponse(Throwable failure) {
        StubException error = asStubError(failure);
        int status = error.kind().status();
        Response.ResponseBuilder response = Response.status(status)
                .type(api.errors().mediaType(error.operation(), status))
                .entity(api.errors().body(error, error.operation()));
        error.headers().forEach(response::header);
        return response.build();
    }

    private static StubException asStubError(Throwable failure) {
        if (failure instanceof StubException stub) {
            return stub;
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return new StubException(ErrorKind.ofStatus(status), web.getResponse().getStatusInfo().getReasonPhrase());
        }
        LOG.warn("Request failed inside the stub", failure);
        return new StubException(ErrorKind.INTERNAL, "An internal error occurred");
    }
}
