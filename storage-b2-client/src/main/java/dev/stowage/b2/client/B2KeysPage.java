package dev.stowage.b2.client;

import java.util.List;

/**
 * One page of {@code b2_list_keys}.
 *
 * @param keys the keys (without secrets), by id
 * @param nextApplicationKeyId the start of the next page, or null at the end
 */
public record B2KeysPage(List<B2Key> keys, String nextApplicationKeyId) {
  public B2KeysPage {
    keys = Values.list(keys);
  }
}
