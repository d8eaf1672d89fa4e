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
# The launcher: jvm.options plus class-data sharing (ADR 0038). The container's first start records
# the classes it loads into /opt/careerai/cds when it stops; later starts map them. Mount a volume
# there to keep the archive across containers of the same image (it fits this image's jar only).
COPY bin/careerai bin/careerai
RUN mkdir cds && chown careerai cds
USER careerai
ENV MICRONAUT_ENVIRONMENTS=prod PORT=8080 JAVA_OPTS="" CAREERAI_CDS_DIR=/opt/careerai/cds MALLOC_ARENA_MAX=2
EXPOSE 8080
# The same image runs the operator tool: docker run … java -jar tenant-admin.jar list
# JAVA_OPTS comes after jvm.options, so its options win (e.g. JAVA_OPTS=-Xmx512m for a larger heap).
CMD ["bin/careerai", "app.jar"]
