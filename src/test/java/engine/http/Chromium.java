package engine.http;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving the system's Chromium (Debian package {@code chromium}): Playwright's own
 * browser download is switched off, since these machines cannot fetch it. A missing Chromium
 * fails the browser tests with what to install; they never skip silently.
 */
final class Chromium implements AutoCloseable
{
    /** Where Debian installs it; {@code -Dchromium.path=...} points elsewhere. */
    static final Path EXECUTABLE = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    Chromium()
    {
        if (!Files.isExecutable(EXECUTABLE))
        {
            throw new IllegalStateException("the browser tests need Chromium at " + EXECUTABLE +
                " (Debian/Ubuntu: apt-get install -y chromium; .ci/run installs it; or -Dchromium.path=...)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
            .setHeadless(true).setArgs(ARGS));
    }

    Browser browser()
    {
        return browser;
    }

    @Override
    public void close()
    {
        browser.close();
        playwright.close();
    }
}
