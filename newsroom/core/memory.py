"""A bounded map in this process's memory, least recently used first out.

Bounded by the number of entries, or by their size when given a `weigh` function (what
it returns for a value; a value it cannot weigh is not kept). gunicorn's sync workers use
one thread; the lock is for the development server's threads.
"""

import pickle
import threading
from collections import OrderedDict


def pickled_size(value):
    return len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


class Memory:
    def __init__(self, size, weigh=None):
        self.size = size
        self.weigh = weigh
        self.entries = OrderedDict()
        self.weights = {}
        self.used = 0
        self.lock = threading.Lock()

    def weight(self, value):
        if self.weigh is None:
            return 1
        try:
            return self.weigh(value)
        except Exception:  # noqa: BLE001 (what cannot be weighed is not kept)
            return self.size + 1

    def get(self, key):
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def set(self, key, value):
        weight = self.weight(value)
        if weight > self.size:
            return
        with self.lock:
            self.used += weight - self.weights.get(key, 0)
            self.entries[key] = value
            self.entries.move_to_end(key)
            self.weights[key] = weight
            while self.used > self.size:
                oldest, _value = self.entries.popitem(last=False)
                self.used -= self.weights.pop(oldest)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.weights.clear()
            self.used = 0
