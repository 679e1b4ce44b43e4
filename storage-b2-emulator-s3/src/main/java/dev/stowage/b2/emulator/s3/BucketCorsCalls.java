package dev.stowage.b2.emulator.s3;

import dev.stowage.b2.emulator.EmulatorStore;
import dev.stowage.b2.emulator.EmulatorStore.CorsRule;
import dev.stowage.b2.emulator.EmulatorStore.KeyView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gaul.s3proxy.GatedS3Server.Refusal;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * PutBucketCors, GetBucketCors and DeleteBucketCors ({@code ?cors} on a bucket), which S3Proxy does
 * not implement, answered over the bucket's native {@code corsRules}: the rules B2 keeps for both
 * APIs. A rule set over S3 becomes a native rule whose operations are the {@code s3_*} ones of its
 * methods; GetBucketCors shows the rules that allow any S3 operation. As on B2: a PUT replaces every
 * rule, an empty {@code AllowedOrigin} or a {@code MaxAgeSeconds} outside 0..86400 is refused, and
 * the document may be at most 100 KB. The caller needs {@code writeBuckets} (PUT, DELETE) or
 * {@code readBuckets} (GET) on the bucket.
 */
final class BucketCorsCalls {
  static final int MAX_DOCUMENT = 100 * 1024;
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final Map<String, String> OPERATIONS =
      Map.of(
          "GET",
          "s3_get",
          "HEAD",
          "s3_head",
          "PUT",
          "s3_put",
          "POST",
          "s3_post",
          "DELETE",
          "s3_delete");
  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{5,49}");
  private static final Pattern CORS_QUERY = Pattern.compile("(^|&)cors(=[^&]*)?($|&)");

  private final EmulatorStore store;

  BucketCorsCalls(EmulatorStore store) {
    this.store = store;
  }

  /** Returns whether the request is a bucket-CORS call this class answers. */
  static boolean applies(HttpServletRequest request) {
    String query = request.getQueryString();
    String path = request.getRequestURI();
    return query != null
        && CORS_QUERY.matcher(query).find()
        && path != null
        && path.length() > 1
        && path.indexOf('/', 1) < 0
        && Set.of("GET", "PUT", "DELETE").contains(request.getMethod());
  }

  /** Answers the call, or returns the refusal to answer with. */
  @Nullable Refusal answer(
      HttpServletRequest request, HttpServletResponse response, @Nullable String bucketName)
      throws IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_DOCUMENT + 1);
    if (body.length > MAX_DOCUMENT) {
      // Refused unread: no signature can be checked over a body that was not read whole.
      return new Refusal(
          400, "MaxMessageLengthExceeded", "the CORS configuration is larger than 100 KB");
    }
    SigV4Check.Signed signed = SigV4Check.parse(request);
    if (signed == null) {
      return new Refusal(
          403, "AccessDenied", "bucket CORS calls must be signed (AWS Signature Version 4)");
    }
    KeyView key = store.key(signed.keyId());
    if (key == null || key.master() || key.expired()) {
      return new Refusal(403, "InvalidAccessKeyId", "Malformed Access Key Id");
    }
    if (!SigV4Check.verify(request, body, signed, key.secret())) {
      return new Refusal(403, "SignatureDoesNotMatch", "Signature validation failed");
    }
    EmulatorStore.BucketView bucket = bucketName == null ? null : store.bucket(bucketName);
    if (bucket == null) {
      return new Refusal(404, "NoSuchBucket", "The specified bucket does not exist: " + bucketName);
    }
    String needed = request.getMethod().equals("GET") ? "readBuckets" : "writeBuckets";
    if (!key.has(needed) || (key.bucketId() != null && !key.bucketId().equals(bucket.bucketId()))) {
      return new Refusal(
          403, "AccessDenied", "not entitled: the key needs " + needed + " on " + bucketName);
    }
    switch (request.getMethod()) {
      case "GET":
        return get(response, bucket);
      case "DELETE":
        store.setCorsRules(bucket.bucketId(), List.of());
        response.setStatus(204);
        return Refusal.ANSWERED;
      default:
        return put(response, bucket, body);
    }
  }

  private Refusal get(HttpServletResponse response, EmulatorStore.BucketView bucket)
      throws IOException {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CORSConfiguration xmlns=\"")
            .append(NS)
            .append("\">");
    int shown = 0;
    for (CorsRule rule : store.corsRules(bucket.bucketId())) {
      List<String> methods = new ArrayList<>();
      OPERATIONS.forEach(
          (method, operation) -> {
            if (rule.allowedOperations().contains(operation)) {
              methods.add(method);
            }
          });
      if (methods.isEmpty()) {
        continue;
      }
      methods.sort(null);
      shown++;
      xml.append("<CORSRule><ID>").append(escape(rule.name())).append("</ID>");
      rule.allowedOrigins()
          .forEach(o -> xml.append("<AllowedOrigin>").append(escape(o)).append("</AllowedOrigin>"));
      methods.forEach(m -> xml.append("<AllowedMethod>").append(m).append("</AllowedMethod>"));
      rule.allowedHeaders()
          .forEach(h -> xml.append("<AllowedHeader>").append(escape(h)).append("</AllowedHeader>"));
      rule.exposeHeaders()
          .forEach(h -> xml.append("<ExposeHeader>").append(escape(h)).append("</ExposeHeader>"));
      xml.append("<MaxAgeSeconds>")
          .append(rule.maxAgeSeconds())
          .append("</MaxAgeSeconds></CORSRule>");
    }
    if (shown == 0) {
      return new Refusal(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist");
    }
    byte[] bytes = xml.append("</CORSConfiguration>").toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/xml");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    return Refusal.ANSWERED;
  }

  private Refusal put(HttpServletResponse response, EmulatorStore.BucketView bucket, byte[] body) {
    List<CorsRule> rules = new ArrayList<>();
    try {
      Document doc = parser().parse(new ByteArrayInputStream(body));
      Element root = doc.getDocumentElement();
      if (!root.getLocalName().equals("CORSConfiguration")) {
        return malformed("the root element must be CORSConfiguration");
      }
      NodeList ruleNodes = root.getElementsByTagNameNS("*", "CORSRule");
      if (ruleNodes.getLength() == 0) {
        return malformed("a CORS configuration needs at least one CORSRule");
      }
      for (int i = 0; i < ruleNodes.getLength(); i++) {
        Element rule = (Element) ruleNodes.item(i);
        List<String> origins = texts(rule, "AllowedOrigin");
        if (origins.isEmpty() || origins.stream().anyMatch(String::isBlank)) {
          return malformed("every CORSRule needs a non-empty AllowedOrigin");
        }
        Set<String> operations = new LinkedHashSet<>();
        for (String method : texts(rule, "AllowedMethod")) {
          String operation = OPERATIONS.get(method.toUpperCase(Locale.ROOT));
          if (operation == null) {
            return malformed(
                "AllowedMethod must be GET, HEAD, PUT, POST or DELETE, not '" + method + "'");
          }
          operations.add(operation);
        }
        if (operations.isEmpty()) {
          return malformed("every CORSRule needs an AllowedMethod");
        }
        List<String> maxAge = texts(rule, "MaxAgeSeconds");
        long seconds;
        try {
          seconds = maxAge.isEmpty() ? 0 : Long.parseLong(maxAge.get(0));
        } catch (NumberFormatException e) {
          return malformed("MaxAgeSeconds must be a number, not '" + maxAge.get(0) + "'");
        }
        if (seconds < 0 || seconds > 86_400) {
          return malformed("MaxAgeSeconds must be 0 to 86400, not " + seconds);
        }
        List<String> ids = texts(rule, "ID");
        String name =
            !ids.isEmpty() && RULE_NAME.matcher(ids.get(0)).matches()
                ? ids.get(0)
                : "s3-rule-" + (i + 1);
        rules.add(
            new CorsRule(
                name,
                origins,
                List.copyOf(operations),
                texts(rule, "AllowedHeader"),
                texts(rule, "ExposeHeader"),
                seconds));
      }
    } catch (SAXException | IOException e) {
      return malformed("the CORS configuration is not well-formed XML");
    }
    try {
      store.setCorsRules(bucket.bucketId(), rules);
    } catch (EmulatorStore.Refused e) {
      return malformed(e.getMessage());
    }
    response.setStatus(200);
    response.setContentLength(0);
    return Refusal.ANSWERED;
  }

  private static Refusal malformed(@Nullable String message) {
    return new Refusal(400, "MalformedXML", message);
  }

  private static List<String> texts(Element parent, String name) {
    List<String> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(n.getLocalName())) {
        out.add(n.getTextContent().trim());
      }
    }
    return out;
  }

  /** A namespace-aware parser that reads no DTD and no external entity. */
  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML parser", e);
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
