package dev.stowage.cli;

import dev.stowage.setup.B2BucketSetup;
import dev.stowage.setup.BucketSpec;
import dev.stowage.setup.BucketType;
import dev.stowage.setup.Change;
import dev.stowage.setup.CorsApis;
import dev.stowage.setup.CreatedKey;
import dev.stowage.setup.Encryption;
import dev.stowage.setup.InvalidSpecException;
import dev.stowage.setup.KeySpec;
import dev.stowage.setup.Plan;
import dev.stowage.setup.Retention;
import dev.stowage.setup.S3BucketSetup;
import dev.stowage.setup.SetupException;
import dev.stowage.setup.SetupResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage setup b2|s3}: creates or updates a bucket from command-line options or a spec
 * file — type, encryption, lifecycle and CORS rules, an application key — showing the plan first.
 */
@Command(
    name = "setup",
    sortOptions = false,
    description = {
      "Create or update a bucket: type, rules, CORS, keys.",
      "",
      "Makes the bucket match the spec: type, default encryption, object lock,",
      "lifecycle rules, CORS rules and (b2 only) a restricted application key.",
      "Prints the plan, then applies it; running it again changes nothing.",
      "Credentials: B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY for b2",
      "(normally the master key); the AWS variables or profile for s3."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  stowage setup b2 --bucket my-assets --type public \\",
      "      --lifecycle keep-only-last-version --cors share-all-https \\",
      "      --key-name my-app --key-capabilities listFiles,readFiles,writeFiles \\",
      "      --secrets-file my-app.env",
      "  stowage setup b2 --bucket uploads --cors origins:https://app.example.com \\",
      "      --dry-run",
      "  stowage setup s3 --bucket test --endpoint http://127.0.0.1:9000 \\",
      "      --cors origins:http://localhost:8080",
      "  stowage setup b2 --spec bucket.yaml"
    })
final class SetupCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "b2|s3",
      description =
          "The API to use: b2 (B2 native; can also create keys) or s3 (any S3-compatible service).")
  @SuppressWarnings("NullAway.Init")
  String service;

  @Option(
      names = "--bucket",
      paramLabel = "NAME",
      description = "Bucket name (or take it from --spec).")
  @Nullable String bucket;

  @Option(
      names = "--type",
      paramLabel = "private|public",
      description = "Who may download without authorization.")
  @Nullable String type;

  @Option(
      names = "--encryption",
      paramLabel = "sse-b2|none",
      description = "Default server-side encryption.")
  @Nullable String encryption;

  @Option(
      names = "--object-lock",
      description = "Enable object lock (only when the bucket is created).")
  boolean objectLock;

  @Option(
      names = "--retention",
      paramLabel = "MODE:N(d|y)",
      description =
          "b2 only: default retention of new files (object lock), e.g. governance:30d or compliance:1y.")
  @Nullable String retention;

  @Option(
      names = "--lifecycle",
      paramLabel = "PRESET",
      description =
          "Lifecycle preset (repeatable): keep-only-last-version, keep-prior-versions:N, "
              + "hide-after:N, cancel-unfinished-large-files:N; append @PREFIX to limit it.")
  List<String> lifecycle = new ArrayList<>();

  @Option(
      names = "--cors",
      paramLabel = "PRESET",
      description =
          "CORS preset: share-all-https, or origins:ORIGIN[,ORIGIN…] (e.g. origins:http://localhost:8080).")
  @Nullable String cors;

  @Option(
      names = "--cors-apis",
      paramLabel = "native|s3|both",
      defaultValue = "both",
      description = "Which API the CORS rule opens to browsers (default: ${DEFAULT-VALUE}).")
  @SuppressWarnings("NullAway.Init")
  String corsApis;

  @Option(
      names = "--key-name",
      paramLabel = "NAME",
      description = "Create an application key restricted to the bucket (b2 only).")
  @Nullable String keyName;

  @Option(
      names = "--key-capabilities",
      paramLabel = "CAP",
      split = ",",
      description = "The key's capabilities, e.g. listFiles,readFiles,writeFiles,deleteFiles.")
  List<String> keyCapabilities = new ArrayList<>();

  @Option(
      names = "--key-prefix",
      paramLabel = "P",
      description = "Restrict the key to names starting with P.")
  @Nullable String keyPrefix;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Read the spec from a JSON or YAML file; options add to it.")
  @Nullable Path spec;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "b2: the authorization URL (default: production; the emulator's URL locally). s3: the S3 endpoint.")
  @Nullable URI endpoint;

  @Option(
      names = "--region",
      paramLabel = "R",
      description = "s3 only: the signing region (default us-east-1).")
  @Nullable String region;

  @Option(names = "--dry-run", description = "Show the plan and change nothing.")
  boolean dryRun;

  @Option(
      names = "--replace",
      description = "Remove rules on the bucket that the spec does not list.")
  boolean replace;

  @Option(
      names = "--secrets-file",
      paramLabel = "FILE",
      description =
          "Where to save a new key's id and secret (mode 0600); required when a key is created.")
  @Nullable Path secretsFile;

  private final CliContext context;

  SetupCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    boolean b2 = "b2".equalsIgnoreCase(service);
    if (!b2 && !"s3".equalsIgnoreCase(service)) {
      throw new UsageException("unknown service '" + service + "': use 'setup b2' or 'setup s3'");
    }
    if (!b2 && keyName != null) {
      throw new UsageException(
          "keys can be created only through the B2 native API; use 'stowage setup b2'");
    }
    if (b2 && region != null) {
      throw new UsageException("--region applies to 'setup s3' only");
    }
    BucketSpec bucketSpec = spec();
    PrintWriter out = context.out();
    try {
      Plan plan;
      SetupResult result;
      if (b2) {
        try (B2BucketSetup setup = b2Setup()) {
          plan = setup.plan(bucketSpec);
          // With a secrets file, setup checks it can write there before any change and deletes a
          // new key again if the write still fails, so a secret is never lost.
          result =
              !decide(plan, out)
                  ? null
                  : secretsFile != null ? setup.apply(plan, secretsFile) : setup.apply(plan);
        }
      } else {
        try (S3BucketSetup setup = s3Setup()) {
          plan = setup.plan(bucketSpec);
          result = decide(plan, out) ? setup.apply(plan) : null;
        }
      }
      if (result != null) {
        report(result, out);
      }
    } catch (InvalidSpecException e) {
      throw new UsageException("invalid spec: " + e.getMessage(), e);
    } catch (SetupException e) {
      throw new CommandFailedException(
          "setup of bucket '" + bucketSpec.name() + "' failed: " + e.getMessage(), e);
    }
    return Stowage.OK;
  }

  /** Prints the plan and returns whether to apply it; refuses before any change when a new key's secret would be lost. */
  private boolean decide(Plan plan, PrintWriter out) {
    out.println(plan);
    out.flush();
    boolean createsKey =
        plan.mutations().stream().anyMatch(c -> c.action() == Change.Action.CREATE_KEY);
    if (createsKey && secretsFile == null && !dryRun) {
      throw new UsageException(
          "a new key's secret is shown only once: add --secrets-file FILE to keep it");
    }
    if (createsKey && secretsFile != null && Files.exists(secretsFile)) {
      throw new UsageException(
          "'" + secretsFile + "' exists; choose another --secrets-file (it is never overwritten)");
    }
    if (dryRun) {
      out.println("dry run: nothing changed");
      return false;
    }
    if (!plan.conflicts().isEmpty()) {
      context
          .err()
          .println(
              "stowage: warning: "
                  + plan.conflicts().size()
                  + " conflict(s) above will not be applied");
    }
    return plan.hasChanges();
  }

  private void report(SetupResult result, PrintWriter out) throws IOException {
    out.println(
        "applied "
            + result.applied().size()
            + " change(s) to "
            + result.service()
            + " bucket '"
            + result.bucketName()
            + "'"
            + (result.bucketId() == null ? "" : " (id " + result.bucketId() + ")"));
    if (result.s3Endpoint() != null) {
      out.println("S3 endpoint: " + result.s3Endpoint());
    }
    if (!result.createdKeys().isEmpty()) {
      if (secretsFile != null && !Files.exists(secretsFile)) {
        result.writeSecrets(secretsFile, false);
      }
      for (CreatedKey key : result.createdKeys()) {
        out.println(
            "created key '"
                + key.keyName()
                + "' (id "
                + key.applicationKeyId()
                + "); secret saved to "
                + secretsFile);
      }
    }
  }

  private BucketSpec spec() throws IOException {
    BucketSpec.Builder b;
    if (spec != null) {
      BucketSpec fromFile;
      try {
        fromFile = BucketSpec.read(spec);
      } catch (InvalidSpecException e) {
        throw new UsageException("'" + spec + "': " + e.getMessage(), e);
      }
      if (bucket != null && !bucket.equals(fromFile.name())) {
        throw new UsageException(
            "--bucket " + bucket + " differs from the spec's name '" + fromFile.name() + "'");
      }
      b = fromFile.toBuilder();
    } else if (bucket == null) {
      throw new UsageException("name the bucket with --bucket NAME (or give --spec FILE)");
    } else {
      b = BucketSpec.builder(bucket);
    }
    try {
      if (type != null) {
        b.type(BucketType.parse(type));
      }
      if (encryption != null) {
        b.encryption(Encryption.parse(encryption));
      }
      if (objectLock) {
        b.objectLock(true);
      }
      if (retention != null) {
        b.retention(Retention.parse(retention));
      }
      lifecycle.forEach(b::lifecyclePreset);
      if (cors != null) {
        b.corsPreset(cors, CorsApis.parse(corsApis));
      }
      if (replace) {
        b.replace(true);
      }
      if (keyName != null) {
        if (keyCapabilities.isEmpty()) {
          throw new UsageException(
              "--key-name needs --key-capabilities, e.g. listFiles,readFiles,writeFiles");
        }
        KeySpec key = KeySpec.of(keyName, keyCapabilities);
        b.key(keyPrefix == null ? key : key.withNamePrefix(keyPrefix));
      } else if (!keyCapabilities.isEmpty() || keyPrefix != null) {
        throw new UsageException("--key-capabilities and --key-prefix need --key-name");
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
  }

  private B2BucketSetup b2Setup() {
    String id = context.getenv("B2_APPLICATION_KEY_ID");
    String key = context.getenv("B2_APPLICATION_KEY");
    if (id == null || key == null) {
      throw new UsageException(
          "set B2_APPLICATION_KEY_ID and B2_APPLICATION_KEY (normally the master key) in the environment");
    }
    B2BucketSetup.Builder b = B2BucketSetup.builder().credentials(id, key);
    if (endpoint != null) {
      b.endpoint(endpoint);
    }
    return b.build();
  }

  private S3BucketSetup s3Setup() {
    S3BucketSetup.Builder b = S3BucketSetup.builder();
    if (endpoint != null) {
      b.endpoint(endpoint);
    }
    if (region != null) {
      b.region(region);
    }
    String id = context.getenv("AWS_ACCESS_KEY_ID");
    String secret = context.getenv("AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null && context.getenv("AWS_SESSION_TOKEN") == null) {
      b.credentials(id, secret);
    }
    return b.build();
  }
}
