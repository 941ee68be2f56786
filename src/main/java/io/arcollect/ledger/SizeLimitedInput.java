package io.arcollect.ledger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads an upload up to a limit and fails beyond it, so a huge body is never held in memory. */
final class SizeLimitedInput extends FilterInputStream {

  private final long limit;
  private long count;

  SizeLimitedInput(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  private void counted(int n) {
    count += n;
    if (count > limit) {
      throw new ImportTooLargeException(limit);
    }
  }
}
