package dev.contractkit.stub.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, keeping the first bytes of each request line as they arrive. When Jetty
 * cannot parse a request line (too long, a version that is not HTTP, a broken escape) it hands its error
 * handler a stand-in path ("/badMessage", "/badURI"); these bytes still tell which API the request was for.
 */
final class RequestLineTap extends HttpConnectionFactory {

    /** Enough for any API prefix, and not a copy of an 8 KB line. */
    private static final int KEPT = 512;

    RequestLineTap(HttpConfiguration configuration) {
        super(configuration);
    }

    /** The request target the connection's current request line started with; null when none was read. */
    static String target(org.eclipse.jetty.server.Request request) {
        if (request.getConnectionMetaData().getConnection() instanceof HttpConnection connection
                && connection.getParser() instanceof TappedParser parser) {
            return parser.target();
        }
        return null;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser plain = super.newHttpParser(compliance); // made only to reach the connection's handler
                TappedParser parser = new TappedParser((HttpParser.RequestHandler) plain.getHandler(),
                        getHttpConfiguration(), compliance);
                parser.setHeaderCacheSize(plain.getHeaderCacheSize());
                parser.setHeaderCacheCaseSensitive(plain.isHeaderCacheCaseSensitive());
                return parser;
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** Jetty's parser, copying what it is given while it reads a request line (bytes: decoded only when asked). */
    private static final class TappedParser extends HttpParser {
        private final byte[] line = new byte[KEPT];
        private int kept;

        TappedParser(RequestHandler handler, HttpConfiguration configuration, HttpCompliance compliance) {
            super(handler, configuration.getRequestHeaderSize(), compliance);
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (isStart()) {
                kept = 0;
            }
            if (getState().ordinal() < State.HEADER.ordinal() && kept < KEPT) {
                int length = Math.min(buffer.remaining(), KEPT - kept);
                buffer.get(buffer.position(), line, kept, length);
                kept += length;
            }
            return super.parseNext(buffer);
        }

        /** "/vayu/customers/1?x=%" of "PUT /vayu/customers/1?x=% HTTP/1.1"; null when the line has no target. */
        String target() {
            String text = new String(line, 0, kept, StandardCharsets.ISO_8859_1).stripLeading();
            int start = text.indexOf(' ');
            if (start < 0) {
                return null;
            }
            int end = start + 1;
            while (end < text.length() && " \r\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return text.substring(start + 1, end);
        }
    }
}
