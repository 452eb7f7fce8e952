"""Driving a training process in the tests: over a socket pair, spoken in ``wire`` messages."""

from __future__ import annotations

import contextlib
import multiprocessing
import socket
import threading
import time
from collections.abc import Callable, Iterator

from playground.run import messages as m
from playground.run.channel import Channel
from playground.run.process import serve


def until(conn, kind: type, seconds: float = 10.0) -> tuple[object, list]:  # noqa: ANN001
    """Read until a message of ``kind``; (it, everything read before it)."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if conn.poll(0.05):
            msg = conn.recv()
            if isinstance(msg, kind):
                return msg, seen
            seen.append(msg)
    raise AssertionError(f"no {kind.__name__} within {seconds} s; got {seen[-3:]}")


def channel_pair() -> tuple[Channel, socket.socket]:
    """Our end as a Channel, and the socket for the process's end."""
    ours, theirs = socket.socketpair()
    return Channel(ours), theirs


@contextlib.contextmanager
def serving() -> Iterator[tuple[Channel, threading.Thread]]:
    """``serve`` in a thread on the other end of a socket pair; closed and joined after."""
    ours, theirs = channel_pair()
    thread = threading.Thread(target=serve, args=(Channel(theirs),), daemon=True)
    thread.start()
    try:
        yield ours, thread
    finally:
        ours.close()
        thread.join(5)


@contextlib.contextmanager
def spawned(target: Callable[[socket.socket], None]) -> Iterator[Channel]:
    """``target`` (a process's entry, such as ``serve_socket``) in a spawned process on the
    other end of a socket pair; shut down after, and it must have exited cleanly."""
    ours, theirs = channel_pair()
    child = multiprocessing.get_context("spawn").Process(target=target, args=(theirs,),
                                                          daemon=True)
    child.start()
    theirs.close()
    try:
        yield ours
    finally:
        ours.send(m.Shutdown())
        ours.drain(5)
        child.join(10)
        if child.is_alive():
            child.kill()
        ours.close()
    assert child.exitcode == 0
