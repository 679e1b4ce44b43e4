package dev.stowage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/** A {@link TransferListener} that records every event, for tests. */
final class RecordingListener implements TransferListener {

  final List<String> events = new CopyOnWriteArrayList<>();
  final List<Long> bytes = new CopyOnWriteArrayList<>();
  final Set<Integer> parts = new TreeSet<>();
  final List<TransferRetry> retries = new CopyOnWriteArrayList<>();
  volatile StorageException failure;
  volatile IntConsumer onPart = n -> {};

  @Override
  public void started(long totalBytes) {
    events.add("started " + totalBytes);
  }

  @Override
  public void bytesTransferred(long bytesDone, long totalBytes) {
    bytes.add(bytesDone);
  }

  @Override
  public void partCompleted(int partNumber, long partBytes) {
    synchronized (parts) {
      parts.add(partNumber);
    }
    onPart.accept(partNumber);
  }

  @Override
  public void retrying(TransferRetry retry) {
    retries.add(retry);
  }

  @Override
  public void finished(long size) {
    events.add("finished " + size);
  }

  @Override
  public void failed(StorageException e) {
    failure = e;
    events.add("failed " + e.kind());
  }

  /** Returns whether the byte counts only grew. */
  boolean bytesStrictlyGrow() {
    List<Long> copy = new ArrayList<>(bytes);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i) <= copy.get(i - 1)) {
        return false;
      }
    }
    return true;
  }

  long lastBytes() {
    return bytes.isEmpty() ? 0 : bytes.get(bytes.size() - 1);
  }

  Set<Integer> parts() {
    synchronized (parts) {
      return new TreeSet<>(parts);
    }
  }
}
