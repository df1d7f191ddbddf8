package app.scribe.engine.fast;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerHandoverTest {
    @Test
    void tasksRunOneAfterAnotherOnTheHelperAndFailuresReachTheCaller() {
        HelperThread helper = new HelperThread("test-helper", true);
        Thread caller = Thread.currentThread();
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertEquals(n * n, helper.submit(() -> {
                assertNotEquals(caller, Thread.currentThread());
                return n * n;
            }).join());
        }
        Thread thread = helper.thread();
        assertNotNull(thread);
        assertTrue(thread.isDaemon());
        IllegalArgumentException thrown = new IllegalArgumentException("bad share");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> helper.submit(() -> {
            throw thrown;
        }).join()));
        assertEquals(7, helper.submit(() -> 7).join(), "the helper still serves after a failure");
    }

    @Test
    void anIdleHelperEndsItsThreadAndTheNextTaskStartsANewOne() throws InterruptedException {
        HelperThread helper = new HelperThread("test-helper", false, 20_000_000L);
        assertEquals(1, helper.submit(() -> 1).join());
        Thread first = helper.thread();
        first.join(10_000);
        assertFalse(first.isAlive());
        assertNull(helper.thread());
        assertEquals(2, helper.submit(() -> 2).join());
        assertNotSame(first, helper.thread());
    }

    @Test
    void theBarrierRunsTheLastArrivalsActionOnceAndLetsNobodyWaitForABrokenOne() throws InterruptedException {
        SpinBarrier barrier = new SpinBarrier(3);
        AtomicInteger actions = new AtomicInteger();
        AtomicInteger passed = new AtomicInteger();
        Thread[] threads = new Thread[3];
        for (int i = 0; i < 3; i++) {
            threads[i] = new Thread(() -> {
                for (int round = 0; round < 50; round++) {
                    if (barrier.await(actions::incrementAndGet)) {
                        passed.incrementAndGet();
                    }
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(50, actions.get());
        assertEquals(150, passed.get());

        SpinBarrier broken = new SpinBarrier(2);
        AtomicInteger outcome = new AtomicInteger();
        Thread waiter = new Thread(() -> outcome.set(broken.await(() -> { }) ? 1 : 2));
        waiter.start();
        broken.breakIt();
        waiter.join(10_000);
        assertFalse(waiter.isAlive());
        assertEquals(2, outcome.get(), "the waiter was told the barrier broke");
    }
}
