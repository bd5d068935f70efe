# Trunkline's service image, one file for both services: MODULE says which jar it holds.
#
# Not a multi-stage build: it packages the jar that Maven already built, so build it first. From the repository root
# (the build context; .dockerignore sends nothing but the two jars):
#   ./mvnw -DskipTests package
#   docker build --build-arg MODULE=api-gateway --build-arg PORT=8080 -t trunkline/api-gateway:0.1.0-SNAPSHOT .
#   docker build --build-arg MODULE=provisioning-worker --build-arg PORT=8081 \
#     -t trunkline/provisioning-worker:0.1.0-SNAPSHOT .
#   (or: docker compose build)
FROM eclipse-temurin:17-jre

# api-gateway (REST API and actuator, port 8080) or provisioning-worker (actuator only, port 8081).
ARG MODULE
ARG PORT
# The project's version, as in pom.xml.
ARG VERSION=0.1.0-SNAPSHOT

# A fixed, numeric, unprivileged user so that Kubernetes' runAsNonRoot can verify it. The build stops here when
# MODULE or PORT is missing.
RUN test -n "$MODULE" && test -n "$PORT" \
 && groupadd --system --gid 10001 trunkline \
 && useradd --system --uid 10001 --gid trunkline --home-dir /app --no-create-home --shell /usr/sbin/nologin trunkline \
 && mkdir -p /app \
 && chown trunkline:trunkline /app

WORKDIR /app
# Owned by root and world-readable: the app user can read but not replace it.
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar /app/app.jar

# Heap sized from the container's memory limit; exit (and get restarted) rather than limp on after an OOM.
# SERVICE_PORT is the port the service listens on by default (its own setting, SERVER_PORT for the gateway and
# WORKER_PORT for the worker, moves it; the health check follows).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SERVICE_PORT=${PORT}

USER 10001:10001
EXPOSE ${PORT}

# No curl in the base image is relied on: bash's /dev/tcp asks the actuator's liveness group.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-${WORKER_PORT:-$SERVICE_PORT}} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
