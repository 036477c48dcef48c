# One image per service: docker build --build-arg MODULE=train-service .
# Stage 1 builds the web client (web/, served by the gateway at /); stage 2 builds the module with the Maven
# wrapper; stage 3 runs it on a JRE as a non-root user. jvm.args turns on Spring AOT's build-time context when the
# jar holds one (every service's does, see pom.xml). Only the api-gateway image gets the web client (/app/web):
# the web stage is built once and cached, whichever module is built.
# Vite 8 needs Node ^20.19 or >= 22.12 (web/package-lock.json); node:20 is the line ./ticketing up builds with.
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --loglevel=error
COPY web/index.html web/tsconfig.json web/vite.config.ts ./
COPY web/src src
RUN npm run build

FROM eclipse-temurin:25-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY proto proto
COPY platform platform
COPY user-service user-service
COPY train-service train-service
COPY ticket-service ticket-service
COPY notification-service notification-service
COPY api-gateway api-gateway
COPY system-tests/pom.xml system-tests/pom.xml
COPY --from=web /web/dist /src/web-dist
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -DskipBuf=true -pl ${MODULE} -am package \
 && mkdir /app && cp ${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar \
 && cd /app && java -Djarmode=tools -jar app.jar extract --destination extracted \
 && if jar tf extracted/app.jar | grep -q '__ApplicationContextInitializer.class$'; \
    then echo "-Dspring.aot.enabled=true" > extracted/jvm.args; else : > extracted/jvm.args; fi \
 && if [ "${MODULE}" = api-gateway ]; then cp -r /src/web-dist extracted/web; fi

FROM eclipse-temurin:25-jre
# /keys: user-service's generated JWT signing key (JWT_KEY_DIR in docker-compose.yml). Created here, owned by the
# runtime user, so a named volume mounted on it starts with that ownership (Docker copies it into the empty
# volume); otherwise Docker would create it as root and uid 10001 could not write the key.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home ticketing \
 && install -d -o 10001 -g 10001 -m 700 /keys
WORKDIR /app
COPY --from=build /app/extracted/ ./
USER 10001
# No JDK AOT cache in the image: its training run starts the service, which migrates the database and provisions
# JetStream streams, so it needs PostgreSQL and NATS; ./ticketing up records one per build instead.
# WEB_DIST: the gateway serves the web client from there (only the api-gateway image has it; others ignore it).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC" \
    WEB_DIST=/app/web
EXPOSE 8080
ENTRYPOINT ["java", "@jvm.args", "-jar", "app.jar"]
