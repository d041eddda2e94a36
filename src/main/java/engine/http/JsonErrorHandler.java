package engine.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests refused before any route runs (URI too long 414, headers too
 * large 431, unparsable requests 400, ...) in the API's JSON error shape instead of HTML or
 * plain text, and without Jetty's version or stack traces.
 */
final class JsonErrorHandler extends ErrorHandler
{
    JsonErrorHandler()
    {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(final Request request, final Response response, final int code, final String message,
        final Throwable cause, final Callback callback)
    {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code, message), callback);
    }

    private static ByteBuffer body(final int status, final String message)
    {
        final String reason = HttpStatus.getMessage(status);
        final String text = message == null || message.isBlank() || message.equals(reason) ? reason : reason + ": " + message;
        return ByteBuffer.wrap(HttpApi.toJson(Map.of("error", text)).getBytes(StandardCharsets.UTF_8));
    }
}
