package io.arcollect.system;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies of the project's API (/api) read as written: a number or true/false where a text belongs (a bank
 * reference of 5) and a number where a date belongs (20260302, which Jackson reads as a day counted from 1970) are
 * refused in words (see {@link Problem}) instead of being turned into something the sender did not mean.
 * Camunda's REST API has its own reader and is not changed.
 */
@Configuration
class JsonInput {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonAsWritten() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.setDefaultLeniency(false);
      mapper.coercionConfigFor(LogicalType.Textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    });
  }
}
