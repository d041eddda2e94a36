package engine.bench.harness;

/**
 * Runs a measurement body on its own thread, {@code bench-producer} (which the body may pin,
 * {@link PinSpec#pinProducer}), and waits for it, rethrowing whatever the body threw.
 */
final class ProducerThread
{
    /** A measurement body that may throw. */
    @FunctionalInterface
    interface Body
    {
        void run() throws Exception;
    }

    private ProducerThread()
    {
    }

    static void run(final Body body) throws Exception
    {
        final Exception[] failure = new Exception[1];
        final Thread producer = new Thread(() ->
        {
            try
            {
                body.run();
            }
            catch (final Exception e)
            {
                failure[0] = e;
            }
        }, "bench-producer");
        producer.start();
        producer.join();
        if (failure[0] != null)
        {
            throw failure[0];
        }
    }
}
