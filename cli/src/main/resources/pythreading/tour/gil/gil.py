# The gil chapter's CPython side: the same CPU-bound work as Gil.java, on 1 thread and
# split over N threads. Usage: gil.py STEPS THREADS. Prints "T1 TN" (seconds).
import sys
import threading
import time

MASK = 0xFFFFFFFFFFFFFFFF


def count(n):
    x = n
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
    return x


def timed(steps, nthreads):
    threads = [threading.Thread(target=count, args=(steps // nthreads,)) for _ in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


if __name__ == '__main__':
    steps, nthreads = int(sys.argv[1]), int(sys.argv[2])
    print(f"{timed(steps, 1):.4f} {timed(steps, nthreads):.4f}")
