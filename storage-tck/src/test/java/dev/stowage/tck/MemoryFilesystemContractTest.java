package dev.stowage.tck;

import dev.stowage.Filesystem;
import dev.stowage.memory.MemoryAdapter;

/**
 * The kit's reference run: the in-memory adapter with public URLs served on loopback, so that
 * every case except temporary URLs, upload tickets and multipart executes.
 */
class MemoryFilesystemContractTest extends FilesystemContract {

  private StaticFileServer server;

  @Override
  protected Filesystem createFilesystem() {
    server = StaticFileServer.start();
    MemoryAdapter adapter = MemoryAdapter.builder().publicUrlBase(server.base()).build();
    server.serve(adapter);
    return Filesystem.of(countingCalls(adapter));
  }

  @Override
  protected void afterAll() {
    server.close();
  }
}
