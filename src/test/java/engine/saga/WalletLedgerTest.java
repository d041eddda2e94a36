package engine.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated wallet's durable ledger: a restarted wallet remembers every key, so it never pays one twice. */
class WalletLedgerTest
{
    private static final long FAR = Long.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    void shouldAnswerARepeatAfterARestartFromTheLedgerWithoutPayingAgain() throws Exception
    {
        final Path file = dir.resolve("ledger");
        final SimulatedWallet first = new SimulatedWallet().ledger(WalletLedger.open(file));
        assertThat(first.transfer(new TransferRequest(7, 1, "USD", 50, 1, FAR)).get()).isEqualTo(TransferOutcome.PAID);
        first.behaviour(SimulatedWallet.Behaviour.fail());
        assertThat(first.transfer(new TransferRequest(8, 1, "USD", 60, 1, FAR)).get()).isEqualTo(TransferOutcome.REFUSED);
        assertThat(first.cancel(9)).isFalse();

        final SimulatedWallet restarted = new SimulatedWallet().ledger(WalletLedger.open(file));
        assertThat(restarted.transfer(new TransferRequest(7, 1, "USD", 50, 2, FAR)).get()).isEqualTo(TransferOutcome.PAID);
        assertThat(restarted.transfer(new TransferRequest(8, 1, "USD", 60, 2, FAR)).get()).isEqualTo(TransferOutcome.REFUSED);
        assertThat(restarted.transfer(new TransferRequest(9, 1, "USD", 70, 1, FAR)).get()).as("cancelled before the restart")
            .isEqualTo(TransferOutcome.REFUSED);
        assertThat(restarted.payments()).as("nothing paid again").isZero();
        assertThat(WalletLedger.read(file)).containsExactly(new WalletLedger.Entry("PAID", 7, 1, "USD", 50),
            new WalletLedger.Entry("REFUSED", 8, 0, "", 0), new WalletLedger.Entry("CANCELLED", 9, 0, "", 0));
    }

    @Test
    void shouldDropATornLastLineAndRefuseAnotherFormat() throws Exception
    {
        final Path file = dir.resolve("ledger");
        new SimulatedWallet().ledger(WalletLedger.open(file)).transfer(new TransferRequest(3, 2, "BTC", 5, 1, FAR)).get();
        Files.writeString(file, "PAID,4,2,BT", StandardCharsets.US_ASCII, StandardOpenOption.APPEND); // killed mid-write

        final SimulatedWallet restarted = new SimulatedWallet().ledger(WalletLedger.open(file));
        assertThat(restarted.transfer(new TransferRequest(4, 2, "BTC", 6, 1, FAR)).get()).as("the torn payment never happened")
            .isEqualTo(TransferOutcome.PAID);
        assertThat(restarted.payments()).isEqualTo(1);
        assertThat(WalletLedger.read(file)).extracting(WalletLedger.Entry::key).containsExactly(3L, 4L);

        final Path other = dir.resolve("other");
        Files.writeString(other, "something else\n");
        assertThatThrownBy(() -> WalletLedger.open(other)).isInstanceOf(IOException.class).hasMessageContaining("format 1");
    }
}
