# Builds and runs ArCollect; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/arcollect-*.jar /app/arcollect.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/arcollect.jar"]
