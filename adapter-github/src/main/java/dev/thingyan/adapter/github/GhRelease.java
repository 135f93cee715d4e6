package dev.thingyan.adapter.github;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fields of GitHub's release object that a release source needs; the rest is ignored.
 * Values are as GitHub sends them (times as ISO-8601 text) and may be null; {@link ReleaseMapper} decides what they mean.
 */
record GhRelease(
    @JsonProperty("tag_name") String tagName,
    @JsonProperty("name") String name,
    @JsonProperty("body") String body,
    @JsonProperty("draft") boolean draft,
    @JsonProperty("prerelease") boolean prerelease,
    @JsonProperty("published_at") String publishedAt,
    @JsonProperty("assets") List<GhAsset> assets) {

  /**
   * A release asset.
   *
   * @param url the API URL ({@code .../releases/assets/{id}}): with {@code Accept:
   *     application/octet-stream} it answers with the bytes (through a redirect), also for private
   *     repositories, unlike {@code browser_download_url}
   */
  record GhAsset(
      @JsonProperty("url") String url,
      @JsonProperty("name") String name,
      @JsonProperty("size") long size,
      @JsonProperty("content_type") String contentType,
      @JsonProperty("state") String state) {}
}
