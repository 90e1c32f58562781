package pythreading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link KeepAlive}: one non-daemon keeper while holds are out, kept across quick hold/release cycles. */
@Timeout(30)
class KeepAliveTests {

    // pythreading: a hold starts a non-daemon keeper; holds that come and go reuse it
    // rather than starting a thread each (a short virtual thread would otherwise cost one)
    @Test
    void keeperLingersBetweenHolds() throws InterruptedException {
        KeepAlive.hold();
        Thread keeper = KeepAlive.keeper();
        try {
            assertThat(keeper).isNotNull();
            assertThat(keeper.isDaemon()).isFalse();
            for (int i = 0; i < 50; i++) {
                KeepAlive.release();
                // the gap between one short thread's end and the next one's start: time
                // enough for a keeper that left at once to be gone
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                KeepAlive.hold();
            }
            assertThat(KeepAlive.keeper()).isSameAs(keeper);
        } finally {
            KeepAlive.release();
        }
        // and it leaves once nothing is held, so the JVM can exit
        keeper.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(keeper.isAlive()).isFalse();
        assertThat(TimeUnit.NANOSECONDS.toMillis(KeepAlive.LINGER_NANOS)).isLessThanOrEqualTo(100);
    }
}
