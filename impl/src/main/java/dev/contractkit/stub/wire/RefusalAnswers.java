package dev.contractkit.stub.wire;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a refusal worded by {@link VendorRefusals} on a Jetty response, and closes the connection after it. */
public final class RefusalAnswers {

    /** Jetty's reasons are plain words ("Unknown Version"), but one wrapping an exception would name a class. */
    private static final Pattern CODE_WORDS = Pattern.compile("[A-Za-z]\\w*(Exception|Error)\\b|\\w\\.\\w+\\.");

    private final VendorRefusals refusals;

    public RefusalAnswers(VendorRefusals refusals) {
        this.refusals = refusals;
    }

    public void answer(Request request, Response response, Callback callback, String rawPath, int status, String reason) {
        String message = reason == null || reason.isBlank() || CODE_WORDS.matcher(reason).find()
                ? HttpStatus.getMessage(status) : reason;
        byte[] body = refusals.json(rawPath, status, message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // What follows a request the stub could not read cannot be trusted to be the next request.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
