/**
 * A Spring Boot upload example: {@link dev.stowage.examples.boot.UploadApplication} stores and lists
 * uploads through the Stowage starter, whatever backend {@code stowage.uri} names.
 */
@NullMarked
package dev.stowage.examples.boot;

import org.jspecify.annotations.NullMarked;
