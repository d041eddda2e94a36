package engine.bench.ec;

import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiMoveOrder;
import exchange.core2.core.common.api.ApiPlaceOrder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command file (the engine's format, {@code docs/BENCHMARKS.md}) converted ahead of time into
 * exchange-core API commands, so that conversion is never measured.
 *
 * <p>Only what both engines do alike is accepted: {@code SYMBOL} (an exchange pair, no fees),
 * {@code DEPOSIT} (the first one of an account adds the user), {@code PLACE} of a {@code LIMIT}
 * order with tif {@code GTC} or {@code IOC}, {@code CANCEL}, and {@code AMEND} of the price alone
 * (exchange-core's move: the order leaves its queue, may trade, and rests at the back of its new
 * level, as the engine's price amend does). Anything else stops the conversion with the line number.
 *
 * <p>Mapping: symbols and assets get ids 1, 2, ... in order of first appearance; accounts are user
 * ids as they are; order ids are kept. exchange-core holds a bid's funds at its <em>reserve</em>
 * price and refuses to move a bid above it, so every bid reserves the highest price of the file:
 * the funds in the workloads are ample, and no move is refused.
 *
 * <p>The split between untimed set-up and timed flow is the harness's: everything before the
 * generator's {@code # ... order flow} line is set-up; a file without that line is split after its
 * leading {@code SYMBOL} and {@code DEPOSIT} commands.
 */
final class EcCommands
{
    final List<CoreSymbolSpecification> symbols = new ArrayList<>();
    final List<ApiCommand> setup = new ArrayList<>();
    final ApiCommand[] flow;

    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final Map<String, Integer> assetIds = new HashMap<>();
    private final Map<Long, Integer> orderSymbols = new HashMap<>();
    private final Set<Long> users = new HashSet<>();
    private final long reservePrice;
    private long transactionId;

    private EcCommands(final Path file, final long reservePrice) throws IOException
    {
        this.reservePrice = reservePrice;
        final List<ApiCommand> all = new ArrayList<>(1 << 20);
        int flowFrom = -1;
        int leading = 0;
        boolean inLeading = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line;
            long lineNumber = 0;
            while ((line = in.readLine()) != null)
            {
                lineNumber++;
                if (line.startsWith("#") && line.endsWith("order flow"))
                {
                    flowFrom = all.size();
                    continue;
                }
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] f = line.split(",", -1);
                inLeading &= f[0].equals("SYMBOL") || f[0].equals("DEPOSIT");
                try
                {
                    convert(f, all);
                }
                catch (final RuntimeException e)
                {
                    throw new IOException(file + ":" + lineNumber + ": " + e.getMessage() + ": " + line, e);
                }
                if (inLeading)
                {
                    leading = all.size();
                }
            }
        }
        final int split = flowFrom >= 0 ? flowFrom : leading;
        setup.addAll(all.subList(0, split));
        flow = all.subList(split, all.size()).toArray(new ApiCommand[0]);
    }

    /** Reads and converts {@code file}: one pass for the highest price (the bid reserve), one to convert. */
    static EcCommands load(final Path file) throws IOException
    {
        return new EcCommands(file, highestPrice(file));
    }

    private static long highestPrice(final Path file) throws IOException
    {
        long max = 1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                final String[] f = line.split(",", -1);
                if (f[0].equals("PLACE") && f.length == 10 && !f[8].isEmpty())
                {
                    max = Math.max(max, Long.parseLong(f[8]));
                }
                else if (f[0].equals("AMEND") && f.length == 6 && !f[4].isEmpty())
                {
                    max = Math.max(max, Long.parseLong(f[4]));
                }
            }
        }
        return max;
    }

    long reservePrice()
    {
        return reservePrice;
    }

    private void convert(final String[] f, final List<ApiCommand> out)
    {
        switch (f[0])
        {
            case "SYMBOL" -> symbol(f);
            case "DEPOSIT" -> deposit(f, out);
            case "PLACE" -> out.add(place(f));
            case "CANCEL" ->
            {
                fields(f, 4);
                final long orderId = Long.parseLong(f[3]);
                out.add(ApiCancelOrder.builder().uid(Long.parseLong(f[2])).orderId(orderId).symbol(symbolOf(orderId))
                    .build());
            }
            case "AMEND" ->
            {
                fields(f, 6);
                if (f[4].isEmpty() || !f[5].isEmpty())
                {
                    throw new IllegalArgumentException("only a price amend (empty new quantity) maps to exchange-core's " +
                        "move; its reduce is relative to the open quantity, the engine's amend sets the total");
                }
                final long orderId = Long.parseLong(f[3]);
                out.add(ApiMoveOrder.builder().uid(Long.parseLong(f[2])).orderId(orderId).symbol(symbolOf(orderId))
                    .newPrice(Long.parseLong(f[4])).build());
            }
            default -> throw new IllegalArgumentException(f[0] + " has no exchange-core equivalent in this benchmark");
        }
    }

    private void symbol(final String[] f)
    {
        if (f.length != 5 && f.length != 7)
        {
            throw new IllegalArgumentException("SYMBOL needs 5 or 7 fields");
        }
        final int id = symbols.size() + 1;
        if (symbolIds.putIfAbsent(f[2], id) != null)
        {
            throw new IllegalArgumentException("duplicate symbol");
        }
        symbols.add(CoreSymbolSpecification.builder().symbolId(id).type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseCurrency(asset(f[3])).quoteCurrency(asset(f[4]))
            .baseScaleK(f.length == 7 ? Long.parseLong(f[5]) : 1).quoteScaleK(f.length == 7 ? Long.parseLong(f[6]) : 1)
            .takerFee(0).makerFee(0).marginBuy(0).marginSell(0).build());
    }

    private void deposit(final String[] f, final List<ApiCommand> out)
    {
        fields(f, 5);
        final long uid = Long.parseLong(f[2]);
        if (users.add(uid))
        {
            out.add(ApiAddUser.builder().uid(uid).build());
        }
        out.add(ApiAdjustUserBalance.builder().uid(uid).currency(asset(f[3])).amount(Long.parseLong(f[4]))
            .transactionId(++transactionId).build());
    }

    private ApiCommand place(final String[] f)
    {
        fields(f, 10);
        if (!f[6].equals("LIMIT"))
        {
            throw new IllegalArgumentException("only LIMIT orders are in this benchmark");
        }
        final OrderType type = switch (f[7])
        {
            case "GTC" -> OrderType.GTC;
            case "IOC" -> OrderType.IOC;
            default -> throw new IllegalArgumentException("only GTC and IOC orders are in this benchmark");
        };
        final Integer symbol = symbolIds.get(f[4]);
        if (symbol == null)
        {
            throw new IllegalArgumentException("unknown symbol " + f[4]);
        }
        final long orderId = Long.parseLong(f[3]);
        orderSymbols.put(orderId, symbol);
        final OrderAction action = switch (f[5])
        {
            case "BUY" -> OrderAction.BID;
            case "SELL" -> OrderAction.ASK;
            default -> throw new IllegalArgumentException("side must be BUY or SELL");
        };
        final long price = Long.parseLong(f[8]);
        return ApiPlaceOrder.builder().uid(Long.parseLong(f[2])).orderId(orderId).symbol(symbol).action(action)
            .orderType(type).price(price).size(Long.parseLong(f[9]))
            .reservePrice(action == OrderAction.BID ? reservePrice : price).build();
    }

    private int asset(final String name)
    {
        return assetIds.computeIfAbsent(name, n -> assetIds.size() + 1);
    }

    private int symbolOf(final long orderId)
    {
        final Integer symbol = orderSymbols.get(orderId);
        if (symbol == null)
        {
            throw new IllegalArgumentException("order " + orderId + " was never placed");
        }
        return symbol;
    }

    private static void fields(final String[] f, final int n)
    {
        if (f.length != n)
        {
            throw new IllegalArgumentException(f[0] + " needs " + n + " fields");
        }
    }
}
