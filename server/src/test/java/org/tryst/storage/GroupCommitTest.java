package org.tryst.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    @Test
    void whatArrivesWhileABatchIsWrittenGoesIntoTheNextInOrder() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (GroupCommit<Integer> writer = new GroupCommit<>("test-writer", 100, batch -> {
            batches.add(batch);
            writing.countDown();
            await(release);
        })) {
            CompletableFuture<Void> first = writer.submit(0);
            writing.await();
            List<CompletableFuture<Void>> waiting = List.of(writer.submit(1), writer.submit(2), writer.submit(3));
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            release.countDown();
            first.get();
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get();
            assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3));
        }
    }

    @Test
    void aFailedBatchFailsOnlyItsOwnItemsAndTheWriterGoesOn() throws Exception {
        try (GroupCommit<String> writer = new GroupCommit<>("test-writer", 100, batch -> {
            if (batch.contains("bad")) throw new IllegalStateException("the disk is full");
        })) {
            assertThatThrownBy(() -> writer.submit("bad").get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
            writer.submit("good").get();
        }
    }

    @Test
    void aClosedWriterTakesNothingMore() {
        GroupCommit<String> writer = new GroupCommit<>("test-writer", 100, batch -> {});
        writer.close();
        assertThatThrownBy(() -> writer.submit("late")).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
