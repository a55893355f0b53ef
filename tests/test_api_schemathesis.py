"""The API answers as its OpenAPI document says: Schemathesis reads /api/v1/openapi.json from
Django's live server, with the demo loaded, and sends every operation requests generated from
the document, ones that fit it and ones that do not. Every answer must be a declared status,
JSON, and of the declared shape (a 400 or 404 too: the Error schema); never a server error.

The run is repeatable and bounded: Hypothesis is derandomized (a seed fixed by the test's
code) with a fixed number of examples per operation and mode, keeps no example database
between runs, and does not shrink (a failure is reported as first found).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks
from schemathesis.errors import FailureGroup
from schemathesis.generation import GenerationMode

# What every response must satisfy; negative_data_rejection: a request the document rules
# out is never a 2xx. positive_data_acceptance is left out on purpose: the project filters
# take only values published projects have (data, so the document cannot list them, and
# says a value none has is a 400), so a request the document allows can rightly be a 400.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
    checks.negative_data_rejection,
]
EXAMPLES = 25  # per operation and mode: 8 operations x 2 modes, a few seconds each


@pytest.fixture
def api_schema(live_server, demo):
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


def failures_of(operation, mode):
    """The checks' failures on `operation` with requests of `mode`, or [] if it held."""

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        case.call_and_validate(checks=CHECKS)

    try:
        run()
    # One failing check is an AssertionError; several distinct ones come as a group.
    except (AssertionError, FailureGroup) as failure:
        return [f"{operation.label} ({mode.value}): {failure}"]
    return []


# The live server sees only committed rows: transactional, and flushed afterwards, with what
# the migrations made (the roles) put back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_operation_answers_as_the_openapi_document_says(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 11  # with /programmes, /programmes/{slug} and /ninjs
    failures = [
        failure
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        for failure in failures_of(operation, mode)
    ]
    assert not failures, "\n\n".join(failures)
