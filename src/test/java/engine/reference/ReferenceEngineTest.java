package engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Rules checks for the reference engine itself, so it can be trusted as an oracle. */
class ReferenceEngineTest
{

    private static final String[] STP_MODES = {"NONE", "CANCEL_RESTING", "CANCEL_INCOMING"};

    private ReferenceEngine engine;

    private List<String> run(String... lines)
    {
        engine = new ReferenceEngine("NONE");
        return engine.run(List.of(lines));
    }

    @Test
    void shouldPrintTheDocumentedExample()
    {
        List<String> out = run(
                "SYMBOL,0,BTC-USD,BTC,USD",
                "DEPOSIT,0,1,USD,1000000",
                "DEPOSIT,0,2,BTC,100",
                "PLACE,1,2,501,BTC-USD,SELL,LIMIT,GTC,30000,5",
                "PLACE,2,1,502,BTC-USD,BUY,LIMIT,IOC,30100,7");
        assertThat(out).containsExactly(
                "1,SYMBOL_ADDED,BTC-USD",
                "2,DEPOSITED,1,USD,1000000",
                "3,DEPOSITED,2,BTC,100",
                "4,ACCEPTED,501",
                "5,ACCEPTED,502",
                "5,TRADE,BTC-USD,30000,5,502,501,1,2,BUY",
                "5,CANCELED,502,2,IOC_REMAINDER");
        assertThat(engine.dump()).containsExactly(
                "BALANCE,1,BTC,5,0",
                "BALANCE,1,USD,850000,0",
                "BALANCE,2,BTC,95,0",
                "BALANCE,2,USD,150000,0");
        engine.checkInvariants();
    }

    @Test
    void shouldRejectPlaceWithTheFirstFailingCheckInContractOrder()
    {
        List<String> out = run(
                "SYMBOL,0,BTC-USD,BTC,USD",
                "DEPOSIT,0,1,USD,1000",
                "PLACE,0,1,10,NOPE,BUY,LIMIT,GTC,0,0",
                "PLACE,0,7,11,BTC-USD,BUY,LIMIT,GTC,0,0",
                "PLACE,0,1,12,BTC-USD,BUY,LIMIT,FOK,0,0",
                "PLACE,0,1,13,BTC-USD,BUY,MARKET,GTC,5,1",
                "PLACE,0,1,14,BTC-USD,BUY,MARKET,GTC,,1",
                "PLACE,0,1,15,BTC-USD,BUY,LIMIT,GTC,,1",
                "PLACE,5,1,16,BTC-USD,BUY,LIMIT,GTD:5,10,1",
                "PLACE,5,1,17,BTC-USD,BUY,LIMIT,GTC,10,1",
                "PLACE,5,1,17,BTC-USD,BUY,LIMIT,GTC,10,1000",
                "PLACE,5,1,18,BTC-USD,BUY,LIMIT,FOK,10,1000",
                "PLACE,5,1,19,BTC-USD,SELL,LIMIT,POST_ONLY,10,1");
        assertThat(out).containsExactly(
                "1,SYMBOL_ADDED,BTC-USD",
                "2,DEPOSITED,1,USD,1000",
                "3,REJECTED,10,UNKNOWN_SYMBOL",
                "4,REJECTED,11,UNKNOWN_ACCOUNT",
                "5,REJECTED,12,INVALID_QTY",
                "6,REJECTED,13,INVALID_PRICE",
                "7,REJECTED,14,INVALID_TIF",
                "8,REJECTED,15,INVALID_PRICE",
                "9,REJECTED,16,INVALID_TIF",
                "10,ACCEPTED,17",
                "11,REJECTED,17,DUPLICATE_ORDER_ID",
                "12,REJECTED,18,INSUFFICIENT_FUNDS",
                "13,REJECTED,19,INSUFFICIENT_FUNDS");
        engine.checkInvariants();
    }

    @Test
    void shouldRejectOverflowingProductsWithScales()
    {
        List<String> out = run(
                "SYMBOL,0,XAU,XAU,EUR,100,10",
                "DEPOSIT,0,1,EUR,100000",
                "DEPOSIT,0,1,XAU,100000",
                "PLACE,0,1,1,XAU,SELL,LIMIT,GTC,1,92233720368547759",
                "PLACE,0,1,2,XAU,SELL,LIMIT,GTC,922337203685477581,1",
                "PLACE,0,1,3,XAU,SELL,MARKET,IOC,,92233720368547759",
                "PLACE,0,1,4,XAU,SELL,LIMIT,GTC,922337203685477580,1",
                "AMEND,0,1,4,,2",
                "AMEND,0,1,4,,92233720368547759",
                "PLACE,0,1,5,XAU,BUY,LIMIT,GTC,3037000500,3037000500");
        assertThat(out).containsExactly(
                "1,SYMBOL_ADDED,XAU",
                "2,DEPOSITED,1,EUR,100000",
                "3,DEPOSITED,1,XAU,100000",
                "4,REJECTED,1,INVALID_QTY",
                "5,REJECTED,2,INVALID_PRICE",
                "6,REJECTED,3,INVALID_QTY",
                "7,ACCEPTED,4",
                "8,REJECTED,4,INVALID_PRICE",
                "9,REJECTED,4,INVALID_QTY",
                "10,REJECTED,5,INVALID_PRICE");
        assertThat(engine.dump()).containsExactly(
                "BOOK,XAU,SELL,922337203685477580,4,1",
                "BALANCE,1,EUR,100000,0",
                "BALANCE,1,XAU,99900,100");
        engine.checkInvariants();
    }

    @Test
    void shouldMoveScaledAmountsAndReleasePriceImprovementOfLimitBuy()
    {
        List<String> out = run(
                "SYMBOL,0,XAU,XAU,EUR,100,10",
                "DEPOSIT,0,1,XAU,1000",
                "DEPOSIT,0,2,EUR,10000",
                "PLACE,0,1,1,XAU,SELL,LIMIT,GTC,50,4",
                "PLACE,0,2,2,XAU,BUY,LIMIT,GTC,55,3");
        assertThat(out).endsWith("4,ACCEPTED,1", "5,ACCEPTED,2", "5,TRADE,XAU,50,3,2,1,2,1,BUY");
        assertThat(engine.dump()).containsExactly(
                "BOOK,XAU,SELL,50,1,1",
                "BALANCE,1,EUR,1500,0",
                "BALANCE,1,XAU,600,100",
                "BALANCE,2,EUR,8500,0",
                "BALANCE,2,XAU,300,0");
        engine.checkInvariants();
    }

    @Test
    void shouldPayMarketBuyPerFillAndTakeOnlyTheLotsItCanAfford()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,Q,130",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,1,2,S,SELL,LIMIT,GTC,20,5",
                "PLACE,0,2,3,S,BUY,MARKET,IOC,,20",
                "DEPOSIT,0,2,Q,1000",
                "PLACE,0,2,4,S,BUY,MARKET,IOC,,5",
                "PLACE,0,1,5,S,SELL,LIMIT,GTC,10,2",
                "DEPOSIT,0,3,Q,5",
                "PLACE,0,3,6,S,BUY,MARKET,IOC,,1");
        assertThat(out).containsSubsequence(
                "6,ACCEPTED,3",
                "6,TRADE,S,10,5,3,1,2,1,BUY",
                "6,TRADE,S,20,4,3,2,2,1,BUY",
                "6,CANCELED,3,11,INSUFFICIENT_FUNDS",
                "8,ACCEPTED,4",
                "8,TRADE,S,20,1,4,2,2,1,BUY",
                "8,CANCELED,4,4,IOC_REMAINDER",
                "11,ACCEPTED,6",
                "11,CANCELED,6,1,INSUFFICIENT_FUNDS");
        assertThat(out).filteredOn(l -> l.startsWith("11,")).hasSize(2);
        engine.checkInvariants();
    }

    @Test
    void shouldRejectMarketFokBuyByLiquidityFirstThenByPayment()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,Q,100",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,1,2,S,SELL,LIMIT,GTC,20,5",
                "PLACE,0,2,3,S,BUY,MARKET,FOK,,11",
                "PLACE,0,2,4,S,BUY,MARKET,FOK,,8",
                "PLACE,0,2,5,S,BUY,MARKET,FOK,,7");
        assertThat(out).endsWith(
                "6,REJECTED,3,FOK_NOT_FILLABLE",
                "7,REJECTED,4,INSUFFICIENT_FUNDS",
                "8,ACCEPTED,5",
                "8,TRADE,S,10,5,5,1,2,1,BUY",
                "8,TRADE,S,20,2,5,2,2,1,BUY");
        assertThat(engine.dump()).containsExactly(
                "BOOK,S,SELL,20,2,3",
                "BALANCE,1,B,90,3",
                "BALANCE,1,Q,90,0",
                "BALANCE,2,B,7,0",
                "BALANCE,2,Q,10,0");
        engine.checkInvariants();
    }

    private static final String[] OWN_AND_FOREIGN_ASKS = {
        "SYMBOL,0,S,B,Q",
        "DEPOSIT,0,1,B,100",
        "DEPOSIT,0,1,Q,1000",
        "DEPOSIT,0,2,B,100",
        "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,2",
        "PLACE,0,2,2,S,SELL,LIMIT,GTC,10,3",
        "PLACE,0,1,3,S,SELL,LIMIT,GTC,11,2",
    };

    private List<String> onOwnAndForeignAsks(String stp, String command)
    {
        List<String> lines = new ArrayList<>(List.of(OWN_AND_FOREIGN_ASKS));
        lines.add(command);
        engine = new ReferenceEngine(stp);
        List<String> out = engine.run(lines);
        engine.checkInvariants();
        return out.subList(7, out.size());
    }

    @Test
    void shouldApplySelfTradePreventionModes()
    {
        String buy = "PLACE,0,1,4,S,BUY,LIMIT,GTC,11,3";
        assertThat(onOwnAndForeignAsks("NONE", buy)).containsExactly(
                "8,ACCEPTED,4",
                "8,TRADE,S,10,2,4,1,1,1,BUY",
                "8,TRADE,S,10,1,4,2,1,2,BUY");
        assertThat(onOwnAndForeignAsks("CANCEL_RESTING", buy)).containsExactly(
                "8,ACCEPTED,4",
                "8,CANCELED,1,2,SELF_TRADE",
                "8,TRADE,S,10,3,4,2,1,2,BUY");
        assertThat(engine.dump()).contains("BOOK,S,SELL,11,3,2");
        assertThat(onOwnAndForeignAsks("CANCEL_INCOMING", buy)).containsExactly(
                "8,ACCEPTED,4",
                "8,CANCELED,4,3,SELF_TRADE");
    }

    @Test
    void shouldCountOnlyLiquidityMatchingWouldTakeForFokUnderSelfTradePrevention()
    {
        assertThat(onOwnAndForeignAsks("CANCEL_INCOMING", "PLACE,0,1,4,S,BUY,LIMIT,FOK,11,1"))
                .containsExactly("8,REJECTED,4,FOK_NOT_FILLABLE");
        assertThat(onOwnAndForeignAsks("CANCEL_RESTING", "PLACE,0,1,4,S,BUY,LIMIT,FOK,11,4"))
                .containsExactly("8,REJECTED,4,FOK_NOT_FILLABLE");
        assertThat(engine.dump()).contains("BOOK,S,SELL,10,1,2");
        assertThat(onOwnAndForeignAsks("CANCEL_RESTING", "PLACE,0,1,4,S,BUY,LIMIT,FOK,11,3")).containsExactly(
                "8,ACCEPTED,4",
                "8,CANCELED,1,2,SELF_TRADE",
                "8,TRADE,S,10,3,4,2,1,2,BUY");
        assertThat(engine.dump()).contains("BOOK,S,SELL,11,3,2");
        assertThat(onOwnAndForeignAsks("NONE", "PLACE,0,1,4,S,BUY,LIMIT,FOK,11,4")).containsExactly(
                "8,ACCEPTED,4",
                "8,TRADE,S,10,2,4,1,1,1,BUY",
                "8,TRADE,S,10,2,4,2,1,2,BUY");
    }

    @Test
    void shouldJudgePostOnlyOnPriceAloneWhoeverOwnsTheRestingOrder()
    {
        for (String stp : STP_MODES)
        {
            assertThat(onOwnAndForeignAsks(stp, "PLACE,0,1,4,S,BUY,LIMIT,POST_ONLY,10,1"))
                    .as(stp).containsExactly("8,REJECTED,4,POST_ONLY_WOULD_TAKE");
            assertThat(onOwnAndForeignAsks(stp, "PLACE,0,1,4,S,BUY,LIMIT,POST_ONLY,9,1"))
                    .as(stp).containsExactly("8,ACCEPTED,4");
        }
    }

    @Test
    void shouldExpireGtdOrdersByExpiryThenIdBeforeTheCommandWithItsSeq()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "PLACE,1,1,7,S,SELL,LIMIT,GTD:10,12,1",
                "PLACE,1,1,5,S,SELL,LIMIT,GTD:10,13,1",
                "PLACE,1,1,6,S,SELL,LIMIT,GTD:8,14,1",
                "PLACE,1,1,8,S,SELL,LIMIT,GTD:20,15,1",
                "TICK,7",
                "TICK,",
                "DEPOSIT,10,2,Q,5",
                "TICK,25");
        assertThat(out).endsWith(
                "6,ACCEPTED,8",
                "9,CANCELED,6,1,EXPIRED",
                "9,CANCELED,5,1,EXPIRED",
                "9,CANCELED,7,1,EXPIRED",
                "9,DEPOSITED,2,Q,5",
                "10,CANCELED,8,1,EXPIRED");
        assertThat(engine.dump()).containsExactly("BALANCE,1,B,100,0", "BALANCE,2,Q,5,0");
        engine.checkInvariants();
    }

    @Test
    void shouldKeepQueuePlaceOnlyForSamePriceAndSmallerOrEqualQuantity()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,B,100",
                "DEPOSIT,0,3,Q,1000",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,2,2,S,SELL,LIMIT,GTC,10,5",
                "AMEND,0,1,1,,4");
        assertThat(out).endsWith("7,AMENDED,1,10,4");
        assertThat(engine.dump()).startsWith("BOOK,S,SELL,10,1,4", "BOOK,S,SELL,10,2,5");

        out = engine.run(List.of("AMEND,0,1,1,,6"));
        assertThat(out).containsExactly("8,AMENDED,1,10,6");
        assertThat(engine.dump()).startsWith("BOOK,S,SELL,10,2,5", "BOOK,S,SELL,10,1,6");

        out = engine.run(List.of("AMEND,0,2,2,,", "PLACE,0,3,3,S,BUY,LIMIT,IOC,10,1"));
        assertThat(out).containsExactly(
                "9,AMENDED,2,10,5",
                "10,ACCEPTED,3",
                "10,TRADE,S,10,1,3,2,3,2,BUY");
        engine.checkInvariants();
    }

    @Test
    void shouldReportAmendedBeforeTradesOfAnAmendThatCrosses()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,Q,1000",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,2,2,S,BUY,LIMIT,GTC,8,6",
                "AMEND,0,2,2,11,");
        assertThat(out).endsWith("6,AMENDED,2,11,6", "6,TRADE,S,10,5,2,1,2,1,BUY");
        assertThat(engine.dump()).containsExactly(
                "BOOK,S,BUY,11,2,1",
                "BALANCE,1,B,95,0",
                "BALANCE,1,Q,50,0",
                "BALANCE,2,B,5,0",
                "BALANCE,2,Q,939,11");
        engine.checkInvariants();
    }

    @Test
    void shouldCheckAmendsInContractOrderAndCancelWhenAmendedToZero()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,Q,100",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,2,2,S,BUY,LIMIT,IOC,10,3",
                "AMEND,0,1,1,,0",
                "AMEND,0,1,1,-1,",
                "AMEND,0,1,1,,1000",
                "AMEND,0,2,1,,4",
                "AMEND,0,9,1,,4",
                "AMEND,0,1,1,0,3",
                "AMEND,0,1,1,,3",
                "CANCEL,0,1,1");
        assertThat(out).endsWith(
                "6,REJECTED,1,INVALID_QTY",
                "7,REJECTED,1,INVALID_PRICE",
                "8,REJECTED,1,INSUFFICIENT_FUNDS",
                "9,REJECTED,1,UNKNOWN_ORDER",
                "10,REJECTED,1,UNKNOWN_ORDER",
                "11,REJECTED,1,INVALID_PRICE",
                "12,CANCELED,1,2,AMENDED_TO_ZERO",
                "13,REJECTED,1,UNKNOWN_ORDER");
        assertThat(engine.dump()).containsExactly(
                "BALANCE,1,B,97,0", "BALANCE,1,Q,30,0", "BALANCE,2,B,3,0", "BALANCE,2,Q,70,0");
        engine.checkInvariants();
    }

    @Test
    void shouldRejectPostOnlyAmendThatWouldCrossAndLeaveTheOrder()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,Q,1000",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,2,2,S,BUY,LIMIT,POST_ONLY,9,5",
                "AMEND,0,2,2,10,");
        assertThat(out).endsWith("6,REJECTED,2,POST_ONLY_WOULD_TAKE");
        assertThat(engine.dump()).contains("BOOK,S,BUY,9,2,5", "BALANCE,2,Q,955,45");
        engine.checkInvariants();
    }

    @Test
    void shouldAllowOnlyTheOwnerToCancelAndReuseIdsOnceDone()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,100",
                "DEPOSIT,0,2,B,100",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,5",
                "PLACE,0,2,1,S,SELL,LIMIT,GTC,11,5",
                "CANCEL,0,2,1",
                "CANCEL,0,1,1",
                "PLACE,0,2,1,S,SELL,LIMIT,GTC,11,5",
                "CANCEL,0,3,77");
        assertThat(out).endsWith(
                "4,ACCEPTED,1",
                "5,REJECTED,1,DUPLICATE_ORDER_ID",
                "6,REJECTED,1,UNKNOWN_ORDER",
                "7,CANCELED,1,5,USER",
                "8,ACCEPTED,1",
                "9,REJECTED,77,UNKNOWN_ORDER");
        engine.checkInvariants();
    }

    @Test
    void shouldValidateSymbolsDepositsAndWithdrawals()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "SYMBOL,0,S,B,Q,0,1",
                "SYMBOL,0,T,B,Q,1,0",
                "DEPOSIT,0,1,B,0",
                "WITHDRAW,0,1,B,5",
                "DEPOSIT,0,1,B,9223372036854775807",
                "DEPOSIT,0,1,B,1",
                "WITHDRAW,0,1,B,-1",
                "PLACE,0,1,1,S,SELL,LIMIT,GTC,10,100",
                "WITHDRAW,0,1,B,9223372036854775708",
                "WITHDRAW,0,1,B,9223372036854775707",
                "DEPOSIT,0,1,B,1",
                "WITHDRAW,0,1,Q,1");
        assertThat(out).containsExactly(
                "1,SYMBOL_ADDED,S",
                "2,REJECTED,,DUPLICATE_SYMBOL",
                "3,REJECTED,,INVALID_SCALE",
                "4,REJECTED,,INVALID_AMOUNT",
                "5,REJECTED,,UNKNOWN_ACCOUNT",
                "6,DEPOSITED,1,B,9223372036854775807",
                "7,REJECTED,,INVALID_AMOUNT",
                "8,REJECTED,,INVALID_AMOUNT",
                "9,ACCEPTED,1",
                "10,REJECTED,,INSUFFICIENT_FUNDS",
                "11,WITHDRAWN,1,B,9223372036854775707",
                "12,DEPOSITED,1,B,1",
                "13,REJECTED,,INSUFFICIENT_FUNDS");
        assertThat(engine.dump()).containsExactly("BOOK,S,SELL,10,1,100", "BALANCE,1,B,1,100");
        engine.checkInvariants();
    }

    @Test
    void shouldCancelMarketAndIocRemaindersAndReserveMarketSells()
    {
        List<String> out = run(
                "SYMBOL,0,S,B,Q",
                "DEPOSIT,0,1,B,10",
                "DEPOSIT,0,2,Q,1000",
                "PLACE,0,2,1,S,BUY,LIMIT,GTC,10,3",
                "PLACE,0,1,2,S,SELL,MARKET,IOC,,5",
                "PLACE,0,1,3,S,SELL,MARKET,IOC,,8",
                "PLACE,0,1,4,S,SELL,LIMIT,IOC,9,1");
        assertThat(out).endsWith(
                "5,ACCEPTED,2",
                "5,TRADE,S,10,3,2,1,1,2,SELL",
                "5,CANCELED,2,2,IOC_REMAINDER",
                "6,REJECTED,3,INSUFFICIENT_FUNDS",
                "7,ACCEPTED,4",
                "7,CANCELED,4,1,IOC_REMAINDER");
        engine.checkInvariants();
    }

    @Test
    void shouldSkipMalformedLinesWithoutConsumingSequenceNumbers()
    {
        List<String> out = run(
                "# comment",
                "SYMBOL,0,S,B,Q",
                "",
                "   ",
                "FOO,1",
                "PLACE,1,1,1,S,BUY,LIMIT,GTC,10",
                "DEPOSIT,5,1,Q,100\r",
                "DEPOSIT,4,1,Q,100",
                "DEPOSIT,,1,Q,+5",
                "DEPOSIT,,1,Q,9223372036854775808",
                "PLACE,,1,1,S,BUY,LIMIT,GTD:x,10,1",
                "PLACE,,1,1,S,buy,LIMIT,GTC,10,1",
                "SYMBOL,,T,B,Q,1",
                "DEPOSIT,,1,TOO_LONG_ASSET_NAME,5",
                "TICK,-1",
                "PLACE,,1,1,S,BUY,LIMIT,GTC,,1",
                "PLACE,,1,2,S,BUY,LIMIT,GTD:6,10,1",
                "TICK,6");
        assertThat(out).containsExactly(
                "1,SYMBOL_ADDED,S",
                "2,DEPOSITED,1,Q,100",
                "3,REJECTED,1,INVALID_PRICE",
                "4,ACCEPTED,2",
                "5,CANCELED,2,1,EXPIRED");
        assertThat(engine.malformedCount()).isEqualTo(10);
        engine.checkInvariants();
    }

    // ------------------------------------------------------------------ random files

    /** Raise with -Dreference.invariantSeeds=N for a longer soak. */
    private static final int INVARIANT_SEEDS = Integer.getInteger("reference.invariantSeeds", 100);

    @Test
    void shouldHoldInvariantsAfterEveryCommandOfRandomFiles()
    {
        for (long seed = 1; seed <= INVARIANT_SEEDS; seed++)
        {
            int commands = seed % 20 == 0 ? 2000 : 300;
            List<String> lines = RandomCommandFiles.generate(seed, commands);
            for (String stp : STP_MODES)
            {
                ReferenceEngine e = new ReferenceEngine(stp);
                int i = 0;
                try
                {
                    for (; i < lines.size(); i++)
                    {
                        e.run(List.of(lines.get(i)));
                        e.checkInvariants();
                    }
                }
                catch (RuntimeException | AssertionError failure)
                {
                    throw new AssertionError("seed " + seed + " stp " + stp + " line " + (i + 1) + ": "
                            + lines.get(Math.min(i, lines.size() - 1)), failure);
                }
            }
        }
    }

    @Test
    void shouldBeDeterministicForASeed()
    {
        for (long seed : new long[] {7, 42, 1234567})
        {
            List<String> lines = RandomCommandFiles.generate(seed, 500);
            assertThat(lines).as("seed " + seed).hasSize(500).isEqualTo(RandomCommandFiles.generate(seed, 500));
            for (String stp : STP_MODES)
            {
                ReferenceEngine a = new ReferenceEngine(stp);
                ReferenceEngine b = new ReferenceEngine(stp);
                assertThat(a.run(lines)).as("seed " + seed).isEqualTo(b.run(lines));
                assertThat(a.dump()).as("seed " + seed).isEqualTo(b.dump());
            }
        }
    }

    @Test
    void shouldExerciseEveryEventAndReasonAcrossRandomFiles()
    {
        Set<String> seen = new TreeSet<>();
        int malformed = 0;
        int selfTrades = 0;
        for (long seed = 1; seed <= 60; seed++)
        {
            List<String> lines = RandomCommandFiles.generate(seed, 400);
            for (String stp : STP_MODES)
            {
                ReferenceEngine e = new ReferenceEngine(stp);
                for (String event : e.run(lines))
                {
                    String[] f = event.split(",", -1);
                    seen.add(f[1]);
                    if (f[1].equals("REJECTED") || f[1].equals("CANCELED"))
                    {
                        seen.add(f[1] + ":" + f[f.length - 1]);
                    }
                    if (f[1].equals("TRADE") && f[7].equals(f[8]))
                    {
                        selfTrades++;
                    }
                }
                malformed += e.malformedCount();
            }
        }
        assertThat(seen).contains("SYMBOL_ADDED", "DEPOSITED", "WITHDRAWN", "ACCEPTED", "TRADE", "AMENDED",
                "REJECTED:UNKNOWN_SYMBOL", "REJECTED:UNKNOWN_ACCOUNT", "REJECTED:INVALID_QTY",
                "REJECTED:INVALID_PRICE", "REJECTED:INVALID_TIF", "REJECTED:DUPLICATE_ORDER_ID",
                "REJECTED:INSUFFICIENT_FUNDS", "REJECTED:FOK_NOT_FILLABLE", "REJECTED:POST_ONLY_WOULD_TAKE",
                "REJECTED:UNKNOWN_ORDER", "REJECTED:INVALID_AMOUNT", "REJECTED:DUPLICATE_SYMBOL",
                "REJECTED:INVALID_SCALE",
                "CANCELED:USER", "CANCELED:EXPIRED", "CANCELED:IOC_REMAINDER", "CANCELED:SELF_TRADE",
                "CANCELED:AMENDED_TO_ZERO", "CANCELED:INSUFFICIENT_FUNDS");
        assertThat(malformed).isPositive();
        assertThat(selfTrades).isPositive();
    }
}
