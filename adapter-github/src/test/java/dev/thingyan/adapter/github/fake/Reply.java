package dev.thingyan.adapter.github.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer the fake is about to send. */
record Reply(int status, Map<String, String> headers, byte[] body) {
  Reply {
    headers = new LinkedHashMap<>(headers);
  }

  static Reply json(int status, JsonNode body) {
    try {
      return new Reply(status, Map.of("content-type", "application/json; charset=utf-8"),
          IssueJson.JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub's front end answers some failures (502, 503) with a page, not JSON. */
  static Reply html(int status, String text) {
    return new Reply(status, Map.of("content-type", "text/html; charset=utf-8"),
        ("<!DOCTYPE html><html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
  }

  Reply with(String header, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(header, value);
    return new Reply(status, more, body);
  }
}
