"""The shared Redis cache, for which an outage means serving uncached pages, not errors."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import exceptions as redis_errors

logger = logging.getLogger(__name__)

PAUSE_SECONDS = 10  # after a failure, Redis is not tried again for this long


class ResilientClient(RedisCacheClient):
    """Reads miss and writes are dropped while Redis cannot be reached. After a failure,
    Redis is left alone for PAUSE_SECONDS, so an outage costs one timeout, not one per call.
    `incr` still raises: there is no number it could honestly return."""

    paused_until = 0.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis per call (its command table: 170 dict entries),
        # which was most of a page-cache hit's CPU time. One per pool is enough: it is
        # thread-safe and borrows a connection from the pool for each command.
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]

    def _try(self, method, fallback, *args):
        if time.monotonic() < self.paused_until:
            return fallback
        try:
            return getattr(super(), method)(*args)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError) as error:
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("Cache unreachable, serving uncached for %ss: %s", PAUSE_SECONDS, error)
            return fallback

    def get(self, key, default):
        return self._try("get", default, key, default)

    def get_many(self, keys):
        return self._try("get_many", {}, keys)

    def has_key(self, key):
        return self._try("has_key", False, key)

    def add(self, key, value, timeout):
        return self._try("add", False, key, value, timeout)

    def set(self, key, value, timeout):
        return self._try("set", None, key, value, timeout)

    def set_many(self, data, timeout):
        return self._try("set_many", None, data, timeout)

    def touch(self, key, timeout):
        return self._try("touch", False, key, timeout)

    def delete(self, key):
        return self._try("delete", False, key)

    def delete_many(self, keys):
        return self._try("delete_many", None, keys)

    def clear(self):
        return self._try("clear", False)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientClient
