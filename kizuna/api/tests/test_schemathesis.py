"""Property-based checks of every API operation against its own OpenAPI schema (schemathesis):
no server error on any input, and every response as documented. A bounded number of examples
per operation keeps the default test run short."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kizuna.api.api import api

# The API behaves alike on both databases (the API tests run on each): fuzz it once, on PostgreSQL.
pytestmark = pytest.mark.engine_independent


class Application:
    """The WSGI app schemathesis calls: a Django handler built per test (see `served`)."""

    handler = None

    def __call__(self, environ, start_response):
        return self.handler(environ, start_response)


app = Application()
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = app


@pytest.fixture
def served(registry, settings):
    """The app over the loaded registry (fuzzing an empty one would find little)."""
    # Requests go straight to a Django WSGI handler, in this thread. Its client does not
    # decompress, so compression (tested on its own) is left out here.
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "compression" not in m]
    app.handler = WSGIHandler()
    # Like Django's test client: keep the test's database connection open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_schema(case, served):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
