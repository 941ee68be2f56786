package io.arcollect.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The sentences behind the strategy's talking-point keys, read from processes/TALKING-POINTS.md: process
 * owners keep the table and the text side by side, and a new key needs no Java.
 */
@Component
public class TalkingPoints {

  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*(.+?)\\s*\\|\\s*$", Pattern.MULTILINE);

  private final Map<String, String> sentences;

  TalkingPoints() {
    try (InputStream in = TalkingPoints.class.getResourceAsStream("/processes/TALKING-POINTS.md")) {
      if (in == null) {
        throw new IllegalStateException("processes/TALKING-POINTS.md is not on the classpath");
      }
      Matcher rows = ROW.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, String> read = new LinkedHashMap<>();
      while (rows.find()) {
        read.put(rows.group(1), rows.group(2));
      }
      sentences = Map.copyOf(read);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One numbered line per key, in the strategy's order; an unknown key is shown as it is. */
  public String describe(String keys) {
    if (keys == null || keys.isBlank()) {
      return "";
    }
    String[] list = keys.split(",");
    return java.util.stream.IntStream.range(0, list.length)
        .mapToObj(i -> (i + 1) + ". " + sentences.getOrDefault(list[i].trim(), list[i].trim()))
        .collect(Collectors.joining("\n"));
  }

  public boolean knows(String key) {
    return sentences.containsKey(key);
  }
}
