package org.capebatch.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the ES-022 workbook of the sample loop ({@code sample/answers/2-ES-022.xlsx},
 * SPEC §6.2): CBP's report of accepted entries and refunds for the sample's 2026-11-30
 * declarations, laid out as ACE exports it (a {@code Parameters} sheet, then
 * {@code Main Report} with a title row above its 17 columns, keys wrapped {@code ="…"}).
 * Run:
 * {@code java -cp target/cape-batch.jar -Dloader.main=org.capebatch.generate.SampleAnswersBuilder
 * org.springframework.boot.loader.launch.PropertiesLauncher sample}.
 */
public final class SampleAnswersBuilder {

    private static final String[] HEADER = { "Claim Number", "Claim Status", "Filer Code", "Importer Number",
            "CF4811 Number", "CF4811 Name", "Entry Summary Number", "Entry Date", "Liquidation Date",
            "Control Team Number", "Center ID Code", "Center ID Name", "Refund Amount", "Interest Amount",
            "Refund Number", "Refund Date", "Refund Status" };

    /**
     * Entry, claim, importer, refund, interest, refund number, refund date, refund status
     * ("" = not paid yet).
     */
    private static final String[][] ROWS = {
            { "XMP00010221", "100000241223", "47-123456700", "3000.00", "278.37", "R27011200017", "01/12/2027",
                    "Treasury Issued" },
            { "XMP00010247", "100000241223", "47-123456700", "2950.00", "271.10", "R27011200018", "01/12/2027",
                    "Treasury Issued" },
            { "XMP00010254", "100000241223", "47-123456700", "", "", "", "", "" }, { "YOT00010401", "100000241299",
                    "91-555000100", "3000.00", "278.37", "R27011200019", "01/13/2027", "Sent to Treasury" }, };

    private SampleAnswersBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "sample").resolve("answers"));
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(dir.resolve("2-ES-022.xlsx"))) {
            Sheet parameters = workbook.createSheet("Parameters");
            parameters.createRow(0).createCell(0).setCellValue("Report: ES-022 CAPE Entry Summary Report");
            parameters.createRow(1).createCell(0).setCellValue("Claim Date: 11/30/2026 - 01/15/2027");
            Sheet main = workbook.createSheet("Main Report");
            main.createRow(0).createCell(0).setCellValue("ES-022 CAPE Entry Summary Report");
            Row header = main.createRow(2);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < ROWS.length; r++) {
                String[] v = ROWS[r];
                Row row = main.createRow(r + 3);
                row.createCell(0).setCellValue("=\"" + v[1] + "\"");
                row.createCell(1).setCellValue("Accepted");
                row.createCell(2).setCellValue(v[0].substring(0, 3));
                row.createCell(3).setCellValue(v[2]);
                row.createCell(6).setCellValue("=\"" + v[0] + "\"");
                row.createCell(7).setCellValue("06/16/2025");
                for (int c = 3; c < 8; c++) {
                    if (!v[c].isEmpty()) {
                        if (c < 5) {
                            row.createCell(c + 9).setCellValue(Double.parseDouble(v[c]));
                        }
                        else {
                            row.createCell(c + 9).setCellValue(v[c]);
                        }
                    }
                }
            }
            workbook.write(out);
        }
    }

}
