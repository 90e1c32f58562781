package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java's interruption on every blocking call of {@code pythreading.threading} (Python has
 * none): the call throws {@link UncheckedInterruptedException}, sets the flag again and takes
 * nothing; a call that need not wait ignores the flag.
 */
class InterruptionTests {

    /** A timeout long enough never to expire during a test. */
    private static final double LONG = TestSupport.SHORT_TIMEOUT;

    // ---------------------------------------------------------------------------------
    // Harness

    /** One run of a call in its own Java thread, optionally interrupted before the call. */
    static final class Run {
        final java.lang.Thread thread;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Object result;
        volatile Throwable thrown;
        volatile boolean flagAfter;

        Run(String name, boolean interruptFirst, Supplier<Object> call) {
            thread = new java.lang.Thread(() -> {
                if (interruptFirst) {
                    java.lang.Thread.currentThread().interrupt();
                }
                try {
                    result = call.get();
                } catch (Throwable e) {
                    thrown = e;
                }
                flagAfter = java.lang.Thread.currentThread().isInterrupted();
                done.countDown();
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void awaitDone() {
            boolean finished;
            try {
                finished = done.await((long) (TestSupport.SHORT_TIMEOUT * 1000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(finished).as(thread.getName() + " returns").isTrue();
        }

        /** The call threw the wrapper of an InterruptedException and left the flag set. */
        void assertInterrupted() {
            assertThat(thrown).as("thrown by " + thread.getName())
                    .isInstanceOf(UncheckedInterruptedException.class);
            assertThat(thrown.getCause()).isInstanceOf(InterruptedException.class);
            assertThat(flagAfter).as("interrupt flag set again after the throw").isTrue();
        }
    }

    /** A blocking call in a state where it must wait, with what must hold afterwards. */
    static final class Blocked {
        final Supplier<Object> call;
        final Runnable checkNothingTaken;
        final Runnable cleanup;

        Blocked(Supplier<Object> call, Runnable checkNothingTaken, Runnable cleanup) {
            this.call = call;
            this.checkNothingTaken = checkNothingTaken;
            this.cleanup = cleanup;
        }
    }

    /** A named blocking call; the setup builds fresh state for each run. */
    static final class Case {
        final String name;
        final Supplier<Blocked> setup;

        Case(String name, Supplier<Blocked> setup) {
            this.name = name;
            this.setup = setup;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Holds an Acquirable in another Java thread until closed: contention by another thread. */
    static final class Holder implements AutoCloseable {
        private final CountDownLatch acquired = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final java.lang.Thread thread;

        Holder(Acquirable lock) {
            thread = new java.lang.Thread(() -> {
                lock.acquire();
                acquired.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    lock.release();
                }
            }, "holder");
            thread.setDaemon(true);
            thread.start();
            try {
                assertThat(acquired.await((long) (TestSupport.SHORT_TIMEOUT * 1000), TimeUnit.MILLISECONDS))
                        .as("the holder acquires").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            letGo.countDown();
            try {
                thread.join((long) (TestSupport.SHORT_TIMEOUT * 1000));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void runInterrupted(Case c, boolean before) {
        Blocked blocked = c.setup.get();
        try {
            Run run = new Run("waiter", before, blocked.call);
            if (!before) {
                TestSupport.waitUntilBlocked(run.thread);
                assertThat(run.isDone()).as("blocked in " + c.name).isFalse();
                run.thread.interrupt();
            }
            run.awaitDone();
            run.assertInterrupted();
            blocked.checkNothingTaken.run();
        } finally {
            blocked.cleanup.run();
        }
    }

    // ---------------------------------------------------------------------------------
    // The blocking calls, each in a state where it must wait

    private static Case lockCase(String name, Function<Lock, Object> call) {
        return new Case(name, () -> {
            Lock lock = new Lock();
            lock.acquire(); // held by the test thread
            return new Blocked(() -> call.apply(lock), () -> {
                assertThat(lock.locked()).isTrue();
                lock.release();
                assertThat(lock.acquire(false)).as("the lock is free for others").isTrue();
                lock.release();
            }, () -> { });
        });
    }

    private static Case rlockCase(String name, Function<RLock, Object> call) {
        return new Case(name, () -> {
            RLock lock = new RLock();
            Holder holder = new Holder(lock);
            return new Blocked(() -> call.apply(lock), () -> {
                assertThat(lock.locked()).as("still held by the other thread").isTrue();
                holder.close();
                assertThat(lock.acquire(false)).as("the lock is free for others").isTrue();
                lock.release();
            }, holder::close);
        });
    }

    private static Case semaphoreCase(String name, Function<Semaphore, Object> call) {
        return new Case(name, () -> {
            Semaphore sem = new Semaphore(0);
            return new Blocked(() -> call.apply(sem), () -> {
                assertThat(sem.value()).as("permits unchanged").isZero();
                sem.release();
                assertThat(sem.acquire(false)).as("a released permit is free for others").isTrue();
                assertThat(sem.value()).isZero();
            }, () -> { });
        });
    }

    private static Case boundedSemaphoreCase(String name, Function<Semaphore, Object> call) {
        return new Case(name, () -> {
            BoundedSemaphore sem = new BoundedSemaphore(2);
            sem.acquire();
            sem.acquire();
            return new Blocked(() -> call.apply(sem), () -> {
                assertThat(sem.value()).as("permits unchanged").isZero();
                sem.release();
                assertThat(sem.acquire(false)).as("a released permit is free for others").isTrue();
                sem.release();
                sem.release(); // back to the bound: no "released too many times"
                assertThat(sem.value()).isEqualTo(2);
            }, () -> { });
        });
    }

    /** A Condition over an RLock taken twice: the waiter must hold it twice again afterwards. */
    private static Case conditionCase(String name, Function<Condition, Object> call) {
        return new Case(name, () -> {
            RLock lock = new RLock();
            Condition cond = new Condition(lock);
            AtomicInteger depthAfter = new AtomicInteger(-1);
            return new Blocked(() -> {
                cond.acquire();
                cond.acquire();
                try {
                    return call.apply(cond);
                } finally {
                    depthAfter.set(lock.recursionCount());
                    cond.release();
                    cond.release();
                }
            }, () -> {
                assertThat(depthAfter.get()).as("RLock held again at the same depth").isEqualTo(2);
                assertThat(cond.waiterCount()).as("no waiter left behind").isZero();
                assertThat(lock.locked()).isFalse();
            }, () -> { });
        });
    }

    /** A Condition over a plain Lock: the waiter must hold it again afterwards. */
    private static Case conditionOverLockCase(String name, Function<Condition, Object> call) {
        return new Case(name, () -> {
            Lock lock = new Lock();
            Condition cond = new Condition(lock);
            AtomicBoolean heldAfter = new AtomicBoolean();
            return new Blocked(() -> {
                cond.acquire();
                try {
                    return call.apply(cond);
                } finally {
                    heldAfter.set(lock.locked());
                    cond.release();
                }
            }, () -> {
                assertThat(heldAfter.get()).as("Lock held again").isTrue();
                assertThat(cond.waiterCount()).as("no waiter left behind").isZero();
                assertThat(lock.locked()).isFalse();
            }, () -> { });
        });
    }

    /** A Condition over a Semaphore (CPython's fallbacks): the permit is taken again. */
    private static Case conditionOverSemaphoreCase(String name, Function<Condition, Object> call) {
        return new Case(name, () -> {
            Semaphore sem = new Semaphore(1);
            Condition cond = new Condition(sem);
            AtomicInteger valueAfter = new AtomicInteger(-1);
            return new Blocked(() -> {
                cond.acquire();
                try {
                    return call.apply(cond);
                } finally {
                    valueAfter.set(sem.value());
                    cond.release();
                }
            }, () -> {
                assertThat(valueAfter.get()).as("permit taken again").isZero();
                assertThat(cond.waiterCount()).as("no waiter left behind").isZero();
                assertThat(sem.value()).isEqualTo(1);
            }, () -> { });
        });
    }

    private static Case eventCase(String name, Function<Event, Object> call) {
        return new Case(name, () -> {
            Event event = new Event();
            return new Blocked(() -> call.apply(event), () -> {
                assertThat(event.isSet()).isFalse();
                event.set();
                assertThat(event.await(0)).isTrue();
            }, () -> { });
        });
    }

    private static Case barrierCase(String name, Function<Barrier, Object> call) {
        return new Case(name, () -> {
            Barrier barrier = new Barrier(2);
            return new Blocked(() -> call.apply(barrier), () -> {
                assertThat(barrier.isBroken()).as("an interrupted waiter breaks the barrier").isTrue();
                assertThat(barrier.nWaiting()).isZero();
            }, () -> { });
        });
    }

    private static Case joinCase(String name, Function<Thread, Object> call) {
        return new Case(name, () -> {
            Event stop = new Event();
            Thread target = Thread.builder().target(stop::await).daemon(true).build();
            target.start();
            return new Blocked(() -> call.apply(target), () -> {
                assertThat(target.isAlive()).isTrue();
            }, () -> {
                stop.set();
                target.join(LONG);
            });
        });
    }

    private static Object enter(Acquirable lock) {
        try (Acquirable.Held held = lock.enter()) {
            return "entered";
        }
    }

    static List<Case> blockingCalls() {
        Duration longDuration = TestSupport.seconds(LONG);
        return List.of(
                lockCase("Lock.acquire()", Lock::acquire),
                lockCase("Lock.acquire(true)", l -> l.acquire(true)),
                lockCase("Lock.acquire(true, -1)", l -> l.acquire(true, -1)),
                lockCase("Lock.acquire(true, timeout)", l -> l.acquire(true, LONG)),
                lockCase("Lock.acquire(true, Duration)", l -> l.acquire(true, longDuration)),
                lockCase("Lock.enter()", InterruptionTests::enter),
                rlockCase("RLock.acquire()", RLock::acquire),
                rlockCase("RLock.acquire(true)", l -> l.acquire(true)),
                rlockCase("RLock.acquire(true, -1)", l -> l.acquire(true, -1)),
                rlockCase("RLock.acquire(true, timeout)", l -> l.acquire(true, LONG)),
                rlockCase("RLock.acquire(true, Duration)", l -> l.acquire(true, longDuration)),
                rlockCase("RLock.enter()", InterruptionTests::enter),
                conditionCase("Condition.await()", Condition::await),
                conditionCase("Condition.await(timeout)", c -> c.await(LONG)),
                conditionCase("Condition.await(Duration)", c -> c.await(longDuration)),
                conditionCase("Condition.awaitFor(pred)", c -> c.awaitFor(() -> false)),
                conditionCase("Condition.awaitFor(pred, timeout)", c -> c.awaitFor(() -> false, LONG)),
                conditionCase("Condition.awaitFor(pred, Duration)", c -> c.awaitFor(() -> false, longDuration)),
                conditionOverLockCase("Condition(Lock).await()", Condition::await),
                conditionOverLockCase("Condition(Lock).await(timeout)", c -> c.await(LONG)),
                conditionOverSemaphoreCase("Condition(Semaphore).await()", Condition::await),
                conditionOverSemaphoreCase("Condition(Semaphore).await(timeout)", c -> c.await(LONG)),
                new Case("Condition.enter() (RLock held by another thread)", () -> {
                    Condition cond = new Condition();
                    Holder holder = new Holder(cond);
                    return new Blocked(() -> enter(cond), () -> {
                        holder.close();
                        assertThat(cond.acquire(false)).as("the lock is free for others").isTrue();
                        cond.release();
                    }, holder::close);
                }),
                semaphoreCase("Semaphore.acquire()", Semaphore::acquire),
                semaphoreCase("Semaphore.acquire(true)", s -> s.acquire(true)),
                semaphoreCase("Semaphore.acquire(true, timeout)", s -> s.acquire(true, LONG)),
                semaphoreCase("Semaphore.acquire(true, Duration)", s -> s.acquire(true, longDuration)),
                semaphoreCase("Semaphore.enter()", InterruptionTests::enter),
                boundedSemaphoreCase("BoundedSemaphore.acquire()", Semaphore::acquire),
                boundedSemaphoreCase("BoundedSemaphore.acquire(true)", s -> s.acquire(true)),
                boundedSemaphoreCase("BoundedSemaphore.acquire(true, timeout)", s -> s.acquire(true, LONG)),
                boundedSemaphoreCase("BoundedSemaphore.acquire(true, Duration)", s -> s.acquire(true, longDuration)),
                boundedSemaphoreCase("BoundedSemaphore.enter()", InterruptionTests::enter),
                eventCase("Event.await()", Event::await),
                eventCase("Event.await(timeout)", e -> e.await(LONG)),
                eventCase("Event.await(Duration)", e -> e.await(longDuration)),
                barrierCase("Barrier.await()", Barrier::await),
                barrierCase("Barrier.await(timeout)", b -> b.await(LONG)),
                barrierCase("Barrier.await(Duration)", b -> b.await(longDuration)),
                new Case("Barrier.await() with a default timeout", () -> {
                    Barrier barrier = new Barrier(2, null, LONG);
                    return new Blocked(barrier::await,
                            () -> assertThat(barrier.isBroken()).as("an interrupted waiter breaks the barrier").isTrue(),
                            () -> { });
                }),
                joinCase("Thread.join()", t -> {
                    t.join();
                    return null;
                }),
                joinCase("Thread.join(timeout)", t -> {
                    t.join(LONG);
                    return null;
                }),
                joinCase("Thread.join(Duration)", t -> {
                    t.join(longDuration);
                    return null;
                }));
    }

    // pythreading: every blocking call, interrupted before it is made
    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingCalls")
    void interruptedBeforeTheCall(Case c) {
        runInterrupted(c, true);
    }

    // pythreading: every blocking call, interrupted while it waits
    @ParameterizedTest(name = "{0}")
    @MethodSource("blockingCalls")
    void interruptedWhileBlocked(Case c) {
        runInterrupted(c, false);
    }

    // ---------------------------------------------------------------------------------
    // Calls that need not wait ignore the interrupt flag (and leave it set)

    /** A call that need not wait, prepared by the test thread, and its expected result. */
    static final class NoWait {
        final String name;
        final Supplier<Supplier<Object>> prepare;
        final Object expected;

        NoWait(String name, Supplier<Supplier<Object>> prepare, Object expected) {
            this.name = name;
            this.prepare = prepare;
            this.expected = expected;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Lock heldLock() {
        Lock lock = new Lock();
        lock.acquire();
        return lock;
    }

    private static Thread finishedThread() {
        Thread t = Thread.builder().target(() -> { }).daemon(true).build();
        t.start();
        t.join();
        return t;
    }

    static List<NoWait> callsThatNeedNotWait() {
        Duration five = Duration.ofSeconds(5);
        return List.of(
                new NoWait("free Lock.acquire()", () -> new Lock()::acquire, true),
                new NoWait("free Lock.acquire(true)", () -> () -> new Lock().acquire(true), true),
                new NoWait("free Lock.acquire(true, 5)", () -> () -> new Lock().acquire(true, 5), true),
                new NoWait("free Lock.acquire(true, -1)", () -> () -> new Lock().acquire(true, -1), true),
                new NoWait("free Lock.acquire(true, Duration)", () -> () -> new Lock().acquire(true, five), true),
                new NoWait("free Lock.acquire(false)", () -> () -> new Lock().acquire(false), true),
                new NoWait("free Lock.enter()", () -> () -> enter(new Lock()), "entered"),
                new NoWait("held Lock.acquire(false)", () -> {
                    Lock lock = heldLock();
                    return () -> lock.acquire(false);
                }, false),
                new NoWait("held Lock.acquire(true, 0)", () -> {
                    Lock lock = heldLock();
                    return () -> lock.acquire(true, 0);
                }, false),
                new NoWait("free RLock.acquire()", () -> new RLock()::acquire, true),
                new NoWait("free RLock.acquire(true, 5)", () -> () -> new RLock().acquire(true, 5), true),
                new NoWait("owned RLock.acquire() again", () -> () -> {
                    RLock lock = new RLock();
                    lock.acquire();
                    return lock.acquire() && lock.recursionCount() == 2;
                }, true),
                new NoWait("free RLock.enter()", () -> () -> enter(new RLock()), "entered"),
                new NoWait("Semaphore(1).acquire()", () -> new Semaphore(1)::acquire, true),
                new NoWait("Semaphore(1).acquire(true, 5)", () -> () -> new Semaphore(1).acquire(true, 5), true),
                new NoWait("Semaphore(1).acquire(true, Duration)", () -> () -> new Semaphore(1).acquire(true, five), true),
                new NoWait("Semaphore(1).acquire(false)", () -> () -> new Semaphore(1).acquire(false), true),
                new NoWait("Semaphore(1).enter()", () -> () -> enter(new Semaphore(1)), "entered"),
                new NoWait("Semaphore(0).acquire(false)", () -> () -> new Semaphore(0).acquire(false), false),
                new NoWait("Semaphore(0).acquire(true, 0)", () -> () -> new Semaphore(0).acquire(true, 0), false),
                new NoWait("BoundedSemaphore(1).acquire()", () -> new BoundedSemaphore(1)::acquire, true),
                new NoWait("set Event.await()", () -> {
                    Event e = new Event();
                    e.set();
                    return e::await;
                }, true),
                new NoWait("set Event.await(5)", () -> {
                    Event e = new Event();
                    e.set();
                    return () -> e.await(5);
                }, true),
                new NoWait("set Event.await(Duration)", () -> {
                    Event e = new Event();
                    e.set();
                    return () -> e.await(five);
                }, true),
                new NoWait("unset Event.await(0)", () -> () -> new Event().await(0), false),
                new NoWait("Condition.awaitFor(true pred)", () -> () -> {
                    Condition c = new Condition();
                    try (Acquirable.Held held = c.enter()) {
                        return c.awaitFor(() -> true);
                    }
                }, true),
                new NoWait("Condition.awaitFor(true pred, 5)", () -> () -> {
                    Condition c = new Condition();
                    try (Acquirable.Held held = c.enter()) {
                        return c.awaitFor(() -> true, 5);
                    }
                }, true),
                new NoWait("Condition.await(0)", () -> () -> {
                    Condition c = new Condition();
                    try (Acquirable.Held held = c.enter()) {
                        return c.await(0);
                    }
                }, false),
                new NoWait("Barrier(1).await()", () -> new Barrier(1)::await, 0),
                new NoWait("Barrier(1).await(5)", () -> () -> new Barrier(1).await(5), 0),
                new NoWait("finished Thread.join()", () -> {
                    Thread t = finishedThread();
                    return () -> {
                        t.join();
                        return t.isAlive();
                    };
                }, false),
                new NoWait("finished Thread.join(5)", () -> {
                    Thread t = finishedThread();
                    return () -> {
                        t.join(5);
                        return t.isAlive();
                    };
                }, false),
                new NoWait("finished Thread.join(Duration)", () -> {
                    Thread t = finishedThread();
                    return () -> {
                        t.join(five);
                        return t.isAlive();
                    };
                }, false));
    }

    // pythreading: a call that does not need to wait succeeds with the interrupt flag set, and keeps it
    @ParameterizedTest(name = "{0}")
    @MethodSource("callsThatNeedNotWait")
    void callThatNeedNotWaitIgnoresTheFlag(NoWait c) {
        Run run = new Run("caller", true, c.prepare.get());
        run.awaitDone();
        assertThat(run.thrown).as("thrown").isNull();
        assertThat(run.result).isEqualTo(c.expected);
        assertThat(run.flagAfter).as("interrupt flag still set").isTrue();
    }

    // pythreading: join(0) on a live thread is a poll, so the flag does not matter
    @Test
    void joinZeroOfALiveThreadIgnoresTheFlag() {
        Event stop = new Event();
        Thread target = Thread.builder().target(stop::await).daemon(true).build();
        target.start();
        try {
            Run run = new Run("joiner", true, () -> {
                target.join(0);
                return target.isAlive();
            });
            run.awaitDone();
            assertThat(run.thrown).isNull();
            assertThat(run.result).isEqualTo(true);
            assertThat(run.flagAfter).isTrue();
        } finally {
            stop.set();
            target.join(LONG);
        }
    }

    // ---------------------------------------------------------------------------------
    // Condition

    private static Object awaitHolding(Condition cond) {
        cond.acquire();
        try {
            return cond.await();
        } finally {
            cond.release();
        }
    }

    // pythreading: an interrupted waiter leaves the queue; the next signal goes to the next waiter
    @Test
    void conditionSignalAfterAnInterruptGoesToTheNextWaiter() {
        Condition cond = new Condition();
        Run first = new Run("first", false, () -> awaitHolding(cond));
        TestSupport.waitUntil("first waits", () -> cond.waiterCount() == 1);
        Run second = new Run("second", false, () -> awaitHolding(cond));
        TestSupport.waitUntil("second waits", () -> cond.waiterCount() == 2);
        TestSupport.waitUntilBlocked(first.thread);

        first.thread.interrupt();
        first.awaitDone();
        first.assertInterrupted();
        assertThat(cond.waiterCount()).isEqualTo(1);

        try (Acquirable.Held held = cond.enter()) {
            cond.signal(1);
        }
        second.awaitDone();
        assertThat(second.thrown).isNull();
        assertThat(second.result).isEqualTo(true);
        assertThat(second.flagAfter).isFalse();
    }

    // pythreading: a waiter signalled before the interrupt returns true, with its flag set
    @Test
    void conditionSignalledThenInterruptedReturnsTrue() {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        AtomicInteger depthAfter = new AtomicInteger(-1);
        Run waiter = new Run("waiter", false, () -> {
            lock.acquire();
            lock.acquire();
            try {
                return cond.await();
            } finally {
                depthAfter.set(lock.recursionCount());
                lock.release();
                lock.release();
            }
        });
        TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
        TestSupport.waitUntilBlocked(waiter.thread);
        cond.acquire();
        try {
            cond.signal();
            TestSupport.waitUntilBlocked(waiter.thread); // now taking the lock back
            waiter.thread.interrupt();
            TestSupport.waitUntilBlocked(waiter.thread);
            assertThat(waiter.isDone()).as("needs the lock to return").isFalse();
        } finally {
            cond.release();
        }
        waiter.awaitDone();
        assertThat(waiter.thrown).isNull();
        assertThat(waiter.result).isEqualTo(true);
        assertThat(waiter.flagAfter).as("the interrupt is kept").isTrue();
        assertThat(depthAfter.get()).isEqualTo(2);
    }

    // pythreading: signalled and interrupted at about the same time, a waiter either returns
    // true (flag set) or throws; either way exactly one waiter consumes each signal
    @Test
    void conditionSignalRacingAnInterruptIsNeverLost() {
        int rounds = 300;
        for (int round = 0; round < rounds; round++) {
            Condition cond = new Condition();
            Run first = new Run("first-" + round, false, () -> awaitHolding(cond));
            TestSupport.waitUntil("first waits", () -> cond.waiterCount() == 1);
            Run second = new Run("second-" + round, false, () -> awaitHolding(cond));
            TestSupport.waitUntil("second waits", () -> cond.waiterCount() == 2);

            cond.acquire();
            try {
                if (round % 3 == 0) {
                    cond.signal(1);
                    first.thread.interrupt();
                } else {
                    // the interrupt leads by a varying few microseconds, so that either may win
                    first.thread.interrupt();
                    spinMicros(round % 40 * 2);
                    cond.signal(1);
                }
            } finally {
                cond.release(); // only now can the first waiter return: the interrupt has landed
            }
            first.awaitDone();

            if (first.thrown == null) {
                // the first waiter consumed the signal: the second must still be waiting for one
                assertThat(first.result).isEqualTo(true);
                assertThat(first.flagAfter).as("signalled and interrupted: flag kept").isTrue();
                assertThat(cond.waiterCount()).as("round " + round + ": second still queued").isEqualTo(1);
                assertThat(second.isDone()).as("round " + round + ": second still waiting").isFalse();
                try (Acquirable.Held held = cond.enter()) {
                    cond.signal(1);
                }
            } else {
                first.assertInterrupted();
                // the signal passed over the interrupted waiter to the second one, with no new signal
            }
            second.awaitDone();
            assertThat(second.thrown).as("round " + round).isNull();
            assertThat(second.result).isEqualTo(true);
            assertThat(cond.waiterCount()).isZero();
        }
    }

    /** Busy-waits (never sleeps) to shift an interleaving by a few microseconds. */
    private static void spinMicros(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() - end < 0) {
            java.lang.Thread.onSpinWait();
        }
    }

    // ---------------------------------------------------------------------------------
    // Barrier

    // pythreading: an interrupted waiter breaks the barrier for the others, as CyclicBarrier does
    @Test
    void barrierInterruptedWaiterBreaksItForTheOthers() {
        Barrier barrier = new Barrier(3);
        Run first = new Run("first", false, barrier::await);
        Run second = new Run("second", false, barrier::await);
        TestSupport.waitUntil("two waiters", () -> barrier.nWaiting() == 2);
        TestSupport.waitUntilBlocked(first.thread);
        TestSupport.waitUntilBlocked(second.thread);

        first.thread.interrupt();
        first.awaitDone();
        second.awaitDone();
        first.assertInterrupted();
        assertThat(second.thrown).isInstanceOf(BrokenBarrierError.class);
        assertThat(second.flagAfter).isFalse();
        assertThat(barrier.isBroken()).isTrue();
        Run late = new Run("late", false, barrier::await);
        late.awaitDone();
        assertThat(late.thrown).isInstanceOf(BrokenBarrierError.class);
    }

    // ---------------------------------------------------------------------------------
    // Timer

    // pythreading: an interrupt while the timer waits cancels it; the function never runs
    @Test
    void timerInterruptedWhileWaitingNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        Timer timer = new Timer(LONG, () -> ran.set(true));
        timer.setDaemon(true);
        timer.start();
        TestSupport.waitUntilBlocked(timer);
        timer.javaThread().interrupt();
        timer.join(LONG);
        assertThat(timer.isAlive()).as("the timer ended at the interrupt").isFalse();
        assertThat(ran.get()).isFalse();
    }

    // pythreading: a timer run in a thread that is already interrupted is cancelled at once
    @Test
    void timerRunInterruptedBeforeNeverRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        Timer timer = new Timer(LONG, () -> ran.set(true));
        Run run = new Run("runs the timer", true, () -> {
            timer.run();
            return null;
        });
        run.awaitDone();
        assertThat(run.thrown).isNull();
        assertThat(run.flagAfter).as("the interrupt flag stays set").isTrue();
        assertThat(ran.get()).isFalse();
    }
}
