package engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import engine.api.AsciiName;
import engine.api.Command;
import engine.api.Event;
import engine.core.EventBatch;
import engine.format.AsciiBuffer;
import engine.format.CanonicalFormat;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

/** A cluster reply carries TRADE_BUSTED with the fields of the canonical line, as the output ring does. */
class EventRecordsTradeBustTest
{
    @Test
    void shouldGiveTheClientTheSameCanonicalLineAsTheOutputRing()
    {
        final long symbolHi = AsciiName.hi("BTC-USD");
        final long symbolLo = AsciiName.lo("BTC-USD");
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final EventRecords records = new EventRecords(buffer);
        records.start(0);
        records.tradeBusted(7, 1, symbolHi, symbolLo, 101, 4, 1, 3, 4, 404);
        final EventBatch batch = new EventBatch();
        batch.begin(new Command().tradeBust(9, 7, 1).seq(8), null);
        batch.tradeBusted(7, 1, symbolHi, symbolLo, 101, 4, 1, 3, 4, 404);
        final AsciiBuffer ring = new AsciiBuffer(64);
        CanonicalFormat.appendLines(batch, ring);

        final List<Event> events = EventRecords.decode(buffer, 0, records.count(), 8, 9);

        assertThat(events).hasSize(1);
        assertThat(CanonicalFormat.line(events.get(0))).isEqualTo("8,TRADE_BUSTED,7,1,BTC-USD,101,4,1,3")
            .isEqualTo(ring.toString().trim());
    }
}
