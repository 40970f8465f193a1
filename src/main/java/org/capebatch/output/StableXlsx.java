package org.capebatch.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Saves a workbook so that the same content gives the same bytes: manifest.json lists
 * every output file's SHA-256 and SPEC §5 wants those hashes identical however often the
 * run was restarted. POI stamps two clocks into an xlsx — the "created" core property and
 * every zip entry's time — so both are pinned to the run date (the entry times by
 * {@link StableSxssfWorkbook} as it writes its zip). Published via {@link AtomicFile}.
 */
public final class StableXlsx {

    /** The workbook's "creator" core property (POI would write "Apache POI"). */
    public static final String CREATOR = "cape-batch";

    private StableXlsx() {
    }

    /**
     * Writes {@code workbook} to {@code target}; the caller still releases the workbook.
     */
    public static void write(Path target, StableSxssfWorkbook workbook, LocalDate runDate) throws IOException {
        AtomicFile.write(target, out -> write(out, workbook, runDate));
    }

    /**
     * Writes {@code workbook} to {@code out}, which stays open; the caller still releases
     * the workbook.
     */
    public static void write(OutputStream out, StableSxssfWorkbook workbook, LocalDate runDate) throws IOException {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setCreated(Optional.of(Date.from(runDate.atStartOfDay(ZoneOffset.UTC).toInstant())));
        core.setCreator(CREATOR);
        workbook.setEntryTime(runDate.atStartOfDay());
        workbook.write(out);
    }

    /**
     * Deletes a streaming workbook's temp files and closes it (and the workbook it
     * wraps), whether or not it was written. {@code dispose()} comes first because POI
     * 5.5's {@code close()} shuts the sheet writers before it flushes the rows still in
     * the window, which fails (and logs a warning) when the workbook was never written.
     */
    public static void release(SXSSFWorkbook workbook) throws IOException {
        try {
            workbook.dispose();
        }
        finally {
            workbook.close();
        }
    }

}
