package io.arcollect.process;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The HTTP connector's request-config for calls to outside systems (SMS gateway, webhooks), used in the BPMN as
 * {@code ${httpCallSettings.config}}: an HTTP error status (4xx, 5xx) fails the job like a network error does,
 * so it is retried and then becomes an incident; and a gateway that hangs fails too instead of holding a job
 * executor thread forever. Timeouts in milliseconds, as Integers, which the connector requires.
 */
@Component("httpCallSettings")
public class HttpCallSettings {

  public Map<String, Object> getConfig() {
    return Map.of("throw-http-error", "true", "connection-timeout", 5_000, "connection-request-timeout", 5_000,
        "socket-timeout", 15_000);
  }
}
