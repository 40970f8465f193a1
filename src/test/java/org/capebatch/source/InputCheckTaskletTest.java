package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.capebatch.run.CapeRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class InputCheckTaskletTest {

    @TempDir
    Path dir;

    @Test
    void aFileWhoseHeaderFailsTheCheckIsNotHashedToTheEnd() throws Exception {
        // A header without the ES-003 columns, then 8 GB of hole (no disk used): hashing
        // all of it takes seconds.
        Path file = dir.resolve("es003.csv");
        Files.writeString(file, "Entry Number,Importer Number\n");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(8L << 30);
        }
        InputSource input = new InputSource(file.toString(), null, 1, Long.MAX_VALUE);
        CapeRun run = new CapeRun(1, LocalDate.of(2026, 11, 30), file.toString(), dir.resolve("out"));
        InputCheckTasklet check = new InputCheckTasklet(new JdbcTemplate(), run, input);

        assertThatThrownBy(() -> check.execute(null, null)).isInstanceOf(MalformedSourceException.class)
            .hasMessageContaining("es003.csv");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (hashing() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(hashing()).as("a thread still hashing the input a second after its check failed").isFalse();
    }

    private static boolean hashing() {
        return Thread.getAllStackTraces()
            .values()
            .stream()
            .flatMap(Arrays::stream)
            .anyMatch(frame -> frame.getClassName().equals(InputFingerprint.class.getName())
                    && frame.getMethodName().equals("of"));
    }

}
