package engine.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static engine.http.LiveHttpServer.KEY_1;
import static engine.http.LiveHttpServer.KEY_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser (system Chromium via Playwright) against the real
 * {@code serve --http} wiring. Screenshots go to {@code target/dashboard-screenshots}, or to
 * {@code -Ddashboard.screenshots=docs/img} to refresh the ones the README shows.
 */
@Tag("browser")
class DashboardBrowserTest
{
    private static final double TIMEOUT_MS = 20_000;
    private static final Path SHOTS = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard-screenshots"));
    private static Chromium chromium;

    @TempDir
    Path data;
    private LiveHttpServer server;
    private ApiClient api;
    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launchBrowser()
    {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        chromium = new Chromium();
    }

    @AfterAll
    static void closeBrowser()
    {
        if (chromium != null)
        {
            chromium.close();
        }
    }

    @BeforeEach
    void startServer() throws IOException
    {
        server = LiveHttpServer.create(data);
        api = new ApiClient(server.port());
        api.seed();
        context = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
            .setViewportSize(1400, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(message ->
        {
            // Failed fetches are expected here (error answers, a stopped server); anything else is worth seeing.
            if (!message.text().startsWith("Failed to load resource"))
            {
                System.err.println("page console: " + message.type() + ": " + message.text());
            }
        });
    }

    @AfterEach
    void stop()
    {
        if (context != null)
        {
            context.close();
        }
        if (server != null)
        {
            server.close();
        }
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
    }

    @Test
    void shouldShowAnOrderPlacedThroughTheApiInTheLadder()
    {
        open(KEY_1);
        final long seq = api.limit(KEY_2, 501, "SELL", 300, 5);
        final Locator level = page.locator("#asks tr[data-price='300']");
        assertThat(level).hasAttribute("data-qty", "5");
        assertThat(page.locator("#best-ask")).hasText("300");
        assertThat(page.locator("#as-of-seq")).hasText(String.valueOf(seq));
        api.limit(KEY_1, 601, "BUY", 290, 4);
        assertThat(page.locator("#bids tr[data-price='290']")).hasAttribute("data-qty", "4");
        assertThat(page.locator("#spread")).hasText("10");
        assertThat(page.locator("#stat-seq")).hasText(Pattern.compile("^\\d+$"));
    }

    @Test
    void shouldPlaceAndCancelAnOrderFromTheAccountPanelOnceWhateverTheClicks()
    {
        open(KEY_1);
        assertThat(balance("USD").locator("td").nth(2)).hasText("0");
        page.locator("#price").fill("290");
        page.locator("#qty").fill("4");
        page.locator("#place").dblclick();
        final Locator orders = page.locator("#open-orders tr");
        assertThat(orders).hasCount(1);
        assertThat(page.locator("#order-result")).containsText("accepted");
        assertThat(balance("USD").locator("td").nth(2)).hasText("1160");
        assertThat(page.locator("#bids tr[data-price='290']")).hasAttribute("data-qty", "4");
        // Still one order once any second request would have landed.
        final JsonNode placed = api.get(KEY_1, "/accounts/1/commands");
        assertThat(placed.get("commands").findValuesAsText("commandType")).containsOnlyOnce("PLACE");
        shot("dashboard-order.png");

        orders.first().locator("button.cancel").click();
        assertThat(orders).hasCount(0);
        assertThat(balance("USD").locator("td").nth(2)).hasText("0");
        assertThat(balance("USD").locator("td").nth(1)).hasText("100000");
        assertThat(page.locator("#bids tr")).hasCount(0);
    }

    @Test
    void shouldShowTheServersErrorNextToTheFieldForBadInput()
    {
        open(KEY_1);
        page.locator("#price").fill("290");
        page.locator("#place").click();
        assertThat(qtyError()).hasText("qty: is required");
        page.locator("#qty").fill("abc");
        page.locator("#place").click();
        assertThat(qtyError()).hasText("qty: must be an integer");
        page.locator("#qty").fill("99999999999999999999");
        page.locator("#place").click();
        assertThat(qtyError()).hasText("qty: is out of the 64-bit integer range");
        page.locator("#qty").fill("0");
        page.locator("#place").click();
        assertThat(qtyError()).hasText("INVALID_QTY");
        assertThat(page.locator("#open-orders tr")).hasCount(0);
        assertThat(api.get(KEY_1, "/accounts/1/orders").get("orders")).isEmpty();
    }

    @Test
    void shouldShowACrossingOrderInTheTapeAndTheLastCandle()
    {
        open(KEY_1);
        api.limit(KEY_2, 501, "SELL", 300, 5);
        api.limit(KEY_2, 502, "SELL", 305, 5);
        assertThat(page.locator("#asks tr")).hasCount(2);
        api.post(KEY_1, "/orders", "{\"orderId\":601,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"LIMIT\"," +
            "\"tif\":\"IOC\",\"price\":305,\"qty\":7}");
        final Locator tape = page.locator("#tape tr");
        assertThat(tape).hasCount(2);
        assertThat(tape.first()).hasAttribute("data-side", "buy");
        assertThat(tape.first().locator("td").nth(1)).hasText("305");
        assertThat(tape.first().locator("td").nth(2)).hasText("2");
        assertThat(tape.nth(1).locator("td").nth(1)).hasText("300");
        final Locator candle = page.locator("#last-candle");
        assertThat(candle).hasAttribute("data-close", "305");
        assertThat(candle).hasAttribute("data-volume", Pattern.compile("^[27]$"));
        assertThat(page.locator("#asks tr[data-price='305']")).hasAttribute("data-qty", "3");
        // The candles the read model answers agree with what the page folded in live.
        final JsonNode last = api.get(KEY_1, "/symbols/BTC-USD/candles?interval=1m").get("candles").get(0);
        page.locator("#intervals button[data-interval='1m']").click();
        assertThat(candle).hasAttribute("data-volume", String.valueOf(last.get("volume").asLong()));
        assertThat(candle).hasAttribute("data-close", "305");
        shot("dashboard-trade.png");
    }

    @Test
    void shouldShowAnErrorAndNoDataForAWrongKey()
    {
        api.limit(KEY_2, 501, "SELL", 300, 5);
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.locator("#api-key").fill("not-a-key-at-all");
        page.locator("#connect").click();
        assertThat(page.locator("#key-error")).hasText("unknown API key");
        assertThat(page.locator("#panels")).isHidden();
        assertThat(page.locator("#asks tr")).hasCount(0);
        assertThat(page.locator("#balances tr")).hasCount(0);
        assertThat(page.url()).doesNotContain("not-a-key");
    }

    @Test
    void shouldReconnectAndResynchroniseAfterAServerRestart() throws IOException
    {
        open(KEY_1);
        api.limit(KEY_2, 501, "SELL", 300, 5);
        assertThat(page.locator("#asks tr[data-price='300']")).hasAttribute("data-qty", "5");
        final int port = server.port();
        server.close();
        server = null;
        assertThat(page.locator("#conn")).hasAttribute("data-state", "down");
        server = LiveHttpServer.start(data, port);
        api.limit(KEY_2, 502, "SELL", 302, 6);
        assertThat(page.locator("#conn")).hasAttribute("data-state", "live");
        assertThat(page.locator("#asks tr[data-price='302']")).hasAttribute("data-qty", "6");
        assertThat(page.locator("#asks tr[data-price='300']")).hasAttribute("data-qty", "5");
        api.post(KEY_1, "/orders", "{\"orderId\":601,\"symbol\":\"BTC-USD\",\"side\":\"BUY\",\"type\":\"MARKET\",\"qty\":1}");
        assertThat(page.locator("#tape tr")).hasCount(1);
        assertThat(page.locator("#asks tr[data-price='300']")).hasAttribute("data-qty", "4");
        assertThat(page.locator("#stat-seq")).hasText(String.valueOf(api.get(KEY_1, "/engine/stats").get("seq").asLong()));
    }

    @Test
    void shouldDrawOneCandlePerSecondOfTrading()
    {
        api.post(LiveHttpServer.OPERATOR, "/deposits", "{\"account\":1,\"asset\":\"USD\",\"amount\":10000000}");
        api.post(LiveHttpServer.OPERATOR, "/deposits", "{\"account\":2,\"asset\":\"BTC\",\"amount\":10000}");
        long orderId = 1_000;
        for (int level = 0; level < 8; level++)
        {
            api.limit(KEY_2, orderId++, "SELL", 301 + level, 5 + 3L * level);
            api.limit(KEY_1, orderId++, "BUY", 299 - level, 4 + 2L * (level % 4));
        }
        open(KEY_1);
        final Random random = new Random(42);
        final int seconds = 6;
        for (int second = 0; second < seconds; second++)
        {
            for (int trade = 0; trade < 3; trade++)
            {
                final boolean buy = random.nextBoolean();
                api.post(buy ? KEY_1 : KEY_2, "/orders", "{\"orderId\":" + orderId++ + ",\"symbol\":\"BTC-USD\",\"side\":\"" +
                    (buy ? "BUY" : "SELL") + "\",\"type\":\"MARKET\",\"qty\":" + (1 + random.nextInt(4)) + "}");
                // Refill the side just taken, so the book keeps its shape.
                api.limit(buy ? KEY_2 : KEY_1, orderId++, buy ? "SELL" : "BUY", buy ? 301 + random.nextInt(3) :
                    299 - random.nextInt(3), 3 + random.nextInt(5));
            }
            // Pacing, not synchronisation: one-second candles need trades in different seconds.
            page.waitForTimeout(1_000);
        }
        final int candles = api.get(KEY_1, "/symbols/BTC-USD/candles?interval=1s").get("candles").size();
        assertThat(candles).isGreaterThanOrEqualTo(seconds - 1);
        // A market order may sweep several levels: the tape shows every trade the read model has.
        assertThat(page.locator("#tape tr")).hasCount(api.get(KEY_1, "/symbols/BTC-USD/trades").get("trades").size());
        // The chart draws what the read model holds: reloading it shows the same last candle.
        final String live = page.locator("#last-candle").textContent();
        page.locator("#intervals button[data-interval='1m']").click();
        page.locator("#intervals button[data-interval='1s']").click();
        assertThat(page.locator("#last-candle")).hasText(live);
        shot("dashboard.png");
    }

    private void open(final String key)
    {
        page.navigate("http://127.0.0.1:" + server.port() + "/");
        page.locator("#api-key").fill(key);
        page.locator("#connect").click();
        assertThat(page.locator("#conn")).hasAttribute("data-state", "live");
    }

    private Locator balance(final String asset)
    {
        return page.locator("#balances tr[data-asset='" + asset + "']");
    }

    private Locator qtyError()
    {
        return page.locator(".field-error[data-field='qty']");
    }

    private void shot(final String name)
    {
        try
        {
            Files.createDirectories(SHOTS);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

}
