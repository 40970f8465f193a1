# syntax=docker/dockerfile:1
# The image the manifests in k8s/ run (.ci/validate-k8s checks that they agree):
#   * the jar at /app/cape-batch.jar, started as "java ... -jar /app/cape-batch.jar";
#   * a Java 17 runtime, and /bin/sh and date, because the manager's CronJob computes the run date in a shell;
#   * user and group 10001 (runAsNonRoot), nothing written outside the mounted /tmp, /data and /etc/cape, so the
#     root filesystem can be read-only;
#   * glibc (Ubuntu), not Alpine: the jar carries PostgreSQL for glibc Linux only (amd64 and arm64).
# Build:  docker build -t ghcr.io/cape-batch/cape-batch:0.1.0 .       (the tag k8s/kustomization.yaml names)
# Try:    docker run --rm ghcr.io/cape-batch/cape-batch:0.1.0 --help

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 cape \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin cape
WORKDIR /app
COPY --from=build /src/target/cape-batch.jar /app/cape-batch.jar
USER 10001:10001
# The manifests give their own command (the manager's shell, the worker's java line); this serves docker run.
ENTRYPOINT ["java", "-jar", "/app/cape-batch.jar"]
CMD ["--help"]
