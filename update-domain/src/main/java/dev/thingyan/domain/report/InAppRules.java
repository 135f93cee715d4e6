package dev.thingyan.domain.report;

import dev.thingyan.ports.model.report.StackFrame;
import java.util.List;

/**
 * Which frames are the application's own: a frame is in-app when its function starts with one of
 * the namespaces ({@code dev.thingyan.}, {@code App\}) or its file contains one of the path
 * markers ({@code /app/}, {@code /src/}), unless its file contains a vendor marker
 * ({@code /vendor/}, {@code node_modules}), which always wins.
 *
 * @param namespaces function prefixes of the application's code
 * @param pathMarkers file path parts of the application's code (for scripts with bare names)
 * @param vendorMarkers file path parts of third-party code
 */
public record InAppRules(List<String> namespaces, List<String> pathMarkers,
    List<String> vendorMarkers) {

  /** The PMS's defaults: Java under dev.thingyan, Laravel under App\, a Vite frontend. */
  public static final InAppRules DEFAULT = new InAppRules(List.of("dev.thingyan.", "App\\"),
      List.of("/app/", "/src/", "/resources/js/", "/assets/index"),
      List.of("/vendor/", "node_modules", "/assets/vendor", "[internal"));

  public InAppRules {
    namespaces = List.copyOf(namespaces);
    pathMarkers = List.copyOf(pathMarkers);
    vendorMarkers = List.copyOf(vendorMarkers);
  }

  /** @return true when the frame is the application's own code. */
  public boolean isInApp(StackFrame frame) {
    // a leading slash lets "/vendor/" match a path already stripped to "vendor/…"
    String file = "/" + frame.file().orElse("").replace('\\', '/');
    if (vendorMarkers.stream().anyMatch(file::contains)) {
      return false;
    }
    return namespaces.stream().anyMatch(frame.function()::startsWith)
        || pathMarkers.stream().anyMatch(file::contains);
  }
}
