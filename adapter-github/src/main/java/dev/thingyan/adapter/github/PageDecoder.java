package dev.thingyan.adapter.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Jackson decoding, plus the one thing a body does not carry: for a {@link ReleasePage}, the
 * {@code Link} header's next page.
 */
final class PageDecoder implements Decoder {
  private final JacksonDecoder json;
  private final Type releaseList;

  PageDecoder(ObjectMapper mapper) {
    this.json = new JacksonDecoder(mapper);
    this.releaseList = TypeFactory.defaultInstance().constructCollectionType(List.class, GhRelease.class);
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (type != ReleasePage.class) {
      return json.decode(response, type);
    }
    @SuppressWarnings("unchecked")
    List<GhRelease> releases = (List<GhRelease>) json.decode(response, releaseList);
    return new ReleasePage(releases == null ? List.of() : releases,
        LinkHeader.find(response.headers().get("link"), "next"));
  }
}
