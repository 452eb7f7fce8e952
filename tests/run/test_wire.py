"""The bytes between the processes: every message round-trips, and nothing else is read.

Nothing that arrives is unpickled, so bytes from a learner's process can only ever be a message of
ours or a ``WireError``: forged heads, wrong types, arrays past the end, and thousands of random
mutations of real messages are all refused before anything is built from them.
"""

from __future__ import annotations

import json
import pickle
import socket
import struct

import numpy as np
import pytest

from playground.nn import LayerSpec, Snapshot
from playground.phrase import phrase
from playground.run import messages as m
from playground.run.channel import Channel
from playground.run.wire import LENGTH, WireError, decode, encode

PARAMS = [{"W": np.arange(8, dtype=np.float32).reshape(2, 4), "b": np.ones(4, np.float32)},
          {"W": np.ones((4, 1), np.float64)}]


def _snapshot(**kw) -> Snapshot:
    return Snapshot(3, 30, 0.25, 0.1, (1.5, 0.25), True, 0.2, 0.9, None, float("nan"),
                    params=None, stop_reason=phrase("Train", "the loss became {what}",
                                                    what="inf"), **kw)


EXAMPLES = [
    m.SetNetwork(2, (LayerSpec(4, "tanh"), LayerSpec(1, "sigmoid", False)), "bce", "xavier",
                 "float32", frozenset({"sign-flip", "no-bias"}), PARAMS, carry=True, version=7,
                 data=m.SetData(np.zeros((5, 2)), np.ones((5, 1)), None, None, False, 3)),
    m.SetData(np.zeros((3, 784), np.uint8), np.eye(3, dtype=np.float32), pixels=True),
    m.Configure({"lr": 0.5, "optimizer": "adam", "shuffle": True, "seed": None}),
    m.SetSpeed(None, 8.0), m.SetCode("print('hi')\n", "mine.py", 1024),
    m.TrainSeeds((1, 2), (0.1, 0.2), 5, np.zeros((4, 2))),
    m.Start(3), m.Step(4), m.Pause(5), m.Stop(6), m.Shutdown(),
    m.Frame(_snapshot(test_predicted=np.arange(5)), tuple(PARAMS), (_snapshot(),), 12.5, 2, 3,
            9),
    m.Paused(2), m.Done(phrase("Train", "stopped at {n}", n=3, inner=phrase("X", "y")), PARAMS,
                        True, 4, 5),
    m.Done("", []),
    m.SeedsFrame(3, np.ones(2), np.zeros(2), np.array([True, False]), None, np.zeros((2, 3, 1))),
    m.SeedsDone(None, [PARAMS, PARAMS], True), m.Printed("ünïcode ✓\n"), m.Failed("oops"),
]


def _equal(a: object, b: object) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape and \
            np.array_equal(a, b, equal_nan=a.dtype.kind == "f")
    if isinstance(a, float) and np.isnan(a):
        return isinstance(b, float) and np.isnan(b)
    if isinstance(a, tuple | list):
        return type(a) is type(b) and len(a) == len(b) and all(map(_equal, a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if hasattr(a, "__dataclass_fields__"):
        return type(a) is type(b) and all(_equal(getattr(a, f), getattr(b, f))
                                          for f in a.__dataclass_fields__)
    return a == b


@pytest.mark.parametrize("msg", EXAMPLES, ids=[type(e).__name__ for e in EXAMPLES])
def test_every_kind_of_message_comes_back_as_it_went(msg):
    raw = encode(msg)
    (n,) = LENGTH.unpack_from(raw)
    assert n == len(raw) - LENGTH.size
    back = decode(bytearray(raw[LENGTH.size:]))
    assert _equal(msg, back), (msg, back)


def test_arrays_come_back_writable_and_aligned():
    back = decode(bytearray(encode(m.Frame(_snapshot(), tuple(PARAMS)))[LENGTH.size:]))
    w = back.params[0]["W"]
    w[0, 0] = 99.0  # the window's own copy
    assert w.flags.aligned and back.params[1]["W"].dtype == np.float64


def _body(head: object, data: bytes = b"") -> bytearray:
    raw = json.dumps(head).encode()
    pad = b"\0" * (-(4 + len(raw)) % 16)
    return bytearray(struct.pack("<I", len(raw)) + raw + pad + data)


FORGED = {
    "not json": bytearray(b"\x05\x00\x00\x00{{{{{"),
    "a pickle": bytearray(pickle.dumps(m.Stop(1))),
    "too short": bytearray(b"\x01"),
    "head past the end": bytearray(struct.pack("<I", 10**6) + b"{}"),
    "unknown class": _body({"O": "Popen", "f": {"args": ["rm"]}}),
    "a field it lacks": _body({"O": "Stop", "f": {"run": 1, "__class__": 2}}),
    "a field of the wrong type": _body({"O": "Stop", "f": {"run": "1"}}),
    "a bool for an int": _body({"O": "Stop", "f": {"run": True}}),
    "an object dtype": _body({"A": [0, "|O", [1]]}, b"\0" * 16),
    "a big-endian dtype": _body({"A": [0, ">f8", [1]]}, b"\0" * 16),
    "an array past the end": _body({"A": [0, "<f8", [1000]]}, b"\0" * 16),
    "a negative dimension": _body({"A": [0, "<f8", [-1]]}, b"\0" * 16),
    "a huge shape": _body({"A": [0, "<f8", [2**40, 2**40]]}),
    "an untagged object": _body({"W": 1}),
    "a missing field": _body({"O": "Frame", "f": {}}),
    "a class that refuses": _body({"O": "LayerSpec", "f": {"units": 0}}),
    "too deep": _body(json.loads("[" * 100 + "]" * 100)),
}


@pytest.mark.parametrize("body", FORGED.values(), ids=FORGED.keys())
def test_forged_bytes_are_refused(body):
    with pytest.raises(WireError):
        decode(body)


def test_random_damage_is_either_a_message_or_refused(rng):
    """6,000 mutations of real messages: flipped bytes, truncations and splices."""
    bodies = [bytearray(encode(msg)[LENGTH.size:]) for msg in EXAMPLES]
    kinds = (*m.COMMANDS, *m.EVENTS)
    for i in range(6000):
        body = bytearray(bodies[i % len(bodies)])
        how = i % 3
        if how == 0:
            for at in rng.integers(0, len(body), size=rng.integers(1, 4)):
                body[at] = int(rng.integers(0, 256))
        elif how == 1:
            body = body[:int(rng.integers(0, len(body)))]
        else:
            other = bodies[int(rng.integers(0, len(bodies)))]
            cut = int(rng.integers(0, min(len(body), len(other))))
            body = body[:cut] + other[cut:]
        try:
            msg = decode(body)
        except WireError:
            continue
        assert isinstance(msg, kinds)


# ----- the channel ----------------------------------------------------------------------------
@pytest.fixture
def pair():
    a, b = socket.socketpair()
    ours, theirs = Channel(a), Channel(b)
    yield ours, theirs
    ours.close()
    theirs.close()


def test_a_send_never_waits_for_a_reader_that_does_not_read(pair):
    ours, theirs = pair
    big = m.SetData(np.zeros((2000, 784), np.uint8), np.zeros((2000, 10), np.float32))
    for _ in range(5):  # 8 MB, far more than a socket buffer holds
        ours.send(big)
    assert ours.pending
    got = []
    while len(got) < 5:
        ours.flush()
        if theirs.poll(0.05):
            got.append(theirs.recv())
    assert not ours.pending and all(g.x.shape == (2000, 784) for g in got)


def test_frames_the_socket_cannot_take_yet_are_merged_not_queued(pair):
    ours, theirs = pair
    ours.send(m.SetData(np.zeros((4000, 784), np.uint8), np.zeros((4000, 1))))  # fills it
    for epoch in range(1, 50):
        frame = m.Frame(_snapshot()._replace(epoch=epoch), (), (_snapshot()._replace(
            epoch=epoch),), run=1)
        ours.send_latest(frame, m.Frame.merged)
    ours.send(m.Paused(1))  # after the held frame, in order
    received = []
    while not received or not isinstance(received[-1], m.Paused):
        ours.flush()
        if theirs.poll(0.05):
            received.append(theirs.recv())
    frames = [r for r in received if isinstance(r, m.Frame)]
    assert len(frames) < 10  # merged while the socket was full
    assert [s.epoch for f in frames for s in f.epochs] == list(range(1, 50))  # none lost


def test_a_length_past_the_limit_is_refused_before_anything_is_allocated():
    a, b = socket.socketpair()
    theirs = Channel(b, max_message=1000)
    a.sendall(LENGTH.pack(2**62))
    with pytest.raises(WireError, match="more than any of ours"):
        theirs.poll(1.0)
    a.close()
    theirs.close()


def test_a_closed_end_is_eof(pair):
    ours, theirs = pair
    ours.send(m.Stop(1))
    ours.close()
    assert isinstance(theirs.recv(), m.Stop)
    with pytest.raises(EOFError):
        theirs.recv()
