"""How fast the server starts, and what a worker's first request costs against a warm one.

Runs what ``make serve`` runs after ``make data`` (collectstatic_if_changed,
then gunicorn with production settings) and times the first 200 from the
moment the command starts. Then, with the response cache off so that every
request renders, asks each page of a short list once per worker right after
start and again warm, with and without ``--preload`` (which compiles the
templates and imports every view in the master, before the fork).

    .venv/bin/python bench/start.py [--runs 3] [--workers 2] [--make] [--port 8000]

``--make`` also times the whole ``make serve`` (``make data``'s check, then
collectstatic_if_changed, nginx and gunicorn) from the command to the first
200 through nginx on ``--port``, when nothing changed since the last run
(one untimed run first makes sure of that), and stops it.

Bounded: loopback only, a fixed number of requests, stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time

from compare_pages import ROOT, free_port, production_env

PATHS = ["/", "/glossary/", "/un/art-25/", "/compare/un/art_25/budapest/art_16/"]


def first_answer(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/", headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("no answer within 120 s")


def gunicorn(port: int, workers: int, preload: bool) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "concordance.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    return command + (["--preload"] if preload else [])


def time_to_answer(env: dict[str, str], workers: int) -> float:
    """Seconds from `make serve`'s steps starting to the first 200 (the data already loaded)."""
    port = free_port()
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", "collectstatic_if_changed"], cwd=ROOT, env=env, check=True)
    process = subprocess.Popen(gunicorn(port, workers, preload=True), cwd=ROOT, env=env)
    try:
        first_answer(port, process)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)


def make_serve_to_answer(port: int, workers: int, make_args: list[str]) -> float:
    """Seconds from ``make serve`` starting to its first 200 through nginx on ``port``."""
    env = {**os.environ, "PORT": str(port), "WORKERS": str(workers)}
    started = time.perf_counter()
    # A session of its own: make, serve.sh, nginx and gunicorn are stopped together, and only they.
    process = subprocess.Popen(
        ["make", *make_args, "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        first_answer(port, process)
        return time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        time.sleep(0.5)  # nginx lets its port go


def request_ms(port: int, path: str) -> float:
    # A new connection each time: gunicorn's sync workers take them in turn,
    # so the first requests reach every worker.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


def first_against_warm(env: dict[str, str], workers: int, preload: bool) -> tuple[list[float], list[float]]:
    port = free_port()
    env = {**env, "CONCORDANCE_RESPONSE_CACHE": "0"}
    process = subprocess.Popen(gunicorn(port, workers, preload), cwd=ROOT, env=env)
    try:
        # Wait for the socket only: the first requests are what is measured.
        deadline = time.monotonic() + 60
        while True:
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.05)
        time.sleep(1.0)  # the workers have forked and wait for requests
        first = [request_ms(port, path) for path in PATHS for _ in range(workers)]
        warm = [request_ms(port, path) for _ in range(5) for path in PATHS]
        return first, warm
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--make", action="store_true", help="also time the whole `make serve` when nothing changed")
    parser.add_argument("--port", type=int, default=8000, help="the port `make serve` listens on (--make)")
    parser.add_argument("--make-args", default="", help="arguments for make before `serve` (--make)")
    args = parser.parse_args()
    env = production_env()

    if args.make:
        make_args = args.make_args.split()
        make_serve_to_answer(args.port, args.workers, make_args)  # whatever changed is loaded here, untimed
        runs = [make_serve_to_answer(args.port, args.workers, make_args) for _ in range(args.runs)]
        print(
            f"make serve to the first 200, nothing changed: {', '.join(f'{s:.2f} s' for s in runs)}; "
            f"median {statistics.median(runs):.2f} s"
        )

    answers = [time_to_answer(env, args.workers) for _ in range(args.runs)]
    print(
        f"make serve's own steps to the first 200 (static files unchanged): "
        f"{', '.join(f'{s:.2f} s' for s in answers)}; median {statistics.median(answers):.2f} s"
    )
    for preload in (False, True):
        firsts, warms = [], []
        for _ in range(args.runs):
            first, warm = first_against_warm(env, args.workers, preload)
            firsts += first
            warms += warm
        first_median, warm_median = statistics.median(firsts), statistics.median(warms)
        print(
            f"{'--preload' if preload else 'no preload':>10}: first request per worker median {first_median:.1f} ms, "
            f"max {max(firsts):.1f} ms; warm median {warm_median:.1f} ms; "
            f"first / warm {first_median / warm_median:.1f}× (max {max(firsts) / warm_median:.1f}×)"
        )


if __name__ == "__main__":
    main()
