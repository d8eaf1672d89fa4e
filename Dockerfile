# Multi-stage: build both fat jars with the Maven wrapper, run them on a slim JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home careerai
WORKDIR /opt/careerai
COPY --from=build /src/app/target/careerai-app.jar app.jar
COPY --from=build /src/tenant-admin/target/tenant-admin.jar tenant-admin.jar
# The JVM settings the app ships with (heap, metaspace, code cache, direct memory, stacks, GC: ADR 0037)
COPY jvm.options jvm.options
USER careerai
ENV MICRONAUT_ENVIRONMENTS=prod PORT=8080 JAVA_OPTS="" MALLOC_ARENA_MAX=2
EXPOSE 8080
# The same image runs the operator tool: docker run … java -jar tenant-admin.jar list
# JAVA_OPTS comes after jvm.options, so its options win (e.g. JAVA_OPTS=-Xmx512m for a larger heap).
CMD ["sh", "-c", "exec java @jvm.options $JAVA_OPTS -jar app.jar"]
