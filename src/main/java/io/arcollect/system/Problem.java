package io.arcollect.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * One error answer, the same on /api, /engine-rest and the Camunda webapps' engine API: an RFC 9457 problem
 * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}) with the request's
 * {@code correlationId}. The detail is written for the user: a {@link UserError}'s message, or a sentence made
 * here from what went wrong; never a Java class name, SQL or an engine code. What is left out goes to the log
 * under the correlation id.
 */
public record Problem(HttpStatus status, String detail, String correlationId) {

  private static final Logger log = LoggerFactory.getLogger(Problem.class);

  private static final Pattern ENGINE_CODE = Pattern.compile("\\b[A-Z]+-\\d{5}\\s*");
  /** Camunda REST puts the task (or other) id in front of the engine's message: "Cannot submit task form 1a2b: ..." */
  private static final Pattern REST_PREFIX = Pattern.compile("^Cannot [^:]{1,120}?: (?=\\S)");
  private static final Pattern NULL_TAIL = Pattern.compile(":\\s*\\w+ is null\\.?$");
  private static final Pattern CAMUNDA_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+:\\d+:[0-9a-f-]{36}");
  /** What a message must not show: class names, stack frames, SQL, parser internals. */
  private static final Pattern INTERNALS = Pattern.compile(
      "(?i)exception|\\b(java|javax|jakarta|org|com|io|sun)\\.[a-z]|\\bat [a-z]+\\.|\\bsql\\b|\\bselect\\b.+\\bfrom\\b|"
          + "\\binsert into\\b|\\bupdate\\b.+\\bset\\b|\\bdelete from\\b|persistence layer|\\[source:|reference chain|"
          + "\\bclass\\b|\\bnull\\b|coerce|constraint|\\$\\{|#\\{|\\bACT_[A-Z]");

  /** The answer to this error, logged under the request's correlation id. */
  public static Problem of(Throwable error) {
    Problem problem = classify(error);
    if (problem.status.is5xxServerError()) {
      log.error("{} answered {} [correlation id {}]", describe(error), problem.status.value(), problem.correlationId, error);
    } else {
      log.info("{} answered {}: {} [correlation id {}]", describe(error), problem.status.value(), problem.detail,
          problem.correlationId);
    }
    return problem;
  }

  /** A problem that is not an exception (an answer the security filters give). */
  public static Problem of(HttpStatus status, String detail) {
    return new Problem(status, detail, CorrelationId.current());
  }

  /** The answer's JSON members; the Camunda APIs add {@code message}, the member Camunda's own clients show. */
  public Map<String, Object> body(String instance, boolean camundaClients) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("correlationId", correlationId);
    if (camundaClients) {
      body.put("message", detail);
    }
    return body;
  }

  private static Problem classify(Throwable error) {
    List<Throwable> chain = chain(error);
    for (Throwable t : chain) {
      if (t instanceof UserError userError) {
        return problem(userError.status(), userError.getMessage());
      }
    }
    for (Throwable t : chain) {
      if (t instanceof AuthorizationException denied) {
        return problem(HttpStatus.FORBIDDEN, notAllowed(denied));
      }
      if (t instanceof TaskAlreadyClaimedException claimed) {
        return problem(HttpStatus.CONFLICT, "This task has already been claimed by " + claimed.getTaskAssignee() + ".");
      }
      if (t instanceof OptimisticLockingException) {
        return problem(HttpStatus.CONFLICT, "Someone else changed the same record at the same moment, so nothing of "
            + "this request was saved. Reload and try again.");
      }
      if (t instanceof SuspendedEntityInteractionException) {
        return problem(HttpStatus.CONFLICT, "This is suspended; nothing can be done on it until it is activated again.");
      }
      if (t instanceof DuplicateKeyException) {
        return problem(HttpStatus.CONFLICT, "This is already stored (or was being stored by another request at the "
            + "same moment); nothing of this request was saved.");
      }
    }
    Throwable top = chain.get(0);
    if (top instanceof RestException rest && rest.getStatus() != null && rest.getStatus().getStatusCode() < 500) {
      HttpStatus status = HttpStatus.valueOf(rest.getStatus().getStatusCode());
      String value = valueOfWrongType(rest.getMessage());
      return problem(status, value != null ? value : readable(rest.getMessage(), status));
    }
    if (top instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
      HttpStatus status = HttpStatus.valueOf(web.getResponse().getStatus());
      return problem(status, generic(status));
    }
    for (Throwable t : chain) {
      if (t instanceof JsonParseException parse) {
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON"
            + (parse.getLocation() == null ? "." : " (line " + parse.getLocation().getLineNr() + ", column "
                + parse.getLocation().getColumnNr() + ")."));
      }
      if (t instanceof JsonMappingException mapping) {
        return problem(HttpStatus.BAD_REQUEST, doesNotFit(mapping));
      }
      if (t instanceof JsonProcessingException) {
        return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
      }
    }
    for (Throwable t : chain) {
      if (t instanceof ParseException parse) {
        return problem(HttpStatus.BAD_REQUEST, modelProblems(parse));
      }
    }
    for (Throwable t : chain) {
      if (t instanceof NotFoundException
          || t instanceof NullValueException && t.getMessage() != null && t.getMessage().matches("(?is).*(not found|no \\w+ found|does not exist).*")) {
        return problem(HttpStatus.NOT_FOUND, readable(t.getMessage(), HttpStatus.NOT_FOUND));
      }
      if (t instanceof BadUserRequestException || t instanceof NullValueException
          || t instanceof FormFieldValidationException) {
        return problem(HttpStatus.BAD_REQUEST, readable(t.getMessage(), HttpStatus.BAD_REQUEST));
      }
    }
    for (Throwable t : chain) {
      // ENGINE-17007: a variable sent as a serialized Java object, which the engine does not take
      if (t.getMessage() != null && t.getMessage().contains("Java serialization format is prohibited")) {
        return problem(HttpStatus.BAD_REQUEST, "Values serialized as Java objects are not accepted; send text, "
            + "numbers, true/false, dates or JSON.");
      }
    }
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, null);
  }

  private static Problem problem(HttpStatus status, String detail) {
    String id = CorrelationId.current();
    if (detail == null || detail.isBlank()) {
      detail = status.is5xxServerError()
          ? "Something went wrong on our side. The details are in the server log under correlation id " + id + "."
          : generic(status);
    }
    return new Problem(status, detail, id);
  }

  /** The engine's message without its codes and internal ids, or null when it shows internals. */
  static String readable(String message, HttpStatus status) {
    if (message == null) {
      return generic(status);
    }
    String text = ENGINE_CODE.matcher(message).replaceAll("");
    text = REST_PREFIX.matcher(text).replaceFirst("");
    text = ENGINE_CODE.matcher(text).replaceAll("");
    text = NULL_TAIL.matcher(text).replaceFirst(".").trim();
    text = CAMUNDA_ID.matcher(text).replaceAll("…");
    if (text.isBlank() || text.length() > 600 || INTERNALS.matcher(text).find()) {
      return generic(status);
    }
    return text;
  }

  private static final Pattern CANNOT_CONVERT =
      Pattern.compile("Cannot convert value '(.{0,2000}?)' of type '(\\w{1,40})' to java type", Pattern.DOTALL);
  private static final Pattern SERIALIZED_AS_TEXT =
      Pattern.compile("Must provide 'null' or String value for value of SerializableValue type '(\\w{1,40})'");
  private static final Pattern NO_SUCH_TYPE = Pattern.compile("Unsupported value type '(.{0,80}?)'");

  /**
   * Camunda REST's refusals of a variable whose value does not fit the type the request gives it (they name neither
   * the variable nor anything a user knows, and show Java types): said in words, with the value and the type.
   */
  static String valueOfWrongType(String message) {
    if (message == null) {
      return null;
    }
    Matcher convert = CANNOT_CONVERT.matcher(message);
    if (convert.find()) {
      String shown = shortValue(convert.group(1));
      return "A value of the request cannot be read as " + typeName(convert.group(2))
          + (INTERNALS.matcher(shown).find() ? "." : ": " + shown + ".");
    }
    Matcher serialized = SERIALIZED_AS_TEXT.matcher(message);
    if (serialized.find()) {
      return "A value of type " + typeName(serialized.group(1)) + " is given as text (its JSON or XML written out), "
          + "not as a list or object.";
    }
    Matcher noType = NO_SUCH_TYPE.matcher(message);
    if (noType.find()) {
      String type = noType.group(1).matches("[A-Za-z]{1,40}") ? "'" + noType.group(1) + "'" : "given";
      return "A value of the request names a type there is none of: " + type + ". Use String, Integer, Long, "
          + "Double, Boolean, Date or Json.";
    }
    return null;
  }

  private static String typeName(String type) {
    return switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "integer", "long", "short" -> "a whole number (" + type + ")";
      case "double" -> "a number (Double)";
      case "boolean" -> "true or false (Boolean)";
      case "date" -> "a date and time (Date, such as 2026-03-10T00:00:00.000+0000)";
      case "json", "xml" -> type;
      default -> "'" + type + "'";
    };
  }

  static String generic(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request is not valid.";
      case UNAUTHORIZED -> "Log in first: this needs a user and password.";
      case FORBIDDEN -> "You may not do this.";
      case NOT_FOUND -> "There is no such thing here, or you may not see it.";
      case METHOD_NOT_ALLOWED -> "This address does not accept this kind of request (HTTP method).";
      case NOT_ACCEPTABLE -> "This address cannot answer in the format the request asks for (Accept header).";
      case CONFLICT -> "This clashes with the current state of the record; reload and try again.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept a body of this type (Content-Type header).";
      case TOO_MANY_REQUESTS -> "Too many requests; wait a little and try again.";
      default -> status.getReasonPhrase() + ".";
    };
  }

  private static String notAllowed(AuthorizationException denied) {
    List<MissingAuthorization> missing = denied.getMissingAuthorizations();
    if (missing == null || missing.isEmpty()) {
      return "You may not do this.";
    }
    String needs = missing.stream()
        .map(m -> m.getViolatedPermissionName() + " on " + resource(m.getResourceType(), m.getResourceId()))
        .distinct().collect(Collectors.joining(" or "));
    return "You may not do this: it needs the permission " + needs + ".";
  }

  /** A model that does not deploy: what the parser found, for the process owner who drew it. */
  private static String modelProblems(ParseException parse) {
    String problems = parse.getResorceReports().stream()
        .flatMap(report -> report.getErrors().stream().map(error -> report.getResourceName()
            + (error.getLine() > 0 ? " line " + error.getLine() : "")
            + (error.getMainElementId() != null ? " (" + error.getMainElementId() + ")" : "") + ": "
            + ENGINE_CODE.matcher(String.valueOf(error.getMessage())).replaceAll("")))
        .limit(10).collect(Collectors.joining("; "));
    return problems.isEmpty() ? "The model cannot be deployed." : "The model cannot be deployed: " + problems;
  }

  private static String resource(String type, String id) {
    String name = type == null ? "the resource" : type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    if (id == null || "*".equals(id)) {
      return "any " + name;
    }
    return CAMUNDA_ID.matcher(id).matches() ? "this " + name : name + " '" + id + "'";
  }

  private static String doesNotFit(JsonMappingException mapping) {
    String field = mapping.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    String where = field.isEmpty() ? "The request body" : "The field '" + field + "'";
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return "The request body has a field this address does not know: '" + unknown.getPropertyName() + "'.";
    }
    if (mapping instanceof InvalidFormatException invalid) {
      return where + " has a value of the wrong kind: " + shortValue(invalid.getValue()) + ".";
    }
    if (mapping instanceof MismatchedInputException) {
      return where + " has the wrong shape (a text, number, list or object where another one belongs).";
    }
    return where + " cannot be read.";
  }

  private static String shortValue(Object value) {
    String text = String.valueOf(value);
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }

  private static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t) && chain.size() < 25; t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static String describe(Throwable error) {
    return chain(error).stream().map(t -> t.getClass().getSimpleName()).collect(Collectors.joining(" <- "));
  }
}
