package io.arcollect.ledger;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The largest import file accepted (arcollect.import.max-size, default 10MB). */
@Component
class ImportLimits {

  private final long maxBytes;

  ImportLimits(@Value("${arcollect.import.max-size:10MB}") DataSize maxSize) {
    this.maxBytes = maxSize.toBytes();
  }

  InputStream limit(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > maxBytes) {
      throw new ImportTooLargeException(maxBytes);
    }
    return new SizeLimitedInput(body, maxBytes);
  }
}
