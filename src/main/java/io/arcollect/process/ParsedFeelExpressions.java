package io.arcollect.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Issue 17: the DMN engine's FEEL (Camunda's {@link ScalaFeelEngine}) parses every cell's text again at every
 * evaluation: a rule table of 43 rows and 6 inputs is 258 parses per case. This engine plugin gives the DMN engine a
 * FEEL engine that parses each text once and keeps the parsed expression (texts of deployed tables: a bounded set;
 * cleared when it grows past {@link #MAX_CACHED}); evaluation is Camunda's own, with the same context, functions and
 * value mappers. With Camunda's legacy FEEL ({@code dmnFeelEnableLegacyBehavior}) nothing changes.
 */
@Component
class ParsedFeelExpressions extends AbstractProcessEnginePlugin {

  static final int MAX_CACHED = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = new DefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      DefaultDmnEngineConfiguration settings = dmn;
      // created when the DMN engine is built, after every plugin had its say on functions and legacy FEEL
      dmn.setFeelEngineFactory(new FeelEngineFactory() {
        @Override
        public FeelEngine createInstance() {
          return settings.isEnableFeelLegacyBehavior() ? new FeelEngineFactoryImpl().createInstance()
              : new Engine(settings.getFeelCustomFunctionProviders());
        }
      });
    }
  }

  /** Camunda's FEEL engine, evaluating parsed expressions it keeps instead of parsing the text each time. */
  static final class Engine extends ScalaFeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    Engine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      ContextVariableWrapper wrapped = new ContextVariableWrapper(variables);
      return (T) value(feelEngine.eval(parsed(expressions, expression, feelEngine::parseExpression),
          new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
              return wrapped;
            }
          }));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
      // as ScalaFeelEngine: the input's name under FEEL's input variable name, then the variables
      VariableProvider input = new VariableProvider.StaticVariableProvider(
          new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
      VariableProvider all = new VariableProvider.CompositeVariableProvider(
          toScalaList(input, new ContextVariableWrapper(variables)));
      Object result = value(feelEngine.eval(parsed(unaryTests, expression, feelEngine::parseUnaryTests),
          new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
              return all;
            }
          }));
      return camundajar.impl.scala.runtime.BoxesRunTime.unboxToBoolean(result);
    }

    private static ParsedExpression parsed(Map<String, Either<Failure, ParsedExpression>> cache, String text,
        Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> parsed = cache.get(text);
      if (parsed == null) {
        if (cache.size() >= MAX_CACHED) {
          cache.clear();
        }
        parsed = parse.apply(text);
        cache.put(text, parsed);
      }
      return (ParsedExpression) value(parsed);
    }

    /** The value of a Right; a Left (a parse or evaluation failure) as Camunda's FEEL engine reports it. */
    private static Object value(Either<Failure, ?> result) {
      if (result instanceof Right<?, ?> right) {
        return right.value();
      }
      throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
    }
  }
}
