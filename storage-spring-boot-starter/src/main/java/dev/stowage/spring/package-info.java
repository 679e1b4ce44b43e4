/**
 * Spring Boot auto-configuration for Stowage: a {@link dev.stowage.Filesystem} bean from
 * {@code stowage.uri}, a {@link dev.stowage.decorator.MountManager} from {@code stowage.mounts.*},
 * a bounded health check of each, and credentials that never reach a log or an actuator endpoint.
 */
@NullMarked
package dev.stowage.spring;

import org.jspecify.annotations.NullMarked;
