package engine.readmodel;

/**
 * A query answer and the sequence number of the last command its read model had applied
 * when the answer was taken; {@code value} is null when the thing asked about is unknown.
 */
public record AsOf<T>(long asOfSeq, T value)
{
}
