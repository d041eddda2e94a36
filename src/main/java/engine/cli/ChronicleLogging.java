package engine.cli;

/**
 * Keeps Chronicle's start-up chatter (INFO lines about mappings) and QuickFIX/J's connector INFO
 * lines off the terminal unless asked for (FIX sessions keep their own logs under DIR/fix/log).
 */
final class ChronicleLogging
{
    private ChronicleLogging()
    {
    }

    /** Call before the first Chronicle class loads; an explicit -D setting wins. */
    static void quiet()
    {
        if (System.getProperty("org.slf4j.simpleLogger.log.net.openhft") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.log.net.openhft", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.quickfix") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.log.quickfix", "warn");
        }
    }
}
