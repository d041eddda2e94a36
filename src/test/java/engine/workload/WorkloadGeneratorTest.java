package engine.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadGeneratorTest
{
    private static final long SEED = 20240611L;

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldWriteIdenticalOutputForTheSameSeed(WorkloadProfile profile) throws IOException
    {
        assertThat(generate(small(profile, SEED), 20_000)).isEqualTo(generate(small(profile, SEED), 20_000));
    }

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldWriteDifferentOutputForDifferentSeeds(WorkloadProfile profile) throws IOException
    {
        assertThat(generate(small(profile, 1), 20_000)).isNotEqualTo(generate(small(profile, 2), 20_000));
    }

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldWriteExactlyTheRequestedNumberOfCommands(WorkloadProfile profile) throws IOException
    {
        for (long n : new long[] {0, 1, 7, 1_500, 25_000})
        {
            assertThat(commandLines(generate(small(profile, SEED), n))).as("%s, %d commands", profile, n).hasSize((int) n);
        }
    }

    @Test
    void shouldWriteTheDefaultSetupOfMultiBeforeTheOrderFlow() throws IOException
    {
        List<String> lines = commandLines(generate(new WorkloadGenerator(WorkloadProfile.MULTI, SEED), 60_000));

        assertThat(lines).hasSize(60_000);
        assertThat(lines.stream().filter(l -> l.startsWith("SYMBOL,"))).hasSize(100);
        assertThat(lines.stream().filter(l -> l.startsWith("DEPOSIT,"))).hasSize(10_000 * 5);
        assertThat(lines.get(59_999)).startsWith("PLACE,");
    }

    @Test
    void shouldContinueTheSameStreamAcrossWrites() throws IOException
    {
        WorkloadGenerator split = small(WorkloadProfile.REALISTIC, SEED);
        StringWriter out = new StringWriter();
        split.write(3_333, out);
        split.write(6_667, out);

        assertThat(out.toString()).isEqualTo(generate(small(WorkloadProfile.REALISTIC, SEED), 10_000));
    }

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldFollowTheCommandFileGrammar(WorkloadProfile profile) throws IOException
    {
        String text = generate(small(profile, SEED), 50_000);

        assertThat(text).startsWith("# workload profile=" + profile.cliName() + " seed=" + SEED);
        GrammarChecker checker = new GrammarChecker();
        String[] lines = text.split("\n", -1);
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int n = 0; n < lines.length - 1; n++)
        {
            checker.check(n + 1, lines[n]);
        }
        assertThat(checker.commands).isEqualTo(50_000);
    }

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldMixInSagaStepsWithoutChangingTheOrderFlowAroundThem(WorkloadProfile profile) throws IOException
    {
        List<String> plain = commandLines(generate(small(profile, SEED), 20_000));
        String mixed = generate(small(profile, SEED).sagaEvery(7), 20_000);

        assertThat(mixed).startsWith("# workload profile=" + profile.cliName() + " seed=" + SEED).contains(" sagas=7\n");
        List<String> sagaSteps = new ArrayList<>();
        List<String> flow = new ArrayList<>();
        for (String line : commandLines(mixed))
        {
            (line.matches("(WITHDRAW_REQUEST|WITHDRAW_CONFIRM|WITHDRAW_FAIL|DEPOSIT_NOTIFY|BALANCE_ADJUST),.*") ? sagaSteps : flow)
                .add(line);
        }
        assertThat(plain.subList(0, flow.size())).as("the order flow, as without sagas").isEqualTo(flow);
        String mix = mixed.substring(mixed.indexOf(" order flow\n") + " order flow\n".length());
        assertThat(sagaSteps).as("every seventh command after the first of the order flow")
            .hasSize((commandLines(mix).size() - 1) / 7).hasSizeGreaterThan(100);
        assertThat(sagaSteps).anyMatch(l -> l.startsWith("WITHDRAW_REQUEST,")).anyMatch(l -> l.startsWith("WITHDRAW_CONFIRM,"))
            .anyMatch(l -> l.startsWith("WITHDRAW_FAIL,")).anyMatch(l -> l.startsWith("DEPOSIT_NOTIFY,"))
            .anyMatch(l -> l.startsWith("BALANCE_ADJUST,"));
    }

    @ParameterizedTest
    @EnumSource(WorkloadProfile.class)
    void shouldAimCancelsAndAmendsAtOpenOrdersAndNeverReuseOpenIds(WorkloadProfile profile) throws IOException
    {
        WorkloadGenerator generator = small(profile, SEED);
        String text = generate(generator, 60_000);

        WorkloadAudit reference = WorkloadAudit.of(commandLines(text));
        assertThat(reference.unknownTargets).as("cancels and amends of orders that are not open").isZero();
        assertThat(reference.invalidAmends).as("amends to a zero quantity or price").isZero();
        assertThat(reference.reusedIds).as("PLACE with the id of an open order").isZero();
        assertThat(reference.trades).as("trades the generator predicted").isEqualTo(generator.stats().trades());
    }

    @Test
    void shouldMatchExchangeCoreMixInPeerMix() throws IOException
    {
        String text = generate(new WorkloadGenerator(WorkloadProfile.PEER_MIX, SEED), 100_000);
        String flow = text.substring(text.indexOf("# peer-mix order flow"));
        long gtc = 0;
        long ioc = 0;
        long cancel = 0;
        long move = 0;
        long reduce = 0;
        for (String line : commandLines(flow))
        {
            String[] f = line.split(",", -1);
            switch (f[0])
            {
                case "PLACE" ->
                {
                    if (f[7].equals("GTC"))
                    {
                        gtc++;
                    }
                    else if (f[7].equals("IOC"))
                    {
                        ioc++;
                    }
                }
                case "CANCEL" -> cancel++;
                case "AMEND" ->
                {
                    if (f[5].isEmpty())
                    {
                        move++;
                    }
                    else if (f[4].isEmpty())
                    {
                        reduce++;
                    }
                }
                default -> throw new AssertionError("unexpected in the peer mix: " + line);
            }
        }
        double total = gtc + ioc + cancel + move + reduce;
        assertThat(total).isGreaterThan(95_000);
        assertThat(gtc / total).isCloseTo(0.12, offsetOf(0.01));
        assertThat(ioc / total).isCloseTo(0.02, offsetOf(0.005));
        assertThat(cancel / total).isCloseTo(0.07, offsetOf(0.01));
        assertThat(move / total).isCloseTo(0.72, offsetOf(0.01));
        assertThat(reduce / total).isCloseTo(0.07, offsetOf(0.01));
    }

    @Test
    void shouldMovePricesInsteadOfReducingQuantitiesInEcMix() throws IOException
    {
        String text = generate(new WorkloadGenerator(WorkloadProfile.EC_MIX, SEED), 100_000);
        String flow = text.substring(text.indexOf("# ec-mix order flow"));
        long commands = 0;
        long moves = 0;
        for (String line : commandLines(flow))
        {
            String[] f = line.split(",", -1);
            commands++;
            if (f[0].equals("AMEND"))
            {
                assertThat(f[5]).as("an ec-mix amend changes the price alone: %s", line).isEmpty();
                assertThat(f[4]).as("an ec-mix amend has a new price: %s", line).isNotEmpty();
                moves++;
            }
            else if (f[0].equals("PLACE"))
            {
                assertThat(f[6] + "," + f[7]).as("exchange-core's order types: %s", line).isIn("LIMIT,GTC", "LIMIT,IOC");
            }
            else
            {
                assertThat(f[0]).isEqualTo("CANCEL");
            }
        }
        assertThat(text).contains("accounts=2000");
        assertThat((double) moves / commands).isCloseTo(0.79, offsetOf(0.01));
    }

    @Test
    void shouldTradeAboutAsOftenAsEachProfileIntends() throws IOException
    {
        WorkloadStats peer = statsAfter(new WorkloadGenerator(WorkloadProfile.PEER_MIX, SEED), 200_000);
        WorkloadStats realistic = statsAfter(new WorkloadGenerator(WorkloadProfile.REALISTIC, SEED), 200_000);
        WorkloadStats heavy = statsAfter(new WorkloadGenerator(WorkloadProfile.HEAVY_MATCH, SEED), 200_000);

        assertThat(peer.tradingCommandRatio()).isBetween(0.01, 0.05);
        assertThat(realistic.takerRatio()).isBetween(0.10, 0.30);
        assertThat(heavy.takerRatio()).isGreaterThan(0.35);
        assertThat(heavy.tradedOrderRatio()).isGreaterThan(0.9);
    }

    @Test
    void shouldParseProfileNames()
    {
        assertThat(WorkloadProfile.parse("realistic")).isEqualTo(WorkloadProfile.REALISTIC);
        assertThat(WorkloadProfile.parse("peer-mix")).isEqualTo(WorkloadProfile.PEER_MIX);
        assertThat(WorkloadProfile.parse("PEER_MIX")).isEqualTo(WorkloadProfile.PEER_MIX);
        assertThat(WorkloadProfile.parse("Multi")).isEqualTo(WorkloadProfile.MULTI);
        assertThat(WorkloadProfile.parse("heavy-match")).isEqualTo(WorkloadProfile.HEAVY_MATCH);
        assertThat(WorkloadProfile.parse("ec-mix")).isEqualTo(WorkloadProfile.EC_MIX);
        assertThat(WorkloadProfile.parse(null)).isEqualTo(WorkloadProfile.REALISTIC);
        assertThatThrownBy(() -> WorkloadProfile.parse("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peer-mix");
    }

    @Test
    void shouldRejectEmptyUniverses()
    {
        assertThatThrownBy(() -> new WorkloadGenerator(WorkloadProfile.MULTI, 1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkloadGenerator(WorkloadProfile.MULTI, 1, 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveEverySymbolTradersWhenAccountsAreFewerThanSymbols() throws IOException
    {
        String text = generate(new WorkloadGenerator(WorkloadProfile.MULTI, SEED, 30, 3), 20_000);
        WorkloadAudit reference = WorkloadAudit.of(commandLines(text));
        assertThat(reference.unknownTargets).isZero();
        assertThat(reference.sellsWithoutFunds).isZero();
    }

    private static org.assertj.core.data.Offset<Double> offsetOf(double d)
    {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** Small universes, so that tests of a few thousand commands reach the order flow. */
    private static WorkloadGenerator small(WorkloadProfile profile, long seed)
    {
        return switch (profile)
        {
            case MULTI -> new WorkloadGenerator(profile, seed, 12, 300);
            case REALISTIC -> new WorkloadGenerator(profile, seed, 10, 200);
            default -> new WorkloadGenerator(profile, seed, profile.defaultSymbols(), 200);
        };
    }

    private static String generate(WorkloadGenerator generator, long commands) throws IOException
    {
        StringWriter out = new StringWriter();
        assertThat(generator.write(commands, out)).isEqualTo(commands);
        return out.toString();
    }

    private static WorkloadStats statsAfter(WorkloadGenerator generator, long commands) throws IOException
    {
        generator.write(commands, java.io.Writer.nullWriter());
        return generator.stats();
    }

    private static List<String> commandLines(String text)
    {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n"))
        {
            if (!line.isEmpty() && !line.startsWith("#"))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The grammar of COMMAND-FILE.md, plus the generator's own promises (positive amounts, rising ids). */
    static final class GrammarChecker
    {
        private static final String INT = "-?[0-9]+";
        private static final String NAME = "[A-Za-z0-9_.-]{1,16}";
        private static final String TIME = "([0-9]*)";
        private static final Pattern SYMBOL = Pattern.compile(
                "SYMBOL," + TIME + "," + NAME + "," + NAME + "," + NAME + "(," + INT + "," + INT + ")?");
        private static final Pattern FUNDS = Pattern.compile(
                "(?:DEPOSIT|WITHDRAW)," + TIME + ",(" + INT + ")," + NAME + ",(" + INT + ")");
        private static final Pattern PLACE = Pattern.compile("PLACE," + TIME + ",(" + INT + "),(" + INT + "),"
                + NAME + ",(?:BUY|SELL),(LIMIT|MARKET),(GTC|IOC|FOK|POST_ONLY|GTD:(" + INT + ")),(" + INT
                + ")?,(" + INT + ")");
        private static final Pattern CANCEL = Pattern.compile("CANCEL," + TIME + ",(" + INT + "),(" + INT + ")");
        private static final Pattern AMEND = Pattern.compile(
                "AMEND," + TIME + ",(" + INT + "),(" + INT + "),(" + INT + ")?,(" + INT + ")?");
        private static final Pattern TICK = Pattern.compile("TICK," + TIME);

        long commands;
        private long time;
        private long lastOrderId;

        void check(int lineNo, String line)
        {
            if (line.startsWith("#"))
            {
                return;
            }
            commands++;
            Matcher m = firstMatch(line, SYMBOL, FUNDS, PLACE, CANCEL, AMEND, TICK);
            assertThat(m).as("line %d does not parse: %s", lineNo, line).isNotNull();
            for (int g = 1; g <= m.groupCount(); g++)
            {
                if (m.group(g) != null && m.group(g).matches(INT))
                {
                    assertThat(fitsLong(m.group(g))).as("line %d: %s out of range", lineNo, m.group(g)).isTrue();
                }
            }
            long t = m.group(1).isEmpty() ? time : Long.parseLong(m.group(1));
            assertThat(t).as("line %d: time goes back", lineNo).isGreaterThanOrEqualTo(time);
            time = t;
            if (m.pattern() == FUNDS)
            {
                assertThat(Long.parseLong(m.group(3))).as("line %d amount", lineNo).isPositive();
            }
            else if (m.pattern() == PLACE)
            {
                checkPlace(lineNo, m);
            }
            else if (m.pattern() == AMEND)
            {
                assertThat(m.group(4) == null && m.group(5) == null).as("line %d amends nothing", lineNo).isFalse();
            }
        }

        private void checkPlace(int lineNo, Matcher m)
        {
            long id = Long.parseLong(m.group(3));
            assertThat(id).as("line %d: order ids rise", lineNo).isGreaterThan(lastOrderId);
            lastOrderId = id;
            boolean market = m.group(4).equals("MARKET");
            assertThat(m.group(7) == null).as("line %d: price present iff LIMIT", lineNo).isEqualTo(market);
            if (!market)
            {
                assertThat(Long.parseLong(m.group(7))).as("line %d price", lineNo).isPositive();
            }
            else
            {
                assertThat(m.group(5)).as("line %d market tif", lineNo).isIn("IOC", "FOK");
            }
            if (m.group(6) != null)
            {
                assertThat(Long.parseLong(m.group(6))).as("line %d GTD expiry", lineNo).isGreaterThan(time);
            }
            assertThat(Long.parseLong(m.group(8))).as("line %d qty", lineNo).isPositive();
        }

        private static Matcher firstMatch(String line, Pattern... patterns)
        {
            for (Pattern p : patterns)
            {
                Matcher m = p.matcher(line);
                if (m.matches())
                {
                    return m;
                }
            }
            return null;
        }

        private static boolean fitsLong(String s)
        {
            try
            {
                Long.parseLong(s);
                return true;
            }
            catch (NumberFormatException e)
            {
                return false;
            }
        }
    }
}
