# syntax=docker/dockerfile:1

# Build with the project's own Maven wrapper on a JDK 25.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY db/ db/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.vaadin \
    ./mvnw -B -ntp package -DskipTests \
    && cp target/factmark-*.jar /factmark.jar

# Run on a JRE 25 as an unprivileged user.
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system factmark \
    && useradd --system --gid factmark --home-dir /app --shell /usr/sbin/nologin factmark \
    && mkdir -p /app/data \
    && chown factmark:factmark /app/data
WORKDIR /app
COPY --from=build /factmark.jar /app/factmark.jar
USER factmark
ENV FACTMARK_DATA_DIR=/app/data \
    SERVER_PORT=8080
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/factmark.jar"]
