# syntax=docker/dockerfile:1.7
#
# One image recipe for every Reservas process. Build from the repository root (the context):
#
#   Spring Boot services (target "service", the default):
#     docker build -f deploy/docker/service.Dockerfile --build-arg MODULE=reservation-api -t reservas/reservation-api .
#     MODULE = reservation-api | outbox-relay | payment-consumer | provider-consumer | status-projector | notification-dispatcher
#
#   Local stand-ins (plain Java mains, target "standin"):
#     docker build -f deploy/docker/service.Dockerfile --target standin \
#       --build-arg MODULE=stripe-stand-in --build-arg MAIN_CLASS=com.reservas.stripe.standin.StripeStandIn .
#     docker build -f deploy/docker/service.Dockerfile --target standin \
#       --build-arg MODULE=supplier-simulator --build-arg MAIN_CLASS=com.reservas.supplier.simulator.SupplierSimulator .
#
# The "build" stage does not depend on MODULE: every image built from one context shares it, so
# `docker compose build` compiles the reactor once. Files the build must not see are listed in
# service.Dockerfile.dockerignore (BuildKit reads it instead of a root .dockerignore).

ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------------------------------------
# build: the Maven wrapper builds the deployable modules (and what they need) once.
# ---------------------------------------------------------------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
COPY . .
# Tests ran in CI (./mvnw verify); the image build only packages. The Maven repository is a
# BuildKit cache mount, so dependencies are downloaded once per builder, not once per image.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q package \
      -Dmaven.test.skip=true -Dspotless.check.skip=true \
      -pl reservation-api,outbox-relay,payment-consumer,provider-consumer,status-projector,notification-dispatcher,harness/stripe-stand-in,harness/supplier-simulator \
      -am \
 && ./mvnw -B -ntp -q dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory=target/runtime-lib \
      -pl harness/stripe-stand-in,harness/supplier-simulator

# ---------------------------------------------------------------------------------------------
# extract: the Boot jar (classifier "exec") split into layers, least to most often changed.
# ---------------------------------------------------------------------------------------------
FROM build AS extract
ARG MODULE
RUN test -n "${MODULE}" || { echo "--build-arg MODULE=<module> is required" >&2; exit 1; } \
 && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /workspace/application.jar \
 && java -Djarmode=tools -jar /workspace/application.jar extract --layers --destination /extracted

# ---------------------------------------------------------------------------------------------
# runtime-base: JRE, curl for container health checks, an unprivileged user.
# ---------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE} AS runtime-base
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 reservas \
 && useradd --system --uid 10001 --gid reservas --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin reservas
# Container-aware memory: the heap follows the container's memory limit (75 %), leaving room for
# metaspace, threads and direct buffers (Netty, Kafka). A JVM out of memory exits so that the
# orchestrator restarts it. Avro only deserializes our generated classes.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError -Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.reservas.schemas.avro" \
    LANG=C.UTF-8 \
    TZ=UTC
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# standin: the Stripe stand-in or the supplier simulator (not Spring Boot applications, both in
# harness/): the module's jar and its runtime dependencies on the class path, MAIN_CLASS as the
# entry point.
# ---------------------------------------------------------------------------------------------
FROM runtime-base AS standin
ARG MODULE
ARG MAIN_CLASS
COPY --from=build /workspace/harness/${MODULE}/target/runtime-lib/ /app/lib/
COPY --from=build /workspace/harness/${MODULE}/target/${MODULE}-*.jar /app/lib/
ENV MAIN_CLASS=${MAIN_CLASS}
USER 10001:10001
ENTRYPOINT ["sh", "-c", "exec java -cp '/app/lib/*' \"$MAIN_CLASS\" \"$@\"", "--"]

# ---------------------------------------------------------------------------------------------
# service (default target): a Spring Boot service from its extracted layers.
# ---------------------------------------------------------------------------------------------
FROM runtime-base AS service
COPY --from=extract /extracted/dependencies/ ./
COPY --from=extract /extracted/spring-boot-loader/ ./
COPY --from=extract /extracted/snapshot-dependencies/ ./
COPY --from=extract /extracted/application/ ./
USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/application.jar"]
