package org.capebatch.output;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A streaming workbook whose zip is written with a fixed entry time and fast compression:
 * the same content gives the same bytes (manifest.json hashes every file, SPEC §5),
 * without re-packing the zip afterwards, and the deflate of thousands of declaration
 * workbooks costs a third of POI's default level.
 */
public class StableSxssfWorkbook extends SXSSFWorkbook {

    private long entryTime = java.sql.Timestamp.valueOf(LocalDateTime.of(1980, 1, 1, 0, 0)).getTime();

    public StableSxssfWorkbook(int window) {
        super(window);
    }

    public StableSxssfWorkbook(XSSFWorkbook template, int window) {
        super(template, window);
    }

    /**
     * The local date-time every zip entry carries (the run date, so output does not
     * depend on the clock).
     */
    public void setEntryTime(LocalDateTime time) {
        this.entryTime = java.sql.Timestamp.valueOf(time).getTime();
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                entry.setTime(entryTime);
                super.putArchiveEntry(entry);
            }
        };
        zip.setLevel(Deflater.BEST_SPEED);
        if (zip64Mode != null) {
            zip.setUseZip64(zip64Mode);
        }
        return zip;
    }

}
