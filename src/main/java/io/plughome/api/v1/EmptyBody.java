package io.plughome.api.v1;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * A request without a body reaches the resource as a null body (so {@code POST .../reset} with no
 * body means "the defaults"), instead of failing as invalid JSON.
 */
@Provider
public class EmptyBody implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 1);
        int first = in.read();
        if (first == -1) {
            return null;
        }
        in.unread(first);
        context.setInputStream(in);
        return context.proceed();
    }
}
