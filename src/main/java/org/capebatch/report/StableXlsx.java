package org.capebatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Enumeration;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Saves a POI workbook so that the same content gives the same bytes: manifest.json lists every output file's
 * SHA-256 and SPEC §5 wants those hashes identical however often the run was restarted. POI stamps two clocks into
 * an xlsx — the "created" core property and every zip entry's time — so both are pinned to the run date, and the
 * zip is re-packed entry by entry (same order, same content) with that fixed time. Published via
 * {@link AtomicFile}.
 */
public final class StableXlsx {

    private StableXlsx() {
    }

    /** Writes {@code workbook} to {@code target}; the caller still closes the workbook. */
    public static void write(Path target, Workbook workbook, LocalDate runDate) throws IOException {
        pinCreated(workbook, runDate);
        LocalDateTime fixed = runDate.atStartOfDay();
        if (workbook instanceof StableSxssfWorkbook stable) {
            // Writes its zip with the fixed entry time itself: no second pass over the bytes.
            stable.setEntryTime(fixed);
            AtomicFile.write(target, stable::write);
            return;
        }
        Path raw = Files.createTempFile("cape-xlsx-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(raw)) {
                workbook.write(out);
            }
            AtomicFile.write(target, out -> repack(raw, out, fixed));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /**
     * Deletes a streaming workbook's temp files and closes it (and the workbook it wraps), whether or not it was
     * written. {@code dispose()} comes first because POI 5.5's {@code close()} shuts the sheet writers before it
     * flushes the rows still in the window, which fails (and logs a warning) when the workbook was never written.
     */
    public static void release(SXSSFWorkbook workbook) throws IOException {
        try {
            workbook.dispose();
        } finally {
            workbook.close();
        }
    }

    private static void pinCreated(Workbook workbook, LocalDate runDate) {
        XSSFWorkbook xssf;
        if (workbook instanceof SXSSFWorkbook s) {
            xssf = s.getXSSFWorkbook();
        } else if (workbook instanceof XSSFWorkbook x) {
            xssf = x;
        } else {
            throw new IllegalArgumentException("not an xlsx workbook: " + workbook.getClass().getName());
        }
        POIXMLProperties.CoreProperties core = xssf.getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(runDate.atStartOfDay(ZoneOffset.UTC).toInstant())));
    }

    /**
     * Copies every entry's compressed bytes as they are (no second deflate: that doubled the cost of a workbook)
     * and only rewrites the entry times.
     */
    private static void repack(Path raw, OutputStream target, LocalDateTime fixed) throws IOException {
        long time = java.sql.Timestamp.valueOf(fixed).getTime();
        try (ZipFile in = ZipFile.builder().setPath(raw).get();
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            Enumeration<ZipArchiveEntry> entries = in.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry source = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(source.getName());
                copy.setMethod(source.getMethod());
                copy.setCrc(source.getCrc());
                copy.setSize(source.getSize());
                copy.setCompressedSize(source.getCompressedSize());
                copy.setTime(time);
                try (InputStream data = in.getRawInputStream(source)) {
                    out.addRawArchiveEntry(copy, data);
                }
            }
        }
    }
}
