/**
 * {@link dev.stowage.memory.MemoryAdapter}, an in-memory object store for tests and examples,
 * and its {@code memory:} URI provider.
 */
@NullMarked
package dev.stowage.memory;

import org.jspecify.annotations.NullMarked;
