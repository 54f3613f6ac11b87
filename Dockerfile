# The archive's web image: the same ./dev install as a developer's, without the dev extras.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ARCHIVE_DEV_EXTRAS=0 \
    PATH=/app/.venv/bin:$PATH

RUN useradd --create-home --uid 1000 archive
WORKDIR /app

COPY pyproject.toml dev ./
RUN ./dev install

COPY . .
# collectstatic needs settings but no database; the key is used for this step only.
RUN DJANGO_SECRET_KEY=collectstatic-only-build-time-key-not-used-at-run-time-0000000000 \
    DATABASE_URL=postgresql://build@localhost/unused \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/.local && chown archive:archive /app/.local

USER archive
EXPOSE 8000
CMD ["gunicorn", "archive.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
