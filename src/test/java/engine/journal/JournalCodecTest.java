package engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.Command;
import engine.api.OrderType;
import engine.api.Side;
import engine.api.TimeInForce;
import engine.format.CommandFileWriter;
import org.junit.jupiter.api.Test;

/** Journal entries keep the front ends' identities with the command, and the checksum covers them. */
class JournalCodecTest
{
    private final JournalCodec codec = new JournalCodec();

    private Command roundTrip(final Command command)
    {
        final int length = codec.encode(command.seq(7));
        final Command decoded = new Command().clientOrderId(99).requestId(5, 5); // stale values must not survive
        assertThat(codec.decode(length, decoded)).isEqualTo(JournalCodec.Outcome.COMMAND);
        assertThat(CommandFileWriter.line(decoded)).isEqualTo(CommandFileWriter.line(command));
        assertThat(decoded.seq()).isEqualTo(7);
        return decoded;
    }

    @Test
    void shouldKeepTheClientOrderIdAndRequestIdOfAPlace()
    {
        final Command decoded = roundTrip(new Command().place(3, 1, 1L << 62, 11, 12, Side.SELL, OrderType.LIMIT,
            TimeInForce.GTD, 50, true, 100, 5).clientOrderId(-42).requestId(0x1234_5678_9abc_def0L, -1L));

        assertThat(decoded.hasClientOrderId()).isTrue();
        assertThat(decoded.clientOrderId()).isEqualTo(-42);
        assertThat(decoded.hasRequestId()).isTrue();
        assertThat(decoded.requestIdHi()).isEqualTo(0x1234_5678_9abc_def0L);
        assertThat(decoded.requestIdLo()).isEqualTo(-1L);
    }

    @Test
    void shouldReadACommandWithoutIdentitiesAsHavingNone()
    {
        final Command decoded = roundTrip(new Command().withdraw(3, 1, 2, 3, 100));

        assertThat(decoded.hasClientOrderId()).isFalse();
        assertThat(decoded.hasRequestId()).isFalse();
    }

    @Test
    void shouldKeepARequestIdOnEveryKindOfCommand()
    {
        assertThat(roundTrip(new Command().symbol(1, 2, 3, 4, 5, 6, 7, 8, 9).requestId(1, 2)).requestIdLo()).isEqualTo(2);
        assertThat(roundTrip(new Command().cancel(1, 2, 3).requestId(3, 4)).requestIdHi()).isEqualTo(3);
        assertThat(roundTrip(new Command().amend(1, 2, 3, true, 4, false, 0).requestId(5, 6)).hasRequestId()).isTrue();
    }

    @Test
    void shouldRefuseAnEntryWhoseIdentityFlagsDoNotFitItsLength()
    {
        final int length = codec.encode(new Command().cancel(1, 2, 3).clientOrderId(4).seq(1));
        final byte[] entry = codec.array();
        entry[18 + 16] = 1; // says a request id follows where the client order id is
        reseal(entry, length);

        assertThat(codec.decode(length, new Command())).isEqualTo(JournalCodec.Outcome.BAD);
        assertThat(codec.problem()).contains("does not fit");
    }

    @Test
    void shouldKeepTheTradeIdOfATradeBustUnderKind13()
    {
        final Command decoded = roundTrip(new Command().tradeBust(3, Long.MAX_VALUE - 1, 65_536).requestId(7, 8));

        assertThat(codec.array()[1]).as("kind TRADE_BUST").isEqualTo((byte)13).isEqualTo((byte)JournalCodec.KIND_TRADE_BUST);
        assertThat(decoded.tradeSeq()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(decoded.tradeIndex()).isEqualTo(65_536);
        assertThat(decoded.requestIdLo()).isEqualTo(8);
    }

    @Test
    void shouldStoreSideOrderTypeAndTimeInForceAsTheirCodes()
    {
        final int length = codec.encode(new Command().place(3, 1, 2, 11, 12, Side.SELL, OrderType.MARKET,
            TimeInForce.POST_ONLY, 0, false, 0, 5).seq(1));
        final byte[] entry = codec.array();
        assertThat(length).isGreaterThan(PLACE_CODES + 2);
        assertThat(entry[1]).as("kind PLACE").isEqualTo((byte)JournalCodec.KIND_PLACE);
        assertThat(entry[PLACE_CODES]).as("side SELL").isEqualTo((byte)1);
        assertThat(entry[PLACE_CODES + 1]).as("order type MARKET").isEqualTo((byte)1);
        assertThat(entry[PLACE_CODES + 2]).as("time in force POST_ONLY").isEqualTo((byte)4);
    }

    @Test
    void shouldRefuseAnEntryWithAnUnknownEnumCodeNamingTheEnumAndTheCode()
    {
        final int length = codec.encode(new Command().place(3, 1, 2, 11, 12, Side.BUY, OrderType.LIMIT,
            TimeInForce.GTC, 0, true, 100, 5).seq(1));
        codec.array()[PLACE_CODES + 2] = 9;
        reseal(codec.array(), length);

        assertThat(codec.decode(length, new Command())).isEqualTo(JournalCodec.Outcome.BAD);
        assertThat(codec.problem()).contains("unknown TimeInForce code 9");
    }

    /** Where a PLACE body keeps side, order type and tif: after the header, account, order id and symbol. */
    private static final int PLACE_CODES = 18 + 32;

    private static void reseal(final byte[] entry, final int length)
    {
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(entry, 0, length - 4);
        java.nio.ByteBuffer.wrap(entry, length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int)crc.getValue());
    }
}
