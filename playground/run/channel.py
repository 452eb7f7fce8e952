"""One end of a socket between two of our processes, spoken in ``wire`` messages, never blocked
by the other end. Qt-free.

``send`` queues a message and writes what the socket takes now; the rest goes out with the next
``flush`` (the window calls it when a ``QSocketNotifier`` says the socket can take more; the
training process between steps and while it waits). So neither side ever sits in a write while
the other sits in a write too: with ~210 kB queued each way, two blocking sends had frozen the
window for good. ``send_latest`` is for messages that a newer one can replace (frames): while
the socket is still busy with earlier ones, the newest is held, merged with the one held before,
and goes when the queue drains. Reading (``poll``, ``recv``, ``receive``) takes what has arrived
without waiting unless asked to, and checks each length before it allocates.
"""

from __future__ import annotations

import collections
import select
import socket
import time
from collections.abc import Callable

from playground.run.wire import LENGTH, WireError, decode, encode

MAX_MESSAGE = 1 << 30  # MNIST's training images are 47 MB; no message of ours comes near this
CHUNK = 1 << 20


class Channel:
    """Messages over ``sock`` (made non-blocking). Closed by the other end: ``EOFError``; bytes
    that are not our messages: ``WireError``."""

    def __init__(self, sock: socket.socket, max_message: int = MAX_MESSAGE) -> None:
        sock.setblocking(False)
        self.sock = sock
        self.max_message = max_message
        self._out: collections.deque[memoryview] = collections.deque()
        self._held: object | None = None
        self._merge: Callable[[object, object], object] | None = None
        self._head = bytearray()
        self._body: bytearray | None = None
        self._filled = 0
        self._ready: collections.deque[object] = collections.deque()
        self._eof = False

    def fileno(self) -> int:
        return self.sock.fileno()

    def close(self) -> None:
        self.sock.close()
        self._out.clear()
        self._held = None

    # ----- writing ------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Something is still to be written."""
        return bool(self._out) or self._held is not None

    def send(self, msg: object) -> None:
        """Queue ``msg`` after everything before it (a held frame too) and write what fits."""
        self._release_held()
        self._out.append(memoryview(encode(msg)))
        self.flush()

    def send_latest(self, msg: object, merge: Callable[[object, object], object]) -> None:
        """Send ``msg`` now if nothing is queued; else hold it (``merge(held, msg)`` when one is
        held already) until the queue drains."""
        self.flush()
        if self._held is not None:
            self._held, self._merge = merge(self._held, msg), merge
        elif self._out:
            self._held, self._merge = msg, merge
        else:
            self._out.append(memoryview(encode(msg)))
            self.flush()

    def _release_held(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            self._out.append(memoryview(encode(held)))

    def flush(self) -> bool:
        """Write what the socket takes without waiting; True when nothing is left."""
        while self._out:
            try:
                sent = self.sock.send(self._out[0][:CHUNK])
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as e:  # the other end is gone
                raise EOFError(str(e)) from None
            if sent == len(self._out[0]):
                self._out.popleft()
            else:
                self._out[0] = self._out[0][sent:]
            if not self._out:
                self._release_held()
        return True

    def drain(self, timeout: float | None = None) -> bool:
        """Wait until everything queued is written (at most ``timeout`` seconds); True if so."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.flush():
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            select.select([], [self.sock], [], left)
        return True

    # ----- reading ------------------------------------------------------------------------------
    def receive(self) -> list[object]:
        """Every whole message that has arrived, without waiting (after the last one, ``eof``
        says whether the other end has closed)."""
        self._read_available()
        out = list(self._ready)
        self._ready.clear()
        return out

    @property
    def eof(self) -> bool:
        """The other end closed its side, and every message it sent has been taken."""
        return self._eof and not self._ready

    def poll(self, timeout: float | None = 0.0) -> bool:
        """Whether a message is ready, waiting up to ``timeout`` seconds (None: for ever) and
        writing what is queued meanwhile."""
        deadline = None if timeout is None else time.monotonic() + timeout
        if self.pending:
            self.flush()
        while True:
            self._read_available()
            if self._ready:
                return True
            if self._eof:
                raise EOFError("the other process closed the connection")
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            self._wait(left)

    def recv(self) -> object:
        """The next message, waiting for it as long as it takes."""
        self.poll(None)
        return self._ready.popleft()

    def _wait(self, seconds: float | None) -> None:
        writing = [self.sock] if self.pending else []
        _, writable, _ = select.select([self.sock], writing, [], seconds)
        if writable:
            self.flush()

    def _read_available(self) -> None:
        while not self._eof:
            try:
                if self._body is None:
                    got = self.sock.recv(LENGTH.size - len(self._head))
                    self._head += got
                else:
                    got = self.sock.recv_into(memoryview(self._body)[self._filled:])
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # reset by the other end
                got = b""
            if not got:
                self._eof = True
                return
            self._took(got)

    def _took(self, got: bytes | int) -> None:
        if self._body is None:
            if len(self._head) < LENGTH.size:
                return
            (n,) = LENGTH.unpack(self._head)
            if n > self.max_message:
                raise WireError(f"a message of {n:,} bytes, more than any of ours")
            self._head.clear()
            self._body, self._filled = bytearray(n), 0
        else:
            self._filled += got
        if self._filled == len(self._body):
            body, self._body = self._body, None
            self._ready.append(decode(body))
