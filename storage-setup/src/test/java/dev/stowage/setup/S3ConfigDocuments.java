package dev.stowage.setup;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What {@link FakeS3Server} does with a bucket-configuration document: parses it against the subset of S3's schema
 * this project uses, refuses what S3 refuses (unknown or repeated elements, values S3 does not accept, a lifecycle
 * rule with both or neither of {@code Filter} and {@code Prefix}), and keeps the server's own canonical form — S3's
 * namespace, S3's element order, and the values S3 fills in (an {@code ID} for a lifecycle rule that has none,
 * {@code BucketKeyEnabled}, every public-access-block flag). A GET then returns that form, never the client's bytes,
 * so a client that writes something S3 would not keep sees the difference on its next read.
 */
final class S3ConfigDocuments {
  static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

  /** A refused document: the S3 error code and message the server answers with status 400. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** One element of the schema: its name, whether it may repeat or must be present, its value or children. */
  private record Schema(
      String name,
      boolean repeated,
      boolean required,
      Predicate<String> value,
      List<Schema> children) {
    static Schema leaf(String name, Predicate<String> value) {
      return new Schema(name, false, false, value, List.of());
    }

    static Schema node(String name, Schema... children) {
      return new Schema(name, false, false, null, List.of(children));
    }

    Schema many() {
      return new Schema(name, true, required, value, children);
    }

    Schema needed() {
      return new Schema(name, repeated, true, value, children);
    }
  }

  private static final Predicate<String> ANY = v -> true;
  private static final Predicate<String> BOOL = Set.of("true", "false")::contains;
  private static final Predicate<String> DAYS =
      Pattern.compile("[1-9][0-9]{0,5}").asMatchPredicate();
  private static final Predicate<String> SECONDS = Pattern.compile("[0-9]{1,9}").asMatchPredicate();

  private static final Map<String, Schema> ROOTS =
      Map.of(
          "cors",
              Schema.node(
                  "CORSConfiguration",
                  Schema.node(
                          "CORSRule",
                          Schema.leaf("ID", v -> v.length() <= 255),
                          Schema.leaf("AllowedHeader", ANY).many(),
                          Schema.leaf(
                                  "AllowedMethod",
                                  Set.of("GET", "PUT", "POST", "DELETE", "HEAD")::contains)
                              .many()
                              .needed(),
                          Schema.leaf(
                                  "AllowedOrigin",
                                  v -> !v.isEmpty() && v.indexOf('*') == v.lastIndexOf('*'))
                              .many()
                              .needed(),
                          Schema.leaf("ExposeHeader", ANY).many(),
                          Schema.leaf("MaxAgeSeconds", SECONDS))
                      .many()
                      .needed()),
          "lifecycle",
              Schema.node(
                  "LifecycleConfiguration",
                  Schema.node(
                          "Rule",
                          Schema.leaf("ID", v -> !v.isEmpty() && v.length() <= 255),
                          Schema.leaf("Prefix", ANY),
                          Schema.node("Filter", Schema.leaf("Prefix", ANY)),
                          Schema.leaf("Status", Set.of("Enabled", "Disabled")::contains).needed(),
                          Schema.node("Expiration", Schema.leaf("Days", DAYS).needed()),
                          Schema.node(
                              "NoncurrentVersionExpiration",
                              Schema.leaf("NoncurrentDays", DAYS).needed()),
                          Schema.node(
                              "AbortIncompleteMultipartUpload",
                              Schema.leaf("DaysAfterInitiation", DAYS).needed()))
                      .many()
                      .needed()),
          "encryption",
              Schema.node(
                  "ServerSideEncryptionConfiguration",
                  Schema.node(
                          "Rule",
                          Schema.node(
                                  "ApplyServerSideEncryptionByDefault",
                                  Schema.leaf(
                                          "SSEAlgorithm",
                                          Set.of("AES256", "aws:kms", "aws:kms:dsse")::contains)
                                      .needed(),
                                  Schema.leaf("KMSMasterKeyID", ANY))
                              .needed(),
                          Schema.leaf("BucketKeyEnabled", BOOL))
                      .needed()),
          "ownershipControls",
              Schema.node(
                  "OwnershipControls",
                  Schema.node(
                          "Rule",
                          Schema.leaf(
                                  "ObjectOwnership",
                                  Set.of(
                                          "BucketOwnerPreferred",
                                          "ObjectWriter",
                                          "BucketOwnerEnforced")
                                      ::contains)
                              .needed())
                      .needed()),
          "publicAccessBlock",
              Schema.node(
                  "PublicAccessBlockConfiguration",
                  Schema.leaf("BlockPublicAcls", BOOL),
                  Schema.leaf("IgnorePublicAcls", BOOL),
                  Schema.leaf("BlockPublicPolicy", BOOL),
                  Schema.leaf("RestrictPublicBuckets", BOOL)),
          "object-lock",
              Schema.node(
                  "ObjectLockConfiguration",
                  Schema.leaf("ObjectLockEnabled", "Enabled"::equals).needed()));

  private S3ConfigDocuments() {}

  /** Returns whether {@code subresource} takes a document this class understands. */
  static boolean knows(String subresource) {
    return ROOTS.containsKey(subresource);
  }

  /** Parses, checks and canonicalises {@code body}, the document PUT to {@code subresource}. */
  static String canonical(String subresource, byte[] body) throws Refused {
    Schema root = ROOTS.get(subresource);
    Element doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    } catch (Exception e) {
      throw new Refused("MalformedXML", "not well-formed XML: " + e.getMessage());
    }
    if (!root.name().equals(doc.getLocalName())) {
      throw new Refused(
          "MalformedXML", "expected <" + root.name() + ">, got <" + doc.getLocalName() + ">");
    }
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.append('<').append(root.name()).append(" xmlns=\"").append(NAMESPACE).append("\">");
    render(root.name(), root, doc, out);
    return out.append("</").append(root.name()).append('>').toString();
  }

  private static void render(String document, Schema schema, Element element, StringBuilder out)
      throws Refused {
    Map<String, List<Element>> byName = new LinkedHashMap<>();
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        String name = n.getLocalName();
        Schema child =
            schema.children().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (child == null) {
          throw new Refused(
              "MalformedXML", "<" + name + "> is not allowed in <" + schema.name() + ">");
        }
        byName.computeIfAbsent(name, k -> new ArrayList<>()).add((Element) n);
      } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
        throw new Refused("MalformedXML", "text in <" + schema.name() + ">");
      }
    }
    checkRule(schema.name(), byName);
    for (Schema child : schema.children()) {
      List<Element> found = byName.getOrDefault(child.name(), List.of());
      if (found.isEmpty() && child.required()) {
        throw new Refused("MalformedXML", "<" + schema.name() + "> needs <" + child.name() + ">");
      }
      if (found.size() > 1 && !child.repeated()) {
        throw new Refused(
            "MalformedXML", "<" + child.name() + "> repeated in <" + schema.name() + ">");
      }
      for (Element e : found) {
        out.append('<').append(child.name()).append('>');
        if (child.value() != null) {
          String v = e.getTextContent();
          if (!child.value().test(v)) {
            throw new Refused(
                "InvalidArgument", "<" + child.name() + "> does not accept '" + v + "'");
          }
          out.append(escape(v));
        } else {
          render(document, child, e, out);
        }
        out.append("</").append(child.name()).append('>');
      }
      if (found.isEmpty()) {
        fillDefault(document, schema.name(), child.name(), out);
      }
    }
  }

  /** The cross-element rules S3 enforces on a lifecycle rule. */
  private static void checkRule(String name, Map<String, List<Element>> children) throws Refused {
    if (name.equals("Rule") && children.containsKey("Status")) {
      if (children.containsKey("Prefix") == children.containsKey("Filter")) {
        throw new Refused(
            "MalformedXML", "a lifecycle rule needs exactly one of <Filter> and <Prefix>");
      }
      if (!children.containsKey("Expiration")
          && !children.containsKey("NoncurrentVersionExpiration")
          && !children.containsKey("AbortIncompleteMultipartUpload")) {
        throw new Refused("InvalidRequest", "a lifecycle rule needs at least one action");
      }
    }
  }

  /** The values S3 fills in when a document leaves them out. */
  private static void fillDefault(String document, String parent, String child, StringBuilder out) {
    if (document.equals("LifecycleConfiguration") && parent.equals("Rule") && child.equals("ID")) {
      out.append("<ID>").append(UUID.randomUUID().toString().replace("-", "")).append("</ID>");
    } else if (child.equals("BucketKeyEnabled")) {
      out.append("<BucketKeyEnabled>false</BucketKeyEnabled>");
    } else if (parent.equals("PublicAccessBlockConfiguration")) {
      out.append('<').append(child).append(">false</").append(child).append('>');
    }
  }

  private static String escape(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
