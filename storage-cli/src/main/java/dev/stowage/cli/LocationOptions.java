package dev.stowage.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How a file command reads its locations: {@code --no-query} makes everything after the bucket the
 * path (so a key holding {@code ?} or {@code #}, which another client may have written, can be
 * named), and {@code --endpoint} and {@code --setting KEY=VALUE} give the settings a query would
 * otherwise carry, for every {@code b2:} and {@code s3:} location of the command. A setting given
 * both here and in a location's query is refused, as are credentials (they come from the
 * environment only).
 */
final class LocationOptions {

  private static final Set<String> CREDENTIALS =
      Set.of("keyid", "applicationkey", "accesskey", "secretkey", "sessiontoken");

  @Option(
      names = "--no-query",
      description = {
        "Read b2:/s3: locations without a query: everything after the bucket is",
        "the path, '?' and '#' included. Give settings with --endpoint or --setting."
      })
  boolean noQuery;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "The endpoint of every b2:/s3: location (the endpoint= setting).")
  @Nullable String endpoint;

  @Option(
      names = {"-S", "--setting"},
      paramLabel = "KEY=VALUE",
      description = {
        "A provider setting for every b2:/s3: location, as its query would give it",
        "(repeatable), e.g. -S region=us-west-004 -S profile=b2."
      })
  Map<String, String> settings = new LinkedHashMap<>();

  /** No location options: queries are read, no extra settings. */
  static final LocationOptions NONE = new LocationOptions();

  /** Parses a command argument as {@link Location#parse} does, honouring {@code --no-query}. */
  Location parse(String arg, Path workingDirectory) {
    return Location.parse(arg, workingDirectory, !noQuery);
  }

  /**
   * Returns the settings these options give the location whose root is {@code root}.
   *
   * @throws UsageException when a setting names a credential, or the root's query sets it too
   */
  Map<String, String> settings(String scheme, String root) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!"b2".equals(scheme) && !"s3".equals(scheme)) {
      return out;
    }
    Map<String, String> given = new LinkedHashMap<>(settings);
    if (endpoint != null) {
      if (given.containsKey("endpoint")) {
        throw new UsageException("--endpoint and --setting endpoint=… both given; give one");
      }
      given.put("endpoint", endpoint);
    }
    Map<String, String> query = TransferOptions.query(root);
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (CREDENTIALS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        throw new UsageException(
            "--setting "
                + e.getKey()
                + "=… is a credential: credentials come from the "
                + "environment only (B2_APPLICATION_KEY_ID/B2_APPLICATION_KEY, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)");
      }
      if (query.containsKey(e.getKey())) {
        throw new UsageException(
            "--setting "
                + e.getKey()
                + " conflicts with "
                + e.getKey()
                + "= in '"
                + Session.safe(root)
                + "'; give one of the two");
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
