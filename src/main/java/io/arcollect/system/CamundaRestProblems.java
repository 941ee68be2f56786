package io.arcollect.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.springframework.http.MediaType;

/**
 * The error answers of Camunda's REST API, at /engine-rest and under the webapps (/camunda/api/engine, what
 * Tasklist and Cockpit call): {@link Problem}s instead of Camunda's {"type": "SomeJavaException", ...}. They
 * replace Camunda's exception mappers (and Jackson's, which answer with the parser's text); one mapper per
 * exception type Camunda or Jackson map, because JAX-RS picks the mapper of the closest type.
 */
public final class CamundaRestProblems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CamundaRestProblems() {}

  /** Camunda's REST resources and providers without its exception mappers, and ours. */
  public static Set<Class<?>> configurationClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>();
    CamundaRestResources.getConfigurationClasses().stream()
        .filter(type -> !ExceptionMapper.class.isAssignableFrom(type))
        .forEach(classes::add);
    classes.addAll(Set.of(AnyError.class, EngineError.class, RestError.class, WebError.class, JsonError.class,
        JsonParseError.class, JsonMappingError.class));
    return classes;
  }

  static Response answer(Throwable error, HttpServletRequest request) {
    Problem problem = Problem.of(error);
    String body;
    try {
      body = JSON.writeValueAsString(problem.body(request == null ? null : request.getRequestURI(), true));
    } catch (JsonProcessingException e) {
      body = "{\"status\":" + problem.status().value() + "}";
    }
    return Response.status(problem.status().value())
        .type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
        .header(CorrelationId.HEADER, problem.correlationId())
        .entity(body)
        .build();
  }

  public static class AnyError implements ExceptionMapper<Throwable> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(Throwable error) {
      return answer(error, request);
    }
  }

  public static class EngineError implements ExceptionMapper<ProcessEngineException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException error) {
      return answer(error, request);
    }
  }

  public static class RestError implements ExceptionMapper<RestException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(RestException error) {
      return answer(error, request);
    }
  }

  public static class JsonError implements ExceptionMapper<JsonProcessingException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(JsonProcessingException error) {
      return answer(error, request);
    }
  }

  public static class JsonParseError implements ExceptionMapper<JsonParseException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(JsonParseException error) {
      return answer(error, request);
    }
  }

  public static class JsonMappingError implements ExceptionMapper<JsonMappingException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(JsonMappingException error) {
      return answer(error, request);
    }
  }

  public static class WebError implements ExceptionMapper<WebApplicationException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException error) {
      // redirects and the like are answers, not errors
      return error.getResponse().getStatus() < 400 ? error.getResponse() : answer(error, request);
    }
  }
}
