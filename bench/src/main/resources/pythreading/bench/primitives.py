"""CPython's side of the benchmark report: each row of Rows.java, timed on CPython.

For every row id that Rows.java shares with this script, the same operation is done on
CPython's threading, queue and concurrent.futures, and one JSON object is printed per line
on stdout:

    {"row": "lock.uncontended", "ns_per_op": 61.2, "error_ns": 3.1, "runs": 5, "ops_per_run": 1000000}

ns_per_op is the median of the runs' nanoseconds per operation; error_ns is half the
spread between the fastest and the slowest run (not a confidence interval). Each run does
ops_per_run operations, chosen so that it lasts about 1 s (0.2 s with --quick) by a
calibration and a warm-up run; then 5 runs are timed (3 with --quick). A row whose
operation lasts longer than that (a batch) does one per run. A row whose
measurement fails prints {"row": id, "error": "message"} and the script goes on.
Progress, one line per row, goes to stderr.

What one operation is, as on the JVM side:

- lock.uncontended, rlock.reentrant (the lock already held once), semaphore.uncontended
  (Semaphore(1)): acquire + release on 1 thread.
- lock.contended: 2 threads each doing acquire + release on one Lock; wall time / ops
  per thread.
- event.pingpong (two Events), condition.pingpong (a turn flag under one Condition,
  wait_for / notify), barrier.cycle (Barrier(2)): one round trip between 2 threads.
- queue.bounded.* (Queue(1000)), queue.unbounded.* (Queue()): items handed from 1
  producer to 1 consumer (p1c1) or 2 to 2 (p2c2) with put / get timed out after 10 ms
  and retried, as the JVM side does; wall time / items delivered. The .ltq rows
  (LinkedTransferQueue on the JVM side) are the same CPython operation: they are not
  measured again but printed with their twin's figures and "same_as": twin.
- thread.platform: Thread(target=empty) built, started and joined.
- threads.100k: 100,000 Threads (empty body) built and started, then all joined; one
  operation is the whole batch. With --quick, 20,000 threads are timed and the figures
  scaled by 5 ("scaled_from": 20000). So are they when the full batch cannot be started:
  CPython 3.13 keeps a finished thread's stack until join(), and Linux caps a process's
  memory mappings (vm.max_map_count, 65530 by default, two per stack), so about 32,700
  unjoined threads is the most it can hold; the line then says why in "note".
- timer.startcancel: Timer(10.0, f): start(), cancel(), join().
- pool.100k: 100,000 trivial calls submitted to a warm ThreadPoolExecutor(2), then their
  results read in submission order (threadpool_100k.py); one operation is the batch.
- zookeeper.lock, zookeeper.queue: CPython's answer to a lock and a queue shared by
  processes, multiprocessing.managers.SyncManager, serving on 127.0.0.1 from a process of
  its own; this process is its client, through the proxies manager.Lock() (acquire +
  release) and manager.Queue() (put of one small str + get), one round trip per call.
  The JVM side does the same on ZooKeeper (pythreading.zookeeper beside raw Curator).
- cpu.threads.1, .2, .4: 2,000,000 steps of a 64-bit LCG split evenly over N threads,
  started then joined; one operation is the whole work, so T1 / TN is the speed-up.

thread.virtual and threads.1m have no CPython counterpart: --only accepts them and
prints nothing for them. Every helper thread is joined before the next row starts
(helpers are daemon threads, so a failed row cannot keep the interpreter alive).

The SyncManager rows run on CPython 3.11 and later.

    python3.13 primitives.py [--quick] [--only ID[,ID...]] [--list]
"""

import argparse
import contextlib
import json
import queue
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

QUICK = {"target": 0.2, "runs": 3}
FULL = {"target": 1.0, "runs": 5}
JOIN_TIMEOUT = 120.0
QUEUE_TIMEOUT = 0.010
POOL_TASKS = 100_000
MANY_THREADS = 100_000
MANY_THREADS_QUICK = 20_000
CPU_STEPS = 2_000_000
MASK = 0xFFFFFFFFFFFFFFFF
SKIPPED = {
    "thread.virtual": "CPython has no virtual threads",
    "threads.1m": "not measured on CPython",
}


# -- helper threads ---------------------------------------------------------------------

def start_helpers(*targets):
    """Starts one daemon thread per (function, args); returns them with a list of their errors."""
    errors = []

    def guarded(fn, args):
        try:
            fn(*args)
        except BaseException as e:  # reported by join_helpers
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(fn, args), daemon=True) for fn, args in targets]
    for t in threads:
        t.start()
    return threads, errors


def join_helpers(threads, errors):
    deadline = time.monotonic() + JOIN_TIMEOUT
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        raise RuntimeError(f"a helper thread is still running after {JOIN_TIMEOUT:.0f} s")
    if errors:
        raise errors[0]


def timed_helpers(*targets):
    """Runs the targets on helper threads released together; returns the wall time until all are joined."""
    gate = threading.Event()

    def gated(fn, args):
        gate.wait()
        fn(*args)

    threads, errors = start_helpers(*((gated, (fn, args)) for fn, args in targets))
    start = time.perf_counter()
    gate.set()
    join_helpers(threads, errors)
    return time.perf_counter() - start


# -- the rows: each run(n) does about n operations, returns (seconds, operations done) --

def lock_uncontended(n):
    lock = threading.Lock()
    acquire, release = lock.acquire, lock.release
    start = time.perf_counter()
    for _ in range(n):
        acquire()
        release()
    return time.perf_counter() - start, n


def acquire_release(lock, n):
    acquire, release = lock.acquire, lock.release
    for _ in range(n):
        acquire()
        release()


def lock_contended(n):
    lock = threading.Lock()
    return timed_helpers((acquire_release, (lock, n)), (acquire_release, (lock, n))), n


def rlock_reentrant(n):
    rlock = threading.RLock()
    acquire, release = rlock.acquire, rlock.release
    acquire()
    try:
        start = time.perf_counter()
        for _ in range(n):
            acquire()
            release()
        return time.perf_counter() - start, n
    finally:
        release()


def semaphore_uncontended(n):
    sem = threading.Semaphore(1)
    acquire, release = sem.acquire, sem.release
    start = time.perf_counter()
    for _ in range(n):
        acquire()
        release()
    return time.perf_counter() - start, n


def event_pong(e1, e2, rounds):
    for _ in range(rounds):
        e1.wait()
        e1.clear()
        e2.set()


def event_pingpong(n):
    e1, e2 = threading.Event(), threading.Event()
    threads, errors = start_helpers((event_pong, (e1, e2, n + 1)))
    start = 0.0
    for i in range(n + 1):
        if i == 1:  # the first round trip waits for the helper to start
            start = time.perf_counter()
        e1.set()
        e2.wait()
        e2.clear()
    elapsed = time.perf_counter() - start
    join_helpers(threads, errors)
    return elapsed, n


class Turn:
    """A turn flag guarded by one Condition: 0 is ping's turn, 1 pong's."""

    def __init__(self):
        self.cond = threading.Condition()
        self.turn = 0

    def pings(self):
        return self.turn == 0

    def pongs(self):
        return self.turn == 1


def condition_pong(t, rounds):
    cond = t.cond
    for _ in range(rounds):
        with cond:
            cond.wait_for(t.pongs)
            t.turn = 0
            cond.notify()


def condition_pingpong(n):
    t = Turn()
    cond = t.cond
    threads, errors = start_helpers((condition_pong, (t, n + 1)))
    start = 0.0
    for i in range(n + 1):
        if i == 1:
            start = time.perf_counter()
        with cond:
            t.turn = 1
            cond.notify()
            cond.wait_for(t.pings)
    elapsed = time.perf_counter() - start
    join_helpers(threads, errors)
    return elapsed, n


def producer(q, items):
    put = q.put
    for i in range(items):
        while True:
            try:
                put(i, True, QUEUE_TIMEOUT)
                break
            except queue.Full:
                pass


def consumer(q, items):
    get = q.get
    for _ in range(items):
        while True:
            try:
                get(True, QUEUE_TIMEOUT)
                break
            except queue.Empty:
                pass


def handoff(maxsize, pairs):
    def run(n):
        per_thread = max(1, n // pairs)
        q = queue.Queue(maxsize)
        targets = [(producer, (q, per_thread)) for _ in range(pairs)]
        targets += [(consumer, (q, per_thread)) for _ in range(pairs)]
        return timed_helpers(*targets), per_thread * pairs
    return run


def empty():
    pass


def thread_platform(n):
    Thread = threading.Thread
    start = time.perf_counter()
    for _ in range(n):
        t = Thread(target=empty)
        t.start()
        t.join()
    return time.perf_counter() - start, n


class TooManyThreads(RuntimeError):
    """CPython could not hold the batch's threads started but not yet joined."""


def many_threads(count):
    def run(n):
        Thread = threading.Thread
        start = time.perf_counter()
        for _ in range(n):
            threads = [Thread(target=empty) for _ in range(count)]
            started = 0
            try:
                for t in threads:
                    t.start()
                    started += 1
            except RuntimeError as e:
                raise TooManyThreads(f"{e} after {started:,} of {count:,}") from e
            finally:
                for t in threads[:started]:
                    t.join()
            del threads
        return time.perf_counter() - start, n
    return run


def timer_startcancel(n):
    Timer = threading.Timer
    start = time.perf_counter()
    for _ in range(n):
        t = Timer(10.0, empty)
        t.start()
        t.cancel()
        t.join()
    return time.perf_counter() - start, n


def barrier_parties(barrier, rounds):
    wait = barrier.wait
    for _ in range(rounds):
        wait()


def barrier_cycle(n):
    barrier = threading.Barrier(2)
    threads, errors = start_helpers((barrier_parties, (barrier, n + 1)))
    wait = barrier.wait
    wait()  # the first cycle waits for the helper to start
    start = time.perf_counter()
    for _ in range(n):
        wait()
    elapsed = time.perf_counter() - start
    join_helpers(threads, errors)
    return elapsed, n


def task():
    return 42


def batch(pool):
    futures = [pool.submit(task) for _ in range(POOL_TASKS)]
    total = 0
    for f in futures:
        total += f.result()
    return total


@contextlib.contextmanager
def pool_100k():
    with ThreadPoolExecutor(2) as pool:
        batch(pool)  # starts both workers

        def run(n):
            start = time.perf_counter()
            for _ in range(n):
                if batch(pool) != 42 * POOL_TASKS:
                    raise RuntimeError("a batch returned a wrong sum")
            return time.perf_counter() - start, n
        yield run


def count(n):
    x = n
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
    return x


def cpu_threads(nthreads):
    def run(n):
        elapsed = 0.0
        for _ in range(n):
            threads = [threading.Thread(target=count, args=(CPU_STEPS // nthreads,)) for _ in range(nthreads)]
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed += time.perf_counter() - start
        return elapsed, n
    return run


@contextlib.contextmanager
def sync_manager():
    """A SyncManager serving on loopback from a process of its own; this process is its client."""
    from multiprocessing.managers import SyncManager
    manager = SyncManager(address=("127.0.0.1", 0))
    manager.start()
    try:
        yield manager
    finally:
        manager.shutdown()


def through_manager(operation):
    """A row's setup: operation(manager) returns a function doing one operation through the
    proxies of a SyncManager; the extra call costs nanoseconds, each proxy call a round trip."""
    @contextlib.contextmanager
    def setup():
        with sync_manager() as manager:
            once = operation(manager)

            def run(n):
                start = time.perf_counter()
                for _ in range(n):
                    once()
                return time.perf_counter() - start, n
            yield run
    return setup


def manager_lock(manager):
    lock = manager.Lock()
    acquire, release = lock.acquire, lock.release

    def once():
        acquire()
        release()
    return once


def manager_queue(manager):
    q = manager.Queue()
    put, get = q.put, q.get

    def once():
        put("item")
        if get() != "item":
            raise RuntimeError("the manager's queue returned another item")
    return once


# -- the catalog ---------------------------------------------------------------------------

class Spec:
    """How to measure one row: run(n) does n operations and returns (seconds, n done);
    setup, if given, is a context manager yielding run; twin names the row whose figures
    this one repeats; a result is multiplied by scale (a smaller batch than the row's);
    fallback is measured instead if CPython cannot start the row's threads."""

    def __init__(self, run=None, setup=None, twin=None, scale=1, scaled_from=None, fallback=None):
        self.run, self.setup, self.twin = run, setup, twin
        self.scale, self.scaled_from = scale, scaled_from
        self.fallback = fallback

    def context(self):
        return self.setup() if self.setup else contextlib.nullcontext(self.run)


def rows(quick):
    """(id, Spec) in report order."""
    many = MANY_THREADS_QUICK if quick else MANY_THREADS
    return [
        ("lock.uncontended", Spec(lock_uncontended)),
        ("lock.contended", Spec(lock_contended)),
        ("rlock.reentrant", Spec(rlock_reentrant)),
        ("semaphore.uncontended", Spec(semaphore_uncontended)),
        ("event.pingpong", Spec(event_pingpong)),
        ("condition.pingpong", Spec(condition_pingpong)),
        ("queue.bounded.p1c1", Spec(handoff(1000, 1))),
        ("queue.bounded.p2c2", Spec(handoff(1000, 2))),
        ("queue.unbounded.p1c1", Spec(handoff(0, 1))),
        ("queue.unbounded.p2c2", Spec(handoff(0, 2))),
        ("queue.unbounded.p1c1.ltq", Spec(twin="queue.unbounded.p1c1")),
        ("queue.unbounded.p2c2.ltq", Spec(twin="queue.unbounded.p2c2")),
        ("thread.platform", Spec(thread_platform)),
        ("threads.100k", Spec(many_threads(many), scale=MANY_THREADS / many,
                              scaled_from=many if many != MANY_THREADS else None,
                              fallback=Spec(many_threads(MANY_THREADS_QUICK),
                                            scale=MANY_THREADS / MANY_THREADS_QUICK,
                                            scaled_from=MANY_THREADS_QUICK))),
        ("timer.startcancel", Spec(timer_startcancel)),
        ("barrier.cycle", Spec(barrier_cycle)),
        ("pool.100k", Spec(setup=pool_100k)),
        ("zookeeper.lock", Spec(setup=through_manager(manager_lock))),
        ("zookeeper.queue", Spec(setup=through_manager(manager_queue))),
        ("cpu.threads.1", Spec(cpu_threads(1))),
        ("cpu.threads.2", Spec(cpu_threads(2))),
        ("cpu.threads.4", Spec(cpu_threads(4))),
    ]


# -- measuring -----------------------------------------------------------------------------

def calibrate(run, target):
    """Runs growing batches until one lasts target / 5; returns the fewest seconds per
    operation seen in the runs long enough to tell (a noisy machine only slows a run down)
    and the size of the last batch."""
    n, fastest = 1, None
    while True:
        seconds, done = run(n)
        if seconds >= target / 50:
            per_op = seconds / done
            fastest = per_op if fastest is None else min(fastest, per_op)
        if seconds >= target / 5 or n >= 1 << 40:
            return fastest or seconds / done, done
        n = done * min(10, max(2, round(target / 4 / max(seconds, 1e-9))))


def measure(run, mode):
    target, runs = mode["target"], mode["runs"]
    fastest, last = calibrate(run, target)
    n = max(1, round(target / fastest))
    if n != last:  # otherwise the last calibration run was the warm-up
        seconds, done = run(n)
        n = max(1, round(target / min(fastest, seconds / done)))
    per_op = []
    for _ in range(runs):
        seconds, done = run(n)
        per_op.append(seconds * 1e9 / done)
    return {
        "ns_per_op": statistics.median(per_op),
        "error_ns": (max(per_op) - min(per_op)) / 2,
        "runs": runs,
        "ops_per_run": done,
    }


def measure_row(spec, mode):
    try:
        with spec.context() as run:
            result = measure(run, mode)
    except TooManyThreads as e:
        if not spec.fallback:
            raise
        result = measure_row(spec.fallback, mode)
        result["note"] = f"the full batch failed: {e}"
        return result
    if spec.scaled_from:
        result["ns_per_op"] *= spec.scale
        result["error_ns"] *= spec.scale
        result["scaled_from"] = spec.scaled_from
    return result


def human(ns):
    for unit, size in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= size:
            return f"{ns / size:.3g} {unit}"
    return f"{ns:.3g} ns"


def report(row, result):
    line = {"row": row}
    line.update(result)
    for key in ("ns_per_op", "error_ns"):
        if key in line:
            line[key] = round(line[key], 1)
    print(json.dumps(line), flush=True)
    if "error" in result:
        progress = f"error: {result['error']}"
    else:
        progress = (f"{human(result['ns_per_op'])} per op +- {human(result['error_ns'])}"
                    f" ({result['runs']} runs of {result['ops_per_run']:,}")
        if "scaled_from" in result:
            progress += f", scaled from {result['scaled_from']:,} threads"
        if "same_as" in result:
            progress += f", same as {result['same_as']}"
        progress += ")"
        if "note" in result:
            progress += f"; {result['note']}"
    print(f"{row}: {progress}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description="CPython's side of pythreading's benchmark report.")
    parser.add_argument("--quick", action="store_true", help="runs of ~0.2 s, 3 of them")
    parser.add_argument("--only", help="comma-separated row ids")
    parser.add_argument("--list", action="store_true", help="print the row ids and exit")
    args = parser.parse_args()
    catalog = rows(args.quick)
    ids = [row for row, _ in catalog]
    if args.list:
        for row in ids:
            print(row)
        return 0
    wanted = set(ids)
    if args.only is not None:
        wanted = {w.strip() for w in args.only.split(",") if w.strip()}
        unknown = sorted(wanted - set(ids) - set(SKIPPED))
        if unknown:
            print(f"primitives.py: unknown row {', '.join(unknown)}; valid rows: {', '.join(ids)}",
                  file=sys.stderr)
            return 2
        for row in sorted(wanted & set(SKIPPED)):
            print(f"{row}: skipped ({SKIPPED[row]})", file=sys.stderr, flush=True)
    mode = QUICK if args.quick else FULL
    print(f"{sys.implementation.name} {sys.version.split()[0]}, {'quick' if args.quick else 'full'} mode: "
          f"{mode['runs']} runs of ~{mode['target']} s per row", file=sys.stderr, flush=True)
    results = {}
    specs = dict(catalog)
    for row, spec in catalog:
        if row not in wanted:
            continue
        key = spec.twin or row
        if key not in results:  # a twin is measured once
            try:
                results[key] = measure_row(specs[key], mode)
            except Exception as e:
                results[key] = {"error": f"{type(e).__name__}: {e}"}
        result = dict(results[key])
        if spec.twin and "error" not in result:
            result["same_as"] = spec.twin
        report(row, result)
    left = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if left:
        print(f"primitives.py: threads still running: {', '.join(left)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
