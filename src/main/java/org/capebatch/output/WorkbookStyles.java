package org.capebatch.output;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The few cell styles our workbooks use, created once per workbook (a workbook holds at
 * most 64,000 styles, so never one per cell), and the typed cell setters that go with
 * them.
 */
public record WorkbookStyles(CellStyle header, CellStyle text, CellStyle money, CellStyle date) {

    public static WorkbookStyles of(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        // "@" is Excel's Text format: a user editing the sheet keeps entry numbers such
        // as 00112345678 as text.
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        return new WorkbookStyles(header, text, money, date);
    }

    public void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(header);
        }
    }

    /**
     * A string cell (never numeric, whatever it looks like); null leaves the cell blank.
     */
    public void text(Row row, int column, String value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(text);
        }
    }

    /**
     * A numeric cell shown as {@code #,##0.00}; exact for any amount below 2^53 cents.
     */
    public void money(Row row, int column, BigDecimal amount) {
        if (amount != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(amount.doubleValue());
            cell.setCellStyle(money);
        }
    }

    public void number(Row row, int column, long value) {
        row.createCell(column).setCellValue(value);
    }

    /** A real date cell shown as {@code yyyy-mm-dd}; null leaves the cell blank. */
    public void date(Row row, int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }
}
