package io.arcollect.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The {@code page} and {@code size} (or {@code limit}) of the API's lists, checked the same way everywhere: a page
 * below 0 or a size outside 1 to the list's maximum is refused in words (400) instead of being quietly changed or
 * failing inside the database layer.
 */
public final class Paging {

  private Paging() {}

  /** Page {@code page} (from 0) of {@code size} rows, at most {@code max}. */
  public static PageRequest of(int page, int size, int max) {
    return PageRequest.of(page(page), size(size, max, "size"));
  }

  /** The same, sorted. */
  public static PageRequest of(int page, int size, int max, Sort sort) {
    return PageRequest.of(page(page), size(size, max, "size"), sort);
  }

  /** A count of rows the caller asks for ({@code size}, {@code limit}): from 1 to {@code max}. */
  public static int size(int size, int max, String name) {
    if (size < 1 || size > max) {
      throw UserError.badInput(name + " must be a whole number from 1 to " + max + " (it is " + size + ").");
    }
    return size;
  }

  private static int page(int page) {
    if (page < 0) {
      throw UserError.badInput("page counts from 0 (it is " + page + ").");
    }
    return page;
  }
}
