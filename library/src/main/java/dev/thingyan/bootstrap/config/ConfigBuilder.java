package dev.thingyan.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration in code for a host that embeds thingyan: the typed setters cover what every
 * host sets; {@link #set(String, Object)} reaches any other key of {@code thingyan.yaml} by its
 * dotted path ({@code health.retries}, {@code backup.keep}). {@link #build()} binds the result
 * exactly as {@link ConfigLoader} binds a file, so the profile's defaults apply and every problem
 * is listed in one {@link ConfigException}; no {@code journal} is needed when the host passes its
 * own DataSource to the builder of the system.
 *
 * <pre>{@code
 * ThingyanConfig config = ThingyanConfig.builder()
 *     .appRoot(Path.of("/srv/pms")).profile(Profile.LARAVEL)
 *     .githubSource("acme/pms").publicKey("RWQ...")
 *     .database(DatabaseConfig.Engine.POSTGRESQL, "jdbc:postgresql://127.0.0.1/pms")
 *     .healthUrl("http://127.0.0.1/health")
 *     .build();
 * }</pre>
 */
public final class ConfigBuilder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ObjectNode tree = NODES.objectNode();
  private Path baseDir = Path.of("").toAbsolutePath();

  ConfigBuilder() {}

  /** {@code app.root}: the folder holding releases/, shared/ and current. */
  public ConfigBuilder appRoot(Path root) {
    return set("app.root", root);
  }

  /** {@code app.profile}: the hooks and paths of a Laravel app, a JVM service, or none. */
  public ConfigBuilder profile(Profile profile) {
    return set("app.profile", Objects.requireNonNull(profile, "profile").key());
  }

  /** {@code source}: GitHub Releases of {@code owner/name} (public; see {@link #set} for a token). */
  public ConfigBuilder githubSource(String ownerSlashName) {
    set("source.type", "github");
    return set("source.github.repo", ownerSlashName);
  }

  /** {@code source}: release folders in a local folder. */
  public ConfigBuilder folderSource(Path folder) {
    set("source.type", "folder");
    return set("source.folder.path", folder);
  }

  /** {@code verify.public_keys}: a minisign public key releases must be signed with (repeatable). */
  public ConfigBuilder publicKey(String minisignKey) {
    ArrayNode keys = tree.withObject("verify").withArray("public_keys");
    keys.add(minisignKey);
    return this;
  }

  /** {@code database}: the app's database (backed up before each update). */
  public ConfigBuilder database(DatabaseConfig.Engine engine, String jdbcUrl) {
    set("database.engine", engine.key());
    return set("database.url", jdbcUrl);
  }

  /** {@code health.checks}: an HTTP check of the app after each swap (repeatable). */
  public ConfigBuilder healthUrl(String url) {
    ObjectNode check = NODES.objectNode();
    check.put("type", "http");
    check.put("url", url);
    tree.withObject("health").withArray("checks").add(check);
    return this;
  }

  /** What relative paths are taken from (default: the working directory). */
  public ConfigBuilder baseDir(Path dir) {
    this.baseDir = dir.toAbsolutePath().normalize();
    return this;
  }

  /**
   * Sets any key by its path in {@code thingyan.yaml} (see {@code thingyan.example.yaml}).
   *
   * @param value a String, Number, Boolean, Path, Duration (written as seconds), a Collection of
   *     those, or a Map of key to those
   */
  public ConfigBuilder set(String dottedKey, Object value) {
    String[] parts = Objects.requireNonNull(dottedKey, "dottedKey").split("\\.");
    ObjectNode parent = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.withObject(parts[i]);
    }
    parent.set(parts[parts.length - 1], node(value));
    return this;
  }

  /** @throws ConfigException listing every problem, each naming its key */
  public ThingyanConfig build() {
    return ConfigLoader.bindTree(tree.deepCopy(), "configuration built in code", baseDir);
  }

  private static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    if (value instanceof Duration d) {
      return NODES.textNode(d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms");
    }
    if (value instanceof Collection<?> c) {
      ArrayNode array = NODES.arrayNode();
      c.forEach(v -> array.add(node(v)));
      return array;
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode object = NODES.objectNode();
      m.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
      return object;
    }
    return NODES.textNode(value.toString());
  }
}
