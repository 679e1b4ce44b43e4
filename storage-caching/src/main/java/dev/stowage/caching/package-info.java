/**
 * {@link dev.stowage.caching.CachingAdapter}: a Caffeine cache of {@code stat} and existence
 * answers in front of any adapter, invalidated by the changes made through it.
 */
package dev.stowage.caching;
