package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson decoding for the issue calls. An {@link IssuePage} is built from the JSON array without
 * the pull requests GitHub mixes into issue listings, plus the {@code Link} header's next page.
 */
final class IssueDecoder implements Decoder {
  private final ObjectMapper mapper;
  private final JacksonDecoder json;

  IssueDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
    this.json = new JacksonDecoder(mapper);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type != IssuePage.class) {
      return json.decode(response, type);
    }
    JsonNode items = readArray(response);
    List<GhIssue> issues = new ArrayList<>();
    for (JsonNode item : items) {
      GhIssue issue = mapper.treeToValue(item, GhIssue.class);
      if (!issue.isPullRequest()) {
        issues.add(issue);
      }
    }
    return new IssuePage(issues, LinkHeader.find(response.headers().get("link"), "next"));
  }

  private JsonNode readArray(Response response) throws IOException {
    if (response.body() == null) {
      return mapper.createArrayNode();
    }
    try (InputStream in = response.body().asInputStream()) {
      JsonNode node = mapper.readTree(in);
      if (node == null || node.isMissingNode()) {
        return mapper.createArrayNode();
      }
      if (!node.isArray()) {
        throw new DecodeException(response.status(), "expected a JSON array of issues, got "
            + node.getNodeType(), response.request());
      }
      return node;
    }
  }
}
