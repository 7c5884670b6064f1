from ninja import Router

from kizuna.registry.models import Reason

from ..schemas import ReasonOut, reason_out
from .common import ERRORS, get_or_404

router = Router(tags=["reasons"])


@router.get("", response={200: list[ReasonOut], **ERRORS})
def list_reasons(request):
    """The whole vocabulary (a dozen rows), not paginated."""
    return [reason_out(r) for r in Reason.objects.order_by("slug")]


@router.get("/{slug}", response={200: ReasonOut, **ERRORS})
def get_reason(request, slug: str):
    return reason_out(get_or_404(Reason.objects.all(), "reason", slug=slug))
