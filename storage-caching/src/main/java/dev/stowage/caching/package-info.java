/**
 * {@link dev.stowage.caching.CachingAdapter}: a Caffeine cache of {@code stat} and existence
 * answers in front of any adapter, invalidated by the changes made through it.
 */
@NullMarked
package dev.stowage.caching;

import org.jspecify.annotations.NullMarked;
