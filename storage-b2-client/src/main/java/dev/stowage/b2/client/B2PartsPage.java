package dev.stowage.b2.client;

import java.util.List;

/**
 * One page of {@code b2_list_parts}.
 *
 * @param parts the parts, by number
 * @param nextPartNumber the first part not returned, or null at the end
 */
public record B2PartsPage(List<B2Part> parts, Integer nextPartNumber) {
  public B2PartsPage {
    parts = Values.list(parts);
  }
}
