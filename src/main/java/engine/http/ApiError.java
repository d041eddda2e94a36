package engine.http;

/** A request that cannot be served, with the HTTP status and, for bad input, the field at fault. */
final class ApiError extends RuntimeException
{
    final int status;
    final String field;

    ApiError(final int status, final String field, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiError badField(final String field, final String message)
    {
        return new ApiError(400, field, field + ": " + message);
    }

    static ApiError notFound(final String what)
    {
        return new ApiError(404, null, what);
    }

    static ApiError forbidden(final String message)
    {
        return new ApiError(403, null, message);
    }
}
