"""Query parameters the API knows: a misspelt one (`natoin=Scotland`) is refused with a 400 naming
it, never ignored with every row returned. The known names come from the API's own OpenAPI
schema, so they cannot drift from the routes."""

import re
from functools import cache


@cache
def known_parameters() -> tuple[tuple[re.Pattern, frozenset[str]], ...]:
    """(path pattern, query parameter names) for every API route."""
    from .api import api

    routes = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        names = {
            parameter["name"]
            for operation in operations.values()
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
        }
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "/?$")
        routes.append((pattern, frozenset(names)))
    return tuple(routes)


def unknown_parameters(path: str, names) -> list[str]:
    """The names a route does not take ([] for a path that is not an API route)."""
    for pattern, known in known_parameters():
        if pattern.match(path):
            return sorted(set(names) - known)
    return []
