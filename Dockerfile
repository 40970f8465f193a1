# syntax=docker/dockerfile:1
# The image the manifests in k8s/ run (.ci/validate-k8s checks that they agree):
#   * the jar at /app/cape-batch.jar, started as "java ... -jar /app/cape-batch.jar", in Spring Boot's extracted
#     layout (/app/cape-batch.jar and /app/lib/) with a class-data archive, /app/cape-batch.jsa, that the commands
#     name (-XX:SharedArchiveFile): it starts the JVM about 2.5 s sooner (scripts/cds.sh, README "The image's launch");
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
COPY scripts/cds.sh scripts/
COPY sample/es003-sample.csv sample/

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 cape \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin cape
WORKDIR /app
# The fat jar, extracted here in the image (the archive must be recorded with the Java that runs it), and the
# archive recorded from a run of the bundled sample. The build stage is mounted, so the fat jar, the script and the
# sample stay out of the image.
RUN --mount=type=bind,from=build,source=/src,target=/src \
    java -Djarmode=tools -jar /src/target/cape-batch.jar extract --destination /app > /dev/null \
 && /src/scripts/cds.sh --train /app
USER 10001:10001
# The manifests give their own command (the manager's shell, the worker's java line); this serves docker run.
# The parallel collector: a batch job wants throughput, not G1's short pauses (a 1 M run used about 4 s less CPU).
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:SharedArchiveFile=/app/cape-batch.jsa", "-jar", "/app/cape-batch.jar"]
CMD ["--help"]
