package dev.stowage.b2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.UploadConstraints;
import dev.stowage.UploadTicket;
import dev.stowage.spi.FilesystemAdapter;
import dev.stowage.spi.ForwardingAdapter;
import dev.stowage.tck.runner.KitCases;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proof that the kit's URL-expiry cases fail on B2 adapters broken in the way each is about, on
 * the emulator with the kit's clock: URLs or tickets that never work (the positive control), a
 * lifetime ignored, a pooled upload URL handed out again after it expired.
 */
class B2UrlMutantsTest {

  private static final String URL_EXPIRY = "temporaryUrl_afterExpiry_isRefused";
  private static final String MAX_TTL = "temporaryUrl_maximumTtl_servesFile";
  private static final String TICKET_EXPIRY = "prepareUpload_afterExpiry_isRefused";

  @Test
  void temporaryUrl_neverWorks_caughtByThePositiveControls() {
    KitCases.Outcome expiry = only(KitCases.run(DeadUrlKit.class, URL_EXPIRY));
    assertThat(expiry.failed()).as(expiry.toString()).isTrue();
    assertThat(expiry.message()).contains("5 of its 10 minutes left");
    KitCases.Outcome longest = only(KitCases.run(DeadUrlKit.class, MAX_TTL));
    assertThat(longest.failed()).as(longest.toString()).isTrue();
  }

  @Test
  void temporaryUrl_lifetimeIgnored_caughtAsNotExpired() {
    KitCases.Outcome o = only(KitCases.run(ImmortalUrlKit.class, URL_EXPIRY));
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("refused as expired (status 200");
  }

  @Test
  void prepareUpload_neverWorks_caughtByThePositiveControl() {
    KitCases.Outcome o = only(KitCases.run(DeadTicketKit.class, TICKET_EXPIRY));
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("upload with 5 minutes left");
  }

  @Test
  void prepareUpload_pooledUrlHandedOutAgain_caughtAsNotExpired() {
    KitCases.Outcome o = only(KitCases.run(StaleTicketKit.class, TICKET_EXPIRY));
    assertThat(o.failed()).as(o.toString()).isTrue();
    assertThat(o.message()).contains("refused as expired");
  }

  @Test
  void honestAdapter_passesTheExpiryCases() {
    assertThat(only(KitCases.run(HonestKit.class, URL_EXPIRY)).passed()).isTrue();
    assertThat(only(KitCases.run(HonestKit.class, TICKET_EXPIRY)).passed()).isTrue();
  }

  private static KitCases.Outcome only(Map<String, KitCases.Outcome> rows) {
    assertThat(rows).hasSize(1);
    return rows.values().iterator().next();
  }

  private static String tampered(String token) {
    return token.substring(0, token.length() - 2) + (token.endsWith("00") ? "11" : "00");
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class HonestKit extends B2AdapterContractTest {}

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class DeadUrlKit extends B2AdapterContractTest {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter adapter) {
      return new ForwardingAdapter(adapter) {
        @Override
        public URI temporaryUrl(String path, Duration ttl) {
          return URI.create(tampered(super.temporaryUrl(path, ttl).toString()));
        }
      };
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class ImmortalUrlKit extends B2AdapterContractTest {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter adapter) {
      return new ForwardingAdapter(adapter) {
        @Override
        public URI temporaryUrl(String path, Duration ttl) {
          return super.temporaryUrl(path, capabilities().maxTemporaryUrlTtl());
        }
      };
    }
  }

  @ExtendWith(KitCases.SelfTestOnly.class)
  static class DeadTicketKit extends B2AdapterContractTest {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter adapter) {
      return new ForwardingAdapter(adapter) {
        @Override
        public UploadTicket prepareUpload(
            String path, Duration ttl, UploadConstraints constraints) {
          UploadTicket t = super.prepareUpload(path, ttl, constraints);
          Map<String, String> headers = new LinkedHashMap<>(t.headers());
          headers.put("Authorization", tampered(headers.get("Authorization")));
          return new UploadTicket(t.path(), t.method(), t.url(), headers, t.expiresAt(), t.scope());
        }
      };
    }
  }

  /** Hands out the first upload URL and token it got for every later ticket, as a careless pool would. */
  @ExtendWith(KitCases.SelfTestOnly.class)
  static class StaleTicketKit extends B2AdapterContractTest {
    @Override
    FilesystemAdapter decorate(FilesystemAdapter adapter) {
      return new ForwardingAdapter(adapter) {
        private UploadTicket first;

        @Override
        public synchronized UploadTicket prepareUpload(
            String path, Duration ttl, UploadConstraints constraints) {
          UploadTicket t = super.prepareUpload(path, ttl, constraints);
          if (first == null) {
            first = t;
            return t;
          }
          Map<String, String> headers = new LinkedHashMap<>(t.headers());
          headers.put("Authorization", first.headers().get("Authorization"));
          return new UploadTicket(
              t.path(), t.method(), first.url(), headers, t.expiresAt(), t.scope());
        }
      };
    }
  }
}
