"""CPython's side of ThreadPoolBenchmark: 100,000 trivial calls on ThreadPoolExecutor(2).

Each run submits 100,000 calls that return a constant, then reads their results in
submission order, on a pool whose 2 workers are already started. Prints the seconds of
each run and their median.

    python3.13 threadpool_100k.py [runs]
"""

import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

TASKS = 100_000


def task():
    return 42


def batch(pool):
    futures = [pool.submit(task) for _ in range(TASKS)]
    total = 0
    for f in futures:
        total += f.result()
    return total


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with ThreadPoolExecutor(2) as pool:
        batch(pool)  # warm-up: starts both workers
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            total = batch(pool)
            seconds.append(time.perf_counter() - start)
            assert total == 42 * TASKS
    print("runs (s): " + " ".join(f"{s:.3f}" for s in seconds))
    print(f"{sys.implementation.name} {sys.version.split()[0]}: "
          f"{statistics.median(seconds):.3f} s per {TASKS:,} tasks (median of {runs})")


if __name__ == "__main__":
    main()
