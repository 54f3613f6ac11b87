"""The project's own table: the throttle's counts."""

from django.db import models


class ThrottleWindow(models.Model):
    """How many requests one anonymous client made in the current throttle window
    (archive.throttling): a row per client, rewritten in place."""

    key = models.CharField(max_length=200, primary_key=True)
    window = models.BigIntegerField(help_text="The window's number: seconds since the epoch // its length")
    hits = models.PositiveIntegerField()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(hits__gte=1), name="throttle_window_hits")]

    def __str__(self) -> str:
        return f"{self.key}: {self.hits} in window {self.window}"
