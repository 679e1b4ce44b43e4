package dev.stowage.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web application that stores uploads through the Stowage starter. The backend is the
 * {@code stowage.uri} property: {@code memory:} by default, {@code b2://bucket}, {@code s3://bucket}
 * or {@code file:///dir} without a code change.
 */
@SpringBootApplication
public class UploadApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(UploadApplication.class, args);
  }
}
