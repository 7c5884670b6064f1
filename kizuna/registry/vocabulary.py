"""The bilingual reasons vocabulary, seeded by a data migration and by the tests' fixture."""

REASONS = [
    ("historic-ties", "Historic ties", "歴史的なつながり"),
    ("shared-industry", "Shared industry", "共通の産業"),
    ("japanese-investment", "Japanese investment", "日本企業の進出"),
    ("culture", "Culture", "文化"),
    ("geography", "Similar geography", "地理的な類似"),
    ("education", "Education", "教育"),
    ("sport", "Sport", "スポーツ"),
    ("tourism", "Tourism", "観光"),
    ("personal-ties", "Personal ties", "人的なつながり"),
    ("jet-programme", "JET Programme", "JETプログラム"),
    ("trade", "Trade", "貿易・経済"),
]


def seed_reasons(reason_model) -> None:
    """Create or update every reason; works with the historical model in migrations."""
    for slug, name_en, name_ja in REASONS:
        reason_model.objects.update_or_create(
            slug=slug, defaults={"name_en": name_en, "name_ja": name_ja}
        )
