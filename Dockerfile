# One image per service: docker build --build-arg MODULE=train-service .
# Stage 1 builds the module with the Maven wrapper; stage 2 runs it on a JRE as a non-root user. jvm.args turns on
# Spring AOT's build-time context when the jar holds one (every service's does, see pom.xml).
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
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -DskipBuf=true -pl ${MODULE} -am package \
 && mkdir /app && cp ${MODULE}/target/${MODULE}-*-exec.jar /app/app.jar \
 && cd /app && java -Djarmode=tools -jar app.jar extract --destination extracted \
 && if jar tf extracted/app.jar | grep -q '__ApplicationContextInitializer.class$'; \
    then echo "-Dspring.aot.enabled=true" > extracted/jvm.args; else : > extracted/jvm.args; fi

FROM eclipse-temurin:25-jre
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --create-home ticketing
WORKDIR /app
COPY --from=build /app/extracted/ ./
USER 10001
# No JDK AOT cache in the image: its training run starts the service, which migrates the database and provisions
# JetStream streams, so it needs PostgreSQL and NATS; ./ticketing up records one per build instead.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
EXPOSE 8080
ENTRYPOINT ["java", "@jvm.args", "-jar", "app.jar"]
