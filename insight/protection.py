"""Spam protection for the feedback and beacon endpoints, which cannot use CSRF tokens (see docs/insight.md).

- `is_same_origin`: the Origin header (or, when a browser sends none, the Referer) must name this host;
- `is_rate_limited`: a counter per client in the cache, keyed by a salted hash of the IP address. The hash is only a
  cache key that expires; the address itself is never stored.
"""

import hashlib
import hmac
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def is_same_origin(request):
    """True when the request says it came from a page of this site."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return bool(parts.netloc) and parts.netloc.lower() == request.get_host().lower()


def client_key(request, scope):
    """A cache key for this client: an HMAC of the IP address with a daily salt, so it cannot be reversed or linked."""
    address = request.META.get("REMOTE_ADDR", "")
    salt = f"{settings.SECRET_KEY}:{timezone.localdate().isoformat()}".encode()
    digest = hmac.new(salt, address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"insight:{scope}:{digest}"


def is_rate_limited(request, scope, limit, seconds):
    """Count this request; True when the client made more than `limit` requests in `seconds`."""
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return False
    return count > limit
