package dev.stowage.examples.boot;

import dev.stowage.DirectoryListing;
import dev.stowage.FileAttributes;
import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * {@code POST /uploads} (multipart, part {@code file}) stores the file as {@code uploads/NAME};
 * {@code GET /uploads} lists them; {@code GET /uploads/NAME} serves one.
 */
@RestController
@RequestMapping("/uploads")
class UploadController {

  private final Filesystem uploads;

  /** Serves uploads from the {@code uploads} directory of the auto-configured filesystem. */
  UploadController(Filesystem filesystem) {
    this.uploads = filesystem.at("uploads");
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StoredFile> upload(@RequestParam("file") MultipartFile file) throws IOException {
    String name = UploadNames.safeName(file.getOriginalFilename());
    WriteOptions options =
        file.getContentType() == null
            ? WriteOptions.DEFAULT
            : WriteOptions.builder().contentType(file.getContentType()).build();
    FileAttributes stored;
    try (InputStream in = file.getInputStream()) {
      stored = uploads.write(name, in, file.getSize(), options);
    }
    URI location =
        URI.create("/uploads/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8));
    return ResponseEntity.created(location).body(new StoredFile(name, stored.size()));
  }

  @GetMapping
  List<StoredFile> list() {
    try (DirectoryListing listing = uploads.list("")) {
      return listing.files().stream()
          .map(entry -> new StoredFile(entry.path(), ((FileAttributes) entry).size()))
          .sorted(java.util.Comparator.comparing(StoredFile::name))
          .toList();
    }
  }

  @GetMapping("/{name}")
  ResponseEntity<Resource> download(@PathVariable String name) {
    String safe = UploadNames.safeName(name);
    FileAttributes attributes = uploads.stat(safe);
    MediaType type =
        attributes.contentType() == null
            ? MediaType.APPLICATION_OCTET_STREAM
            : MediaType.parseMediaType(attributes.contentType());
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(attributes.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(safe, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(new InputStreamResource(uploads.readStream(safe)));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badName(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Storage failures by kind; the message names the operation and path, never a credential. */
  @ExceptionHandler(StorageException.class)
  ProblemDetail storageFailed(StorageException e) {
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND, IS_A_DIRECTORY -> HttpStatus.NOT_FOUND;
          case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
          case RATE_LIMITED, UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.BAD_GATEWAY;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setProperty("kind", e.kind().name());
    return problem;
  }
}
