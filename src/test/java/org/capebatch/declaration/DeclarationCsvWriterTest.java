package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeclarationCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void write_WhenEntries_ThenExactAsciiCrlfBytesWithoutBom() throws IOException {
        Path target = dir.resolve("CAPE_ALL_20260301_001.csv");

        long rows = DeclarationCsvWriter.write(target, List.of("00112345678", "ABC12345676", "ZZZ00000017"));

        assertThat(rows).isEqualTo(3);
        assertThat(Files.readAllBytes(target)).isEqualTo(
                "Entry Number\r\n00112345678\r\nABC12345676\r\nZZZ00000017\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void write_WhenWrittenTwice_ThenSameBytes() throws IOException {
        List<String> entries = List.of("ABC12345676", "ABC12345684");
        DeclarationCsvWriter.write(dir.resolve("a.csv"), entries);
        DeclarationCsvWriter.write(dir.resolve("b.csv"), entries);

        assertThat(Files.readAllBytes(dir.resolve("b.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a.csv")));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "ABC1234567", "ABC123456760", "abc12345676", "ABC-1234567", "ABC 1234567",
            "ÄBC12345676", "ABC1234567６", "ABC1234567," })
    void write_WhenNotAnElevenCharAsciiEntryNumber_ThenRefusedAndNothingPublished(String entryNumber) {
        Path target = dir.resolve("d.csv");

        assertThatThrownBy(
                () -> DeclarationCsvWriter.write(target, java.util.Arrays.asList("ABC12345676", entryNumber)))
            .isInstanceOf(IllegalArgumentException.class);

        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void write_WhenDuplicateOrUnsorted_ThenRefused() {
        assertThatThrownBy(
                () -> DeclarationCsvWriter.write(dir.resolve("d.csv"), List.of("ABC12345676", "ABC12345676")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ascending");
        assertThatThrownBy(
                () -> DeclarationCsvWriter.write(dir.resolve("d.csv"), List.of("ABC12345684", "ABC12345676")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_When9999Entries_ThenAcceptedAnd10000Refused() throws IOException {
        List<String> max = IntStream.range(0, 9_999).mapToObj(i -> "ABC%08d".formatted(i)).toList();
        Path target = dir.resolve("max.csv");

        assertThat(DeclarationCsvWriter.write(target, max)).isEqualTo(9_999);
        assertThat(Files.size(target)).isEqualTo(14 + 9_999 * 13L);

        List<String> tooMany = IntStream.range(0, 10_000).mapToObj(i -> "ABC%08d".formatted(i)).toList();
        assertThatThrownBy(() -> DeclarationCsvWriter.write(dir.resolve("over.csv"), tooMany))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("9999");
        assertThat(dir.resolve("over.csv")).doesNotExist();
    }

}
