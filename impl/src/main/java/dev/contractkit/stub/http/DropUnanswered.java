package dev.contractkit.stub.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.http.spi.JettyExchange;

/**
 * An exchange closed before any answer was begun closes its connection with no answer, as on the JDK's
 * server: a drop fault relies on it. Jetty would complete such an exchange as an empty 200. The first
 * filter of a context, so every other filter writes through it.
 */
public final class DropUnanswered extends Filter {

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        exchange.setStreams(null, new FilterOutputStream(exchange.getResponseBody()) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                // Jetty's exchange says 0 until sendResponseHeaders, the JDK's -1.
                if (exchange.getResponseCode() <= 0 && exchange instanceof JettyExchange jetty) {
                    jetty.getRequest().getConnectionMetaData().getConnection().getEndPoint().close();
                } else {
                    super.close();
                }
            }
        });
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "drops an exchange closed without an answer";
    }
}
