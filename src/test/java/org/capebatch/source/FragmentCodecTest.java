package org.capebatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FragmentCodecTest {

    @Test
    void decode_WhenEncoded_ThenSameLinesAndCells() {
        List<StagedRow> rows = List.of(new StagedRow(2, new String[] { "ABC12345676", "01", "", "$1,000.00" }),
                new StagedRow(3, new String[] { "back\\slash", "unit\u001Fsep", "record\u001Esep", "=\"x\"" }),
                new StagedRow(1_000_000_007L, new String[] { null, "", "tail", "" }));

        List<StagedRow> decoded = FragmentCodec.decode(FragmentCodec.encode(rows), 4);

        assertThat(decoded).hasSize(3);
        assertThat(decoded.get(0).line()).isEqualTo(2);
        assertThat(decoded.get(0).cells()).containsExactly("ABC12345676", "01", "", "$1,000.00");
        assertThat(decoded.get(1).cells()).containsExactly("back\\slash", "unit\u001Fsep", "record\u001Esep", "=\"x\"");
        assertThat(decoded.get(2).line()).isEqualTo(1_000_000_007L);
        assertThat(decoded.get(2).cells()).containsExactly("", "", "tail", "");
    }

    @Test
    void decode_WhenRowHasDefect_ThenDefectAndCellsBack() {
        List<StagedRow> rows = List.of(new StagedRow(7, new String[] { "a", "b" }),
                new StagedRow(8, new String[] { "c", null }, "Surety Paid", "row has 1 of 2 fields\u001F!: missing x"),
                new StagedRow(9, new String[] { "d", "e" }));

        List<StagedRow> decoded = FragmentCodec.decode(FragmentCodec.encode(rows), 2);

        assertThat(decoded).extracting(StagedRow::line).containsExactly(7L, 8L, 9L);
        assertThat(decoded.get(0).defect()).isNull();
        assertThat(decoded.get(1).defectColumn()).isEqualTo("Surety Paid");
        assertThat(decoded.get(1).defect()).isEqualTo("row has 1 of 2 fields\u001F!: missing x");
        assertThat(decoded.get(1).cells()).containsExactly("c", "");
        assertThat(decoded.get(2).defect()).isNull();
        assertThat(decoded.get(2).cells()).containsExactly("d", "e");
    }

    @Test
    void decode_WhenFewerColumnsAsked_ThenExtraCellsDropped() {
        String payload = FragmentCodec.encode(List.of(new StagedRow(5, new String[] { "a", "b", "c" })));
        assertThat(FragmentCodec.decode(payload, 2).get(0).cells()).containsExactly("a", "b");
    }

    @Test
    void encode_WhenRowRepeatsCellsOfTheRowBefore_ThenWrittenOnceAndSharedWhenDecoded() {
        List<StagedRow> rows = List.of(new StagedRow(2, new String[] { "ABC12345676", "99-1234567", "8471300100", "" }),
                new StagedRow(3, new String[] { "ABC12345676", "99-1234567", "99030301", "" }),
                new StagedRow(4, new String[] { "ABC12345676", "other", "99030301", null }));

        String payload = FragmentCodec.encode(rows);
        List<StagedRow> decoded = FragmentCodec.decode(payload, 4);

        assertThat(payload.split("ABC12345676", -1)).hasSize(2);
        assertThat(decoded.get(1).cells()).containsExactly("ABC12345676", "99-1234567", "99030301", "");
        assertThat(decoded.get(2).cells()).containsExactly("ABC12345676", "other", "99030301", "");
        assertThat(decoded.get(1).cells()[0]).isSameAs(decoded.get(0).cells()[0]);
        assertThat(decoded.get(2).cells()[2]).isSameAs(decoded.get(1).cells()[2]);
    }

    @Test
    void decode_WhenCellsLookLikeTheDittoMark_ThenTheyStayText() {
        List<StagedRow> rows = List.of(new StagedRow(2, new String[] { "\\d", "d" }),
                new StagedRow(3, new String[] { "\\d", "\\d" }), new StagedRow(4, new String[] { "d", "\\d" }));

        List<StagedRow> decoded = FragmentCodec.decode(FragmentCodec.encode(rows), 2);

        assertThat(decoded).extracting(row -> List.of(row.cells()))
            .containsExactly(List.of("\\d", "d"), List.of("\\d", "\\d"), List.of("d", "\\d"));
    }

    @Test
    void decode_WhenPayloadWasWrittenBeforeDittos_ThenSameCells() {
        // as staged by a release before dittos: every cell in full, a backslash escaped
        String before = "2\u001FABC12345676\u001Fa\\\\b\u001E3\u001FABC12345676\u001Fa\\\\b";

        List<StagedRow> decoded = FragmentCodec.decode(before, 2);

        assertThat(decoded).extracting(row -> List.of(row.cells()))
            .containsExactly(List.of("ABC12345676", "a\\b"), List.of("ABC12345676", "a\\b"));
    }

    @Test
    void decode_WhenRandomRows_ThenEveryCellBack() {
        String alphabet = "ad1\\\u001F\u001E\u0000!é\t\r\n";
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            List<StagedRow> rows = new ArrayList<>();
            int columns = 1 + random.nextInt(4);
            for (int r = 0, count = 1 + random.nextInt(4); r < count; r++) {
                String[] cells = new String[columns];
                for (int c = 0; c < columns; c++) {
                    boolean repeat = r > 0 && random.nextBoolean();
                    cells[c] = repeat ? rows.get(r - 1).cells()[c] : randomText(random, alphabet);
                }
                rows.add(random.nextInt(5) == 0
                        ? new StagedRow(r + 1, cells, randomText(random, alphabet), randomText(random, alphabet))
                        : new StagedRow(r + 1, cells));
            }

            List<StagedRow> decoded = FragmentCodec.decode(FragmentCodec.encode(rows), columns);

            assertThat(decoded).hasSameSizeAs(rows);
            for (int r = 0; r < rows.size(); r++) {
                assertThat(decoded.get(r).cells()).containsExactly(rows.get(r).cells());
                assertThat(decoded.get(r).defect()).isEqualTo(rows.get(r).defect());
                assertThat(decoded.get(r).line()).isEqualTo(rows.get(r).line());
            }
        }
    }

    @Test
    void appendCopyText_WhenRandomRows_ThenThePayloadAsCopyTextFormatWritesIt() {
        String alphabet = "ad\\\u001F\u001E\u0000\t\r\n";
        Random random = new Random(11);
        for (int run = 0; run < 2_000; run++) {
            List<StagedRow> rows = new ArrayList<>();
            for (int r = 0, count = 1 + random.nextInt(3); r < count; r++) {
                String[] cells = { randomText(random, alphabet), r > 0 ? rows.get(r - 1).cells()[1] : "x" };
                rows.add(new StagedRow(r + 1, cells));
            }
            StringBuilder copy = new StringBuilder("before\t");

            FragmentCodec.appendCopyText(rows, copy);

            // COPY's text format escapes backslash, tab, LF and CR
            String payload = FragmentCodec.encode(rows);
            String expected = payload.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
            assertThat(copy.toString()).isEqualTo("before\t" + expected);
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = random.nextInt(4); i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

}
