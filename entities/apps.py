from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Entities and events"

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from articles.models import Removal
        from articles.signals import text_changed
        from entities.anchoring import follow_text, keep_curated_caption_mentions

        text_changed.connect(follow_text, dispatch_uid="entities.follow_text")
        pre_delete.connect(keep_curated_caption_mentions, sender=Removal, dispatch_uid="entities.caption_mentions")
