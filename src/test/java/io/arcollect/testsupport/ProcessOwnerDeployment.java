package io.arcollect.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;

/**
 * What a process owner does from Camunda Modeler (or {@code curl -u paula:paula -F deployment-name=... -F data=@file}):
 * a deployment through {@code /engine-rest/deployment/create} with HTTP Basic, never through Java APIs. The
 * deployments are remembered so the test can remove them (the test run shares one database, the latest version wins).
 */
public class ProcessOwnerDeployment {

  private final int port;
  private final String user;
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> deployments = new ArrayList<>();

  public ProcessOwnerDeployment(int port, String user) {
    this.port = port;
    this.user = user;
  }

  /** Deploys the files (name, content) under one deployment name; answers the REST answer (200 asserted). */
  public JsonNode deploy(String deploymentName, String fileName, byte[] content) throws Exception {
    String boundary = "----arcollect" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(field(boundary, "deployment-name", deploymentName));
    body.writeBytes(field(boundary, "deploy-changed-only", "true"));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode deployment = json.readTree(response.body());
    deployments.add(deployment.path("id").asText());
    return deployment;
  }

  /** Removes what this test deployed (cascading to its instances), so later tests see the shipped models again. */
  public void undeploy(RepositoryService repository) {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    deployments.clear();
  }

  private static byte[] field(String boundary, String name, String value) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
