package org.capebatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.capebatch.rules.Reason;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTTitle;
import org.openxmlformats.schemas.drawingml.x2006.main.CTRegularTextRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph;
import org.junit.jupiter.api.io.TempDir;

class SummaryWorkbookWriterTest {

    static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

    @TempDir
    Path dir;

    static SummaryData data(List<ReasonCount> reasons) {
        return new SummaryData(RUN_DATE, "in/es003.csv", 120, 3, 40, 31, new BigDecimal("1000.50"),
                new BigDecimal("7.25"), new BigDecimal("1007.75"), reasons);
    }

    static final List<ReasonCount> REASONS = List.of(
            new ReasonCount(Reason.STATEMENT_UNPAID, 2, new BigDecimal("20.00")),
            new ReasonCount(Reason.DATA_ERROR, 3, BigDecimal.ZERO),
            new ReasonCount(Reason.NO_IEEPA_DUTY, 4, BigDecimal.ZERO));

    static final List<ImporterTotal> IMPORTERS = List.of(
            new ImporterTotal("123-45-6789", 10, 9, new BigDecimal("300.00")),
            new ImporterTotal("12-3456789AB", 30, 22, new BigDecimal("707.75")));

    @Test
    void write_WhenRun_ThenSheetsInOrderWithTotals() throws IOException {
        Path target = dir.resolve("summary.xlsx");

        long importerRows = SummaryWorkbookWriter.write(target, data(REASONS), IMPORTERS.iterator());

        assertThat(importerRows).isEqualTo(2);
        assertThat(Files.list(dir)).containsExactly(target);
        try (XSSFWorkbook wb = open(target)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("Summary",
                    "Excluded by reason", "Refund by importer");
            Sheet summary = wb.getSheet("Summary");
            assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(RUN_DATE);
            assertThat(summary.getRow(2).getCell(1).getStringCellValue()).isEqualTo("in/es003.csv");
            assertThat(LongStream.rangeClosed(3, 7)
                .mapToObj(r -> summary.getRow((int) r))
                .map(row -> row.getCell(0).getStringCellValue() + "=" + (long) row.getCell(1).getNumericCellValue()))
                .containsExactly("Rows read=120", "Rows rejected=3", "Entries=40", "Eligible=31", "Excluded=9");
            assertThat(summary.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(1000.50);
            assertThat(summary.getRow(9).getCell(1).getNumericCellValue()).isEqualTo(7.25);
            assertThat(summary.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(1007.75);
            assertThat(summary.getRow(10).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void write_WhenExcludedReasons_ThenSortedByCountWithBarChart() throws IOException {
        Path target = dir.resolve("summary.xlsx");

        SummaryWorkbookWriter.write(target, data(REASONS), IMPORTERS.iterator());

        try (XSSFWorkbook wb = open(target)) {
            XSSFSheet reasons = wb.getSheet("Excluded by reason");
            assertThat(reasons.getLastRowNum()).isEqualTo(3);
            assertThat(List.of(1, 2, 3).stream().map(r -> reasons.getRow(r).getCell(0).getStringCellValue()))
                .containsExactly("NO_IEEPA_DUTY", "DATA_ERROR", "STATEMENT_UNPAID");
            assertThat(reasons.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(reasons.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(20.0);

            List<XSSFChart> charts = reasons.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XSSFChart chart = charts.get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Excluded entries by reason");
            assertThat(chart.getChartSeries()).hasSize(1);
            assertThat(chart.getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                .isEqualTo("'Excluded by reason'!$B$2:$B$4");
            XDDFDataSource<?> categories = chart.getChartSeries().get(0).getSeries(0).getCategoryData();
            assertThat(categories.getDataRangeReference()).isEqualTo("'Excluded by reason'!$A$2:$A$4");
            assertThat(List.of(0, 1, 2).stream().map(i -> String.valueOf(categories.getPointAt(i))))
                .containsExactly("NO_IEEPA_DUTY", "DATA_ERROR", "STATEMENT_UNPAID");
            CTPlotArea plot = chart.getCTChart().getPlotArea();
            assertThat(axisTitle(plot.getCatAxArray(0).getTitle())).isEqualTo("Reason");
            assertThat(axisTitle(plot.getValAxArray(0).getTitle())).isEqualTo("Entries");
        }
    }

    @Test
    void write_WhenTiedCounts_ThenCheckOrderBreaksTies() throws IOException {
        Path target = dir.resolve("summary.xlsx");
        List<ReasonCount> tied = List.of(new ReasonCount(Reason.STATEMENT_UNPAID, 2, BigDecimal.ONE),
                new ReasonCount(Reason.DATA_ERROR, 2, BigDecimal.ZERO),
                new ReasonCount(Reason.NO_IEEPA_DUTY, 5, BigDecimal.ZERO));

        SummaryWorkbookWriter.write(target, data(tied), IMPORTERS.iterator());

        try (XSSFWorkbook wb = open(target)) {
            XSSFSheet reasons = wb.getSheet("Excluded by reason");
            assertThat(List.of(1, 2, 3).stream().map(r -> reasons.getRow(r).getCell(0).getStringCellValue()))
                .containsExactly("NO_IEEPA_DUTY", "DATA_ERROR", "STATEMENT_UNPAID");
        }
    }

    @Test
    void write_WhenImporters_ThenHeaderFrozenFilteredAndCreatorCapeBatch() throws IOException {
        Path target = dir.resolve("summary.xlsx");

        SummaryWorkbookWriter.write(target, data(REASONS), IMPORTERS.iterator());

        try (XSSFWorkbook wb = open(target)) {
            XSSFSheet importers = wb.getSheet("Refund by importer");
            assertThat(importers.getPaneInformation().isFreezePane()).isTrue();
            assertThat(importers.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(importers.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            assertThat(importers.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D3");
            assertThat(wb.getProperties().getCoreProperties().getCreator()).isEqualTo("cape-batch");
        }
    }

    @Test
    void write_WhenEntriesWithoutImporterNumber_ThenLabelledRowNotBlank() throws IOException {
        Path target = dir.resolve("summary.xlsx");
        List<ImporterTotal> importers = List.of(new ImporterTotal(null, 3, 0, BigDecimal.ZERO),
                new ImporterTotal("12-3456789AB", 30, 22, new BigDecimal("707.75")));

        SummaryWorkbookWriter.write(target, data(REASONS), importers.iterator());

        try (XSSFWorkbook wb = open(target)) {
            Sheet sheet = wb.getSheet("Refund by importer");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("(no importer number)");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isNotBlank();
            }
        }
    }

    private static String axisTitle(CTTitle title) {
        StringBuilder text = new StringBuilder();
        for (CTTextParagraph p : title.getTx().getRich().getPList()) {
            for (CTRegularTextRun run : p.getRList()) {
                text.append(run.getT());
            }
        }
        return text.toString();
    }

    @Test
    void write_WhenNothingExcluded_ThenHeaderOnlyAndNoChart() throws IOException {
        Path target = dir.resolve("summary.xlsx");

        SummaryWorkbookWriter.write(target, data(List.of()), Collections.emptyIterator());

        try (XSSFWorkbook wb = open(target)) {
            XSSFSheet reasons = wb.getSheet("Excluded by reason");
            assertThat(reasons.getLastRowNum()).isZero();
            assertThat(reasons.getDrawingPatriarch()).isNull();
            assertThat(wb.getSheet("Refund by importer").getLastRowNum()).isZero();
        }
    }

    @Test
    void write_WhenSsnImporter_ThenMaskedAndOthersKept() throws IOException {
        Path target = dir.resolve("summary.xlsx");

        SummaryWorkbookWriter.write(target, data(REASONS), IMPORTERS.iterator());

        try (XSSFWorkbook wb = open(target)) {
            Sheet importers = wb.getSheet("Refund by importer");
            assertThat(importers.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Importer");
            assertThat(importers.getRow(1).getCell(0).getStringCellValue()).isEqualTo("***-**-6789");
            assertThat(importers.getRow(2).getCell(0).getStringCellValue()).isEqualTo("12-3456789AB");
            assertThat(importers.getRow(2).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(importers.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(30);
            assertThat(importers.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(22);
            assertThat(importers.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(707.75);
            DataFormatter text = new DataFormatter();
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(text.formatCellValue(cell)).doesNotContain("123-45");
                    }
                }
            }
        }
    }

    @Test
    void write_WhenWrittenTwice_ThenSameBytes() throws IOException {
        Path first = dir.resolve("a.xlsx");
        Path second = dir.resolve("b.xlsx");

        SummaryWorkbookWriter.write(first, data(REASONS), IMPORTERS.iterator());
        SummaryWorkbookWriter.write(second, data(REASONS), IMPORTERS.iterator());

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

}
