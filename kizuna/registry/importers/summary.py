"""What an import did, counted."""

from dataclasses import dataclass


@dataclass
class Summary:
    label: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged

    def __str__(self) -> str:
        return (
            f"{self.label}: {self.total} read, {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged"
        )
