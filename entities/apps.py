from django.apps import AppConfig


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = "Entities and events"

    def ready(self) -> None:
        from articles.signals import text_changed
        from entities.anchoring import follow_text

        text_changed.connect(follow_text, dispatch_uid="entities.follow_text")
