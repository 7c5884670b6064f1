"""The read model: each link's and authority's public JSON, built when the data changes
(build.py) so an API request reads one prepared row instead of building objects.

The rows are derived data, like the search index: never edited, never dumped, rebuilt by
`kizuna rebuild-derived` or any bulk change."""

from django.db import models


class LinkRecord(models.Model):
    link = models.OneToOneField(
        "registry.Link", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    slug = models.SlugField(max_length=200, unique=True)
    json = models.TextField(help_text="The API's LinkOut, UTF-8 JSON.")

    class Meta:
        db_table = "readmodel_link"


class AuthorityRecord(models.Model):
    authority = models.OneToOneField(
        "registry.Authority", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    slug = models.SlugField(max_length=120, unique=True)
    code = models.CharField(max_length=12, null=True, unique=True)
    json = models.TextField(help_text="The API's AuthorityOut, UTF-8 JSON.")

    class Meta:
        db_table = "readmodel_authority"
