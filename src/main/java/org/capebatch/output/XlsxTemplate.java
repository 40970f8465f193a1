package org.capebatch.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;

/**
 * An xlsx written by POI once, replayed for many workbooks of the same layout with only
 * the rows of each sheet changed. Building a workbook through POI costs about 10 ms of
 * CPU and five temporary files whatever its size (the package model, XMLBeans
 * serialization, a template zip read back and re-zipped character by character); a run
 * with thousands of small declarations paid that thousands of times. Here POI builds the
 * layout (styles, sheets, column widths, properties) once; each workbook then copies
 * those parts as they are and writes its sheet rows in exactly the XML that POI's
 * streaming writer ({@code SheetDataWriter}) produces, into a zip written the same way as
 * {@link StableSxssfWorkbook} writes its zip. The bytes are the ones POI would have
 * written for the same cells (a test compares them), so a reader, and manifest.json, sees
 * no difference.
 *
 * <p>
 * Supported: inline-string and numeric cells with a style index, as
 * {@link WorkbookStyles} creates them. A template's sheets must have been written with at
 * least one row (so POI wrote their {@code <dimension>}).
 */
public final class XlsxTemplate {

    private static final byte[] SHEET_DATA_OPEN = "<sheetData>\n".getBytes(StandardCharsets.UTF_8);

    private static final byte[] SHEET_DATA_CLOSE = "</sheetData>".getBytes(StandardCharsets.UTF_8);

    private static final byte[] DIMENSION = "<dimension ref=\"".getBytes(StandardCharsets.UTF_8);

    /**
     * One zip entry: copied whole, or a worksheet whose dimension and rows are filled in
     * per workbook.
     */
    private record Part(String name, byte[] bytes, byte[] beforeDimension, byte[] afterDimension, byte[] tail) {
        boolean sheet() {
            return bytes == null;
        }
    }

    /** Writes one sheet's rows. */
    @FunctionalInterface
    public interface SheetBody {

        void write(Rows rows) throws IOException;

    }

    private final List<Part> parts;

    private final int sheets;

    private XlsxTemplate(List<Part> parts) {
        this.parts = parts;
        this.sheets = (int) parts.stream().filter(Part::sheet).count();
    }

    /** Reads a template from an xlsx written by POI's streaming workbook. */
    public static XlsxTemplate of(byte[] xlsx) throws IOException {
        List<Part> parts = new ArrayList<>();
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                parts.add(e.getName().startsWith("xl/worksheets/") ? sheet(e.getName(), bytes)
                        : new Part(e.getName(), bytes, null, null, null));
            }
        }
        return new XlsxTemplate(parts);
    }

    private static Part sheet(String name, byte[] xml) {
        int dimension = indexOf(xml, DIMENSION, 0);
        int open = indexOf(xml, SHEET_DATA_OPEN, 0);
        int close = indexOf(xml, SHEET_DATA_CLOSE, open);
        if (dimension < 0 || open < dimension || close < 0) {
            throw new IllegalArgumentException(name + " is not a worksheet written by SXSSF with rows");
        }
        int dimensionStart = dimension + DIMENSION.length;
        int dimensionEnd = dimensionStart;
        while (xml[dimensionEnd] != '"') {
            dimensionEnd++;
        }
        return new Part(name, null, slice(xml, 0, dimensionStart),
                slice(xml, dimensionEnd, open + SHEET_DATA_OPEN.length), slice(xml, close, xml.length));
    }

    /** Number of worksheets, in the order their bodies are given to {@link #write}. */
    public int sheets() {
        return sheets;
    }

    /**
     * Writes a workbook to {@code out} (left open): every part of the template, with each
     * worksheet's rows written by {@code bodies} (one per worksheet, in zip order) and
     * its dimension computed from them. Every zip entry carries {@code entryTime}.
     */
    public void write(OutputStream out, LocalDateTime entryTime, List<SheetBody> bodies) throws IOException {
        if (bodies.size() != sheets) {
            throw new IllegalArgumentException("template has " + sheets + " sheets, got " + bodies.size());
        }
        long time = java.sql.Timestamp.valueOf(entryTime).getTime();
        // Closing the zip ends its Deflater, whose native memory would otherwise wait for
        // a GC; the caller's
        // stream stays open.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        })) {
            writeParts(zip, time, bodies);
        }
    }

    private void writeParts(ZipArchiveOutputStream zip, long time, List<SheetBody> bodies) throws IOException {
        zip.setLevel(Deflater.BEST_SPEED);
        // As SXSSFWorkbook's default (Zip64Mode.Always), which StableSxssfWorkbook passes
        // on: Zip64 extra fields
        // in every header.
        zip.setUseZip64(Zip64Mode.Always);
        Rows rows = new Rows();
        int sheet = 0;
        for (Part part : parts) {
            ZipArchiveEntry entry = new ZipArchiveEntry(part.name());
            entry.setTime(time);
            if (part.sheet()) {
                rows.reset();
                bodies.get(sheet++).write(rows);
                rows.flush();
                byte[] dimension = rows.dimension().getBytes(StandardCharsets.US_ASCII);
                entry.setSize((long) part.beforeDimension().length + dimension.length + part.afterDimension().length
                        + rows.buffer.size() + part.tail().length);
                zip.putArchiveEntry(entry);
                zip.write(part.beforeDimension());
                zip.write(dimension);
                zip.write(part.afterDimension());
                rows.buffer.writeTo(zip);
                zip.write(part.tail());
            }
            else {
                entry.setSize(part.bytes().length);
                zip.putArchiveEntry(entry);
                zip.write(part.bytes());
            }
            zip.closeArchiveEntry();
        }
        zip.finish();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer: for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(data, from, part, 0, part.length);
        return part;
    }

    /**
     * The rows of one sheet, written as POI's {@code SheetDataWriter} writes them: rows
     * in ascending order, cells in ascending column order within a row, a style attribute
     * only for a style index other than 0.
     */
    public static final class Rows {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);

        private final StringBuilder text = new StringBuilder(256);

        private int row = -1;

        private int firstRow = -1;

        private int lastRow = -1;

        private int leftColumn = Integer.MAX_VALUE;

        private int rightColumn = -1;

        private void reset() {
            buffer.reset();
            text.setLength(0);
            row = -1;
            firstRow = -1;
            lastRow = -1;
            leftColumn = Integer.MAX_VALUE;
            rightColumn = -1;
        }

        /** Starts row {@code index} (0-based), ending the previous one. */
        public Rows row(int index) {
            if (index <= row) {
                throw new IllegalArgumentException("rows must ascend: " + index + " after " + row);
            }
            endRow();
            row = index;
            if (firstRow < 0) {
                firstRow = index;
            }
            lastRow = index;
            text.append("<row r=\"").append(index + 1).append("\">\n");
            return this;
        }

        /**
         * A string cell; {@code null} writes no cell (as POI's blank-skipping setters).
         */
        public Rows text(int column, String value, int style) {
            if (value != null) {
                cellStart(column, style);
                text.append(" t=\"inlineStr\"><is><t");
                if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                        || Character.isWhitespace(value.charAt(value.length() - 1)))) {
                    text.append(" xml:space=\"preserve\"");
                }
                text.append('>');
                escape(value);
                text.append("</t></is></c>");
            }
            return this;
        }

        /** A numeric cell, written as {@link Double#toString(double)} like POI. */
        public Rows number(int column, double value, int style) {
            cellStart(column, style);
            text.append(" t=\"n\"><v>").append(Double.toString(value)).append("</v></c>");
            return this;
        }

        private void cellStart(int column, int style) {
            if (row < 0) {
                throw new IllegalStateException("a cell needs a row");
            }
            leftColumn = Math.min(leftColumn, column);
            rightColumn = Math.max(rightColumn, column);
            text.append("<c r=\"");
            appendColumn(column);
            text.append(row + 1).append('"');
            if (style != 0) {
                text.append(" s=\"").append(style & 0xffff).append('"');
            }
        }

        private void appendColumn(int column) {
            text.append(columnName(column));
        }

        /** Excel's column letters for a 0-based index: A, ..., Z, AA, ... */
        static String columnName(int column) {
            char[] letters = new char[4];
            int at = letters.length;
            for (int c = column + 1; c > 0; c = (c - 1) / 26) {
                letters[--at] = (char) ('A' + (c - 1) % 26);
            }
            return new String(letters, at, letters.length - at);
        }

        private void endRow() {
            if (row >= 0) {
                text.append("</row>\n");
            }
            if (text.length() >= 8192) {
                drain();
            }
        }

        private void flush() {
            endRow();
            drain();
        }

        private void drain() {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
            text.setLength(0);
        }

        /**
         * The sheet's used range as POI's {@code CellRangeAddress.formatAsString()}
         * writes it.
         */
        private String dimension() {
            if (firstRow < 0 || rightColumn < 0) {
                throw new IllegalStateException("a sheet needs at least one cell");
            }
            String ref = columnName(leftColumn) + (firstRow + 1);
            if (firstRow != lastRow || leftColumn != rightColumn) {
                ref += ":" + columnName(rightColumn) + (lastRow + 1);
            }
            return ref;
        }

        /**
         * Escapes as POI's {@code SheetDataWriter.outputEscapedString}, code point by
         * code point.
         */
        private void escape(String s) {
            for (int i = 0; i < s.length();) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                switch (cp) {
                    case '<' -> text.append("&lt;");
                    case '>' -> text.append("&gt;");
                    case '&' -> text.append("&amp;");
                    case '"' -> text.append("&quot;");
                    case '\n' -> text.append("&#xa;");
                    case '\r' -> text.append("&#xd;");
                    case '\t' -> text.append("&#x9;");
                    case '\u00A0' -> text.append("&#xa0;");
                    default -> {
                        if (cp < ' ' || (cp >= '\uFFFE' && cp <= '\uFFFF')) {
                            text.append('?');
                        }
                        else {
                            text.appendCodePoint(cp);
                        }
                    }
                }
            }
        }

    }

}
