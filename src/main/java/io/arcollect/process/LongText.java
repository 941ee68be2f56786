package io.arcollect.process;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Text variables longer than Camunda's text columns (4,000 characters), such as a collector's long notes: stored
 * as bytes (UTF-8) instead of failing at the insert, and still a String to everyone who reads them (Tasklist, the
 * REST API, history). Shorter texts keep Camunda's own String storage, so queries by value keep working for them.
 */
class LongText extends AbstractTypedValueSerializer<StringValue> {

  static final String NAME = "arcollectLongText";
  /** Camunda's TEXT_ columns are varchar(4000) on H2 and PostgreSQL (characters). */
  static final int LIMIT = 4000;

  LongText() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    Object text = value.getValue();
    return text instanceof String s && s.length() > LIMIT;
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean deserialize, boolean asTransientValue) {
    byte[] bytes = fields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }
}
