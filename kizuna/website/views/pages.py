import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render

from kizuna.registry import statistics
from kizuna.registry.models import Link

from ..caching import cached_page
from ..statistics_labels import TABLE_TITLES, labels


@cached_page
def home(request):
    latest = Link.objects.with_authorities().order_by("-pk")[:6]  # ids grow with additions
    return render(
        request,
        "website/home.html",
        {
            "figures": statistics.key_figures(),
            "latest": latest,
        },
    )


@cached_page
def history(request):
    return render(request, "website/history.html", {"years": statistics.rows("year")})


@cached_page
def statistics_page(request):
    tables = []
    for name in statistics.TABLES:
        counted = statistics.rows(name)
        names = labels(name, [key for key, _ in counted])
        rows = [(label, n) for label, (_, n) in zip(names, counted, strict=True)]
        peak = max((count for _, count in rows), default=0)
        tables.append({"name": name, "title": TABLE_TITLES[name], "rows": rows, "peak": peak})
    return render(request, "website/statistics.html", {"tables": tables})


@cached_page
def statistics_csv(request, name):
    if name not in statistics.TABLES:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kizuna-links-by-{name}.csv"'
    writer = csv.writer(response)
    writer.writerow([name, "links"])
    writer.writerows(statistics.rows(name))
    return response
