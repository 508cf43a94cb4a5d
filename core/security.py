"""Security headers and login throttling that Django does not provide by itself.

- `ContentSecurityPolicyMiddleware`: django-csp's middleware with one change: the Wagtail admin gets its own, looser
  policy (CONTENT_SECURITY_POLICY_ADMIN), because the admin needs inline scripts and styles that public pages never
  have. Public pages get the strict CONTENT_SECURITY_POLICY.
- `PermissionsPolicyMiddleware`: the Permissions-Policy header (browser features the site never uses are switched off).
- `LoginThrottleBackend` and `client_ip`: django-axes, which locks a user name out from an address after too many
  failed logins, adapted to logins outside a request (shell, tests) and to a proxy in front.

HSTS, X-Content-Type-Options, Referrer-Policy and Cross-Origin-Opener-Policy come from Django's SecurityMiddleware,
frame protection from XFrameOptionsMiddleware and the CSP `frame-ancestors` directive. See docs/security.md.
"""

from axes.backends import AxesStandaloneBackend
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import render


def _is_admin_path(path):
    return path.startswith(tuple(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIXES", ("/admin/",))))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy on public pages, the admin policy under the admin's URL prefixes."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and _is_admin_path(request.path_info):
            return PolicyParts(config=settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"], nonce=parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """Set the Permissions-Policy header from the PERMISSIONS_POLICY setting ({"camera": [], "fullscreen": ["self"]})."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowlist)})" for feature, allowlist in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


def client_ip(request):
    """The visitor's address for login throttling.

    Behind a load balancer every request comes from the balancer's address. With TRUSTED_PROXY_COUNT=n (the number of
    proxies in front that append to X-Forwarded-For) the n-th address from the right is the client's, the only one a
    client cannot forge. Without it, REMOTE_ADDR is used.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
        if len(addresses) >= proxies:
            return addresses[-proxies]
    return request.META.get("REMOTE_ADDR")


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for logins through a web request only.

    Axes refuses `authenticate()` without a request; logins from the shell, management commands and the test client's
    `login()` have none, and no one can guess passwords through them, so they are let through to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Dutch lockout page, in the admin's look, with status 429 (Too Many Requests)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(request, "core/login_locked.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
